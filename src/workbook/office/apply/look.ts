import { isDateCell, type PlanCell, type WorkbookPlan } from '../../../core/plan/types';
import { PortError } from '../../port';
import { chunkCommands, runChunks, type QueuedCommand } from '../batch';
import { cellAddress } from '../cells';
import { officeErrorCode } from '../errors';
import { BACKUP_PREFIX } from '../undo/record';
import { exists, lookKey, sheetOf, type ApplyState } from './state';

/**
 * Step 1, look: the sheet list with each sheet's protection, the workbook's tables and what the plan
 * will overwrite, assuming the sheets it looks at exist (1 sync). If one does not (ItemNotFound), read
 * the list first and look again (+1). Looks too large for one sync are split by size like writes.
 */
export async function look(s: ApplyState): Promise<void> {
  const { context, budgetBytes } = s.env;
  queueList(s);
  let chunks = chunkCommands(lookCommands(s), budgetBytes);
  try {
    for (const c of chunks[0] ?? []) c.queue();
    await context.sync();
    chunks = chunks.slice(1);
  } catch (e) {
    if (officeErrorCode(e) !== 'ItemNotFound' || chunks.length === 0) throw e;
    s.proxies.clear();
    queueList(s);
    await context.sync();
    takeList(s);
    chunks = chunkCommands(lookCommands(s), budgetBytes);
  }
  if (!s.listKnown) takeList(s);
  if (s.workbookProtection?.protected) s.backups = false;
  await runChunks(context, chunks);
  s.date1904 = s.dateProbe?.value === 0;
  for (const [key, own] of s.looks.sheetTables) s.tablesBySheet.set(key, own.items);
  s.staleBackups = [...s.existing.values()].filter((name) => name.startsWith(BACKUP_PREFIX));
}

/** A protected sheet the plan writes to stops it here, before anything is written (ExcelApi 1.2). */
export function refuseProtected(s: ApplyState): void {
  if (s.env.features.api < 2) return;
  for (const op of s.plan.ops) {
    // Creating a missing sheet writes to no existing one; clearing no marks writes nothing.
    if (op.kind === 'createSheetIfMissing' || (op.kind === 'clearMarks' && !(s.marks[op.sheet]?.length ?? 0))) continue;
    const ws = s.listed.get(op.sheet.toLowerCase());
    if (ws?.protection.protected) throw new PortError('office.protected', { sheet: ws.name, code: 'AccessDenied' });
  }
}

/** Queue the loads of the sheet list, the tables and the workbook's structure protection. */
function queueList(s: ApplyState): void {
  const { context, features } = s.env;
  // The date system, in the same sync, only when the plan writes dates (workbook.functions, ExcelApi 1.2;
  // below it the 1900 system is assumed, as the read does).
  if (features.api >= 2 && planWritesDates(s.plan)) {
    s.dateProbe = context.workbook.functions.date(1904, 1, 1);
    s.dateProbe.load('value');
  }
  // Protection (ExcelApi 1.2) is looked at here, so a protected sheet stops the plan before any write.
  context.workbook.worksheets.load(features.api >= 2 ? 'items/name,items/visibility,items/position,items/protection/protected' : 'items/name,items/visibility,items/position');
  // Table.worksheet is ExcelApi 1.2; on 1.1 each replaced sheet's own tables are looked at instead.
  context.workbook.tables.load(features.api >= 2 ? 'items/name,items/worksheet/name' : 'items/name');
  // Workbook structure protection (ExcelApi 1.7) forbids copying sheets: then no backups.
  if (s.workbookProtection) s.workbookProtection.load('protected');
}

/** Take the loaded sheet list and tables into the state. */
function takeList(s: ApplyState): void {
  s.listKnown = true;
  for (const ws of s.env.context.workbook.worksheets.items) {
    s.existing.set(ws.name.toLowerCase(), ws.name);
    s.listed.set(ws.name.toLowerCase(), ws);
  }
  for (const t of s.env.context.workbook.tables.items) {
    s.tableNames.add(t.name.toLowerCase());
    if (s.env.features.api < 2) continue;
    const key = t.worksheet.name.toLowerCase();
    s.tablesBySheet.set(key, [...(s.tablesBySheet.get(key) ?? []), t]);
  }
}

/** The sized loads the plan's operations need, each planned once; clears the looks of an earlier try. */
function lookCommands(s: ApplyState): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const planned = new Set<string>();
  for (const map of Object.values(s.looks) as Map<string, unknown>[]) map.clear();
  const once = (key: string) => !planned.has(key) && !!planned.add(key);
  for (const op of s.plan.ops) {
    if (op.kind === 'setCells' && exists(s, op.sheet)) {
      // The cells setCells overwrites, in the look sync that is made anyway.
      for (const c of op.cells) if (once(`v${lookKey(op.sheet, c.row, c.col)}`)) out.push(cellLook(s, op.sheet, c.row, c.col));
    }
    if (op.kind === 'replaceSheet' && s.env.features.api < 2 && exists(s, op.sheet) && once(`t${op.sheet.toLowerCase()}`)) out.push(sheetTablesLook(s, op.sheet));
    if (op.kind === 'appendRows') {
      if (exists(s, op.sheet) && once(`a${op.sheet.toLowerCase()}`)) out.push(lastRowLook(s, op.sheet));
    } else if (op.kind === 'markCells') {
      for (const m of op.marks) markLooks(s, op.sheet, m.row, m.col, !!m.note, once, out);
    } else if (op.kind === 'clearMarks') {
      for (const r of s.marks[op.sheet] ?? []) markLooks(s, op.sheet, r[0], r[1], !!r[4], once, out);
    }
  }
  return out;
}

/** The fill (and, when the mark has one, the note) of a cell a mark changes. */
function markLooks(s: ApplyState, sheet: string, row: number, col: number, note: boolean, once: (key: string) => boolean, out: QueuedCommand[]): void {
  if (!exists(s, sheet)) return;
  const key = lookKey(sheet, row, col);
  if (once(`f${key}`)) {
    out.push({
      requestBytes: 40,
      responseBytes: 40,
      queue: () => {
        const fill = sheetOf(s, sheet).getRange(cellAddress(row, col)).format.fill;
        fill.load('color');
        s.looks.fills.set(key, fill);
      },
    });
  }
  if (note && s.env.features.notes && once(`n${key}`)) {
    out.push({
      requestBytes: 40,
      responseBytes: 120,
      queue: () => {
        const n = sheetOf(s, sheet).notes.getItemOrNullObject(cellAddress(row, col));
        n.load('content');
        s.looks.notes.set(key, n);
      },
    });
  }
}

function cellLook(s: ApplyState, sheet: string, row: number, col: number): QueuedCommand {
  return {
    requestBytes: 60,
    responseBytes: 200,
    queue: () => {
      const range = sheetOf(s, sheet).getRange(cellAddress(row, col));
      range.load('formulas,values,valueTypes,numberFormat');
      s.looks.cells.set(lookKey(sheet, row, col), range);
    },
  };
}

function sheetTablesLook(s: ApplyState, sheet: string): QueuedCommand {
  return {
    requestBytes: 40,
    responseBytes: 200,
    queue: () => {
      const own = sheetOf(s, sheet).tables;
      own.load('items/name');
      s.looks.sheetTables.set(sheet.toLowerCase(), own);
    },
  };
}

function lastRowLook(s: ApplyState, sheet: string): QueuedCommand {
  return {
    requestBytes: 80,
    responseBytes: 120,
    queue: () => {
      const ws = sheetOf(s, sheet);
      const used = s.env.features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const a1 = ws.getRange('A1');
      a1.load('values');
      s.looks.lastRow.set(sheet.toLowerCase(), { used, a1 });
    },
  };
}

/** Whether any operation writes a date cell (a scan of the plan: cheap beside a sync). */
function planWritesDates(plan: WorkbookPlan): boolean {
  const anyDate = (rows: readonly (readonly PlanCell[])[]) => rows.some((r) => r.some(isDateCell));
  return plan.ops.some((op) =>
    op.kind === 'replaceSheet' || op.kind === 'createSheetIfMissing'
      ? anyDate(op.content.rows)
      : op.kind === 'appendRows'
        ? anyDate(op.rows)
        : op.kind === 'setCells'
          ? op.cells.some((c) => isDateCell(c.value))
          : false,
  );
}
