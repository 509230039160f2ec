import { weekdayOf } from '../calendar/school';
import { dayNumber } from '../dates';

/** How urgent an item is relative to today; weeks start on Monday. */
export const STATUSES = ['overdue', 'today', 'thisWeek', 'nextWeek', 'later'] as const;
export type ReminderStatus = (typeof STATUSES)[number];

export interface WeekWindow {
  readonly today: number;
  /** Day number of this week's Sunday (today when today is Sunday). */
  readonly endThisWeek: number;
  readonly endNextWeek: number;
}

export function weekWindow(today: string): WeekWindow {
  const t = dayNumber(today);
  const endThisWeek = t + ((7 - weekdayOf(t)) % 7);
  return { today: t, endThisWeek, endNextWeek: endThisWeek + 7 };
}

export function statusOfDay(due: number, w: WeekWindow): ReminderStatus {
  if (due < w.today) return 'overdue';
  if (due === w.today) return 'today';
  if (due <= w.endThisWeek) return 'thisWeek';
  if (due <= w.endNextWeek) return 'nextWeek';
  return 'later';
}

export function statusOf(due: string, today: string): ReminderStatus {
  return statusOfDay(dayNumber(due), weekWindow(today));
}

export function statusRank(s: ReminderStatus): number {
  return STATUSES.indexOf(s);
}
