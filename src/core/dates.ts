/**
 * Calendar dates in the core are ISO strings 'YYYY-MM-DD': no time zone, no clock. `today` always
 * arrives as a parameter.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseIso(s: IsoDate): { y: number; m: number; d: number } | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}

/** Days since 1970-01-01 (UTC arithmetic, so no daylight-saving drift). */
export function dayNumber(date: IsoDate): number {
  const p = parseIso(date);
  if (!p) throw new RangeError('invalid date');
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86400000);
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86400000);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Excel 1900 date system serial -> ISO date. Serial 60 is the phantom 1900-02-29 (Lotus's bug that
 * Excel keeps); it has no real date, so it returns null. Fractions (times) are dropped.
 */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole < 60 ? whole - 1 : whole - 2; // days after 1900-01-01
  return fromDayNumber(dayNumber('1900-01-01') + days);
}

/** Days between the two date systems: a 1904 workbook (old Mac files) counts this many fewer to the same day. */
export const DAYS_1900_TO_1904 = 1462;

export function toExcelSerial(date: IsoDate): number {
  const days = dayNumber(date) - dayNumber('1900-01-01');
  return days + (days >= 59 ? 2 : 1);
}

/** Full years between a birth date and a reference date. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = parseIso(birth);
  const o = parseIso(on);
  if (!b || !o) throw new RangeError('invalid date');
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age--;
  return age;
}
