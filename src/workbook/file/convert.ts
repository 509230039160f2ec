/**
 * Reading the formats the port cannot edit in place — .xls (Excel 97–2003), .et (WPS 表格), .ods and
 * .csv — once, into an .xlsx package the port then works on like any other. SheetJS reads them and
 * writes the package; nothing is ever written back in the original format.
 */
import * as XLSX from '@e965/xlsx';
import { PortError } from '../port';
import { DATE_FORMAT_CODE } from '../../core/plan/formats';

/** SheetJS options for the one read of a foreign file: number formats (dates) and column widths kept. */
const CONVERT_OPTIONS: XLSX.ParsingOptions = { type: 'array', cellNF: true, cellStyles: true, cellDates: false, cellFormula: false, cellHTML: false, bookVBA: false };

/**
 * SheetJS reports what it approximates on the console (ODS number formats it cannot map). The command
 * line's output and the page's console stay ours: those notes are dropped while SheetJS reads.
 */
function quietly<T>(read: () => T): T {
  const original = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = original;
  }
}

function toPackage(wb: XLSX.WorkBook): Uint8Array {
  if (!wb.SheetNames.length) throw new PortError('file.damaged');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

// [MS-XLS] 2.4.117 FilePass: the record right after the globals' BOF that says the stream is encrypted.
const RT_FILEPASS = 0x002f;
const RT_EOF = 0x000a;

/** The part of SheetJS's bundled compound-file reader used here (its typings declare it `any`). */
interface CompoundFiles {
  read(data: Uint8Array, options: { type: 'array' }): unknown;
  find(container: unknown, path: string): { content?: Uint8Array | number[] } | null;
}
const CFB = XLSX.CFB as CompoundFiles;

/** The BIFF workbook stream of a compound file: "Workbook" (BIFF8, Excel 97 on, and WPS .et), "Book" (BIFF5). */
function biffStream(cfb: unknown): Uint8Array | undefined {
  const entry = CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book');
  const content = entry?.content;
  return content ? Uint8Array.from(content) : undefined;
}

/** True when the workbook globals hold a FilePass record: the file has a password to open. */
function hasFilePass(stream: Uint8Array): boolean {
  for (let at = 0; at + 4 <= stream.length;) {
    const type = stream[at] | (stream[at + 1] << 8);
    const length = stream[at + 2] | (stream[at + 3] << 8);
    if (type === RT_FILEPASS) return true;
    if (type === RT_EOF) return false;
    at += 4 + length;
  }
  return false;
}

/**
 * An .xls or .et (both a compound file with a BIFF workbook stream) as an .xlsx package. A compound
 * file without one (a Word .doc, say) is not a workbook; one with a FilePass record is password-protected.
 */
export function biffToXlsx(bytes: Uint8Array): Uint8Array {
  let cfb: unknown;
  try {
    cfb = CFB.read(bytes, { type: 'array' });
  } catch {
    throw new PortError('file.damaged');
  }
  const stream = biffStream(cfb);
  if (!stream) throw new PortError('file.notXlsx');
  if (hasFilePass(stream)) throw new PortError('file.encrypted');
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => XLSX.read(bytes, CONVERT_OPTIONS));
  } catch {
    throw new PortError('file.damaged');
  }
  return toPackage(wb);
}

/** An OpenDocument spreadsheet (.ods) as an .xlsx package. */
export function odsToXlsx(bytes: Uint8Array): Uint8Array {
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => XLSX.read(bytes, CONVERT_OPTIONS));
  } catch {
    throw new PortError('file.damaged');
  }
  return toPackage(wb);
}

// ---- CSV ----------------------------------------------------------------------------------------

/**
 * The text of a CSV file. A byte-order mark decides (UTF-8, UTF-16 either way, GB18030); without one,
 * bytes that are valid UTF-8 are UTF-8, and anything else is the Chinese Windows code page — GBK, read
 * with the GB18030 decoder, which is its superset (Excel and WPS on Chinese Windows save "CSV" so).
 */
export function decodeText(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return new TextDecoder('gb18030').decode(b.subarray(4));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/**
 * A short plain number (at most six digits before the point, no leading zero: a sequence number, an
 * age, a year, a count) is a number; anything longer stays text, so an 18-digit ID, a phone (7 digits
 * and up, mistyped ones included) or a leading-zero code is never rounded or shortened the way Excel
 * does when it opens a CSV.
 */
const PLAIN_NUMBER = /^[+-]?(?:0|[1-9]\d{0,5})(?:\.\d+)?$/;
/** 2015-03-12, 2015/3/12: a date, as Excel reads it from a CSV; other spellings stay text for the roster check. */
const YMD = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
// Exports that want Excel to keep a long number as text write it as a formula of a string: ="4305…".
const QUOTED_TEXT = /^="(.*)"$/s;

function dateSerial(text: string): number | undefined {
  const m = YMD.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (y < 1900 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return (ms - Date.UTC(1899, 11, 30)) / 86400000;
}

function csvCell(text: string): XLSX.CellObject | undefined {
  const quoted = QUOTED_TEXT.exec(text);
  const value = quoted ? quoted[1] : text;
  if (value === '') return undefined;
  if (!quoted && PLAIN_NUMBER.test(value)) return { t: 'n', v: Number(value) };
  const serial = quoted ? undefined : dateSerial(value);
  if (serial !== undefined) return { t: 'n', v: serial, z: DATE_FORMAT_CODE };
  return { t: 's', v: value };
}

/** Each text cell of a sheet read with `raw` (every value the text in the file) as csvCell reads it. */
function typedCells(source: XLSX.WorkSheet): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  for (const [ref, cell] of Object.entries(source)) {
    if (ref.startsWith('!')) continue;
    const raw = (cell as XLSX.CellObject).v;
    const out = csvCell(raw === undefined || raw === null ? '' : String(raw));
    if (out) ws[ref] = out;
  }
  ws['!ref'] = source['!ref'] ?? 'A1';
  if (source['!merges']) ws['!merges'] = source['!merges'];
  return ws;
}

// SpreadsheetML 2003 ("XML 表格"): typed cells, read as they are.
const SPREADSHEET_2003 = /<(?:\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/;

/**
 * An ".xls" that is markup: web systems (学籍, 教育管理 platforms) export an HTML table named .xls, and
 * Excel 2003 saved "XML 表格" the same way; Excel opens both. An HTML table's cells are all text, read
 * as a CSV field is (IDs and phones stay text); its merged cells are kept. Not markup: 'file.notXlsx'.
 */
export function markupToXlsx(bytes: Uint8Array): Uint8Array {
  const text = decodeText(bytes);
  const start = text.trimStart();
  if (!start.startsWith('<')) throw new PortError('file.notXlsx');
  if (SPREADSHEET_2003.test(start.slice(0, 4096))) {
    try {
      return toPackage(quietly(() => XLSX.read(start, { ...CONVERT_OPTIONS, type: 'string' })));
    } catch (e) {
      if (e instanceof PortError) throw e;
      throw new PortError('file.damaged');
    }
  }
  if (!/<table\b/i.test(start)) throw new PortError('file.notXlsx');
  let parsed: XLSX.WorkBook;
  try {
    parsed = quietly(() => XLSX.read(start, { type: 'string', raw: true, cellDates: false }));
  } catch {
    throw new PortError('file.damaged');
  }
  const wb = XLSX.utils.book_new();
  parsed.SheetNames.forEach((name) => XLSX.utils.book_append_sheet(wb, typedCells(parsed.Sheets[name]), name));
  return toPackage(wb);
}

/**
 * A CSV file as a one-sheet .xlsx package, every field text unless it is a short plain number or a
 * year-month-day date (see csvCell). The sheet is named after the file, as Excel names it on open.
 */
export function csvToXlsx(bytes: Uint8Array, sheetName: string): Uint8Array {
  const text = decodeText(bytes);
  let parsed: XLSX.WorkBook;
  try {
    // raw: every field comes back as the text in the file; csvCell decides what is a number.
    parsed = XLSX.read(text, { type: 'string', raw: true, cellDates: false });
  } catch {
    throw new PortError('file.damaged');
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, typedCells(parsed.Sheets[parsed.SheetNames[0]]), sheetName);
  return toPackage(wb);
}
