import fc from 'fast-check';
import { compareClasses, computeSummary, groupGuardian, keptCadence } from './figures';
import { INPUT } from './fixture.test-data';
import { periodFor, type Period } from './period';

function term(today: string): Period {
  const r = periodFor({ kind: 'term' }, today);
  if (!r.ok) throw new Error(r.messageKey);
  return r.period;
}

describe('computeSummary on the hand-counted school', () => {
  // Autumn term 2026-09-01 – 2027-01-31, figures taken on 2026-11-29.
  const f = computeSummary(INPUT, term('2026-11-29'));

  it('counts the roster', () => {
    expect(f.children).toBe(6);
    expect(f.byGrade).toEqual({ '1': 0, '2': 0, '3': 3, '4': 0, '5': 1, '6': 0, '7': 1, '8': 0, '9': 0 });
    expect(f.gradeUnknown).toBe(1);
    expect(f.byGender).toEqual({ 男: 2, 女: 3, 未填: 1 });
    expect(f.byLeftBehind).toEqual({ both: 3, one: 2, none: 0, unknown: 1 });
    // 奶奶, 外公 | 母亲 | 叔叔 | 邻居 | (blank)
    expect(f.byGuardian).toEqual({ grandparents: 2, parent: 1, otherRelatives: 1, other: 1, unknown: 1 });
    expect(f.boarding).toEqual({ yes: 3, no: 2, unknown: 1 });
    expect(f.keyFocus).toBe(2);
  });

  it('counts the pairing and the mentor loads', () => {
    const p = f.pairing;
    expect([p.withTeacher, p.withBuddy, p.withProxy, p.withAny, p.unpaired]).toEqual([2, 1, 2, 3, 3]);
    expect(p.keyFocusWithoutTeacher).toBe(1); // 张强
    expect(p.unmatchedPairs).toBe(1);
    expect(p.mentors).toEqual([
      { name: '王阿姨', kind: '代理家长', load: 2, capacity: 5, over: false },
      { name: '张老师', kind: '班主任', load: 2, capacity: 1, over: true },
      { name: '小红', kind: '', load: 1, capacity: null, over: false },
      { name: '赵老师', kind: '任课教师', load: 0, capacity: null, over: false },
    ]);
    expect(p.mentorsOverCapacity).toBe(1);
  });

  it('counts contacts in the period', () => {
    const c = f.contact;
    // talks: rows 1, 9, 10, 13, 15, 18; calls: rows 2–8 and 11; visits: row 12 (row 14 is before the term).
    expect([c.talks, c.parentCalls, c.homeVisits, c.familyCalls, c.guardianContacts, c.otherContacts]).toEqual([6, 8, 1, 1, 0, 0]);
    expect(c.withTalk).toBe(4); // a, b, c, f — row 15's child is not on the roster
    expect(c.talkShare).toBeCloseTo(4 / 6);
    // Only 王小明's calls never leave a gap over 14 days (9,10,11,13,11,11,13 and 11 to today).
    expect(c.callsOnCadence).toBe(1);
    expect(c.callCadenceShare).toBeCloseTo(1 / 6);
    expect(c.homeVisitsThisTerm).toBe(1);
    expect(c.visitedThisTerm).toBe(1);
    expect(c.openFollowUps).toBe(2); // rows 9 and 13; row 18 is done
    expect(c.overdueFollowUps).toBe(1); // row 9 was due 2026-10-20
    expect(c.childrenWithoutTalk).toEqual({
      count: 2,
      list: [
        { classLabel: '五(1)班', name: '张强' },
        { classLabel: null, name: '刘洋' },
      ],
    });
    expect(c.unmatchedEntries).toBe(1);
    expect(c.undatedEntries).toBe(1);
    expect(c.futureEntries).toBe(1);
    expect(c.cadenceDays).toBe(14);
  });

  it('breaks contacts down by month', () => {
    const byMonth = f.contact.byMonth.map((m) => [m.month, m.talks, m.parentCalls, m.homeVisits, m.withTalk]);
    expect(byMonth).toEqual([
      ['2026-09', 3, 3, 0, 2],
      ['2026-10', 1, 3, 1, 1],
      ['2026-11', 2, 2, 0, 2],
    ]);
    expect(f.contact.byMonth[0].talkShare).toBeCloseTo(2 / 6);
  });

  it('breaks contacts down by class, log-only classes included', () => {
    const rows = f.byClass.map((c) => [c.classLabel, c.children, c.withTalk, c.callsOnCadence, c.talks, c.parentCalls, c.homeVisits, c.openFollowUps]);
    expect(rows).toEqual([
      ['三(1)班', 2, 2, 1, 3, 8, 0, 1],
      ['三(2)班', 1, 1, 0, 1, 0, 1, 1],
      ['五(1)班', 1, 0, 0, 0, 0, 0, 0],
      ['七(1)班', 1, 1, 0, 1, 0, 0, 0],
      ['四(1)班', 0, 0, 0, 1, 0, 0, 0],
      [null, 1, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('breaks contacts down by teacher', () => {
    const rows = f.contact.byTeacher.map((t) => [t.teacher, t.paired.children, t.paired.withTalk, t.talks, t.parentCalls, t.homeVisits, t.openFollowUps]);
    expect(rows).toEqual([
      ['李老师', 0, 0, 2, 0, 1, 1],
      ['张老师', 2, 2, 3, 8, 0, 1],
      ['', 0, 0, 1, 0, 0, 0],
    ]);
  });

  it('counts findings by rule', () => {
    expect(f.quality).toEqual({
      total: 3,
      errors: 2,
      warnings: 1,
      byRule: [
        { rule: 'required', count: 2 },
        { rule: 'phone-format', count: 1 },
      ],
    });
  });

  it('follows the period: a month counts only its own rows', () => {
    const r = periodFor({ kind: 'month' }, '2026-10-31');
    if (!r.ok) throw new Error();
    const m = computeSummary(INPUT, r.period).contact;
    expect([m.talks, m.parentCalls, m.homeVisits, m.withTalk]).toEqual([1, 3, 1, 1]);
    // Home visits count for the whole term that holds the month.
    expect(m.homeVisitsThisTerm).toBe(1);
    // October alone: 王小明 called 10-01, 10-14, 10-25 (gaps 0, 13, 11, 6) — on cadence; nobody else.
    expect(m.callsOnCadence).toBe(1);
    // Row 9 (open, dated 10-08) counts; row 13 (11-20) is after the month.
    expect(m.openFollowUps).toBe(1);
  });
});

describe('keptCadence', () => {
  it('counts gaps from the start, between calls and to the end', () => {
    expect(keptCadence([], '2026-09-01', '2026-09-15', 14)).toBe(true);
    expect(keptCadence([], '2026-09-01', '2026-09-16', 14)).toBe(false);
    expect(keptCadence(['2026-09-15', '2026-09-29'], '2026-09-01', '2026-10-13', 14)).toBe(true);
    expect(keptCadence(['2026-09-15', '2026-09-30'], '2026-09-01', '2026-10-01', 14)).toBe(false);
    // Calls outside the window do not shorten the gaps inside it.
    expect(keptCadence(['2026-08-31'], '2026-09-01', '2026-09-20', 14)).toBe(false);
  });

  it('judges a child who joined mid-period from the join date', () => {
    const r = periodFor({ kind: 'custom', from: '2026-09-01', to: '2026-09-30' }, '2026-11-29');
    if (!r.ok) throw new Error();
    const input = { ...INPUT, children: [{ ...INPUT.children[4], joinDate: '2026-09-20' }], log: [] };
    expect(computeSummary(input, r.period).contact.callsOnCadence).toBe(1);
    expect(computeSummary({ ...input, children: [INPUT.children[4]] }, r.period).contact.callsOnCadence).toBe(0);
  });
});

describe('groupGuardian', () => {
  it.each([
    ['爷爷', 'grandparents'],
    ['外婆', 'grandparents'],
    ['祖父母', 'grandparents'],
    ['姥姥', 'grandparents'],
    ['伯父', 'otherRelatives'],
    ['姑妈', 'otherRelatives'],
    ['哥哥', 'otherRelatives'],
    ['亲戚', 'otherRelatives'],
    ['父亲', 'parent'],
    ['妈妈', 'parent'],
    ['邻居', 'other'],
    ['老师', 'other'],
    ['', 'unknown'],
    ['  ', 'unknown'],
  ])('%s -> %s', (relation, group) => {
    expect(groupGuardian(relation)).toBe(group);
  });
});

describe('children without a talk', () => {
  // Classes with and without a grade, the same label under two grades, no class, repeated and look-alike names.
  const classes: [string | null, number | null][] = [
    ['三(1)班', 3],
    ['三(10)班', 3],
    ['三(2)班', 3],
    ['五(1)班', 5],
    ['三(1)班', null],
    ['一年级', 1],
    [null, null],
    ['Class 2', null],
  ];
  const names = ['王小明', '王晓明', '李丽', '欧阳娜娜', '张强', 'Zhang', 'zhang', '阿', '王小明', '刘洋'];
  it('are listed by compareClasses, then name in Chinese order, equal ones in roster order, whatever the roster', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: classes.length - 1 }), fc.integer({ min: 0, max: names.length - 1 })), { maxLength: 60 }), (picks) => {
        const children = picks.map(([c, n], i) => ({ ...INPUT.children[0], key: `k${i}`, name: names[n], classLabel: classes[c][0], grade: classes[c][1] }));
        const listed = computeSummary({ ...INPUT, children, log: [], pairs: [] }, term('2026-11-29')).contact.childrenWithoutTalk.list;
        const byName = new Intl.Collator('zh-CN');
        const expected = [...children].sort((a, b) => compareClasses(a, b) || byName.compare(a.name, b.name)).map((c) => ({ classLabel: c.classLabel, name: c.name }));
        expect(listed).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
