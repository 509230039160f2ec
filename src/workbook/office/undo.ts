import { PortError, type ApplyResult } from '../port';
import { chunkCommands, runChunks, type QueuedCommand } from './batch';
import type { OfficeFeatures } from './capabilities';
import { officeErrorCode } from './errors';
import { undoConflict, undoLooks } from './undo/compare';
import { prepareBackups, queueRollbackLooks } from './undo/prepare';
import type { UndoRecord, UndoStep } from './undo/record';
import { restoreCommands, restoreMarksSetting } from './undo/restore';
import { newRestoreState, type RestoreState } from './undo/state';

export { tableAddress } from './capture';
export { BACKUP_PREFIX, expectedValue } from './undo/record';
export type { AppendStep, CellsStep, MarksStep, SheetBackup, SheetBefore, SheetStep, UndoRecord, UndoStep } from './undo/record';

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
 *    next apply (found by prefix, also those a closed pane left behind), each made Hidden first: Excel
 *    refuses to delete a very hidden sheet (undo/backups.ts).
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
 *
 * The steps, each in ./undo/, sharing one RestoreState: undo looks and compares (undo/compare.ts), the
 * rollback looks at what is there now (undo/prepare.ts: queueRollbackLooks); both then decide swap or
 * in place for each backup (prepareBackups), put the record of marks back (undo/restore.ts:
 * restoreMarksSetting) and write (restoreCommands, one function per kind of step). The record itself:
 * undo/record.ts.
 */

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
  const s = newRestoreState(context, features, settings, record, record.steps, budgetBytes);
  await lookBeforeUndo(s);
  await prepareBackups(s);
  if (signal?.aborted) throw new PortError('error.cancelled');
  const writes = restoreCommands(s);
  await restoreMarksSetting(settings, record);
  await runChunks(context, chunkCommands(writes, budgetBytes));
  return { written: s.written, degraded: s.prepared.inPlace.size > 0 ? ['office.undoInPlace'] : [], undo: 'none' };
}

/** Undo's look; a sheet (or a backup) renamed or deleted since is someone else's change: name it. */
async function lookBeforeUndo(s: RestoreState): Promise<void> {
  const { context, record } = s;
  try {
    await runChunks(context, chunkCommands(undoLooks(s), s.budgetBytes));
  } catch (e) {
    if (officeErrorCode(e) !== 'ItemNotFound') throw e;
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
    const gone =
      record.steps.find((st) => !present.has(st.sheet.toLowerCase()) || (st.kind === 'sheet' && st.before?.kind === 'backup' && !present.has(st.before.backup.toLowerCase()))) ??
      record.steps[0];
    undoConflict(gone.sheet);
  }
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
  let writes: QueuedCommand[];
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
    const s = newRestoreState(context, features, settings, record, steps, budgetBytes, present);
    queueRollbackLooks(s);
    await context.sync();
    await prepareBackups(s);
    writes = restoreCommands(s);
    await restoreMarksSetting(settings, record);
  } catch (e) {
    throw new PortError('office.rollbackFailed', { sheet: steps[0]?.sheet ?? '', code: codeOf(e) });
  }
  await writeSheetBySheet(context, writes, budgetBytes);
}

/** The rollback's writes, one sheet's at a time: a sheet that refuses does not keep the others back. */
async function writeSheetBySheet(context: Excel.RequestContext, writes: readonly QueuedCommand[], budgetBytes: number): Promise<void> {
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

function codeOf(e: unknown): string {
  return e instanceof PortError ? String(e.params.code ?? e.key) : (officeErrorCode(e) ?? 'Unknown');
}
