import { isLinkCell, type PlanCell, type SheetContent } from '../../../core/plan/types';
import { MAX_CELL_TEXT, writtenPlanCell } from '../cells';

// The record an apply keeps of what it changed, step by step: what undo and the rollback put back.

/** Backups of replaced sheets start with this; nothing else in a workbook is expected to. */
export const BACKUP_PREFIX = '~关爱助手撤销备份~';

export type WrittenValue = string | number | boolean;

/** What a sheet holds before the add-in replaced it, read cell by cell. */
export interface SheetBefore {
  readonly kind: 'values';
  /** Top-left of the block read (the used range), 0-based. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Restorable entries (formulas as formulas, text quote-prefixed), filled chunk by chunk. */
  readonly formulas: unknown[][];
  readonly numberFormats: unknown[][];
  readonly tables: { name: string; address: string; style: string }[];
}

/** A replaced sheet kept whole as a very hidden copy (ExcelApi 1.7+, below 1.20). */
export interface SheetBackup {
  readonly kind: 'backup';
  /** The backup sheet's name (BACKUP_PREFIX + counter). */
  readonly backup: string;
  readonly visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly position: number;
  /** The sheet's tables' names, in the order the copy lists its own (renamed) tables. */
  readonly tables: readonly string[];
}

/** A sheet the plan created or replaced whole, and what it wrote there (appends and cells included). */
export interface SheetStep {
  readonly kind: 'sheet';
  readonly sheet: string;
  /**
   * null: the plan created the sheet, undo deletes it. undefined: it was replaced without keeping it
   * (ExcelApi 1.20, one sheet in one sync: Excel's own undo covers it), so it cannot be rolled back.
   */
  before: SheetBefore | SheetBackup | null | undefined;
  readonly content: SheetContent;
  readonly width: number;
  /** Rows appended to this sheet later in the same plan. */
  readonly appended: (readonly PlanCell[])[];
  /** Single cells written into this sheet later in the same plan. */
  readonly cells: Map<string, PlanCell>;
}

export interface AppendStep {
  readonly kind: 'append';
  readonly sheet: string;
  readonly firstRow: number;
  readonly rows: readonly (readonly PlanCell[])[];
  readonly width: number;
  /** Number formats the date cells had before the append gave them the date format (filled in at apply). */
  formatsBefore?: { readonly row: number; readonly col: number; readonly format: unknown }[];
}

export interface CellsStep {
  readonly kind: 'cells';
  readonly sheet: string;
  readonly cells: { readonly row: number; readonly col: number; readonly value: PlanCell; before?: { formula: unknown; numberFormat: unknown } }[];
}

/** Fills and notes changed by markCells/clearMarks on one sheet: per cell, what was there and what the plan left. null: none. */
export interface MarksStep {
  readonly kind: 'marks';
  readonly sheet: string;
  readonly fills: Map<string, { readonly row: number; readonly col: number; readonly before: string | null; readonly after: string | null }>;
  readonly notes: Map<string, { readonly row: number; readonly col: number; readonly before: string | null; readonly after: string | null }>;
}

export type UndoStep = SheetStep | AppendStep | CellsStep | MarksStep;

/** One level of undo: the steps of the last apply, in the order they were applied. */
/** How plan cells were written: links as links or HYPERLINK formulas, dates in which date system. */
export interface WriteForm {
  readonly hyperlinks: boolean;
  /** The workbook counts dates from 1904: date cells were written 1,462 days smaller. */
  readonly date1904?: boolean;
}

export interface UndoRecord extends WriteForm {
  readonly steps: UndoStep[];
  /** The document setting that records marks, as it was before (when the plan changed it). */
  readonly marksSetting?: { readonly before: unknown };
}

/** What reading a cell gives back after the port wrote `cell` into it. */
export function expectedValue(cell: PlanCell | undefined, form: WriteForm): WrittenValue {
  if (cell === undefined) return '';
  if (isLinkCell(cell) && !form.hyperlinks) return cell.text.slice(0, 255); // shown by the HYPERLINK formula
  const written = writtenPlanCell(cell, form.hyperlinks, form.date1904);
  if (typeof written === 'string') return written.startsWith("'") ? written.slice(1, 1 + MAX_CELL_TEXT) : written;
  return written;
}
