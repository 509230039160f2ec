import { parseIso, toIso, type IsoDate } from '../core/dates';

/**
 * The host decides what "today" is (the core never reads a clock): the user's local calendar date,
 * or an explicit YYYY-MM-DD (the standalone page's ?today=, so a demo or a test gives the same ages).
 */
export function localToday(now: Date = new Date(), explicit?: string | null): IsoDate {
  if (explicit && parseIso(explicit)) return explicit;
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
