import type { SheetContent } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { BACKUP_PREFIX } from '../../src/workbook/office/undo';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

// Inside Excel.run({ mergeUndoGroup: true }) (ExcelApi 1.20) Excel refuses what it cannot undo with
// UndoNotSupported: deleting, copying, inserting sheets, and on Windows and Mac renaming, moving and
// hiding them (Microsoft Learn, "Undo capabilities in Excel add-ins"). The port keeps all of that, and
// every read, out of the group. (The rollback and the undo of an inserted roll-up are in rollback.test.ts
// and insert.test.ts.)

const SHEET = '统计汇总';
const content: SheetContent = { columns: [{ header: '学校' }, { header: '人数', format: 'integer' }], rows: [['红星小学', 12]] };

function workbook(): OfficeDouble {
  const d = createOfficeDouble({ api: 20 });
  d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
  return d;
}

describe('OfficePort on ExcelApi 1.20: nothing Excel cannot undo inside its undo group', () => {
  it('reads outside the undo group', async () => {
    const d = workbook();
    const book = await createOfficePort(d.excel, d.office).read({ sheets: ['花名册'] });
    expect(book.sheets[0].values[1]).toEqual(['张三']);
    expect(d.stats.runs.map((r) => r.options?.mergeUndoGroup)).toEqual([undefined]);
  });

  it('deletes backups an older Excel left behind in a run of its own before the grouped apply, which stays one undo step', async () => {
    const d = workbook();
    const stale = d.state.addSheet(`${BACKUP_PREFIX}1`).put(0, 0, [['李四']]);
    stale.visibility = 'VeryHidden';
    const result = await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content }] });
    expect(result.undo).toBe('host');
    expect(result.written).toEqual([{ sheet: SHEET, what: 'created', rows: 1 }]);
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册', SHEET]);
    // Looked in the group and stopped before writing; deleted ungrouped; applied in one group.
    expect(d.stats.runs.map((r) => r.options?.mergeUndoGroup)).toEqual([true, undefined, true]);
  });

  it('costs no extra run when there is no stale backup', async () => {
    const d = workbook();
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content }] });
    expect(d.stats.runs.map((r) => r.options?.mergeUndoGroup)).toEqual([true]);
  });
});
