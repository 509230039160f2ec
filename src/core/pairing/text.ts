import type { CellValue } from '../cells';
import { cellText, stripSpaces, toHalfWidth } from '../roster/normalize';

/** Header labels compare without spaces, full-width forms or a trailing '*'/'（必填）'. */
export function headerKey(v: CellValue): string {
  return stripSpaces(cellText(v)).replace(/\*|\((必填|选填)\)$/g, '');
}

const VILLAGE_END = /(村民委员会|村委会|村|社区居委会|社区|居委会)/;
const HAMLET_END = /(组|屯)/;
/** Administrative units that come before a village; the village name starts after the last of them. */
const ABOVE_VILLAGE = /(省|自治区|特别行政区|市|州|盟|地区|县|区|旗|镇|乡|街道|办事处)/g;

/**
 * The village (or community) named in an address: '湖南省隆回县六都寨镇石桥村5组' -> '石桥村'. Falls back
 * to a group or hamlet ('5组') when no village is named. Committees ('石桥村委会') count as the village.
 * Used only as a preference, so an imperfect match costs a nearer helper, never a wrong hard limit.
 */
export function villageOf(address: string): string | null {
  const s = toHalfWidth(address).replace(/\s+/g, '');
  if (!s) return null;
  for (const end of [VILLAGE_END, HAMLET_END]) {
    const m = end.exec(s);
    if (!m || m.index === 0) continue;
    const before = s.slice(0, m.index);
    let start = 0;
    for (const a of before.matchAll(ABOVE_VILLAGE)) start = (a.index ?? 0) + a[0].length;
    const name = before.slice(start);
    if (!name) continue;
    const suffix = m[1] === '村民委员会' || m[1] === '村委会' ? '村' : m[1] === '社区居委会' || m[1] === '居委会' ? '社区' : m[1];
    return name + suffix;
  }
  return null;
}

/**
 * A compact, stable 53-bit hash (cyrb53) in base 36. Used for the 上次生成 stamp so the sheet records
 * identities and last-written cells without copying ID numbers into another sheet.
 */
export function shortHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Plain code-point order, so sorting does not depend on the host's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
