import type { WorkbookSnapshot } from '../core/snapshot';
import type { CellRef, WorkbookPlan } from '../core/plan/types';

/** What this host can do; the pane says plainly what is missing and the ports degrade. */
export interface HostCapabilities {
  readonly host: 'excel' | 'file';
  /** Highest ExcelApi minor version supported (1.x), or null outside Excel. */
  readonly excelApi: number | null;
  readonly notes: boolean;
  readonly conditionalFormats: boolean;
  readonly dataValidation: boolean;
  readonly hyperlinks: boolean;
  readonly undoGroup: boolean;
  /** Whole sheets can be inserted from an .xlsx (ExcelApi 1.13 insertWorksheetsFromBase64); see ApplyOptions.prebuilt. */
  readonly insertSheets: boolean;
  /** A new workbook can be opened from an .xlsx, leaving this one alone (ExcelApi 1.8 Excel.createWorkbook); see WorkbookPort.openNewWorkbook. */
  readonly newWorkbook: boolean;
}

export interface ReadOptions {
  /** Only these sheets' values (others listed by name only). Undefined: all sheets. */
  readonly sheets?: readonly string[];
  /** Listing only, no values (to let the core pick a sheet first). */
  readonly namesOnly?: boolean;
}

export interface ApplyProgress {
  readonly done: number;
  readonly total: number;
}

export interface ApplyOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ApplyProgress) => void;
  /**
   * The same plan already built as an .xlsx holding exactly its sheets (the roll-up). A host that can
   * insert whole sheets may insert them from it in one request instead of writing them cell by cell;
   * every other host, and every plan that replaces a sheet already there, ignores it.
   */
  readonly prebuilt?: Uint8Array;
}

export interface ApplyResult {
  /** Human-readable list of what was written, for the message bar and for failure reports. */
  readonly written: readonly { readonly sheet: string; readonly what: 'created' | 'replaced' | 'appended' | 'cells' | 'marked' | 'unmarked'; readonly rows: number }[];
  /** Features the host lacked, so the port did less (i18n keys, e.g. 'host.noNotes'). */
  readonly degraded: readonly string[];
  /**
   * How this change can be taken back (absent: as 'none').
   *  - 'host': it is one step on the host's own undo stack (Excel with ExcelApi 1.20: Ctrl+Z).
   *  - 'port': the port kept what it overwrote; `undoLast()` restores it (the pane offers "撤销上次操作").
   *  - 'none': it cannot be undone by the add-in (say so before applying).
   */
  readonly undo?: 'host' | 'port' | 'none';
}

export interface UndoOptions {
  /** Honoured up to the first write: a cancel after the look changes nothing. */
  readonly signal?: AbortSignal;
}

/**
 * A workbook the add-in can read and change. Implemented over Office.js (one read sync, one chunked
 * write batch) and over .xlsx files. Every implementation passes tests/contract/port-contract.
 */
export interface WorkbookPort {
  capabilities(): HostCapabilities;
  read(options?: ReadOptions): Promise<WorkbookSnapshot>;
  apply(plan: WorkbookPlan, options?: ApplyOptions): Promise<ApplyResult>;
  /** Show/select a cell for the user (Excel selects it; the standalone page highlights it). */
  select(ref: CellRef): Promise<void>;
  /**
   * Whether `undoLast()` has something to undo: true after an apply whose result said undo: 'port',
   * until that is undone or another apply replaces it. Optional: ports without it never undo.
   */
  canUndo?(): boolean;
  /**
   * Take back the last apply exactly (one level, kept in memory). Refuses with a PortError and
   * changes nothing when the cells no longer hold what the add-in wrote (someone edited since), or
   * when there is nothing to undo. The result lists what was restored; its own undo is 'none'.
   */
  undoLast?(options?: UndoOptions): Promise<ApplyResult>;
  /**
   * Open `file` (.xlsx bytes) as a new, unsaved workbook beside this one, which is not touched (the
   * de-identified copy in Excel: the teacher saves it where they like). Only where capabilities().newWorkbook.
   */
  openNewWorkbook?(file: Uint8Array): Promise<void>;
}

/** A failure a host reports in the user's terms: an i18n key and its parameters, never a stack. */
export class PortError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'PortError';
  }
}
