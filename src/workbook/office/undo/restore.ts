import { PortError } from '../../port';
import type { QueuedCommand } from '../batch';
import type { OfficeFeatures } from '../capabilities';
import { restorable } from '../capture';
import { blockAddress, cellAddress, jsonBytes, rowBytes } from '../cells';
import { officeErrorCode } from '../errors';
import { isNoFill, MARKS_SETTING_KEY, sameColor, saveSettings } from '../marks';
import { deleteVeryHidden } from './backups';
import type { AppendStep, CellsStep, MarksStep, SheetBefore, SheetStep, UndoRecord } from './record';
import type { RestoreState } from './state';

/**
 * The writes that put `s.steps` back, last step first. Undo has proved every cell holds what the apply
 * wrote; the rollback has not (a sync may have stopped half way), so it looks at notes as they are now
 * (`looks.notesNow`) and skips sheets and backups that are not there (`looks.present`).
 */
export function restoreCommands(s: RestoreState): QueuedCommand[] {
  const writes: QueuedCommand[] = [];
  for (const step of [...s.steps].reverse()) {
    if (step.kind === 'sheet') restoreSheet(s, step, writes);
    else if (!there(s, step.sheet)) continue;
    else if (step.kind === 'marks') restoreMarks(s, step, writes);
    else if (step.kind === 'append') restoreAppend(s, step, writes);
    else restoreCells(s, step, writes);
  }
  return writes;
}

function there(s: RestoreState, name: string): boolean {
  return !s.looks.present || s.looks.present.has(name.toLowerCase());
}

/** A created sheet is deleted; a replaced one gets back what it held: values in place, or its backup. */
function restoreSheet(s: RestoreState, step: SheetStep, writes: QueuedCommand[]): void {
  const { sheet, before } = step;
  const get = s.ws(sheet);
  const { looks } = s;
  if (before === undefined) return;
  if (before === null) {
    if (!there(s, sheet)) return;
    writes.push({ sheet, requestBytes: 40, queue: () => get().delete() });
    s.written.push({ sheet, what: 'replaced', rows: 0 });
    return;
  }
  if (before.kind === 'values') {
    writes.push(...valuesRestoreCommands(get, sheet, s.features, before, looks.tables.get(sheet)?.items ?? [], looks.charts.get(sheet)?.items ?? [], s.budgetBytes));
    s.written.push({ sheet, what: 'replaced', rows: before.rows });
    return;
  }
  // A backup that is not there: the copy never ran, so neither did the clearing after it.
  if (!looks.backupTables.has(before.backup)) return;
  const backup = s.ws(before.backup);
  if (s.prepared.swap.has(step)) {
    const copiedTables = looks.backupTables.get(before.backup)?.items ?? [];
    writes.push({
      sheet,
      requestBytes: 200 + jsonBytes(before.tables.join(',')),
      queue: () => {
        const b = backup();
        // Visible first: deleting the sheet must never leave the workbook without a visible one.
        b.visibility = before.visibility;
        // The replaced sheet keeps the visibility it had: a very hidden one must be unhidden to go.
        if (before.visibility === 'VeryHidden') deleteVeryHidden(get());
        else get().delete();
        b.name = sheet;
        b.position = before.position;
        copiedTables.forEach((t, i) => {
          if (i < before.tables.length) t.name = before.tables[i];
        });
      },
    });
    s.written.push({ sheet, what: 'replaced', rows: looks.backupUsed.get(before.backup)?.rowCount ?? 0 });
    return;
  }
  const inPlace = s.prepared.inPlace.get(step);
  if (!inPlace) return;
  writes.push(...valuesRestoreCommands(get, sheet, s.features, inPlace, looks.tables.get(sheet)?.items ?? [], looks.charts.get(sheet)?.items ?? [], s.budgetBytes));
  writes.push({ sheet, requestBytes: 60, queue: () => deleteVeryHidden(backup()) });
  s.written.push({ sheet, what: 'replaced', rows: inPlace.rows });
}

/** Fills and notes as they were before the plan, where they are not so already. */
function restoreMarks(s: RestoreState, step: MarksStep, writes: QueuedCommand[]): void {
  const { sheet } = step;
  const get = s.ws(sheet);
  for (const f of step.fills.values()) {
    const now = s.looks.fillsNow.get(`${sheet}\u0000${cellAddress(f.row, f.col)}`)?.color;
    if (now !== undefined && (isNoFill(f.before) ? isNoFill(now) : sameColor(now, f.before))) continue;
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
  if (s.features.notes) {
    for (const n of step.notes.values()) {
      const address = cellAddress(n.row, n.col);
      const now = s.looks.present ? s.looks.notesNow.get(`${sheet}\u0000${address}`) : undefined;
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
  s.written.push({ sheet, what: 'unmarked', rows: new Set([...step.fills.values()].map((f) => f.row)).size });
}

/** Appended rows emptied; their date cells get back the number format they had. */
function restoreAppend(s: RestoreState, step: AppendStep, writes: QueuedCommand[]): void {
  const { sheet } = step;
  const get = s.ws(sheet);
  const empty = Array.from({ length: step.rows.length }, () => new Array<unknown>(step.width).fill(''));
  writes.push(...gridWriteCommands(get, step.firstRow, 0, empty, s.budgetBytes, 'formulas').map((c) => ({ ...c, sheet })));
  // Date cells got the date format with their serial: give them back the format they had. On
  // ExcelApi 1.1 any formatted cell counts as used, so a cell that had none is cleared outright
  // (appends there land below every formatted cell, so it held no other format to lose) and the
  // next append goes where this one was.
  for (const f of step.formatsBefore ?? []) {
    const clear = !s.features.usedRangeValuesOnly && f.format === 'General';
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
  s.written.push({ sheet, what: 'cells', rows: step.rows.length });
}

/** Single cells back to what they held (formula and number format), last written first. */
function restoreCells(s: RestoreState, step: CellsStep, writes: QueuedCommand[]): void {
  const { sheet } = step;
  const get = s.ws(sheet);
  for (const c of [...step.cells].reverse()) {
    const b = c.before;
    if (!b) continue;
    const now = s.looks.cellsNow.get(`${sheet}\u0000${cellAddress(c.row, c.col)}`);
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
  s.written.push({ sheet, what: 'cells', rows: step.cells.length });
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

/** The record of marks goes back first, as apply saves it first: clearing later then matches the cells. */
export async function restoreMarksSetting(settings: Office.Settings, record: UndoRecord): Promise<void> {
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
