/**
 * The file port's worksheet read as it was through SheetJS (@e965/xlsx) until the port got its own
 * reader (src/workbook/file/cellScan.ts): the reference the own reader is compared with
 * (tests/file-port/own-reader.test.ts) and the benchmarks' bare-SheetJS baseline. Not used by the port.
 */
import * as XLSX from '@e965/xlsx';
import type { CellRange, CellValue } from '../../src/core/cells';
import { DAYS_1900_TO_1904 } from '../../src/core/dates';
import { cachedDateFormatKind, DateRunsBuilder } from '../../src/core/dateFormats';
import { NumberFormatRunsBuilder } from '../../src/core/numberFormat';
import { PortError } from '../../src/workbook/port';
import { implicitDateFormat } from '../../src/workbook/file/dateFormats';
import { CONTENT_TYPE } from '../../src/workbook/file/pkg';
import { declaredPart, type SheetValues } from '../../src/workbook/file/read';
import { esc, findElement, fromUtf8, rootPrefix, utf8 } from '../../src/workbook/file/xml';
import type { Parts } from '../../src/workbook/file/zip';

/**
 * styles.xml with a <numFmt> for each implicit date id (dateFormats.ts) its cell formats use but do not
 * define, or null when nothing is missing: SheetJS gives such a cell no format code at all, so only the
 * copy handed to SheetJS got this.
 */
export function withImplicitDateFormats(stylesXml: string): string | null {
  const p = rootPrefix(stylesXml, 'styleSheet');
  const cellXfs = findElement(stylesXml, p, 'cellXfs');
  if (!cellXfs || cellXfs.selfClosing) return null;
  const used = new Set<number>();
  for (const m of stylesXml.slice(cellXfs.innerStart, cellXfs.innerEnd).matchAll(/\snumFmtId\s*=\s*["'](\d+)["']/g)) {
    const id = Number(m[1]);
    if (implicitDateFormat(id) !== undefined) used.add(id);
  }
  if (!used.size) return null;
  const numFmts = findElement(stylesXml, p, 'numFmts');
  if (numFmts && !numFmts.selfClosing) {
    for (const m of stylesXml.slice(numFmts.innerStart, numFmts.innerEnd).matchAll(/\snumFmtId\s*=\s*["'](\d+)["']/g)) used.delete(Number(m[1]));
  }
  if (!used.size) return null;
  const added = [...used].map((id) => `<${p}numFmt numFmtId="${id}" formatCode="${esc(implicitDateFormat(id)!)}"/>`).join('');
  if (numFmts && !numFmts.selfClosing) return stylesXml.slice(0, numFmts.innerEnd) + added + stylesXml.slice(numFmts.innerEnd);
  const element = `<${p}numFmts count="${used.size}">${added}</${p}numFmts>`;
  if (numFmts) return stylesXml.slice(0, numFmts.start) + element + stylesXml.slice(numFmts.end);
  // numFmts comes first in a styleSheet.
  const root = new RegExp(`<${p.replace('.', '\\.')}styleSheet\\b[^>]*>`).exec(stylesXml);
  if (!root) return null;
  const at = root.index + root[0].length;
  return stylesXml.slice(0, at) + element + stylesXml.slice(at);
}

/**
 * SheetJS options for reading values: dense rows, no styles, no HTML, no formula text, no formatted
 * text, and ranges from the cells themselves (a stale <dimension> would cut data off). cellNF keeps
 * each cell's number-format code, so dates can be shown as dates: SheetJS looks the format up for
 * every cell anyway, and keeping it is one shared string reference per cell. Measured on the
 * 100,000-row bench roster (CPU, median of 8, interleaved): the port's read 8.69 s with it, 8.82 s
 * without, so no cost beyond the noise.
 */
export const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellStyles: false,
  cellHTML: false,
  cellFormula: false,
  cellText: false,
  cellNF: true,
  cellDates: false,
  nodim: true,
  bookVBA: false,
};

// SheetJS keeps an error cell's BIFF code in `v`.
const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

interface SheetJsCell {
  t: string;
  v?: unknown;
  w?: string;
  /** Number-format code (cellNF). */
  z?: string;
}

/** The styles part SheetJS reads: the first one [Content_Types].xml declares. */
function stylesPart(parts: Parts): string | undefined {
  return declaredPart(parts, CONTENT_TYPE.styles);
}

/** Hand SheetJS the parts we already unzipped (fflate is faster than its own inflate). */
function parseParts(parts: Parts, sheets?: readonly string[]): XLSX.WorkBook {
  const CFB = XLSX.CFB as { utils: { cfb_new(): object; cfb_add(container: object, path: string, data: Uint8Array): void } }; // typed `any` by SheetJS
  const container = CFB.utils.cfb_new();
  const styles = stylesPart(parts);
  for (const [path, data] of parts) {
    const patched = path === styles ? withImplicitDateFormats(fromUtf8(data)) : null;
    CFB.utils.cfb_add(container, path, patched === null ? data : utf8(patched));
  }
  const opts: XLSX.ParsingOptions = { ...READ_OPTIONS, ...(sheets ? { sheets: [...sheets] } : {}) };
  return (XLSX as unknown as { parse_zip(zip: unknown, o: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip(container, opts);
}

/** The benchmark's baseline: SheetJS reading the file with the options the port uses, nothing more. */
export function readXlsxBare(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { ...READ_OPTIONS, type: 'array' });
}

function toCellValue(cell: SheetJsCell | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
    case 'str':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return { error: typeof cell.v === 'number' ? (ERROR_CODES[cell.v] ?? cell.w ?? '#VALUE!') : String(cell.w ?? cell.v ?? '#VALUE!') };
    case 'd': {
      // Only when a file stores ISO dates (t="d"); the core works in serials.
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      if (Number.isNaN(d.getTime())) return null;
      return (
        (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000 +
        (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400
      );
    }
    default:
      return null;
  }
}

/**
 * Values of the named worksheets (all parsed in one SheetJS pass), as the port read them before it
 * had its own reader; kept for tests/file-port/own-reader.test.ts. The block starts at the top-left of
 * the cells that hold a value, like Excel's used range over values (empty styled cells do not count),
 * but each row ends at its own last value: the cells that exist, never the range's full rectangle.
 * Numbers with a date or time format are listed in dateFormats; in a 1904 workbook their serials are
 * converted to the 1900 system (dateFormats.date1904 says the file counts from 1904). Every number with a
 * format other than General has its code in numberFormats, for showing it as Excel would.
 */
export function readSheetValuesWithSheetJS(parts: Parts, names: readonly string[]): Map<string, SheetValues> {
  let wb: XLSX.WorkBook;
  try {
    wb = parseParts(parts, names);
  } catch {
    throw new PortError('file.damaged');
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const kindOf = cachedDateFormatKind();
  const out = new Map<string, SheetValues>();
  for (const name of names) {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!data'?: SheetJsCell[][] }) | undefined;
    if (!ws) continue;
    const data = ws['!data'] ?? [];
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    const rows = new Array<CellValue[] | undefined>(data.length);
    const dates = new DateRunsBuilder();
    const formats = new NumberFormatRunsBuilder();
    for (let r = 0; r < data.length; r++) {
      const line = data[r];
      if (!line) continue;
      let values: CellValue[] | undefined;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        let v = toCellValue(cell);
        if (v === null) continue;
        if (typeof v === 'number') {
          if (cell.z !== undefined && cell.z !== 'General') formats.add(r, c, cell.z);
          const kind = kindOf(cell.z);
          if (kind) {
            dates.add(r, c, kind);
            // The core counts every serial from 1900, as Excel's default system; a 1904 workbook's dates
            // are moved into it here, once, so that no reader downstream has to know (a time of day alone
            // is the same in both systems).
            if (date1904 && kind !== 'time') v += DAYS_1900_TO_1904;
          }
        }
        if (!values) values = [];
        values[c] = v;
        if (c < left) left = c;
      }
      if (values) {
        rows[r] = values;
        if (top < 0) top = r;
        bottom = r;
      }
    }
    const values: CellValue[][] = [];
    if (top >= 0) {
      // Each row only as long as its own last value, and rows without a value share one frozen empty
      // line: a lone value in XFD1048576 must not widen every row to 16,384 cells or fill a million
      // rows (the rectangle once made validate take minutes). The core reads beyond a row's end as
      // empty (cellAt, and every reader of values[i][j] with `?? null`).
      let blank: CellValue[] | undefined;
      for (let r = top; r <= bottom; r++) {
        const src = rows[r];
        if (!src) {
          values.push((blank ??= Object.freeze([]) as unknown as CellValue[]));
          continue;
        }
        const line = new Array<CellValue>(src.length - left);
        for (let c = 0; c < line.length; c++) line[c] = src[left + c] ?? null;
        values.push(line);
      }
    }
    const merges: CellRange[] = (ws['!merges'] ?? []).map((m) => ({ row: m.s.r, col: m.s.c, rowCount: m.e.r - m.s.r + 1, colCount: m.e.c - m.s.c + 1 }));
    out.set(name, {
      origin: top >= 0 ? { row: top, col: left } : { row: 0, col: 0 },
      values,
      merges,
      dateFormats: { date1904, columns: dates.result() },
      numberFormats: formats.result(),
    });
  }
  return out;
}
