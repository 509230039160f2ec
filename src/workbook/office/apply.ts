import type { WorkbookPlan } from '../../core/plan/types';
import { PortError, type ApplyResult } from '../port';
import { chunkCommands } from './batch';
import type { UndoRecord } from './undo';
import { look, refuseProtected } from './apply/look';
import { OutsideUndoGroup } from './apply/outside';
import { planCommands } from './apply/plan';
import { keepBefore, saveMarks, send } from './apply/send';
import { newState, undoRecordOf, type ApplyEnv } from './apply/state';

export type { ApplyEnv } from './apply/state';
export { OutsideUndoGroup } from './apply/outside';
export { contentWidth } from './apply/rows';
export { VALIDATION_ROWS, widthInPoints } from './apply/content';

/**
 * Applying a plan: one Excel.run, in these steps (each a function in ./apply/, sharing one ApplyState).
 *   1. look (apply/look.ts, 1 sync): the sheet list with each sheet's protection (ExcelApi 1.2), the
 *      workbook's tables and, when the plan appends, marks or sets cells, the used ranges, current
 *      fills, notes and cell contents it will overwrite. More syncs only when a sheet the plan looks at
 *      is missing (the list is read first, +1) or hundreds of thousands of cells are marked (looks are
 *      split by size like writes). refuseProtected then stops at a protected sheet.
 *   2. planCommands (apply/plan.ts, no sync): every change as a list of commands with measured sizes,
 *      one writer per kind of operation (content of a generated sheet: apply/content.ts, rows and
 *      cells: apply/rows.ts), each with the undo step that puts it back.
 *   3. keepBefore (apply/send.ts): what keeping a replaced sheet costs —
 *    - ExcelApi 1.7 to 1.19: nothing — the sheet is copied to a very hidden backup in the write batch.
 *    - below 1.7, or when the workbook's structure is protected: +2 (its used range and tables, then its
 *      contents, split by size) for undo.
 *    - ExcelApi 1.20 (Excel's own undo): the same +2, but only when the plan writes in more than one
 *      sync or to more than one sheet — only then can a failure leave earlier syncs written.
 *   4. send (apply/send.ts, W syncs): the commands split into syncs that each stay under the budget —
 *      values first, formats after. W = 1 for a usual plan; a 100,000-row sheet with a link on every
 *      row is about ten (≈30 MB at 4 MB a sync).
 *   So apply = 1 + W syncs, plus step 3.
 * Nothing is written before step 4, so a protected sheet, a conflict or a missing sheet found while
 * looking leaves the workbook as it was. When a write sync fails after others succeeded, or the
 * AbortSignal fires between two write syncs (it is checked before each one), what this apply wrote is
 * put back from the record kept for undo (send.ts: rollBack, undo.ts: rollbackRecord) and the error
 * says so ('office.rolledBack', 'office.conflictRolledBack', or 'error.cancelled' with rolledBack: 1);
 * 'office.rollbackFailed' when not everything could be put back. Inside Excel's undo group (ExcelApi
 * 1.20) nothing Excel cannot undo is done: stale backups and the rollback go to a run of their own
 * (apply/outside.ts).
 */
export async function applyPlan(env: ApplyEnv, plan: WorkbookPlan): Promise<AppliedPlan> {
  checkSheetNames(plan);
  const s = newState(env, plan);
  await look(s);
  refuseProtected(s);
  // Nothing is written yet: the port deletes them outside the undo group and starts again.
  if (env.inUndoGroup && !env.leaveStaleBackups && s.staleBackups.length > 0) throw OutsideUndoGroup.staleBackups(s.staleBackups);
  planCommands(s);
  const chunks = chunkCommands(s.commands, env.budgetBytes);
  const rollbackable = await keepBefore(s, chunks);
  if (env.signal?.aborted) throw new PortError('error.cancelled');
  await saveMarks(s);
  await send(s, chunks, rollbackable);
  return { result: { written: s.written, degraded: [...s.degraded] }, undo: env.captureUndo ? undoRecordOf(s) : undefined };
}

/** The result, and the undo record when the env asked for one and the plan can be undone. */
export interface AppliedPlan {
  readonly result: ApplyResult;
  readonly undo?: UndoRecord;
}

/** Every sheet the plan names must be one Excel accepts; checked before anything is looked at. */
function checkSheetNames(plan: WorkbookPlan): void {
  for (const op of plan.ops) {
    if (!isValidSheetName(op.sheet)) throw new PortError('office.badSheetName', { sheetName: op.sheet });
  }
}

/** Excel's rules for sheet names: 1–31 characters, none of \\ / ? * [ ] :, no apostrophe at either end, not History. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';
}
