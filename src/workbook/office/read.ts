import { columnIndex, type CellRange, type CellValue } from '../../core/cells';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { PortError, type ReadOptions } from '../port';
import type { OfficeFeatures } from './capabilities';
import { blockAddress, jsonBytes, toCellValue } from './cells';

/**
 * Reading a workbook into plain data.
 *
 * Syncs, exactly:
 *   namesOnly: 1 (the sheet list).
 *   otherwise: 2 + V — 1 for the sheet list, 1 for the used-range size (and merged areas, ExcelApi
 *   1.13) of every selected sheet together, and V value syncs. A value sync loads values + valueTypes
 *   of row blocks, from one or several sheets, holding at most min(maxReadCells, budget / bytesPerCell)
 *   cells. bytesPerCell starts at 32 and then follows what the previous value sync really measured
 *   (×1.25, at least 12). So V = 1 for any workbook whose selected sheets total under ~125,000 cells
 *   (a 6,000-row roster of 20 columns) however they are split in rows; past that, V grows with the
 *   size of the data (Excel on the web answers at most 5 MB per sync and may return nothing for
 *   more than 5,000,000 cells), never with one sync per row or per sheet.
 */

export interface ReadLimits {
  /** Estimated response bytes per value sync. */
  readonly budgetBytes: number;
  /** Cells per value sync (Excel on the web may return null past 5,000,000). */
  readonly maxReadCells: number;
}

export const INITIAL_BYTES_PER_CELL = 32;
const MIN_BYTES_PER_CELL = 12;

interface Pending {
  readonly name: string;
  readonly visible: boolean;
  readonly ws: Excel.Worksheet;
  used?: Excel.Range;
  merged?: Excel.RangeAreas;
  origin: { row: number; col: number };
  rows: number;
  cols: number;
  values: CellValue[][];
  merges?: CellRange[];
  nextRow: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  options: ReadOptions,
  limits: ReadLimits,
): Promise<WorkbookSnapshot> {
  const list = context.workbook.worksheets;
  list.load('items/name,items/visibility');
  await context.sync();

  const all = list.items.map((ws) => ({ ws, name: ws.name, visible: ws.visibility === 'Visible' }));
  if (options.namesOnly) {
    return { sheets: all.map((s) => ({ name: s.name, origin: { row: 0, col: 0 }, values: [], visible: s.visible })) };
  }
  const wanted = options.sheets;
  const pending: Pending[] = [];
  for (const s of all) {
    if (wanted && !wanted.includes(s.name)) continue;
    pending.push({ ...s, origin: { row: 0, col: 0 }, rows: 0, cols: 0, values: [], nextRow: 0 });
  }

  for (const p of pending) {
    // valuesOnly (1.2): formatting alone does not make a 1,048,576-row used range.
    p.used = features.usedRangeValuesOnly ? p.ws.getUsedRange(true) : p.ws.getUsedRange();
    p.used.load('rowIndex,columnIndex,rowCount,columnCount');
    if (features.mergedAreas) {
      p.merged = p.used.getMergedAreasOrNullObject();
      p.merged.load('address');
    }
  }
  if (pending.length > 0) await context.sync();

  for (const p of pending) {
    const used = p.used as Excel.Range;
    p.origin = { row: used.rowIndex, col: used.columnIndex };
    p.rows = used.rowCount;
    p.cols = used.columnCount;
    if (p.merged && !p.merged.isNullObject) p.merges = parseAreas(p.merged.address);
  }

  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  let sheetIndex = 0;
  while (sheetIndex < pending.length) {
    const capacity = Math.max(1, Math.min(limits.maxReadCells, Math.floor(limits.budgetBytes / bytesPerCell)));
    let cellsInSync = 0;
    const blocks: { p: Pending; row: number; count: number; range: Excel.Range }[] = [];
    while (sheetIndex < pending.length) {
      const p = pending[sheetIndex];
      const left = p.rows - p.nextRow;
      if (left <= 0) {
        sheetIndex++;
        continue;
      }
      const fit = Math.floor((capacity - cellsInSync) / Math.max(1, p.cols));
      if (fit <= 0 && blocks.length > 0) break;
      const count = Math.min(left, Math.max(1, fit));
      const range = p.ws.getRange(blockAddress(p.origin.row + p.nextRow, p.origin.col, count, p.cols));
      range.load('values,valueTypes');
      blocks.push({ p, row: p.nextRow, count, range });
      p.nextRow += count;
      cellsInSync += count * p.cols;
    }
    if (blocks.length === 0) break;
    await context.sync();

    let bytes = 0;
    let cells = 0;
    for (const b of blocks) {
      const values = b.range.values;
      const types = b.range.valueTypes;
      if (!values || !types) throw new PortError('office.readTooLarge', { sheet: b.p.name });
      for (let i = 0; i < b.count; i++) {
        const vRow = values[i] ?? [];
        const tRow = types[i] ?? [];
        const out: CellValue[] = new Array(b.p.cols);
        for (let j = 0; j < b.p.cols; j++) {
          out[j] = toCellValue(vRow[j], tRow[j] as string | undefined);
          bytes += jsonBytes(typeof vRow[j] === 'number' || typeof vRow[j] === 'boolean' ? vRow[j] : String(vRow[j] ?? '')) + String(tRow[j] ?? '').length + 4;
        }
        b.p.values[b.row + i] = out;
      }
      cells += b.count * b.p.cols;
    }
    if (cells > 0) bytesPerCell = Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytes / cells) * 1.25));
  }

  return {
    sheets: all.map((s) => {
      const p = pending.find((x) => x.ws === s.ws);
      if (!p) return { name: s.name, origin: { row: 0, col: 0 }, values: [], visible: s.visible };
      const snapshot: SheetSnapshot = trimBlank({ name: p.name, origin: p.origin, values: p.values, visible: p.visible });
      return p.merges ? { ...snapshot, merges: p.merges } : snapshot;
    }),
  };
}

/** A blank sheet reads as A1 holding ""; give the core an empty block instead. */
function trimBlank(s: SheetSnapshot): SheetSnapshot {
  if (s.values.length === 1 && s.values[0].length === 1 && s.values[0][0] === null) return { ...s, values: [] };
  return s;
}

/** "'My sheet'!A1:B2, Sheet1!$D$4" -> 0-based blocks. Sheet names may hold commas and quotes. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /(?:'(?:[^']|'')*'|[^'!,\s][^'!,]*)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const c1 = columnIndex(m[1]);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    out.push({ row: r1, col: c1, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 });
  }
  return out;
}
