import type { IsoDate } from '../dates';

/**
 * What the core needs from a Chinese calendar. The real one (tyme.ts) wraps tyme4ts, about 70 KB
 * gzipped, which the pane loads on demand; everything else takes a ChineseCalendar as a parameter so it
 * stays pure, light and testable.
 */
/** An inclusive range of days. */
export interface DateRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export const FESTIVAL_KEYS = [
  'newYearsEve',
  'springFestival',
  'lantern',
  'qingming',
  'childrensDay',
  'dragonBoat',
  'qixi',
  'midAutumn',
  'nationalDay',
  'doubleNinth',
  'winterSolstice',
  'laba',
] as const;
export type FestivalKey = (typeof FESTIVAL_KEYS)[number];

export interface FestivalDay {
  readonly date: IsoDate;
  readonly key: FestivalKey;
  /** True for festivals fixed on the lunar calendar (and 清明, a solar term). */
  readonly lunar: boolean;
}

export const HOLIDAY_KEYS = ['newYear', 'springFestival', 'qingming', 'labourDay', 'dragonBoat', 'midAutumn', 'nationalDay', 'victoryDay'] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/** One day of the State Council's holiday arrangement: a day off, or a make-up working day (调休上班). */
export interface StatutoryDay {
  readonly date: IsoDate;
  readonly holiday: HolidayKey;
  readonly workday: boolean;
}

export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

export interface ChineseCalendar {
  /**
   * The solar date of lunar month/day in a lunar year (the regular month, not a leap one). A day past
   * the end of a short month (30 in a 29-day month) falls on the month's last day. Null when out of the
   * calendar's range or the month/day cannot exist.
   */
  lunarToSolar(lunarYear: number, month: number, day: number): IsoDate | null;
  /** The lunar date of a solar date (births are recorded in solar dates, on the ID card too). */
  solarToLunar(date: IsoDate): LunarDate | null;
  /** Festivals whose solar date falls in the given solar year, in date order. */
  festivals(year: number): readonly FestivalDay[];
  /** The holiday arrangement for a solar year, in date order; null when the calendar has no data for it. */
  statutoryDays(year: number): readonly StatutoryDay[] | null;
}

/** Something the pane and the 提醒事项 sheet must say about the calendar. */
export type CalendarNote = { readonly kind: 'noHolidayData'; readonly year: number };

/** Notes for the solar years a date window touches. */
export function calendarNotes(calendar: ChineseCalendar, from: IsoDate, to: IsoDate): CalendarNote[] {
  const notes: CalendarNote[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (calendar.statutoryDays(y) === null) notes.push({ kind: 'noHolidayData', year: y });
  }
  return notes;
}
