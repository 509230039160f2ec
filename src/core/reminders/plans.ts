import { daysInMonth, toIso, type IsoDate } from '../dates';
import type { FestivalKey } from '../calendar/types';

/**
 * What the schools' work plans ask for (docs/ARCHITECTURE.md §1) around the calendar, as message keys:
 * plan 2 (6·1 联欢活动), plan 3 (十月 中秋、国庆 家访和谈心; the monthly schedule), plan 5 (给留守儿童过生日,
 * 和留守儿童过每个中国传统节日, 每季度召开一次领导组专题会议, 亲情电话).
 */
export function festivalSuggestionKey(key: FestivalKey): string {
  return `reminders.suggest.${key}`;
}

export function festivalNameKey(key: FestivalKey): string {
  return `reminders.festival.${key}`;
}

/** Plan 3's yearly schedule: month (1–12) -> message key. */
export const YEARLY_SCHEDULE: Readonly<Record<number, string>> = {
  9: 'reminders.schedule.september',
  10: 'reminders.schedule.october',
  11: 'reminders.schedule.november',
  12: 'reminders.schedule.december',
  1: 'reminders.schedule.january',
};

/** Plan 5: the leadership group meets once a quarter. */
export const QUARTERLY_MEETING_KEY = 'reminders.meeting.quarterly';

/**
 * The month (1–12) of `year` in which quarter `quarter`'s leadership meeting is due: plan 5 has the group
 * meet every quarter to hear the report, so it is the quarter's first month — unless the school is on
 * holiday that whole month (a 暑假 from 07-01 in 设置, say), when it moves to the quarter's first month
 * with a day outside the vacations, i.e. the month the term starts in. Null when the whole quarter is
 * vacation. Only the vacations count, not the term's dates: January lies before the spring term's start
 * yet is still the autumn term, and the meeting must not come twice.
 */
export function quarterlyMeetingMonth(year: number, quarter: number, vacations: readonly { readonly start: IsoDate; readonly end: IsoDate }[]): number | null {
  for (let m = quarter * 3 - 2; m <= quarter * 3; m++) {
    const first = toIso(year, m, 1);
    const last = toIso(year, m, daysInMonth(year, m));
    if (!vacations.some((v) => v.start <= first && v.end >= last)) return m;
  }
  return null;
}

/** How far ahead birthdays, festivals and school days are announced. */
export const LOOKAHEAD_DAYS = 14;
