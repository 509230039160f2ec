import { dayNumber, fromDayNumber, type IsoDate } from '../dates';
import type { ChineseCalendar, DateRange } from './types';

/**
 * The school's calendar: which days children are at school. School-based contacts (谈心, 家访 …) are
 * only due on those days; phone contacts are not bound to them.
 */
export interface SchoolTerms {
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  readonly vacations: readonly DateRange[];
  /** The school's own days off; for years the calendar has no data for, also the statutory ones. */
  readonly extraHolidays: readonly DateRange[];
  readonly makeUpDays: readonly IsoDate[];
}

export interface SchoolCalendar {
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  /** When the term after this one begins, as the usual pattern has it (02-20 or 09-01). */
  readonly nextTermStart: IsoDate;
  isSchoolDay(date: IsoDate): boolean;
  isSchoolDayNumber(day: number): boolean;
  /** The day itself when a school day, else the next school day; null when none within 400 days. */
  nextSchoolDay(date: IsoDate): IsoDate | null;
  nextSchoolDayNumber(day: number): number | null;
}

/** The usual school year (the school overrides it in 设置). */
export const USUAL_TERMS = { autumnStart: '09-01', autumnEnd: '01-20', springStart: '02-20', springEnd: '07-10' } as const;

/**
 * The term `today` belongs to and the vacations around it, by the usual pattern. From August to the
 * winter vacation it is the autumn term; from February to July the spring term.
 */
export function usualSchoolYear(today: IsoDate): { termStart: IsoDate; termEnd: IsoDate; winter: DateRange; summer: DateRange } {
  const y = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const autumnYear = month >= 8 ? y : y - 1; // the school year started in September of this year
  const next = autumnYear + 1;
  const winter = { start: `${next}-01-21`, end: `${next}-02-19` };
  const summer = { start: `${next}-07-11`, end: `${next}-08-31` };
  const inAutumn = month >= 8 || month === 1;
  return inAutumn
    ? { termStart: `${autumnYear}-${USUAL_TERMS.autumnStart}`, termEnd: `${next}-${USUAL_TERMS.autumnEnd}`, winter, summer }
    : { termStart: `${next}-${USUAL_TERMS.springStart}`, termEnd: `${next}-${USUAL_TERMS.springEnd}`, winter, summer };
}

export function nextUsualTermStart(termEnd: IsoDate): IsoDate {
  const y = Number(termEnd.slice(0, 4));
  const candidates = [`${y}-${USUAL_TERMS.springStart}`, `${y}-${USUAL_TERMS.autumnStart}`, `${y + 1}-${USUAL_TERMS.springStart}`];
  return candidates.find((c) => c > termEnd)!;
}

/** 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function buildSchoolCalendar(terms: SchoolTerms, calendar: ChineseCalendar): SchoolCalendar {
  const termStart = dayNumber(terms.termStart);
  const termEnd = dayNumber(terms.termEnd);
  const nextTermStartIso = nextUsualTermStart(terms.termEnd);
  const nextTermStart = dayNumber(nextTermStartIso);
  const offRanges = [...terms.vacations, ...terms.extraHolidays].map((r) => [dayNumber(r.start), dayNumber(r.end)] as const);
  const makeUp = new Set(terms.makeUpDays.map(dayNumber));
  const statutory = new Map<number, Map<number, boolean> | null>();
  const cache = new Map<number, boolean>();

  function statutoryFor(day: number): Map<number, boolean> | null {
    const year = Number(fromDayNumber(day).slice(0, 4));
    if (!statutory.has(year)) {
      const days = calendar.statutoryDays(year);
      statutory.set(year, days && new Map(days.map((d) => [dayNumber(d.date), d.workday])));
    }
    return statutory.get(year)!;
  }

  function compute(day: number): boolean {
    for (const [a, b] of offRanges) if (day >= a && day <= b) return false;
    if (day < termStart || (day > termEnd && day < nextTermStart)) return false;
    if (makeUp.has(day)) return true;
    const official = statutoryFor(day)?.get(day);
    if (official !== undefined) return official;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  function isSchoolDayNumber(day: number): boolean {
    let v = cache.get(day);
    if (v === undefined) {
      v = compute(day);
      cache.set(day, v);
    }
    return v;
  }

  function nextSchoolDayNumber(day: number): number | null {
    for (let d = day; d < day + 400; d++) if (isSchoolDayNumber(d)) return d;
    return null;
  }

  return {
    termStart: terms.termStart,
    termEnd: terms.termEnd,
    nextTermStart: nextTermStartIso,
    isSchoolDay: (date) => isSchoolDayNumber(dayNumber(date)),
    isSchoolDayNumber,
    nextSchoolDay: (date) => {
      const d = nextSchoolDayNumber(dayNumber(date));
      return d === null ? null : fromDayNumber(d);
    },
    nextSchoolDayNumber,
  };
}
