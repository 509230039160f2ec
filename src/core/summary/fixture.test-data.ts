import type { SummaryChild, SummaryInput, SummaryLogEntry } from './inputs';

/**
 * A small school for the hand-computed tests: six children, a term of log rows. The expected numbers
 * in figures.test.ts were counted by hand from these rows; the comments say which rows count.
 */
const child = (c: Partial<SummaryChild> & Pick<SummaryChild, 'key' | 'name'>): SummaryChild => ({
  gender: null,
  grade: null,
  classLabel: null,
  leftBehindType: null,
  guardianRelation: '',
  boarding: null,
  keyFocus: false,
  ...c,
});

export const CHILDREN: SummaryChild[] = [
  child({ key: 'a', name: '王小明', grade: 3, classLabel: '三(1)班', gender: '男', leftBehindType: 'both', guardianRelation: '奶奶', boarding: true, keyFocus: true }),
  child({ key: 'b', name: '李丽', grade: 3, classLabel: '三(1)班', gender: '女', leftBehindType: 'one', guardianRelation: '母亲', boarding: false }),
  child({ key: 'c', name: '欧阳娜娜', grade: 3, classLabel: '三(2)班', gender: '女', leftBehindType: 'both', guardianRelation: '外公', boarding: null }),
  child({ key: 'd', name: '张强', grade: 5, classLabel: '五(1)班', gender: '男', leftBehindType: 'both', guardianRelation: '叔叔', boarding: true, keyFocus: true }),
  child({ key: 'e', name: '刘洋', boarding: false }),
  child({ key: 'f', name: '陈晨', grade: 7, classLabel: '七(1)班', gender: '女', leftBehindType: 'one', guardianRelation: '邻居', boarding: true }),
];

const entry = (date: string, childKey: string, kind: string, recorder: string, extra: Partial<SummaryLogEntry> = {}): SummaryLogEntry => ({
  date,
  childKey,
  classLabel: null,
  kind,
  target: '',
  recorder,
  followUp: false,
  followUpDue: null,
  ...extra,
});

export const LOG: SummaryLogEntry[] = [
  /* 1 */ entry('2026-09-05', 'a', 'talk', '张老师'),
  /* 2 */ entry('2026-09-10', 'a', 'parentCall', '张老师'),
  /* 3 */ entry('2026-09-20', 'a', 'parentCall', '张老师'),
  /* 4 */ entry('2026-10-01', 'a', 'parentCall', '张老师'),
  /* 5 */ entry('2026-10-14', 'a', 'parentCall', '张老师'),
  /* 6 */ entry('2026-10-25', 'a', 'parentCall', '张老师'),
  /* 7 */ entry('2026-11-05', 'a', 'parentCall', '张老师'),
  /* 8 */ entry('2026-11-18', 'a', 'parentCall', '张老师'),
  /* 9 */ entry('2026-10-08', 'b', 'talk', '张老师', { followUp: true, followUpDue: '2026-10-20' }),
  /* 10 */ entry('2026-11-02', 'b', 'talk', '张老师'),
  /* 11 */ entry('2026-09-15', 'b', 'parentCall', '张老师'),
  /* 12 */ entry('2026-10-01', 'c', 'homeVisit', '李老师'),
  /* 13 */ entry('2026-11-20', 'c', 'talk', '李老师', { followUp: true, followUpDue: '2026-12-10' }),
  /* 14 */ entry('2026-08-20', 'd', 'homeVisit', '李老师'),
  /* 15 */ entry('2026-09-03', 'zzz', 'talk', '', { classLabel: '四(1)班' }),
  /* 16 */ entry('2026-13-01', 'd', 'talk', '李老师'),
  /* 17 */ entry('2026-12-05', 'd', 'talk', '李老师'),
  /* 18 */ entry('2026-09-28', 'f', 'talk', '李老师', { followUp: true, followUpDone: true }),
  /* 19 */ entry('2026-10-10', 'f', 'familyCall', '李老师'),
];

export const INPUT: SummaryInput = {
  children: CHILDREN,
  findings: [
    { rule: 'required', severity: 'error' },
    { rule: 'phone-format', severity: 'warning' },
    { rule: 'required', severity: 'error' },
  ],
  pairs: [
    { childKey: 'a', teacher: '张老师', buddy: '小红', proxy: '' },
    { childKey: 'b', teacher: '张老师', buddy: '', proxy: '王阿姨' },
    { childKey: 'd', teacher: '', buddy: '', proxy: '王阿姨' },
    { childKey: 'zzz', teacher: '李老师', buddy: '', proxy: '' },
  ],
  mentors: [
    { name: '张老师', kind: '班主任', capacity: 1 },
    { name: '王阿姨', kind: '代理家长', capacity: 5 },
    { name: '赵老师', kind: '任课教师', capacity: null },
  ],
  log: LOG,
  cadences: { parentCallDays: 14 },
};
