import { isCellError, type CellValue } from '../core/cells';
import { fromExcelSerial } from '../core/dates';
import { formatNumber, numberFormatAt } from '../core/numberFormat';
import { cellAt, dateFormatAt, type DateFormatKind, type SheetSnapshot } from '../core/snapshot';
import type { SheetLook } from '../workbook/file';

/** The grid's geometry and cell text, apart from React: what the page shows where, as Excel would. */

export const ROW_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 56;
/** A spreadsheet shows empty cells past the data; so does this view (and ARIA rows never run out). */
export const MIN_ROWS = 40;
export const MIN_COLS = 12;
/** A chart's box in the grid, about Excel's default 8 columns by 16 rows. */
export const CHART_WIDTH = 480;
export const CHART_ROWS = 16;
/** How far long text may spill over empty cells to its right (Excel's limit is the screen). */
const SPILL_COLS = 30;

/**
 * A cell's text in the grid. A number with a date or time format shows as Excel would show it, in ISO
 * order: 2012-11-21, 08:30, 2012-11-21 08:30 (a number Excel itself cannot show as a date stays a number);
 * any other number under its format code (0.0% shows 0.0208 as 2.1%), where the formatter models it.
 */
export function display(value: CellValue, dateKind: DateFormatKind | null = null, code: string | null = null): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && dateKind) return serialText(value, dateKind) ?? String(value);
  if (typeof value === 'number' && code) return formatNumber(value, code) ?? String(value);
  return String(value);
}

/** The text the grid shows at a 0-based sheet position. */
export function displayAt(sheet: SheetSnapshot, row: number, col: number): string {
  const value = cellAt(sheet, row, col);
  return typeof value === 'number' ? display(value, dateFormatAt(sheet, row, col), numberFormatAt(sheet, row, col)) : display(value);
}

const SECONDS_PER_DAY = 86400;
/** Date and/or time text of an Excel serial, or null where Excel shows ##### (negative, past 9999). */
/** Serials are in the 1900 system: the file port converts a 1904 workbook's dates as it reads them. */
function serialText(serial: number, kind: DateFormatKind): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  // Excel rounds to the second before showing any part, so 23:59:59.6 is the next day's 00:00.
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  const day = Math.floor(seconds / SECONDS_PER_DAY);
  const ofDay = seconds - day * SECONDS_PER_DAY;
  const time = `${String(Math.floor(ofDay / 3600)).padStart(2, '0')}:${String(Math.floor((ofDay % 3600) / 60)).padStart(2, '0')}`;
  if (kind === 'time') return time;
  const date = serialDate(day);
  if (date === null) return null;
  return kind === 'date' ? date : `${date} ${time}`;
}

function serialDate(day: number): string | null {
  // Excel's own names for the two 1900-system days that are no real date: serial 0 and Lotus's leap day.
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return fromExcelSerial(day);
}

/** Pixels a text needs in the grid's font: wide (CJK) characters count double. */
export function textWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return 12 + units * 7;
}

/** Column widths from the first rows' text as shown (wide characters count double), like Excel's autofit. */
export function columnWidths(sheet: SheetSnapshot): number[] {
  let cols = MIN_COLS;
  const sample = sheet.values.slice(0, 300);
  for (const line of sample) cols = Math.max(cols, sheet.origin.col + line.length + 1);
  for (let i = 300; i < sheet.values.length; i++) cols = Math.max(cols, sheet.origin.col + sheet.values[i].length + 1);
  const widths = new Array<number>(cols).fill(64);
  for (let i = 0; i < sample.length; i++) {
    const line = sample[i];
    // A title line ("XX小学留守儿童登记表") is one long cell spilling over the row: it sets no width.
    if (line.filter((v) => v !== null && v !== '').length < 2) continue;
    for (let j = 0; j < line.length; j++) {
      const row = sheet.origin.row + i;
      const c = sheet.origin.col + j;
      const text = displayAt(sheet, row, c);
      if (!text) continue;
      widths[c] = Math.max(widths[c], Math.min(260, textWidth(text)));
    }
  }
  return widths;
}

export interface GridLayout {
  /** Width of each column in px; 0 for a hidden column. */
  readonly widths: readonly number[];
  /** Left edge of each column (one more entry than widths: the total width last). */
  readonly offsets: readonly number[];
  readonly rowCount: number;
  readonly hidden: ReadonlySet<number>;
}

/** Widths with the file's hidden columns at 0, and room for the charts the sheet anchors. */
export function gridLayout(sheet: SheetSnapshot, look: SheetLook | null): GridLayout {
  const widths = columnWidths(sheet);
  let rowCount = Math.max(MIN_ROWS, sheet.origin.row + sheet.values.length + 5);
  for (const chart of look?.charts ?? []) {
    const at = chartPosition(chart.anchor, sheet);
    rowCount = Math.max(rowCount, at.row + CHART_ROWS + 2);
    while (widths.length < at.col + 9) widths.push(64);
  }
  const hidden = new Set((look?.hiddenCols ?? []).filter((c) => c < widths.length));
  for (const c of hidden) widths[c] = 0;
  const offsets = [0];
  for (const w of widths) offsets.push(offsets[offsets.length - 1] + w);
  return { widths, offsets, rowCount, hidden };
}

/** Where a chart goes: its anchor, or right of the data when the file gives none. */
export function chartPosition(anchor: { readonly row: number; readonly col: number } | null, sheet: SheetSnapshot): { row: number; col: number } {
  if (anchor) return anchor;
  let width = 0;
  for (const line of sheet.values.slice(0, 300)) width = Math.max(width, line.length);
  return { row: sheet.origin.row, col: sheet.origin.col + width + 1 };
}

/**
 * How far a cell's text runs to the right: over empty neighbours, as Excel lets text spill, until the
 * text fits or a cell holds something. Returns the width in px (the cell's own width when nothing spills).
 * Only text spills; numbers stay in their cell.
 */
export function spillWidth(sheet: SheetSnapshot, layout: GridLayout, row: number, col: number, text: string): number {
  const own = layout.widths[col] ?? 0;
  const need = textWidth(text);
  if (need <= own || typeof cellAt(sheet, row, col) !== 'string') return own;
  let width = own;
  for (let c = col + 1; c < layout.widths.length && c <= col + SPILL_COLS && width < need; c++) {
    if (cellAt(sheet, row, c) !== null) break;
    width += layout.widths[c];
  }
  return width;
}

/** The nearest cell left of `firstCol` on a row whose text may spill into view (a title line in A1). */
export function spillSource(sheet: SheetSnapshot, row: number, firstCol: number): number | null {
  for (let c = firstCol - 1; c >= Math.max(0, firstCol - SPILL_COLS); c--) {
    const value = cellAt(sheet, row, c);
    if (value !== null) return typeof value === 'string' ? c : null;
  }
  return null;
}

/** Index of the last offset <= x. */
export function upperBound(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The next visible column from `col` in direction `step` (±1), staying inside the grid. */
export function nextVisibleCol(layout: GridLayout, col: number, step: number): number {
  let c = col + step;
  while (c >= 0 && c < layout.widths.length && layout.hidden.has(c)) c += step;
  return c < 0 || c >= layout.widths.length ? col : c;
}
