import type { CellValue } from '../cells';
import type { RosterRecord } from '../roster/types';
import { SHEETS } from '../sheets';
import type { WorkbookSnapshot } from '../snapshot';
import { activityEntryPlan, childCellName, normalizeTime, registeredAdults, rollCallEntryPlan, type NewActivity } from './entries';
import { NameIndex } from './names';

const TODAY = '2026-11-30';
const book = (...sheets: [string, CellValue[][]][]): WorkbookSnapshot => ({ sheets: sheets.map(([name, values]) => ({ name, origin: { row: 0, col: 0 }, values })) });

function record(name: string, classLabel: string, guardian: [string, string], father = '', mother = ''): RosterRecord {
  return {
    sheet: '花名册',
    row: 1,
    raw: { fatherName: father, motherName: mother },
    name,
    gender: null,
    birthDate: null,
    idNumber: null,
    grade: null,
    classLabel,
    address: '',
    guardianName: guardian[0],
    guardianRelation: guardian[1],
    guardianPhone: null,
    guardianAge: null,
    fatherPhone: null,
    motherPhone: null,
    parentPhone: null,
    leftBehindType: null,
    boarding: null,
    keyFocus: false,
    lunarBirthday: false,
    joinDate: null,
  };
}
const ROSTER = [
  record('张小明', '三(1)班', ['张大山', '祖父'], '张建国', '李梅'),
  record('刘洋', '三(1)班', ['刘奶奶', ''], '', ''),
  record('刘洋', '五(2)班', ['刘爷爷', '祖父'], '刘军'),
];
const ACTIVITY: NewActivity = { date: '2026-11-07', name: '故事会', type: '文体活动', leader: '陈老师', children: [ROSTER[0], ROSTER[2]], note: '' };
const appended = (p: ReturnType<typeof activityEntryPlan>) => {
  if (!p.ok) throw new Error(p.error.key);
  return p.plan.ops.find((op) => op.kind === 'appendRows') as Extract<(typeof p.plan.ops)[number], { kind: 'appendRows' }>;
};

describe('activityEntryPlan', () => {
  it('creates the template when 活动记录 is missing and appends under its header, the namesake told apart by class', () => {
    const p = activityEntryPlan(ACTIVITY, book(), ROSTER);
    expect(p.ok && p.plan.ops.map((op) => [op.kind, op.sheet])).toEqual([
      ['createSheetIfMissing', SHEETS.activities],
      ['appendRows', SHEETS.activities],
    ]);
    const op = appended(p);
    expect(op.expectedLastRow).toBe(1); // the title line, then the header
    expect(op.rows).toEqual([[{ date: '2026-11-07' }, '故事会', '文体活动', '陈老师', '张小明、刘洋(五(2)班)', '']]);
    // The reader takes the cell back as exactly these two children.
    expect(new NameIndex(ROSTER, TODAY).match(op.rows[0][4] as string)).toMatchObject({ children: [0, 2], unknown: 0, ambiguous: 0 });
  });

  it("writes into a school's own sheet by its header: other order, other names, a title, a missing column said as dropped", () => {
    const own = book([SHEETS.activities, [['白水小学活动登记'], ['参加人员', '活动日期', '活动内容', '组织者'], ['张小明', '2026-10-01', '升旗', '王老师'], [], []]]);
    const p = activityEntryPlan({ ...ACTIVITY, note: '在操场' }, own, ROSTER);
    const op = appended(p);
    expect(p.ok && p.plan.ops.length).toBe(1); // the sheet is there: no template
    expect(op.expectedLastRow).toBe(2);
    expect(op.rows).toEqual([['张小明、刘洋(五(2)班)', { date: '2026-11-07' }, '故事会', '陈老师']]);
    expect(p.ok && p.dropped).toEqual(['类型', '备注']);
  });

  it('refuses, saying why, a sheet with no header, a bad date, no name, no child', () => {
    const refusal = (p: ReturnType<typeof activityEntryPlan>) => (p.ok ? null : [p.error.key, p.error.params ?? {}]);
    expect(refusal(activityEntryPlan(ACTIVITY, book([SHEETS.activities, [['随便', '写的']]]), ROSTER))).toEqual([
      'life.entry.noHeader',
      { sheet: '活动记录', columns: '日期、参加学生' },
    ]);
    expect(refusal(activityEntryPlan({ ...ACTIVITY, date: '2026-13-01' }, book(), ROSTER))).toEqual(['views.entry.badDate', { value: '2026-13-01' }]);
    expect(refusal(activityEntryPlan({ ...ACTIVITY, name: '  ' }, book(), ROSTER))).toEqual(['life.entry.noName', {}]);
    expect(refusal(activityEntryPlan({ ...ACTIVITY, children: [] }, book(), ROSTER))).toEqual(['views.entry.noChild', {}]);
  });
});

describe('rollCallEntryPlan', () => {
  const day = (rows: { child: RosterRecord; signOut: string; pickup: string; relation: string }[]) => ({ date: '2026-11-07', teacher: '陈老师', signIn: '8:00', rows });

  it('writes one row per child with the times as typed text, and warns of a missing pickup and an unregistered collector', () => {
    const p = rollCallEntryPlan(
      day([
        { child: ROSTER[0], signOut: '11:30', pickup: '张建国', relation: '' }, // the father: registered
        { child: ROSTER[1], signOut: '', pickup: '', relation: '' }, // not collected yet
        { child: ROSTER[2], signOut: '11点40', pickup: '王某', relation: '' }, // a stranger, no relation
      ]),
      book(),
      ROSTER,
    );
    expect(appended(p).rows).toEqual([
      [{ date: '2026-11-07' }, '张小明', '08:00', '11:30', '张建国', '', '陈老师'],
      [{ date: '2026-11-07' }, '刘洋(三(1)班)', '08:00', '', '', '', '陈老师'],
      [{ date: '2026-11-07' }, '刘洋(五(2)班)', '08:00', '11:40', '王某', '', '陈老师'],
    ]);
    expect(p.ok && p.warnings).toEqual([
      { key: 'life.entry.warnMissing', params: { child: '刘洋(三(1)班)' } },
      { key: 'life.entry.warnUnregistered', params: { child: '刘洋(五(2)班)' } },
    ]);
  });

  it('refuses a time it cannot read and a day without a teacher', () => {
    const bad = rollCallEntryPlan(day([{ child: ROSTER[0], signOut: '半下午', pickup: '张大山', relation: '' }]), book(), ROSTER);
    expect(bad.ok ? null : bad.error).toEqual({ key: 'life.entry.badTime', params: { value: '半下午' } });
    const noTeacher = rollCallEntryPlan({ ...day([{ child: ROSTER[0], signOut: '', pickup: '', relation: '' }]), teacher: ' ' }, book(), ROSTER);
    expect(noTeacher.ok ? null : noTeacher.error.key).toBe('views.entry.noTeacher');
  });
});

describe('helpers', () => {
  it('lists the registered adults: the guardian with its relation, then the parents, each once', () => {
    expect(registeredAdults(ROSTER[0])).toEqual([
      { name: '张大山', relation: '祖父' },
      { name: '张建国', relation: '父亲' },
      { name: '李梅', relation: '母亲' },
    ]);
    expect(registeredAdults(ROSTER[1])).toEqual([{ name: '刘奶奶', relation: '监护人' }]);
    expect(registeredAdults({ ...ROSTER[2], guardianName: '刘军', guardianRelation: '父亲' })).toEqual([{ name: '刘军', relation: '父亲' }]);
  });

  it('reads times as teachers type them', () => {
    expect(['8:30', '08:30', '８：３０', '11点30', '11点30分', '', '  '].map(normalizeTime)).toEqual(['08:30', '08:30', '08:30', '11:30', '11:30', '', '']);
    expect(['25:00', '8:3', 'noon'].map(normalizeTime)).toEqual([null, null, null]);
  });

  it('names a child plainly unless another child shares the name', () => {
    expect(childCellName(ROSTER[0], ROSTER)).toBe('张小明');
    expect(childCellName(ROSTER[1], ROSTER)).toBe('刘洋(三(1)班)');
  });
});
