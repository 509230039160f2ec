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
