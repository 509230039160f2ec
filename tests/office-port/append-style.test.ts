/**
 * Rows appended under a list in Excel: Excel extends the list's number format to new data when three of
 * the five rows above share it (Application.ExtendList, modeled by the double, see RULES.md). A count
 * appended under 设置's date rows must stay a count, so the port gives plain numbers the General format.
 */
import { toExcelSerial } from '../../src/core/dates';
import { PAIRING_SETTING_DEFS } from '../../src/core/pairing/settings';
import { DATE_FORMAT_CODE } from '../../src/core/plan/formats';
import { planSettings } from '../../src/core/settings';
import { SHEETS } from '../../src/core/sheets';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble } from '../office-double';

const APPENDED_ROWS = [4, 5, 6, 7];

/** A school's 设置 whose last three rows hold dates in the 值 column. */
function settingsEndingInDates(api: number) {
  const d = createOfficeDouble({ api });
  const s = d.state.addSheet(SHEETS.settings).put(0, 0, [
    ['设置项', '值', '说明'],
    ['学期开始', toExcelSerial('2026-09-01'), ''],
    ['学期结束', toExcelSerial('2027-01-20'), ''],
    ['寒假开始', toExcelSerial('2027-01-21'), ''],
  ]);
  for (const r of [1, 2, 3]) s.ensure(r, 1).nf = 'yyyy/m/d';
  return { d, s, port: createOfficePort(d.excel, d.office) };
}

describe.each([1, 12, 20])('Office port: numbers appended under date rows (ExcelApi 1.%i)', (api) => {
  it('the double extends the list format to a value typed below it (the test would be empty otherwise)', async () => {
    const { d, s } = settingsEndingInDates(api);
    await d.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEETS.settings).getRange('B5').values = [[3]];
      await ctx.sync();
    });
    expect(s.cell(4, 1)?.nf).toBe('yyyy/m/d');
  });

  it('keeps 3, 2, 2, 1 as plain numbers, and undo puts the cells back as they were', async () => {
    const { s, port } = settingsEndingInDates(api);
    const values = new Map(PAIRING_SETTING_DEFS.map((d) => [d.label, { value: d.defaultValue, note: d.note }] as const));
    const { ops } = planSettings(await port.read(), PAIRING_SETTING_DEFS, values);
    expect(ops.map((o) => o.kind)).toEqual(['appendRows']);
    await port.apply({ ops });
    expect(APPENDED_ROWS.map((r) => [s.cell(r, 1)?.v, s.cell(r, 1)?.nf ?? 'General'])).toEqual(PAIRING_SETTING_DEFS.map((d) => [d.defaultValue, 'General']));
    expect(s.cell(3, 1)?.nf).toBe('yyyy/m/d');
    // Below ExcelApi 1.20 the port undoes by itself, formats included (from 1.20 it is Excel's own undo).
    if (api < 20) {
      await port.undoLast!();
      expect(APPENDED_ROWS.map((r) => [s.cell(r, 1)?.v, s.cell(r, 1)?.nf ?? 'General'])).toEqual(APPENDED_ROWS.map(() => [undefined, 'General']));
    }
  });

  it('still gives a date appended under them the date format', async () => {
    const { s, port } = settingsEndingInDates(api);
    await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.settings, rows: [['开学', { date: '2027-02-20' }, '']] }] });
    expect([s.cell(4, 1)?.v, s.cell(4, 1)?.nf]).toEqual([toExcelSerial('2027-02-20'), DATE_FORMAT_CODE]);
  });
});
