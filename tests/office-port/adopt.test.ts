/**
 * A 谈心记录 and a 设置 a school made by hand (issue 14), through the Office port over the Excel double:
 * the new entry lands under the sheet's own headers, whatever their order, and the teacher's rows and
 * own columns stay as they were; a value of 设置 is written into the school's own value column.
 */
import { logEntryOp, readLog, type ChildRecord } from '../../src/core/contacts/log';
import { toExcelSerial } from '../../src/core/dates';
import { DATE_FORMAT_CODE } from '../../src/core/plan/formats';
import { readSettings, settingsOps } from '../../src/core/settings';
import { SHEETS } from '../../src/core/sheets';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble } from '../office-double';

const children: ChildRecord[] = ['张三', '李四'].map((name, row) => ({ row, name, classLabel: '三(1)班', birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false }));
const HEADER = ['序号', '学生姓名', '班级', '联系日期：', '方式', '记录教师', '谈话内容（摘要）', '家长签字'];
const TYPED = [1, '张三', '三(1)班', toExcelSerial('2026-11-20'), '谈心', '陈老师', '学习', '张父'];

describe.each([1, 20])('Office port over sheets a school made (ExcelApi 1.%i)', (api) => {
  it('appends a talk under the school’s own headers, its 序号 and 家长签字 columns left to the teacher', async () => {
    const d = createOfficeDouble({ api });
    const s = d.state.addSheet(SHEETS.log).put(0, 0, [['2026年秋季谈心记录'], [], HEADER, TYPED]);
    const port = createOfficePort(d.excel, d.office);
    const op = logEntryOp([{ date: '2026-11-29', children: [children[1]], kind: 'parentCall', recorder: '陈老师', content: '与母亲通话' }], await port.read());
    const result = await port.apply({ ops: [op] });
    expect(HEADER.map((_, c) => s.cell(3, c)?.v)).toEqual(TYPED);
    expect(HEADER.map((_, c) => s.cell(4, c)?.v ?? '')).toEqual(['', '李四', '三(1)班', toExcelSerial('2026-11-29'), '家长电话', '陈老师', '与母亲通话', '']);
    expect(s.cell(4, 3)?.nf).toBe(DATE_FORMAT_CODE);
    const log = readLog(await port.read(), children, '2026-12-01');
    expect(log.entries.map((e) => [e.row, e.date, e.child, e.kind])).toEqual([
      [3, '2026-11-20', 0, 'talk'],
      [4, '2026-11-29', 1, 'parentCall'],
    ]);
    // Undone, the school's sheet is as it was.
    if (result.undo === 'port') {
      await port.undoLast!();
      expect(HEADER.map((_, c) => s.cell(4, c)?.v ?? '')).toEqual(HEADER.map(() => ''));
    } else expect(result.undo).toBe('host');
  });

  it('writes a 设置 value into the school’s own value column, and appends nothing to its layout', async () => {
    const d = createOfficeDouble({ api });
    const s = d.state.addSheet(SHEETS.settings).put(0, 0, [['学校设置'], ['序号', '设置项目', '设置值', '备注'], [1, '花名册列：监护人电话', 'E（监护人电话）', '保存的列']]);
    const port = createOfficePort(d.excel, d.office);
    const before = await port.read();
    expect(readSettings(before).get('花名册列：监护人电话')).toMatchObject({ row: 2, col: 2 });
    const ops = settingsOps(
      before,
      [],
      new Map([
        ['花名册列：监护人电话', { value: 'F（监护人电话）' }],
        ['谈心周期（天）', { value: 7 }],
      ]),
    );
    expect(ops.map((op) => op.kind)).toEqual(['setCells']);
    await port.apply({ ops });
    expect([0, 1, 2, 3].map((c) => s.cell(2, c)?.v)).toEqual([1, '花名册列：监护人电话', 'F（监护人电话）', '保存的列']);
    expect(s.cell(3, 0)?.v ?? null).toBeNull();
  });
});
