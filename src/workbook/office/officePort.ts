import type { WorkbookPlan, CellRef } from '../../core/plan/types';
import type { ApplyOptions, ApplyResult, HostCapabilities, ReadOptions, WorkbookPort, UndoOptions } from '../port';
import { PortError } from '../port';
import { insertPlanSheetsLazily, loadApply, undoRecordLazily } from './lazy';
import type { AppliedPlan } from './apply';
import { OutsideUndoGroup } from './apply/outside';
import { DEFAULT_SYNC_BUDGET_BYTES } from './batch';
import { detectFeatures, toHostCapabilities, type OfficeFeatures } from './capabilities';
import { cellAddress } from './cells';
import { officeErrorCode, toPortError } from './errors';
import { toBase64 } from './base64';
import { readWorkbook } from './read';
import type { UndoRecord } from './undo';

export interface OfficePortOptions {
  /** Bytes one sync may carry each way; Excel on the web refuses more than 5 MB. */
  readonly budgetBytes?: number;
  /** Cells one read sync may load; Excel on the web may return null past 5,000,000. */
  readonly maxReadCells?: number;
}

/** Cells per read sync by default: well under the 5,000,000 where reads start returning null. */
export const DEFAULT_MAX_READ_CELLS = 1_000_000;

/**
 * The WorkbookPort over Office.js. The globals are passed in, so tests hand it a double and nothing
 * else in the add-in names Excel or Office.
 */
export function createOfficePort(excel: typeof Excel, office: typeof Office, options: OfficePortOptions = {}): WorkbookPort {
  const budgetBytes = options.budgetBytes ?? DEFAULT_SYNC_BUDGET_BYTES;
  const maxReadCells = options.maxReadCells ?? DEFAULT_MAX_READ_CELLS;
  let features: OfficeFeatures | undefined;
  // Excel refuses an undo group containing a call it cannot undo (UndoNotSupported). After one such
  // refusal this session runs without groups and keeps its own undo instead.
  const feats = () => (features ??= detectFeatures(office));
  // One level of undo below ExcelApi 1.20: what the last apply overwrote. In memory only (children's data).
  let lastUndo: UndoRecord | undefined;

  /**
   * One Excel.run; since ExcelApi 1.20 all its syncs are one step on Excel's undo stack, unless
   * `undoGroup` is false: reads, the port's own undo and inserting sheets run ungrouped, as does what an
   * apply hands back as OutsideUndoGroup (Excel refuses what it cannot undo inside a group).
   */
  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>, errorParams: Record<string, string | number> = {}, undoGroup = true): Promise<T> {
    const f = feats();
    const runOptions: Excel.RunOptions = {};
    if (f.undoGroup && undoGroup) runOptions.mergeUndoGroup = true;
    // Wait for the teacher to leave cell edit instead of failing (every host; see capabilities.ts).
    if (f.delayForCellEdit) runOptions.delayForCellEdit = true;
    try {
      return Object.keys(runOptions).length > 0 ? await excel.run(runOptions, batch) : await excel.run(batch);
    } catch (e) {
      // Rejecting the batch ends the run without sending what is still queued; the caller takes it from here.
      if (e instanceof OutsideUndoGroup) throw e;
      if (f.undoGroup && officeErrorCode(e) === 'UndoNotSupported') {
        features = { ...f, undoGroup: false };
        throw new PortError('office.undoGroupRefused', { ...errorParams, code: 'UndoNotSupported' });
      }
      throw toPortError(e, errorParams);
    }
  }

  return {
    capabilities(): HostCapabilities {
      return toHostCapabilities(feats());
    },

    read(readOptions: ReadOptions = {}) {
      // Outside Excel's undo group: a read changes nothing to undo, and some reads Excel cannot group
      // (office-js #5918: getMergedAreasOrNullObject clears the undo stack).
      return run((context) => readWorkbook(context, feats(), readOptions, { budgetBytes, maxReadCells }), {}, false);
    },

    async apply(plan: WorkbookPlan, applyOptions: ApplyOptions = {}): Promise<ApplyResult> {
      if (applyOptions.signal?.aborted) throw new PortError('error.cancelled');
      const f = feats();
      // A new change makes the kept one stale: undoing it later could undo someone's work in between.
      lastUndo = undefined;
      const prebuilt = applyOptions.prebuilt;
      if (prebuilt && f.insertWorksheets) {
        // Outside Excel's undo group (see insert.ts); the port keeps its own undo for it instead.
        const inserted = await run((context) => insertPlanSheetsLazily({ context, features: f, budgetBytes, signal: applyOptions.signal }, plan, prebuilt), {}, false);
        if (inserted) {
          lastUndo = inserted.undo;
          return { ...inserted.result, undo: 'port' };
        }
      }
      // The writer is loaded before Excel.run opens, not inside it; if it cannot load nothing was written.
      const { applyPlan } = await loadApply();
      const finish = (e: OutsideUndoGroup) => run((context) => e.finish(context, f, office.context.document.settings, budgetBytes), {}, false);
      const applied = await applyOutsideFirst(
        run,
        finish,
        (leaveStaleBackups) => (context) =>
          applyPlan(
            {
              context,
              features: f,
              settings: office.context.document.settings,
              budgetBytes,
              signal: applyOptions.signal,
              onProgress: applyOptions.onProgress,
              captureUndo: !f.undoGroup,
              inUndoGroup: f.undoGroup,
              leaveStaleBackups,
            },
            plan,
          ),
      );
      lastUndo = applied.undo;
      return { ...applied.result, undo: f.undoGroup ? 'host' : applied.undo ? 'port' : 'none' };
    },

    canUndo() {
      return lastUndo !== undefined;
    },

    async undoLast(undoOptions: UndoOptions = {}): Promise<ApplyResult> {
      const record = lastUndo;
      if (!record) throw new PortError('office.nothingToUndo');
      if (undoOptions.signal?.aborted) throw new PortError('error.cancelled');
      // Outside Excel's undo group: the port's own undo deletes and renames sheets, which Excel cannot group.
      const result = await run((context) => undoRecordLazily(context, feats(), office.context.document.settings, record, budgetBytes, undoOptions.signal), {}, false);
      lastUndo = undefined;
      return result;
    },

    async openNewWorkbook(file: Uint8Array): Promise<void> {
      if (!feats().createWorkbook) throw new PortError('office.unsupported', { code: 'ApiNotFound' });
      try {
        // Outside Excel.run: it opens another workbook and changes nothing in this one.
        await excel.createWorkbook(toBase64(file));
      } catch (e) {
        throw toPortError(e);
      }
    },

    async select(ref: CellRef) {
      try {
        await run(async (context) => {
          const ws = context.workbook.worksheets.getItem(ref.sheet);
          ws.activate();
          ws.getRange(cellAddress(ref.row, ref.col)).select();
          await context.sync();
        });
      } catch (e) {
        const code = e instanceof PortError ? e.params.code : officeErrorCode(e);
        if (code === 'ItemNotFound') throw new PortError('office.sheetMissing', { sheet: ref.sheet });
        throw e;
      }
    },
  };
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Apply in Excel's undo group; what Excel cannot undo there (apply/outside.ts) is `finish`ed in an
 * ungrouped run: stale backups are deleted and the apply starts again (once; then they are left), or
 * the rollback runs and the apply's error is thrown.
 */
async function applyOutsideFirst(
  run: Run,
  finish: (e: OutsideUndoGroup) => Promise<void>,
  batch: (leaveStaleBackups: boolean) => (context: Excel.RequestContext) => Promise<AppliedPlan>,
): Promise<AppliedPlan> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(batch(attempt > 0));
    } catch (e) {
      if (!(e instanceof OutsideUndoGroup)) throw e;
      await finish(e);
    }
  }
}
