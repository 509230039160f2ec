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

/** How far ahead birthdays, festivals and school days are announced. */
export const LOOKAHEAD_DAYS = 14;
