/**
 * The Excel API subset the add-in uses, as the double models it. Each table is typed against the real
 * Office.js declarations (`Spec<Excel.Range>` accepts only members Excel.Range really has), so the
 * double cannot model a member under a wrong name; anything not listed throws when touched.
 */
import type { Member, TypeSpec, Env } from './engine';
import { blockA1, enter, invalid, MAX_COLS, MAX_ROWS, OfficeDoubleError, overlaps, parseAddress, type Block, type ChartState, type SheetState, type WorkbookState } from './state';
import { insertWorksheetsFromBase64 } from './insert';

type Spec<T> = { readonly [K in keyof T & string]?: Member };

/** Reads over this many cells return null on Excel on the web. */
export const MAX_READ_CELLS = 5_000_000;

/** Range.getMergedAreasOrNullObject fails past this many merged areas (typings). */
export const MAX_MERGED_AREAS = 512;

/**
 * Manual horizontal page breaks one sheet holds: "There is a limit of 1,026 horizontal page breaks per sheet"
 * (Excel VBA, Worksheet.HPageBreaks remarks, https://learn.microsoft.com/office/vba/api/excel.worksheet.hpagebreaks;
 * the same figure in [MS-XLS] 2.4.142 HorizontalPageBreaks). Office.js documents none for
 * PageBreakCollection.add; it drives the same workbook, so the double refuses the 1,027th.
 */
export const MAX_HORIZONTAL_PAGE_BREAKS = 1026;

interface RangeT {
  readonly sheet: SheetState;
  readonly block: Block;
}

function checkWritable(sheet: SheetState): void {
  if (sheet.protected) throw new OfficeDoubleError('AccessDenied', `sheet is protected`);
}

/** Adding, deleting, copying, renaming, moving, hiding sheets: refused while the workbook's structure is protected. */
function checkStructure(state: WorkbookState): void {
  if (state.structureProtected) throw new OfficeDoubleError('AccessDenied', 'workbook structure is protected');
}

function grid<T>(r: RangeT, cell: (row: number, col: number) => T, env: Env): T[][] | null {
  const { block } = r;
  if (block.rows * block.cols > (env.readCellLimit ?? MAX_READ_CELLS)) return null;
  const out: T[][] = new Array(block.rows);
  for (let i = 0; i < block.rows; i++) {
    const line: T[] = new Array(block.cols);
    for (let j = 0; j < block.cols; j++) line[j] = cell(block.row + i, block.col + j);
    out[i] = line;
  }
  return out;
}

function setGrid(r: RangeT, input: unknown, apply: (row: number, col: number, v: unknown) => void): void {
  checkWritable(r.sheet);
  const { block } = r;
  if (!Array.isArray(input) || input.length !== block.rows || input.some((line) => !Array.isArray(line) || line.length !== block.cols)) {
    throw invalid(`expected a ${block.rows}x${block.cols} array for ${blockA1(block)}`);
  }
  for (let i = 0; i < block.rows; i++) {
    for (let j = 0; j < block.cols; j++) {
      const v = (input as unknown[][])[i][j];
      if (v === null || v === undefined) continue; // Office.js leaves a cell alone for null
      apply(block.row + i, block.col + j, v);
    }
  }
}

function enterAt(r: RangeT, row: number, col: number, v: unknown): void {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw invalid(`cannot write ${typeof v}`);
  const cell = r.sheet.ensure(row, col);
  if (cell.v === undefined && cell.f === undefined && cell.nf === undefined && v !== '') cell.nf = extendedListFormat(r.sheet, row, col);
  enter(cell, v);
}

/**
 * Excel's "extend data range formats" (Application.ExtendList, on by default): a value added below a list
 * takes the number format that at least three of the five cells above it share. See RULES.md: whether an
 * add-in's write triggers it is unknown; the double assumes it does, the safer side for the port.
 */
function extendedListFormat(sheet: SheetState, row: number, col: number): string | undefined {
  const counts = new Map<string, number>();
  for (let above = row - 1; above >= Math.max(0, row - 5); above--) {
    const c = sheet.cell(above, col);
    if (c?.v === undefined || !c.nf || c.nf === 'General') continue;
    counts.set(c.nf, (counts.get(c.nf) ?? 0) + 1);
  }
  for (const [nf, n] of counts) if (n >= 3) return nf;
  return undefined;
}

/** Apply a format to every cell of a block (cell by cell; whole columns or sheets are not modeled). */
function formatEach(r: RangeT, fn: (cell: ReturnType<SheetState['ensure']>) => void): void {
  checkWritable(r.sheet);
  if (r.block.rows * r.block.cols > 2_000_000) throw new Error('office-double: formatting a block this large is not modeled');
  for (let i = 0; i < r.block.rows; i++) for (let j = 0; j < r.block.cols; j++) fn(r.sheet.ensure(r.block.row + i, r.block.col + j));
}

function uniform<T>(r: RangeT, pick: (row: number, col: number) => T): T | null {
  let first: T | undefined;
  for (let i = 0; i < r.block.rows; i++) {
    for (let j = 0; j < r.block.cols; j++) {
      const v = pick(r.block.row + i, r.block.col + j);
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

function rangeIn(state: WorkbookState, sheet: SheetState, address: string): RangeT {
  const { sheet: named, block } = parseAddress(address);
  const target = named ? state.sheet(named) : sheet;
  if (!target) throw new OfficeDoubleError('ItemNotFound', `no sheet ${named}`);
  return { sheet: target, block };
}

const RANGE: Spec<Excel.Range> = {
  values: {
    kind: 'prop',
    get: (r: RangeT, env: Env) => grid(r, (row, col) => r.sheet.cell(row, col)?.v ?? '', env),
    set: (r: RangeT, v) => setGrid(r, v, (row, col, x) => enterAt(r, row, col, x)),
  },
  formulas: {
    kind: 'prop',
    get: (r: RangeT, env: Env) => grid(r, (row, col) => r.sheet.cell(row, col)?.f ?? r.sheet.cell(row, col)?.v ?? '', env),
    set: (r: RangeT, v) => setGrid(r, v, (row, col, x) => enterAt(r, row, col, x)),
  },
  valueTypes: {
    kind: 'prop',
    get: (r: RangeT, env: Env) => grid(r, (row, col) => r.sheet.cell(row, col)?.t ?? 'Empty', env),
  },
  numberFormat: {
    kind: 'prop',
    get: (r: RangeT, env: Env) => grid(r, (row, col) => r.sheet.cell(row, col)?.nf ?? 'General', env),
    set: (r: RangeT, v) =>
      setGrid(r, v, (row, col, x) => {
        if (typeof x !== 'string') throw invalid('number format must be text');
        r.sheet.ensure(row, col).nf = x;
      }),
  },
  rowIndex: { kind: 'prop', get: (r: RangeT) => r.block.row },
  columnIndex: { kind: 'prop', get: (r: RangeT) => r.block.col },
  rowCount: { kind: 'prop', get: (r: RangeT) => r.block.rows },
  columnCount: { kind: 'prop', get: (r: RangeT) => r.block.cols },
  address: { kind: 'prop', get: (r: RangeT) => `${quote(r.sheet.name)}!${blockA1(r.block)}` },
  hyperlink: {
    kind: 'prop',
    since: 7,
    set: (r: RangeT, v: Excel.RangeHyperlink) => {
      checkWritable(r.sheet);
      if (r.block.rows !== 1 || r.block.cols !== 1) throw new Error('office-double: hyperlinks on multi-cell ranges are not modeled');
      if (typeof v?.documentReference !== 'string' || Object.keys(v).some((k) => k !== 'documentReference')) {
        throw new Error('office-double: only { documentReference } hyperlinks are modeled');
      }
      r.sheet.ensure(r.block.row, r.block.col).link = v.documentReference;
    },
  },
  columnHidden: {
    kind: 'prop',
    since: 2,
    get: (r: RangeT) => uniform(r, (_row, col) => r.sheet.hiddenColumns.has(col)),
    set: (r: RangeT, v: boolean) => {
      if (r.block.row !== 0 || r.block.rows !== MAX_ROWS) throw new Error('office-double: columnHidden is modeled on whole columns only');
      if (typeof v !== 'boolean') throw invalid('columnHidden must be boolean');
      checkWritable(r.sheet);
      if (r.block.cols === MAX_COLS && !v) r.sheet.hiddenColumns.clear();
      else for (let j = 0; j < r.block.cols; j++) v ? r.sheet.hiddenColumns.add(r.block.col + j) : r.sheet.hiddenColumns.delete(r.block.col + j);
    },
  },
  format: { kind: 'nav', type: 'RangeFormat', get: (r: RangeT) => r },
  dataValidation: { kind: 'nav', since: 8, type: 'DataValidation', get: (r: RangeT) => r },
  conditionalFormats: { kind: 'nav', since: 6, type: 'ConditionalFormatCollection', get: (r: RangeT) => r },
  clear: {
    kind: 'method',
    call: (r: RangeT, args) => {
      if (args.length > 0) throw new Error('office-double: Range.clear(applyTo) is not modeled');
      checkWritable(r.sheet);
      r.sheet.forEachIn(r.block, (_c, _row, col, line) => line.delete(col));
      if (r.block.row === 0 && r.block.rows === MAX_ROWS) for (let j = 0; j < r.block.cols; j++) r.sheet.wrappedColumns.delete(r.block.col + j);
      for (const [row, line] of [...r.sheet.cells]) if (line.size === 0) r.sheet.cells.delete(row);
      for (const key of [...r.sheet.notes.keys()]) {
        const [row, col] = key.split(',').map(Number);
        if (overlaps(r.block, { row, col, rows: 1, cols: 1 })) r.sheet.notes.delete(key);
      }
    },
  },
  unmerge: {
    kind: 'method',
    since: 2,
    call: (r: RangeT) => {
      checkWritable(r.sheet);
      r.sheet.merges = r.sheet.merges.filter((m) => !overlaps(r.block, { row: m.row, col: m.col, rows: m.rowCount, cols: m.colCount }));
    },
  },
  select: {
    kind: 'method',
    call: (r: RangeT, _args, env: Env) => {
      if (env.state.activeSheet !== r.sheet) throw new OfficeDoubleError('InvalidSelection', 'select() on a sheet that is not active');
      env.state.selection = { sheet: r.sheet, block: r.block };
    },
  },
  getIntersection: {
    kind: 'method',
    returns: 'Range',
    call: (r: RangeT, [address], env: Env) => {
      const other = rangeIn(env.state, r.sheet, String(address));
      if (other.sheet !== r.sheet) throw invalid('intersection across sheets');
      const a = r.block;
      const b = other.block;
      const row = Math.max(a.row, b.row);
      const col = Math.max(a.col, b.col);
      const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
      const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
      // Excel answers an empty intersection with ItemNotFound (the OrNullObject form returns a null object).
      return rows > 0 && cols > 0 ? { sheet: r.sheet, block: { row, col, rows, cols } } : null;
    },
  },
  getDirectDependents: {
    kind: 'method',
    since: 13,
    returns: 'WorkbookRangeAreas',
    call: (r: RangeT, _args, env: Env) => {
      if (r.block.rows !== MAX_ROWS || r.block.cols !== MAX_COLS) throw new Error('office-double: getDirectDependents is modeled on a whole sheet only');
      const addresses: string[] = [];
      for (const s of env.state.sheets) {
        for (const [row, line] of s.cells)
          for (const [col, cell] of line) if (cell.f && refersTo(cell.f, r.sheet.name)) addresses.push(`${quote(s.name)}!${blockA1({ row, col, rows: 1, cols: 1 })}`);
      }
      // Excel answers "no dependents" with ItemNotFound.
      return addresses.length > 0 ? { addresses } : null;
    },
  },
  getMergedAreasOrNullObject: {
    kind: 'method',
    since: 13,
    returns: 'RangeAreas',
    orNull: true,
    call: (r: RangeT) => {
      // Only the areas whose top-left cell is in the range: an area reaching in from above or the left is
      // not returned (office-js #3611, "GetMergedAreasOrNullObject only works on top left of merge").
      const areas = r.sheet.merges.filter((m) => overlaps(r.block, { row: m.row, col: m.col, rows: 1, cols: 1 }));
      // Typings (Range.getMergedAreasOrNullObject): "if the merged areas count in this range is more than
      // 512, then this method will fail to return the result". The error code is not documented.
      if (areas.length > MAX_MERGED_AREAS) throw new OfficeDoubleError('GeneralException', `${areas.length} merged areas (Excel answers at most ${MAX_MERGED_AREAS})`);
      return areas.length === 0 ? null : { sheet: r.sheet, areas };
    },
  },
  getRow: {
    kind: 'method',
    returns: 'Range',
    call: (r: RangeT, [row]) => {
      const i = Number(row);
      if (!Number.isInteger(i) || i < 0 || i >= r.block.rows) throw invalid(`row ${String(row)} outside ${blockA1(r.block)}`);
      return { sheet: r.sheet, block: { row: r.block.row + i, col: r.block.col, rows: 1, cols: r.block.cols } };
    },
  },
  getResizedRange: {
    kind: 'method',
    since: 2,
    returns: 'Range',
    call: (r: RangeT, [deltaRows, deltaCols]) => {
      const rows = r.block.rows + Number(deltaRows);
      const cols = r.block.cols + Number(deltaCols);
      if (!(rows >= 1 && cols >= 1 && r.block.row + rows <= MAX_ROWS && r.block.col + cols <= MAX_COLS)) throw invalid('resized range outside the sheet');
      return { sheet: r.sheet, block: { row: r.block.row, col: r.block.col, rows, cols } };
    },
  },
};

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const RANGE_AREAS: Spec<Excel.RangeAreas> = {
  address: {
    kind: 'prop',
    since: 9,
    get: (a: { sheet: SheetState; areas: { row: number; col: number; rowCount: number; colCount: number }[] }) =>
      a.areas.map((m) => `${quote(a.sheet.name)}!${blockA1({ row: m.row, col: m.col, rows: m.rowCount, cols: m.colCount })}`).join(','),
  },
};

const RANGE_FORMAT: Spec<Excel.RangeFormat> = {
  fill: { kind: 'nav', type: 'RangeFill', get: (r: RangeT) => r },
  font: { kind: 'nav', type: 'RangeFont', get: (r: RangeT) => r },
  columnWidth: {
    kind: 'prop',
    since: 2,
    set: (r: RangeT, v: number) => {
      if (r.block.row !== 0 || r.block.rows !== MAX_ROWS) throw new Error('office-double: columnWidth is modeled on whole columns only');
      for (let j = 0; j < r.block.cols; j++) r.sheet.columnWidths.set(r.block.col + j, v);
    },
  },
  wrapText: {
    kind: 'prop',
    get: (r: RangeT) => uniform(r, (_row, col) => r.sheet.wrappedColumns.has(col)),
    set: (r: RangeT, v: boolean) => {
      if (r.block.row !== 0 || r.block.rows !== MAX_ROWS) throw new Error('office-double: wrapText is modeled on whole columns only');
      if (typeof v !== 'boolean') throw invalid('wrapText must be boolean');
      checkWritable(r.sheet);
      for (let j = 0; j < r.block.cols; j++) v ? r.sheet.wrappedColumns.add(r.block.col + j) : r.sheet.wrappedColumns.delete(r.block.col + j);
    },
  },
};

const RANGE_FILL: Spec<Excel.RangeFill> = {
  // Excel 1.1 reports no fill as white and a mixed block as null.
  color: {
    kind: 'prop',
    get: (r: RangeT) => uniform(r, (row, col) => r.sheet.cell(row, col)?.fill ?? '#FFFFFF'),
    set: (r: RangeT, v: string) => formatEach(r, (c) => (c.fill = v.toUpperCase())),
  },
  clear: { kind: 'method', call: (r: RangeT) => formatEach(r, (c) => (c.fill = undefined)) },
};

const RANGE_FONT: Spec<Excel.RangeFont> = {
  bold: { kind: 'prop', get: (r: RangeT) => uniform(r, (row, col) => !!r.sheet.cell(row, col)?.bold), set: (r: RangeT, v: boolean) => formatEach(r, (c) => (c.bold = v)) },
  color: { kind: 'prop', set: (r: RangeT, v: string) => formatEach(r, (c) => (c.font = v.toUpperCase())) },
};

const DATA_VALIDATION: Spec<Excel.DataValidation> = {
  rule: {
    kind: 'prop',
    since: 8,
    set: (r: RangeT, v: Excel.DataValidationRule) => {
      checkWritable(r.sheet);
      const keys = Object.keys(v ?? {});
      if (keys.length !== 1 || keys[0] !== 'list') throw new Error('office-double: only list validation rules are modeled');
      r.sheet.validations.push({ block: r.block, rule: v });
    },
  },
  clear: { kind: 'method', since: 8, call: (r: RangeT) => (r.sheet.validations = r.sheet.validations.filter((x) => !overlaps(x.block, r.block))) },
};

type CfRecord = SheetState['conditionalFormats'][number];

const CF_COLLECTION: Spec<Excel.ConditionalFormatCollection> = {
  add: {
    kind: 'method',
    since: 6,
    returns: 'ConditionalFormat',
    call: (r: RangeT, args) => {
      if (args[0] !== 'Custom') throw new Error(`office-double: conditional format type ${String(args[0])} is not modeled`);
      checkWritable(r.sheet);
      const record: CfRecord = { block: r.block };
      r.sheet.conditionalFormats.push(record);
      return record;
    },
  },
  clearAll: { kind: 'method', since: 6, call: (r: RangeT) => (r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((x) => !overlaps(x.block, r.block))) },
};

const CF: Spec<Excel.ConditionalFormat> = { custom: { kind: 'nav', since: 6, type: 'CustomConditionalFormat', get: (c: CfRecord) => c } };
const CF_CUSTOM: Spec<Excel.CustomConditionalFormat> = {
  rule: { kind: 'nav', since: 6, type: 'ConditionalFormatRule', get: (c: CfRecord) => c },
  format: { kind: 'nav', since: 6, type: 'ConditionalRangeFormat', get: (c: CfRecord) => c },
};
const CF_RULE: Spec<Excel.ConditionalFormatRule> = { formula: { kind: 'prop', since: 6, set: (c: CfRecord, v: string) => (c.formula = v) } };
const CF_FORMAT: Spec<Excel.ConditionalRangeFormat> = {
  fill: { kind: 'nav', since: 6, type: 'ConditionalRangeFill', get: (c: CfRecord) => c },
  font: { kind: 'nav', since: 6, type: 'ConditionalRangeFont', get: (c: CfRecord) => c },
};
const CF_FILL: Spec<Excel.ConditionalRangeFill> = { color: { kind: 'prop', since: 6, set: (c: CfRecord, v: string) => (c.fill = v.toUpperCase()) } };
const CF_FONT: Spec<Excel.ConditionalRangeFont> = { color: { kind: 'prop', since: 6, set: (c: CfRecord, v: string) => (c.font = v.toUpperCase()) } };

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/;

const WORKSHEETS: Spec<Excel.WorksheetCollection> = {
  getItem: {
    kind: 'method',
    returns: 'Worksheet',
    call: (state: WorkbookState, [name]) => state.sheet(String(name)) ?? null,
  },
  getItemOrNullObject: {
    kind: 'method',
    since: 4,
    returns: 'Worksheet',
    orNull: true,
    call: (state: WorkbookState, [name]) => state.sheet(String(name)) ?? null,
  },
  add: {
    kind: 'method',
    returns: 'Worksheet',
    call: (state: WorkbookState, [name]) => {
      const n = String(name);
      if (n.length === 0 || n.length > 31 || FORBIDDEN_SHEET_CHARS.test(n) || /^'|'$/.test(n)) throw invalid(`bad sheet name`);
      if (state.sheet(n)) throw new OfficeDoubleError('ItemAlreadyExists', `sheet exists`);
      checkStructure(state);
      return state.addSheet(n);
    },
  },
};

interface TableT {
  name: string;
  sheet: SheetState;
  block: Block;
  style?: string;
}

const WORKSHEET: Spec<Excel.Worksheet> = {
  name: {
    kind: 'prop',
    get: (s: SheetState) => s.name,
    set: (s: SheetState, v: unknown, env) => {
      undoable(env, 'Worksheet.name');
      renameSheet(env.state, s, v);
    },
  },
  visibility: {
    kind: 'prop',
    get: (s: SheetState) => s.visibility,
    // Reading is ExcelApi 1.1, setting 1.2.
    set: (s: SheetState, v: unknown, env) => {
      if (env.api < 2) throw new OfficeDoubleError('ApiNotFound', 'setting Worksheet.visibility needs ExcelApi 1.2');
      undoable(env, 'Worksheet.visibility');
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalid('visibility');
      checkStructure(env.state);
      if (v !== 'Visible' && s.visibility === 'Visible' && env.state.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new OfficeDoubleError('InvalidOperation', 'a workbook keeps one visible sheet');
      }
      s.visibility = v;
      if (v !== 'Visible' && env.state.activeSheet === s) env.state.activeSheet = env.state.sheets.find((x) => x.visibility === 'Visible');
    },
  },
  position: {
    kind: 'prop',
    get: (s: SheetState, env) => env.state.sheets.indexOf(s),
    set: (s: SheetState, v: unknown, env) => {
      const sheets = env.state.sheets;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= sheets.length) throw invalid('position');
      undoable(env, 'Worksheet.position');
      checkStructure(env.state);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    },
  },
  protection: { kind: 'nav', since: 2, type: 'WorksheetProtection', get: (s: SheetState) => s },
  copy: {
    kind: 'method',
    since: 7,
    returns: 'Worksheet',
    call: (s: SheetState, args, env) => {
      const [positionType, relativeTo] = args;
      if (relativeTo !== undefined) throw new Error('office-double: Worksheet.copy(positionType, relativeTo) is not modeled');
      if (positionType !== undefined && positionType !== 'None' && positionType !== 'Beginning' && positionType !== 'End') {
        throw new Error(`office-double: Worksheet.copy position ${String(positionType)} is not modeled`);
      }
      undoable(env, 'Worksheet.copy');
      checkStructure(env.state);
      return copySheet(env.state, s, positionType === 'End' ? 'end' : 'beginning');
    },
  },
  getRange: {
    kind: 'method',
    returns: 'Range',
    call: (s: SheetState, args, env) => (args.length === 0 ? { sheet: s, block: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } } : rangeIn(env.state, s, String(args[0]))),
  },
  getUsedRange: {
    kind: 'method',
    returns: 'Range',
    call: (s: SheetState, args, env) => {
      if (args.length > 0 && env.api < 2) throw new OfficeDoubleError('ApiNotFound', 'getUsedRange(valuesOnly) needs ExcelApi 1.2');
      // A blank sheet's used range is A1, not an error.
      return { sheet: s, block: s.usedBlock(args[0] === true) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    },
  },
  activate: { kind: 'method', call: (s: SheetState, _a, env) => (env.state.activeSheet = s) },
  tables: { kind: 'nav', type: 'TableCollection', get: (s: SheetState) => ({ scope: s }) },
  notes: { kind: 'nav', since: 18, type: 'NoteCollection', get: (s: SheetState) => s },
  freezePanes: { kind: 'nav', since: 7, type: 'WorksheetFreezePanes', get: (s: SheetState) => s },
  pageLayout: { kind: 'nav', since: 9, type: 'PageLayout', get: (s: SheetState) => s },
  horizontalPageBreaks: { kind: 'nav', since: 9, type: 'PageBreakCollection', get: (s: SheetState) => s },
  charts: { kind: 'nav', type: 'ChartCollection', get: (s: SheetState) => s },
  delete: {
    kind: 'method',
    call: (s: SheetState, args, env) => {
      if (args.length > 0) throw new Error('office-double: Worksheet.delete takes no arguments');
      undoable(env, 'Worksheet.delete');
      const state = env.state;
      if (!state.sheets.includes(s)) throw new OfficeDoubleError('ItemNotFound', 'sheet already deleted');
      // Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will
      // fail with an InvalidOperation exception. You should first change its visibility to hidden or
      // visible" — @types/office-js 1.0.612 index.d.ts (Excel.Worksheet.delete) and Microsoft Learn,
      // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
      if (s.visibility === 'VeryHidden') throw new OfficeDoubleError('InvalidOperation', 'a very hidden sheet cannot be deleted; make it hidden or visible first');
      if (state.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) throw new OfficeDoubleError('InvalidOperation', 'a workbook keeps one visible sheet');
      // Sheet protection guards cells, not the tab: deleting is refused only under workbook structure
      // protection, as in Excel.
      checkStructure(state);
      state.sheets.splice(state.sheets.indexOf(s), 1);
      state.tables = state.tables.filter((t) => t.sheet !== s);
      // As Excel: every reference to the deleted sheet becomes #REF!, for good (a sheet later given the
      // same name does not bring it back).
      rewriteSheetReferences(state, s.name, null);
      if (state.activeSheet === s) state.activeSheet = state.sheets.find((x) => x.visibility === 'Visible');
      if (state.selection?.sheet === s) state.selection = undefined;
    },
  },
};

/** A Range passed as an argument arrives as { api, target } (see engine.ts). */
function rangeArg(arg: unknown, member: string): RangeT {
  const a = arg as { api?: string; target?: RangeT } | undefined;
  if (!a || a.api !== 'Range' || !a.target) throw new Error(`office-double: ${member} is modeled with a Range object only`);
  return a.target;
}

const CHART_TYPES: Record<string, true> = { ColumnClustered: true, Line: true };

const CHARTS: Spec<Excel.ChartCollection> = {
  add: {
    kind: 'method',
    returns: 'Chart',
    takesObjects: true,
    call: (s: SheetState, [type, source, seriesBy], env) => {
      if (!CHART_TYPES[String(type)]) throw new Error(`office-double: chart type ${String(type)} is not modeled`);
      if (seriesBy !== 'Columns') throw new Error('office-double: charts are modeled with seriesBy "Columns" only');
      const r = rangeArg(source, 'ChartCollection.add');
      checkWritable(s);
      // As Excel does: a first column holding text gives the category labels, the others one series each.
      let labels = true;
      for (let i = 0; i < r.block.rows; i++) {
        const cell = r.sheet.cell(r.block.row + i, r.block.col);
        if (cell?.t !== 'String' && cell?.v !== undefined) labels = false;
      }
      const seriesCount = r.block.cols - (labels && r.block.cols > 1 ? 1 : 0);
      const chart: ChartState = {
        name: env.state.nextChartName(),
        type: String(type),
        source: { sheet: r.sheet, block: r.block },
        seriesBy: 'Columns',
        series: Array.from({ length: seriesCount }, () => ({})),
      };
      s.charts.push(chart);
      return { sheet: s, chart };
    },
  },
};

interface ChartT {
  readonly sheet: SheetState;
  readonly chart: ChartState;
}

function liveChart(c: ChartT): ChartState {
  if (!c.sheet.charts.includes(c.chart)) throw new OfficeDoubleError('ItemNotFound', 'chart was deleted');
  return c.chart;
}

function cellOf(address: unknown): { row: number; col: number } {
  const { sheet, block } = parseAddress(String(address));
  if (sheet || block.rows !== 1 || block.cols !== 1) throw new Error("office-double: setPosition is modeled with single-cell addresses on the chart's sheet");
  return { row: block.row, col: block.col };
}

const CHART: Spec<Excel.Chart> = {
  name: { kind: 'prop', get: (c: ChartT) => liveChart(c).name },
  title: { kind: 'nav', type: 'ChartTitle', get: (c: ChartT) => c },
  series: { kind: 'nav', type: 'ChartSeriesCollection', get: (c: ChartT) => c },
  axes: { kind: 'nav', type: 'ChartAxes', get: (c: ChartT) => c },
  setPosition: {
    kind: 'method',
    call: (c: ChartT, [start, end]) => {
      if (typeof start !== 'string' || typeof end !== 'string') throw new Error('office-double: setPosition is modeled with two addresses');
      liveChart(c).position = { from: cellOf(start), to: cellOf(end) };
    },
  },
  delete: {
    kind: 'method',
    call: (c: ChartT) => {
      checkWritable(c.sheet);
      liveChart(c);
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c.chart);
    },
  },
};

const CHART_TITLE: Spec<Excel.ChartTitle> = {
  text: {
    kind: 'prop',
    get: (c: ChartT) => liveChart(c).title ?? '',
    set: (c: ChartT, v: string) => {
      if (typeof v !== 'string') throw invalid('chart title must be text');
      liveChart(c).title = v;
    },
  },
};

const CHART_SERIES_COLLECTION: Spec<Excel.ChartSeriesCollection> = {
  getItemAt: {
    kind: 'method',
    returns: 'ChartSeries',
    call: (c: ChartT, [index]) => {
      const series = liveChart(c).series[Number(index)];
      return series ? { chart: c, series } : null;
    },
  },
};

const CHART_SERIES: Spec<Excel.ChartSeries> = {
  name: {
    kind: 'prop',
    get: (s: { series: { name?: string } }) => s.series.name ?? '',
    set: (s: { chart: ChartT; series: { name?: string } }, v: string) => {
      if (typeof v !== 'string') throw invalid('series name must be text');
      liveChart(s.chart);
      s.series.name = v;
    },
  },
};

const CHART_AXES: Spec<Excel.ChartAxes> = { categoryAxis: { kind: 'nav', type: 'ChartAxis', get: (c: ChartT) => c } };

const CHART_AXIS: Spec<Excel.ChartAxis> = {
  setCategoryNames: {
    kind: 'method',
    since: 7,
    takesObjects: true,
    call: (c: ChartT, [source]) => {
      const r = rangeArg(source, 'ChartAxis.setCategoryNames');
      liveChart(c).categoryNames = { sheet: r.sheet, block: r.block };
    },
  },
};

const TABLES: Spec<Excel.TableCollection> = {
  add: {
    kind: 'method',
    returns: 'Table',
    call: (c: { scope?: SheetState }, [address, hasHeaders], env) => {
      if (hasHeaders !== true) throw new Error('office-double: tables without headers are not modeled');
      const { sheet: named, block } = parseAddress(String(address));
      const sheet = named ? env.state.sheet(named) : c.scope;
      if (!sheet) throw new OfficeDoubleError('ItemNotFound', 'table sheet');
      if (c.scope && sheet !== c.scope) throw invalid('table address on another sheet');
      checkWritable(sheet);
      if (env.state.tables.some((t) => t.sheet === sheet && overlaps(t.block, block))) throw new OfficeDoubleError('InvalidOperation', 'tables overlap');
      const t: TableT = { name: env.state.nextTableName(), sheet, block };
      env.state.tables.push(t);
      return t;
    },
  },
};

const TABLE: Spec<Excel.Table> = {
  name: {
    kind: 'prop',
    get: (t: TableT) => t.name,
    set: (t: TableT, v: string, env) => {
      if (env.state.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) throw new OfficeDoubleError('ItemAlreadyExists', 'table name');
      t.name = v;
    },
  },
  style: { kind: 'prop', get: (t: TableT) => t.style ?? 'TableStyleMedium2', set: (t: TableT, v: string) => (t.style = v) },
  worksheet: { kind: 'nav', since: 2, type: 'Worksheet', get: (t: TableT) => t.sheet },
  getRange: { kind: 'method', returns: 'Range', call: (t: TableT) => ({ sheet: t.sheet, block: t.block }) },
  delete: {
    kind: 'method',
    call: (t: TableT, _a, env) => {
      checkWritable(t.sheet);
      env.state.tables = env.state.tables.filter((x) => x !== t);
      t.sheet.forEachIn(t.block, (_c, _r, col, line) => line.delete(col));
    },
  },
};

const NOTES: Spec<Excel.NoteCollection> = {
  add: {
    kind: 'method',
    since: 18,
    returns: 'Note',
    call: (s: SheetState, [address, content]) => {
      checkWritable(s);
      const { block } = parseAddress(String(address));
      if (block.rows !== 1 || block.cols !== 1) throw new OfficeDoubleError('InvalidCellAddress', 'note on a block');
      const key = `${block.row},${block.col}`;
      if (s.notes.has(key)) throw invalid('cell already has a note');
      s.notes.set(key, String(content));
      return { sheet: s, key };
    },
  },
  getItemOrNullObject: {
    kind: 'method',
    since: 18,
    returns: 'Note',
    orNull: true,
    call: (s: SheetState, [address]) => {
      const { block } = parseAddress(String(address));
      const key = `${block.row},${block.col}`;
      return s.notes.has(key) ? { sheet: s, key } : null;
    },
  },
};

const NOTE: Spec<Excel.Note> = {
  content: {
    kind: 'prop',
    since: 18,
    get: (n: { sheet: SheetState; key: string }) => n.sheet.notes.get(n.key) ?? '',
    set: (n: { sheet: SheetState; key: string }, v: string) => {
      checkWritable(n.sheet);
      n.sheet.notes.set(n.key, String(v));
    },
  },
  delete: {
    kind: 'method',
    since: 18,
    call: (n: { sheet: SheetState; key: string }) => {
      checkWritable(n.sheet);
      n.sheet.notes.delete(n.key);
    },
  },
};

const PROTECTION: Spec<Excel.WorksheetProtection> = {
  protected: { kind: 'prop', since: 2, get: (s: SheetState) => s.protected },
};

const WORKBOOK_PROTECTION: Spec<Excel.WorkbookProtection> = {
  protected: { kind: 'prop', since: 7, get: (state: WorkbookState) => state.structureProtected },
};

const WORKBOOK_RANGE_AREAS: Spec<Excel.WorkbookRangeAreas> = {
  addresses: { kind: 'prop', since: 12, get: (a: { addresses: string[] }) => a.addresses },
};

const NAMED_ITEM: Spec<Excel.NamedItem> = {
  name: { kind: 'prop', get: (n: { name: string }) => n.name },
  formula: { kind: 'prop', since: 7, get: (n: { formula: string }) => n.formula },
};

/** References written with a sheet name ('校验结果'!A1, Sheet1!A1): the only ones the double tracks. */
const SHEET_REFERENCE = /(?:'((?:[^']|'')+)'|([A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*))!/g;

function refersTo(formula: string, sheet: string): boolean {
  for (const m of formula.matchAll(SHEET_REFERENCE)) {
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (name.toLowerCase() === sheet.toLowerCase()) return true;
  }
  return false;
}

/**
 * Rewrite every formula's (and name's) references to `sheet`: Excel follows a rename (`to` is the new
 * name) and turns them into #REF! on a delete (`to` null).
 */
function rewriteSheetReferences(state: WorkbookState, sheet: string, to: string | null): void {
  const rewrite = (formula: string) =>
    formula.replace(SHEET_REFERENCE, (all, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare as string);
      if (name.toLowerCase() !== sheet.toLowerCase()) return all;
      return to === null ? '#REF!' : `${quote(to)}!`;
    });
  for (const s of state.sheets) {
    for (const line of s.cells.values()) {
      for (const cell of line.values()) {
        if (!cell.f || !refersTo(cell.f, sheet)) continue;
        cell.f = rewrite(cell.f);
        if (to === null) Object.assign(cell, { v: '#REF!', t: 'Error' });
      }
    }
  }
  for (const n of state.names) if (refersTo(n.formula, sheet)) n.formula = rewrite(n.formula);
}

/**
 * Inside Excel.run({ mergeUndoGroup: true }, …) (ExcelApi 1.20) a call Excel cannot undo throws
 * UndoNotSupported. Microsoft Learn, "Undo capabilities in Excel add-ins", Unsupported APIs
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities): Worksheet.copy,
 * Worksheet.delete and Workbook.insertWorksheetsFromBase64 on every platform; Worksheet.name, .position and
 * .visibility on Windows and Mac (the web undoes those). The double models the strictest platform.
 */
function undoable(env: Env, member: string): void {
  if (env.undoGroup) throw new OfficeDoubleError('UndoNotSupported', `${member} cannot be undone, so not inside mergeUndoGroup`);
}

function renameSheet(state: WorkbookState, s: SheetState, v: unknown): void {
  if (typeof v !== 'string' || v.length === 0 || v.length > 31 || FORBIDDEN_SHEET_CHARS.test(v) || /^'|'$/.test(v)) throw invalid('bad sheet name');
  const other = state.sheet(v);
  if (other && other !== s) throw new OfficeDoubleError('ItemAlreadyExists', 'sheet exists');
  if (v !== s.name) checkStructure(state);
  const old = s.name;
  s.name = v;
  // References follow the sheet they point at, under its new name.
  rewriteSheetReferences(state, old, v);
}

/**
 * Worksheet.copy as Excel does it: everything on the sheet (cells, formats, notes, merges, dropdowns,
 * conditional formats, column widths and hidden columns, frozen panes, charts drawn from its own cells),
 * named "<name> (2)"; its tables are copied under new names. References elsewhere keep pointing at the original.
 */
function copySheet(state: WorkbookState, s: SheetState, where: 'beginning' | 'end'): SheetState {
  let n = 2;
  let name: string;
  do {
    const tail = ` (${n++})`;
    name = s.name.slice(0, 31 - tail.length) + tail;
  } while (state.sheet(name));
  const c = state.addSheet(name);
  state.sheets.splice(state.sheets.indexOf(c), 1);
  if (where === 'end') state.sheets.push(c);
  else state.sheets.unshift(c);
  for (const [r, line] of s.cells) c.cells.set(r, new Map([...line].map(([col, cell]) => [col, { ...cell }])));
  c.visibility = s.visibility;
  c.merges = s.merges.map((m) => ({ ...m }));
  c.notes = new Map(s.notes);
  c.conditionalFormats = s.conditionalFormats.map((x) => ({ ...x }));
  c.validations = s.validations.map((x) => ({ block: x.block, rule: structuredClone(x.rule) }));
  c.columnWidths = new Map(s.columnWidths);
  c.hiddenColumns = new Set(s.hiddenColumns);
  c.wrappedColumns = new Set(s.wrappedColumns);
  c.frozenRows = s.frozenRows;
  c.print = { ...s.print, margins: { ...s.print.margins } };
  c.rowBreaks = [...s.rowBreaks];
  c.protected = s.protected;
  const own = <T extends { sheet: SheetState; block: Block }>(ref: T): T => (ref.sheet === s ? { ...ref, sheet: c } : ref);
  c.charts = s.charts.map((ch) => ({
    ...ch,
    source: own(ch.source),
    series: ch.series.map((x) => ({ ...x })),
    categoryNames: ch.categoryNames && own(ch.categoryNames),
  }));
  for (const t of state.tables.filter((x) => x.sheet === s)) state.tables.push({ name: state.nextTableName(), sheet: c, block: t.block, style: t.style });
  return c;
}

const FREEZE: Spec<Excel.WorksheetFreezePanes> = {
  freezeRows: { kind: 'method', since: 7, call: (s: SheetState, [count]) => (s.frozenRows = Number(count)) },
  unfreeze: { kind: 'method', since: 7, call: (s: SheetState) => (s.frozenRows = 0) },
};

/** DATE(year, month, day) as Excel computes it in the workbook's date system (the only function modeled). */
function dateSerialIn(state: WorkbookState, year: number, month: number, day: number): number {
  const serial = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return state.date1904 ? serial - 1462 : serial;
}

const FUNCTIONS: Spec<Excel.Functions> = {
  date: {
    kind: 'method',
    since: 2,
    returns: 'FunctionResult',
    call: (state: WorkbookState, args) => {
      const [y, m, d] = args.map(Number);
      if (![y, m, d].every(Number.isInteger)) throw new Error('office-double: functions.date is modeled with whole numbers only');
      return { value: dateSerialIn(state, y, m, d) };
    },
  },
};

const FUNCTION_RESULT: Spec<Excel.FunctionResult<number>> = {
  value: { kind: 'prop', since: 2, get: (r: { value: number }) => r.value },
};

/**
 * Worksheet.pageLayout (ExcelApi 1.9), Microsoft Learn, "Excel.PageLayout class",
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout — paperSize (Excel.PaperType),
 * orientation (Excel.PageOrientation: Portrait, Landscape), the six margins "in points",
 * centerHorizontally, and setPrintTitleRows(titleRows: Range | string), "the title rows to be repeated
 * across pages". Only the values the add-in writes are modeled; any other throws.
 */
const PAPER_TYPES: Record<string, true> = { A4: true, Letter: true };
function margin(side: string): Member {
  return {
    kind: 'prop',
    since: 9,
    get: (s: SheetState) => s.print.margins[side] ?? null,
    set: (s: SheetState, v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalid(`${side} must be a number of points`);
      s.print.margins[side] = v;
    },
  };
}
const PAGE_LAYOUT: Spec<Excel.PageLayout> = {
  paperSize: {
    kind: 'prop',
    since: 9,
    get: (s: SheetState) => s.print.paperSize ?? 'Letter',
    set: (s: SheetState, v) => {
      if (!PAPER_TYPES[String(v)]) throw new Error(`office-double: paper size ${String(v)} is not modeled`);
      s.print.paperSize = String(v);
    },
  },
  orientation: {
    kind: 'prop',
    since: 9,
    get: (s: SheetState) => s.print.orientation ?? 'Portrait',
    set: (s: SheetState, v) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalid(`orientation ${String(v)}`);
      s.print.orientation = v;
    },
  },
  centerHorizontally: { kind: 'prop', since: 9, get: (s: SheetState) => s.print.centerHorizontally ?? false, set: (s: SheetState, v) => (s.print.centerHorizontally = v === true) },
  leftMargin: margin('left'),
  rightMargin: margin('right'),
  topMargin: margin('top'),
  bottomMargin: margin('bottom'),
  headerMargin: margin('header'),
  footerMargin: margin('footer'),
  setPrintTitleRows: {
    kind: 'method',
    since: 9,
    call: (s: SheetState, [rows]) => {
      if (typeof rows !== 'string') throw new Error('office-double: setPrintTitleRows is modeled with an address string only');
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) throw invalid(`title rows ${rows}`);
      s.print.titleRows = `$${m[1]}:$${m[2]}`;
    },
  },
};

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9), Microsoft Learn, "Excel.PageBreakCollection class",
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection — add(pageBreakRange):
 * "Adds a page break before the top-left cell of the range specified"; removePageBreaks(): "Resets all
 * manual page breaks in the collection".
 */
const PAGE_BREAKS: Spec<Excel.PageBreakCollection> = {
  add: {
    kind: 'method',
    since: 9,
    // Returns the new Excel.PageBreak (typings: add(pageBreakRange: Range | string): Excel.PageBreak).
    returns: 'PageBreak',
    call: (s: SheetState, [address], env) => {
      if (typeof address !== 'string') throw new Error('office-double: PageBreakCollection.add is modeled with an address string only');
      checkWritable(s);
      const row = rangeIn(env.state, s, address).block.row;
      if (row === 0) throw invalid('no page break above the first row');
      if (s.rowBreaks.includes(row)) return { sheet: s, row };
      // What Excel answers past the limit is not documented: GeneralException, loudly.
      if (s.rowBreaks.length >= MAX_HORIZONTAL_PAGE_BREAKS)
        throw new OfficeDoubleError('GeneralException', `page break ${s.rowBreaks.length + 1} on one sheet (Excel keeps at most ${MAX_HORIZONTAL_PAGE_BREAKS})`);
      s.rowBreaks = [...s.rowBreaks, row].sort((a, b) => a - b);
      return { sheet: s, row };
    },
  },
  removePageBreaks: { kind: 'method', since: 9, call: (s: SheetState) => void (s.rowBreaks = []) },
};

const WORKBOOK: Spec<Excel.Workbook> = {
  // Workbook.functions (ExcelApi 1.2): worksheet functions evaluated by Excel, in the workbook's date system.
  functions: { kind: 'nav', since: 2, type: 'Functions', get: (state: WorkbookState) => state },
  worksheets: { kind: 'nav', type: 'WorksheetCollection', get: (state: WorkbookState) => state },
  tables: { kind: 'nav', type: 'TableCollection', get: () => ({ scope: undefined }) },
  names: { kind: 'nav', type: 'NamedItemCollection', get: (state: WorkbookState) => state },
  protection: { kind: 'nav', since: 7, type: 'WorkbookProtection', get: (state: WorkbookState) => state },
  insertWorksheetsFromBase64: {
    kind: 'method',
    since: 13,
    call: (state: WorkbookState, [base64, options], env) => {
      undoable(env, 'Workbook.insertWorksheetsFromBase64');
      insertWorksheetsFromBase64(state, String(base64), options, env.platform);
    },
  },
};

export const SPECS: Readonly<Record<string, TypeSpec>> = {
  Workbook: { members: WORKBOOK },
  Functions: { members: FUNCTIONS },
  FunctionResult: { members: FUNCTION_RESULT },
  WorksheetCollection: { members: WORKSHEETS, items: { type: 'Worksheet', list: (state: WorkbookState) => state.sheets } },
  Worksheet: { members: WORKSHEET },
  Range: { members: RANGE },
  RangeAreas: { members: RANGE_AREAS },
  RangeFormat: { members: RANGE_FORMAT },
  RangeFill: { members: RANGE_FILL },
  RangeFont: { members: RANGE_FONT },
  DataValidation: { members: DATA_VALIDATION },
  ConditionalFormatCollection: { members: CF_COLLECTION },
  ConditionalFormat: { members: CF },
  CustomConditionalFormat: { members: CF_CUSTOM },
  ConditionalFormatRule: { members: CF_RULE },
  ConditionalRangeFormat: { members: CF_FORMAT },
  ConditionalRangeFill: { members: CF_FILL },
  ConditionalRangeFont: { members: CF_FONT },
  TableCollection: {
    members: TABLES,
    items: { type: 'Table', list: (c: { scope?: SheetState }, env: Env) => env.state.tables.filter((t) => !c.scope || t.sheet === c.scope) },
  },
  Table: { members: TABLE },
  NoteCollection: { members: NOTES, items: { type: 'Note', list: (s: SheetState) => [...s.notes.keys()].map((key) => ({ sheet: s, key })) } },
  Note: { members: NOTE },
  WorksheetFreezePanes: { members: FREEZE },
  PageLayout: { members: PAGE_LAYOUT },
  PageBreakCollection: { members: PAGE_BREAKS },
  // The break add() returns; none of its members is used, so touching one throws.
  PageBreak: { members: {} },
  WorksheetProtection: { members: PROTECTION },
  WorkbookProtection: { members: WORKBOOK_PROTECTION },
  WorkbookRangeAreas: { members: WORKBOOK_RANGE_AREAS },
  NamedItemCollection: { members: {}, items: { type: 'NamedItem', list: (state: WorkbookState) => state.names } },
  NamedItem: { members: NAMED_ITEM },
  ChartCollection: { members: CHARTS, items: { type: 'Chart', list: (s: SheetState) => s.charts.map((chart) => ({ sheet: s, chart })) } },
  Chart: { members: CHART },
  ChartTitle: { members: CHART_TITLE },
  ChartSeriesCollection: { members: CHART_SERIES_COLLECTION },
  ChartSeries: { members: CHART_SERIES },
  ChartAxes: { members: CHART_AXES },
  ChartAxis: { members: CHART_AXIS },
};
