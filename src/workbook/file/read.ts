import type { CellValue } from '../../core/cells';
import { DAYS_1900_TO_1904 } from '../../core/dates';
import type { DateFormatKind, SheetSnapshot } from '../../core/snapshot';
import { PortError } from '../port';
import { cachedDateFormatKind, DateRunsBuilder } from '../../core/dateFormats';
import { NumberFormatRunsBuilder } from '../../core/numberFormat';
import { readCellFormats, readSharedStrings, scanSheet, ShortTexts, usesDate1904, type MergeRange, type WorkbookCells } from './cellScan';
import { CONTENT_TYPE, Pkg, relIs } from './pkg';
import { attr, decodePart, fromUtf8 } from './xml';
import { findPart, type Parts } from './zip';

const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/** The part [Content_Types].xml declares first with this content type (where SheetJS looked for styles and strings). */
export function declaredPart(parts: Parts, contentType: string): string | undefined {
  const ctPath = findPart(parts, '[Content_Types].xml');
  const ct = ctPath ? parts.get(ctPath) : undefined;
  if (!ct) return undefined;
  for (const m of fromUtf8(ct).matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    if (attr(m[0], 'ContentType') !== contentType) continue;
    return findPart(parts, (attr(m[0], 'PartName') ?? '').replace(/^\//, ''));
  }
  return undefined;
}

export type SheetValues = Pick<SheetSnapshot, 'origin' | 'values' | 'merges' | 'dateFormats' | 'numberFormats'>;

/** A part's text, or undefined when the package lacks it. */
function partText(parts: Parts, path: string | undefined): string | undefined {
  const real = path === undefined ? undefined : findPart(parts, path);
  const bytes = real === undefined ? undefined : parts.get(real);
  return bytes ? decodePart(bytes).text : undefined;
}

/** Shared strings, cell formats and the date system: what every sheet's cells refer to. */
function workbookCells(pkg: Pkg, parts: Parts): WorkbookCells {
  const wbPath = pkg.workbookPath();
  const rels = pkg.rels(wbPath);
  // The workbook's relationships name its parts (as Excel reads them); the content types are the fallback.
  const related = (kind: string) => rels.find((r) => !r.external && relIs(r.type, kind) && pkg.has(r.path))?.path;
  const strings = partText(parts, related('sharedStrings') ?? declaredPart(parts, SHARED_STRINGS_TYPE));
  return {
    strings: strings === undefined ? [] : readSharedStrings(strings),
    formats: readCellFormats(partText(parts, related('styles') ?? declaredPart(parts, CONTENT_TYPE.styles))),
    date1904: usesDate1904(pkg.requireText(wbPath)),
    shortTexts: new ShortTexts(),
  };
}

/** Collects one sheet's cells as the scanner hands them over, then lays them out as SheetValues. */
class SheetCells {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formats: ((string | undefined)[] | undefined)[] = [];

  readonly add = (row: number, col: number, value: CellValue, format: string | undefined): void => {
    let line = this.values[row];
    if (value === null) {
      // An empty string cell still replaces what an earlier cell at its place held.
      if (line && col < line.length) line[col] = null;
      return;
    }
    if (!line) this.values[row] = line = [];
    line[col] = value;
    if (format !== undefined || this.formats[row]) (this.formats[row] ??= [])[col] = format;
  };

  result(date1904: boolean, merges: readonly MergeRange[], kindOf: (code: string | undefined) => DateFormatKind | null): SheetValues {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    const dates = new DateRunsBuilder();
    const numberFormats = new NumberFormatRunsBuilder();
    for (let r = 0; r < this.values.length; r++) {
      const line = this.values[r];
      if (!line) continue;
      const codes = this.formats[r];
      let any = false;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null || v === undefined) continue;
        any = true;
        if (c < left) left = c;
        if (typeof v !== 'number') continue;
        const code = codes?.[c];
        if (code !== undefined && code !== 'General') numberFormats.add(r, c, code);
        const kind = kindOf(code);
        if (!kind) continue;
        dates.add(r, c, kind);
        // The core counts every serial from 1900, as Excel's default system; a 1904 workbook's dates
        // are moved into it here, once, so that no reader downstream has to know (a time of day alone
        // is the same in both systems).
        if (date1904 && kind !== 'time') line[c] = v + DAYS_1900_TO_1904;
      }
      if (any) {
        if (top < 0) top = r;
        bottom = r;
      } else this.values[r] = undefined;
    }
    // Each row only as long as its own last value, and rows without a value share one frozen empty
    // line: a lone value in XFD1048576 must not widen every row to 16,384 cells or fill a million
    // rows (the rectangle once made validate take minutes). The core reads beyond a row's end as
    // empty (cellAt, and every reader of values[i][j] with `?? null`).
    const values: CellValue[][] = [];
    let blank: CellValue[] | undefined;
    for (let r = top; top >= 0 && r <= bottom; r++) {
      const src = this.values[r];
      if (!src) {
        values.push((blank ??= Object.freeze([]) as unknown as CellValue[]));
        continue;
      }
      let end = src.length;
      while (end > left && (src[end - 1] === null || src[end - 1] === undefined)) end--;
      const line = new Array<CellValue>(end - left);
      for (let c = 0; c < line.length; c++) line[c] = src[left + c] ?? null;
      values.push(line);
    }
    return {
      origin: top >= 0 ? { row: top, col: left } : { row: 0, col: 0 },
      values,
      merges: merges.map((m) => ({ row: m.s.r, col: m.s.c, rowCount: m.e.r - m.s.r + 1, colCount: m.e.c - m.s.c + 1 })),
      dateFormats: { date1904, columns: dates.result() },
      numberFormats: numberFormats.result(),
    };
  }
}

/**
 * Values of the named worksheets. The block starts at the top-left of the cells that hold a value, like
 * Excel's used range over values (empty styled cells do not count), but each row ends at its own last
 * value: the cells that exist, never the range's full rectangle. Numbers with a date or time format are
 * listed in dateFormats; in a 1904 workbook their serials are converted to the 1900 system
 * (dateFormats.date1904 says the file counts from 1904). Every number with a format other than General
 * has its code in numberFormats, for showing it as Excel would. Read by cellScan.ts, straight from the
 * XML: each sheet's text lives only while it is scanned. Damaged markup is 'file.damaged'.
 */
export function readSheetValues(parts: Parts, names: readonly string[]): Map<string, SheetValues> {
  const out = new Map<string, SheetValues>();
  try {
    const pkg = new Pkg(parts);
    const cells = workbookCells(pkg, parts);
    const kindOf = cachedDateFormatKind();
    const entries = pkg.sheets();
    for (const name of names) {
      const entry = entries.find((e) => e.name === name && e.kind === 'worksheet' && e.path);
      const xml = entry && partText(parts, entry.path);
      if (xml === undefined) continue;
      const sheet = new SheetCells();
      const merges = scanSheet(xml, cells, sheet.add);
      out.set(name, sheet.result(cells.date1904, merges, kindOf));
    }
  } catch (e) {
    if (e instanceof PortError) throw e;
    throw new PortError('file.damaged');
  }
  return out;
}
