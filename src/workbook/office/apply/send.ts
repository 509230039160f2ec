import { PortError } from '../../port';
import { loadUndo } from '../lazy';
import { runChunks, type QueuedCommand } from '../batch';
import { captureSheetsBefore } from '../capture';
import { officeErrorCode, toPortError } from '../errors';
import { MARKS_SETTING_KEY, saveSettings } from '../marks';
import type { SheetStep, UndoStep } from '../undo';
import { OutsideUndoGroup } from './outside';
import { AppendConflict } from './rows';
import { sheetOf, undoRecordOf, type ApplyState } from './state';

/**
 * Step 3, keep what has no backup copy: read what the replaced sheets hold now (+2 syncs) — for undo
 * below ExcelApi 1.20, and at 1.20 when a failure could leave earlier write syncs behind (more than one
 * sync or more than one sheet). Returns whether everything this apply changes can be put back.
 */
export async function keepBefore(s: ApplyState, chunks: readonly (readonly QueuedCommand[])[]): Promise<boolean> {
  const sheetsWritten = new Set(s.written.map((w) => w.sheet.toLowerCase()));
  const keepValues = !s.env.features.undoGroup || chunks.length > 1 || sheetsWritten.size > 1;
  const unkept = s.steps.filter((st): st is SheetStep => st.kind === 'sheet' && st.before === undefined);
  if (keepValues && unkept.length > 0) {
    const captured = await captureSheetsBefore(
      s.env.context,
      unkept.map((st) => ({ name: st.sheet, ws: sheetOf(s, st.sheet), tables: s.tablesBySheet.get(st.sheet.toLowerCase()) ?? [] })),
      s.env.budgetBytes,
    );
    for (const st of unkept) st.before = captured.get(st.sheet);
  }
  return s.steps.every((st) => st.kind !== 'sheet' || st.before !== undefined);
}

/** The record of marks goes first: if a write fails later, clearing still only touches cells that carry our fill. */
export async function saveMarks(s: ApplyState): Promise<void> {
  if (!s.marksChanged) return;
  s.env.settings.set(MARKS_SETTING_KEY, s.marks);
  try {
    await saveSettings(s.env.settings);
  } catch (e) {
    throw new PortError('office.settingsFailed', { code: errorCode(e) });
  }
}

/**
 * Step 4, write in sized syncs (the signal is checked between two only when what was written can be
 * put back), then delete the charts the replaced sheets had. On failure, put back what was reached.
 */
export async function send(s: ApplyState, chunks: readonly (readonly QueuedCommand[])[], rollbackable: boolean): Promise<void> {
  const { env } = s;
  let sent = 0;
  try {
    await runChunks(env.context, chunks, (done, total) => env.onProgress?.({ done, total }), {
      signal: rollbackable ? env.signal : undefined,
      onSend: (n) => (sent = n),
    });
    // The charts a replaced sheet had go with its old content; without this a rerun would stack them.
    // Loaded in the write batch, before the new charts were added: one more sync only when there were some.
    if (s.oldCharts.length > 0) {
      sent = s.commands.length;
      for (const c of s.oldCharts) c.delete();
      await env.context.sync();
    }
  } catch (e) {
    return rollBack(s, e, sent, rollbackable);
  }
}

/**
 * A write sync failed (or the signal fired) after `sent` commands: put back the steps they reached and
 * say so ('office.rolledBack', 'office.conflictRolledBack', 'error.cancelled' with rolledBack: 1). An
 * append that met a colleague's cells puts theirs back first, and its rows are not rolled back.
 */
async function rollBack(s: ApplyState, e: unknown, sent: number, rollbackable: boolean): Promise<never> {
  let skip: UndoStep | undefined;
  if (e instanceof AppendConflict) {
    // Put the colleague's cells back exactly (formulas as formulas, constants as typed), then stop.
    e.area.formulas = e.before;
    await s.env.context.sync();
    // Those rows are theirs now: the rollback must not clear them.
    skip = s.steps.find((st) => st.kind === 'append' && st.sheet.toLowerCase() === e.sheet.toLowerCase() && st.firstRow === e.firstRow);
    if (!rollbackable) throw new PortError('office.conflictRestored', { sheet: e.sheet });
  }
  // Excel refusing the undo group is reported as it is (the port then keeps its own undo).
  if (!rollbackable || (!(e instanceof AppendConflict) && officeErrorCode(e) === 'UndoNotSupported')) throw e;
  const reached = s.steps.filter((st) => st !== skip && (s.stepStart.get(st) ?? 0) < sent);
  const error = rolledBackError(e);
  if (reached.length === 0 && !s.marksChanged) throw error;
  // Inside Excel's undo group the rollback (it may delete sheets) waits for a run of its own.
  if (s.env.inUndoGroup) throw OutsideUndoGroup.rollback(undoRecordOf(s), reached, error);
  const { context, features, settings, budgetBytes } = s.env;
  // The restore code is loaded now (lazy.ts); if even that fails, say the workbook may be half written.
  const { rollbackRecord } = await loadUndo().catch(() => {
    throw new PortError('office.rollbackFailed', { sheet: reached[0]?.sheet ?? '', code: 'ChunkLoadError' });
  });
  await rollbackRecord(context, features, settings, undoRecordOf(s), reached, budgetBytes);
  throw error;
}

/** What a rolled-back apply reports: the conflict, the cancel, or the cause of the failed sync. */
function rolledBackError(e: unknown): PortError {
  if (e instanceof AppendConflict) return new PortError('office.conflictRolledBack', { sheet: e.sheet });
  const cause = toPortError(e);
  if (cause.key === 'error.cancelled') return new PortError('error.cancelled', { rolledBack: 1 });
  return new PortError('office.rolledBack', { ...cause.params, code: String(cause.params.code ?? 'Unknown'), cause: cause.key });
}

function errorCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'Unknown';
}
