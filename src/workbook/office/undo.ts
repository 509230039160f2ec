import { isLinkCell, type PlanCell, type SheetContent } from '../../core/plan/types';
import { PortError, type ApplyResult } from '../port';
import { chunkCommands, runChunks, type QueuedCommand } from './batch';
import type { OfficeFeatures } from './capabilities';
import { captureSheetsBefore, restorable } from './capture';
import { blockAddress, cellAddress, jsonBytes, MAX_CELL_TEXT, rowBytes, writtenPlanCell } from './cells';
import { officeErrorCode } from './errors';
import { isNoFill, MARKS_SETTING_KEY, sameColor, saveSettings } from './marks';

export { tableAddress } from './capture';

/**
 * Undo below ExcelApi 1.20, where Excel.run cannot make an operation one step of Excel's own undo
 * stack, and rollback of a failed or cancelled apply on every host. While applying, the port keeps
 * what each step overwrites and which sheets it created; undoLast and the rollback put that back.
 *
 * Before changing anything, undo reads what is there now and compares it with what the add-in wrote.
 * If anything differs (a colleague typed, a sheet was renamed or deleted), it stops with
 * 'office.undoConflict' and changes nothing: undo must never overwrite someone's work. The rollback
 * skips that comparison (the cells are the ones this apply itself just wrote) and touches only what
 * the apply overwrote.
 *
 * A replaced sheet is kept in one of two ways:
 *  - ExcelApi 1.7 and later, below 1.20 (Office 2019, 2021, 2024), unless the workbook's structure is
 *    protected (that refuses Worksheet.copy): before clearing it, the apply copies
 *    it whole (Worksheet.copy) to a very hidden backup sheet named BACKUP_PREFIX + a counter. Undo puts
 *    the backup in its place: delete the replaced sheet, rename the backup to the original name, give it
 *    back its position and visibility, and its tables their names (a copied sheet's tables get new
 *    names). So charts, column widths, hidden columns, frozen panes, dropdowns, conditional formats,
 *    notes and merges all come back exactly. Backups no longer needed are deleted by undo and by the
 *    next apply (found by prefix, also those a closed pane left behind).
 *  - Below 1.7, at 1.20 (where Worksheet.delete would clear Excel's undo stack) and under structure
 *    protection: the apply reads
 *    the sheet's values (as formulas), number formats and tables; undo writes those back in place.
 *    Not restored there: charts, column widths, hidden columns, frozen panes, dropdowns and conditional
 *    formats (cosmetic; generated sheets are rebuilt by the next run anyway).
 *
 * References from elsewhere (other sheets' formulas, defined names) follow a sheet object, not its name:
 * Worksheet.copy leaves them on the original; a rename carries them along to the new name; a delete
 * turns them into #REF! for good — a sheet later renamed to the old name does not bring them back. So
 * the swap above would break every formula pointing at the replaced sheet. Undo therefore swaps only
 * when it can prove nothing refers to the sheet: no defined name mentions it and
 * Range.getDirectDependents (ExcelApi 1.13) finds no dependent cell on another sheet. Otherwise (or
 * below 1.13, where this cannot be checked) it restores in place from the backup — values, formulas,
 * number formats and tables, as below 1.7 — and deletes the backup; the result's `degraded` then says
 * 'office.undoInPlace'. Not covered by the check: dropdowns, conditional formats and charts on other
 * sheets that draw on the replaced one (they break on delete too, but no API lists them).
 *
 * Marks (fills, notes, the record in the document settings) are put back as they were too.
 */

/** Backups of replaced sheets start with this; nothing else in a workbook is expected to. */
export const BACKUP_PREFIX = '~关爱助手撤销备份~';

type Written = string | number | boolean;

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
export interface UndoRecord {
  readonly steps: UndoStep[];
  readonly hyperlinks: boolean;
  /** The document setting that records marks, as it was before (when the plan changed it). */
  readonly marksSetting?: { readonly before: unknown };
}

/** What reading a cell gives back after the port wrote `cell` into it. */
export function expectedValue(cell: PlanCell | undefined, hyperlinks: boolean): Written {
  if (cell === undefined) return '';
  if (isLinkCell(cell) && !hyperlinks) return cell.text.slice(0, 255); // shown by the HYPERLINK formula
  const written = writtenPlanCell(cell, hyperlinks);
  if (typeof written === 'string') return written.startsWith("'") ? written.slice(1, 1 + MAX_CELL_TEXT) : written;
  return written;
}

/** Rows of the block a sheet step wrote, counting the table's empty row when there is no data. */
function sheetStepRows(step: SheetStep): number {
  const titles = step.content.titleLines?.length ?? 0;
  const n = step.content.rows.length + step.appended.length;
  let rows = titles + 1 + Math.max(1, n);
  for (const key of step.cells.keys()) rows = Math.max(rows, Number(key.split(',')[0]) + 1);
  return rows;
}

function sheetStepCols(step: SheetStep): number {
  let cols = step.width;
  for (const r of step.appended) cols = Math.max(cols, r.length);
  for (const key of step.cells.keys()) cols = Math.max(cols, Number(key.split(',')[1]) + 1);
  return cols;
}

/** The expected row `i` of a sheet step (titles, header, data, appended rows, then single cells over them). */
function sheetStepRow(step: SheetStep, i: number, cols: number, hyperlinks: boolean): Written[] {
  const titles = step.content.titleLines ?? [];
  const line: Written[] = new Array(cols).fill('');
  if (i < titles.length) line[0] = expectedValue(titles[i], hyperlinks);
  else if (i === titles.length) step.content.columns.forEach((c, j) => (line[j] = expectedValue(c.header, hyperlinks)));
  else {
    const d = i - titles.length - 1;
    const n = step.content.rows.length;
    const row = d < n ? step.content.rows[d] : step.appended[d - n];
    if (row) for (let j = 0; j < row.length; j++) line[j] = expectedValue(row[j], hyperlinks);
  }
  for (let j = 0; j < cols; j++) {
    const c = step.cells.get(`${i},${j}`);
    if (c !== undefined) line[j] = expectedValue(c, hyperlinks);
  }
  return line;
}

/** Excel's rules for equality of what was written and what is read back. */
function sameValue(a: unknown, b: Written): boolean {
  if (a === b) return true;
  return (a === '' || a === null || a === undefined) && b === '';
}

/** Queue commands that read a block in row chunks and compare it with `expectedRow`; a difference throws. */
function compareCommands(
  ws: () => Excel.Worksheet,
  row0: number,
  rows: number,
  cols: number,
  expectedRow: (i: number) => Written[],
  budgetBytes: number,
  conflict: () => never,
): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  let start = 0;
  while (start < rows) {
    // Size each read by the bytes of what it should bring back.
    let bytes = 0;
    let count = 0;
    while (start + count < rows) {
      const b = rowBytes(expectedRow(start + count)) + cols * 2 + 8;
      if (count > 0 && bytes + b > budgetBytes * 0.8) break;
      bytes += b;
      count++;
    }
    const first = start;
    const n = count;
    let range: Excel.Range | undefined;
    out.push({
      requestBytes: 60,
      responseBytes: bytes,
      queue: () => {
        range = ws().getRange(blockAddress(row0 + first, 0, n, cols));
        range.load('values');
      },
      after: () => {
        const values = (range as Excel.Range).values;
        for (let i = 0; i < n; i++) {
          const expected = expectedRow(first + i);
          for (let j = 0; j < cols; j++) if (!sameValue(values[i]?.[j], expected[j])) conflict();
        }
      },
    });
    start += count;
  }
  return out;
}

/** Write a 2-D array back in row chunks sized by its JSON bytes. */
function gridWriteCommands(ws: () => Excel.Worksheet, row0: number, col0: number, grid: unknown[][], budgetBytes: number, prop: 'formulas' | 'numberFormat'): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const cols = grid[0]?.length ?? 0;
  if (cols === 0) return out;
  let start = 0;
  while (start < grid.length) {
    let bytes = 0;
    let end = start;
    while (end < grid.length) {
      const b = rowBytes(grid[end].map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : ''))) + 1;
      if (end > start && bytes + b > budgetBytes * 0.9) break;
      bytes += b;
      end++;
    }
    const lines = grid.slice(start, end);
    const first = start;
    out.push({
      requestBytes: bytes,
      queue: () => {
        const range = ws().getRange(blockAddress(row0 + first, col0, lines.length, cols));
        if (prop === 'formulas') range.formulas = lines as Excel.Range['formulas'];
        else range.numberFormat = lines as Excel.Range['numberFormat'];
      },
    });
    start = end;
  }
  return out;
}

/** Sheet names an address list ("'校验结果'!A1:B2, Sheet1!C3") or a formula ("=统计汇总!$C$3") mentions. */
function sheetsNamedIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:'((?:[^']|'')+)'|([^'!,\s=+\-*/&^<>()]+))!/g)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return out;
}

/** What restoring needs to know about the workbook now, loaded before anything is written. */
interface RestoreLooks {
  /** Tables and charts on each replaced sheet now (a restore in place deletes them), by sheet name. */
  readonly tables: Map<string, Excel.TableCollection>;
  readonly charts: Map<string, Excel.ChartCollection>;
  /** Each backup's tables (in the order their names are recorded) and used range, by backup name. */
  readonly backupTables: Map<string, Excel.TableCollection>;
  readonly backupUsed: Map<string, Excel.Range>;
  /** Defined names, loaded when a backup may be swapped in (a name pointing at the sheet forbids it). */
  names?: Excel.NamedItemCollection;
  /** Rollback only: lower-case names of the sheets there now, and notes as they are now. */
  readonly present?: Set<string>;
  readonly notesNow: Map<string, Excel.Note>;
  /**
   * Rollback only: fills and single cells as they are now, so that what the apply never reached is not
   * written again (a sheet protected meanwhile then refuses nothing it need not).
   */
  readonly fillsNow: Map<string, Excel.RangeFill>;
  readonly cellsNow: Map<string, Excel.Range>;
}

function newLooks(present?: Set<string>): RestoreLooks {
  return { tables: new Map(), charts: new Map(), backupTables: new Map(), backupUsed: new Map(), present, notesNow: new Map(), fillsNow: new Map(), cellsNow: new Map() };
}

type SheetOf = (name: string) => () => Excel.Worksheet;

function sheetProxies(context: Excel.RequestContext): SheetOf {
  const proxies = new Map<string, Excel.Worksheet>();
  return (name: string) => () => {
    let p = proxies.get(name);
    if (!p) {
      p = context.workbook.worksheets.getItem(name);
      proxies.set(name, p);
    }
    return p;
  };
}

/** Queue the loads a sheet step's restore needs (in whatever sync comes next). */
function queueSheetLooks(context: Excel.RequestContext, features: OfficeFeatures, step: SheetStep, ws: SheetOf, looks: RestoreLooks): void {
  const before = step.before;
  if (!before) return;
  // What the sheet carries now, for a restore in place to delete (a backup may be restored in place too).
  const current = ws(step.sheet)();
  const tables = current.tables;
  tables.load('items/name');
  looks.tables.set(step.sheet, tables);
  const charts = current.charts;
  charts.load('items/name');
  looks.charts.set(step.sheet, charts);
  if (before.kind === 'values') return;
  if (looks.present && !looks.present.has(before.backup.toLowerCase())) return;
  const backup = ws(before.backup)();
  const backupTables = backup.tables;
  backupTables.load('items/name');
  looks.backupTables.set(before.backup, backupTables);
  const used = backup.getUsedRange();
  used.load('rowCount');
  looks.backupUsed.set(before.backup, used);
  if (features.api >= 7 && !looks.names) {
    looks.names = context.workbook.names;
    looks.names.load('items/name,items/formula');
  }
}

/**
 * Whether anything outside the sheet may refer to it, so that deleting it would leave #REF! behind.
 * True when it cannot be told (below ExcelApi 1.13, or the host refuses the question): in place is safe.
 * One sync when asked.
 */
async function referencedElsewhere(context: Excel.RequestContext, features: OfficeFeatures, sheet: string, names: Excel.NamedItemCollection | undefined): Promise<boolean> {
  if (features.api < 13) return true;
  const same = (s: string) => s.toLowerCase() === sheet.toLowerCase();
  if (names?.items.some((n) => sheetsNamedIn(String(n.formula)).some(same))) return true;
  const dependents = context.workbook.worksheets.getItem(sheet).getRange().getDirectDependents();
  dependents.load('addresses');
  try {
    await context.sync();
  } catch (e) {
    // Excel answers "no dependents" with ItemNotFound; anything else leaves the question open.
    return officeErrorCode(e) !== 'ItemNotFound';
  }
  return dependents.addresses.some((a) => sheetsNamedIn(a).some((s) => !same(s)));
}

interface Prepared {
  /** Backup steps whose backup is swapped in whole. */
  readonly swap: Set<SheetStep>;
  /** Backup steps restored in place from what the backup holds (read just now). */
  readonly inPlace: Map<SheetStep, SheetBefore>;
}

/** Decide, for each replaced sheet kept as a backup, swap or in place; read the backups restored in place. */
async function prepareBackups(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  steps: readonly UndoStep[],
  looks: RestoreLooks,
  budgetBytes: number,
): Promise<Prepared> {
  const swap = new Set<SheetStep>();
  const inPlace = new Map<SheetStep, SheetBefore>();
  const reads: { step: SheetStep; backup: SheetBackup }[] = [];
  for (const step of steps) {
    if (step.kind !== 'sheet' || !step.before || step.before.kind !== 'backup' || !looks.backupTables.has(step.before.backup)) continue;
    if (await referencedElsewhere(context, features, step.sheet, looks.names)) reads.push({ step, backup: step.before });
    else swap.add(step);
  }
  if (reads.length === 0) return { swap, inPlace };
  const captured = await captureSheetsBefore(
    context,
    reads.map(({ step, backup }) => ({ name: step.sheet, ws: context.workbook.worksheets.getItem(backup.backup), tables: looks.backupTables.get(backup.backup)?.items ?? [] })),
    budgetBytes,
  );
  for (const { step, backup } of reads) {
    const before = captured.get(step.sheet);
    if (!before) continue;
    // The copy's tables carry new names: give them back the original ones, in the recorded order.
    const tables = before.tables.map((t, i) => ({ ...t, name: backup.tables[i] ?? t.name }));
    inPlace.set(step, { ...before, tables });
  }
  return { swap, inPlace };
}

/** Clear a sheet in place and write back what it held, read cell by cell (values restore). */
function valuesRestoreCommands(
  get: () => Excel.Worksheet,
  sheet: string,
  features: OfficeFeatures,
  before: SheetBefore,
  tables: readonly Excel.Table[],
  charts: readonly Excel.Chart[],
  budgetBytes: number,
): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  out.push({
    sheet,
    requestBytes: 80 + 40 * (tables.length + charts.length),
    queue: () => {
      for (const t of tables) t.delete();
      for (const c of charts) c.delete();
      const all = get().getRange();
      all.clear();
      if (features.conditionalFormats) all.conditionalFormats.clearAll();
      if (features.dataValidation) all.dataValidation.clear();
      if (features.freezePanes) get().freezePanes.unfreeze();
    },
  });
  // Number formats first: a text format set after the values would not make them text again.
  out.push(...gridWriteCommands(get, before.row, before.col, before.numberFormats, budgetBytes, 'numberFormat').map((c) => ({ ...c, sheet })));
  out.push(...gridWriteCommands(get, before.row, before.col, before.formulas, budgetBytes, 'formulas').map((c) => ({ ...c, sheet })));
  for (const t of before.tables) {
    out.push({
      sheet,
      requestBytes: jsonBytes(t.address) + jsonBytes(t.name) + 40,
      queue: () => {
        const table = get().tables.add(t.address, true);
        table.name = t.name;
        table.style = t.style;
      },
    });
  }
  return out;
}

/**
 * The writes that put `steps` back, last step first. Undo has proved every cell holds what the apply
 * wrote; the rollback has not (a sync may have stopped half way), so it looks at notes as they are now
 * (`looks.notesNow`) and skips sheets and backups that are not there (`looks.present`).
 */
function restoreCommands(
  features: OfficeFeatures,
  record: UndoRecord,
  steps: readonly UndoStep[],
  ws: SheetOf,
  looks: RestoreLooks,
  prepared: Prepared,
  budgetBytes: number,
  written: ApplyResult['written'][number][],
): QueuedCommand[] {
  const writes: QueuedCommand[] = [];
  const there = (name: string) => !looks.present || looks.present.has(name.toLowerCase());
  for (const step of [...steps].reverse()) {
    const get = ws(step.sheet);
    const sheet = step.sheet;
    if (step.kind === 'sheet') {
      const before = step.before;
      if (before === undefined) continue;
      if (before === null) {
        if (!there(sheet)) continue;
        writes.push({ sheet, requestBytes: 40, queue: () => get().delete() });
        written.push({ sheet, what: 'replaced', rows: 0 });
        continue;
      }
      if (before.kind === 'values') {
        writes.push(...valuesRestoreCommands(get, sheet, features, before, looks.tables.get(sheet)?.items ?? [], looks.charts.get(sheet)?.items ?? [], budgetBytes));
        written.push({ sheet, what: 'replaced', rows: before.rows });
        continue;
      }
      // A backup that is not there: the copy never ran, so neither did the clearing after it.
      if (!looks.backupTables.has(before.backup)) continue;
      const backup = ws(before.backup);
      const rows = looks.backupUsed.get(before.backup)?.rowCount ?? 0;
      if (prepared.swap.has(step)) {
        const copiedTables = looks.backupTables.get(before.backup)?.items ?? [];
        writes.push({
          sheet,
          requestBytes: 200 + jsonBytes(before.tables.join(",")),
          queue: () => {
            const b = backup();
            // Visible first: deleting the sheet must never leave the workbook without a visible one.
            b.visibility = before.visibility;
            get().delete();
            b.name = sheet;
            b.position = before.position;
            copiedTables.forEach((t, i) => {
              if (i < before.tables.length) t.name = before.tables[i];
            });
          },
        });
        written.push({ sheet, what: 'replaced', rows });
        continue;
      }
      const inPlace = prepared.inPlace.get(step);
      if (!inPlace) continue;
      writes.push(...valuesRestoreCommands(get, sheet, features, inPlace, looks.tables.get(sheet)?.items ?? [], looks.charts.get(sheet)?.items ?? [], budgetBytes));
      writes.push({ sheet, requestBytes: 40, queue: () => backup().delete() });
      written.push({ sheet, what: 'replaced', rows: inPlace.rows });
    } else if (step.kind === 'marks') {
      if (!there(sheet)) continue;
      for (const f of step.fills.values()) {
        const now = looks.fillsNow.get(`${sheet}\u0000${cellAddress(f.row, f.col)}`)?.color;
        if (now !== undefined && (isNoFill(f.before) ? isNoFill(now) : sameColor(now, f.before as string))) continue;
        writes.push({
          sheet,
          requestBytes: 60,
          queue: () => {
            const fill = get().getRange(cellAddress(f.row, f.col)).format.fill;
            if (isNoFill(f.before)) fill.clear();
            else fill.color = f.before as string;
          },
        });
      }
      if (features.notes) {
        for (const n of step.notes.values()) {
          const address = cellAddress(n.row, n.col);
          const now = looks.present ? looks.notesNow.get(`${sheet}\u0000${address}`) : undefined;
          // Undo proved the note is as the plan left it (present exactly when `after` is); the rollback looked.
          const presentNow = now ? !now.isNullObject : n.after !== null;
          if (n.before === null ? !presentNow : presentNow && now?.content === n.before) continue;
          writes.push({
            sheet,
            requestBytes: jsonBytes(n.before ?? '') + 60,
            queue: () => {
              if (n.before === null) get().notes.getItemOrNullObject(address).delete();
              else if (!presentNow) get().notes.add(address, n.before);
              else get().notes.getItemOrNullObject(address).content = n.before;
            },
          });
        }
      }
      written.push({ sheet, what: 'unmarked', rows: new Set([...step.fills.values()].map((f) => f.row)).size });
    } else if (step.kind === 'append') {
      if (!there(sheet)) continue;
      const empty = Array.from({ length: step.rows.length }, () => new Array<unknown>(step.width).fill(''));
      writes.push(...gridWriteCommands(get, step.firstRow, 0, empty, budgetBytes, 'formulas').map((c) => ({ ...c, sheet })));
      // Date cells got the date format with their serial: give them back the format they had. On
      // ExcelApi 1.1 any formatted cell counts as used, so a cell that had none is cleared outright
      // (appends there land below every formatted cell, so it held no other format to lose) and the
      // next append goes where this one was.
      for (const f of step.formatsBefore ?? []) {
        const clear = !features.usedRangeValuesOnly && f.format === 'General';
        writes.push({
          sheet,
          requestBytes: jsonBytes(String(f.format ?? '')) + 40,
          queue: () => {
            const range = get().getRange(cellAddress(f.row, f.col));
            if (clear) range.clear();
            else range.numberFormat = [[f.format]] as Excel.Range['numberFormat'];
          },
        });
      }
      written.push({ sheet, what: 'cells', rows: step.rows.length });
    } else {
      if (!there(sheet)) continue;
      for (const c of [...step.cells].reverse()) {
        const b = c.before;
        if (!b) continue;
        const now = looks.cellsNow.get(`${sheet}\u0000${cellAddress(c.row, c.col)}`);
        if (now && restorable(now.formulas, now.values, now.valueTypes)[0][0] === b.formula && now.numberFormat[0][0] === b.numberFormat) continue;
        writes.push({
          sheet,
          requestBytes: jsonBytes(String(b.formula ?? '')) + 60,
          queue: () => {
            const range = get().getRange(cellAddress(c.row, c.col));
            range.numberFormat = [[b.numberFormat]] as Excel.Range['numberFormat'];
            range.formulas = [[b.formula]] as Excel.Range['formulas'];
          },
        });
      }
      written.push({ sheet, what: 'cells', rows: step.cells.length });
    }
  }
  return writes;
}

/** The record of marks goes back first, as apply saves it first: clearing later then matches the cells. */
async function restoreMarksSetting(settings: Office.Settings, record: UndoRecord): Promise<void> {
  if (!record.marksSetting) return;
  const before = record.marksSetting.before;
  if (before === null || before === undefined) settings.remove(MARKS_SETTING_KEY);
  else settings.set(MARKS_SETTING_KEY, before);
  try {
    await saveSettings(settings);
  } catch (e) {
    throw new PortError('office.settingsFailed', { code: officeErrorCode(e) ?? 'Unknown' });
  }
}

/**
 * Undo the last apply from its record. Step 1 (look): the current content of everything it wrote,
 * compared with what it wrote; step 2 (write): put back what was there, in reverse order.
 * Syncs: looks split by expected bytes (1 for a usual plan) + writes split by bytes (1 usually); with a
 * backup, +1 per replaced sheet for the references check (ExcelApi 1.13+), or +2 to read the backup
 * when it is restored in place. The signal is honoured up to the first write.
 */
export async function undoRecord(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  settings: Office.Settings,
  record: UndoRecord,
  budgetBytes: number,
  signal?: AbortSignal,
): Promise<ApplyResult> {
  const conflict = (sheet: string): never => {
    throw new PortError('office.undoConflict', { sheet });
  };
  const sheets = context.workbook.worksheets;
  const ws = sheetProxies(context);
  const looks: QueuedCommand[] = [];
  const restoreLooks = newLooks();

  // A sheet protected since cannot be put back: say which, before writing anything (ExcelApi 1.2).
  if (features.api >= 2) {
    for (const sheet of new Set(record.steps.map((s) => s.sheet))) {
      let protection: Excel.WorksheetProtection | undefined;
      looks.push({
        requestBytes: 60,
        responseBytes: 20,
        queue: () => {
          protection = ws(sheet)().protection;
          protection.load('protected');
        },
        after: () => {
          if ((protection as Excel.WorksheetProtection).protected) throw new PortError('office.protected', { sheet, code: 'AccessDenied' });
        },
      });
    }
  }

  for (const step of record.steps) {
    const sheet = step.sheet;
    const get = ws(sheet);
    if (step.kind === 'sheet') {
      const rows = sheetStepRows(step);
      const cols = sheetStepCols(step);
      let used: Excel.Range | undefined;
      let a1: Excel.Range | undefined;
      looks.push({
        requestBytes: 160,
        responseBytes: 400,
        queue: () => {
          // Anything outside what the add-in wrote is someone else's: values on 1.2+, anything on 1.1.
          used = features.usedRangeValuesOnly ? get().getUsedRange(true) : get().getUsedRange();
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          a1 = get().getRange('A1');
          a1.load('values');
          queueSheetLooks(context, features, step, ws, restoreLooks);
        },
        after: () => {
          const u = used as Excel.Range;
          const blank = u.rowCount === 1 && u.columnCount === 1 && u.rowIndex === 0 && u.columnIndex === 0 && (a1 as Excel.Range).values[0][0] === '';
          if (!blank && (u.rowIndex + u.rowCount > rows || u.columnIndex + u.columnCount > cols)) conflict(sheet);
        },
      });
      looks.push(...compareCommands(get, 0, rows, cols, (i) => sheetStepRow(step, i, cols, record.hyperlinks), budgetBytes, () => conflict(sheet)));
    } else if (step.kind === 'append') {
      looks.push(
        ...compareCommands(
          get,
          step.firstRow,
          step.rows.length,
          step.width,
          (i) => Array.from({ length: step.width }, (_, j) => expectedValue(step.rows[i][j], record.hyperlinks)),
          budgetBytes,
          () => conflict(sheet),
        ),
      );
    } else if (step.kind === 'marks') {
      for (const f of step.fills.values()) {
        let fill: Excel.RangeFill | undefined;
        looks.push({
          requestBytes: 60,
          responseBytes: 40,
          queue: () => {
            fill = get().getRange(cellAddress(f.row, f.col)).format.fill;
            fill.load('color');
          },
          after: () => {
            const now = (fill as Excel.RangeFill).color;
            if (f.after === null ? !isNoFill(now) : !sameColor(now, f.after)) conflict(sheet);
          },
        });
      }
      if (features.notes) {
        for (const n of step.notes.values()) {
          let note: Excel.Note | undefined;
          looks.push({
            requestBytes: 60,
            responseBytes: jsonBytes(n.after ?? '') + 20,
            queue: () => {
              note = get().notes.getItemOrNullObject(cellAddress(n.row, n.col));
              note.load('content');
            },
            after: () => {
              const x = note as Excel.Note;
              if (n.after === null ? !x.isNullObject : x.isNullObject || x.content !== n.after) conflict(sheet);
            },
          });
        }
      }
    } else {
      for (const c of step.cells) {
        let range: Excel.Range | undefined;
        const expected = expectedValue(c.value, record.hyperlinks);
        looks.push({
          requestBytes: 60,
          responseBytes: jsonBytes(expected) + 8,
          queue: () => {
            range = get().getRange(cellAddress(c.row, c.col));
            range.load('values');
          },
          after: () => {
            if (!sameValue((range as Excel.Range).values[0][0], expected)) conflict(sheet);
          },
        });
      }
    }
  }

  try {
    await runChunks(context, chunkCommands(looks, budgetBytes));
  } catch (e) {
    // A sheet (or a backup) renamed or deleted since: someone else changed the workbook. Name it.
    if (officeErrorCode(e) !== 'ItemNotFound') throw e;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const gone =
      record.steps.find((s) => !present.has(s.sheet.toLowerCase()) || (s.kind === 'sheet' && s.before?.kind === 'backup' && !present.has(s.before.backup.toLowerCase()))) ??
      record.steps[0];
    return conflict(gone.sheet);
  }

  const prepared = await prepareBackups(context, features, record.steps, restoreLooks, budgetBytes);
  if (signal?.aborted) throw new PortError('error.cancelled');
  const written: ApplyResult['written'][number][] = [];
  const writes = restoreCommands(features, record, record.steps, ws, restoreLooks, prepared, budgetBytes, written);
  await restoreMarksSetting(settings, record);
  await runChunks(context, chunkCommands(writes, budgetBytes));
  return { written, degraded: prepared.inPlace.size > 0 ? ['office.undoInPlace'] : [], undo: 'none' };
}

/**
 * Put back what a failed or cancelled apply wrote (`steps`: those whose writes were sent), without
 * undo's comparison: the cells are the ones this apply itself just wrote. Syncs: 1 to list the sheets,
 * 1 to look at what the restore needs, the references check and backup reads as for undo, then the
 * writes sheet by sheet (one sheet that refuses, say protected meanwhile, does not keep the others
 * from being put back). Throws 'office.rollbackFailed' naming a sheet when not everything could be.
 */
export async function rollbackRecord(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  settings: Office.Settings,
  record: UndoRecord,
  steps: readonly UndoStep[],
  budgetBytes: number,
): Promise<void> {
  const codeOf = (e: unknown) => (e instanceof PortError ? String(e.params.code ?? e.key) : (officeErrorCode(e) ?? 'Unknown'));
  let writes: QueuedCommand[];
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const ws = sheetProxies(context);
    const looks = newLooks(present);
    for (const step of steps) {
      if (!present.has(step.sheet.toLowerCase())) continue;
      if (step.kind === 'sheet') queueSheetLooks(context, features, step, ws, looks);
      else if (step.kind === 'marks') {
        for (const f of step.fills.values()) {
          const address = cellAddress(f.row, f.col);
          const fill = ws(step.sheet)().getRange(address).format.fill;
          fill.load('color');
          looks.fillsNow.set(`${step.sheet}\u0000${address}`, fill);
        }
        if (features.notes) {
          for (const n of step.notes.values()) {
            const address = cellAddress(n.row, n.col);
            const note = ws(step.sheet)().notes.getItemOrNullObject(address);
            note.load('content');
            looks.notesNow.set(`${step.sheet}\u0000${address}`, note);
          }
        }
      } else if (step.kind === 'cells') {
        for (const c of step.cells) {
          const address = cellAddress(c.row, c.col);
          const range = ws(step.sheet)().getRange(address);
          range.load('formulas,values,valueTypes,numberFormat');
          looks.cellsNow.set(`${step.sheet}\u0000${address}`, range);
        }
      }
    }
    await context.sync();
    const prepared = await prepareBackups(context, features, steps, looks, budgetBytes);
    writes = restoreCommands(features, record, steps, ws, looks, prepared, budgetBytes, []);
    await restoreMarksSetting(settings, record);
  } catch (e) {
    throw new PortError('office.rollbackFailed', { sheet: steps[0]?.sheet ?? '', code: codeOf(e) });
  }
  const bySheet = new Map<string, QueuedCommand[]>();
  for (const c of writes) {
    const key = c.sheet ?? '';
    const list = bySheet.get(key);
    if (list) list.push(c);
    else bySheet.set(key, [c]);
  }
  let failed: PortError | undefined;
  for (const [sheet, commands] of bySheet) {
    try {
      await runChunks(context, chunkCommands(commands, budgetBytes));
    } catch (e) {
      failed ??= new PortError('office.rollbackFailed', { sheet, code: codeOf(e) });
    }
  }
  if (failed) throw failed;
}
