import type { SummaryFigures } from './figures';
import { RECORDED_FACTS } from './inputs';

/**
 * The figures as one JSON object for `npm run cli -- summary --json`. Counts and shares only: no
 * names (the list of children without a talk is a count here), no IDs, no phones.
 */
export interface SummaryJson {
  readonly period: { readonly kind: string; readonly from: string; readonly to: string; readonly asOf: string };
  readonly children: number;
  readonly byGrade: Readonly<Record<string, number>>;
  readonly gradeUnknown: number;
  readonly byGender: Readonly<Record<string, number>>;
  /** Class label -> children; the empty class is "". */
  readonly byClass: Readonly<Record<string, number>>;
  readonly byLeftBehind: Readonly<Record<string, number>>;
  readonly byGuardian: Readonly<Record<string, number>>;
  readonly boarding: Readonly<Record<string, number>>;
  readonly keyFocus: number;
  /** Facts the roster has no column for (boarding, keyFocus …): their counts above are 0 and mean "not recorded". */
  readonly notRecorded: readonly string[];
  readonly pairing: { readonly withTeacher: number; readonly withBuddy: number; readonly withProxy: number; readonly unpaired: number };
  readonly talks: number;
  readonly parentCalls: number;
  readonly homeVisits: number;
  readonly homeVisitsThisTerm: number;
  readonly childrenWithTalk: number;
  readonly talkShare: number;
  readonly callsOnCadence: number;
  readonly callCadenceShare: number;
  readonly childrenWithoutTalk: number;
  readonly openFollowUps: number;
  readonly byMonth: readonly { readonly month: string; readonly talks: number; readonly parentCalls: number; readonly homeVisits: number; readonly talkShare: number }[];
  readonly findings: Readonly<Record<string, number>>;
}

/** Shares to 4 decimals (0.1667): enough for a report, and stable to compare. */
const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function summaryJson(f: SummaryFigures): SummaryJson {
  const c = f.contact;
  return {
    period: { kind: f.period.kind, from: f.period.from, to: f.period.to, asOf: f.period.asOf },
    children: f.children,
    byGrade: { ...f.byGrade },
    gradeUnknown: f.gradeUnknown,
    byGender: { ...f.byGender },
    byClass: Object.fromEntries(f.byClass.map((c) => [c.classLabel ?? '', c.children])),
    byLeftBehind: { ...f.byLeftBehind },
    byGuardian: { ...f.byGuardian },
    boarding: { ...f.boarding },
    keyFocus: f.keyFocus,
    notRecorded: RECORDED_FACTS.filter((k) => !f.recorded[k]),
    pairing: { withTeacher: f.pairing.withTeacher, withBuddy: f.pairing.withBuddy, withProxy: f.pairing.withProxy, unpaired: f.pairing.unpaired },
    talks: c.talks,
    parentCalls: c.parentCalls,
    homeVisits: c.homeVisits,
    homeVisitsThisTerm: c.homeVisitsThisTerm,
    childrenWithTalk: c.withTalk,
    talkShare: round4(c.talkShare),
    callsOnCadence: c.callsOnCadence,
    callCadenceShare: round4(c.callCadenceShare),
    childrenWithoutTalk: c.childrenWithoutTalk.count,
    openFollowUps: c.openFollowUps,
    byMonth: c.byMonth.map((m) => ({ month: m.month, talks: m.talks, parentCalls: m.parentCalls, homeVisits: m.homeVisits, talkShare: round4(m.talkShare) })),
    findings: Object.fromEntries(f.quality.byRule.map((r) => [r.rule, r.count])),
  };
}
