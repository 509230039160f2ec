import '../i18n/all';
import type { PlanOp, SheetContent } from '../plan/types';
import { computeSummary } from './figures';
import { INPUT } from './fixture.test-data';
import { ALL_RECORDED, recordedFacts, type SummaryChild, type SummaryInput } from './inputs';
import { periodFor, type Period } from './period';
import { mergeFigures, rollupPlan, sheetNameFor } from './rollup';

function term(today: string): Period {
  const r = periodFor({ kind: 'term' }, today);
  if (!r.ok) throw new Error(r.messageKey);
  return r.period;
}
const period = term('2026-11-29');

/** A second school: ten children, every one talked with once in October. */
function bigSchool(): SummaryInput {
  const children: SummaryChild[] = Array.from({ length: 10 }, (_, i) => ({
    key: `s${i}`,
    name: `赵${i}`,
    gender: i < 4 ? '男' : '女',
    grade: 4,
    classLabel: '四(1)班',
    leftBehindType: 'one',
    guardianRelation: '外婆',
    boarding: false,
    keyFocus: false,
  }));
  return {
    children,
    findings: [{ rule: 'required', severity: 'warning' }],
    pairs: [],
    log: children.map((c) => ({ date: '2026-10-09', childKey: c.key, classLabel: null, kind: 'talk', target: '', recorder: '钱老师', followUp: false, followUpDue: null })),
    cadences: { parentCallDays: 14 },
  };
}

const schools = [
  { school: '青曲镇中心小学', figures: computeSummary(INPUT, period) },
  { school: '白鹤村小学', figures: computeSummary(bigSchool(), period) },
];

const content = (op: PlanOp): SheetContent => {
  if (op.kind !== 'replaceSheet') throw new Error(op.kind);
  return op.content;
};

describe('mergeFigures', () => {
  const total = mergeFigures(schools);

  it('adds counts', () => {
    expect(total.children).toBe(16);
    expect(total.byGrade['3']).toBe(3);
    expect(total.byGrade['4']).toBe(10);
    expect(total.byGender).toEqual({ 男: 6, 女: 9, 未填: 1 });
    expect(total.byGuardian.grandparents).toBe(12);
    expect(total.contact.talks).toBe(16);
    expect(total.contact.withTalk).toBe(14);
    expect(total.quality.byRule).toEqual([
      { rule: 'required', count: 3 },
      { rule: 'phone-format', count: 1 },
    ]);
    expect(total.contact.byMonth.find((m) => m.month === '2026-10')).toMatchObject({ talks: 11, children: 16, withTalk: 11 });
  });

  it('recomputes shares from the sums instead of averaging them', () => {
    // 4 of 6 and 10 of 10: the total is 14 of 16 (87.5%), not the mean of 66.7% and 100% (83.3%).
    expect(total.contact.talkShare).toBeCloseTo(14 / 16, 12);
    expect(total.contact.byMonth.find((m) => m.month === '2026-10')?.talkShare).toBeCloseTo(11 / 16, 12);
  });

  it('keeps classes apart under their school', () => {
    expect(total.byClass.map((c) => c.classLabel)).toContain('白鹤村小学 四(1)班');
    expect(total.byClass.map((c) => c.classLabel)).toContain('青曲镇中心小学 三(1)班');
  });
});

describe('rollupPlan', () => {
  const result = rollupPlan(schools, 'zh-CN');
  if (!result.ok) throw new Error(result.messageKey);
  const ops = result.plan.ops;

  it('writes a total sheet first, then one sheet per school', () => {
    expect(ops.map((o) => [o.kind, o.sheet])).toEqual([
      ['replaceSheet', '合计'],
      ['replaceSheet', '青曲镇中心小学'],
      ['replaceSheet', '白鹤村小学'],
    ]);
    const names = ops.map((o) => content(o).table?.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists each school on the total sheet, with the total on top', () => {
    const total = content(ops[0]);
    expect(total.titleLines?.[0]).toBe('2所学校留守儿童工作统计汇总');
    expect(total.rows[0].slice(0, 6)).toEqual(['总体', '全部儿童', 16, 1, 14, 14 / 16]);
    const schoolRows = total.rows.filter((r) => r[0] === '各校');
    expect(schoolRows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['青曲镇中心小学', 6, 6 / 16, 4],
      ['白鹤村小学', 10, 10 / 16, 10],
    ]);
    expect(total.charts?.[0]).toMatchObject({ type: 'column', title: '各校留守儿童人数' });
  });

  it('keeps the names of children without a talk at the school', () => {
    for (const op of ops) {
      const sheet = content(op);
      const cells = sheet.rows.flat();
      expect(cells).not.toContain('张强');
      expect(cells).not.toContain('刘洋');
      expect(sheet.rows.filter((r) => r[0] === '未谈心儿童')).toHaveLength(1);
    }
  });

  it('refuses an empty list with a message', () => {
    expect(rollupPlan([], 'zh-CN')).toEqual({ ok: false, messageKey: 'summary.rollup.noSchools', params: {} });
  });
});

describe('sheetNameFor', () => {
  it('makes legal, unique Excel sheet names', () => {
    const taken = new Set<string>();
    expect(sheetNameFor('城关镇/第一小学[东校区]', taken)).toBe('城关镇 第一小学 东校区');
    expect(sheetNameFor('城关镇/第一小学[东校区]', taken)).toBe('城关镇 第一小学 东校区 (2)');
    const long = '十堰市郧阳区青曲镇中心小学附属幼儿园和白鹤村教学点联合汇总表';
    const a = sheetNameFor(long, taken);
    const b = sheetNameFor(long, taken);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a).not.toBe(b);
    expect(sheetNameFor('  ', taken)).toBe('Sheet');
    expect(sheetNameFor('History', taken)).toBe('History (2)');
  });
});

describe('facts a school does not record (issue 15)', () => {
  const noBoarding = { ...ALL_RECORDED, boarding: false, keyFocus: false };
  it('are recorded in the total when any school records them, and 未登记 only when none does', () => {
    const one = mergeFigures([schools[0], { school: '白鹤村小学', figures: computeSummary({ ...bigSchool(), recorded: noBoarding }, period) }]);
    expect(one.recorded).toEqual(ALL_RECORDED);
    const none = mergeFigures([
      { school: '青曲镇中心小学', figures: computeSummary({ ...INPUT, recorded: noBoarding }, period) },
      { school: '白鹤村小学', figures: computeSummary({ ...bigSchool(), recorded: noBoarding }, period) },
    ]);
    expect(none.recorded).toEqual(noBoarding);
  });

  it('are read from the roster sheets: a fact is recorded when any sheet maps a column it comes from', () => {
    expect(recordedFacts([{ columns: { name: 0, gender: 1 } }, { columns: { name: 0, boarding: 3, fatherWorkplace: 4 } }])).toEqual({
      gender: true,
      leftBehind: true,
      guardian: false,
      boarding: true,
      keyFocus: false,
    });
    // Gender also from the ID number.
    expect(recordedFacts([{ columns: { name: 0, idNumber: 2 } }]).gender).toBe(true);
    expect(recordedFacts([])).toEqual({ gender: false, leftBehind: false, guardian: false, boarding: false, keyFocus: false });
  });
});
