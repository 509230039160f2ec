import type { SheetContent } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { BACKUP_PREFIX } from '../../src/workbook/office/undo';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

// Backups are very hidden, and Excel refuses Worksheet.delete on a very hidden sheet (InvalidOperation;
// Microsoft Learn, Excel.Worksheet.delete). The port unhides (to Hidden) every sheet it deletes that may be
// very hidden: stale backups at the next apply, the backup after an undo in place, and a very hidden
// replaced sheet when undo swaps its backup in.

const SHEET = '统计汇总';

function content(n: number): SheetContent {
  return { columns: [{ header: '学校' }, { header: '人数', format: 'integer' }], rows: Array.from({ length: n }, (_, i) => [`学校${i}`, i]) };
}

function backups(d: OfficeDouble): string[] {
  return d.state.sheets.filter((s) => s.name.startsWith(BACKUP_PREFIX)).map((s) => s.name);
}

function workbook(api: number): OfficeDouble {
  const d = createOfficeDouble({ api });
  d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
  return d;
}

describe.each([7, 13, 19])('Deleting very hidden backups (ExcelApi 1.%i: Office 2019, 2021, 2024)', (api) => {
  it('the second and third apply that replace a sheet succeed, each deleting the backup the one before left', async () => {
    const d = workbook(api);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: content(3) }] });
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: content(2) }] });
    const first = backups(d);
    expect(first).toHaveLength(1);
    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: content(1) }] });
    expect(result.written).toEqual([{ sheet: SHEET, what: 'replaced', rows: 1 }]);
    expect(backups(d)).toHaveLength(1);
    expect(backups(d)).not.toEqual(first);
    expect(d.state.sheet(backups(d)[0])?.visibility).toBe('VeryHidden');
  });

  it('undo swaps the backup in even when the replaced sheet itself was very hidden, and leaves no backup', async () => {
    const d = workbook(api);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: content(3) }] });
    d.state.sheet(SHEET)!.visibility = 'VeryHidden';
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: content(2) }] });
    await port.undoLast!();
    expect(backups(d)).toEqual([]);
    expect(d.state.sheet(SHEET)?.visibility).toBe('VeryHidden');
    expect(d.state.sheet(SHEET)?.cell(3, 0)?.v).toBe('学校2');
  });
});
