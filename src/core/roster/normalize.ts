/**
 * Normalisers: turn what teachers type into comparable values without touching the sheet.
 * Pure functions of the cell value (and `today` where the meaning depends on it).
 */
import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import { fromExcelSerial, isValidYmd, parseIso, toIso, type IsoDate } from '../dates';
import type { Gender, GuardianshipType, LeftBehindType } from './types';

// ---------------------------------------------------------------------------------------------
// Text

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width; everything else as is. */
export function toHalfWidth(s: string): string {
  // Fast path: most cells have nothing to convert, so avoid building a new string.
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** The spaces trimAll and stripSpaces remove: ordinary, tab, line breaks, no-break, ideographic, zero-width, BOM. */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff;
}

/** Trim ordinary, no-break, zero-width and ideographic spaces at both ends. */
export function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Remove every kind of space, anywhere. */
export function stripSpaces(s: string): string {
  let i = 0;
  for (; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) break;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) out += s[i];
  return out;
}

/** True for a cell that holds nothing a person typed (null, '', spaces only). Errors are not blank. */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return trimAll(v) === '';
  return false;
}

/** A cell as trimmed half-width text ('' for blank, booleans and error values). */
export function cellText(v: CellValue | undefined): string {
  if (typeof v === 'string') return trimAll(toHalfWidth(v));
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return '';
}

/** What teachers write for "there is none": treated as blank in optional fields, so it is not a format error. */
const NONE_WORDS: ReadonlySet<string> = new Set([
  '无',
  '暂无',
  '没有',
  '空',
  '/',
  '-',
  '--',
  '—',
  '——',
  '未办',
  '未办理',
  '未办证',
  '无证',
  '待办',
  '待补',
  '无身份证',
  '无电话',
  '无手机',
  '无号码',
]);

export function isNoneText(s: string): boolean {
  return s.length <= 5 && NONE_WORDS.has(s);
}

/** A CJK ideograph of the basic plane (caseless, and untouched by toHalfWidth). */
export function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * A person's name as one comparable string: trimmed, spaces between Chinese characters dropped
 * (teachers pad two-character names to line them up: 张  三), the many middle dots of minority names
 * (阿依古丽·买买提) unified to U+00B7.
 */
export function normalizeName(v: CellValue | undefined): string {
  const s = cellText(v);
  if (!s) return '';
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x2022 || c === 0x30fb || c === 0xff65 || c === 0x2027 || c === 0x22c5 || c === 0x2219) plain = false;
  }
  if (plain) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      const prev = out.charCodeAt(out.length - 1);
      let j = i + 1;
      while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
      const next = s.charCodeAt(j);
      if (!(isCjk(prev) || isCjk(next))) out += ' ';
      i = j - 1;
    } else if (c === 0x2022 || c === 0x30fb || c === 0xff65 || c === 0x2027 || c === 0x22c5 || c === 0x2219) out += '\u00b7';
    else out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phones

/** Mobile prefixes in use (docs/ARCHITECTURE.md §7): 13x, 145–149, 150–153, 155–159, 162, 165–167, 170–178, 18x, 190–193, 195–199. */
const MOBILE_PREFIX: readonly boolean[] = (() => {
  const table = new Array<boolean>(1000).fill(false);
  const add = (from: number, to: number) => {
    for (let p = from; p <= to; p++) table[p] = true;
  };
  add(130, 139);
  add(145, 149);
  add(150, 153);
  add(155, 159);
  add(162, 162);
  add(165, 167);
  add(170, 178);
  add(180, 189);
  add(190, 193);
  add(195, 199);
  return table;
})();

export type PhoneKind = 'mobile' | 'landline' | 'noAreaCode' | 'invalid';

export interface PhoneParse {
  readonly kind: PhoneKind;
  /** Digits of the (first) number without country code or separators; for landlines area code + number. */
  readonly digits: string;
  readonly extension?: string;
  /** When the cell holds several numbers and one is wrong: which (1-based) and how many there are. */
  readonly position?: number;
  readonly numbers?: number;
}

export function isMobile(digits: string): boolean {
  if (digits.length !== 11 || digits.charCodeAt(0) !== 49) return false;
  const prefix = 100 + (digits.charCodeAt(1) - 48) * 10 + (digits.charCodeAt(2) - 48);
  return prefix >= 100 && prefix < 200 && MOBILE_PREFIX[prefix] === true && isAllDigits(digits);
}

/** 010/02x + 8 digits, or 0xxx + 7–8 digits (docs/ARCHITECTURE.md §7). */
export function isLandline(digits: string): boolean {
  if (digits.charCodeAt(0) !== 48 || !isAllDigits(digits)) return false;
  const second = digits.charCodeAt(1);
  if (second === 49 /* 1 */) return digits.startsWith('010') && digits.length === 11;
  if (second === 50 /* 2 */) return digits.length === 11;
  if (second >= 51 && second <= 57) return digits.length === 11 || digits.length === 12;
  return false;
}

const EXTENSION = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const SEPARATORS = /[\s\-–—_.()[\]（）【】]+/g;
/** Between numbers in one cell: punctuation, a wide gap, or a space before a label (父：… 母：…). */
const MULTI = /[/／、,，;；|\n\r]|\s{2,}|\s+(?=[^\d\s+(（转分#xXeE-])/;
/** A note in brackets after or between numbers: (父), （奶奶）, 【空号】 — brackets holding no digit. */
const BRACKET_NOTE = /[(（[【][^\d()（）[\]【】]*[)）\]】]/g;
/** A label before a number: 电话：, 父亲, 母: (any few non-digits, so '转' never reaches here alone). */
const LABEL = /^[^\d+(（]{1,8}?[:：]?\s*(?=[\d+(（])/;

/**
 * Read a phone cell. Accepts spaces, dashes, brackets, +86 / 0086 / 86, numbers stored as numbers,
 * full-width digits, an extension (转 123, -123 after a landline). Several numbers in one cell
 * ("138…/139…") are split and each must be valid; the first one is returned in `digits`.
 */
export function parsePhone(v: CellValue): PhoneParse | null {
  if (v === null || typeof v === 'boolean' || isCellError(v)) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', digits: '' };
    return Number.isInteger(v) && v > 0 ? classifyPhone(String(v), '') : { kind: 'invalid', digits: '' };
  }
  const text = trimAll(toHalfWidth(v));
  if (!text || isNoneText(text)) return null;
  if (isAllDigits(text)) return classifyPhone(text, '');
  const quick = quickPhone(text);
  if (quick) return quick;
  const noted = text.replace(BRACKET_NOTE, ' ');
  // A part without a digit is a note ("13812345678 奶奶"), not a number.
  const parts = noted.split(MULTI).flatMap(splitSpacedNumbers).filter(hasDigit);
  if (parts.length === 0) return parseOnePhone(text); // no number at all: invalid, never blank
  let first: PhoneParse | null = null;
  for (let i = 0; i < parts.length; i++) {
    const one = parseOnePhone(parts[i]);
    if (!first) first = one;
    if (one.kind !== 'mobile' && one.kind !== 'landline') return parts.length > 1 ? { ...one, position: i + 1, numbers: parts.length } : one;
  }
  return first;
}

const isValidPhone = (p: PhoneParse) => p.kind === 'mobile' || p.kind === 'landline';
const hasDigit = (s: string) => /\d/.test(s);

/**
 * Two numbers with one space between them ("13812345678 13987654321"), where a single number may itself
 * be written in spaced groups ("138 1234 5678"): cut the groups where each run reads as one valid
 * number. A part that cannot be cut that way is returned whole, to be judged (and named) as it is.
 */
function splitSpacedNumbers(part: string): string[] {
  const text = trimAll(part);
  const groups = text.split(/\s+/);
  if (groups.length < 2 || isValidPhone(parseOnePhone(text))) return [text];
  // cut[i]: a way to read groups[0..i) as valid numbers, as the start of each number; null when none.
  const cut: (number[] | null)[] = [[]];
  for (let end = 1; end <= groups.length; end++) {
    cut[end] = null;
    for (let start = end - 1; start >= 0 && cut[end] === null; start--) {
      if (cut[start] !== null && isValidPhone(parseOnePhone(groups.slice(start, end).join(' ')))) cut[end] = [...cut[start]!, start];
    }
  }
  const starts = cut[groups.length];
  // No reading as valid numbers: groups of seven digits or more are still separate numbers, to be named.
  if (!starts) return groups.every((g) => g.replace(/\D/g, '').length >= 7) ? groups : [text];
  if (starts.length < 2) return [text];
  return starts.map((start, i) => groups.slice(start, starts[i + 1] ?? groups.length).join(' '));
}

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * The common written forms (138 1234 5678, 0755-1234567, +86 138…) without regexes: keep digits, drop
 * single spaces and dashes. Only a valid result is returned; anything else takes the full path.
 */
function quickPhone(text: string): PhoneParse | null {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (!(c === 0x20 || c === 0x2d || (c === 0x2b && i === 0))) return null;
  }
  const p = classifyPhone(digits, '');
  return p.kind === 'mobile' || p.kind === 'landline' ? p : null;
}

function parseOnePhone(text: string): PhoneParse {
  let s = text.replace(LABEL, '');
  let ext = '';
  const e = EXTENSION.exec(s);
  if (e) {
    ext = e[1];
    s = s.slice(0, e.index);
  } else {
    // A landline written 0755-1234567-801: a third dash group is the extension.
    const groups = s.split(/[-–—]/).map(trimAll);
    if (groups.length === 3 && groups[0].startsWith('0') && /^\d{1,6}$/.test(groups[2]) && isLandline(groups[0] + groups[1])) {
      ext = groups[2];
      s = groups[0] + groups[1];
    }
  }
  s = s.replace(SEPARATORS, '');
  if (s.startsWith('+')) s = s.slice(1);
  // A note written straight after the number ("13812345678奶奶").
  const note = /^(\+?\d{7,})[^\d]+$/.exec(s);
  if (note) s = note[1];
  if (!isAllDigits(s)) return { kind: 'invalid', digits: s };
  return classifyPhone(s, ext);
}

function classifyPhone(digitsIn: string, ext: string): PhoneParse {
  let d = digitsIn;
  let international = false;
  if (d.startsWith('0086') && d.length >= 12) {
    d = d.slice(4);
    international = true;
  } else if (d.startsWith('86') && d.length >= 12) {
    d = d.slice(2);
    international = true;
  }
  // International landlines drop the trunk 0 (+86 755 1234 5678); put it back.
  if (international && d.charCodeAt(0) !== 48 && !isMobile(d) && isLandline('0' + d)) d = '0' + d;
  const kind: PhoneKind = isMobile(d)
    ? 'mobile'
    : isLandline(d)
      ? 'landline'
      : (d.length === 7 || d.length === 8) && d.charCodeAt(0) !== 48 && d.charCodeAt(0) !== 49
        ? 'noAreaCode'
        : 'invalid';
  return ext ? { kind, digits: d, extension: ext } : { kind, digits: d };
}

/** Digits of a valid phone ('13812345678', '075512345678'), or null when blank or not a valid number. */
export function normalizePhone(v: CellValue): string | null {
  const p = parsePhone(v);
  return p && (p.kind === 'mobile' || p.kind === 'landline') ? p.digits : null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateParse =
  | { readonly ok: true; readonly iso: IsoDate; /** Only a year and month were given (出生年月). */ readonly monthOnly: boolean }
  | { readonly ok: false; readonly reason: 'unreadable' | 'impossible' };

const YMD_SEP = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YM_SEP = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?(?:份)?$/;
const YM_COMPACT = /^(\d{4})(\d{2})$/;
const MIN_YEAR = 1900;

function ymd(y: number, m: number, d: number, monthOnly = false): DateParse {
  if (y < MIN_YEAR || !isValidYmd(y, m, d)) return { ok: false, reason: 'impossible' };
  return { ok: true, iso: toIso(y, m, d), monthOnly };
}

/**
 * Read a date cell: an Excel serial (1900 system), a JS Date, or text such as 2015.3.12, 2015年3月12日,
 * 20150312, 2015/3/12, 2015-03-12; year and month alone (2015-3, 2015年3月, 201503, and the number
 * 2015.03 Excel makes of "2015.03") read as the 1st of the month with `monthOnly`. Null when blank.
 */
export function parseDate(v: CellValue | Date | undefined): DateParse | null {
  if (v === null || v === undefined || typeof v === 'boolean') return null;
  if (v instanceof Date) {
    const t = v.getTime();
    if (!Number.isFinite(t)) return { ok: false, reason: 'unreadable' };
    // Parsers build Dates at local midnight; rounding to the nearest UTC midnight recovers the calendar
    // day for any time zone within ±12 h.
    const day = new Date(Math.round(t / 86400000) * 86400000);
    return ymd(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  if (isCellError(v)) return { ok: false, reason: 'unreadable' };
  if (typeof v === 'number') return dateFromNumber(v);
  const s = trimAll(toHalfWidth(v));
  if (!s) return null;
  let m = YMD_SEP.exec(s) ?? YMD_COMPACT.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YM_SEP.exec(s) ?? YM_COMPACT.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), 1, true);
  const iso = parseIso(s);
  if (iso) return ymd(iso.y, iso.m, iso.d);
  return { ok: false, reason: 'unreadable' };
}

function dateFromNumber(n: number): DateParse {
  if (!Number.isFinite(n)) return { ok: false, reason: 'unreadable' };
  if (Number.isInteger(n)) {
    if (n >= 19000101 && n <= 29991231) return ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    if (n >= 190001 && n <= 299912) return ymd(Math.floor(n / 100), n % 100, 1, true);
    // A bare year is not a date; as a serial it would be 1905, which no child was born in.
    if (n >= MIN_YEAR && n <= 2999) return { ok: false, reason: 'unreadable' };
    if (n === 60) return { ok: false, reason: 'impossible' };
    const iso = fromExcelSerial(n);
    return iso ? { ok: true, iso, monthOnly: false } : { ok: false, reason: 'unreadable' };
  }
  // "2015.03" typed into a General cell becomes the number 2015.03 (and "2015.10" becomes 2015.1).
  if (n > MIN_YEAR && n < 2999) {
    const year = Math.floor(n);
    let month = Math.round((n - year) * 100);
    if (month > 12 && month % 10 === 0) month /= 10;
    return ymd(year, month, 1, true);
  }
  const iso = fromExcelSerial(n);
  return iso ? { ok: true, iso, monthOnly: false } : { ok: false, reason: 'unreadable' };
}

// ---------------------------------------------------------------------------------------------
// Grades and classes

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals up to 99 (一, 十, 十二, 二十三) or Arabic digits; null when neither. */
export function parseSmallNumber(s: string): number | null {
  if (!s) return null;
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : null;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 && before in CN_DIGITS ? CN_DIGITS[before] : null;
  const ones = after === '' ? 0 : after.length === 1 && after in CN_DIGITS ? CN_DIGITS[after] : null;
  return tens === null || ones === null ? null : tens * 10 + ones;
}

const GRADE_NAMES = ['', '一', '二', '三', '四', '五', '六', '初一', '初二', '初三'];
const PRESCHOOL = new Set(['学前班', '大班', '中班', '小班', '幼儿园', '幼儿园大班', '幼儿园中班', '幼儿园小班']);
export const MAX_GRADE = 9;

/** The label a grade has in a canonical class label: 3 -> '三', 7 -> '初一'. */
export function gradePrefix(grade: number): string {
  return grade === 0 ? '学前' : (GRADE_NAMES[grade] ?? String(grade));
}

export interface ClassParse {
  /** 1..9 (初一 = 7), 0 for pre-school; null when the text has no grade (e.g. "1班"). */
  readonly grade: number | null;
  readonly classNo: number | null;
  /** False when the text cannot be read or names a grade that does not exist. */
  readonly ok: boolean;
}

/** The school year a date falls in, named by the calendar year it starts in (1 September). */
export function schoolYearStart(today: IsoDate): number {
  const p = parseIso(today);
  if (!p) throw new RangeError('invalid date');
  return p.m >= 9 ? p.y : p.y - 1;
}

const CLASS_GRADE_CLASS = /^(初中|初|小学)?([一二三四五六七八九十〇两\d]{1,3}?)(年级|年)?([(.\-–—―、·])?(\d{1,2}|[一二三四五六七八九十]{1,3})\)?班?$/;
const CLASS_ONLY = /^\(?(\d{1,2}|[一二三四五六七八九十]{1,3})\)?班$/;
const ENTRY_YEAR = /^(初中|初|小学)?(\d{4})(?:级|届)(?:(\d{1,2}|[一二三四五六七八九十]{1,3})班|\((\d{1,2})\)班?)?$/;
const GRADE_ONLY = /^(初中|初|小学)?([一二三四五六七八九十〇两\d]{1,3})(?:年级|年)?$/;
const JUNIOR = /^(?:初中?)([一二三])(?:年级)?$/;
const SENIOR = /^高(?:中)?[一二三]/;

function gradeFrom(stage: string | undefined, n: number): number | null {
  if (stage && stage.startsWith('初')) return n >= 1 && n <= 3 ? n + 6 : n >= 7 && n <= 9 ? n : null;
  return n >= 1 && n <= MAX_GRADE ? n : null;
}

/**
 * Read a grade or class cell: 三(1)班, 三（1）班, 三年级1班, 六年级２班, 3.1班, 3-1班, 初一(2)班, 七年级,
 * 三年级, 3, "1班" (class only), 2018级 (entry year: grade counted from the school year `today` is in).
 */
export function parseClass(v: CellValue, today: IsoDate): ClassParse | null {
  if (v === null || typeof v === 'boolean') return null;
  if (isCellError(v)) return { grade: null, classNo: null, ok: false };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1 && v <= MAX_GRADE) return { grade: v, classNo: null, ok: true };
    // 3.1 typed for 三年级1班 arrives as a number.
    const g = Math.floor(v);
    const c = Math.round((v - g) * 10);
    if (g >= 1 && g <= MAX_GRADE && c >= 1 && Math.abs(v - (g + c / 10)) < 1e-9) return { grade: g, classNo: c, ok: true };
    if (Number.isInteger(v) && v >= 1990 && v <= 2999) return entryYear(undefined, v, null, today);
    // 501 typed for 五年级1班 (grade digit, two class digits) arrives as a number too.
    if (Number.isInteger(v) && v >= 100 && v <= 999) return gradeAndClassDigits(String(v));
    return { grade: null, classNo: null, ok: false };
  }
  const s = stripSpaces(toHalfWidth(v))
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')');
  if (!s) return null;
  if (PRESCHOOL.has(s.replace(/\(\d+\)|\d+班$/, ''))) return { grade: 0, classNo: null, ok: true };
  let m = JUNIOR.exec(s);
  if (m) return { grade: 6 + CN_DIGITS[m[1]], classNo: null, ok: true };
  if (SENIOR.test(s)) return { grade: null, classNo: null, ok: false };
  m = ENTRY_YEAR.exec(s);
  if (m) return entryYear(m[1], Number(m[2]), m[3] ?? m[4] ?? null, today);
  // "301班" and "301" are grade 3, class 01 (before GRADE_ONLY, which would read 301 as a grade).
  if (/^\d{3}班?$/.test(s)) return gradeAndClassDigits(s);
  m = GRADE_ONLY.exec(s);
  if (m) {
    const n = parseSmallNumber(m[2]);
    const grade = n === null ? null : gradeFrom(m[1], n);
    return { grade, classNo: null, ok: grade !== null };
  }
  m = CLASS_GRADE_CLASS.exec(s);
  // "12班" is class 12, not grade 1 class 2: digits need 年级 or a separator between them.
  if (m && !(/^\d+$/.test(m[2]) && !m[3] && !m[4] && /^\d/.test(m[5]))) {
    const n = parseSmallNumber(m[2]);
    const grade = n === null ? null : gradeFrom(m[1], n);
    const classNo = parseSmallNumber(m[5]);
    return { grade, classNo, ok: grade !== null && classNo !== null && classNo >= 1 };
  }
  m = CLASS_ONLY.exec(s);
  if (m) {
    const classNo = parseSmallNumber(m[1]);
    return { grade: null, classNo, ok: classNo !== null && classNo >= 1 };
  }
  return { grade: null, classNo: null, ok: false };
}

/** Class-like fragments inside a longer text: 三年级一班, 三（1）班, 初一(2)班, 2023级1班, 三年级. */
const CLASS_IN_TEXT =
  /(?:初中|初|小学)?[一二三四五六七八九\d](?:年级|年)?[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]?班|\d{4}级(?:\d{1,2}|[一二三四五六七八九十]{1,3})班|初中?[一二三](?:年级)?|[一二三四五六七八九]年级/g;

/**
 * The class a sheet's name, its title row or a section row gives (一年级一班, 三年级一班留守儿童花名册,
 * 2025年秋季三（2）班名单), or null. Only texts that say 年, 级, 班 or 初 count, so a sheet named 1 or
 * Sheet2 is no class.
 */
export function classInText(text: string, today: IsoDate): ClassParse | null {
  const s = stripSpaces(toHalfWidth(text));
  if (!/[年级班初]/.test(s)) return null;
  const whole = parseClass(s, today);
  if (whole?.ok) return whole;
  for (const m of s.matchAll(CLASS_IN_TEXT)) {
    const parsed = parseClass(m[0], today);
    if (parsed?.ok) return parsed;
  }
  return null;
}

/** Three digits, "501": the grade, then the class in two digits. */
function gradeAndClassDigits(digits: string): ClassParse {
  const grade = gradeFrom(undefined, Number(digits[0]));
  const classNo = Number(digits.slice(1, 3));
  return { grade, classNo, ok: grade !== null && classNo >= 1 };
}

function entryYear(stage: string | undefined, year: number, classText: string | null, today: IsoDate): ClassParse {
  const offset = schoolYearStart(today) - year;
  const first = stage && stage.startsWith('初') ? 7 : 1;
  const grade = first + offset;
  const classNo = classText === null ? null : parseSmallNumber(classText);
  const ok = offset >= 0 && grade <= MAX_GRADE && (classText === null || (classNo !== null && classNo >= 1));
  return { grade: ok ? grade : null, classNo, ok };
}

/** Canonical class label shared exactly by all children of one class: '三(1)班', '初一(2)班'. */
export function classLabel(grade: number | null, classNo: number | null): string | null {
  if (grade === null) return null;
  return classNo === null ? `${gradePrefix(grade)}${grade >= 1 && grade <= 6 ? '年级' : ''}` : `${gradePrefix(grade)}(${classNo})班`;
}

// ---------------------------------------------------------------------------------------------
// Small enumerations

/** 男/女, 男性, 1-男, 2-女, 1/2 (national standard GB/T 2261.1), M/F. */
export function parseGender(v: CellValue): Gender | null {
  if (typeof v === 'number') return v === 1 ? '男' : v === 2 ? '女' : null;
  const s = cellText(v).toLowerCase();
  if (!s) return null;
  if (s === '男' || s === '男性' || s === '男生' || s === '1' || s === 'm' || s === 'male' || /^1\s*[-.、:]\s*男$/.test(s)) return '男';
  if (s === '女' || s === '女性' || s === '女生' || s === '2' || s === 'f' || s === 'female' || /^2\s*[-.、:]\s*女$/.test(s)) return '女';
  return null;
}

const YES = new Set(['是', '√', '✓', '✔', '1', 'y', 'yes', '对', '有', 'true', '寄宿', '住校', '重点', '农历']);
const NO = new Set(['否', '×', '✗', '✘', 'x', '0', 'n', 'no', '不是', '无', '没有', 'false', '走读', '非寄宿', '一般', '公历', '阳历', '新历']);

/** 是/否, √/×, 1/0, Y/N (and 寄宿/走读 for 就读方式); null when blank or unreadable. */
export function parseYesNo(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  const s = cellText(v).toLowerCase();
  if (!s) return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/**
 * 0/1/2, 单亲留守/双亲留守, 父母均外出, 父亲外出 … -> none/one/both; null when blank or unknown. The digits are
 * 学籍's 是否留守儿童 code (全国中小学生学籍信息管理系统 学生基本信息填表说明, item 37: 0-非留守儿童,
 * 1-单亲留守儿童, 2-双亲留守儿童; e.g. https://m.zixin.com.cn/docdown/4149343.html), which schools export.
 */
export function parseLeftBehindType(v: CellValue): LeftBehindType | null {
  if (typeof v === 'number') return v === 0 ? 'none' : v === 1 ? 'one' : v === 2 ? 'both' : null;
  const s = stripSpaces(cellText(v));
  if (!s) return null;
  const code = /^([012])(?:[-.、:]|$)/.exec(s);
  if (code) return code[1] === '0' ? 'none' : code[1] === '1' ? 'one' : 'both';
  // 父母均未外出, 父母都在家: checked first, since they start like 父母均外出.
  if (/未外出|没有?外出|在家/.test(s)) return 'none';
  if (/双亲|双留守|父母均|父母都|父母双方|双方|父母外出|均外出|都外出/.test(s)) return 'both';
  if (/单亲|单留守|父亲外出|母亲外出|父外出|母外出|一方|父或母|父亲或母亲/.test(s)) return 'one';
  if (/^(否|非留守|不是|无)/.test(s)) return 'none';
  return null;
}

/** 监护类型 -> a GuardianshipType; null when blank or unreadable (a 无 alone says nothing about who cares for the child). */
export function parseGuardianshipType(v: CellValue): GuardianshipType | null {
  const s = stripSpaces(cellText(v));
  if (!s) return null;
  if (/自我监护|自己监护|自我照[顾料管]|独自生活|独居|单独居住/.test(s)) return 'self';
  if (/无人监护|无监护人|无人照[看料顾管]|脱离监护/.test(s)) return 'none';
  if (/祖辈|隔代|祖父|祖母|爷爷|奶奶|外公|外婆|姥姥|姥爷/.test(s)) return 'grandparent';
  if (/亲友|亲戚|亲属|委托|他人|其他监护/.test(s)) return 'relative';
  if (/父亲监护|母亲监护|父母监护|父监护|母监护|单亲监护|父母一方|父或母/.test(s)) return 'parent';
  return null;
}

/** Whether one parent is away (父亲是否外出): 是/否 and its kin, or 外出 / 在家; null when blank or unreadable. */
export function parseAwayFlag(v: CellValue): boolean | null {
  const yesNo = parseYesNo(v);
  if (yesNo !== null) return yesNo;
  const s = stripSpaces(cellText(v));
  if (/^(?:未外出|没有?外出|不外出|在家|家中|本地)/.test(s)) return false;
  if (/^(?:外出|在外|务工|打工|外地)/.test(s)) return true;
  return null;
}

/** A guardian's age: 65, "65", "65岁", "六十五岁"; null when blank, NaN-like text returns undefined. */
export function parseAge(v: CellValue): number | null | undefined {
  if (v === null || typeof v === 'boolean') return null;
  if (isCellError(v)) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v < 150 ? Math.floor(v) : undefined;
  const s = stripSpaces(cellText(v)).replace(/周?岁$/, '');
  if (!s) return null;
  const n = parseSmallNumber(s);
  return n === null ? undefined : n;
}

// ---------------------------------------------------------------------------------------------
// Per-run caches

/**
 * Wrap a parser of a cell value in a cache keyed by the value. Classes, grades, genders and dates repeat
 * across thousands of rows, so a roster check parses each distinct text once. Bounded, so a column of
 * unique values costs memory only up to `limit` entries.
 */
export function cached<T>(parse: (v: CellValue) => T, limit = 20000): (v: CellValue) => T {
  const cache = new Map<string | number, T>();
  return (v: CellValue) => {
    if (typeof v !== 'string' && typeof v !== 'number') return parse(v);
    const hit = cache.get(v);
    if (hit !== undefined || cache.has(v)) return hit as T;
    const out = parse(v);
    if (cache.size < limit) cache.set(v, out);
    return out;
  };
}
