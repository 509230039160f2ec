import { columnIndex, columnLetter, type CellRange, type CellValue } from '../../core/cells';
import { DAYS_1900_TO_1904 } from '../../core/dates';
import type { SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../core/snapshot';
import { DateRunsBuilder, dateFormatKind } from '../../core/dateFormats';
import { HEADER_SCAN_ROWS } from '../../core/roster/detect';
import { isAddinSheet } from '../../core/sheets';
import { PortError, type ReadOptions } from '../port';
import type { OfficeFeatures } from './capabilities';
import { blockAddress, jsonBytes, toCellValue } from './cells';
import { officeErrorCode } from './errors';
import { BACKUP_PREFIX } from './undo/record';

/**
 * Reading a workbook into plain data.
 *
 * The size of a sheet is unknown until Excel says, and Excel on the web answers at most 5 MB per sync
 * and may return nothing past 5,000,000 cells. So each sheet's used range is asked for together with
 * its values inside a box of its first rows: the used range intersected with A1:AV<n>, n = capacity /
 * 48 columns / min(2, sheets read), capacity = 4 MB at 32 bytes a cell ≈ 125,000 cells. Only what lies
 * outside the box takes more syncs. Only ExcelApi 1.1 calls are needed for this.
 *
 * Syncs, exactly:
 *   namesOnly ................................... 1
 *   `sheets` named .............................. 1 + V + M
 *   all sheets .................................. 2 + V + M   (the list first, to know the names)
 * V = 0 when every sheet read fits its box: up to 48 columns and 2,604 rows when one sheet is read,
 * 1,302 rows each when several are — whatever else. Past that, V value syncs each load row blocks of
 * at most min(maxReadCells, budget / bytesPerCell) cells, bytesPerCell starting at 32 and then
 * following what the previous sync really carried (×1.25, at least 12): V follows the size of the
 * data, never one sync per row or per sheet. M = 0 below ExcelApi 1.13 and where no sheet read has a
 * blank cell below its first HEADER_SCAN_ROWS rows; else 1 (the body's merged areas, below), or 2 + more
 * when a column holds over 512 of them.
 * Rare cases add one sync, because reads change nothing and can simply be asked again: a named sheet
 * that does not exist, data that starts below or right of the box (Excel refuses an empty
 * intersection), boxes or blocks refused for their size (…PayloadSizeLimitExceeded: asked again
 * a quarter the size, and the estimate of bytes per cell never shrinks again).
 *
 * Merged areas (ExcelApi 1.13) are asked for only where a header can be: the first HEADER_SCAN_ROWS rows
 * of the used range, which is all the core reads them for. Range.getMergedAreasOrNullObject fails when
 * the range holds more than 512 merged areas (typings; a roster with a merged cell per row has thousands),
 * with an undocumented error code; a sync that asked for merges and failed for any other reason than its
 * size is asked again without them (one more sync), and the merges are then looked up row by row (one
 * more: at most 512 in a row needs over 1,024 columns); if that fails too, the sheet is read without
 * merges, as below ExcelApi 1.13. Never a failed read. (office-js #5918: the call also clears Excel's undo
 * stack; see tests/office-double/RULES.md.)
 *
 * Below the header rows, merged cells carry a roster's values (班级 merged down each class, twins sharing
 * one guardian cell), so they are read too, once the values are in: one more sync, when ExcelApi 1.13 is
 * there and a sheet read (not one of the add-in's own) has rows below the first HEADER_SCAN_ROWS. Each
 * column is looked at on its own, from the first row below the header scan to the last, and only where it
 * or the column on its right holds a blank cell there (a merged area's other cells read blank). Excel
 * returns only the areas whose top-left cell is in the range asked about (office-js #3611), so a column's
 * look finds the areas starting in it and the looks never overlap. A class or twins' column holds a few
 * dozen areas; a column holding over 512 fails the sync, and then every column is asked again 512 rows a
 * look (a block of 512 cells cannot hold more areas than cells), MAX_MERGE_LOOKS looks a sync. If that fails
 * too, the sheets go without their body merges.
 *
 * 1904-date workbooks (old Mac files) count serials from 1904-01-01, 1,462 days below Excel's default
 * system, which the core reads. The first sync asks Excel for DATE(1904,1,1) (workbook.functions,
 * ExcelApi 1.2): 0 means the 1904 system. Such a workbook's blocks are read with their number formats
 * and the date-formatted serials moved into the 1900 system, as the file port does (a time of day alone
 * is the same in both); when the boxes came in that first sync, their formats take one more sync. */

export interface ReadLimits {
  /** Estimated response bytes per value sync. */
  readonly budgetBytes: number;
  /** Cells per value sync (Excel on the web may return null past 5,000,000). */
  readonly maxReadCells: number;
}

export const INITIAL_BYTES_PER_CELL = 32;
const MIN_BYTES_PER_CELL = 12;
/** Columns of the box read together with the sizes: A:AV holds any roster seen so far (about 30 columns). */
export const BOX_COLUMNS = 48;
/** Each refusal quarters the sync; five of them take 4 MB down to 4 KB. */
const MAX_RETRIES = 5;

interface Pending {
  readonly key: string;
  /** The sheet's name as Excel spells it, once the list is read. */
  name: string;
  readonly ws: Excel.Worksheet;
  used?: Excel.Range;
  box?: Excel.Range;
  merged?: Excel.RangeAreas;
  origin: { row: number; col: number };
  rows: number;
  cols: number;
  values: CellValue[][];
  merges?: CellRange[];
  /** The sheet's date-formatted cells, collected in 1904 workbooks only (their serials were moved). */
  dates?: DateRunsBuilder;
  nextRow: number;
}

/** Excel's Worksheet.visibility as the snapshot spells it. */
const VISIBILITY: Readonly<Record<string, SheetVisibility>> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

const isRetryable = (e: unknown) => /PayloadSizeLimitExceeded$|^ItemNotFound$/.test(officeErrorCode(e) ?? '');

/**
 * Read the workbook into a snapshot in as few syncs as the sizes allow (see the comment at the head of the file).
 * It stays one function because its first sync is shared: the list, the boxes, the merged areas and the date
 * probe are queued together and each retry re-queues the same set, so the steps share the queued proxies.
 */
// eslint-disable-next-line max-lines-per-function -- one shared first sync and its retries (the comment above)
export async function readWorkbook(context: Excel.RequestContext, features: OfficeFeatures, options: ReadOptions, limits: ReadLimits): Promise<WorkbookSnapshot> {
  const capacity = Math.max(1, Math.min(limits.maxReadCells, Math.floor(limits.budgetBytes / INITIAL_BYTES_PER_CELL)));
  const list = context.workbook.worksheets;

  let refused = false; // Excel refused the boxes: the cells are larger than guessed
  // DATE(1904,1,1) in the workbook's system: 0 in a 1904 workbook (ExcelApi 1.2; below, the 1900 system is assumed).
  let dateProbe: Excel.FunctionResult<number> | undefined;
  const queueDateProbe = () => {
    if (features.api < 2) return;
    dateProbe = context.workbook.functions.date(1904, 1, 1);
    dateProbe.load('value');
  };
  let date1904 = false; // the 1900 system until the first sync's probe says otherwise
  const formatsToo = () => (date1904 ? ',numberFormat' : '');
  // Set when a sync with merged-area looks failed: every later size sync goes without them.
  let mergesRefused = false;
  const withMerges = () => features.mergedAreas && !mergesRefused;

  /** Queue each sheet's size, its header rows' merged areas (1.13) and, when boxRows > 0, the values in its box. */
  const queueSizes = (sheets: readonly { key: string; ws: Excel.Worksheet }[], withBoxes: boolean): Pending[] => {
    // A box costs only the cells it finds, and most sheets are small: share the budget as if at most
    // two were large. Several large sheets overflow the answer, which Excel refuses; then ask again.
    const boxRows = withBoxes ? Math.floor(capacity / Math.min(2, Math.max(1, sheets.length)) / BOX_COLUMNS) : 0;
    return sheets.map(({ key, ws }) => {
      const p: Pending = { key, name: key, ws, origin: { row: 0, col: 0 }, rows: 0, cols: 0, values: [], nextRow: 0 };
      // valuesOnly (1.2): formatting alone must not make a 1,048,576-row used range. A blank sheet's used range is A1.
      p.used = features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
      p.used.load('rowIndex,columnIndex,rowCount,columnCount');
      if (withMerges()) {
        p.merged = p.used
          .getRow(0)
          .getResizedRange(HEADER_SCAN_ROWS - 1, 0)
          .getMergedAreasOrNullObject();
        p.merged.load('address');
      }
      if (boxRows > 0) {
        p.box = p.used.getIntersection(`A1:${columnLetter(BOX_COLUMNS - 1)}${boxRows}`);
        p.box.load(`values,valueTypes,rowIndex,columnIndex,rowCount,columnCount${formatsToo()}`);
      }
      return p;
    });
  };

  /** The sizes and boxes of `wanted`; without boxes when Excel refuses them, without merges when it fails on those. */
  const syncSizes = async (wanted: readonly { key: string; ws: Excel.Worksheet }[]): Promise<Pending[]> => {
    let withBoxes = true;
    for (;;) {
      const queued = queueSizes(wanted, withBoxes);
      if (wanted.length === 0) return queued;
      try {
        await context.sync();
        return queued;
      } catch (e) {
        if (isRetryable(e) && withBoxes) {
          refused ||= /PayloadSizeLimitExceeded$/.test(officeErrorCode(e) ?? '');
          withBoxes = false;
        } else if (!isRetryable(e) && withMerges()) {
          mergesRefused = true;
        } else throw e;
      }
    }
  };

  let pending: Pending[] | undefined;
  list.load('items/name,items/visibility');
  queueDateProbe();
  if (options.sheets !== undefined && !options.namesOnly) {
    // Named sheets: the list, the sizes and the boxes in one sync.
    const names = [...new Set(options.sheets)];
    pending = queueSizes(
      names.map((name) => ({ key: name.toLowerCase(), ws: list.getItem(name) })),
      true,
    );
    try {
      await context.sync();
    } catch (e) {
      if (!isRetryable(e)) {
        if (!withMerges()) throw e;
        mergesRefused = true; // perhaps over 512 merged areas: ask again without them
      }
      refused ||= /PayloadSizeLimitExceeded$/.test(officeErrorCode(e) ?? '');
      pending = undefined; // a name that is not there, data outside the box, or too large: go the long way
      list.load('items/name,items/visibility');
      queueDateProbe();
      await context.sync();
    }
  } else {
    await context.sync();
  }

  date1904 = dateProbe?.value === 0;
  // The boxes came with the first sync, before the date system was known: their formats now.
  const boxFormatsNeeded = date1904 && pending !== undefined;

  // The port's own very hidden backups (undo.ts) are not the teacher's sheets: never listed, never read.
  const all = list.items
    .filter((ws) => !ws.name.startsWith(BACKUP_PREFIX))
    .map((ws) => ({ ws, name: ws.name, visible: ws.visibility === 'Visible', visibility: VISIBILITY[ws.visibility] ?? 'visible' }));
  if (options.namesOnly) {
    return { sheets: all.map((s) => ({ name: s.name, origin: { row: 0, col: 0 }, values: [], visible: s.visible, visibility: s.visibility })) };
  }

  if (!pending) {
    const wanted = all.filter((s) => !options.sheets || options.sheets.some((n) => n.toLowerCase() === s.name.toLowerCase())).map((s) => ({ key: s.name.toLowerCase(), ws: s.ws }));
    pending = await syncSizes(wanted);
  }

  if (boxFormatsNeeded) {
    for (const p of pending) p.box?.load('numberFormat');
    await context.sync();
  }

  for (const p of pending) {
    p.name = all.find((s) => s.name.toLowerCase() === p.key)?.name ?? p.key;
    if (date1904) p.dates = new DateRunsBuilder();
    const used = p.used as Excel.Range;
    p.origin = { row: used.rowIndex, col: used.columnIndex };
    p.rows = used.rowCount;
    p.cols = used.columnCount;
    if (p.merged && !p.merged.isNullObject) p.merges = parseAreas(p.merged.address);
    const box = p.box;
    // The box counts when it starts where the used range starts and spans all its columns.
    if (box && box.rowIndex === p.origin.row && box.columnIndex === p.origin.col && box.columnCount === p.cols) {
      if (!box.values || !box.valueTypes) throw new PortError('office.readTooLarge', { sheet: p.name });
      convertInto(p, 0, box.rowCount, box.values, box.valueTypes, date1904 ? box.numberFormat : undefined);
      p.nextRow = box.rowCount;
    }
  }

  if (mergesRefused && features.mergedAreas) await readMergesByRow(context, pending);

  await readRemainingBlocks(context, pending, limits, refused ? INITIAL_BYTES_PER_CELL * 4 : INITIAL_BYTES_PER_CELL, date1904);

  if (features.mergedAreas) await readBodyMerges(context, pending);

  const byKey = new Map(pending.map((p) => [p.key, p] as const));
  return {
    sheets: all.map((s) => {
      const p = byKey.get(s.name.toLowerCase());
      if (!p) return { name: s.name, origin: { row: 0, col: 0 }, values: [], visible: s.visible, visibility: s.visibility };
      const snapshot: SheetSnapshot = trimBlank({
        name: s.name,
        origin: p.origin,
        values: p.values,
        visible: s.visible,
        visibility: s.visibility,
        ...(p.dates ? { dateFormats: { date1904: true, columns: p.dates.result() } } : {}),
      });
      return p.merges ? { ...snapshot, merges: p.merges } : snapshot;
    }),
  };
}

/** Plain cells from what Excel sent; with `formats` (1904 workbooks), date serials moved into the 1900 system. */
function convertInto(p: Pending, row: number, count: number, values: unknown[][], types: unknown[][], formats?: unknown[][]): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const vRow = values[i] ?? [];
    const tRow = types[i] ?? [];
    const fRow = formats?.[i];
    const out = new Array<CellValue>(p.cols);
    for (let j = 0; j < p.cols; j++) {
      const v = vRow[j];
      out[j] = toCellValue(v, tRow[j] as string | undefined);
      const kind = fRow && typeof out[j] === 'number' ? dateFormatKind(String(fRow[j] ?? '')) : null;
      if (kind) {
        p.dates?.add(p.origin.row + row + i, p.origin.col + j, kind);
        if (kind !== 'time') out[j] = (out[j] as number) + DAYS_1900_TO_1904;
      }
      bytes += jsonBytes(typeof v === 'number' || typeof v === 'boolean' ? v : String(v ?? '')) + String(tRow[j] ?? '').length + 4;
    }
    p.values[row + i] = out;
  }
  return bytes;
}

/** Values outside the boxes, in row blocks packed by size; see the sync formula above. */
async function readRemainingBlocks(context: Excel.RequestContext, pending: Pending[], limits: ReadLimits, startBytesPerCell: number, withFormats = false): Promise<void> {
  let bytesPerCell = startBytesPerCell;
  let retries = startBytesPerCell > INITIAL_BYTES_PER_CELL ? 1 : 0;
  let sheetIndex = 0;
  while (sheetIndex < pending.length) {
    const capacity = Math.max(1, Math.min(limits.maxReadCells, Math.floor(limits.budgetBytes / bytesPerCell)));
    let cellsInSync = 0;
    const blocks: { p: Pending; row: number; count: number; range: Excel.Range }[] = [];
    const startIndex = sheetIndex;
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
      // Two literal loads, not one conditional argument: the office-addins lint reads only literals.
      if (withFormats) range.load('values,valueTypes,numberFormat');
      else range.load('values,valueTypes');
      blocks.push({ p, row: p.nextRow, count, range });
      p.nextRow += count;
      cellsInSync += count * p.cols;
    }
    if (blocks.length === 0) break;
    try {
      await context.sync();
    } catch (e) {
      if (!/PayloadSizeLimitExceeded$/.test(officeErrorCode(e) ?? '') || retries >= MAX_RETRIES || cellsInSync <= 1) throw e;
      // Too large after all: give the rows back and ask again in quarter-size syncs.
      retries++;
      for (const b of [...blocks].reverse()) b.p.nextRow = b.row;
      sheetIndex = startIndex;
      bytesPerCell *= 4;
      continue;
    }

    let bytes = 0;
    let cells = 0;
    for (const b of blocks) {
      const values = b.range.values;
      const types = b.range.valueTypes;
      if (!values || !types) throw new PortError('office.readTooLarge', { sheet: b.p.name });
      bytes += convertInto(b.p, b.row, b.count, values, types, withFormats ? b.range.numberFormat : undefined);
      cells += b.count * b.p.cols;
    }
    if (cells > 0) {
      const measured = Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytes / cells) * 1.25));
      // After a refusal the estimate only grows: the host's limit, not our measure, decided.
      bytesPerCell = retries > 0 ? Math.max(bytesPerCell, measured) : measured;
    }
  }
}

/**
 * The header rows' merged areas, one row at a time, after Excel refused them all at once (over 512). A
 * merge spanning several rows is reported by each: kept once. If Excel refuses these too, the sheets go
 * without merges, as on a host below ExcelApi 1.13: the core then carries a group title right across
 * blank cells.
 */
async function readMergesByRow(context: Excel.RequestContext, pending: readonly Pending[]): Promise<void> {
  const looks = pending.map((p) => {
    const rows = Math.min(HEADER_SCAN_ROWS, p.rows);
    return Array.from({ length: rows }, (_, i) => (p.used as Excel.Range).getRow(i).getMergedAreasOrNullObject().load('address'));
  });
  if (looks.every((l) => l.length === 0)) return;
  try {
    await context.sync();
  } catch {
    return;
  }
  pending.forEach((p, i) => {
    const seen = new Set<string>();
    const merges: CellRange[] = [];
    for (const look of looks[i]) {
      if (look.isNullObject) continue;
      for (const m of parseAreas(look.address)) {
        const key = `${m.row},${m.col},${m.rowCount},${m.colCount}`;
        if (!seen.has(key)) merges.push(m);
        seen.add(key);
      }
    }
    if (merges.length > 0) p.merges = merges;
  });
}

/** Looks at merged areas queued in one sync when Excel refused a column's whole body (each ≈ 300 request bytes). */
const MAX_MERGE_LOOKS = 1_000;
/** Rows of one look after that refusal: a one-column block of 512 cells holds at most 512 areas, Excel's limit. */
const MERGE_LOOK_ROWS = 512;

/** The columns (0-based in the used range) whose body may hold a merged area: it, or the column on its right, has a blank cell there. */
function bodyMergeColumns(p: Pending): number[] {
  if (p.rows <= HEADER_SCAN_ROWS || isAddinSheet(p.name)) return [];
  const blank = new Array<boolean>(p.cols + 1).fill(false);
  for (let i = HEADER_SCAN_ROWS; i < p.rows; i++) {
    const line = p.values[i] ?? [];
    for (let j = 0; j < p.cols; j++) if (!blank[j] && (line[j] ?? null) === null) blank[j] = true;
  }
  const out: number[] = [];
  for (let j = 0; j < p.cols; j++) if (blank[j] || blank[j + 1]) out.push(j);
  return out;
}

/**
 * The merged areas below the header scan (see the comment at the head of the file): each candidate column
 * whole in one sync, else 512 rows a look. Areas the header rows' look already found are kept once.
 */
async function readBodyMerges(context: Excel.RequestContext, pending: readonly Pending[]): Promise<void> {
  const columns = pending.flatMap((p) => bodyMergeColumns(p).map((col) => ({ p, col })));
  if (columns.length === 0) return;
  const looks = (rowsPerLook: number) =>
    columns.flatMap(({ p, col }) => {
      const out: { p: Pending; row: number; count: number; col: number }[] = [];
      for (let row = HEADER_SCAN_ROWS; row < p.rows; row += rowsPerLook) out.push({ p, row, count: Math.min(rowsPerLook, p.rows - row), col });
      return out;
    });
  const found = (await lookForMerges(context, looks(Infinity), Infinity)) ?? (await lookForMerges(context, looks(MERGE_LOOK_ROWS), MAX_MERGE_LOOKS));
  if (!found) return;
  for (const p of pending) {
    const areas = found.get(p);
    if (!areas?.length) continue;
    const seen = new Set((p.merges ?? []).map((m) => `${m.row},${m.col}`));
    const merges = [...(p.merges ?? [])];
    for (const m of areas) {
      if (seen.has(`${m.row},${m.col}`)) continue;
      seen.add(`${m.row},${m.col}`);
      merges.push(m);
    }
    p.merges = merges;
  }
}

/** Ask for the merged areas of each look, `perSync` looks a sync; null when Excel refuses any of them. */
async function lookForMerges(
  context: Excel.RequestContext,
  looks: readonly { p: Pending; row: number; count: number; col: number }[],
  perSync: number,
): Promise<Map<Pending, CellRange[]> | null> {
  const found = new Map<Pending, CellRange[]>();
  for (let start = 0; start < looks.length; start += Math.min(perSync, looks.length)) {
    const batch = looks.slice(start, start + Math.min(perSync, looks.length));
    const asked = batch.map((l) =>
      l.p.ws
        .getRange(blockAddress(l.p.origin.row + l.row, l.p.origin.col + l.col, l.count, 1))
        .getMergedAreasOrNullObject()
        .load('address'),
    );
    try {
      await context.sync();
    } catch {
      return null;
    }
    batch.forEach((l, i) => {
      if (asked[i].isNullObject) return;
      const list = found.get(l.p) ?? [];
      list.push(...parseAreas(asked[i].address));
      found.set(l.p, list);
    });
  }
  return found;
}

/** A blank sheet reads as A1 holding "" on old hosts; give the core an empty block instead. */
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
