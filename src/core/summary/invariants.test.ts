import fc from 'fast-check';
import { computeSummary, GRADE_KEYS, type SummaryFigures } from './figures';
import { inputArb, periodArb } from './generate.test-data';
import { mergeFigures } from './rollup';

const total = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
const sumOf = <T>(list: readonly T[], pick: (x: T) => number) => list.reduce((a, x) => a + pick(x), 0);

function shares(f: SummaryFigures): number[] {
  const c = f.contact;
  return [
    c.talkShare,
    c.callCadenceShare,
    ...f.byClass.flatMap((x) => [x.talkShare, x.callCadenceShare]),
    ...c.byMonth.map((m) => m.talkShare),
    ...c.byTeacher.flatMap((x) => [x.paired.talkShare, x.paired.callCadenceShare]),
  ];
}

function checkInvariants(f: SummaryFigures): void {
  const c = f.contact;
  // Roster breakdowns add up to the children.
  expect(sumOf(GRADE_KEYS, (k) => f.byGrade[k]) + f.gradeUnknown).toBe(f.children);
  expect(Object.keys(f.byGrade)).toEqual([...GRADE_KEYS]);
  for (const r of [f.byGender, f.byLeftBehind, f.byGuardian, f.boarding]) expect(total(r)).toBe(f.children);
  expect(sumOf(f.byClass, (x) => x.children)).toBe(f.children);
  expect(f.keyFocus).toBeLessThanOrEqual(f.children);

  // Pairing.
  const p = f.pairing;
  expect(p.withAny + p.unpaired).toBe(f.children);
  for (const n of [p.withTeacher, p.withBuddy, p.withProxy]) expect(n).toBeLessThanOrEqual(p.withAny);
  expect(sumOf(c.byTeacher, (x) => x.paired.children)).toBe(p.withTeacher);

  // Contacts: every breakdown of events adds up to the totals.
  for (const key of ['talks', 'parentCalls', 'homeVisits', 'guardianContacts', 'familyCalls', 'otherContacts'] as const) {
    expect(sumOf(f.byClass, (x) => x[key])).toBe(c[key]);
    expect(sumOf(c.byMonth, (x) => x[key])).toBe(c[key]);
    expect(sumOf(c.byTeacher, (x) => x[key])).toBe(c[key]);
  }
  expect(sumOf(f.byClass, (x) => x.openFollowUps)).toBe(c.openFollowUps);
  expect(sumOf(c.byTeacher, (x) => x.openFollowUps)).toBe(c.openFollowUps);
  expect(c.overdueFollowUps).toBeLessThanOrEqual(c.openFollowUps);
  expect(sumOf(f.byClass, (x) => x.withTalk)).toBe(c.withTalk);
  expect(sumOf(f.byClass, (x) => x.callsOnCadence)).toBe(c.callsOnCadence);
  expect(c.withTalk + c.childrenWithoutTalk.count).toBe(f.children);
  expect(c.childrenWithoutTalk.list.length).toBe(c.childrenWithoutTalk.count);
  expect(c.visitedThisTerm).toBeLessThanOrEqual(f.children);
  for (const m of c.byMonth) expect(m.withTalk).toBeLessThanOrEqual(c.withTalk);
  expect(sumOf(f.quality.byRule, (r) => r.count)).toBe(f.quality.total);
  expect(f.quality.errors + f.quality.warnings).toBe(f.quality.total);

  // Shares are shares.
  for (const s of shares(f)) {
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  }
}

describe('summary invariants on generated schools', () => {
  it('parts add up to totals and shares stay in [0,1]', () => {
    fc.assert(
      fc.property(inputArb, periodArb, (input, period) => {
        const f = computeSummary(input, period);
        checkInvariants(f);
        expect(f.children).toBe(input.children.length);
      }),
      { numRuns: 120 },
    );
  });

  it('a roll-up keeps the invariants and recomputes shares from the added counts', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { minLength: 1, maxLength: 4 }), periodArb, (inputs, period) => {
        const schools = inputs.map((input, i) => ({ school: `学校${i + 1}`, figures: computeSummary(input, period) }));
        const merged = mergeFigures(schools);
        checkInvariants(merged);
        expect(merged.children).toBe(sumOf(schools, (s) => s.figures.children));
        expect(merged.contact.talks).toBe(sumOf(schools, (s) => s.figures.contact.talks));
        const withTalk = sumOf(schools, (s) => s.figures.contact.withTalk);
        expect(merged.contact.talkShare).toBeCloseTo(merged.children ? withTalk / merged.children : 0, 12);
      }),
      { numRuns: 40 },
    );
  });
});
