/**
 * Small in-memory WorkbookSnapshot builders for tests: a sheet is a name and rows of cell values,
 * optionally with merges, an origin other than A1, or hidden.
 */
import type { CellError, CellRange, CellValue } from '../../src/core/cells';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { idCheckChar } from '../../src/core/roster/idNumber';

export interface SheetOptions {
  readonly merges?: readonly CellRange[];
  readonly origin?: { readonly row: number; readonly col: number };
  readonly visible?: boolean;
}

export function sheet(name: string, rows: readonly (readonly CellValue[])[], options: SheetOptions = {}): SheetSnapshot {
  return {
    name,
    origin: options.origin ?? { row: 0, col: 0 },
    values: rows.map((r) => [...r]),
    ...(options.merges ? { merges: options.merges } : {}),
    ...(options.visible !== undefined ? { visible: options.visible } : {}),
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** An Excel error value such as #N/A. */
export function cellError(code = '#N/A'): CellError {
  return { error: code };
}

/** A merged area, 0-based: `merge(0, 2, 1, 3)` is C1:E1. */
export function merge(row: number, col: number, rowCount: number, colCount: number): CellRange {
  return { row, col, rowCount, colCount };
}

/**
 * A valid 18-character ID: area code, birth date 'YYYYMMDD', 3-digit sequence (odd = male), with
 * the check character computed.
 */
export function makeId(birth = '20150312', sequence = '123', area = '410102'): string {
  const first17 = area + birth + sequence;
  return first17 + idCheckChar(first17);
}

/** Turn half-width digits and ASCII into full-width (U+FF01–FF5E), as some input methods type them. */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
