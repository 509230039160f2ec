import { catalogue, t } from '../../core/i18n';
import '../../core/i18n/all';
import { logEntryOp } from '../../core/contacts';
import type { ChildRecord } from '../../core/contacts/log';
import { periodFor } from '../../core/summary';
import {
  classesOf,
  defaultFollowUpDue,
  entryFromForm,
  matchChildren,
  pickedChildrenOf,
  pickedKey,
  periodChoiceFrom,
  rememberedTeacher,
  resolveChildren,
  teacherAddress,
  teacherChoices,
  tickedChildren,
  undoWayOf,
  type EntryForm,
} from './logic';

const child = (row: number, name: string, classLabel: string | null): ChildRecord => ({
  row,
  name,
  classLabel,
  birthDate: null,
  lunarBirthday: false,
  joinDate: null,
  keyFocus: false,
});

const roster = [child(4, '王小明', '三(1)班'), child(5, '李明', '三(1)班'), child(6, '张明华', '三(2)班'), child(7, '明月', null)];

const form = (over: Partial<EntryForm> = {}): EntryForm => ({
  children: [{ row: 4, name: '王小明', classLabel: '三(1)班' }],
  kind: 'talk',
  target: '',
  date: '2026-09-01',
  content: ' 最近睡得晚 ',
  followUp: false,
  followUpDue: '',
  recorder: ' 刘老师 ',
  ...over,
});

describe('teacherChoices', () => {
  it('lists adults from 帮扶人员 and the reminder owners once each, never students or blanks', () => {
    const names = teacherChoices(
      [
        { name: '刘芳', kind: '班主任' },
        { name: '王小红', kind: '学生' },
        { name: '陈 军', kind: '党员' },
        { name: '赵丽', kind: '代理家长' },
      ],
      ['刘芳', '', '陈军', '孙老师'],
    );
    expect(names).toHaveLength(4);
    expect(new Set(names)).toEqual(new Set(['刘芳', '陈 军', '赵丽', '孙老师']));
    expect(names).not.toContain('王小红');
  });

  it('is empty for a school without mentors or named owners', () => {
    expect(teacherChoices([], ['', ''])).toEqual([]);
  });

  it('treats a blank remembered name as no choice', () => {
    expect(rememberedTeacher('  ')).toBeNull();
    expect(rememberedTeacher(null)).toBeNull();
    expect(rememberedTeacher(' 刘芳 ')).toBe('刘芳');
  });

  it('greets 王 as 王老师 and never 王老师 as 王老师 老师 (issue 15)', () => {
    const hello = (name: string) => t('zh-CN', 'views.today.hello', { teacher: teacherAddress(name, 'zh-CN'), today: '2026-11-30' });
    expect(hello('王')).toBe('王老师，今天是 2026-11-30');
    expect(hello('王老师')).toBe('王老师，今天是 2026-11-30');
    expect(hello(' 李校长 ')).toBe('李校长，今天是 2026-11-30');
    expect(hello('刘芳')).toBe('刘芳老师，今天是 2026-11-30');
    expect(hello('王老师')).not.toContain('老师 老师');
    expect(t('en-US', 'views.today.hello', { teacher: teacherAddress('王老师', 'en-US'), today: '2026-11-30' })).toBe('王老师, today is 2026-11-30');
  });
});

describe('matchChildren', () => {
  it('finds children by part of the name, the exact name and earlier matches first, full-width and spaces ignored', () => {
    expect(matchChildren(roster, '明').map((c) => c.name)).toEqual(['明月', '李明', '张明华', '王小明']);
    expect(matchChildren(roster, '李明').map((c) => c.name)).toEqual(['李明']);
    expect(matchChildren(roster, ' 小 明').map((c) => c.row)).toEqual([4]);
    expect(matchChildren(roster, '明', 2)).toHaveLength(2);
  });

  it('returns nothing for an empty query or no match', () => {
    expect(matchChildren(roster, '  ')).toEqual([]);
    expect(matchChildren(roster, '赵')).toEqual([]);
  });

  it('lists classes in order without children who have none', () => {
    expect(classesOf(roster)).toEqual(['三(1)班', '三(2)班']);
  });
});

describe('entryFromForm', () => {
  it('maps the form to the entry logEntryOp appends, one row per child', () => {
    const r = entryFromForm(form(), roster);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry).toMatchObject({ date: '2026-09-01', kind: 'talk', recorder: '刘老师', content: '最近睡得晚', followUp: false, followUpDue: null });
    expect(r.entry.children.map((c) => c.row)).toEqual([4]);
    const op = logEntryOp([r.entry], { sheets: [] });
    expect(op.kind).toBe('appendRows');
    if (op.kind !== 'appendRows') return;
    expect(op.rows).toEqual([[{ date: '2026-09-01' }, '王小明', '三(1)班', '谈心', '学生', '刘老师', '最近睡得晚', '否', '']]);
  });

  it('carries a class meeting (several children), the target and the follow-up date', () => {
    const r = entryFromForm(
      form({
        children: [
          { row: 4, name: '王小明', classLabel: '三(1)班' },
          { row: 5, name: '李明', classLabel: '三(1)班' },
        ],
        kind: 'activity',
        target: '学生',
        followUp: true,
        followUpDue: '2026-09-08',
      }),
      roster,
    );
    expect(r.ok && r.entry.children.map((c) => c.name)).toEqual(['王小明', '李明']);
    expect(r.ok && r.entry.followUpDue).toBe('2026-09-08');
    expect(r.ok && r.entry.target).toBe('学生');
  });

  it('refuses a form without a recorder, a child or a valid date, saying which', () => {
    expect(entryFromForm(form({ recorder: ' ' }), roster)).toEqual({ ok: false, messageKey: 'views.entry.noTeacher' });
    expect(entryFromForm(form({ children: [] }), roster)).toEqual({ ok: false, messageKey: 'views.entry.noChild' });
    expect(entryFromForm(form({ date: '2026-02-30' }), roster)).toMatchObject({ ok: false, messageKey: 'views.entry.badDate' });
    expect(entryFromForm(form({ followUp: true, followUpDue: '9/8' }), roster)).toMatchObject({ ok: false, messageKey: 'views.entry.badDate' });
  });

  it('finds the child again after rows moved, and refuses when it cannot', () => {
    const moved = [child(9, '王小明', '三(1)班'), child(4, '李明', '三(1)班')];
    expect(resolveChildren([{ row: 4, name: '王小明', classLabel: '三(1)班' }], moved)?.map((c) => c.row)).toEqual([9]);
    expect(entryFromForm(form(), [child(4, '李明', '三(1)班')])).toEqual({ ok: false, messageKey: 'views.entry.rosterChanged' });
    const twins = [child(8, '王小明', '三(1)班'), child(9, '王小明', '三(1)班')];
    expect(resolveChildren([{ row: 4, name: '王小明', classLabel: '三(1)班' }], twins)).toBeNull();
  });

  it('tells apart two children on the same row of two class sheets, in the list, the ticks and the entry', () => {
    const onSheet = (sheet: string, row: number, name: string, classLabel: string): ChildRecord => ({ ...child(row, name, classLabel), sheet });
    // Namesakes on row 2 of two class sheets, and another child of 一(2)班 on row 3.
    const fresh = [onSheet('一年级一班', 2, '王小明', '一(1)班'), onSheet('一年级二班', 2, '王小明', '一(2)班'), onSheet('一年级二班', 3, '李小红', '一(2)班')];
    const listed = pickedChildrenOf(fresh);
    expect(new Set(listed.map(pickedKey)).size).toBe(3);
    // A class meeting: ticking 一(1)班's row-2 child ticks only that one, not 一(2)班's on the same row.
    const ticked = new Set([pickedKey(listed[0])]);
    expect(tickedChildren(listed, ticked).map((c) => c.classLabel)).toEqual(['一(1)班']);
    expect(tickedChildren(listed.slice(1), ticked)).toEqual([]);
    // The entry finds the child of the sheet picked, though the other sheet has the same name on that row.
    for (const [picked, classLabel] of [
      [listed[1], '一(2)班'],
      [listed[0], '一(1)班'],
    ] as const) {
      const r = entryFromForm(form({ children: [picked] }), fresh);
      expect(r.ok && r.entry.children.map((c) => [c.sheet, c.classLabel])).toEqual([[picked.sheet, classLabel]]);
    }
  });

  it('defaults the follow-up date a week on, across a month end', () => {
    expect(defaultFollowUpDue('2026-09-28', 7)).toBe('2026-10-05');
    expect(defaultFollowUpDue('', 7)).toBe('');
  });
});

describe('periodChoiceFrom', () => {
  it('gives the core the period chosen; custom dates are validated by periodFor', () => {
    expect(periodChoiceFrom('month', 'x', 'y')).toEqual({ kind: 'month' });
    const ok = periodFor(periodChoiceFrom('custom', ' 2026-09-01 ', '2026-09-30'), '2026-10-10');
    expect(ok.ok && [ok.period.from, ok.period.to]).toEqual(['2026-09-01', '2026-09-30']);
    const bad = periodFor(periodChoiceFrom('custom', '2026-10-01', '2026-09-01'), '2026-10-10');
    expect(bad.ok).toBe(false);
    const term = periodFor(periodChoiceFrom('term', '', ''), '2026-10-10');
    expect(term.ok && term.period.kind).toBe('term');
  });
});

describe('undoWayOf', () => {
  it("offers the port's undo only when the result says so and the port can", () => {
    const port = { undoLast: async () => undefined };
    expect(undoWayOf({ written: [], degraded: [], undo: 'port' }, port)).toBe('port');
    expect(undoWayOf({ written: [], degraded: [], undo: 'port' }, {})).toBeNull();
    expect(undoWayOf({ written: [], degraded: [], undo: 'host' }, {})).toBe('host');
    expect(undoWayOf({ written: [], degraded: [] }, port)).toBeNull();
    expect(undoWayOf(undefined, port)).toBeNull();
  });
});

describe('views catalogue', () => {
  it('has every key the views use in both languages', () => {
    for (const key of ['views.tab.pairing', 'views.entry.noTeacher', 'views.summary.exportExcel', 'views.target.监护人']) {
      expect(catalogue('zh-CN')[key]).toBeTruthy();
      expect(catalogue('en-US')[key]).toBeTruthy();
    }
  });
});
