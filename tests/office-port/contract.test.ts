/** The shared WorkbookPort contract, run against the Office port over the Excel double at both ends of reach. */
import { describePortContract, type ContractSeed, type ContractSubject } from '../contract/portContract';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

function seeded(api: number) {
  return async (seed: ContractSeed): Promise<ContractSubject> => {
    let double: OfficeDouble = createOfficeDouble({ api });
    for (const s of seed.sheets) {
      const sheet = double.state.addSheet(s.name);
      // Values as Excel holds them, typed by a person: text, numbers, booleans, error values.
      s.rows.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v === null) return;
          const cell = sheet.ensure(r, c);
          if (typeof v === 'object') Object.assign(cell, { v: v.error, t: 'Error' });
          else Object.assign(cell, { v, t: typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Double' : 'Boolean' });
        }),
      );
    }
    return {
      port: createOfficePort(double.excel, double.office),
      reopen: async () => {
        double = createOfficeDouble({ api, reopen: double });
        return createOfficePort(double.excel, double.office);
      },
      numberFormat: async (name, row, col) => double.state.sheet(name)?.cell(row, col)?.nf ?? 'General',
      fingerprint: async (name) => {
        const sheet = double.state.sheet(name);
        if (!sheet) return 'missing';
        const formats: unknown[] = [];
        for (const [r, line] of [...sheet.cells].sort((a, b) => a[0] - b[0])) {
          for (const [c, cell] of [...line].sort((a, b) => a[0] - b[0])) {
            const { nf, fill, font, bold, link } = cell;
            if (nf ?? fill ?? font ?? bold ?? link) formats.push([r, c, nf, fill, font, bold, link]);
          }
        }
        return JSON.stringify({ formats, notes: [...sheet.notes].sort(), cf: sheet.conditionalFormats, dv: sheet.validations });
      },
    };
  };
}

describePortContract('Office port on ExcelApi 1.20 (Office double)', seeded(20));
describePortContract('Office port on ExcelApi 1.1 (Office double)', seeded(1));
