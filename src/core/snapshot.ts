import type { CellRange, CellValue } from './cells';

/**
 * What a host reads from a workbook in one go (one context.sync in Excel): plain data, no proxies.
 * Rows and columns are 0-based sheet coordinates; `values[i][j]` is the cell at
 * (origin.row + i, origin.col + j). Cells outside the block are empty.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly origin: { readonly row: number; readonly col: number };
  readonly values: CellValue[][];
  /** Merged areas intersecting the block, when the host can tell (Office needs ExcelApi 1.13). */
  readonly merges?: readonly CellRange[];
  readonly visible?: boolean;
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

export function findSheet(workbook: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return workbook.sheets.find((s) => s.name === name);
}
