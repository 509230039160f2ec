// What a date format is (dateFormatKind) and the runs of date cells (DateRunsBuilder) are the core's,
// src/core/dateFormats.ts, shared with the Office port; here only what concerns styles.xml.

/**
 * Built-in formats Excel writes by id alone, with no <numFmt> in styles.xml, whose meaning depends on
 * the locale. These are the zh-CN meanings (ECMA-376 Part 1, 18.8.30), what a Chinese-language Excel
 * shows for those ids (31 is 2012年11月21日). The reader (cellScan.ts) gives a cell with such an id
 * this code when the workbook does not define the id itself.
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
