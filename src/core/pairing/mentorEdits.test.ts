import type { CellValue } from '../cells';
import { SHEETS } from '../sheets';
import type { SheetSnapshot } from '../snapshot';
import { addMentorOps, editMentorOps, MentorEditError, mentorProblems, readMentorRows, removeMentorOps } from './mentorEdits';
import { readMentors } from './mentors';
import { sheetFromOp, simpleClass, workbookOf } from './testkit';

/** A school's own 帮扶人员: a title, its own column order, an extra column (职务) the add-in does not know. */
function schoolSheet(): SheetSnapshot {
  return {
    name: SHEETS.mentors,
    origin: { row: 0, col: 0 },
    values: [
      ['某某小学帮扶人员名单'],
      ['职务', '姓名', '电话', '类别', '班级', '可帮扶人数'],
      ['语文组长', '李老师', '13800000001', '任课教师', '三(1)班、三(2)班', 4],
      ['', '王小明', '', '学生', '三(1)班', ''],
      ['副校长', '赵校长', '13800000003', '领导', '', 2],
    ] as CellValue[][],
  };
}

/** Apply setCells / appendRows to a snapshot the simple way a port does, to read the result back. */
function applied(sheet: SheetSnapshot, ops: ReturnType<typeof addMentorOps>): SheetSnapshot {
  const values = sheet.values.map((r) => [...r]);
  for (const op of ops) {
    if (op.kind === 'setCells') for (const c of op.cells) (values[c.row] ??= [])[c.col] = c.value as CellValue;
    else if (op.kind === 'appendRows') {
      expect(op.expectedLastRow).toBe(values.length - 1);
      for (const r of op.rows) values.push(r.map((v) => v as CellValue));
    } else throw new Error(`unexpected ${op.kind}`);
  }
  return { ...sheet, values };
}

describe('readMentorRows', () => {
  it('lists every filled row below the header as text, in the sheet own column order', () => {
    const rows = readMentorRows(workbookOf(schoolSheet()));
    expect(rows.layout?.columns).toEqual({ name: 1, phone: 2, kind: 3, className: 4, capacity: 5 });
    expect(rows.rows.map((r) => [r.row, r.fields.name, r.fields.kind, r.fields.capacity])).toEqual([
      [2, '李老师', '任课教师', '4'],
      [3, '王小明', '学生', ''],
      [4, '赵校长', '领导', '2'],
    ]);
  });

  it('says when the sheet is missing', () => {
    expect(readMentorRows(workbookOf())).toEqual({ exists: false, layout: null, rows: [] });
  });
});

describe('addMentorOps', () => {
  it('appends the mentor below the last row, each value under its own header; the teacher rows stay as they were', () => {
    const sheet = schoolSheet();
    const ops = addMentorOps(workbookOf(sheet), { name: '陈阿姨', kind: '代理家长', phone: '13900000000', capacity: '2', className: '' });
    const after = applied(sheet, ops);
    expect(after.values.slice(0, 5)).toEqual(schoolSheet().values);
    expect(after.values[5]).toEqual([null, '陈阿姨', '13900000000', '代理家长', null, 2]);
    const { mentors, findings } = readMentors(workbookOf(after), simpleClass);
    expect(findings).toEqual([]);
    expect(mentors.find((m) => m.name === '陈阿姨')).toMatchObject({ kind: '代理家长', capacity: 2, capacityDefaulted: false, row: 5 });
  });

  it('creates 帮扶人员 from its template holding the mentor when the sheet is missing', () => {
    const ops = addMentorOps(workbookOf(), { name: '李老师', kind: '班主任', className: '三(1)班', phone: '13800000001' });
    expect(ops).toHaveLength(1);
    expect(ops[0].kind).toBe('createSheetIfMissing');
    const { mentors, findings } = readMentors(workbookOf(sheetFromOp(ops[0])), simpleClass);
    expect(findings).toEqual([]);
    expect(mentors).toEqual([expect.objectContaining({ name: '李老师', kind: '班主任', classes: ['三(1)班'] })]);
  });

  it('refuses a second mentor of the same name, a kind it cannot read, a capacity that is no number', () => {
    const wb = workbookOf(schoolSheet());
    expect(() => addMentorOps(wb, { name: '李 老师', kind: '党员' })).toThrow(MentorEditError);
    const problems = mentorProblems(readMentorRows(wb), { name: '', kind: '厨师', capacity: '两个' });
    expect(problems.map((p) => [p.field, p.messageKey])).toEqual([
      ['name', 'pairing.edit.nameMissing'],
      ['kind', 'pairing.edit.kindMissing'],
      ['capacity', 'pairing.edit.capacityInvalid'],
    ]);
  });

  it('will not put a value where the sheet has no column for it (住址 here)', () => {
    const problems = mentorProblems(readMentorRows(workbookOf(schoolSheet())), { name: '新老师', kind: '党员', address: '石桥村' });
    expect(problems).toEqual([{ field: 'address', messageKey: 'pairing.edit.noColumn', params: { column: '住址' } }]);
  });
});

describe('editMentorOps', () => {
  it('changes only the cells that changed, in that mentor row', () => {
    const sheet = schoolSheet();
    const ops = editMentorOps(workbookOf(sheet), 2, '李老师', { name: '李老师', kind: '班主任', className: '三(1)班、三(2)班', phone: '13800000009', capacity: '4' });
    expect(ops).toEqual([
      {
        kind: 'setCells',
        sheet: SHEETS.mentors,
        cells: [
          { row: 2, col: 3, value: '班主任' },
          { row: 2, col: 2, value: '13800000009' },
        ],
      },
    ]);
    const after = applied(sheet, ops);
    expect(after.values[2]).toEqual(['语文组长', '李老师', '13800000009', '班主任', '三(1)班、三(2)班', 4]);
    expect(after.values.filter((_, i) => i !== 2)).toEqual(schoolSheet().values.filter((_, i) => i !== 2));
  });

  it('plans nothing when nothing changed, and lets a mentor keep their own name', () => {
    expect(editMentorOps(workbookOf(schoolSheet()), 3, '王小明', { name: '王小明', kind: '学生' })).toEqual([]);
  });

  it('refuses when the row no longer holds that mentor (someone edited the sheet since)', () => {
    expect(() => editMentorOps(workbookOf(schoolSheet()), 3, '李老师', { phone: '1' })).toThrow(expect.objectContaining({ messageKey: 'pairing.edit.moved' }));
  });

  it('refuses renaming a mentor to another mentor name', () => {
    expect(() => editMentorOps(workbookOf(schoolSheet()), 3, '王小明', { name: '赵校长' })).toThrow(expect.objectContaining({ messageKey: 'pairing.edit.nameTaken' }));
  });
});

describe('removeMentorOps', () => {
  it('empties that mentor cells in the known columns only: the row, the 职务 column and every other mentor stay', () => {
    const sheet = schoolSheet();
    const after = applied(sheet, removeMentorOps(workbookOf(sheet), 3, '王小明'));
    expect(after.values.length).toBe(sheet.values.length);
    expect(after.values[3]).toEqual(['', null, '', null, null, '']);
    expect(after.values[2]).toEqual(schoolSheet().values[2]);
    expect(after.values[4]).toEqual(schoolSheet().values[4]);
    const { mentors, findings } = readMentors(workbookOf(after), simpleClass);
    expect(findings).toEqual([]);
    expect(mentors.map((m) => m.name)).toEqual(['李老师', '赵校长']);
  });
});
