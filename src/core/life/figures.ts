import type { IsoDate } from '../dates';
import { ACTIVITY_TYPES, type ActivityType } from './types';
import type { LifeRead } from './read';

/** The period the figures are for (the summary's Period, of which only the dates matter here). */
export interface LifeRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface LifeFigures {
  /** Which sheets hold any readable row at all: the report speaks only of the work a school records. */
  readonly used: { readonly activities: boolean; readonly groups: boolean; readonly rollCall: boolean; readonly fund: boolean; readonly training: boolean };
  readonly activities: { readonly count: number; readonly byType: Readonly<Record<ActivityType, number>>; readonly childrenTakingPart: number; readonly childrenWithout: number };
  /** Interest groups are standing memberships, not dated: counted on their own, whatever the period. */
  readonly interestGroups: { readonly groups: number; readonly members: number; readonly childrenInNone: number };
  readonly rollCall: { readonly days: number; readonly attendances: number; readonly pickupsMissing: number };
  /** Money in yuan; balance at the period's end counting every row up to it. */
  readonly fund: { readonly income: number; readonly spent: number; readonly balance: number; readonly childrenAided: number; readonly perChild: number };
  /** Hours counted per teacher (a session of 2 hours for 3 teachers is 6 hours). */
  readonly training: { readonly teachers: number; readonly hours: number; readonly credits: number };
}

const inRange = (d: IsoDate, r: LifeRange) => d >= r.from && d <= r.to;
const yuan = (fen: number) => Math.round(fen) / 100;
const round2 = (x: number) => Math.round(x * 100) / 100;

export function lifeFigures(read: LifeRead, childCount: number, range: LifeRange): LifeFigures {
  const byType = Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, 0])) as Record<ActivityType, number>;
  const taking = new Set<number>();
  let count = 0;
  for (const a of read.activities) {
    if (!inRange(a.date, range)) continue;
    count++;
    byType[a.type]++;
    for (const c of a.children) taking.add(c);
  }

  const members = new Set<number>();
  for (const g of read.groups) for (const c of g.children) members.add(c);
  const groupNames = new Set(read.groups.map((g) => g.group).filter(Boolean));

  const days = new Set<string>();
  let attendances = 0;
  let pickupsMissing = 0;
  for (const r of read.rollCall) {
    if (!inRange(r.date, range)) continue;
    days.add(r.date);
    attendances += r.children.length + r.unmatched;
    if (r.pickupMissing) pickupsMissing++;
  }

  let incomeFen = 0;
  let spentFen = 0;
  let aidFen = 0;
  let balanceFen = 0;
  const aided = new Set<number>();
  for (const f of read.fund) {
    if (f.date > range.to) break; // read.fund is in date order
    balanceFen = f.balanceFen;
    if (f.date < range.from) continue;
    if (f.kind === 'income') incomeFen += f.amountFen;
    else {
      spentFen += f.amountFen;
      if (f.children.length) aidFen += f.amountFen;
      for (const c of f.children) aided.add(c);
    }
  }

  const teachers = new Set<string>();
  let hours = 0;
  let credits = 0;
  for (const t of read.training) {
    if (!inRange(t.date, range)) continue;
    for (const name of t.teachers) teachers.add(name);
    hours += t.hours * Math.max(1, t.teachers.length);
    credits += t.credits * Math.max(1, t.teachers.length);
  }

  return {
    used: {
      activities: read.activities.length > 0,
      groups: read.groups.length > 0,
      rollCall: read.rollCall.length > 0,
      fund: read.fund.length > 0,
      training: read.training.length > 0,
    },
    activities: { count, byType, childrenTakingPart: taking.size, childrenWithout: childCount - taking.size },
    interestGroups: { groups: groupNames.size, members: members.size, childrenInNone: childCount - members.size },
    rollCall: { days: days.size, attendances, pickupsMissing },
    fund: { income: yuan(incomeFen), spent: yuan(spentFen), balance: yuan(balanceFen), childrenAided: aided.size, perChild: aided.size ? round2(aidFen / 100 / aided.size) : 0 },
    training: { teachers: teachers.size, hours: round2(hours), credits: round2(credits) },
  };
}

/** The additions to `summary --json` (issue 17): counts and money only, no names. */
export interface LifeJson {
  readonly activities: { readonly count: number; readonly childrenTakingPart: number; readonly childrenWithout: number };
  readonly interestGroups: { readonly groups: number; readonly members: number; readonly childrenInNone: number };
  readonly fund: { readonly income: number; readonly spent: number; readonly balance: number; readonly childrenAided: number };
  readonly training: { readonly teachers: number; readonly hours: number };
  readonly rollCall: { readonly days: number; readonly attendances: number; readonly pickupsMissing: number };
}

export function lifeJson(f: LifeFigures): LifeJson {
  const { count, childrenTakingPart, childrenWithout } = f.activities;
  const { income, spent, balance, childrenAided } = f.fund;
  return {
    activities: { count, childrenTakingPart, childrenWithout },
    interestGroups: { ...f.interestGroups },
    fund: { income, spent, balance, childrenAided },
    training: { teachers: f.training.teachers, hours: f.training.hours },
    rollCall: { ...f.rollCall },
  };
}
