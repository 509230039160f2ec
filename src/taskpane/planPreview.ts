import { t, type Lang } from '../core/i18n';
import type { PlanOp, WorkbookPlan } from '../core/plan/types';
import type { WorkbookSnapshot } from '../core/snapshot';

/** One line of "what will change", shown before anything is written (issue 7: preview before write). */
export interface PreviewLine {
  readonly kind: 'create' | 'replace' | 'append' | 'cells' | 'mark' | 'unmark' | 'keep';
  readonly sheet: string;
  readonly count: number;
  readonly text: string;
}

/**
 * Describe a plan against the workbook as it is now: which sheets are created or replaced and with how
 * many rows, how many cells are set or marked. Pure: the same plan and snapshot give the same lines.
 */
export function describePlan(plan: WorkbookPlan, workbook: WorkbookSnapshot, lang: Lang): PreviewLine[] {
  const exists = new Set(workbook.sheets.map((s) => s.name));
  return plan.ops.map((op) => describeOp(op, exists, lang));
}

function describeOp(op: PlanOp, exists: ReadonlySet<string>, lang: Lang): PreviewLine {
  const line = (kind: PreviewLine['kind'], count: number): PreviewLine => ({
    kind,
    sheet: op.sheet,
    count,
    text: t(lang, `ui.preview.${kind}`, { sheet: op.sheet, count }),
  });
  switch (op.kind) {
    case 'replaceSheet':
      return line(exists.has(op.sheet) ? 'replace' : 'create', op.content.rows.length);
    case 'createSheetIfMissing':
      return line(exists.has(op.sheet) ? 'keep' : 'create', op.content.rows.length);
    case 'appendRows':
      return line('append', op.rows.length);
    case 'setCells':
      return line('cells', op.cells.length);
    case 'markCells':
      return line('mark', op.marks.length);
    case 'clearMarks':
      return line('unmark', 0);
  }
}

/** Plans arrive from the core as one op, a list or a WorkbookPlan; the pane applies a WorkbookPlan. */
export function asPlan(...parts: (PlanOp | readonly PlanOp[] | WorkbookPlan | null | undefined)[]): WorkbookPlan {
  const ops: PlanOp[] = [];
  for (const p of parts) {
    if (!p) continue;
    if (Array.isArray(p)) ops.push(...(p as readonly PlanOp[]));
    else if ('ops' in (p as object)) ops.push(...(p as WorkbookPlan).ops);
    else ops.push(p as PlanOp);
  }
  return { ops };
}
