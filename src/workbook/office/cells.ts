import { columnLetter, type CellValue } from '../../core/cells';
import { FORMAT_CODE, DATE_FORMAT_CODE } from '../../core/plan/formats';
import { dateCellSerial, isDateCell, isLinkCell, type CellRef, type ColumnFormat, type PlanCell } from '../../core/plan/types';

/** A1 address of one 0-based cell, without the sheet. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1 address of a 0-based block, without the sheet. */
export function blockAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const first = cellAddress(row, col);
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${cellAddress(row + rowCount - 1, col + colCount - 1)}`;
}

/** A sheet name as it must appear in a reference: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Convert what Office.js read (values + valueTypes) into the core's cell model. */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return Boolean(value);
    case 'Integer':
    case 'Double':
      return typeof value === 'number' ? value : Number(value);
    case 'String':
      return value === '' ? null : String(value);
    default:
      // 'RichValue' or 'Unknown': keep a plain value if there is one, never a proxy.
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
      return String(value);
  }
}

/**
 * Every string the add-in writes gets a leading apostrophe, Excel's quote prefix: the cell then holds
 * exactly that text. Without it Excel turns `=…`, `+…`, `-…` and `@…` into formulas and also reads
 * digits, dates and TRUE/FALSE as numbers, dates and booleans (an ID number would lose digits). The
 * apostrophe is not part of the value: reading the cell gives back the original string.
 */
export function asLiteralText(text: string): string {
  return text === '' ? '' : `'${text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text}`;
}

/** Excel holds at most 32,767 characters in a cell; one goes to the apostrophe to be safe. */
export const MAX_CELL_TEXT = 32_766;

/** Whether writing this plan cell cuts its text (the port then reports 'office.textTruncated'). */
export function isTruncated(c: PlanCell): boolean {
  if (typeof c === 'string') return c.length > MAX_CELL_TEXT;
  return isLinkCell(c) && c.text.length > MAX_CELL_TEXT;
}

/** What to put into `values`/`formulas` for a plain cell value. */
export function writtenValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return asLiteralText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  return asLiteralText(v.error);
}

/** The text shown for a link to a cell, e.g. E12. */
export function linkTarget(ref: CellRef): string {
  return `${quotedSheet(ref.sheet)}!${cellAddress(ref.row, ref.col)}`;
}

/** The formula a host without Range.hyperlink (ExcelApi < 1.7) uses for a link. Built here, from data. */
export function hyperlinkFormula(text: string, ref: CellRef): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // HYPERLINK shows at most 255 characters; longer text would make the formula fail.
  return `=HYPERLINK(${quote(`#${linkTarget(ref)}`)},${quote(text.slice(0, 255))})`;
}

/**
 * Written form of a plan cell: links become formulas when the host lacks hyperlinks; dates become
 * serials (given cellNumberFormat's date format) in the workbook's date system — 1,462 days smaller in a
 * 1904 workbook (old Mac files) — or their text when the date is not a real day.
 */
export function writtenPlanCell(c: PlanCell, hyperlinks: boolean, date1904 = false): string | number | boolean {
  if (isLinkCell(c)) return hyperlinks ? asLiteralText(c.text) : hyperlinkFormula(c.text, c.link);
  if (isDateCell(c)) return dateCellSerial(c, date1904) ?? asLiteralText(c.date);
  return writtenValue(c as CellValue);
}

/** The number format a plan cell needs whatever its column's format: a date's, or none. */
export function cellNumberFormat(c: PlanCell): string | null {
  return isDateCell(c) && dateCellSerial(c) !== null ? DATE_FORMAT_CODE : null;
}

/**
 * The number format an appended cell needs: a date's, and General for a plain number. Excel extends a
 * list's format to data added below it (Application.ExtendList: three of the five rows above sharing it),
 * so a count appended under date rows would otherwise show as a date (3 as 1900-01-03).
 */
export function appendedNumberFormat(c: PlanCell): string | null {
  return cellNumberFormat(c) ?? (typeof c === 'number' ? FORMAT_CODE.general : null);
}

export function numberFormatFor(format: ColumnFormat | undefined): string | null {
  return format ? FORMAT_CODE[format] : null;
}

/** Bytes of a string once UTF-8 encoded (TextEncoder is missing in the IE11 webview of Office 2016). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair: one code point of four bytes
      i++;
    } else n += 3; // also a lone surrogate, sent as U+FFFD
  }
  return n;
}

/** JSON size in UTF-8 bytes of a written cell, as Office.js will serialise it into the request. */
export function jsonBytes(v: string | number | boolean): number {
  if (typeof v === 'string') {
    // Quotes, plus escapes for quote/backslash/control characters.
    let extra = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 34 || c === 92) extra += 1;
      else if (c < 0x20) extra += 5;
    }
    return utf8Length(v) + extra;
  }
  return String(v).length;
}

/** JSON size of one row of written cells: values, commas and brackets. */
export function rowBytes(row: readonly (string | number | boolean)[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += jsonBytes(v);
  return n;
}
