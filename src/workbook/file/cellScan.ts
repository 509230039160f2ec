/**
 * Worksheet values straight from the XML: a hand-written scanner over <sheetData>, <row>, <c>, <v>, <is>
 * and <mergeCell>, shared strings and the cell formats' number-format codes. It builds no cell objects
 * and no DOM: a 50,000-child roster read through SheetJS spent seconds and hundreds of megabytes on
 * them, for the few facts the port needs (value, position, format code). Element names are matched by
 * their local name, so any namespace prefix (x:, ns2:) and Strict OOXML (same names, other URIs) read
 * the same.
 */
import type { CellValue } from '../../core/cells';
import { PortError } from '../port';
import { implicitDateFormat } from './dateFormats';

const GT = 62; // >
const SLASH = 47; // /
const COLON = 58; // :
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '
const BANG = 33; // !
const QMARK = 63; // ?
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function damaged(): never {
  throw new PortError('file.damaged');
}

// ---- text ----

const ENTITY = /&(?:(amp)|(lt)|(gt)|(quot)|(apos)|#[xX]([0-9A-Fa-f]+)|#(\d+));/g;

function decodeEntity(_m: string, amp?: string, lt?: string, gt?: string, quot?: string, apos?: string, hex?: string, dec?: string): string {
  if (amp) return '&';
  if (lt) return '<';
  if (gt) return '>';
  if (quot) return '"';
  if (apos) return "'";
  const code = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : _m;
}

/** XML character data as a parser gives it: line ends normalised to LF (XML 1.0 §2.11), entities decoded. */
function xmlText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

const ESCAPED_CHAR = /_x([0-9A-Fa-f]{4})_/g;

/**
 * A cell string (ST_Xstring) as Excel reads it: `_xHHHH_` is the UTF-16 unit HHHH (how CR, which XML
 * would turn into LF, and control characters are stored; `_x005F_` escapes a literal underscore).
 */
export function decodeXstring(s: string): string {
  return s.includes('_x') ? s.replace(ESCAPED_CHAR, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * A string that holds no reference to the XML it was cut from: V8 keeps a slice of 13 or more
 * characters as a view into its parent, which would keep a whole decoded sheet or string table alive
 * for as long as one value from it lives.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

// ---- tags ----

/** Position after a tag's name that starts at `at` (just after '<' or '</'). */
function nameEnd(xml: string, at: number): number {
  let i = at;
  for (;;) {
    const c = xml.charCodeAt(i);
    if (c === GT || c === SLASH || isSpace(c) || Number.isNaN(c)) return i;
    i++;
  }
}

/** Does the name in [start, end) have the local name `local` (any prefix)? */
function isLocal(xml: string, start: number, end: number, local: string): boolean {
  const from = end - local.length;
  if (from < start) return false;
  if (from > start && xml.charCodeAt(from - 1) !== COLON) return false;
  return xml.startsWith(local, from);
}

/** Where the comment, processing instruction or CDATA section at `at` ('<' followed by ! or ?) ends. */
function skipSpecial(xml: string, at: number): number {
  const close = xml.startsWith('<!--', at) ? '-->' : xml.startsWith('<![CDATA[', at) ? ']]>' : xml.charCodeAt(at + 1) === QMARK ? '?>' : '>';
  const end = xml.indexOf(close, at + 2);
  if (end < 0) damaged();
  return end + close.length;
}

// Set by nextTag (module state: no object per tag).
let tagNameStart = 0;
let isEndTag = false;

/**
 * The next start or end tag at or after `from`, comments, processing instructions and CDATA sections
 * passed over: returns where its name ends and sets `tagNameStart` (where the name starts, after '<' or '</')
 * and `isEndTag`; -1 when no tag is left. The walk the scanners below make over their markup (but the sheet's own loop).
 */
function nextTag(xml: string, from: number): number {
  let i = from;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return -1;
    const c = xml.charCodeAt(i + 1);
    if (c === BANG || c === QMARK) {
      i = skipSpecial(xml, i);
      continue;
    }
    isEndTag = c === SLASH;
    tagNameStart = isEndTag ? i + 2 : i + 1;
    return nameEnd(xml, tagNameStart);
  }
}

/**
 * The attributes of the start tag whose name ends at `from`, handed to `onAttr` (name span and value
 * span, quotes excluded); returns the position after the tag's '>' and whether it closed itself.
 * Quoted values may hold '>' (XML allows it), so the end is found by walking the attributes.
 */
let selfClosed = false;
function walkAttributes(xml: string, from: number, onAttr: ((nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void) | null): number {
  let i = from;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c === GT) {
      selfClosed = false;
      return i + 1;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) damaged();
      selfClosed = true;
      return i + 2;
    }
    if (Number.isNaN(c)) damaged();
    const nameStart = i;
    while (c !== EQ && !isSpace(c) && c !== GT && c !== SLASH && !Number.isNaN(c)) c = xml.charCodeAt(++i);
    const nameStop = i;
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c !== EQ) damaged();
    c = xml.charCodeAt(++i);
    while (isSpace(c)) c = xml.charCodeAt(++i);
    if (c !== DQ && c !== SQ) damaged();
    const valueEnd = xml.indexOf(c === DQ ? '"' : "'", i + 1);
    if (valueEnd < 0) damaged();
    onAttr?.(nameStart, nameStop, i + 1, valueEnd);
    i = valueEnd + 1;
  }
}

/** A start tag's attribute value, entities decoded (for the small parts: workbook, styles). */
function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[1] ?? m[2]) : undefined;
}

/**
 * Character data from `at` up to the next tag, CDATA sections included as written; `textStop` receives
 * the position of that tag's '<'.
 */
let textStop = 0;
function textFrom(xml: string, at: number): string {
  let i = xml.indexOf('<', at);
  if (i < 0) damaged();
  if (!xml.startsWith('<![CDATA[', i)) {
    textStop = i;
    return xmlText(xml.slice(at, i));
  }
  let out = xmlText(xml.slice(at, i));
  while (xml.startsWith('<![CDATA[', i)) {
    const close = xml.indexOf(']]>', i + 9);
    if (close < 0) damaged();
    out += xml.slice(i + 9, close);
    const next = xml.indexOf('<', close + 3);
    if (next < 0) damaged();
    out += xmlText(xml.slice(close + 3, next));
    i = next;
  }
  textStop = i;
  return out;
}

// ---- rich text (<si> of the shared strings, <is> of an inline string) ----

/**
 * The text of a CT_Rst from `at` to its closing tag `</…local>`: its <t>, or every run's <t>
 * concatenated; phonetic runs (<rPh>, the furigana/pinyin guide) are not part of the value. Returns
 * the text, raw (ST_Xstring escapes still in), and sets textStop after the closing tag.
 */
function richText(xml: string, at: number, local: string): string {
  let out = '';
  let phonetic = 0;
  let i = at;
  for (;;) {
    const e = nextTag(xml, i);
    if (e < 0) damaged();
    const name = tagNameStart;
    if (isEndTag) {
      if (isLocal(xml, name, e, local) && phonetic === 0) {
        const gt = xml.indexOf('>', e);
        if (gt < 0) damaged();
        textStop = gt + 1;
        return out;
      }
      if (isLocal(xml, name, e, 'rPh')) phonetic--;
      i = e;
      continue;
    }
    const after = walkAttributes(xml, e, null);
    if (!selfClosed) {
      if (isLocal(xml, name, e, 'rPh')) phonetic++;
      else if (phonetic === 0 && isLocal(xml, name, e, 't')) {
        out += textFrom(xml, after);
        i = textStop;
        continue;
      }
    }
    i = after;
  }
}

/** The shared string table: one entry per <si>, in order. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const e = nextTag(xml, i);
    if (e < 0) return out;
    if (isEndTag) {
      i = e;
      continue;
    }
    const name = tagNameStart;
    const after = walkAttributes(xml, e, null);
    if (isLocal(xml, name, e, 'si')) {
      if (selfClosed) out.push('');
      else {
        out.push(detached(decodeXstring(richText(xml, after, 'si'))));
        i = textStop;
        continue;
      }
    }
    i = after;
  }
}

// ---- number formats ----

/**
 * Built-in number formats that mean the same in every locale (ECMA-376 Part 1, 18.8.30), as SheetJS
 * names them; the locale-dependent date ids come from dateFormats.ts, the rest have no code here.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

function elementSpan(xml: string, local: string): { inner: string } | null {
  const open = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s>/])[^>]*>`).exec(xml);
  if (!open) return null;
  if (open[0].endsWith('/>')) return { inner: '' };
  const close = new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>`, 'g');
  close.lastIndex = open.index + open[0].length;
  const m = close.exec(xml);
  return { inner: xml.slice(open.index + open[0].length, m ? m.index : xml.length) };
}

/**
 * The number-format code of each cell format (cellXfs, by index), from styles.xml: the workbook's own
 * <numFmt> codes, then the implicit zh-CN date ids, then the built-in table; undefined where an id has
 * no code (the currency and accounting ids 5–8, 41–44 that Excel localises).
 */
export function readCellFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (stylesXml === undefined) return [];
  const xml = stylesXml.includes('<!--') ? stylesXml.replace(/<!--[\s\S]*?-->/g, '') : stylesXml;
  const custom = new Map<number, string>();
  const numFmts = elementSpan(xml, 'numFmts');
  for (const m of numFmts?.inner.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g) ?? []) {
    const id = parseInt(attrOf(m[0], 'numFmtId') ?? '', 10);
    const code = attrOf(m[0], 'formatCode');
    if (id > 0 && code !== undefined) custom.set(id, code);
  }
  const out: (string | undefined)[] = [];
  const cellXfs = elementSpan(xml, 'cellXfs');
  for (const m of cellXfs?.inner.matchAll(/<(?:[\w.-]+:)?xf\b[^>]*>/g) ?? []) {
    const id = parseInt(attrOf(m[0], 'numFmtId') ?? '0', 10) || 0;
    out.push(custom.get(id) ?? implicitDateFormat(id) ?? BUILTIN_FORMATS[id]);
  }
  return out;
}

/** workbookPr date1904 (xsd:boolean): the workbook counts its serials from 1904. */
export function usesDate1904(workbookXml: string): boolean {
  const tag = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const v = tag ? attrOf(tag[0], 'date1904')?.trim() : undefined;
  return v === '1' || v === 'true';
}

// ---- the sheet ----

export interface WorkbookCells {
  readonly strings: readonly string[];
  /** Number-format code by cell-format index (the cell's s); General where the workbook has no styles. */
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
  /** Short texts stored in the cells themselves, shared across the workbook's sheets (see ShortTexts). */
  readonly shortTexts: ShortTexts;
}

const SHORT_TEXT = 12;
const SHORT_TEXT_SLOTS = 1 << 13;

/**
 * One string for each repeated short text a workbook stores in its cells rather than in the shared
 * string table (t="str" or inlineStr, as WPS and many generators write): 性别, 年级, 与学生关系, a
 * workplace are the same few values on 50,000 rows, and each cell's own copy (24–32 bytes) is kept for
 * as long as the roster lives — about 12 MB of a 50,000-child roster's read. A direct-mapped table, so
 * it stays small whatever the sheet holds: a text that keeps coming back keeps its slot; names and
 * numbers, each seen once, only pass through.
 */
export class ShortTexts {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SHORT_TEXT_SLOTS).fill(undefined);

  shared(s: string): string {
    const n = s.length;
    if (n > SHORT_TEXT) return s;
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 13)) & (SHORT_TEXT_SLOTS - 1);
    const held = this.slots[slot];
    if (held === s) return held;
    this.slots[slot] = s;
    return s;
  }
}

/** One value the scanner found: its 0-based position, and for numbers the format code. */
export type CellSink = (row: number, col: number, value: CellValue, format: string | undefined) => void;

const TEN_POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * A number's text as parseFloat reads it, without making a string for the common case: up to 15
 * digits with an optional point is one exact integer divided by an exact power of ten, which IEEE
 * division rounds correctly — the same double parseFloat gives. Anything else goes to parseFloat.
 */
function numberAt(xml: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  let c = xml.charCodeAt(i);
  if (c === MINUS || c === PLUS) {
    neg = c === MINUS;
    c = xml.charCodeAt(++i);
  }
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; c = xml.charCodeAt(++i)) {
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === DOT && scale < 0) scale = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const x = scale > 0 ? mantissa / TEN_POWERS[scale] : mantissa;
    return neg ? -x : x;
  }
  return parseFloat(xmlText(xml.slice(start, end)));
}

/** A cell reference's column and row (0-based) from `r`; -1 for a part that is missing. */
let refCol = -1;
let refRow = -1;
function parseRef(xml: string, start: number, end: number): void {
  let i = start;
  let col = 0;
  let c = xml.charCodeAt(i);
  if (c === 36) c = xml.charCodeAt(++i); // $
  while (i < end && c >= UPPER_A && c <= UPPER_Z) {
    col = col * 26 + (c - UPPER_A + 1);
    c = xml.charCodeAt(++i);
  }
  if (c === 36) c = xml.charCodeAt(++i);
  let row = 0;
  let digits = 0;
  while (i < end && c >= ZERO && c <= NINE) {
    row = row * 10 + (c - ZERO);
    digits++;
    c = xml.charCodeAt(++i);
  }
  refCol = col - 1;
  refRow = digits ? row - 1 : -1;
}

function intAt(xml: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end && isSpace(xml.charCodeAt(i))) i++;
  if (i === end) return -1;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    n = n * 10 + (c - ZERO);
  }
  return n;
}

// The attributes of the cell being read (module state: no object per cell).
let cellRef = false;
let cellType = '';
let cellStyle = -1;
let rowAttr = -1;

function onCellAttr(xml: string, nameStart: number, nameStop: number, valueStart: number, valueEnd: number): void {
  if (nameStop - nameStart !== 1) return;
  const c = xml.charCodeAt(nameStart);
  if (c === 114) {
    // r
    parseRef(xml, valueStart, valueEnd);
    cellRef = true;
  } else if (c === 116)
    cellType = xml.slice(valueStart, valueEnd); // t
  else if (c === 115) cellStyle = intAt(xml, valueStart, valueEnd); // s
}

/** Serial of an ISO 8601 date, time or date-time (t="d"), in the workbook's date system. */
export function isoSerial(text: string, date1904: boolean): number | null {
  const s = text.trim();
  const time = /^(\d+):(\d+)(?::(\d+))?(\.\d+)?$/.exec(s);
  if (time) return ((+time[1] * 60 + +time[2]) * 60 + +(time[3] ?? 0) + +(time[4] ?? 0)) / 86400;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z)?$/.exec(s);
  if (!m) return null;
  const day = (Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1899, 11, 30)) / 86400000;
  // Excel's serials count 1900-02-29, which never was: days before March 1900 are one less.
  let serial = (day < 61 ? day - 1 : day) + ((+(m[4] ?? 0) * 60 + +(m[5] ?? 0)) * 60 + +(m[6] ?? 0) + +(m[7] ?? 0)) / 86400;
  if (date1904) serial -= 1462;
  return serial;
}

export interface MergeRange {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

/** Walks a worksheet's <sheetData>; position and state live on the instance, none per cell. */
class SheetScanner {
  private row = -1;
  private col = -1;
  private readonly onCellAttr = (a: number, b: number, c: number, d: number): void => onCellAttr(this.xml, a, b, c, d);
  private readonly onRowAttr = (a: number, b: number, c: number, d: number): void => {
    if (b - a === 1 && this.xml.charCodeAt(a) === 114) rowAttr = intAt(this.xml, c, d);
  };

  constructor(
    private readonly xml: string,
    private readonly cells: WorkbookCells,
    private readonly sink: CellSink,
  ) {}

  /** Scans from just inside <sheetData> to its end tag; returns the position after it. */
  run(from: number): number {
    const xml = this.xml;
    let i = from;
    // Its own walk, not nextTag's: this loop runs once a sheet over every cell, and through nextTag the
    // scan of the 50,000-child roster measured some 5 % slower (bench/README.md, cellScan's tag walk).
    for (;;) {
      i = xml.indexOf('<', i);
      if (i < 0) damaged();
      const c1 = xml.charCodeAt(i + 1);
      if (c1 === BANG || c1 === QMARK) {
        i = skipSpecial(xml, i);
        continue;
      }
      if (c1 === SLASH) {
        const e = nameEnd(xml, i + 2);
        if (isLocal(xml, i + 2, e, 'sheetData')) return e;
        i = e;
        continue;
      }
      const e = nameEnd(xml, i + 1);
      if (isLocal(xml, i + 1, e, 'c')) i = this.cell(e);
      else if (isLocal(xml, i + 1, e, 'row')) {
        rowAttr = -1;
        i = walkAttributes(xml, e, this.onRowAttr);
        // A row without r follows the one before (SheetJS and Excel agree).
        this.row = rowAttr > 0 ? rowAttr - 1 : this.row + 1;
        this.col = -1;
      } else i = walkAttributes(xml, e, null);
    }
  }

  /** One <c> whose name ends at `nameStop`; returns the position after the cell. */
  private cell(nameStop: number): number {
    const xml = this.xml;
    cellRef = false;
    cellType = '';
    cellStyle = -1;
    let at = walkAttributes(xml, nameStop, this.onCellAttr);
    // A cell without r is the next one along; one with r takes its row from r as well.
    const col = cellRef && refCol >= 0 ? refCol : this.col + 1;
    const row = cellRef && refRow >= 0 ? refRow : this.row;
    this.col = col;
    if (selfClosed || row < 0) return selfClosed ? at : this.skipCell(at);
    const type = cellType;
    const style = cellStyle;
    // The cell's children: <f> (its text is not a value), <v>, <is>, <extLst>, up to </c>.
    let vStart = -1;
    let vEnd = -1;
    let cdata: string | undefined;
    let inline: string | undefined;
    for (;;) {
      const ce = nextTag(xml, at);
      if (ce < 0) damaged();
      const name = tagNameStart;
      if (isEndTag) {
        const gt = xml.indexOf('>', ce);
        if (gt < 0) damaged();
        at = gt + 1;
        if (isLocal(xml, name, ce, 'c')) break;
        continue;
      }
      const after = walkAttributes(xml, ce, null);
      if (selfClosed) at = after;
      else if (isLocal(xml, name, ce, 'v')) {
        const lt = xml.indexOf('<', after);
        if (lt < 0) damaged();
        if (xml.startsWith('<![CDATA[', lt)) {
          cdata = textFrom(xml, after);
          at = textStop;
        } else {
          vStart = after;
          vEnd = lt;
          at = lt;
        }
      } else if (isLocal(xml, name, ce, 'is')) {
        inline = richText(xml, after, 'is');
        at = textStop;
      } else at = after;
    }
    this.value(row, col, type, style, vStart, vEnd, cdata, inline);
    return at;
  }

  /** Past the </c> of a cell that cannot be placed (outside any row). */
  private skipCell(from: number): number {
    const close = /<\/(?:[\w.-]+:)?c\s*>/g;
    close.lastIndex = from;
    const m = close.exec(this.xml);
    if (!m) damaged();
    return m.index + m[0].length;
  }

  /** Hand the cell's value to the sink, as SheetJS would have read it (see read.ts). */
  private value(row: number, col: number, type: string, style: number, vStart: number, vEnd: number, cdata: string | undefined, inline: string | undefined): void {
    const xml = this.xml;
    const cells = this.cells;
    if (type === '' || type === 'n' || type === 'd') {
      let n: number | null;
      if (vStart >= 0) {
        let a = vStart;
        while (a < vEnd && isSpace(xml.charCodeAt(a))) a++;
        if (a === vEnd) return;
        n = type === 'd' ? isoSerial(xmlText(xml.slice(a, vEnd)), cells.date1904) : numberAt(xml, a, vEnd);
      } else if (cdata !== undefined && cdata.trim() !== '') n = type === 'd' ? isoSerial(cdata, cells.date1904) : parseFloat(cdata);
      else return;
      if (n === null || Number.isNaN(n)) return;
      // Without styles, or with an s beyond cellXfs, a number is General (as SheetJS reads it).
      this.sink(row, col, n, style >= 0 && style < cells.formats.length ? cells.formats[style] : 'General');
      return;
    }
    if (type === 's') {
      if (vStart < 0 && cdata === undefined) return;
      const index = vStart >= 0 ? intAt(xml, vStart, vEnd) : intAt(cdata!, 0, cdata!.length);
      const s = cells.strings[index];
      this.sink(row, col, s === undefined || s === '' ? null : s, undefined);
      return;
    }
    const v = vStart >= 0 ? xmlText(xml.slice(vStart, vEnd)) : cdata;
    if (type === 'str' || type === 'inlineStr') {
      const s = decodeXstring((type === 'str' ? v : inline) ?? '');
      this.sink(row, col, s === '' ? null : s.length > SHORT_TEXT ? detached(s) : cells.shortTexts.shared(s), undefined);
      return;
    }
    if (v === undefined) return;
    if (type === 'b') this.sink(row, col, v.trim() === '1' || v.trim() === 'true', undefined);
    else if (type === 'e') this.sink(row, col, { error: v.trim().startsWith('#') ? detached(v.trim()) : '#VALUE!' }, undefined);
  }
}

/**
 * Scan one worksheet's XML, handing each cell that holds a value to `sink` in document order (a null
 * for a string cell that is empty: it still replaces an earlier cell at its place), and return its
 * merged areas. A cell or row without `r` follows the one before it. Markup that never closes is
 * 'file.damaged'.
 */
export function scanSheet(xml: string, cells: WorkbookCells, sink: CellSink): MergeRange[] {
  const data = /<(?:[\w.-]+:)?sheetData(?=[\s>/])/.exec(xml);
  if (!data) return mergesOf(xml, 0);
  const inside = walkAttributes(xml, data.index + data[0].length, null);
  return mergesOf(xml, selfClosed ? inside : new SheetScanner(xml, cells, sink).run(inside));
}

/** The merged areas of a sheet: every <mergeCell ref> after `from`. */
function mergesOf(xml: string, from: number): MergeRange[] {
  const out: MergeRange[] = [];
  const re = /<(?:[\w.-]+:)?mergeCell\b[^>]*>/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const ref = attrOf(m[0], 'ref');
    if (!ref) continue;
    const [a, b = a] = ref.trim().split(':');
    parseRef(a, 0, a.length);
    const s = { r: refRow, c: refCol };
    parseRef(b, 0, b.length);
    const e = { r: refRow, c: refCol };
    if (s.r < 0 || s.c < 0 || e.r < s.r || e.c < s.c) continue;
    out.push({ s, e });
  }
  return out;
}
