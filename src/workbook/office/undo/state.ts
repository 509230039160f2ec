import type { ApplyResult } from '../../port';
import type { OfficeFeatures } from '../capabilities';
import type { SheetBefore, SheetStep, UndoRecord, UndoStep } from './record';

/** A worksheet proxy by name, made once per name, handed out lazily (queued only when a command runs). */
export type SheetOf = (name: string) => () => Excel.Worksheet;

/** What restoring needs to know about the workbook now, loaded before anything is written. */
export interface RestoreLooks {
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

/** For each replaced sheet kept as a backup: swapped in whole, or restored in place (see undo.ts). */
export interface Prepared {
  /** Backup steps whose backup is swapped in whole. */
  readonly swap: Set<SheetStep>;
  /** Backup steps restored in place from what the backup holds (read just now). */
  readonly inPlace: Map<SheetStep, SheetBefore>;
}

/** What undo and the rollback share, step by step: the host, the record, what was looked at and decided. */
export interface RestoreState {
  readonly context: Excel.RequestContext;
  readonly features: OfficeFeatures;
  readonly settings: Office.Settings;
  readonly record: UndoRecord;
  /** The steps to put back: all of the record's for undo, those the writes reached for the rollback. */
  readonly steps: readonly UndoStep[];
  readonly budgetBytes: number;
  readonly ws: SheetOf;
  readonly looks: RestoreLooks;
  prepared: Prepared;
  /** What was put back, for the result. */
  readonly written: ApplyResult['written'][number][];
}

export function newRestoreState(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  settings: Office.Settings,
  record: UndoRecord,
  steps: readonly UndoStep[],
  budgetBytes: number,
  present?: Set<string>,
): RestoreState {
  return {
    context,
    features,
    settings,
    record,
    steps,
    budgetBytes,
    ws: sheetProxies(context),
    looks: { tables: new Map(), charts: new Map(), backupTables: new Map(), backupUsed: new Map(), present, notesNow: new Map(), fillsNow: new Map(), cellsNow: new Map() },
    prepared: { swap: new Set(), inPlace: new Map() },
    written: [],
  };
}

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
