import { createOfficeDouble } from '../office-double';

// The double's rules for deleting sheets and for calls Excel cannot undo, held to Microsoft's word
// (sources cited where the double models them, tests/office-double/api.ts and index.ts).
describe('the Excel double: deleting a very hidden sheet', () => {
  it('refuses Worksheet.delete on a VeryHidden sheet (InvalidOperation) and deletes it once it is hidden', async () => {
    const d = createOfficeDouble({ api: 7 });
    d.state.addSheet('S');
    d.state.addSheet('B').visibility = 'VeryHidden';
    await expect(d.excel.run(async (context) => context.workbook.worksheets.getItem('B').delete())).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(d.state.sheet('B')).toBeDefined();
    await d.excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem('B');
      b.visibility = 'Hidden';
      b.delete();
      await context.sync();
    });
    expect(d.state.sheet('B')).toBeUndefined();
  });
});

describe('the Excel double: calls Excel cannot undo, inside mergeUndoGroup (ExcelApi 1.20)', () => {
  const refused: [string, (ws: Excel.Worksheet, context: Excel.RequestContext) => void][] = [
    ['Worksheet.delete', (ws) => ws.delete()],
    ['Worksheet.copy', (ws) => void ws.copy('End')],
    ['Worksheet.name', (ws) => (ws.name = 'T')],
    ['Worksheet.position', (ws) => (ws.position = 1)],
    ['Worksheet.visibility', (ws) => (ws.visibility = 'Hidden')],
  ];

  it.each(refused)('refuses %s with UndoNotSupported inside the group, and does it outside', async (_name, call) => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('S');
    d.state.addSheet('R');
    const batch = async (context: Excel.RequestContext) => {
      call(context.workbook.worksheets.getItem('S'), context);
      await context.sync();
    };
    const before = d.state.sheets.map((s) => [s.name, s.visibility]);
    await expect(d.excel.run({ mergeUndoGroup: true }, batch)).rejects.toMatchObject({ code: 'UndoNotSupported' });
    expect(d.state.sheets.map((s) => [s.name, s.visibility])).toEqual(before);
    await d.excel.run(batch);
    expect(d.state.sheets.map((s) => [s.name, s.visibility])).not.toEqual(before);
  });

  it('lets what Excel can undo through: values, adding a sheet', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('S');
    await d.excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      context.workbook.worksheets.add('N');
      await context.sync();
    });
    expect(d.state.sheet('S')?.cell(0, 0)?.v).toBe('x');
    expect(d.state.sheet('N')).toBeDefined();
  });
});
