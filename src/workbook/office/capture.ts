import { asLiteralText, blockAddress, quotedSheet } from './cells';
import { officeErrorCode } from './errors';
import type { SheetBefore } from './undo';

/** Quoted address of a table's range on its sheet, for tables.add when restoring it. */
export function tableAddress(sheet: string, row: number, col: number, rows: number, cols: number): string {
  return `${quotedSheet(sheet)}!${blockAddress(row, col, rows, cols)}`;
}

/**
 * What to write back so that cells read as `formulas`/`values`/`valueTypes` are as they were: formulas as
 * formulas, text as text (quote prefix: "0123" or "=x" typed as text must not turn into a number or a
 * formula), numbers, booleans and error constants as they are.
 */
export function restorable(formulas: unknown[][], values: unknown[][], types: unknown[][]): unknown[][] {
  return formulas.map((line, i) =>
    line.map((f, j) => {
      const v = values[i]?.[j];
      if (typeof f === 'string' && f.startsWith('=') && f !== v) return f;
      if (types[i]?.[j] === 'Empty') return '';
      if (types[i]?.[j] === 'String') return asLiteralText(String(v));
      return v;
    }),
  );
}

/**
 * First guess of the bytes one cell brings back when read for undo (formulas, values, types, number
 * format). A refusal (ResponsePayloadSizeLimitExceeded) halves the block and tries again, so a guess
 * on the low side costs a sync, never the operation.
 */
export const CAPTURE_BYTES_PER_CELL = 96;

interface Piece {
  readonly sheet: number;
  readonly row: number;
  readonly rows: number;
}

/**
 * Read what the sheets about to be replaced hold: 1 sync for their used ranges and tables, then their
 * contents in blocks sized by the budget (1 sync for usual sheets). `name` is the sheet the content
 * belongs to (table addresses name it); `ws` is where to read it (the sheet itself, or its backup copy).
 */
export async function captureSheetsBefore(
  context: Excel.RequestContext,
  sheets: readonly { name: string; ws: Excel.Worksheet; tables: readonly Excel.Table[] }[],
  budgetBytes: number,
): Promise<Map<string, SheetBefore>> {
  const out = new Map<string, SheetBefore>();
  if (sheets.length === 0) return out;
  const used = sheets.map((s) => {
    // Formats count too: a number format alone is worth restoring.
    const u = s.ws.getUsedRange();
    u.load('rowIndex,columnIndex,rowCount,columnCount');
    const a1 = s.ws.getRange('A1');
    a1.load('formulas,numberFormat');
    const tables = s.tables.map((t) => {
      const r = t.getRange();
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      t.load('name,style');
      return { t, r };
    });
    return { u, a1, tables };
  });
  await context.sync();

  const befores: SheetBefore[] = sheets.map((s, i) => {
    const { u, a1, tables } = used[i];
    const blank = u.rowCount === 1 && u.columnCount === 1 && u.rowIndex === 0 && u.columnIndex === 0 && a1.formulas[0][0] === '' && a1.numberFormat[0][0] === 'General';
    const rows = blank ? 0 : u.rowCount;
    const before: SheetBefore = {
      kind: 'values',
      row: u.rowIndex,
      col: u.columnIndex,
      rows,
      cols: u.columnCount,
      formulas: new Array<unknown[]>(rows),
      numberFormats: new Array<unknown[]>(rows),
      tables: tables.map(({ t, r }) => ({ name: t.name, style: t.style, address: tableAddress(s.name, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount) })),
    };
    out.set(s.name, before);
    return before;
  });

  // Blocks of rows per sheet, within the budget by the first guess.
  const pending: Piece[] = [];
  befores.forEach((b, i) => {
    const per = Math.max(1, Math.floor((budgetBytes * 0.8) / (Math.max(1, b.cols) * CAPTURE_BYTES_PER_CELL)));
    for (let r = 0; r < b.rows; r += per) pending.push({ sheet: i, row: r, rows: Math.min(per, b.rows - r) });
  });
  while (pending.length > 0) {
    // As many blocks as the budget allows in one sync.
    const batch: Piece[] = [];
    let bytes = 0;
    while (pending.length > 0) {
      const p = pending[0];
      const b = p.rows * Math.max(1, befores[p.sheet].cols) * CAPTURE_BYTES_PER_CELL;
      if (batch.length > 0 && bytes + b > budgetBytes * 0.8) break;
      batch.push(pending.shift() as Piece);
      bytes += b;
    }
    const ranges = batch.map((p) => {
      const b = befores[p.sheet];
      const r = sheets[p.sheet].ws.getRange(blockAddress(b.row + p.row, b.col, p.rows, Math.max(1, b.cols)));
      r.load('formulas,values,valueTypes,numberFormat');
      return r;
    });
    try {
      await context.sync();
    } catch (e) {
      const tooLarge = officeErrorCode(e) === 'ResponsePayloadSizeLimitExceeded';
      if (!tooLarge || batch.every((p) => p.rows === 1)) throw e;
      // Larger cells than guessed: split every block of this batch in two and read again.
      const split: Piece[] = [];
      for (const p of batch) {
        const half = Math.ceil(p.rows / 2);
        split.push({ ...p, rows: half });
        if (p.rows > half) split.push({ sheet: p.sheet, row: p.row + half, rows: p.rows - half });
      }
      pending.unshift(...split);
      continue;
    }
    batch.forEach((p, k) => {
      const r = ranges[k];
      const b = befores[p.sheet];
      const entries = restorable(r.formulas, r.values, r.valueTypes);
      for (let i = 0; i < p.rows; i++) {
        b.formulas[p.row + i] = entries[i];
        b.numberFormats[p.row + i] = r.numberFormat[i];
      }
    });
  }
  return out;
}
