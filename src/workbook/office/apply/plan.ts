import type { PlanOp } from '../../../core/plan/types';
import { PortError } from '../../port';
import { restorable } from '../capture';
import { appendedNumberFormat, cellAddress, jsonBytes } from '../cells';
import { isNoFill, noteHash, sameColor, type MarkRecord } from '../marks';
import type { AppendStep, CellsStep, SheetStep } from '../undo';
import { deleteVeryHidden } from '../undo/backups';
import { clearSheetCommands, contentCommands, oldChartsLook } from './content';
import { cellCommands, contentWidth, rowBlockCommands, widest, type SheetOf } from './rows';
import { actualName, exists, lookKey, markChange, nextBackupName, sheetOf, type ApplyState } from './state';

type Op<K extends PlanOp['kind']> = Extract<PlanOp, { kind: K }>;
type Writers = { readonly [K in PlanOp['kind']]: (s: ApplyState, op: Op<K>) => void };

/** One writer per kind of operation: each adds its sized commands, undo steps and report lines. */
const WRITE: Writers = {
  replaceSheet: writeSheet,
  createSheetIfMissing: writeSheet,
  appendRows,
  setCells,
  markCells,
  clearMarks,
};

/**
 * Step 2, plan the commands: every write as a sized command (nothing queued yet), with the undo step
 * that puts it back and where its writes begin; the stale backups' deletion last, so that a failure
 * before it leaves them for the next apply rather than costing a rollback.
 */
export function planCommands(s: ApplyState): void {
  for (const op of s.plan.ops) {
    const opStart = s.commands.length;
    const stepsBefore = s.steps.length;
    (WRITE[op.kind] as (s: ApplyState, op: PlanOp) => void)(s, op);
    for (let i = stepsBefore; i < s.steps.length; i++) s.stepStart.set(s.steps[i], opStart);
  }
  // Very hidden: below ExcelApi 1.2 they cannot be made deletable (see deleteVeryHidden), so they stay;
  // inside Excel's undo group deleting is refused (apply/outside.ts: the port deletes them first).
  if (s.env.features.api < 2 || s.env.inUndoGroup) return;
  for (const name of s.staleBackups) {
    s.commands.push({ requestBytes: jsonBytes(name) + 60, queue: () => deleteVeryHidden(s.env.context.workbook.worksheets.getItem(name)) });
  }
}

function sheetFn(s: ApplyState): SheetOf {
  return (name) => sheetOf(s, name);
}

/** A generated sheet: kept (backup copy, or read later), cleared or added, then its content written. */
function writeSheet(s: ApplyState, op: Op<'replaceSheet'> | Op<'createSheetIfMissing'>): void {
  const { features, budgetBytes } = s.env;
  const key = op.sheet.toLowerCase();
  const had = exists(s, op.sheet);
  if (op.kind === 'createSheetIfMissing' && had) return;
  const backup = had && s.backups ? backupSheet(s, op.sheet) : undefined;
  if (had) {
    s.commands.push(oldChartsLook(sheetFn(s), op.sheet, s.oldCharts));
    s.commands.push(...clearSheetCommands(sheetFn(s), op.sheet, s.tablesBySheet.get(key) ?? [], features, s.tableNames));
    // The sheet is cleared whole: marks recorded on it have nothing left to restore (as the file port does).
    if (s.marks[op.sheet]) {
      delete s.marks[op.sheet];
      s.marksChanged = true;
    }
  } else {
    s.commands.push({
      requestBytes: jsonBytes(op.sheet),
      queue: () => {
        s.proxies.set(key, s.env.context.workbook.worksheets.add(op.sheet));
      },
    });
    s.existing.set(key, op.sheet);
  }
  s.commands.push(...contentCommands(sheetFn(s), op.sheet, op.content, features, s.degraded, budgetBytes, s.tableNames, s.date1904));
  s.createdLastRow.set(key, (op.content.titleLines?.length ?? 0) + op.content.rows.length);
  const step: SheetStep = {
    kind: 'sheet',
    sheet: actualName(s, op.sheet),
    // Without a backup, a replaced sheet's content is read by keepBefore, once the writes are known.
    before: had ? backup : null,
    content: op.content,
    width: contentWidth(op.content),
    appended: [],
    cells: new Map(),
  };
  s.steps.push(step);
  s.sheetSteps.set(key, step);
  if (op.kind === 'replaceSheet' && op.activate) s.commands.push({ requestBytes: 0, queue: () => sheetOf(s, op.sheet).activate() });
  s.written.push({ sheet: op.sheet, what: had ? 'replaced' : 'created', rows: op.content.rows.length });
}

/**
 * The whole sheet, charts and formats included, copied before anything on it changes. Very hidden:
 * a teacher cannot unhide and edit it by accident; the next apply or undo deletes it.
 */
function backupSheet(s: ApplyState, sheet: string): SheetStep['before'] {
  const name = nextBackupName(s);
  const ws = s.listed.get(sheet.toLowerCase());
  s.commands.push({
    sheet,
    requestBytes: jsonBytes(name) + 120,
    queue: () => {
      const copy = sheetOf(s, sheet).copy('End');
      copy.name = name;
      copy.visibility = 'VeryHidden';
    },
  });
  return {
    kind: 'backup',
    backup: name,
    visibility: ws?.visibility ?? 'Visible',
    position: ws?.position ?? 0,
    tables: (s.tablesBySheet.get(sheet.toLowerCase()) ?? []).map((t) => t.name),
  };
}

/** The row after a sheet's last used one, as looked at (or as this plan left it); -1 when blank. */
function lastRowOf(s: ApplyState, sheet: string): number {
  const key = sheet.toLowerCase();
  const look = s.looks.lastRow.get(key);
  if (look) {
    const { used, a1 } = look;
    const blank = used.rowIndex === 0 && used.columnIndex === 0 && used.rowCount === 1 && used.columnCount === 1 && a1.values[0][0] === '';
    return blank ? -1 : used.rowIndex + used.rowCount - 1;
  }
  const created = s.createdLastRow.get(key);
  if (created === undefined) throw new PortError('office.sheetMissing', { sheet });
  return created;
}

/** Rows below the last used one, guarded against a colleague's writes; a conflict if the sheet grew. */
function appendRows(s: ApplyState, op: Op<'appendRows'>): void {
  const key = op.sheet.toLowerCase();
  const lastRow = lastRowOf(s, op.sheet);
  if (op.expectedLastRow !== undefined && op.expectedLastRow !== lastRow) {
    throw new PortError('office.conflict', { sheet: op.sheet, code: 'Conflict' });
  }
  if (op.rows.length === 0) return;
  const width = widest(op.rows, 1);
  const into = s.sheetSteps.get(key);
  const firstRow = lastRow + 1;
  const step: AppendStep | undefined = into ? undefined : { kind: 'append', sheet: actualName(s, op.sheet), firstRow, rows: op.rows, width };
  // Undo puts back the number formats the date cells had (the guard reads them before writing).
  const keepFormats = step
    ? (formats: unknown[][]) => {
        const before: NonNullable<AppendStep['formatsBefore']> = [];
        op.rows.forEach((line, i) =>
          line.forEach((c, j) => {
            if (j < width && appendedNumberFormat(c)) before.push({ row: firstRow + i, col: j, format: formats[i]?.[j] ?? 'General' });
          }),
        );
        step.formatsBefore = before;
      }
    : undefined;
  const { features, budgetBytes } = s.env;
  s.commands.push(
    ...rowBlockCommands(
      {
        sheet: sheetFn(s),
        name: op.sheet,
        firstRow,
        width,
        features,
        date1904: s.date1904,
        degraded: s.degraded,
        budgetBytes,
        guardAppend: true,
        formatsBefore: keepFormats,
        formatOf: appendedNumberFormat,
      },
      op.rows,
    ),
  );
  s.createdLastRow.set(key, lastRow + op.rows.length);
  s.looks.lastRow.delete(key); // a second append to the same sheet follows this one
  if (into) into.appended.push(...op.rows);
  else if (step) s.steps.push(step);
  s.written.push({ sheet: op.sheet, what: 'appended', rows: op.rows.length });
}

/** Single cells; undo gets what they held from the look (or from the sheet step that wrote them). */
function setCells(s: ApplyState, op: Op<'setCells'>): void {
  if (!exists(s, op.sheet)) throw new PortError('office.sheetMissing', { sheet: op.sheet });
  for (const c of op.cells) s.commands.push(...cellCommands(sheetFn(s), op.sheet, c.row, c.col, c.value, s.env.features, s.degraded, s.date1904));
  const into = s.sheetSteps.get(op.sheet.toLowerCase());
  if (into) for (const c of op.cells) into.cells.set(`${c.row},${c.col}`, c.value);
  else {
    const cells: CellsStep['cells'] = op.cells.map((c) => {
      const look = s.looks.cells.get(lookKey(op.sheet, c.row, c.col));
      const before = look ? { formula: restorable(look.formulas, look.values, look.valueTypes)[0][0], numberFormat: look.numberFormat[0][0] as string } : undefined;
      return { row: c.row, col: c.col, value: c.value, before };
    });
    s.steps.push({ kind: 'cells', sheet: actualName(s, op.sheet), cells });
  }
  s.written.push({ sheet: op.sheet, what: 'cells', rows: op.cells.length });
}

/** Fills (and notes) on a teacher's sheet, each recorded with what it covered so clearMarks can put it back. */
function markCells(s: ApplyState, op: Op<'markCells'>): void {
  if (!exists(s, op.sheet)) throw new PortError('office.sheetMissing', { sheet: op.sheet });
  const byCell = new Map((s.marks[op.sheet] ?? []).map((r) => [`${r[0]},${r[1]}`, r] as const));
  for (const m of op.marks) {
    const key = lookKey(op.sheet, m.row, m.col);
    const earlier = byCell.get(`${m.row},${m.col}`);
    const cleared = s.clearedThisPlan.get(key);
    const prevFill = earlier ? earlier[2] : cleared ? cleared[2] : (s.looks.fills.get(key)?.color ?? null);
    const hash = markNote(s, op.sheet, m, earlier, cleared);
    s.commands.push({
      requestBytes: 40,
      queue: () => {
        sheetOf(s, op.sheet).getRange(cellAddress(m.row, m.col)).format.fill.color = m.fill;
      },
    });
    markChange(s, 'fills', op.sheet, m.row, m.col, s.looks.fills.get(key)?.color ?? null, m.fill);
    const record: MarkRecord = [m.row, m.col, isNoFill(prevFill) ? null : prevFill, m.fill, hash];
    byCell.set(`${m.row},${m.col}`, record);
  }
  s.marks[op.sheet] = [...byCell.values()];
  s.marksChanged = true;
  s.written.push({ sheet: op.sheet, what: 'marked', rows: new Set(op.marks.map((m) => m.row)).size });
}

/**
 * A mark's note: added where there is none, replaced where it is ours; the teacher's own note stays
 * untouched (the fill still marks the cell). Returns the hash the record keeps for it.
 */
function markNote(
  s: ApplyState,
  sheet: string,
  m: Op<'markCells'>['marks'][number],
  earlier: MarkRecord | undefined,
  cleared: (MarkRecord & { noteDeleted?: boolean }) | undefined,
): string | null {
  const hash: string | null = earlier ? earlier[4] : null;
  if (!m.note) return hash;
  if (!s.env.features.notes) {
    s.degraded.add('host.noNotes');
    return hash;
  }
  const note = s.looks.notes.get(lookKey(sheet, m.row, m.col));
  const present = !!note && !note.isNullObject && !(cleared && cleared.noteDeleted);
  const ours = present && !!earlier && !!earlier[4] && noteHash(note.content) === earlier[4];
  if (present && !ours) return hash;
  const text = m.note;
  s.commands.push({
    requestBytes: jsonBytes(text) + 20,
    queue: () => {
      // Notes are not formulas: their text is stored as typed, so no prefix is needed.
      if (present) note.content = text;
      else sheetOf(s, sheet).notes.add(cellAddress(m.row, m.col), text);
    },
  });
  markChange(s, 'notes', sheet, m.row, m.col, present ? note.content : null, text);
  return noteHash(text);
}

/** Put back the fills and delete the notes of this sheet's marks, where they are still ours. */
function clearMarks(s: ApplyState, op: Op<'clearMarks'>): void {
  const records = s.marks[op.sheet] ?? [];
  if (records.length === 0) return;
  if (exists(s, op.sheet)) for (const r of records) clearMark(s, op.sheet, r);
  delete s.marks[op.sheet];
  s.marksChanged = true;
  s.written.push({ sheet: op.sheet, what: 'unmarked', rows: new Set(records.map((r) => r[0])).size });
}

function clearMark(s: ApplyState, sheet: string, r: MarkRecord): void {
  const key = lookKey(sheet, r[0], r[1]);
  const current = s.looks.fills.get(key)?.color;
  // Restore only where our mark is still there: a fill the teacher changed since is theirs.
  if (sameColor(current, r[3])) {
    const prev = r[2];
    s.commands.push({
      requestBytes: 40,
      queue: () => {
        const fill = sheetOf(s, sheet).getRange(cellAddress(r[0], r[1])).format.fill;
        if (isNoFill(prev)) fill.clear();
        else fill.color = prev as string;
      },
    });
    markChange(s, 'fills', sheet, r[0], r[1], current ?? null, isNoFill(prev) ? null : prev);
  }
  const note = s.looks.notes.get(key);
  const noteIsOurs = !!r[4] && !!note && !note.isNullObject && noteHash(note.content) === r[4];
  if (noteIsOurs) {
    s.commands.push({ requestBytes: 20, queue: () => note.delete() });
    markChange(s, 'notes', sheet, r[0], r[1], note.content, null);
  }
  s.clearedThisPlan.set(key, Object.assign([...r] as MarkRecord, { noteDeleted: noteIsOurs }));
}
