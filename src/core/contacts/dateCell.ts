import type { CellValue } from '../cells';
import { parseDate, toHalfWidth, trimAll } from '../roster/normalize';
import type { DateRange } from '../calendar/types';
import { dayNumber, isValidYmd, parseIso, toIso, type IsoDate } from '../dates';

/**
 * Dates as teachers type them into 谈心记录 and 设置. The roster engine's reader does the work (serials,
 * 2026.3.5, 2026年3月5日, 2026/3/5, 20260305, full-width digits, a time after the date); on top of it, a
 * date without a year (3月5日) is read as the latest such day not after `today`, and says so. A year and
 * month alone is not a day, so it is unreadable here.
 */
export type DateCellResult = { readonly ok: true; readonly date: IsoDate; readonly yearAssumed: boolean } | { readonly ok: false; readonly reason: 'blank' | 'unreadable' };

const NO_YEAR = /^(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?$/;
const TIME_TAIL = /\s+(上午|下午|晚上)?\s*\d{1,2}[:：]\d{2}([:：]\d{2})?$/;

export function parseDateCell(value: CellValue | undefined, today?: IsoDate): DateCellResult {
  if (typeof value === 'boolean') return { ok: false, reason: 'unreadable' };
  const parsed = parseDate(typeof value === 'string' ? trimAll(toHalfWidth(value)).replace(TIME_TAIL, '') : value);
  if (parsed === null) return { ok: false, reason: 'blank' };
  if (parsed.ok) return parsed.monthOnly ? { ok: false, reason: 'unreadable' } : { ok: true, date: parsed.iso, yearAssumed: false };
  const m = typeof value === 'string' ? NO_YEAR.exec(trimAll(toHalfWidth(value))) : null;
  const t = today ? parseIso(today) : null;
  if (m && t && today) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    // Latest such day on or before today: this year's, else an earlier year's (2-29 may go back a few).
    for (let y = t.y; y >= t.y - 4; y--) {
      if (isValidYmd(y, mo, d) && dayNumber(toIso(y, mo, d)) <= dayNumber(today)) return { ok: true, date: toIso(y, mo, d), yearAssumed: true };
    }
  }
  return { ok: false, reason: 'unreadable' };
}

const DATE_TOKEN = /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?|(\d{1,2})\s*[./月]\s*(\d{1,2})\s*[日号]?/g;

/**
 * A list of dates and ranges typed into one 设置 cell: "2026-10-01~2026-10-07; 2026-11-20",
 * "2027年1月21日至2月19日" (a range end without a year takes the start's year, or the next when it
 * would fall before the start). Returns null when any part cannot be read, so the caller can say so.
 */
export function parseDateRanges(value: CellValue | undefined): DateRange[] | null {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'number') {
    const one = parseDateCell(value);
    return one.ok ? [{ start: one.date, end: one.date }] : null;
  }
  if (typeof value !== 'string') return null;
  const out: DateRange[] = [];
  for (const part of value.normalize('NFKC').split(/[;；,，、\n]+/)) {
    if (!part.trim()) continue;
    const dates: IsoDate[] = [];
    let rest = part;
    let lastYear: number | null = null;
    for (const m of part.matchAll(DATE_TOKEN)) {
      let y: number;
      let mo: number;
      let d: number;
      if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else {
        if (lastYear === null) return null;
        [y, mo, d] = [lastYear, Number(m[4]), Number(m[5])];
        if (dates.length && isValidYmd(y, mo, d) && toIso(y, mo, d) < dates[dates.length - 1]) y += 1;
      }
      if (y < 1900 || !isValidYmd(y, mo, d)) return null;
      lastYear = y;
      dates.push(toIso(y, mo, d));
      rest = rest.replace(m[0], '');
    }
    // Anything left besides range separators means a part we could not read.
    if (dates.length === 0 || dates.length > 2 || rest.replace(/[\s~～至到—–-]+/g, '') !== '') return null;
    const [start, end] = dates.length === 1 ? [dates[0], dates[0]] : dates;
    if (end < start) return null;
    out.push({ start, end });
  }
  return out;
}
