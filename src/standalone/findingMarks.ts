import { cellKey } from '../core/cellKey';
import type { CellMark, PlanOp, WorkbookPlan } from '../core/plan/types';
import type { SheetLook } from '../workbook/file';

/**
 * The last check's findings drawn on the read-only sheet view as the add-in's marks would look (the fill
 * and the note 生成校验结果 writes), without writing anything: the file is unchanged, nothing is unsaved.
 */
export function withFindingMarks(look: SheetLook, sheet: string, marks: readonly CellMark[]): SheetLook {
  const own = marks.filter((m) => m.sheet === sheet);
  if (own.length === 0) return look;
  const fills = new Map(look.fills);
  const notes = new Map(look.notes);
  for (const m of own) {
    const key = cellKey(m.row, m.col);
    fills.set(key, m.fill);
    const before = notes.get(key);
    // A cell the file already marked (a check written earlier) keeps its note once, not twice.
    notes.set(key, before === undefined || before === '' ? m.note : before.includes(m.note) ? before : `${before}\n${m.note}`);
  }
  return { ...look, fills, notes };
}

/** The marks drawn from a check give way once the workbook's own marks are written or cleared (or a write is undone). */
export function endsFindingMarks(plan: WorkbookPlan, how: 'apply' | 'undo'): boolean {
  return how === 'undo' || plan.ops.some((op: PlanOp) => op.kind === 'markCells' || op.kind === 'clearMarks');
}

/** The marks of a plan's markCells ops (the check's markOps), one list for every sheet. */
export function marksOf(ops: readonly PlanOp[]): CellMark[] {
  return ops.flatMap((op) => (op.kind === 'markCells' ? op.marks : []));
}
