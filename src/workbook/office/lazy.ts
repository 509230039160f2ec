/**
 * The Office port's parts a first check does not need — the writer (apply), undo, the rollback after a failed
 * write, the roll-up insert — loaded when used and prefetched once the pane is idle, so the Excel pane's first load stays small
 * (bench/README #3) and a rollback seldom waits on the network.
 */
export const loadApply = () => import(/* webpackChunkName: "office-apply", webpackPrefetch: true */ './apply');
export const loadUndo = () => import(/* webpackChunkName: "office-undo", webpackPrefetch: true */ './undo');
export const loadInsert = () => import(/* webpackChunkName: "office-insert", webpackPrefetch: true */ './insert');

/** undoRecord (undo.ts), loaded when used. */
export async function undoRecordLazily(...args: Parameters<Awaited<ReturnType<typeof loadUndo>>['undoRecord']>) {
  return (await loadUndo()).undoRecord(...args);
}

/** insertPlanSheets (insert.ts), loaded when used. */
export async function insertPlanSheetsLazily(...args: Parameters<Awaited<ReturnType<typeof loadInsert>>['insertPlanSheets']>) {
  return (await loadInsert()).insertPlanSheets(...args);
}
