import { isLinkCell, type PlanCell, type SheetContent } from '../../core/plan/types';
import { PortError, type ApplyResult } from '../port';
import { chunkCommands, runChunks, type QueuedCommand } from './batch';
import type { OfficeFeatures } from './capabilities';
import { blockAddress, cellAddress, jsonBytes, MAX_CELL_TEXT, quotedSheet, rowBytes, writtenPlanCell } from './cells';
import { officeErrorCode } from './errors';
import { isNoFill, MARKS_SETTING_KEY, sameColor, saveSettings } from './marks';

/**
 * Undo below ExcelApi 1.20, where Excel.run cannot make an operation one step of Excel's own undo
 * stack. While applying, the port keeps what each step overwrites (values as formulas, number
 * formats, tables of a replaced sheet) and which sheets it created; undoLast puts that back.
 *
 * Before changing anything, undo reads what is there now and compares it with what the add-in wrote.
 * If anything differs (a colleague typed, a sheet was renamed or deleted), it stops with
 * 'office.undoConflict' and changes nothing: undo must never overwrite someone's work.
 *
 * Marks (fills, notes, the record in the document settings) are put back as they were too.
 *
 * Not restored: charts, column widths, hidden columns, frozen panes, dropdowns and conditional formats
 * of a replaced sheet (cosmetic, and generated sheets are rebuilt by the next run anyway).
 */

type Written = string | number | boolean;

/** What a sheet holds before the add-in replaced it. */
export interface SheetBefore {
  /** Top-left of the block read (the used range), 0-based. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** Restorable entries (formulas as formulas, text quote-prefixed), filled chunk by chunk. */
  readonly formulas: unknown[][];
  readonly numberFormats: unknown[][];
  readonly tables: { name: string; address: string; style: string }[];
}

/** A sheet the plan created or replaced whole, and what it wrote there (appends and cells included). */
export interface SheetStep {
  readonly kind: 'sheet';
  readonly sheet: string;
  /** null: the plan created the sheet, undo deletes it. */
  readonly before: SheetBefore | null;
  readonly content: SheetContent;
  readonly width: number;
  /** Rows appended to this sheet later in the same plan. */
  readonly appended: (readonly PlanCell[])[];
  /** Single cells written into this sheet later in the same plan. */
  readonly cells: Map<string, PlanCell>;
}

export interface AppendStep {
  readonly kind: 'append';
  readonly sheet: string;
  readonly firstRow: number;
  readonly rows: readonly (readonly PlanCell[])[];
  readonly width: number;
}

export interface CellsStep {
  readonly kind: 'cells';
  readonly sheet: string;
  readonly cells: { readonly row: number; readonly col: number; readonly value: PlanCell; before?: { formula: unknown; numberFormat: unknown } }[];
}

/** Fills and notes changed by markCells/clearMarks on one sheet: per cell, what was there and what the plan left. null: none. */
export interface MarksStep {
  readonly kind: 'marks';
  readonly sheet: string;
  readonly fills: Map<string, { readonly row: number; readonly col: number; readonly before: string | null; readonly after: string | null }>;
  readonly notes: Map<string, { readonly row: number; readonly col: number; readonly before: string | null; readonly after: string | null }>;
}

export type UndoStep = SheetStep | AppendStep | CellsStep | MarksStep;

/** One level of undo: the steps of the last apply, in the order they were applied. */
export interface UndoRecord {
  readonly steps: UndoStep[];
  readonly hyperlinks: boolean;
  /** The document setting that records marks, as it was before (when the plan changed it). */
  readonly marksSetting?: { readonly before: unknown };
}

/** What reading a cell gives back after the port wrote `cell` into it. */
export function expectedValue(cell: PlanCell | undefined, hyperlinks: boolean): Written {
  if (cell === undefined) return '';
  if (isLinkCell(cell) && !hyperlinks) return cell.text.slice(0, 255); // shown by the HYPERLINK formula
  const written = writtenPlanCell(cell, hyperlinks);
  if (typeof written === 'string') return written.startsWith("'") ? written.slice(1, 1 + MAX_CELL_TEXT) : written;
  return written;
}

/** Rows of the block a sheet step wrote, counting the table's empty row when there is no data. */
function sheetStepRows(step: SheetStep): number {
  const titles = step.content.titleLines?.length ?? 0;
  const n = step.content.rows.length + step.appended.length;
  let rows = titles + 1 + Math.max(1, n);
  for (const key of step.cells.keys()) rows = Math.max(rows, Number(key.split(',')[0]) + 1);
  return rows;
}

function sheetStepCols(step: SheetStep): number {
  let cols = step.width;
  for (const r of step.appended) cols = Math.max(cols, r.length);
  for (const key of step.cells.keys()) cols = Math.max(cols, Number(key.split(',')[1]) + 1);
  return cols;
}

/** The expected row `i` of a sheet step (titles, header, data, appended rows, then single cells over them). */
function sheetStepRow(step: SheetStep, i: number, cols: number, hyperlinks: boolean): Written[] {
  const titles = step.content.titleLines ?? [];
  const line: Written[] = new Array(cols).fill('');
  if (i < titles.length) line[0] = expectedValue(titles[i], hyperlinks);
  else if (i === titles.length) step.content.columns.forEach((c, j) => (line[j] = expectedValue(c.header, hyperlinks)));
  else {
    const d = i - titles.length - 1;
    const n = step.content.rows.length;
    const row = d < n ? step.content.rows[d] : step.appended[d - n];
    if (row) for (let j = 0; j < row.length; j++) line[j] = expectedValue(row[j], hyperlinks);
  }
  for (let j = 0; j < cols; j++) {
    const c = step.cells.get(`${i},${j}`);
    if (c !== undefined) line[j] = expectedValue(c, hyperlinks);
  }
  return line;
}

/** Excel's rules for equality of what was written and what is read back. */
function sameValue(a: unknown, b: Written): boolean {
  if (a === b) return true;
  return (a === '' || a === null || a === undefined) && b === '';
}

/** Queue commands that read a block in row chunks and compare it with `expectedRow`; a difference throws. */
function compareCommands(
  ws: () => Excel.Worksheet,
  row0: number,
  rows: number,
  cols: number,
  expectedRow: (i: number) => Written[],
  budgetBytes: number,
  conflict: () => never,
): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  let start = 0;
  while (start < rows) {
    // Size each read by the bytes of what it should bring back.
    let bytes = 0;
    let count = 0;
    while (start + count < rows) {
      const b = rowBytes(expectedRow(start + count)) + cols * 2 + 8;
      if (count > 0 && bytes + b > budgetBytes * 0.8) break;
      bytes += b;
      count++;
    }
    const first = start;
    const n = count;
    let range: Excel.Range | undefined;
    out.push({
      requestBytes: 60,
      responseBytes: bytes,
      queue: () => {
        range = ws().getRange(blockAddress(row0 + first, 0, n, cols));
        range.load('values');
      },
      after: () => {
        const values = (range as Excel.Range).values;
        for (let i = 0; i < n; i++) {
          const expected = expectedRow(first + i);
          for (let j = 0; j < cols; j++) if (!sameValue(values[i]?.[j], expected[j])) conflict();
        }
      },
    });
    start += count;
  }
  return out;
}

/** Write a 2-D array back in row chunks sized by its JSON bytes. */
function gridWriteCommands(ws: () => Excel.Worksheet, row0: number, col0: number, grid: unknown[][], budgetBytes: number, prop: 'formulas' | 'numberFormat'): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const cols = grid[0]?.length ?? 0;
  if (cols === 0) return out;
  let start = 0;
  while (start < grid.length) {
    let bytes = 0;
    let end = start;
    while (end < grid.length) {
      const b = rowBytes(grid[end].map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : ''))) + 1;
      if (end > start && bytes + b > budgetBytes * 0.9) break;
      bytes += b;
      end++;
    }
    const lines = grid.slice(start, end);
    const first = start;
    out.push({
      requestBytes: bytes,
      queue: () => {
        const range = ws().getRange(blockAddress(row0 + first, col0, lines.length, cols));
        if (prop === 'formulas') range.formulas = lines as Excel.Range['formulas'];
        else range.numberFormat = lines as Excel.Range['numberFormat'];
      },
    });
    start = end;
  }
  return out;
}

/**
 * Undo the last apply from its record. Step 1 (look): the current content of everything it wrote,
 * compared with what it wrote; step 2 (write): put back what was there, in reverse order.
 * Syncs: looks split by expected bytes (1 for a usual plan) + writes split by bytes (1 usually).
 */
export async function undoRecord(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  settings: Office.Settings,
  record: UndoRecord,
  budgetBytes: number,
): Promise<ApplyResult> {
  const conflict = (sheet: string): never => {
    throw new PortError('office.undoConflict', { sheet });
  };
  const sheets = context.workbook.worksheets;
  const proxies = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => () => {
    let p = proxies.get(name);
    if (!p) {
      p = sheets.getItem(name);
      proxies.set(name, p);
    }
    return p;
  };
  const looks: QueuedCommand[] = [];
  const tableLooks = new Map<string, Excel.TableCollection>();
  const chartLooks = new Map<string, Excel.ChartCollection>();

  for (const step of record.steps) {
    const sheet = step.sheet;
    const get = ws(sheet);
    if (step.kind === 'sheet') {
      const rows = sheetStepRows(step);
      const cols = sheetStepCols(step);
      let used: Excel.Range | undefined;
      let a1: Excel.Range | undefined;
      looks.push({
        requestBytes: 120,
        responseBytes: 400,
        queue: () => {
          // Anything outside what the add-in wrote is someone else's: values on 1.2+, anything on 1.1.
          used = features.usedRangeValuesOnly ? get().getUsedRange(true) : get().getUsedRange();
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          a1 = get().getRange('A1');
          a1.load('values');
          const tables = get().tables;
          tables.load('items/name');
          tableLooks.set(sheet, tables);
          const charts = get().charts;
          charts.load('items/name');
          chartLooks.set(sheet, charts);
        },
        after: () => {
          const u = used as Excel.Range;
          const blank = u.rowCount === 1 && u.columnCount === 1 && u.rowIndex === 0 && u.columnIndex === 0 && (a1 as Excel.Range).values[0][0] === '';
          if (!blank && (u.rowIndex + u.rowCount > rows || u.columnIndex + u.columnCount > cols)) conflict(sheet);
        },
      });
      looks.push(...compareCommands(get, 0, rows, cols, (i) => sheetStepRow(step, i, cols, record.hyperlinks), budgetBytes, () => conflict(sheet)));
    } else if (step.kind === 'append') {
      looks.push(
        ...compareCommands(
          get,
          step.firstRow,
          step.rows.length,
          step.width,
          (i) => Array.from({ length: step.width }, (_, j) => expectedValue(step.rows[i][j], record.hyperlinks)),
          budgetBytes,
          () => conflict(sheet),
        ),
      );
    } else if (step.kind === 'marks') {
      for (const f of step.fills.values()) {
        let fill: Excel.RangeFill | undefined;
        looks.push({
          requestBytes: 60,
          responseBytes: 40,
          queue: () => {
            fill = get().getRange(cellAddress(f.row, f.col)).format.fill;
            fill.load('color');
          },
          after: () => {
            const now = (fill as Excel.RangeFill).color;
            if (f.after === null ? !isNoFill(now) : !sameColor(now, f.after)) conflict(sheet);
          },
        });
      }
      if (features.notes) {
        for (const n of step.notes.values()) {
          let note: Excel.Note | undefined;
          looks.push({
            requestBytes: 60,
            responseBytes: jsonBytes(n.after ?? '') + 20,
            queue: () => {
              note = get().notes.getItemOrNullObject(cellAddress(n.row, n.col));
              note.load('content');
            },
            after: () => {
              const x = note as Excel.Note;
              if (n.after === null ? !x.isNullObject : x.isNullObject || x.content !== n.after) conflict(sheet);
            },
          });
        }
      }
    } else {
      for (const c of step.cells) {
        let range: Excel.Range | undefined;
        const expected = expectedValue(c.value, record.hyperlinks);
        looks.push({
          requestBytes: 60,
          responseBytes: jsonBytes(expected) + 8,
          queue: () => {
            range = get().getRange(cellAddress(c.row, c.col));
            range.load('values');
          },
          after: () => {
            if (!sameValue((range as Excel.Range).values[0][0], expected)) conflict(sheet);
          },
        });
      }
    }
  }

  try {
    await runChunks(context, chunkCommands(looks, budgetBytes));
  } catch (e) {
    // A sheet renamed or deleted since: someone else changed the workbook. Name it.
    if (officeErrorCode(e) !== 'ItemNotFound') throw e;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const gone = record.steps.find((s) => !present.has(s.sheet.toLowerCase())) ?? record.steps[0];
    return conflict(gone.sheet);
  }

  const writes: QueuedCommand[] = [];
  const written: ApplyResult['written'][number][] = [];
  for (const step of [...record.steps].reverse()) {
    const get = ws(step.sheet);
    if (step.kind === 'sheet') {
      if (!step.before) {
        writes.push({ requestBytes: 40, queue: () => get().delete() });
        written.push({ sheet: step.sheet, what: 'replaced', rows: 0 });
        continue;
      }
      const before = step.before;
      const tables = tableLooks.get(step.sheet)?.items ?? [];
      const charts = chartLooks.get(step.sheet)?.items ?? [];
      writes.push({
        requestBytes: 80 + 40 * (tables.length + charts.length),
        queue: () => {
          for (const t of tables) t.delete();
          for (const c of charts) c.delete();
          const all = get().getRange();
          all.clear();
          if (features.conditionalFormats) all.conditionalFormats.clearAll();
          if (features.dataValidation) all.dataValidation.clear();
          if (features.freezePanes) get().freezePanes.unfreeze();
        },
      });
      // Number formats first: a text format set after the values would not make them text again.
      writes.push(...gridWriteCommands(get, before.row, before.col, before.numberFormats, budgetBytes, 'numberFormat'));
      writes.push(...gridWriteCommands(get, before.row, before.col, before.formulas, budgetBytes, 'formulas'));
      for (const t of before.tables) {
        writes.push({
          requestBytes: jsonBytes(t.address) + jsonBytes(t.name) + 40,
          queue: () => {
            const table = get().tables.add(t.address, true);
            table.name = t.name;
            table.style = t.style;
          },
        });
      }
      written.push({ sheet: step.sheet, what: 'replaced', rows: before.rows });
    } else if (step.kind === 'marks') {
      for (const f of step.fills.values()) {
        writes.push({
          requestBytes: 60,
          queue: () => {
            const fill = get().getRange(cellAddress(f.row, f.col)).format.fill;
            if (isNoFill(f.before)) fill.clear();
            else fill.color = f.before as string;
          },
        });
      }
      if (features.notes) {
        for (const n of step.notes.values()) {
          const address = cellAddress(n.row, n.col);
          writes.push({
            requestBytes: jsonBytes(n.before ?? '') + 60,
            queue: () => {
              // The look proved the note is as the plan left it: present exactly when `after` is.
              if (n.before === null) get().notes.getItemOrNullObject(address).delete();
              else if (n.after === null) get().notes.add(address, n.before);
              else get().notes.getItemOrNullObject(address).content = n.before;
            },
          });
        }
      }
      written.push({ sheet: step.sheet, what: 'unmarked', rows: new Set([...step.fills.values()].map((f) => f.row)).size });
    } else if (step.kind === 'append') {
      const empty = Array.from({ length: step.rows.length }, () => new Array<unknown>(step.width).fill(''));
      writes.push(...gridWriteCommands(get, step.firstRow, 0, empty, budgetBytes, 'formulas'));
      written.push({ sheet: step.sheet, what: 'cells', rows: step.rows.length });
    } else {
      for (const c of [...step.cells].reverse()) {
        const b = c.before;
        if (!b) continue;
        writes.push({
          requestBytes: jsonBytes(String(b.formula ?? '')) + 60,
          queue: () => {
            const range = get().getRange(cellAddress(c.row, c.col));
            range.numberFormat = [[b.numberFormat]] as Excel.Range['numberFormat'];
            range.formulas = [[b.formula]] as Excel.Range['formulas'];
          },
        });
      }
      written.push({ sheet: step.sheet, what: 'cells', rows: step.cells.length });
    }
  }
  // The record of marks goes back first, as apply saves it first: clearing later then matches the cells.
  if (record.marksSetting) {
    const before = record.marksSetting.before;
    if (before === null || before === undefined) settings.remove(MARKS_SETTING_KEY);
    else settings.set(MARKS_SETTING_KEY, before);
    try {
      await saveSettings(settings);
    } catch (e) {
      throw new PortError('office.settingsFailed', { code: officeErrorCode(e) ?? 'Unknown' });
    }
  }
  await runChunks(context, chunkCommands(writes, budgetBytes));
  return { written, degraded: [], undo: 'none' };
}

/** Quoted address of a table's range on its sheet, for tables.add when restoring it. */
export function tableAddress(sheet: string, row: number, col: number, rows: number, cols: number): string {
  return `${quotedSheet(sheet)}!${blockAddress(row, col, rows, cols)}`;
}
