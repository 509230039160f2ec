import type { CellRef, WorkbookPlan } from '../core/plan/types';
import { PortError, type ApplyProgress, type ApplyResult, type HostCapabilities, type ReadOptions, type UndoOptions, type WorkbookPort } from '../workbook/port';
import type { WorkbookSnapshot } from '../core/snapshot';

export interface PageEvents {
  /** The workbook changed (also after a failed apply, which may have written part of its plan), by an apply or an undo. */
  changed(plan: WorkbookPlan, how: 'apply' | 'undo'): void;
  /** The pane chose a cell: the page shows its sheet and highlights it. */
  selected(ref: CellRef): void;
}

/**
 * The file port as the standalone page's pane sees it: reads and writes go to the .xlsx in memory;
 * select() and every change are also reported to the page, which owns the grid view.
 */
export class StandalonePort implements WorkbookPort {
  constructor(
    private readonly file: WorkbookPort,
    private readonly events: PageEvents,
  ) {}

  capabilities(): HostCapabilities {
    return this.file.capabilities();
  }

  read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    return this.file.read(options);
  }

  async apply(plan: WorkbookPlan, options?: { signal?: AbortSignal; onProgress?: (p: ApplyProgress) => void }): Promise<ApplyResult> {
    try {
      return await this.file.apply(plan, options);
    } finally {
      this.events.changed(plan, 'apply');
    }
  }

  canUndo(): boolean {
    return this.file.canUndo?.() ?? false;
  }

  // Forwarded so the pane can offer "撤销上次操作" here too; the grid is refreshed like after an apply.
  async undoLast(options?: UndoOptions): Promise<ApplyResult> {
    if (!this.file.undoLast) throw new PortError('error.unexpected');
    try {
      return await this.file.undoLast(options);
    } finally {
      this.events.changed({ ops: [] }, 'undo');
    }
  }

  async select(ref: CellRef): Promise<void> {
    await this.file.select(ref);
    this.events.selected(ref);
  }
}
