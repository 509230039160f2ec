import type { SheetContent, WorkbookPlan } from '../../core/plan/types';
import { PortError, type ApplyResult } from '../port';
import { contentWidth, type AppliedPlan } from './apply';
import { toBase64 } from './base64';
import { runChunks } from './batch';
import type { OfficeFeatures } from './capabilities';
import { chartCommands } from './charts';
import { officeErrorCode } from './errors';
import type { SheetStep } from './undo';

/**
 * Whole sheets inserted from a prebuilt .xlsx (ExcelApi 1.13, Workbook.insertWorksheetsFromBase64): the
 * roll-up's sheets, built by the file port from the same plan, arrive in one request with their tables,
 * number formats and widths, instead of being written cell by cell.
 *
 * Where the requirement set is reported but the insert fails all the same (Excel on iPad does not have
 * it; a policy may refuse files), whatever arrived is removed and the plan is written instead.
 *
 * Only for plans that add sheets the workbook does not have yet. A sheet already there is replaced in
 * place by applyPlan instead: deleting it to insert a new one would turn every formula elsewhere that
 * points at it into #REF!. Nor when the file would not fit one request (Excel on the web: 5 MB). In both
 * cases insertPlanSheets returns null and the caller writes the plan as usual.
 *
 * Excel on the web refuses the whole file when its sheets hold a chart (or a comment, PivotTable or
 * slicer): insertWorksheetsFromBase64 returns UnsupportedFeature (Learn, "Work with workbooks":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks). The prebuilt file holds
 * the plan's charts, so there a plan with charts is written instead (null), without sending the file.
 * Where an inserted sheet has fewer charts than the plan asks for (a host that left them out), the plan's
 * charts are added, as applyPlan would draw them.
 *
 * Syncs: 1 look (the sheet list) + 1 insert + 1 check of the charts (+1 when charts are added).
 * Undo is the port's own (SheetSteps that created their sheet): Excel's undo group is not asked for,
 * because whether Excel can group an insert from a file is not documented, and a refused group would
 * stop the operation half done.
 */

export interface InsertEnv {
  readonly context: Excel.RequestContext;
  readonly features: OfficeFeatures;
  readonly budgetBytes: number;
  readonly signal?: AbortSignal;
}

/** Room in one request for the envelope around the base64 text (method, options, sheet names). */
const ENVELOPE_BYTES = 4_000;

/** The plan's sheets in plan order, when the plan only adds sheets; null when it does anything else. */
function addedSheets(plan: WorkbookPlan): { sheet: string; content: SheetContent; activate: boolean }[] | null {
  const out: { sheet: string; content: SheetContent; activate: boolean }[] = [];
  const seen = new Set<string>();
  for (const op of plan.ops) {
    if (op.kind !== 'replaceSheet' && op.kind !== 'createSheetIfMissing') return null;
    const key = op.sheet.toLowerCase();
    if (seen.has(key)) return null;
    seen.add(key);
    out.push({ sheet: op.sheet, content: op.content, activate: op.kind === 'replaceSheet' && !!op.activate });
  }
  return out.length > 0 ? out : null;
}

/** Delete those of `names` that are in the workbook (sheets this insert added: new, nobody's work yet); returns the ones that were not. */
async function removeArrived(context: Excel.RequestContext, names: readonly string[]): Promise<string[]> {
  const list = context.workbook.worksheets;
  list.load('items/name');
  await context.sync();
  const present = new Map(list.items.map((ws) => [ws.name.toLowerCase(), ws] as const));
  const arrived = names.filter((name) => present.has(name.toLowerCase()));
  for (const name of arrived) present.get(name.toLowerCase())!.delete();
  if (arrived.length > 0) await context.sync();
  return names.filter((name) => !present.has(name.toLowerCase()));
}

/** Half a roll-up is worse than none: delete the sheets that did arrive, then say which is missing. */
async function takeOutHalfInsert(context: Excel.RequestContext, names: readonly string[]): Promise<never> {
  const missing = await removeArrived(context, names);
  throw new PortError('office.insertIncomplete', { sheet: missing[0] ?? names[0] });
}

export async function insertPlanSheets(env: InsertEnv, plan: WorkbookPlan, file: Uint8Array): Promise<AppliedPlan | null> {
  const { context, features } = env;
  if (!features.insertWorksheets) return null;
  const sheets = addedSheets(plan);
  if (!sheets) return null;
  if (features.insertRefusesCharts && sheets.some((s) => s.content.charts?.length)) return null;
  const base64 = toBase64(file);
  if (base64.length + ENVELOPE_BYTES > env.budgetBytes) return null;

  const list = context.workbook.worksheets;
  list.load('items/name');
  await context.sync();
  const present = new Set(list.items.map((ws) => ws.name.toLowerCase()));
  if (sheets.some((s) => present.has(s.sheet.toLowerCase()))) return null;
  if (env.signal?.aborted) throw new PortError('error.cancelled');

  context.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: sheets.map((s) => s.sheet), positionType: 'End' });
  try {
    await context.sync();
  } catch {
    // The requirement set is there but this Excel cannot insert (iPad, an extension-hardening policy, a
    // file it refuses): take out anything that arrived and let the caller write the plan instead.
    await removeArrived(
      context,
      sheets.map((s) => s.sheet),
    );
    return null;
  }

  // Look at what arrived: every sheet under its own name, and its charts. A sheet left out fails this
  // sync (ItemNotFound), and only then is the list read to say which.
  const inserted = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.sheet);
    const charts = ws.charts;
    if (s.content.charts?.length) charts.load('items/name');
    if (s.activate) ws.activate();
    return { ...s, ws, charts };
  });
  try {
    await context.sync();
  } catch (e) {
    if (officeErrorCode(e) !== 'ItemNotFound') throw e;
    await takeOutHalfInsert(
      context,
      sheets.map((s) => s.sheet),
    );
  }

  const degraded = new Set<string>();
  const charts = inserted.flatMap((s) =>
    s.content.charts?.length && s.charts.items.length < s.content.charts.length
      ? [...s.charts.items.map((c) => ({ requestBytes: 20, queue: () => c.delete() })), ...chartCommands(() => s.ws, s.content, contentWidth(s.content), features, degraded)]
      : [],
  );
  await runChunks(
    context,
    [charts].filter((c) => c.length > 0),
  );

  const written: ApplyResult['written'][number][] = sheets.map((s) => ({ sheet: s.sheet, what: 'created', rows: s.content.rows.length }));
  const steps: SheetStep[] = sheets.map((s) => ({
    kind: 'sheet',
    sheet: s.sheet,
    before: null,
    content: s.content,
    width: contentWidth(s.content),
    appended: [],
    cells: new Map(),
  }));
  return { result: { written, degraded: [...degraded] }, undo: { steps, hyperlinks: features.hyperlinks } };
}
