/** The double must fail where Office.js fails, or tests on it prove nothing. */
import { createOfficeDouble } from '../office-double';

/** The error code a read throws (the double's and Microsoft's client's errors both carry one). */
function codeOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('the Excel double', () => {
  it('throws on a member it does not model, naming it', async () => {
    const d = createOfficeDouble();
    d.state.addSheet('S');
    await expect(
      d.excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
        (range.format as unknown as { autoFitColumns(): void }).autoFitColumns();
        await context.sync();
      }),
    ).rejects.toThrow(d.mode === 'wire' ? 'autoFitColumns is not a function' : 'Excel.RangeFormat.autoFitColumns is not modeled');
  });

  it('refuses to give a property before it is loaded and synced', async () => {
    const d = createOfficeDouble();
    d.state.addSheet('S').put(0, 0, [['x']]);
    await d.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      expect(codeOf(() => range.values)).toBe('PropertyNotLoaded');
      range.load('values');
      expect(codeOf(() => range.values)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([['x']]);
      expect(codeOf(() => range.valueTypes)).toBe('PropertyNotLoaded');
    });
  });

  it('rejects members newer than the host and run options it lacks', async () => {
    const d = createOfficeDouble({ api: 1 });
    d.state.addSheet('S');
    await expect(d.excel.run(async (context) => void context.workbook.worksheets.getItem('S').notes)).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(d.excel.run({ mergeUndoGroup: true }, async () => undefined)).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(d.office.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
  });

  it('fails a request over 5 MB before applying any of it, and counts what each sync carried', async () => {
    const d = createOfficeDouble();
    const s = d.state.addSheet('S');
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    await expect(
      d.excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A60000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(s.cells.size).toBe(0);
    expect(d.stats.syncs[0].requestBytes).toBeGreaterThan(6_000_000);
  });

  it('stores entries as Excel does: formulas, numbers with 15 digits, quote-prefixed text', async () => {
    const d = createOfficeDouble();
    const s = d.state.addSheet('S').put(0, 0, [['=1+1', '110101201503120019', "'110101201503120019", '-x', 'TRUE', '2015-03-12']]);
    expect([0, 1, 2, 3, 4, 5].map((c) => s.cell(0, c)?.t)).toEqual(['Error', 'Double', 'String', 'Error', 'Boolean', 'Double']);
    expect(s.cell(0, 1)?.v).toBe(110101201503120000);
    expect(s.cell(0, 0)?.f).toBe('=1+1');
  });
});

describe('the Excel double against the Office.js declarations', () => {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const { SPECS } = require('../office-double/api') as typeof import('../office-double/api');
  const dts = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
  const excel = dts.slice(dts.indexOf('declare namespace Excel {'));

  /** The requirement set the declarations give a member: the first "ExcelApi 1.x" of its doc comment. */
  function apiSet(type: string, member: string): number | undefined {
    const head = new RegExp(`\\n    (?:class|interface) ${type}(?:<\\w+>)?(?: extends [^{]+)? \\{`).exec(excel);
    if (!head) return undefined;
    const body = excel.slice(head.index, excel.indexOf('\n    }', head.index));
    const decl = new RegExp(`\\n\\s+(?:readonly )?${member}[(:?<]`).exec(body);
    if (!decl) return undefined;
    const doc = body.slice(body.lastIndexOf('/**', decl.index), decl.index);
    const m = /ExcelApi 1\.(\d+)/.exec(doc);
    return m ? Number(m[1]) : undefined;
  }

  it('models each member at the requirement set Office.js declares for it', () => {
    const wrong: string[] = [];
    for (const [type, spec] of Object.entries(SPECS)) {
      for (const [member, m] of Object.entries(spec.members)) {
        const declared = apiSet(type, member);
        if (declared === undefined) wrong.push(`${type}.${member}: not found in the declarations`);
        else if ((m.since ?? 1) !== declared) wrong.push(`${type}.${member}: double says 1.${m.since ?? 1}, Office.js 1.${declared}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the Excel double: documented limits', () => {
  it('fails getMergedAreasOrNullObject over a range holding more than 512 merged areas (typings)', async () => {
    const d = createOfficeDouble({ api: 13 });
    const s = d.state.addSheet('S');
    s.merges = Array.from({ length: 513 }, (_, i) => ({ row: i, col: 0, rowCount: 1, colCount: 2 }));
    const look = (address: string) =>
      d.excel.run(async (context) => {
        const areas = context.workbook.worksheets.getItem('S').getRange(address).getMergedAreasOrNullObject();
        areas.load('address');
        await context.sync();
        return areas.isNullObject ? '' : areas.address;
      });
    await expect(look('A1:B513')).rejects.toMatchObject({ code: 'GeneralException' });
    expect((await look('A1:B512')).split(',')).toHaveLength(512);
  });
});

describe('the Excel double: run options', () => {
  it("takes delayForCellEdit on every host, as Microsoft's client does, and mergeUndoGroup from ExcelApi 1.20 only", async () => {
    for (const api of [1, 7, 11]) {
      const d = createOfficeDouble({ api });
      await expect(d.excel.run({ delayForCellEdit: true }, async () => 'ran')).resolves.toBe('ran');
      await expect(d.excel.run({ mergeUndoGroup: true }, async () => 'ran')).rejects.toMatchObject({ code: 'ApiNotFound' });
    }
  });
});

describe('the Excel double: date systems', () => {
  it("answers workbook.functions.date in the workbook's date system: 0 for 1904-01-01 in a 1904 workbook, 1462 otherwise", async () => {
    const probe = async (date1904: boolean) => {
      const d = createOfficeDouble({ api: 2 });
      d.state.date1904 = date1904;
      return d.excel.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        r.load('value');
        await context.sync();
        return r.value;
      });
    };
    expect(await probe(true)).toBe(0);
    expect(await probe(false)).toBe(1462);
    await expect(createOfficeDouble({ api: 1 }).excel.run(async (context) => void context.workbook.functions)).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
