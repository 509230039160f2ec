import { PortError } from '../../port';
import type { QueuedCommand } from '../batch';
import { blockAddress, cellAddress, jsonBytes, rowBytes } from '../cells';
import { isNoFill, sameColor } from '../marks';
import { queueSheetLooks } from './prepare';
import { expectedValue, type AppendStep, type CellsStep, type MarksStep, type SheetStep, type WriteForm, type WrittenValue } from './record';
import type { RestoreState } from './state';

/**
 * Undo's look: read everything the apply wrote and compare it with what it wrote; any difference
 * (someone typed, a sheet protected since) stops undo before it writes. The loads the restore needs
 * ride along in the same syncs.
 */
export function undoLooks(s: RestoreState): QueuedCommand[] {
  const looks: QueuedCommand[] = s.features.api >= 2 ? [...new Set(s.record.steps.map((st) => st.sheet))].map((sheet) => protectionLook(s, sheet)) : [];
  for (const step of s.record.steps) {
    if (step.kind === 'sheet') looks.push(...sheetStepLooks(s, step));
    else if (step.kind === 'append') looks.push(...appendLooks(s, step));
    else if (step.kind === 'marks') looks.push(...marksLooks(s, step));
    else looks.push(...cellsLooks(s, step));
  }
  return looks;
}

export function undoConflict(sheet: string): never {
  throw new PortError('office.undoConflict', { sheet });
}

/** A sheet protected since cannot be put back: say which, before writing anything (ExcelApi 1.2). */
function protectionLook(s: RestoreState, sheet: string): QueuedCommand {
  let protection: Excel.WorksheetProtection | undefined;
  return {
    requestBytes: 60,
    responseBytes: 20,
    queue: () => {
      protection = s.ws(sheet)().protection;
      protection.load('protected');
    },
    after: () => {
      if ((protection as Excel.WorksheetProtection).protected) throw new PortError('office.protected', { sheet, code: 'AccessDenied' });
    },
  };
}

/** A created or replaced sheet: nothing outside what the add-in wrote, and every cell as written. */
function sheetStepLooks(s: RestoreState, step: SheetStep): QueuedCommand[] {
  const { sheet } = step;
  const get = s.ws(sheet);
  const rows = sheetStepRows(step);
  const cols = sheetStepCols(step);
  let used: Excel.Range | undefined;
  let a1: Excel.Range | undefined;
  const extent: QueuedCommand = {
    requestBytes: 160,
    responseBytes: 400,
    queue: () => {
      // Anything outside what the add-in wrote is someone else's: values on 1.2+, anything on 1.1.
      used = s.features.usedRangeValuesOnly ? get().getUsedRange(true) : get().getUsedRange();
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      a1 = get().getRange('A1');
      a1.load('values');
      queueSheetLooks(s, step);
    },
    after: () => {
      const u = used as Excel.Range;
      const blank = u.rowCount === 1 && u.columnCount === 1 && u.rowIndex === 0 && u.columnIndex === 0 && (a1 as Excel.Range).values[0][0] === '';
      if (!blank && (u.rowIndex + u.rowCount > rows || u.columnIndex + u.columnCount > cols)) undoConflict(sheet);
    },
  };
  return [
    extent,
    ...compareCommands(
      get,
      0,
      rows,
      cols,
      (i) => sheetStepRow(step, i, cols, s.record),
      s.budgetBytes,
      () => undoConflict(sheet),
    ),
  ];
}

function appendLooks(s: RestoreState, step: AppendStep): QueuedCommand[] {
  const expectedRow = (i: number) => Array.from({ length: step.width }, (_, j) => expectedValue(step.rows[i][j], s.record));
  return compareCommands(s.ws(step.sheet), step.firstRow, step.rows.length, step.width, expectedRow, s.budgetBytes, () => undoConflict(step.sheet));
}

/** Each fill (and note) as the plan left it. */
function marksLooks(s: RestoreState, step: MarksStep): QueuedCommand[] {
  const get = s.ws(step.sheet);
  const looks: QueuedCommand[] = [];
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
        if (f.after === null ? !isNoFill(now) : !sameColor(now, f.after)) undoConflict(step.sheet);
      },
    });
  }
  if (!s.features.notes) return looks;
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
        if (n.after === null ? !x.isNullObject : x.isNullObject || x.content !== n.after) undoConflict(step.sheet);
      },
    });
  }
  return looks;
}

function cellsLooks(s: RestoreState, step: CellsStep): QueuedCommand[] {
  const get = s.ws(step.sheet);
  return step.cells.map((c) => {
    let range: Excel.Range | undefined;
    const expected = expectedValue(c.value, s.record);
    return {
      requestBytes: 60,
      responseBytes: jsonBytes(expected) + 8,
      queue: () => {
        range = get().getRange(cellAddress(c.row, c.col));
        range.load('values');
      },
      after: () => {
        if (!sameValue((range as Excel.Range).values[0][0], expected)) undoConflict(step.sheet);
      },
    };
  });
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
function sheetStepRow(step: SheetStep, i: number, cols: number, form: WriteForm): WrittenValue[] {
  const titles = step.content.titleLines ?? [];
  const line = new Array<WrittenValue>(cols).fill('');
  if (i < titles.length) line[0] = expectedValue(titles[i], form);
  else if (i === titles.length) step.content.columns.forEach((c, j) => (line[j] = expectedValue(c.header, form)));
  else {
    const d = i - titles.length - 1;
    const n = step.content.rows.length;
    const row = d < n ? step.content.rows[d] : step.appended[d - n];
    if (row) for (let j = 0; j < row.length; j++) line[j] = expectedValue(row[j], form);
  }
  for (let j = 0; j < cols; j++) {
    const c = step.cells.get(`${i},${j}`);
    if (c !== undefined) line[j] = expectedValue(c, form);
  }
  return line;
}

/** Excel's rules for equality of what was written and what is read back. */
function sameValue(a: unknown, b: WrittenValue): boolean {
  if (a === b) return true;
  return (a === '' || a === null || a === undefined) && b === '';
}

/** Queue commands that read a block in row chunks and compare it with `expectedRow`; a difference throws. */
function compareCommands(
  ws: () => Excel.Worksheet,
  row0: number,
  rows: number,
  cols: number,
  expectedRow: (i: number) => WrittenValue[],
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
