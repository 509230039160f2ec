import type { IsoDate } from '../dates';
import type { FieldKey, Finding, RosterRecord } from '../roster/types';

/**
 * What the summary needs from the roster, pairing and contact modules, as small plain shapes. The
 * lead wires the real modules to these; the summary never imports their internals, so their APIs can
 * move without breaking it.
 */

/** One child: the roster fields the figures use, plus the key the log and the pairing refer to it by. */
export type SummaryChild = Pick<RosterRecord, 'name' | 'gender' | 'grade' | 'classLabel' | 'leftBehindType' | 'guardianRelation' | 'boarding' | 'keyFocus'> & {
  readonly key: string;
  /** Children who joined after the period started are judged on call cadence from this date. */
  readonly joinDate?: IsoDate | null;
};

/** The key used when the modules do not hand one over: class and name, which the roster keeps unique. */
export function defaultChildKey(record: Pick<RosterRecord, 'classLabel' | 'name'>): string {
  return `${record.classLabel ?? ''}|${record.name}`;
}

export function childrenFromRecords(records: readonly RosterRecord[], keyOf: (r: RosterRecord) => string = defaultChildKey): SummaryChild[] {
  return records.map((r) => ({
    key: keyOf(r),
    name: r.name,
    gender: r.gender,
    grade: r.grade,
    classLabel: r.classLabel,
    leftBehindType: r.leftBehindType,
    guardianRelation: r.guardianRelation,
    boarding: r.boarding,
    keyFocus: r.keyFocus,
    joinDate: r.joinDate,
  }));
}

/** One child's pairing; empty strings mean "nobody yet". */
export interface SummaryPair {
  readonly childKey: string;
  readonly teacher: string;
  readonly buddy: string;
  readonly proxy: string;
}

/** A mentor from 帮扶人员: kind as typed (班主任, 党员, 代理家长 …), capacity or null when unlimited. */
export interface SummaryMentor {
  readonly name: string;
  readonly kind: string;
  readonly capacity: number | null;
}

/** Contact kinds by the ids of src/core/contacts/kinds.ts. */
export const KIND = {
  talk: 'talk',
  parentCall: 'parentCall',
  guardianContact: 'guardianContact',
  homeVisit: 'homeVisit',
  familyCall: 'familyCall',
} as const;

/** One row of 谈心记录. */
export interface SummaryLogEntry {
  readonly date: IsoDate;
  readonly childKey: string;
  /** The class written on the log row; used when the child is no longer on the roster. */
  readonly classLabel: string | null;
  /** A contact kind id ('talk', 'parentCall', 'homeVisit', …). */
  readonly kind: string;
  readonly target: string;
  readonly recorder: string;
  /** 需跟进 */
  readonly followUp: boolean;
  readonly followUpDue: IsoDate | null;
  /** Marked done (跟进结果 filled in); open follow-ups are those not done. */
  readonly followUpDone?: boolean;
}

export interface SummaryCadences {
  /** Longest allowed gap between two 家长电话, in days (plan 2: every two weeks). */
  readonly parentCallDays: number;
}

export type SummaryFinding = Pick<Finding, 'rule' | 'severity'>;

/**
 * Roster facts a school may not keep at all (its roster has no such column). The summary says 未登记
 * (not recorded) for those, never 0: a roster without a 寄宿 column says nothing about boarders.
 */
export const RECORDED_FACTS = ['gender', 'leftBehind', 'guardian', 'boarding', 'keyFocus'] as const;
export type RecordedFact = (typeof RECORDED_FACTS)[number];
export type RecordedFacts = Readonly<Record<RecordedFact, boolean>>;

/** The roster columns each fact is read from (src/core/roster/records.ts): gender also from the ID number, 留守类型 also from each parent's 是否外出 or workplace. */
const FACT_SOURCES: Readonly<Record<RecordedFact, readonly FieldKey[]>> = {
  gender: ['gender', 'idNumber'],
  leftBehind: ['leftBehindType', 'parentAway', 'fatherAway', 'motherAway', 'fatherWorkplace', 'motherWorkplace'],
  guardian: ['guardianRelation'],
  boarding: ['boarding'],
  keyFocus: ['keyFocus'],
};

export const ALL_RECORDED: RecordedFacts = { gender: true, leftBehind: true, guardian: true, boarding: true, keyFocus: true };

/** Which facts the roster can tell: those with a source column mapped on at least one of its sheets. */
export function recordedFacts(sheets: readonly { readonly columns: Readonly<Partial<Record<FieldKey, number>>> }[]): RecordedFacts {
  const has = (f: FieldKey) => sheets.some((s) => s.columns[f] !== undefined);
  return Object.fromEntries(RECORDED_FACTS.map((fact) => [fact, FACT_SOURCES[fact].some(has)])) as Record<RecordedFact, boolean>;
}

export interface SummaryInput {
  readonly children: readonly SummaryChild[];
  /** Which roster facts have a column; left out, every fact is taken as recorded. */
  readonly recorded?: RecordedFacts;
  readonly findings: readonly SummaryFinding[];
  readonly pairs: readonly SummaryPair[];
  readonly mentors?: readonly SummaryMentor[];
  readonly log: readonly SummaryLogEntry[];
  readonly cadences: SummaryCadences;
}
