import fc from 'fast-check';
import { addDays } from '../dates';
import type { SummaryChild, SummaryInput, SummaryLogEntry } from './inputs';
import { periodFor, type Period, type PeriodChoice } from './period';

/** fast-check arbitraries for summary inputs: ugly on purpose (duplicates, ghosts, bad dates, blanks). */

const CLASSES = ['一(1)班', '三(1)班', '三(2)班', '六(1)班', '七(3)班', null];
const RELATIONS = ['爷爷', '奶奶', '外公', '外婆', '母亲', '父亲', '叔叔', '姑姑', '邻居', '', '其他'];
const KINDS = ['talk', 'parentCall', 'homeVisit', 'guardianContact', 'familyCall', 'tutoring', 'other'];
const RECORDERS = ['张老师', '李老师', '王老师', ''];

/** An 18-digit ID-like string and an 11-digit mobile, so tests can check they never reach a sheet. */
export const idArb = fc.stringMatching(/^4[1-5]\d{15}[\dX]$/);
export const phoneArb = fc.stringMatching(/^1[3-9]\d{9}$/);

export const childArb = (key: string): fc.Arbitrary<SummaryChild & { idNumber: string; guardianPhone: string }> =>
  fc.record({
    key: fc.constant(key),
    name: fc
      .array(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        { minLength: 2, maxLength: 4 },
      )
      .map((a) => a.join('')),
    gender: fc.constantFrom('男' as const, '女' as const, null),
    grade: fc.constantFrom(1, 3, 5, 6, 7, 9, null, 12),
    classLabel: fc.constantFrom(...CLASSES),
    leftBehindType: fc.constantFrom('both' as const, 'one' as const, 'none' as const, null),
    guardianRelation: fc.constantFrom(...RELATIONS),
    boarding: fc.constantFrom(true, false, null),
    keyFocus: fc.boolean(),
    joinDate: fc.constantFrom(null, '2026-10-15'),
    // Extra roster fields a real RosterRecord carries: they must never reach a summary sheet.
    idNumber: idArb,
    guardianPhone: phoneArb,
  });

const dateArb = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 420 }).map((n) => addDays('2026-07-01', n)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '', 'not a date') },
);

export const inputArb: fc.Arbitrary<SummaryInput> = fc.integer({ min: 0, max: 25 }).chain((n) => {
  const keys = Array.from({ length: n }, (_, i) => `k${i}`);
  const keyArb = keys.length ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constant('ghost') }) : fc.constant('ghost');
  const entry: fc.Arbitrary<SummaryLogEntry> = fc.record({
    date: dateArb,
    childKey: keyArb,
    classLabel: fc.constantFrom(...CLASSES, '九(9)班'),
    kind: fc.constantFrom(...KINDS),
    target: fc.constant(''),
    recorder: fc.constantFrom(...RECORDERS),
    followUp: fc.boolean(),
    followUpDue: fc.option(dateArb, { nil: null }),
    followUpDone: fc.boolean(),
  });
  const mentor = fc.constantFrom('', '张老师', '李老师', '赵阿姨');
  return fc.record({
    // A duplicate key now and then: two children the roster check would flag.
    children: fc.tuple(...keys.map((k) => childArb(k))).chain((cs) => fc.boolean().map((dup) => (dup && cs.length ? [...cs, { ...cs[0] }] : cs))),
    findings: fc.array(
      fc.record({ rule: fc.constantFrom('required', 'id-checksum', 'phone-format', 'duplicate'), severity: fc.constantFrom('error' as const, 'warning' as const) }),
      { maxLength: 10 },
    ),
    pairs: fc.array(fc.record({ childKey: keyArb, teacher: mentor, buddy: fc.constantFrom('', '小红'), proxy: mentor }), { maxLength: n + 3 }),
    mentors: fc.constant([
      { name: '张老师', kind: '班主任', capacity: 3 },
      { name: '孙老师', kind: '党员', capacity: null },
    ]),
    log: fc.array(entry, { maxLength: 80 }),
    cadences: fc.record({ parentCallDays: fc.integer({ min: 1, max: 30 }) }),
  });
});

export const periodArb: fc.Arbitrary<Period> = fc
  .tuple(
    fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-07-15', n)),
    fc.constantFrom<PeriodChoice>({ kind: 'month' }, { kind: 'term' }, { kind: 'year' }, { kind: 'custom', from: '2026-10-01', to: '2026-12-15' }),
  )
  .map(([today, choice]) => {
    const r = periodFor(choice, today);
    if (!r.ok) throw new Error(r.messageKey);
    return r.period;
  });
