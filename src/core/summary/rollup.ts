import { t, type Lang } from '../i18n';
import type { PlanOp, WorkbookPlan } from '../plan/types';
import {
  BOARDING_KEYS,
  GENDER_KEYS,
  GRADE_KEYS,
  GUARDIAN_KEYS,
  LEFT_BEHIND_KEYS,
  share,
  type ChildStats,
  type EventCounts,
  type MonthFigures,
  type SummaryFigures,
} from './figures';
import { summaryContent } from './sheets';
import { RECORDED_FACTS, type RecordedFact } from './inputs';

/**
 * The township or county roll-up: several schools' figures in, one workbook plan out — a total sheet
 * first, then one sheet per school. Totals add counts; every share is recomputed from the added counts,
 * never averaged (a school of 20 must not weigh as much as a school of 600). Names of children without
 * a talk stay at the school: the roll-up sheets show their number only.
 */
export interface SchoolFigures {
  readonly school: string;
  readonly figures: SummaryFigures;
}

export type RollupResult =
  { readonly ok: true; readonly plan: WorkbookPlan; readonly total: SummaryFigures } | { readonly ok: false; readonly messageKey: string; readonly params: Record<string, string> };

const sum = <T>(list: readonly T[], pick: (x: T) => number) => list.reduce((a, x) => a + pick(x), 0);

function sumRecord<K extends string>(keys: readonly K[], list: readonly Readonly<Record<K, number>>[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, sum(list, (r) => r[k])])) as Record<K, number>;
}

function sumChildStats(list: readonly ChildStats[]): ChildStats {
  const children = sum(list, (s) => s.children);
  const withTalk = sum(list, (s) => s.withTalk);
  const callsOnCadence = sum(list, (s) => s.callsOnCadence);
  return {
    children,
    withTalk,
    talkShare: share(withTalk, children),
    callsOnCadence,
    callCadenceShare: share(callsOnCadence, children),
    visitedThisTerm: sum(list, (s) => s.visitedThisTerm),
  };
}

function sumEvents(list: readonly EventCounts[]): EventCounts {
  return {
    talks: sum(list, (e) => e.talks),
    parentCalls: sum(list, (e) => e.parentCalls),
    homeVisits: sum(list, (e) => e.homeVisits),
    guardianContacts: sum(list, (e) => e.guardianContacts),
    familyCalls: sum(list, (e) => e.familyCalls),
    otherContacts: sum(list, (e) => e.otherContacts),
    openFollowUps: sum(list, (e) => e.openFollowUps),
  };
}

const prefixed = (school: string, label: string | null) => (label === null || label === '' ? school : `${school} ${label}`);

/** Several schools' figures as one: counts added, shares recomputed, per-class rows kept under their school. */
export function mergeFigures(schools: readonly SchoolFigures[]): SummaryFigures {
  if (!schools.length) throw new RangeError('no schools');
  const all = schools.map((s) => s.figures);
  const months = new Map<string, MonthFigures[]>();
  for (const f of all) for (const m of f.contact.byMonth) months.set(m.month, [...(months.get(m.month) ?? []), m]);
  const byMonth: MonthFigures[] = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, list]) => {
      const children = sum(list, (m) => m.children);
      const withTalk = sum(list, (m) => m.withTalk);
      return { month, children, withTalk, talkShare: share(withTalk, children), ...sumEvents(list) };
    });
  const rules = new Map<string, number>();
  for (const f of all) for (const r of f.quality.byRule) rules.set(r.rule, (rules.get(r.rule) ?? 0) + r.count);
  const contacts = all.map((f) => f.contact);
  const pairings = all.map((f) => f.pairing);
  return {
    period: all[0].period,
    children: sum(all, (f) => f.children),
    byGrade: sumRecord(
      GRADE_KEYS,
      all.map((f) => f.byGrade),
    ),
    gradeUnknown: sum(all, (f) => f.gradeUnknown),
    byClass: schools.flatMap((s) => s.figures.byClass.map((c) => ({ ...c, classLabel: prefixed(s.school, c.classLabel) }))),
    byGender: sumRecord(
      GENDER_KEYS,
      all.map((f) => f.byGender),
    ),
    byLeftBehind: sumRecord(
      LEFT_BEHIND_KEYS,
      all.map((f) => f.byLeftBehind),
    ),
    byGuardian: sumRecord(
      GUARDIAN_KEYS,
      all.map((f) => f.byGuardian),
    ),
    boarding: sumRecord(
      BOARDING_KEYS,
      all.map((f) => f.boarding),
    ),
    keyFocus: sum(all, (f) => f.keyFocus),
    // A fact is a figure of the whole when any school records it (the others' children count as not having it).
    recorded: Object.fromEntries(RECORDED_FACTS.map((k) => [k, all.some((f) => f.recorded[k])])) as Record<RecordedFact, boolean>,
    pairing: {
      withTeacher: sum(pairings, (p) => p.withTeacher),
      withBuddy: sum(pairings, (p) => p.withBuddy),
      withProxy: sum(pairings, (p) => p.withProxy),
      withAny: sum(pairings, (p) => p.withAny),
      unpaired: sum(pairings, (p) => p.unpaired),
      keyFocusWithoutTeacher: sum(pairings, (p) => p.keyFocusWithoutTeacher),
      unmatchedPairs: sum(pairings, (p) => p.unmatchedPairs),
      mentors: schools.flatMap((s) => s.figures.pairing.mentors.map((m) => ({ ...m, name: prefixed(s.school, m.name) }))),
      mentorsOverCapacity: sum(pairings, (p) => p.mentorsOverCapacity),
    },
    contact: {
      ...sumChildStats(contacts),
      ...sumEvents(contacts),
      // Schools may set different cadences; the total states the first school's, each school sheet its own.
      cadenceDays: all[0].contact.cadenceDays,
      homeVisitsThisTerm: sum(contacts, (c) => c.homeVisitsThisTerm),
      overdueFollowUps: sum(contacts, (c) => c.overdueFollowUps),
      byMonth,
      byTeacher: schools.flatMap((s) => s.figures.contact.byTeacher.map((tf) => ({ ...tf, teacher: prefixed(s.school, tf.teacher) }))),
      childrenWithoutTalk: {
        count: sum(contacts, (c) => c.childrenWithoutTalk.count),
        list: schools.flatMap((s) => s.figures.contact.childrenWithoutTalk.list.map((ch) => ({ ...ch, classLabel: prefixed(s.school, ch.classLabel) }))),
      },
      unmatchedEntries: sum(contacts, (c) => c.unmatchedEntries),
      undatedEntries: sum(contacts, (c) => c.undatedEntries),
      futureEntries: sum(contacts, (c) => c.futureEntries),
    },
    quality: {
      total: sum(all, (f) => f.quality.total),
      errors: sum(all, (f) => f.quality.errors),
      warnings: sum(all, (f) => f.quality.warnings),
      byRule: [...rules.entries()].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    },
  };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, not History, unique ignoring case. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  // Excel reserves "History" for change tracking.
  for (let n = 2; taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'history'; n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export function rollupPlan(schools: readonly SchoolFigures[], lang: Lang): RollupResult {
  if (!schools.length) return { ok: false, messageKey: 'summary.rollup.noSchools', params: {} };
  const total = mergeFigures(schools);
  const taken = new Set<string>();
  const totalName = sheetNameFor(t(lang, 'summary.rollup.totalSheet'), taken);
  const ops: PlanOp[] = [
    {
      kind: 'replaceSheet',
      sheet: totalName,
      activate: true,
      content: summaryContent(total, lang, total.period, {
        title: t(lang, 'summary.rollup.title', { count: schools.length }),
        schools,
        schoolBlocks: false,
        withNames: false,
        tableName: 'SummaryTotal',
      }),
    },
    ...schools.map((s, i): PlanOp => ({
      kind: 'replaceSheet',
      sheet: sheetNameFor(s.school, taken),
      content: summaryContent(s.figures, lang, s.figures.period, { school: s.school, withNames: false, tableName: `Summary${i + 1}` }),
    })),
  ];
  return { ok: true, plan: { ops }, total };
}
