/**
 * Mainland resident ID numbers (GB 11643): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), ISO 7064 MOD 11-2 check character. The same layout serves Hong Kong/Macau/Taiwan
 * residence permits (area 81/82/83) and the new foreigners' permanent residence IDs (leading 9).
 */
import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import { isValidYmd, toIso, type IsoDate } from '../dates';
import type { Gender } from './types';
import { isNoneText, toHalfWidth } from './normalize';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits (of a 17- or 18-character string); throws when they are not digits. */
export function idCheckChar(first17: string): string {
  if (first17.length < 17) throw new RangeError('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError('need 17 digits');
    sum += d * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

export type IdCheck =
  /** A valid 18-character ID (upper-case X). */
  | { readonly kind: 'ok'; readonly id: string; readonly birth: IsoDate; readonly gender: Gender }
  /** A valid-looking 15-digit legacy ID (born 19xx); still usable, but should be replaced. */
  | { readonly kind: 'legacy15'; readonly id: string; readonly birth: IsoDate; readonly gender: Gender }
  /** Stored as a number (or as its scientific-notation text): Excel has already dropped digits. */
  | { readonly kind: 'precisionLost' }
  /** Wrong length or characters. */
  | { readonly kind: 'badFormat' }
  /** 18 characters in the right shape whose embedded birth date cannot exist. */
  | { readonly kind: 'badBirthDate'; readonly id: string }
  /** Right shape and date, wrong check character. */
  | { readonly kind: 'badChecksum'; readonly id: string; readonly birth: IsoDate; readonly gender: Gender }
  /** The cell shows an error value (#N/A, #VALUE! …). */
  | { readonly kind: 'cellError' };

/** 18 ASCII digits (last may be X/x): the common case needs no clean-up. */
function isPlainId(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const c = s.charCodeAt(17);
  return (c >= 48 && c <= 57) || c === 88 || c === 120;
}

const SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d+$/i;

function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Birth dates repeat across a roster; keep their ISO strings rather than rebuild one per ID. */
const isoOfYmd = new Map<number, IsoDate | null>();

function birthAt(s: string, at: number, century = 0): IsoDate | null {
  const y = century ? century + digitsAt(s, at, 2) : digitsAt(s, at, 4);
  const off = at + (century ? 2 : 4);
  const m = digitsAt(s, off, 2);
  const d = digitsAt(s, off + 2, 2);
  const key = y * 10000 + m * 100 + d;
  let iso = isoOfYmd.get(key);
  if (iso === undefined) {
    iso = y >= 1800 && isValidYmd(y, m, d) ? toIso(y, m, d) : null;
    if (isoOfYmd.size < 100000) isoOfYmd.set(key, iso);
  }
  return iso;
}

/**
 * Check an ID cell. Blank -> null. Spaces anywhere, full-width digits, a leading apostrophe and a
 * lower-case x are accepted. The birth date is checked for existence here; "in the future" needs
 * today and is the caller's business.
 */
export function checkIdNumber(v: CellValue): IdCheck | null {
  if (v === null || typeof v === 'boolean') return null;
  if (isCellError(v)) return { kind: 'cellError' };
  let s: string;
  if (typeof v === 'number') {
    // 15 significant digits survive; an 18-digit ID as a number has lost its last three.
    if (!Number.isFinite(v)) return { kind: 'badFormat' };
    if (v >= 1e16) return { kind: 'precisionLost' };
    if (!Number.isInteger(v)) return { kind: 'badFormat' };
    s = String(v);
  } else {
    s = isPlainId(v) ? v : toHalfWidth(v).replace(/[\s'’‘\u200b\ufeff]/g, '');
    if (!s || isNoneText(s)) return null;
    s = s.replace(/-/g, '');
    if (SCIENTIFIC.test(s)) return { kind: 'precisionLost' };
    if (s.charCodeAt(s.length - 1) === 120) s = s.toUpperCase();
  }
  if (s.length === 18) {
    for (let i = 0; i < 17; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return { kind: 'badFormat' };
    }
    const last = s.charCodeAt(17);
    if (!((last >= 48 && last <= 57) || last === 88)) return { kind: 'badFormat' };
    const birth = birthAt(s, 6);
    if (!birth) return { kind: 'badBirthDate', id: s };
    const gender: Gender = (s.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女';
    if (idCheckChar(s) !== s[17]) return { kind: 'badChecksum', id: s, birth, gender };
    return { kind: 'ok', id: s, birth, gender };
  }
  if (s.length === 15 && /^\d{15}$/.test(s)) {
    const birth = birthAt(s, 6, 1900);
    if (!birth) return { kind: 'badBirthDate', id: s };
    return { kind: 'legacy15', id: s, birth, gender: (s.charCodeAt(14) - 48) % 2 === 1 ? '男' : '女' };
  }
  return { kind: 'badFormat' };
}

/** Convenience: true only for a fully valid 18-character ID. */
export function isValidIdNumber(v: CellValue): boolean {
  return checkIdNumber(v)?.kind === 'ok';
}
