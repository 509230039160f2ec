/**
 * The in-memory workbook behind the Office.js double: plain data that tests set up and inspect.
 * Cell input follows Excel's rules for typed entries, because that is what decides whether text the
 * add-in writes stays text: a leading apostrophe makes text (and is not part of the value); = + - @
 * start a formula; digits, dates and TRUE/FALSE become numbers, dates and booleans.
 */
import { columnIndex, columnLetter, type CellRange } from '../../src/core/cells';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type ValueType = 'String' | 'Double' | 'Boolean' | 'Error';

export interface Cell {
  /** Stored value; undefined when the cell only carries formatting. */
  v?: string | number | boolean;
  t?: ValueType;
  /** The formula text when the cell holds a formula. */
  f?: string;
  /** The entry began with an apostrophe (Excel's quote prefix). */
  quote?: boolean;
  nf?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  link?: string;
}

export interface Block {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function isBlank(c: Cell): boolean {
  return c.v === undefined && c.nf === undefined && c.fill === undefined && c.font === undefined && c.bold === undefined && c.link === undefined;
}

/** A chart as the double keeps it: what it was drawn from and where it sits. */
export interface ChartState {
  name: string;
  readonly type: string;
  /** The block given to charts.add (header row included), on its sheet. */
  readonly source: { readonly sheet: SheetState; readonly block: Block };
  readonly seriesBy: string;
  /** One per value column: every source column but a first column of text labels. */
  readonly series: { name?: string }[];
  title?: string;
  /** Top-left and bottom-right cells (0-based) given to setPosition. */
  position?: { readonly from: { row: number; col: number }; readonly to: { row: number; col: number } };
  /** Set through the category axis (ExcelApi 1.7) when the labels are not beside the values. */
  categoryNames?: { readonly sheet: SheetState; readonly block: Block };
}

export class SheetState {
  readonly cells = new Map<number, Map<number, Cell>>();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  merges: CellRange[] = [];
  notes = new Map<string, string>(); // "row,col" -> content
  conditionalFormats: { block: Block; formula?: string; fill?: string; font?: string }[] = [];
  validations: { block: Block; rule: unknown }[] = [];
  columnWidths = new Map<number, number>();
  /** Columns hidden through Range.columnHidden (0-based); Range.clear leaves them hidden, as Excel does. */
  hiddenColumns = new Set<number>();
  /** Columns whose RangeFormat.wrapText was set (0-based); clearing whole columns unwraps them. */
  wrappedColumns = new Set<number>();
  /** Charts floating over the sheet, in the order they were added. */
  charts: ChartState[] = [];
  frozenRows = 0;
  /** Worksheet.pageLayout as set (ExcelApi 1.9): paper, orientation, margins in points, title rows ("$2:$2"). */
  print: { paperSize?: string; orientation?: string; centerHorizontally?: boolean; margins: Record<string, number>; titleRows?: string } = { margins: {} };
  /** Manual horizontal page breaks: the 0-based rows a new page starts with (horizontalPageBreaks, 1.9). */
  rowBreaks: number[] = [];
  /** A protected sheet refuses writes with AccessDenied, as Excel does. */
  protected = false;

  constructor(public name: string) {}

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): Cell {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    let c = line.get(col);
    if (!c) {
      c = { v: undefined, t: undefined, f: undefined, quote: undefined, nf: undefined, fill: undefined, font: undefined, bold: undefined, link: undefined };
      line.set(col, c);
    }
    return c;
  }

  /** Bounding block of cells holding values (valuesOnly) or anything; null when the sheet is blank. */
  usedBlock(valuesOnly: boolean): Block | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, line] of this.cells) {
      for (const [c, cell] of line) {
        if (valuesOnly ? cell.v === undefined : isBlank(cell)) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Visit existing cells inside a block (not every address: whole-sheet blocks stay cheap). */
  forEachIn(b: Block, fn: (cell: Cell, row: number, col: number, line: Map<number, Cell>) => void): void {
    for (const [r, line] of this.cells) {
      if (r < b.row || r >= b.row + b.rows) continue;
      for (const [c, cell] of line) if (c >= b.col && c < b.col + b.cols) fn(cell, r, c, line);
    }
  }

  /** Test helper: a 2D array of plain values (what a person typed), top-left at (row, col). */
  put(row: number, col: number, values: readonly (readonly (string | number | boolean | null)[])[]): this {
    values.forEach((line, i) => line.forEach((v, j) => v !== null && enter(this.ensure(row + i, col + j), v)));
    return this;
  }
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  tables: { name: string; sheet: SheetState; block: Block; style?: string }[] = [];
  /**
   * File > Options > Advanced > "Use 1904 date system" (old Mac workbooks): date serials count from
   * 1904-01-01, 1,462 days lower than in the default 1900 system. Worksheet functions answer in it
   * (DATE(1904,1,1) is 0); the double's stored serials are whatever a test puts there.
   */
  date1904 = false;
  /** Review > Protect Workbook (structure): no sheet may be added, deleted, copied, renamed, moved, hidden or shown. */
  structureProtected = false;
  /** Workbook-scoped names (Name Manager): a name and its formula, e.g. ['总人数', "='统计汇总'!$C$3"]. */
  names: { name: string; formula: string }[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: SheetState; block: Block } | undefined;
  private tableCounter = 0;
  private chartCounter = 0;

  nextChartName(): string {
    return `Chart ${++this.chartCounter}`;
  }

  addSheet(name: string): SheetState {
    const s = new SheetState(name);
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  nextTableName(): string {
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
    return name;
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function dateSerial(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What Excel computes for the one formula the add-in builds; anything else shows an error. */
function evaluate(formula: string): { v: string | number | boolean; t: ValueType } {
  const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(formula);
  if (link) return { v: link[2].replace(/""/g, '"'), t: 'String' };
  return { v: '#NAME?', t: 'Error' };
}

/** Store an entry the way Excel does when it is typed or set through `values`/`formulas`. */
export function enter(cell: Cell, input: string | number | boolean): void {
  // Assign undefined rather than delete: deleting keys drops V8 objects into slow dictionary mode.
  cell.f = undefined;
  cell.quote = undefined;
  if (typeof input === 'number') {
    cell.v = input;
    cell.t = 'Double';
    return;
  }
  if (typeof input === 'boolean') {
    cell.v = input;
    cell.t = 'Boolean';
    return;
  }
  if (input === '') {
    cell.v = undefined;
    cell.t = undefined;
    return;
  }
  if (input.startsWith("'")) {
    cell.v = input.slice(1);
    cell.t = 'String';
    cell.quote = true;
    if (cell.v === '') cell.v = cell.t = undefined;
    return;
  }
  if (cell.nf === '@') {
    // A text-formatted cell stores what was typed, formulas included, as text.
    cell.v = input;
    cell.t = 'String';
    return;
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number loses its tail.
    const pct = trimmed.endsWith('%');
    const n = Number(pct ? trimmed.slice(0, -1) : trimmed);
    cell.v = Number((pct ? n / 100 : n).toPrecision(15));
    cell.t = 'Double';
    return;
  }
  if (/^[=+\-@]/.test(input)) {
    cell.f = input.startsWith('=') ? input : `=${input}`;
    const r = evaluate(cell.f);
    cell.v = r.v;
    cell.t = r.t;
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.v = /^true$/i.test(trimmed);
    cell.t = 'Boolean';
    return;
  }
  const date = ISO_DATE.exec(trimmed);
  const serial = date ? dateSerial(Number(date[1]), Number(date[2]), Number(date[3])) : null;
  if (serial !== null) {
    cell.v = serial;
    cell.t = 'Double';
    return;
  }
  cell.v = input;
  cell.t = 'String';
}

/** Parse an A1 reference with an optional sheet ("'Sheet'!A1:B2", "C:C", "3:3", "E12"). */
export function parseAddress(address: string): { sheet?: string; block: Block } {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    const s = address.slice(0, bang);
    sheet = s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
    ref = address.slice(bang + 1);
  }
  const part = (p: string) => {
    const m = /^\$?([A-Z]{0,3})\$?(\d*)$/i.exec(p);
    if (!m || (!m[1] && !m[2])) throw invalid(`bad address ${address}`);
    return { col: m[1] ? columnIndex(m[1]) : -1, row: m[2] ? Number(m[2]) - 1 : -1 };
  };
  const [a, b = a] = ref.split(':');
  const p1 = part(a);
  const p2 = part(b);
  const row = p1.row < 0 ? 0 : p1.row;
  const col = p1.col < 0 ? 0 : p1.col;
  const row2 = p2.row < 0 ? MAX_ROWS - 1 : p2.row;
  const col2 = p2.col < 0 ? MAX_COLS - 1 : p2.col;
  if (row2 < row || col2 < col || row2 >= MAX_ROWS || col2 >= MAX_COLS) throw invalid(`bad address ${address}`);
  return { sheet, block: { row, col, rows: row2 - row + 1, cols: col2 - col + 1 } };
}

export function blockA1(b: Block): string {
  const a = `${columnLetter(b.col)}${b.row + 1}`;
  return b.rows === 1 && b.cols === 1 ? a : `${a}:${columnLetter(b.col + b.cols - 1)}${b.row + b.rows}`;
}

export function overlaps(a: Block, b: Block): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** An error as Office.js raises it: a code the port maps to a message. */
export class OfficeDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

export function invalid(message: string): OfficeDoubleError {
  return new OfficeDoubleError('InvalidArgument', message);
}
