import type { WorkbookPlan } from '../../../core/plan/types';
import type { ApplyProgress, ApplyResult } from '../../port';
import type { QueuedCommand } from '../batch';
import type { OfficeFeatures } from '../capabilities';
import { MARKS_SETTING_KEY, parseMarks, type MarkRecord, type MarksBySheet } from '../marks';
import { BACKUP_PREFIX, type MarksStep, type SheetStep, type UndoRecord, type UndoStep } from '../undo/record';

export interface ApplyEnv {
  readonly context: Excel.RequestContext;
  readonly features: OfficeFeatures;
  readonly settings: Office.Settings;
  readonly budgetBytes: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ApplyProgress) => void;
  /**
   * Return the record of what the plan overwrote, so that undoRecord can put it back (hosts below
   * ExcelApi 1.20). The record is kept for the rollback on every host either way.
   */
  readonly captureUndo?: boolean;
  /**
   * The run merges one undo group (ExcelApi 1.20): nothing Excel cannot undo is done in it — stale
   * backups and the rollback are handed to the port as OutsideUndoGroup (apply/outside.ts).
   */
  readonly inUndoGroup?: boolean;
  /** Stale backups found while in the undo group stay (the port already tried to delete them once). */
  readonly leaveStaleBackups?: boolean;
}

export type Written = ApplyResult['written'][number];

/** The loads the look step queued, read once its syncs are done. Keys: see lookKey. */
export interface Looks {
  /** Each replaced sheet's own tables, on ExcelApi 1.1 (no Table.worksheet there), by lower-case name. */
  readonly sheetTables: Map<string, Excel.TableCollection>;
  /** Cells setCells overwrites, for undo. */
  readonly cells: Map<string, Excel.Range>;
  /** Where appendRows starts: each sheet's used range and A1, by lower-case name. */
  readonly lastRow: Map<string, { used: Excel.Range; a1: Excel.Range }>;
  readonly fills: Map<string, Excel.RangeFill>;
  readonly notes: Map<string, Excel.Note>;
}

/** Everything one apply knows and decides, shared by its steps (look, plan, keep, send) in this order. */
export interface ApplyState {
  readonly env: ApplyEnv;
  readonly plan: WorkbookPlan;

  // What the look found.
  /** Lower-case name -> actual name (Excel compares names case-insensitively); names planned are added. */
  readonly existing: Map<string, string>;
  /** Lower-case name -> the listed sheet (visibility, position, protection). */
  readonly listed: Map<string, Excel.Worksheet>;
  readonly tablesBySheet: Map<string, Excel.Table[]>;
  /** Lower-case names of the workbook's tables, to keep a new table's name free. */
  readonly tableNames: Set<string>;
  /** Whether the sheet list has been read; until then every sheet the plan names is assumed to exist. */
  listKnown: boolean;
  /** Worksheet proxies by lower-case name, made once per sheet. */
  readonly proxies: Map<string, Excel.Worksheet>;
  readonly looks: Looks;
  /** Workbook structure protection (ExcelApi 1.7), looked at when backups are possible. */
  readonly workbookProtection?: Excel.WorkbookProtection;
  /**
   * Whether replaced sheets are kept whole as hidden copies: Worksheet.copy exists (1.7), deleting the
   * copy later cannot clear Excel's own undo stack (below 1.20) and the workbook's structure is not
   * protected (known after the look).
   */
  backups: boolean;
  /** DATE(1904,1,1) asked in the look when the plan writes date cells (ExcelApi 1.2): 0 in a 1904 workbook. */
  dateProbe?: Excel.FunctionResult<number>;
  /** The workbook counts dates from 1904 (known after the look): date cells are written in its serials. */
  date1904: boolean;
  /** Backups a closed pane (or an apply since) left behind: nothing can undo with them any more. */
  staleBackups: string[];
  backupCounter: number;

  // Marks: the record in the document settings, as it was (for undo) and as this plan leaves it.
  readonly marksSettingBefore: unknown;
  readonly marks: MarksBySheet;
  marksChanged: boolean;
  /** Marks cleared earlier in this plan, by lookKey: a later markCells on the cell starts from them. */
  readonly clearedThisPlan: Map<string, MarkRecord & { noteDeleted?: boolean }>;

  // What the plan writes, and the record to put it back.
  readonly commands: QueuedCommand[];
  /** Charts replaced sheets had, loaded in the write batch and deleted after it. */
  readonly oldCharts: Excel.Chart[];
  /** Sheets this plan creates or appends to: the last row written, lower-case name. */
  readonly createdLastRow: Map<string, number>;
  readonly steps: UndoStep[];
  /** Where each step's writes begin in `commands`: a failed apply rolls back the steps it reached. */
  readonly stepStart: Map<UndoStep, number>;
  readonly sheetSteps: Map<string, SheetStep>;
  /** Fills and notes the plan changes on teachers' sheets: the first "before" and the last "after" of each cell. */
  readonly markSteps: Map<string, MarksStep>;
  readonly written: Written[];
  readonly degraded: Set<string>;
}

export function newState(env: ApplyEnv, plan: WorkbookPlan): ApplyState {
  const { context, features } = env;
  const workbookProtection = features.api >= 7 && !features.undoGroup ? context.workbook.protection : undefined;
  return {
    env,
    plan,
    existing: new Map(),
    listed: new Map(),
    tablesBySheet: new Map(),
    tableNames: new Set(),
    listKnown: false,
    proxies: new Map(),
    looks: { sheetTables: new Map(), cells: new Map(), lastRow: new Map(), fills: new Map(), notes: new Map() },
    workbookProtection,
    backups: !!workbookProtection,
    date1904: false,
    staleBackups: [],
    backupCounter: 0,
    // A copy: the settings store may hand out its own object.
    marksSettingBefore: JSON.parse(JSON.stringify(env.settings.get(MARKS_SETTING_KEY) ?? null)) as unknown,
    marks: parseMarks(env.settings.get(MARKS_SETTING_KEY)),
    marksChanged: false,
    clearedThisPlan: new Map(),
    commands: [],
    oldCharts: [],
    createdLastRow: new Map(),
    steps: [],
    stepStart: new Map(),
    sheetSteps: new Map(),
    markSteps: new Map(),
    written: [],
    degraded: new Set(),
  };
}

/** The proxy of a sheet by name (case-insensitive), made once. */
export function sheetOf(s: ApplyState, name: string): Excel.Worksheet {
  const key = name.toLowerCase();
  let ws = s.proxies.get(key);
  if (!ws) {
    ws = s.env.context.workbook.worksheets.getItem(s.existing.get(key) ?? name);
    s.proxies.set(key, ws);
  }
  return ws;
}

/** Whether a sheet is there (or planned); true for every name until the list is known. */
export function exists(s: ApplyState, name: string): boolean {
  return !s.listKnown || s.existing.has(name.toLowerCase());
}

/** The sheet's name as the workbook spells it. */
export function actualName(s: ApplyState, name: string): string {
  return s.existing.get(name.toLowerCase()) ?? name;
}

/** Key of one cell in the looks and in clearedThisPlan. */
export function lookKey(sheet: string, row: number, col: number): string {
  return `${sheet.toLowerCase()}\u0000${row}\u0000${col}`;
}

/** A backup name no sheet has, reserved at once. */
export function nextBackupName(s: ApplyState): string {
  let name: string;
  do name = `${BACKUP_PREFIX}${++s.backupCounter}`;
  while (s.existing.has(name.toLowerCase()));
  s.existing.set(name.toLowerCase(), name);
  return name;
}

/** Record a fill or note change on a teacher's sheet in its marks step (made on first use). */
export function markChange(s: ApplyState, kind: 'fills' | 'notes', sheet: string, row: number, col: number, before: string | null, after: string | null): void {
  const name = actualName(s, sheet);
  let step = s.markSteps.get(name.toLowerCase());
  if (!step) {
    step = { kind: 'marks', sheet: name, fills: new Map(), notes: new Map() };
    s.markSteps.set(name.toLowerCase(), step);
    s.steps.push(step);
  }
  const key = `${row},${col}`;
  const earlier = step[kind].get(key);
  step[kind].set(key, { row, col, before: earlier ? earlier.before : before, after });
}

/** The record of what this apply changed: for undo (when asked) and for the rollback. */
export function undoRecordOf(s: ApplyState): UndoRecord {
  return {
    steps: s.steps,
    hyperlinks: s.env.features.hyperlinks,
    ...(s.date1904 ? { date1904: true } : {}),
    marksSetting: s.marksChanged ? { before: s.marksSettingBefore } : undefined,
  };
}
