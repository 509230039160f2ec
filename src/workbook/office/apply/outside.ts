import { PortError } from '../../port';
import { loadUndo } from '../lazy';
import type { OfficeFeatures } from '../capabilities';
import { deleteVeryHidden } from '../undo/backups';
import type { UndoRecord, UndoStep } from '../undo';

/**
 * What an apply inside Excel's undo group (Excel.run({ mergeUndoGroup: true }), ExcelApi 1.20) must leave
 * to a run of its own: Excel refuses calls it cannot undo there with UndoNotSupported — Worksheet.delete,
 * Worksheet.copy, insertWorksheetsFromBase64, and on Windows and Mac renaming, moving and hiding sheets
 * (Microsoft Learn, "Undo capabilities in Excel add-ins", Unsupported APIs). Two such things can arise:
 *  - stale backups (an older Excel left them): found by the look before anything is written; they are
 *    deleted in a run of their own and the apply starts again. Deleting clears Excel's undo stack up to
 *    there (same page), so this goes before the apply, never after: the apply stays one undo step.
 *  - the rollback of a failed apply (it deletes the sheets the apply created, restores backups): done
 *    in a run of its own once the grouped run has ended, then `error` is thrown as inline.
 * applyPlan throws this from inside the grouped run; the port runs `finish` in an ungrouped one.
 */
export class OutsideUndoGroup extends Error {
  private constructor(
    readonly staleBackups: readonly string[],
    readonly rollback?: { readonly record: UndoRecord; readonly steps: readonly UndoStep[]; readonly error: PortError },
  ) {
    super('outside the undo group');
  }

  static staleBackups(names: readonly string[]): OutsideUndoGroup {
    return new OutsideUndoGroup(names);
  }

  static rollback(record: UndoRecord, steps: readonly UndoStep[], error: PortError): OutsideUndoGroup {
    return new OutsideUndoGroup([], { record, steps, error });
  }

  /** Delete the stale backups (1 sync), or roll back and throw the apply's error. */
  async finish(context: Excel.RequestContext, features: OfficeFeatures, settings: Office.Settings, budgetBytes: number): Promise<void> {
    if (this.rollback) {
      const { record, steps, error } = this.rollback;
      const { rollbackRecord } = await loadUndo().catch(() => {
        throw new PortError('office.rollbackFailed', { sheet: steps[0]?.sheet ?? '', code: 'ChunkLoadError' });
      });
      await rollbackRecord(context, features, settings, record, steps, budgetBytes);
      throw error;
    }
    for (const name of this.staleBackups) deleteVeryHidden(context.workbook.worksheets.getItem(name));
    await context.sync();
  }
}
