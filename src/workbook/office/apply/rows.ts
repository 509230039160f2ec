import { isLinkCell, type PlanCell, type SheetContent } from '../../../core/plan/types';
import { DATE_FORMAT_CODE } from '../../../core/plan/formats';
import { OFFICE_COMMAND_BYTES, type QueuedCommand } from '../batch';
import type { OfficeFeatures } from '../capabilities';
import { restorable } from '../capture';
import { blockAddress, cellAddress, cellNumberFormat, isTruncated, jsonBytes, linkTarget, rowBytes, writtenPlanCell } from '../cells';

/** A worksheet proxy by name (ApplyState's, made once per sheet). */
export type SheetOf = (name: string) => Excel.Worksheet;

/** A colleague wrote into the rows being appended between the look and the write. */
export class AppendConflict extends Error {
  constructor(
    readonly sheet: string,
    readonly firstRow: number,
    readonly area: Excel.Range,
    readonly before: unknown[][],
  ) {
    super('append conflict');
  }
}

/** Where rows go and how: the sheet, the first row, the width, and what writing them may need. */
export interface RowTarget {
  readonly sheet: SheetOf;
  readonly name: string;
  readonly firstRow: number;
  readonly width: number;
  readonly features: OfficeFeatures;
  /** The workbook counts dates from 1904 (the look asked Excel): date cells are written in its serials. */
  readonly date1904?: boolean;
  readonly degraded: Set<string>;
  readonly budgetBytes: number;
  /**
   * Appending: in the same sync as the first block, and before it, read what the whole target area
   * holds. It was empty when we looked; if a colleague wrote there in between, put it back and stop.
   */
  readonly guardAppend?: boolean;
  /** Appending: told the number formats the area had, when a row carries a formatted cell (for undo). */
  readonly formatsBefore?: (numberFormats: unknown[][]) => void;
  /** The number format each cell is given before its value: cellNumberFormat (dates) unless told otherwise. */
  readonly formatOf?: (c: PlanCell) => string | null;
}

/** One block of rows as written: values, whether any is a formula, and its formatted cells [row in block, column, format]. */
interface Block {
  readonly start: number;
  readonly values: (string | number | boolean)[][];
  readonly dates: [number, number, string][];
  bytes: number;
  asFormulas: boolean;
}

/** Rows as sized block writes starting at `t.firstRow`, column A; then links as hyperlinks (or formulas). */
export function rowBlockCommands(t: RowTarget, rows: readonly (readonly PlanCell[])[]): QueuedCommand[] {
  const links: QueuedCommand[] = [];
  const blocks: Block[] = [];
  const maxBlockBytes = Math.max(1, Math.floor(t.budgetBytes * 0.9));
  let block: Block = { start: t.firstRow, values: [], dates: [], bytes: 0, asFormulas: false };
  // Each run of date cells down a column is a numberFormat write of its own (blockCommand): a getRange and
  // a property set on the wire, as much as a cell write (≈ 455 B), plus the format text per cell. 成长记录,
  // whose dates are broken by a header line per child, has thousands of runs: counted here, so a block and
  // its sync stay under the budget (before, 2,000 children's records went out in requests of 5.1 MB).
  const formatOf = t.formatOf ?? cellNumberFormat;
  let previousDates = new Map<number, string>();
  rows.forEach((row, i) => {
    const line = new Array<string | number | boolean>(t.width);
    let formula = false;
    for (let c = 0; c < t.width; c++) {
      const cell: PlanCell = c < row.length ? row[c] : null;
      line[c] = writtenPlanCell(cell, t.features.hyperlinks, t.date1904);
      if (isTruncated(cell)) t.degraded.add('office.textTruncated');
      if (!isLinkCell(cell)) continue;
      if (t.features.hyperlinks) links.push(linkCommand(t.sheet, t.name, t.firstRow + i, c, linkTarget(cell.link)));
      else {
        formula = true;
        t.degraded.add('host.noHyperlinks');
      }
    }
    const dates = new Map<number, string>();
    for (let c = 0; c < row.length && c < t.width; c++) {
      const format = formatOf(row[c]);
      if (format) dates.set(c, format);
    }
    const formatBytes = (newRun: boolean) =>
      [...dates].reduce((n, [c, format]) => n + formatBytesOf(format) + 3 + (newRun || previousDates.get(c) !== format ? DATE_RUN_BYTES : 0), 0);
    let bytes = rowBytes(line) + 1 + formatBytes(block.values.length === 0);
    if (block.values.length > 0 && block.bytes + bytes > maxBlockBytes) {
      blocks.push(block);
      block = { start: block.start + block.values.length, values: [], dates: [], bytes: 0, asFormulas: false };
      bytes = rowBytes(line) + 1 + formatBytes(true);
    }
    previousDates = dates;
    for (const [c, format] of dates) block.dates.push([block.values.length, c, format]);
    block.values.push(line);
    block.bytes += bytes;
    block.asFormulas ||= formula;
  });
  if (block.values.length > 0) blocks.push(block);
  const loadFormats = !!t.formatsBefore && rows.some((r) => r.some((c) => formatOf(c) !== null));
  return [...blocks.map((b, i) => blockCommand(t, b, i === 0 && !!t.guardAppend, rows.length, loadFormats)), ...links];
}

/** The write of one block; the first block of an append also guards the whole area (see RowTarget). */
function blockCommand(t: RowTarget, b: Block, guarded: boolean, totalRows: number, loadFormats: boolean): QueuedCommand {
  const { sheet, name } = t;
  const dateRuns = columnRuns(b.dates);
  const guardAddress = blockAddress(t.firstRow, 0, Math.max(1, totalRows), t.width);
  let guard: Excel.Range | undefined;
  return {
    // b.bytes holds the date formats and each run's own write (see rowBlockCommands).
    requestBytes: b.bytes,
    responseBytes: guarded ? totalRows * t.width * (loadFormats ? 30 : 16) : 0,
    queue: () => {
      if (guarded) {
        guard = sheet(name).getRange(guardAddress);
        // Two literal loads, not one conditional argument: the office-addins lint reads only literals.
        if (loadFormats) guard.load('formulas,values,valueTypes,numberFormat');
        else guard.load('formulas,values,valueTypes');
      }
      // The date format goes on before the serial: a number entered into a text-formatted (@)
      // column of a teacher's table would otherwise be kept as text.
      for (const run of dateRuns) {
        const formats = new Array<string[]>(run.count);
        for (let k = 0; k < run.count; k++) formats[k] = [run.format];
        sheet(name).getRange(blockAddress(b.start + run.row, run.col, run.count, 1)).numberFormat = formats;
      }
      const range = sheet(name).getRange(blockAddress(b.start, 0, b.values.length, t.width));
      if (b.asFormulas) range.formulas = b.values;
      else range.values = b.values;
    },
    after: guarded
      ? () => {
          const g = guard as Excel.Range;
          if (g.valueTypes.some((line) => line.some((v) => String(v) !== 'Empty'))) throw new AppendConflict(name, t.firstRow, g, restorable(g.formulas, g.values, g.valueTypes));
          if (loadFormats) t.formatsBefore?.(g.numberFormat);
        }
      : undefined,
  };
}

const DATE_FORMAT_BYTES = jsonBytes(DATE_FORMAT_CODE);
const FORMAT_BYTES = new Map<string, number>([[DATE_FORMAT_CODE, DATE_FORMAT_BYTES]]);
/** The wire bytes of a format code: the date's and General's, counted once. */
function formatBytesOf(format: string): number {
  let n = FORMAT_BYTES.get(format);
  if (n === undefined) FORMAT_BYTES.set(format, (n = jsonBytes(format)));
  return n;
}
/** One numberFormat write of a run of date cells, beyond the format text: a range write's envelope. */
const DATE_RUN_BYTES = OFFICE_COMMAND_BYTES.cellWrite + 20;

/** Runs of consecutive rows of one format per column among [row, column, format] cells listed row by row. */
function columnRuns(cells: readonly [number, number, string][]): { row: number; col: number; count: number; format: string }[] {
  const open = new Map<number, { row: number; col: number; count: number; format: string }>();
  const runs: { row: number; col: number; count: number; format: string }[] = [];
  for (const [row, col, format] of cells) {
    const run = open.get(col);
    if (run && run.row + run.count === row && run.format === format) run.count++;
    else {
      const next = { row, col, count: 1, format };
      open.set(col, next);
      runs.push(next);
    }
  }
  return runs;
}

function linkCommand(sheet: SheetOf, name: string, row: number, col: number, target: string): QueuedCommand {
  return {
    requestBytes: jsonBytes(target) + 30,
    queue: () => {
      sheet(name).getRange(cellAddress(row, col)).hyperlink = { documentReference: target };
    },
  };
}

/** One cell's write (value, date format) and, where hyperlinks exist, its link. */
export function cellCommands(sheet: SheetOf, name: string, row: number, col: number, value: PlanCell, f: OfficeFeatures, degraded: Set<string>, date1904 = false): QueuedCommand[] {
  const written = writtenPlanCell(value, f.hyperlinks, date1904);
  const format = cellNumberFormat(value);
  if (isLinkCell(value) && !f.hyperlinks) degraded.add('host.noHyperlinks');
  if (isTruncated(value)) degraded.add('office.textTruncated');
  const out: QueuedCommand[] = [
    {
      requestBytes: jsonBytes(written) + 10 + (format ? DATE_FORMAT_BYTES + 4 : 0),
      queue: () => {
        const range = sheet(name).getRange(cellAddress(row, col));
        if (format) range.numberFormat = [[format]];
        if (isLinkCell(value) && !f.hyperlinks) range.formulas = [[written]];
        else range.values = [[written]];
      },
    },
  ];
  if (isLinkCell(value) && f.hyperlinks) out.push(linkCommand(sheet, name, row, col, linkTarget(value.link)));
  return out;
}

/** The longest row's length (a loop: spreading 100,000 rows into Math.max overflows the stack). */
export function widest(rows: readonly (readonly unknown[])[], atLeast: number): number {
  let w = atLeast;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/** Columns a sheet's content spans: its header, or its longest row when a row is longer. */
export function contentWidth(content: SheetContent): number {
  return widest(content.rows, Math.max(1, content.columns.length));
}
