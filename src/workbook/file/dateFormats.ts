import { esc, findElement, rootPrefix } from './xml';

// What a date format is (dateFormatKind) and the runs of date cells (DateRunsBuilder) are the core's,
// src/core/dateFormats.ts, shared with the Office port; here only what concerns styles.xml.

/**
 * Built-in formats Excel writes by id alone, with no <numFmt> in styles.xml, whose meaning depends on
 * the locale. These are the zh-CN meanings (ECMA-376 Part 1, 18.8.30), what a Chinese-language Excel
 * shows for those ids (31 is 2012年11月21日). SheetJS gives such a cell no format code at all.
 */
const IMPLICIT_DATE_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The zh-CN code of an implicit date format id (27–36, 50–58), or undefined for any other id. */
export function implicitDateFormat(id: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(IMPLICIT_DATE_FORMATS, id) ? IMPLICIT_DATE_FORMATS[id] : undefined;
}

/**
 * styles.xml with a <numFmt> for each implicit date id its cell formats use but do not define, or null
 * when nothing is missing. Only the copy handed to SheetJS gets this: SheetJS then reports those cells'
 * format code like any other, so the date test stays one lookup per cell. The package is not changed.
 */
export function withImplicitDateFormats(stylesXml: string): string | null {
  const p = rootPrefix(stylesXml, 'styleSheet');
  const cellXfs = findElement(stylesXml, p, 'cellXfs');
  if (!cellXfs || cellXfs.selfClosing) return null;
  const used = new Set<number>();
  for (const m of stylesXml.slice(cellXfs.innerStart, cellXfs.innerEnd).matchAll(/\snumFmtId\s*=\s*["'](\d+)["']/g)) {
    const id = Number(m[1]);
    if (id in IMPLICIT_DATE_FORMATS) used.add(id);
  }
  if (!used.size) return null;
  const numFmts = findElement(stylesXml, p, 'numFmts');
  if (numFmts && !numFmts.selfClosing) {
    for (const m of stylesXml.slice(numFmts.innerStart, numFmts.innerEnd).matchAll(/\snumFmtId\s*=\s*["'](\d+)["']/g)) used.delete(Number(m[1]));
  }
  if (!used.size) return null;
  const added = [...used].map((id) => `<${p}numFmt numFmtId="${id}" formatCode="${esc(IMPLICIT_DATE_FORMATS[id])}"/>`).join('');
  if (numFmts && !numFmts.selfClosing) return stylesXml.slice(0, numFmts.innerEnd) + added + stylesXml.slice(numFmts.innerEnd);
  const element = `<${p}numFmts count="${used.size}">${added}</${p}numFmts>`;
  if (numFmts) return stylesXml.slice(0, numFmts.start) + element + stylesXml.slice(numFmts.end);
  // numFmts comes first in a styleSheet.
  const root = new RegExp(`<${p.replace('.', '\\.')}styleSheet\\b[^>]*>`).exec(stylesXml);
  if (!root) return null;
  const at = root.index + root[0].length;
  return stylesXml.slice(0, at) + element + stylesXml.slice(at);
}
