import type { CellValue } from '../cells';
import { DAYS_1900_TO_1904, parseIso, toExcelSerial, type IsoDate } from '../dates';

/**
 * SheetPlan: what the workbook should contain after an operation, as data. The core produces plans;
 * each WorkbookPort applies them. Nothing here is a host call or a range address string.
 *
 * Text in any plan is written as literal text by every port: a value starting with = + - @, a tab or a
 * carriage return never becomes a formula (docs/ARCHITECTURE.md §6). The only formulas a port writes are the
 * ones it builds itself from structured data (links).
 */

/** A cell reference in the plan: 0-based row and column on a named sheet. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * A calendar date the add-in writes (a log entry's 日期, a reminder's due day). Ports write it as a real
 * Excel date: the 1900-system serial with the number format DATE_FORMAT_CODE, so it sorts and filters
 * like the dates teachers type. Added 2026-11 (additive: plain ISO text cells still mean text).
 */
export interface DateCell {
  readonly date: IsoDate;
}

/** A written cell: a plain value, a link to another cell shown as text, or a date. */
export type PlanCell = CellValue | { readonly text: string; readonly link: CellRef } | DateCell;

export function isLinkCell(c: PlanCell): c is { text: string; link: CellRef } {
  return typeof c === 'object' && c !== null && 'link' in c;
}

export function isDateCell(c: PlanCell): c is DateCell {
  return typeof c === 'object' && c !== null && 'date' in c;
}

/** A date cell for `date`, or '' when there is none (an empty cell, as text cells leave it). */
export function dateCell(date: IsoDate | null | undefined): PlanCell {
  return date ? { date } : '';
}

/**
 * The serial a port writes for a date cell in a workbook of the 1900 (or 1904) date system, or null
 * when its date is not a valid ISO date (ports then write the text as it is rather than a wrong day).
 */
export function dateCellSerial(c: DateCell, date1904 = false): number | null {
  if (!parseIso(c.date)) return null;
  const serial = toExcelSerial(c.date);
  return date1904 ? serial - DAYS_1900_TO_1904 : serial;
}

/** The value a snapshot shows once a port has written `c`: a link's text, a date's serial. */
export function planCellValue(c: PlanCell): CellValue {
  if (isLinkCell(c)) return c.text;
  if (isDateCell(c)) return dateCellSerial(c) ?? c.date;
  return c as CellValue;
}

export type ColumnFormat = 'text' | 'date' | 'integer' | 'decimal' | 'percent' | 'general';

export interface PlanColumn {
  readonly header: string;
  /** Width in characters (Excel's unit). */
  readonly width?: number;
  readonly format?: ColumnFormat;
  /** In-cell dropdown: a fixed list, or the values of a column of another sheet. */
  readonly validation?: { readonly list: readonly string[] } | { readonly sourceSheet: string; readonly sourceCol: number; readonly firstRow: number };
  /** Bookkeeping the add-in needs but teachers need not see (e.g. 上次生成). Ports that cannot hide leave it visible. */
  readonly hidden?: boolean;
  /** Wrap long text inside the column's width (also the title lines, which sit in column A), so it prints whole. */
  readonly wrap?: boolean;
}

/** Highlight rows whose cell in `col` equals `equals`. Ports without conditional formats use plain fills. */
export interface PlanHighlight {
  readonly col: number;
  readonly equals: string;
  readonly fill: string; // #RRGGBB
  readonly font?: string; // #RRGGBB
}

/** The whole content of a sheet the add-in writes: optional title lines, a header row, data rows. */
export interface SheetContent {
  /** Lines above the header (a title, "生成于 …"); each a single cell in column A. */
  readonly titleLines?: readonly string[];
  readonly columns: readonly PlanColumn[];
  readonly rows: readonly (readonly PlanCell[])[];
  /** Make header + rows an Excel table with this name (ExcelApi 1.1). */
  readonly table?: { readonly name: string; readonly style?: string };
  readonly highlights?: readonly PlanHighlight[];
  readonly freezeHeader?: boolean;
  /** Native charts over blocks of this sheet's rows; ports that cannot draw them leave them out. */
  readonly charts?: readonly PlanChart[];
  /** How the sheet prints (paper, orientation, margins, repeated header, page breaks); ports that cannot set it leave the host's defaults. Added with issue 16 (additive). */
  readonly print?: PlanPrint;
  /**
   * Merged areas of the written sheet (the de-identified copy keeps the original's: a class merged down
   * its rows). Added with issue 14 (additive); the file port writes them, the Office port leaves them out
   * (no sheet it writes in Excel has any).
   */
  readonly merges?: readonly PlanMerge[];
  /**
   * Write the sheet hidden or very hidden (the de-identified copy keeps the original's visibility). Added
   * with issue 14 (additive); the file port writes it, the Office port leaves the sheet visible.
   */
  readonly visibility?: 'hidden' | 'veryHidden';
}

/**
 * A merged area, as data: `row` is an index into `SheetContent.rows` (the port knows where the title
 * lines and the header put them); in the part `title`, an index into `titleLines`, and in the part
 * `header`, 0 for the header row — both one row, across columns. Columns are 0-based. The value shown is
 * the area's top-left cell's.
 */
export interface PlanMerge {
  readonly row: number;
  readonly part?: 'title' | 'header';
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/**
 * What a printed sheet needs, as data. Rows are indexes into `SheetContent.rows` (as in PlanChart): the
 * port knows where the title lines and the header put them.
 */
export interface PlanPrint {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Margins in inches (the unit of SpreadsheetML's pageMargins and of Excel's API in points / 72). */
  readonly margins?: PlanMargins;
  /** Print the header row (the columns' headers) at the top of every page. */
  readonly repeatHeader?: boolean;
  /** Content rows that start a new printed page (a manual page break above each). */
  readonly breaksBefore?: readonly number[];
  /** Scale the sheet to one page wide (as many pages tall as it takes). */
  readonly fitToWidth?: boolean;
}

export interface PlanMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * A chart drawn from this sheet's own data. Rows are indexes into `SheetContent.rows` (not sheet rows:
 * the port knows where the title lines and header put them); columns are 0-based indexes into
 * `columns`. Each value column is one series, named by its header.
 */
export interface PlanChart {
  readonly type: 'column' | 'line';
  readonly title: string;
  /** First and last data row of the block, inclusive. */
  readonly rows: { readonly first: number; readonly last: number };
  /** The column holding the category labels (x axis). */
  readonly categoryCol: number;
  readonly valueCols: readonly number[];
}

/** A mark on a bad cell of the teacher's sheet: a fill and, where the host has notes, a note. */
export interface CellMark extends CellRef {
  readonly note: string;
  readonly fill: string;
}

export type PlanOp =
  /** Generated sheet: rebuilt whole from its sources every run. */
  | { readonly kind: 'replaceSheet'; readonly sheet: string; readonly content: SheetContent; readonly activate?: boolean }
  /** User-kept sheet: created from a template only when missing; left alone otherwise. */
  | { readonly kind: 'createSheetIfMissing'; readonly sheet: string; readonly content: SheetContent }
  /**
   * Append rows below the last used row of a user-kept sheet (never table-row adds, which conflict
   * under co-authoring). `expectedLastRow` is the 0-based last used row the plan was computed
   * against; a port that finds another stops with a conflict instead of overwriting.
   */
  | { readonly kind: 'appendRows'; readonly sheet: string; readonly rows: readonly (readonly PlanCell[])[]; readonly expectedLastRow?: number }
  /** Write single cells of a sheet the add-in owns or keeps (设置 entries). */
  | { readonly kind: 'setCells'; readonly sheet: string; readonly cells: readonly { readonly row: number; readonly col: number; readonly value: PlanCell }[] }
  /** Mark bad cells on a teacher's sheet; `clearMarks` removes every mark the add-in made, restoring what was there. */
  | { readonly kind: 'markCells'; readonly sheet: string; readonly marks: readonly CellMark[] }
  | { readonly kind: 'clearMarks'; readonly sheet: string };

export interface WorkbookPlan {
  readonly ops: readonly PlanOp[];
}
