import { columnLetter, type CellValue } from '../../core/cells';
import { t, type Lang } from '../../core/i18n';
import { recastsNumber } from '../../core/dateFormats';
import { DATE_FORMAT_CODE } from '../../core/plan/formats';
import { dateCellSerial, isDateCell, isLinkCell, type CellRef, type PlanCell, type PlanOp, type SheetContent, type WorkbookPlan } from '../../core/plan/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { PortError, type ApplyProgress, type ApplyResult, type HostCapabilities, type ReadOptions, type UndoOptions, type WorkbookPort } from '../port';
import { cellXml, type CellWriteNotes } from './cellXml';
import { addCharts } from './charts';
import { clearMarks, markCells, MarkStore } from './marks';
import { CONTENT_TYPE, Pkg, REL, type SheetEntry } from './pkg';
import { readSheetLook, type SheetLook } from './look';
import { readSheetValues, type SheetValues } from './read';
import { parseRef, refOf, SheetEditor } from './sheetEdit';
import { buildSheet, layoutOf } from './sheetWriter';
import { PackageUndo } from './undo';
import { Styles } from './styles';
import { attr, decodePart, esc, findElement, namespaceDeclarations, quoteSheet, rootElement, setAttr } from './xml';
import { packageKind, type SourceFormat } from './sniff';
import { findPart, keepDeflated, unzipPackage, zipPackage, type Parts, type ZipCodec } from './zip';

export interface OpenOptions {
  /** Language of the author name on the add-in's notes. */
  readonly lang?: Lang;
  /** A faster DEFLATE, INFLATE and CRC-32 than the port's own (the command line passes Node's zlib). */
  readonly zip?: ZipCodec;
}

/** A WorkbookPort over an .xlsx package held in memory; `save()` gives the changed file. */
export interface FileWorkbook extends WorkbookPort {
  /**
   * The format the file came in. `save()` always gives an OOXML package: an .xlsm stays macro-enabled
   * (save it as .xlsm); every other format is saved as a new .xlsx (see sniff.ts savedFileName).
   */
  readonly format: SourceFormat;
  save(): Uint8Array;
  /** The cell last passed to select(), for the standalone page to highlight. */
  selected(): CellRef | null;
  /** How a sheet looks beyond its values (links, fills, notes, charts, hidden columns), for the standalone page's grid. */
  look(sheet: string): SheetLook;
}

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/;

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw new PortError('file.badSheetName', { sheetName: name });
  }
}

function sameName(a: string, b: string): boolean {
  // Excel compares sheet names case-insensitively.
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

const AFTER_HYPERLINKS = [
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Per-apply working state: one package copy, one styles editor, one mark store. */
class Txn {
  readonly pkg: Pkg;
  private stylesEd?: Styles;
  private marksStore?: MarkStore;
  readonly degraded = new Set<string>();
  readonly written: ApplyResult['written'][number][] = [];

  constructor(
    parts: Parts,
    readonly author: string,
    readonly zip?: ZipCodec,
  ) {
    this.pkg = new Pkg(parts);
  }

  get styles(): Styles {
    return (this.stylesEd ??= new Styles(this.pkg));
  }

  get store(): MarkStore {
    return (this.marksStore ??= new MarkStore(this.pkg));
  }

  finish(): Parts {
    this.stylesEd?.flush();
    this.marksStore?.flush();
    return this.pkg.commit();
  }
}

class XlsxWorkbook implements FileWorkbook {
  private selection: CellRef | null = null;
  private readonly cache = new Map<string, SheetValues>();
  private readonly looks = new Map<string, SheetLook>();
  private saved?: Uint8Array;
  private readonly undo = new PackageUndo<Parts>();

  constructor(
    private parts: Parts,
    private readonly options: OpenOptions,
    readonly format: SourceFormat,
  ) {}

  capabilities(): HostCapabilities {
    return {
      host: 'file',
      excelApi: null,
      notes: true,
      conditionalFormats: true,
      dataValidation: true,
      hyperlinks: true,
      undoGroup: false,
      insertSheets: false,
      newWorkbook: false,
    };
  }

  private entries(): SheetEntry[] {
    return new Pkg(this.parts).sheets();
  }

  async read(options: ReadOptions = {}): Promise<WorkbookSnapshot> {
    const entries = this.entries();
    const wanted = options.namesOnly
      ? []
      : entries.filter((e) => e.kind === 'worksheet' && (!options.sheets || options.sheets.some((n) => sameName(n, e.name)))).map((e) => e.name);
    const missing = wanted.filter((n) => !this.cache.has(n));
    if (missing.length) {
      for (const [name, data] of readSheetValues(this.parts, missing)) this.cache.set(name, data);
      // The values are read: large parts as the file held them go back to their deflated bytes.
      this.parts = keepDeflated(this.parts);
    }
    const sheets: SheetSnapshot[] = entries.map((e) => {
      const data = wanted.includes(e.name) ? this.cache.get(e.name) : undefined;
      return {
        name: e.name,
        origin: data?.origin ?? { row: 0, col: 0 },
        values: data?.values ?? [],
        ...(data?.merges ? { merges: data.merges } : {}),
        ...(data?.dateFormats ? { dateFormats: data.dateFormats } : {}),
        ...(data?.numberFormats ? { numberFormats: data.numberFormats } : {}),
        visible: e.state === 'visible',
        visibility: e.state,
      };
    });
    return { sheets };
  }

  async apply(plan: WorkbookPlan, options: { signal?: AbortSignal; onProgress?: (p: ApplyProgress) => void } = {}): Promise<ApplyResult> {
    const txn = new Txn(this.parts, t(this.options.lang ?? 'zh-CN', 'app.name'), this.options.zip);
    // Strict OOXML is read, never written: the parts the port makes are transitional, and a package mixing
    // the two is one Excel "repairs". Refuse before any change.
    if (plan.ops.length && isStrict(txn.pkg)) throw new PortError('file.strictReadOnly');
    const total = plan.ops.length;
    for (let i = 0; i < total; i++) {
      if (options.signal?.aborted) throw new PortError('error.cancelled');
      applyOp(txn, plan.ops[i]);
      options.onProgress?.({ done: i + 1, total });
      // Let the page repaint its progress bar between operations.
      if (options.onProgress || options.signal) await new Promise((r) => setTimeout(r, 0));
    }
    if (plan.ops.some((op) => op.kind !== 'appendRows' && op.kind !== 'setCells' && op.kind !== 'markCells' && op.kind !== 'clearMarks' && op.content.visibility))
      keepActiveTabVisible(txn.pkg);
    if (options.signal?.aborted) throw new PortError('error.cancelled');
    // Only now does the workbook change: a failed or cancelled apply leaves it as it was.
    this.undo.remember(this.parts);
    this.parts = txn.finish();
    this.cache.clear();
    this.looks.clear();
    this.saved = undefined;
    return { written: txn.written, degraded: [...txn.degraded], undo: 'port' };
  }

  canUndo(): boolean {
    return this.undo.canUndo();
  }

  /** Back to the package before the last apply (one level). In memory, so there is nothing to cancel. */
  async undoLast(_options?: UndoOptions): Promise<ApplyResult> {
    this.parts = this.undo.take();
    this.cache.clear();
    this.looks.clear();
    this.saved = undefined;
    return { written: [], degraded: [], undo: 'none' };
  }

  async select(ref: CellRef): Promise<void> {
    if (!this.entries().some((e) => e.name === ref.sheet)) throw new PortError('file.noSheet', { sheet: ref.sheet });
    this.selection = ref;
  }

  selected(): CellRef | null {
    return this.selection;
  }

  look(sheet: string): SheetLook {
    let look = this.looks.get(sheet);
    if (!look) this.looks.set(sheet, (look = readSheetLook(this.parts, sheet)));
    return look;
  }

  save(): Uint8Array {
    return (this.saved ??= zipPackage(this.parts, 6, this.options.zip));
  }
}

function findEntry(pkg: Pkg, name: string): SheetEntry | undefined {
  return pkg.sheets().find((e) => sameName(e.name, name));
}

function worksheetOf(pkg: Pkg, name: string): SheetEntry {
  const entry = findEntry(pkg, name);
  if (!entry) throw new PortError('file.noSheet', { sheet: name });
  if (entry.kind !== 'worksheet' || !entry.path) throw new PortError('file.notWorksheet', { sheet: name });
  return entry;
}

function applyOp(txn: Txn, op: PlanOp): void {
  switch (op.kind) {
    case 'replaceSheet':
      writeWholeSheet(txn, op.sheet, op.content, op.activate ?? false, true);
      return;
    case 'createSheetIfMissing':
      if (!findEntry(txn.pkg, op.sheet)) writeWholeSheet(txn, op.sheet, op.content, false, false);
      return;
    case 'appendRows':
      appendRows(txn, op.sheet, op.rows, op.expectedLastRow);
      return;
    case 'setCells':
      setCells(txn, op.sheet, op.cells);
      return;
    case 'markCells':
    case 'clearMarks': {
      const entry = op.kind === 'markCells' ? worksheetOf(txn.pkg, op.sheet) : findEntry(txn.pkg, op.sheet);
      if (!entry || entry.kind !== 'worksheet') {
        txn.written.push({ sheet: op.sheet, what: 'unmarked', rows: 0 });
        return;
      }
      const editor = new SheetEditor(txn.pkg.requireText(entry.path), entry.name);
      const ctx = { pkg: txn.pkg, styles: txn.styles, store: txn.store, sheetName: entry.name, sheetPath: entry.path, editor, author: txn.author };
      if (op.kind === 'markCells') {
        for (const key of markCells(ctx, op.marks)) txn.degraded.add(key);
        txn.written.push({ sheet: entry.name, what: 'marked', rows: new Set(op.marks.map((m) => m.row)).size });
      } else {
        const n = clearMarks(ctx);
        txn.written.push({ sheet: entry.name, what: 'unmarked', rows: n });
      }
      txn.pkg.setText(entry.path, editor.toString());
      return;
    }
    default: {
      const never: never = op;
      throw new PortError('file.unknownOp', { op: String((never as { kind?: string }).kind) });
    }
  }
}

/** Every table part in the package, wherever the writing tool put it (found by content type). */
function tableParts(pkg: Pkg): string[] {
  const ct = pkg.requireText('[Content_Types].xml');
  const out: string[] = [];
  for (const m of ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if (attr(m[0], 'ContentType') !== CONTENT_TYPE.table) continue;
    const part = (attr(m[0], 'PartName') ?? '').replace(/^\//, '');
    if (pkg.has(part)) out.push(part);
  }
  return out;
}

/** Table names must be unique in the workbook and look like a name, not a cell reference. */
function uniqueTableName(pkg: Pkg, wanted: string): string {
  let base = wanted.replace(/[^\p{L}\p{N}_.\\]/gu, '_');
  if (!/^[\p{L}_\\]/u.test(base)) base = `_${base}`;
  if (/^(?:[A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/.test(base)) base = `_${base}`;
  base = base.slice(0, 250);
  const taken = new Set<string>();
  for (const p of tableParts(pkg)) {
    const tag = /<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(p) ?? '');
    if (tag) taken.add((attr(tag[0], 'displayName') ?? attr(tag[0], 'name') ?? '').toUpperCase());
  }
  for (const m of (pkg.text(pkg.workbookPath()) ?? '').matchAll(/<(?:\w+:)?definedName\b[^>]*>/g)) taken.add((attr(m[0], 'name') ?? '').toUpperCase());
  let name = base;
  for (let n = 2; taken.has(name.toUpperCase()); n++) name = `${base}_${n}`;
  return name;
}

function nextTableId(pkg: Pkg): number {
  let max = 0;
  for (const p of tableParts(pkg)) {
    const tag = /<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(p) ?? '');
    if (tag) max = Math.max(max, Number(attr(tag[0], 'id') ?? 0));
  }
  return max + 1;
}

function writeWholeSheet(txn: Txn, name: string, content: SheetContent, activate: boolean, replacing: boolean): void {
  const pkg = txn.pkg;
  checkSheetName(name);
  const existing = findEntry(pkg, name);
  let path: string;
  let wasSelected = false;
  if (existing) {
    if (existing.kind !== 'worksheet' || !existing.path) throw new PortError('file.notWorksheet', { sheet: name });
    path = existing.path;
    // Looked at in pieces: the old sheet (a 100,000-row 提醒事项 from the last apply) is never decoded whole.
    const [locked, selected, formulas] = pkg.partMatches(path, [
      { re: SHEET_LOCKED, needle: 'sheetProtection' },
      { re: TAB_SELECTED, needle: 'tabSelected' },
      { re: /<(?:\w+:)?f[\s>]/ },
    ]);
    if (locked) throw new PortError('file.protected', { sheet: existing.name });
    wasSelected = selected;
    if (formulas) pkg.dropCalcChain();
    pkg.removeChildren(path);
    // The old cells are gone, and so are any marks recorded on them.
    if (txn.store.records.some((r) => sameName(r.sheet, existing.name))) txn.store.records = txn.store.records.filter((r) => !sameName(r.sheet, existing.name));
  } else {
    const wb = pkg.workbookPath();
    // A workbook whose structure is protected cannot get new sheets in Excel either.
    if (/<(?:[\w.-]+:)?workbookProtection\b[^>]*\slockStructure\s*=\s*"(?:1|true)"/.test(pkg.requireText(wb))) throw new PortError('file.protectedWorkbook', { sheet: name });
    path = pkg.freePartName('xl/worksheets/sheet', '.xml');
    const rId = pkg.addRel(wb, REL.worksheet, path);
    pkg.setOverride(path, CONTENT_TYPE.worksheet);
    pkg.addSheetEntry(name, rId);
  }
  const sheetName = existing?.name ?? name;
  let table: { id: number; name: string; relId: string } | undefined;
  let tablePath: string | undefined;
  if (content.table) {
    tablePath = pkg.freePartName('xl/tables/table', '.xml');
    table = { id: nextTableId(pkg), name: uniqueTableName(pkg, content.table.name), relId: pkg.addRel(path, REL.table, tablePath) };
    pkg.setOverride(tablePath, CONTENT_TYPE.table);
  }
  const charts = addCharts(pkg, path, sheetName, content);
  if (charts.skipped) txn.degraded.add('file.chartSkipped');
  // A hidden sheet is never the selected tab (Excel would group it with the visible one shown).
  const built = buildSheet(content, txn.styles, table, (wasSelected || activate) && !content.visibility, charts.relId, uses1904(pkg), txn.zip);
  pkg.setBytes(path, built.bytes);
  if (tablePath && built.tableXml) pkg.setText(tablePath, built.tableXml);
  for (const key of built.degraded) txn.degraded.add(key);
  if (activate) activateSheet(pkg, sheetName);
  // Print titles live in the workbook part; a rebuilt sheet without them loses any it had.
  const index = pkg.sheets().findIndex((e) => sameName(e.name, sheetName));
  if (index >= 0 && (content.print?.repeatHeader || existing)) {
    const header = layoutOf(content).headerRow + 1;
    pkg.setPrintTitles(index, sheetName, content.print?.repeatHeader ? { first: header, last: header } : null);
  }
  // Only a plan that says so hides a sheet (the de-identified copy of a hidden one); a sheet the teacher
  // hid keeps its state when it is rebuilt.
  if (content.visibility && index >= 0) pkg.setSheetState(index, content.visibility);
  txn.written.push({ sheet: sheetName, what: existing && replacing ? 'replaced' : 'created', rows: built.dataRows });
}

/** The workbook opens on a visible sheet: after sheets were written hidden, the first visible one if the open tab is not. */
function keepActiveTabVisible(pkg: Pkg): void {
  const sheets = pkg.sheets();
  if (sheets[pkg.activeTab()]?.state === 'visible') return;
  const first = sheets.find((e) => e.state === 'visible');
  if (first) activateSheet(pkg, first.name);
}

const TAB_SELECTED = /<(?:[\w.-]+:)?sheetView\b[^>]*\btabSelected\s*=\s*"(?:1|true)"[^>]*>/;
const SHEET_LOCKED = /<(?:[\w.-]+:)?sheetProtection\b[^>]*\ssheet\s*=\s*"(?:1|true)"/;

/** How much of a sheet's beginning activateSheet looks at for its views before decoding it whole. */
const HEAD_LOOKS = [1 << 12, 1 << 16];

/** Make a sheet the one the file opens on; other sheets lose their selected flag so none are grouped. */
function activateSheet(pkg: Pkg, name: string): void {
  const sheets = pkg.sheets();
  const index = sheets.findIndex((e) => sameName(e.name, name));
  if (index < 0) return;
  pkg.setActiveTab(index);
  sheets.forEach((e, i) => {
    if (i === index || e.kind !== 'worksheet' || !e.path) return;
    // sheetViews come before sheetData: a head that reaches sheetData without a selected view needs no
    // change, and the sheet (a class roster, a 750,000-row 联系卡) is not decoded whole. A head is
    // usually well under 4 KB: looking at 64 KB of each of 40 class sheets held deflated inflated 20 MB
    // and took a second.
    for (const bytes of HEAD_LOOKS) {
      const head = pkg.headText(e.path, bytes);
      if (!head || TAB_SELECTED.test(head)) break;
      if (/<(?:[\w.-]+:)?sheetData[\s>/]/.test(head)) return;
    }
    const xml = pkg.text(e.path);
    if (!xml) return;
    const m = TAB_SELECTED.exec(xml);
    if (m) pkg.setText(e.path, xml.slice(0, m.index) + setAttr(m[0], 'tabSelected', undefined) + xml.slice(m.index + m[0].length));
  });
}

/** Style a new cell the way the column already looks: the cell above, else the column's default. */
function inheritedStyle(editor: SheetEditor, row: number, col: number, colStyles: Map<number, number>): number {
  if (row > 0) {
    const above = editor.styleOf(row - 1, col);
    if (above.exists) return above.s;
  }
  return colStyles.get(col) ?? 0;
}

/** Style `s`, or its copy with the General format when `s` would show a plain number as a date, time or percent. */
function plainNumberStyle(styles: Styles, s: number): number {
  return recastsNumber(styles.numberFormatOf(s)) ? styles.withNumFmt(s, 0) : s;
}

/** Whether a `<c>` element holds a value or a formula (not only a style). */
function holdsValue(cell: string | undefined): boolean {
  return cell !== undefined && /<(?:[\w.-]+:)?(?:v|f|is)[\s>/]/.test(cell);
}

function columnStyles(editor: SheetEditor): Map<number, number> {
  const out = new Map<number, number>();
  const cols = findElement(editor.head, editor.p, 'cols');
  if (!cols || cols.selfClosing) return out;
  for (const m of editor.head.slice(cols.innerStart, cols.innerEnd).matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const s = attr(m[0], 'style');
    if (!s) continue;
    const min = Number(attr(m[0], 'min') ?? 1);
    const max = Math.min(Number(attr(m[0], 'max') ?? min), min + 200);
    for (let c = min; c <= max; c++) out.set(c - 1, Number(s));
  }
  return out;
}

/**
 * Strict OOXML (ECMA-376 Part 1, strict conformance): the workbook's main namespace is
 * http://purl.oclc.org/ooxml/spreadsheetml/main, and Excel marks it conformance="strict".
 */
export function isStrict(pkg: Pkg): boolean {
  const root = rootElement(pkg.requireText(pkg.workbookPath()));
  if (!root) return false;
  return namespaceDeclarations(root.tag).get(root.prefix.replace(/:$/, '')) === 'http://purl.oclc.org/ooxml/spreadsheetml/main' || attr(root.tag, 'conformance') === 'strict';
}

/** Whether the workbook counts dates from 1904 (workbookPr date1904): date cells then get smaller serials. */
function uses1904(pkg: Pkg): boolean {
  const tag = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(pkg.text(pkg.workbookPath()) ?? '');
  const v = tag ? attr(tag[0], 'date1904') : undefined;
  return v === '1' || v === 'true';
}

interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: PlanCell;
}

/** Write plan cells into an existing sheet, keeping each cell's style (or the column's, for new cells). */
function writeCells(txn: Txn, entry: SheetEntry, editor: SheetEditor, cells: readonly CellWrite[], inherit: boolean, appending = false): void {
  const quoted = new Map<number, number>();
  const notes: CellWriteNotes = { truncated: false, quote: (s) => quoted.get(s) ?? (quoted.set(s, txn.styles.quotePrefixed(s)), quoted.get(s)!) };
  const links: string[] = [];
  const colStyles = inherit ? columnStyles(editor) : new Map<number, number>();
  let linkStyle: number | undefined;
  let dateFmt: number | undefined;
  const dates1904 = cells.some((c) => isDateCell(c.value)) && uses1904(txn.pkg);
  const dateStyles = new Map<number, number>();
  const plainStyles = new Map<number, number>();
  const plainStyle = (s: number) => {
    let plain = plainStyles.get(s);
    if (plain === undefined) plainStyles.set(s, (plain = s > 0 ? plainNumberStyle(txn.styles, s) : s));
    return plain;
  };
  for (const { row, col, value } of cells) {
    const ref = refOf(row, col);
    const old = editor.cell(row, col);
    const existed = old !== undefined;
    if (isLinkCell(value)) {
      linkStyle ??= txn.styles.xf({ fontId: txn.styles.font('link') });
      const s = linkStyle;
      editor.setValue(row, col, () => cellXml(editor.p, ref, value.text, s, notes));
      links.push(
        `<${editor.p}hyperlink ref="${ref}" location="${esc(`${quoteSheet(value.link.sheet)}!${columnLetter(value.link.col)}${value.link.row + 1}`)}" display="${esc(value.text)}"/>`,
      );
    } else if (isDateCell(value)) {
      // A real date: the serial, in the cell's (or column's) style with the date format on top.
      const serial = dateCellSerial(value, dates1904);
      const fallback = !existed && inherit ? inheritedStyle(editor, row, col, colStyles) : 0;
      dateFmt ??= txn.styles.numFmt(DATE_FORMAT_CODE);
      const fmt = dateFmt;
      editor.setValue(row, col, (style) => {
        const s = existed ? style : fallback;
        if (serial === null) return cellXml(editor.p, ref, value.date, s, notes);
        let dated = dateStyles.get(s);
        if (dated === undefined) dateStyles.set(s, (dated = txn.styles.withNumFmt(s, fmt)));
        return cellXml(editor.p, ref, serial, dated, notes);
      });
    } else {
      const fallback = !existed && inherit ? inheritedStyle(editor, row, col, colStyles) : 0;
      // A new count keeps the look of the cell above but not a date (or percent) format: 3 is not
      // 1900-01-03. Appended rows also override a format the teacher put on empty cells ahead of the data,
      // as the Office port does; setCells keeps the own format of a cell it writes into.
      const plain = typeof value === 'number' && inherit && (appending ? !holdsValue(old) : !existed);
      editor.setValue(row, col, (style) => {
        const s = existed ? style : fallback;
        return cellXml(editor.p, ref, value as CellValue, plain ? plainStyle(s) : s, notes);
      });
    }
  }
  if (notes.truncated) txn.degraded.add('file.textTruncated');
  if (links.length) addHyperlinks(editor, links);
  if (editor.formulaOverwritten) txn.pkg.dropCalcChain();
  void entry;
}

function addHyperlinks(editor: SheetEditor, links: string[]): void {
  const p = editor.p;
  const found = findElement(editor.tail, p, 'hyperlinks');
  if (found && !found.selfClosing) {
    // A new link on a cell replaces an old one there.
    const refs = new Set(links.map((l) => attr(l, 'ref')));
    const inner = editor.tail
      .slice(found.innerStart, found.innerEnd)
      .replace(new RegExp(`<${p}hyperlink\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}hyperlink>)`, 'g'), (h) => (refs.has(attr(h, 'ref')) ? '' : h));
    editor.tail = `${editor.tail.slice(0, found.innerStart)}${inner}${links.join('')}${editor.tail.slice(found.innerEnd)}`;
    return;
  }
  const el = `<${p}hyperlinks>${links.join('')}</${p}hyperlinks>`;
  if (found) {
    editor.tail = editor.tail.slice(0, found.start) + el + editor.tail.slice(found.end);
    return;
  }
  let at = -1;
  for (const name of AFTER_HYPERLINKS) {
    const m = new RegExp(`<${p}${name}[\\s>/]`).exec(editor.tail);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = editor.tail.lastIndexOf(`</${p}worksheet>`);
  editor.tail = editor.tail.slice(0, at) + el + editor.tail.slice(at);
}

function appendRows(txn: Txn, sheet: string, rows: readonly (readonly PlanCell[])[], expectedLastRow: number | undefined): void {
  const entry = worksheetOf(txn.pkg, sheet);
  const editor = new SheetEditor(txn.pkg.requireText(entry.path), entry.name);
  const last = editor.lastUsedRow();
  // Someone added or removed rows since the plan was made: stop rather than overwrite their work.
  if (expectedLastRow !== undefined && expectedLastRow !== last) throw new PortError('file.conflict', { sheet: entry.name });
  if (last + rows.length >= 1048576) throw new PortError('file.outOfRange', { sheet: entry.name });
  const cells: CellWrite[] = [];
  rows.forEach((line, i) => line.forEach((value, col) => cells.push({ row: last + 1 + i, col, value })));
  writeCells(txn, entry, editor, cells, true, true);
  txn.pkg.setText(entry.path, editor.toString());
  if (rows.length) extendTables(txn.pkg, entry.path, last, last + rows.length);
  txn.written.push({ sheet: entry.name, what: 'appended', rows: rows.length });
}

/** A table ending on the row we appended below grows to take the new rows, as Excel does when typing. */
function extendTables(pkg: Pkg, sheetPath: string, lastRow: number, newLast: number): void {
  for (const r of pkg.rels(sheetPath)) {
    if (!r.type.endsWith('/table') || r.external) continue;
    const xml = pkg.text(r.path);
    if (!xml) continue;
    const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml);
    const ref = tag ? attr(tag[0], 'ref') : undefined;
    if (!tag || !ref || attr(tag[0], 'totalsRowCount')) continue;
    const [a, b] = ref.split(':');
    const end = parseRef(b ?? a);
    if (!end || end.row !== lastRow) continue;
    const next = `${a}:${refOf(newLast, end.col)}`;
    let out = xml.slice(0, tag.index) + setAttr(tag[0], 'ref', next) + xml.slice(tag.index + tag[0].length);
    out = out.replace(/(<(?:\w+:)?autoFilter\b[^>]*\bref=")([^"]*)(")/, (_m, pre: string, old: string, post: string) =>
      old === ref ? `${pre}${next}${post}` : `${pre}${old}${post}`,
    );
    pkg.setText(r.path, out);
  }
}

function setCells(txn: Txn, sheet: string, cells: readonly CellWrite[]): void {
  const entry = worksheetOf(txn.pkg, sheet);
  const editor = new SheetEditor(txn.pkg.requireText(entry.path), entry.name);
  writeCells(txn, entry, editor, cells, true);
  txn.pkg.setText(entry.path, editor.toString());
  txn.written.push({ sheet: entry.name, what: 'cells', rows: new Set(cells.map((c) => c.row)).size });
}

/**
 * Open an .xlsx or .xlsm. Throws PortError ('file.notXlsx', 'file.damaged', 'file.encrypted',
 * 'file.legacyXls', 'file.xlsb') for anything that is not a workbook we can read and write back whole;
 * openSpreadsheet (open.ts) also reads the formats that are converted.
 */
export function openXlsx(bytes: Uint8Array, options: OpenOptions = {}): FileWorkbook {
  return openPackage(unzipPackage(bytes, options.zip), options);
}

/**
 * The port over an unzipped OOXML package (an .xlsx, an .xlsm, or a package converted from another
 * format, named by `converted`). An .xlsb is refused: its workbook is binary and cannot be edited.
 */
export function openPackage(parts: Parts, options: OpenOptions = {}, converted?: SourceFormat): FileWorkbook {
  const kind = packageKind(parts);
  if (kind === 'xlsb') throw new PortError('file.xlsb');
  if (kind === 'ods') throw new PortError('file.notXlsx');
  const pkg = new Pkg(parts);
  const sheets = pkg.sheets();
  // A sheet entry whose part is gone means a damaged package; refuse now rather than on first write.
  if (sheets.some((s) => s.kind === 'worksheet' && !s.path)) throw new PortError('file.damaged');
  // A cut-off sheet part is the usual damage; look at its two ends only, so a huge sheet costs nothing here.
  const decoder = new TextDecoder();
  for (const s of sheets) {
    if (s.kind !== 'worksheet') continue;
    const bytes = parts.get(findPart(parts, s.path) ?? s.path) ?? new Uint8Array(0);
    // A UTF-16 part (Excel Mobile) is decoded whole; such parts are rare and small.
    const wide = decodePart(bytes.subarray(0, 4)).encoding.utf16 ? decodePart(bytes).text : undefined;
    const head = wide?.slice(0, 4096) ?? decoder.decode(bytes.subarray(0, 4096));
    const tail = wide?.slice(-256) ?? decoder.decode(bytes.subarray(Math.max(0, bytes.length - 256)));
    if (!/<(?:[\w.-]+:)?worksheet[\s>]/.test(head) || !/<\/(?:[\w.-]+:)?worksheet>\s*$/.test(tail)) throw new PortError('file.damaged');
  }
  return new XlsxWorkbook(parts, options, converted ?? kind);
}
