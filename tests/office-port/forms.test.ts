/**
 * The 设置 screen's writes through the Office port (the double, and again through Microsoft's client in the
 * wire project): a mentor added, edited and removed on a school's own 帮扶人员, a term date changed in 设置.
 * Only the planned cells change, the rest of the teacher's sheet stays exactly, and undoLast takes each back.
 */
import { readContactSettings } from '../../src/core/contacts/settings';
import { classNormalizer } from '../../src/core/pairing';
import { addMentorOps, editMentorOps, removeMentorOps } from '../../src/core/pairing/mentorEdits';
import { readMentors } from '../../src/core/pairing/mentors';
import { SHEETS } from '../../src/core/sheets';
import { readSettingsForm, settingsFormOps } from '../../src/core/workflow/settingsForm';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const TODAY = '2026-10-12';

/** Every cell's value, type and formula, for "nothing else changed". */
function cellsOf(d: OfficeDouble, sheet: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [r, line] of d.state.sheet(sheet)!.cells) for (const [c, cell] of line) if (cell.v !== undefined && cell.v !== '') out[`${r},${c}`] = [cell.v, cell.t, cell.f];
  return out;
}

function schoolMentors(d: OfficeDouble): void {
  d.state
    .addSheet(SHEETS.mentors)
    .put(0, 0, [
      ['某某小学帮扶人员名单'],
      ['职务', '姓名', '电话', '类别', '班级', '可帮扶人数'],
      ['语文组长', '李老师', "'13800000001", '任课教师', '三(1)班', 4],
      ['', '王小明', '', '学生', '三(1)班', ''],
    ]);
}

describe.each([1, 12])('the 设置 screen through the Office port (ExcelApi 1.%i)', (api) => {
  it('adds a mentor below the last row, edits only that mentor cells, removes them, and undoes each exactly', async () => {
    const d = createOfficeDouble({ api });
    schoolMentors(d);
    const port = createOfficePort(d.excel, d.office);
    const original = cellsOf(d, SHEETS.mentors);

    const added = await port.apply({ ops: addMentorOps(await port.read(), { name: '陈静', kind: '代理家长', phone: '13900001111', capacity: '2' }) });
    expect(added.written).toEqual([{ sheet: SHEETS.mentors, what: 'appended', rows: 1 }]);
    const afterAdd = cellsOf(d, SHEETS.mentors);
    expect(Object.fromEntries(Object.entries(afterAdd).filter(([k]) => !k.startsWith('4,')))).toEqual(original);
    expect(afterAdd).toMatchObject({
      '4,1': ['陈静', 'String', undefined],
      '4,2': ['13900001111', 'String', undefined],
      '4,3': ['代理家长', 'String', undefined],
      '4,5': [2, 'Double', undefined],
    });
    const mentors = readMentors(await port.read(), classNormalizer(TODAY)).mentors;
    expect(mentors.find((m) => m.name === '陈静')).toMatchObject({ kind: '代理家长', capacity: 2, row: 4 });
    await port.undoLast!();
    expect(cellsOf(d, SHEETS.mentors)).toEqual(original);

    await port.apply({ ops: editMentorOps(await port.read(), 2, '李老师', { kind: '班主任', phone: '13800000009' }) });
    const afterEdit = cellsOf(d, SHEETS.mentors);
    expect(Object.keys(afterEdit).filter((k) => JSON.stringify(afterEdit[k]) !== JSON.stringify(original[k]))).toEqual(['2,2', '2,3']);
    await port.undoLast!();
    expect(cellsOf(d, SHEETS.mentors)).toEqual(original);

    await port.apply({ ops: removeMentorOps(await port.read(), 3, '王小明') });
    expect(cellsOf(d, SHEETS.mentors)).toEqual(Object.fromEntries(Object.entries(original).filter(([k]) => !['3,1', '3,3', '3,4'].includes(k))));
    expect(readMentors(await port.read(), classNormalizer(TODAY)).mentors.map((m) => m.name)).toEqual(['李老师']);
    await port.undoLast!();
    expect(cellsOf(d, SHEETS.mentors)).toEqual(original);
  });

  it('writes a changed term date into its own 设置 row; the school rows stay; undo puts the old date back', async () => {
    const d = createOfficeDouble({ api });
    d.state.addSheet(SHEETS.settings).put(0, 0, [
      ['设置项', '值', '说明'],
      ['值班电话', "'0851-1234567", '学校自己加的一行'],
      ['本学期开始日期', 46265, ''],
      ['本学期结束日期', '2027-01-22', ''],
    ]);
    const port = createOfficePort(d.excel, d.office);
    const original = cellsOf(d, SHEETS.settings);
    const snapshot = await port.read();
    await port.apply({ ops: settingsFormOps(snapshot, TODAY, { ...readSettingsForm(snapshot, TODAY), termStart: '2026-09-07' }) });
    expect(readContactSettings(await port.read(), TODAY).settings.terms.termStart).toBe('2026-09-07');
    const after = cellsOf(d, SHEETS.settings);
    expect(Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(original[k]))).toEqual(['2,1']);
    await port.undoLast!();
    expect(cellsOf(d, SHEETS.settings)).toEqual(original);
  });
});
