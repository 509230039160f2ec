import type { SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { seedXlsx, sheetFingerprint } from './seed';

const findings = (note: string): SheetContent => ({
  titleLines: ['校验结果'],
  columns: [{ header: '工作表' }, { header: '说明' }],
  rows: [['花名册', note]],
  table: { name: 'FindingsTable' },
  charts: [],
});

describe('file port: undoLast', () => {
  function book() {
    return openXlsx(
      seedXlsx({
        sheets: [
          {
            name: '花名册',
            rows: [
              ['姓名', '身份证号'],
              ['张三', '11010120150312001X'],
            ],
          },
          {
            name: '谈心记录',
            rows: [
              ['日期', '学生'],
              [46000, '李四'],
            ],
          },
        ],
      }),
    );
  }

  it('returns the workbook to exactly the package before the last apply (one level)', async () => {
    const wb = book();
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '校验结果', content: findings('旧') }] });
    const before = wb.save();
    const result = await wb.apply({
      ops: [
        { kind: 'replaceSheet', sheet: '校验结果', content: findings('新') },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '王五']], expectedLastRow: 1 },
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note: '校验位错误' }] },
      ],
    });
    expect(result.undo).toBe('port');
    expect(wb.canUndo!()).toBe(true);
    expect(sheetFingerprint(wb.save(), '谈心记录')).not.toBe(sheetFingerprint(before, '谈心记录'));
    await wb.undoLast!();
    expect(wb.save()).toEqual(before);
    const read = await wb.read();
    expect(read.sheets.find((s) => s.name === '谈心记录')!.values).toEqual([
      ['日期', '学生'],
      [46000, '李四'],
    ]);
    expect(read.sheets.find((s) => s.name === '校验结果')!.values[2]).toEqual(['花名册', '旧']);
    expect(wb.canUndo!()).toBe(false);
    await expect(wb.undoLast!()).rejects.toMatchObject({ key: 'office.nothingToUndo' });
  });

  it('removes a sheet the last apply created, and a failed apply leaves the earlier undo in place', async () => {
    const wb = book();
    const original = wb.save();
    await wb.apply({ ops: [{ kind: 'createSheetIfMissing', sheet: '设置', content: { columns: [{ header: '键' }, { header: '值' }], rows: [['学校', '红星小学']] } }] });
    await expect(wb.apply({ ops: [{ kind: 'setCells', sheet: '不存在', cells: [{ row: 0, col: 0, value: 'x' }] }] })).rejects.toBeDefined();
    await wb.undoLast!();
    expect(wb.save()).toEqual(original);
    expect((await wb.read({ namesOnly: true })).sheets.map((s) => s.name)).toEqual(['花名册', '谈心记录']);
  });
});
