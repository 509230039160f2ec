import type { CellRange, CellValue } from './cells';

/**
 * What a host reads from a workbook in one go (one context.sync in Excel): plain data, no proxies.
 * Rows and columns are 0-based sheet coordinates; `values[i][j]` is the cell at
 * (origin.row + i, origin.col + j). Cells outside the block are empty, and so are cells past the end of
 * a row: rows may be shorter than the block is wide (the file port ends each row at its last value, so
 * one stray cell in XFD1048576 does not fill the rectangle), so read with `cellAt` or `?? null`.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly origin: { readonly row: number; readonly col: number };
  readonly values: CellValue[][];
  /** Merged areas intersecting the block, when the host can tell (Office needs ExcelApi 1.13). */
  readonly merges?: readonly CellRange[];
  readonly visible?: boolean;
  /**
   * Hidden (the teacher can unhide it) or very hidden (only code can), when the host tells; `visible` is
   * its short form. The de-identified copy keeps it.
   */
  readonly visibility?: SheetVisibility;
  /**
   * Which numbers are date- or time-formatted, when the host can tell (the file port does; the Office
   * port may leave it out). Absent means unknown: show numbers as numbers.
   */
  readonly dateFormats?: SheetDateFormats;
  /**
   * The number-format code of numeric cells whose format is not General (dates included), as runs of rows
   * per column, when the host can tell (the file port does). Only for showing a number as Excel would
   * (0.0% shows 0.020833 as 2.1%); the core reads values, never these.
   */
  readonly numberFormats?: SheetNumberFormats;
}

/** Rows firstRow..lastRow (0-based, inclusive) of one column hold numbers with the same format code. */
export interface NumberFormatRun {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly code: string;
}

/** Runs by 0-based sheet column, sorted by row and not overlapping; columns without such numbers are absent. */
export type SheetNumberFormats = Readonly<Record<number, readonly NumberFormatRun[]>>;

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** What Excel shows for a date-formatted number: a calendar date, a time of day, or both. */
export type DateFormatKind = 'date' | 'time' | 'dateTime';

/** Rows firstRow..lastRow (0-based, inclusive) of one column hold numbers with the same kind of date format. */
export interface DateFormatRun {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly kind: DateFormatKind;
}

/**
 * Date-formatted numeric cells as runs of rows per column. A date column is one run however long the
 * sheet is (a 100,000-child 出生日期 column costs one object, where a Set of packed cell keys would hold
 * 100,000 entries, a few MB), runs are built in one pass as rows are read, and a lookup is a binary
 * search in one column's runs. Only numeric cells are covered; text and empty cells never are.
 */
export interface SheetDateFormats {
  /**
   * The file counts dates from 1904-01-01 (old Mac workbooks). The port has already converted the serials
   * of these date cells to Excel's 1900 system, the one the core and the grid read; this says only where
   * they came from.
   */
  readonly date1904: boolean;
  /** Runs by 0-based sheet column, sorted by row and not overlapping; columns without dates are absent. */
  readonly columns: Readonly<Record<number, readonly DateFormatRun[]>>;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}

/** The value at a 0-based sheet position, or null outside the read block. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}

/** The run of `runs` (sorted, not overlapping) that holds 0-based `row`, by binary search; undefined if none. */
export function runAt<R extends { readonly firstRow: number; readonly lastRow: number }>(runs: readonly R[] | undefined, row: number): R | undefined {
  if (!runs) return undefined;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (row < run.firstRow) hi = mid - 1;
    else if (row > run.lastRow) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** The kind of date format of the number at a 0-based sheet position, or null (not a date, or unknown). */
export function dateFormatAt(sheet: SheetSnapshot, row: number, col: number): DateFormatKind | null {
  return runAt(sheet.dateFormats?.columns[col], row)?.kind ?? null;
}

export function findSheet(workbook: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return workbook.sheets.find((s) => s.name === name);
}
