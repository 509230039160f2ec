import { isValidYmd } from '../dates';

/**
 * Masking for the de-identified copy (脱敏导出). What each masker keeps, and why:
 * - names: the surname and, from three characters on, the last character (王小明 -> 王*明, 王明 -> 王*,
 *   欧阳小明 -> 欧阳*明, 买买提·艾力 -> 买**·*力), the form Chinese forms and banks print;
 * - ID numbers: the first 4 digits (province and city, shared by every child of a school) and the last 4,
 *   the 12306-style "4203**********1234": enough to match a record with the school, never the county,
 *   birth date or whole sequence;
 * - phones: mobiles keep the first 3 and last 4 (138****1234); landlines keep the area code and the last
 *   2 digits; anything else keeps the last 2;
 * - addresses: cut after the village (…镇…村), dropping 组, 号 and house details.
 * Every masker keeps the length and the separators, so a column still lines up.
 */
export const MASK = '*';

const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '太史',
  '端木',
  '上官',
  '司马',
  '东方',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '夏侯',
  '诸葛',
  '尉迟',
  '公羊',
  '赫连',
  '澹台',
  '皇甫',
  '宗政',
  '濮阳',
  '公冶',
  '太叔',
  '申屠',
  '公孙',
  '慕容',
  '仲孙',
  '钟离',
  '长孙',
  '宇文',
  '司徒',
  '鲜于',
  '司空',
  '闾丘',
  '子车',
  '亓官',
  '司寇',
  '巫马',
  '公西',
  '颛孙',
  '壤驷',
  '公良',
  '漆雕',
  '乐正',
  '宰父',
  '谷梁',
  '拓跋',
  '夹谷',
  '轩辕',
  '令狐',
  '段干',
  '百里',
  '呼延',
  '东郭',
  '南门',
  '羊舌',
  '微生',
  '梁丘',
  '左丘',
  '东门',
  '西门',
  '第五',
  '南荣',
  '即墨',
  '达奚',
  '褚师',
  '范姜',
  '张简',
  '张廖',
]);

/** Middle dots and spaces that separate the parts of a name (维吾尔族、藏族 and transliterated names). */
const NAME_SEPARATOR = /[·•・‧．.\s]/u;

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const n = chars.length;
  if (n === 0) return '';
  if (chars.some((c) => NAME_SEPARATOR.test(c))) {
    // Keep the first and the last letter, every separator, and mask the rest.
    const letters = chars.map((c, i) => (NAME_SEPARATOR.test(c) ? -1 : i)).filter((i) => i >= 0);
    const keep = new Set([letters[0]]);
    if (letters.length >= 3) keep.add(letters[letters.length - 1]);
    return chars.map((c, i) => (NAME_SEPARATOR.test(c) || keep.has(i) ? c : MASK)).join('');
  }
  if (n === 1) return MASK;
  if (n === 2) return chars[0] + MASK;
  const surname = COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  if (n - surname === 1) return chars.slice(0, surname).join('') + MASK;
  return chars.slice(0, surname).join('') + MASK.repeat(n - surname - 1) + chars[n - 1];
}

/** Mask the characters of `s` except those at `keep` (indexes into the non-separator characters). */
function maskKeeping(s: string, isCounted: (c: string) => boolean, keep: (i: number, total: number) => boolean): string {
  const chars = Array.from(s);
  const total = chars.filter(isCounted).length;
  let i = 0;
  return chars.map((c) => (isCounted(c) ? (keep(i++, total) ? c : MASK) : c)).join('');
}

const isIdChar = (c: string) => /[0-9A-Za-z]/.test(c);

/**
 * Full-width digits, X and dash as their ASCII forms (４２１１２７… as typed by some input methods), so
 * a number is masked whatever its width. Only these characters: other full-width punctuation is text.
 */
export function halfWidthDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff38\uff58\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function maskId(id: string): string {
  const s = halfWidthDigits(id.trim());
  // Long enough to be a resident ID (15 or 18) or a passport/permit number: keep 4 + 4 at most.
  return maskKeeping(s, isIdChar, (i, total) => (total >= 14 ? i < 4 || i >= total - 4 : total >= 8 ? i < 2 || i >= total - 2 : false));
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** One phone number (digits with dashes, spaces, brackets or a +86 prefix). */
function maskOnePhone(s: string): string {
  const digits = s.replace(/\D/g, '');
  const offset = /^(?:\+?86)1\d{10}$/.test(digits) ? digits.length - 11 : 0;
  const core = digits.slice(offset);
  if (/^1\d{10}$/.test(core)) return maskKeeping(s, isDigit, (i) => i < offset + 3 || i >= offset + 7);
  if (/^0\d{9,11}$/.test(core)) {
    const area = /^0(?:10|2\d)/.test(core) ? 3 : 4;
    return maskKeeping(s, isDigit, (i, total) => i < offset + area || i >= total - 2);
  }
  return maskKeeping(s, isDigit, (i, total) => total >= 6 && i >= total - 2);
}

/** A phone cell, which may hold several numbers ("138… / 139…"). */
export function maskPhone(phone: string): string {
  return halfWidthDigits(phone).replace(/\+?\d[\d\- ()（）]*\d|\d/g, (m) => {
    // Runs joined by a single space may be two numbers; split where a whole number would fit.
    const parts = m.split(/(\s+)/);
    if (parts.length > 1 && parts.filter((p) => /\d/.test(p)).every((p) => p.replace(/\D/g, '').length >= 7)) {
      return parts.map((p) => (/\d/.test(p) ? maskOnePhone(p) : p)).join('');
    }
    return maskOnePhone(m);
  });
}

/** The address down to the village (or the township, county, city when no village is named). */
export function maskAddress(address: string): string {
  // House details (三组, 12号, 5栋, 302室) go first, wherever they stand, even before a 省 or 镇.
  const s = address
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[^省市县区旗州镇乡村道]*?(?:组|号|栋|幢|单元|楼|室|户|排)/g, '');
  if (!s) return '';
  const village = /^(.*?(?:村|社区|居委会|嘎查))/.exec(s);
  const township = /^(.*?(?:镇|乡|街道|苏木))/.exec(s);
  const county = /^(.*(?:省|市|县|区|旗|州))/.exec(s);
  const kept = (village ?? township ?? county)?.[1] ?? '';
  // A village is never numbered in digits; digits here would be house details slipped in front.
  return kept.replace(/[0-9]/g, '');
}

/**
 * Mask ID- and phone-like digit runs in free text (a note that quotes a phone), in any digit width and
 * spacing: a run of 7 or more digits, single spaces or dashes allowed between them ("138 1234 5678",
 * "4211 2720 1503 1212 34", "0710-1234567"), an 18-digit ID's final X included. A date written as digits
 * (20260901, 2026-09-01) is left alone, also at the head of a longer run.
 */
export function scrubDigits(text: string): string {
  return halfWidthDigits(text).replace(/\d(?:[ -]?\d){6,}(?:[ -]?[Xx])?/g, maskRun);
}

const DATE_AT_START = /^((?:19|20)\d\d)(-?)(\d\d?)\2(\d\d?)(?=$|[ -])/;

function maskRun(run: string): string {
  const date = DATE_AT_START.exec(run);
  if (date && isValidYmd(Number(date[1]), Number(date[3]), Number(date[4])) && (date[2] === '-' || date[0].length === 8)) {
    const rest = run.slice(date[0].length);
    const digits = rest.replace(/\D/g, '').length;
    // What follows the date is judged on its own: a phone after it is masked, a short number kept.
    if (digits === 0) return run;
    const sep = /^[ -]/.exec(rest)?.[0] ?? '';
    return date[0] + sep + (digits >= 7 ? maskRun(rest.slice(sep.length)) : rest.slice(sep.length));
  }
  const digits = run.replace(/\D/g, '');
  if (digits.length > 12) return maskId(run);
  return maskOnePhone(run);
}
