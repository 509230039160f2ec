/**
 * Property: any sheet written by a third-party writer (SheetJS's, with shared or in-cell strings, in
 * either date system) reads back as written — values at their places, merges, number formats and date
 * runs — and still does with its markup rewritten the ways other writers write it: elements under a
 * namespace prefix, rows and cells without `r` where their place follows from the one before.
 */
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CellValue } from '../../src/core/cells';
import { dateFormatKind } from '../../src/core/dateFormats';
import { DAYS_1900_TO_1904 } from '../../src/core/dates';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';

const FORMATS = ['General', '0.00', '0%', 'yyyy-mm-dd', 'h:mm', 'yyyy"年"m"月"d"日"', '#,##0 "元"'];
const ERRORS: Readonly<Record<number, string>> = { 0x07: '#DIV/0!', 0x2a: '#N/A', 0x17: '#REF!', 0x0f: '#VALUE!' };

// Text with what XML and Excel treat specially (markup, CR and LF, tabs, spaces at the ends, CJK, an
// astral character), but no literal _xHHHH_: SheetJS's writer does not escape one (its reader, and
// Excel, would decode it), which is the writer's fault, not the reader's.
const text = fc
  .array(fc.constantFrom('a', 'Z', '0', ' ', '<', '>', '&', '"', "'", '\r', '\n', '\t', '张', '三', '（', '１', '😀', '_', 'x'), { minLength: 1, maxLength: 8 })
  .map((units) => units.join(''))
  .filter((s) => !/_x[0-9A-Fa-f]{4}_/.test(s));

type Written = { t: 'n'; v: number; z: string } | { t: 's'; v: string } | { t: 'b'; v: boolean } | { t: 'e'; v: number };

const cellArb: fc.Arbitrary<Written> = fc.oneof(
  fc.record({ t: fc.constant('n' as const), v: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)), z: fc.constantFrom(...FORMATS) }),
  fc.record({ t: fc.constant('n' as const), v: fc.integer({ min: 1, max: 60000 }), z: fc.constantFrom(...FORMATS) }),
  fc.record({ t: fc.constant('s' as const), v: text }),
  fc.record({ t: fc.constant('b' as const), v: fc.boolean() }),
  fc.record({ t: fc.constant('e' as const), v: fc.constantFrom(...Object.keys(ERRORS).map(Number)) }),
);

const sheetArb = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), cellArb), { maxLength: 40 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 3 }),
  sst: fc.boolean(),
  date1904: fc.boolean(),
  prefix: fc.boolean(),
  dropRefs: fc.boolean(),
});

/** Rows and cells without `r` wherever their place follows from the one before (as some writers save them). */
function withoutDerivableRefs(xml: string): string {
  let row = 0;
  let col = -1;
  return xml.replace(/<row r="(\d+)"|<c r="([A-Z]+)\d+"/g, (m, r?: string, letters?: string) => {
    if (r !== undefined) {
      const follows = +r === row + 1;
      row = +r;
      col = -1;
      return follows ? '<row' : m;
    }
    const c = [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const follows = c === col + 1;
    col = c;
    return follows ? '<c' : m;
  });
}

/** Every element of the part under the prefix x: (as the Open XML SDK writes), the namespace declared for it. */
function prefixed(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z]+)(?=[\s>/])/g, '<$1x:$2').replace(' xmlns="', ' xmlns:x="');
}

type SheetCase = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function written(s: SheetCase): Uint8Array {
  const ws: XLSX.WorkSheet = {};
  let maxR = 0;
  let maxC = 0;
  for (const [r, c, cell] of s.cells) {
    ws[XLSX.utils.encode_cell({ r, c })] = cell.t === 'n' ? { t: 'n', v: cell.v, z: cell.z } : { ...cell };
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  ws['!merges'] = s.merges.map(([r, c, h, w]) => ({ s: { r, c }, e: { r: r + h, c: c + w } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '表');
  wb.Workbook = { WBProps: { date1904: s.date1904 } };
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: s.sst }) as ArrayBuffer));
  let xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
  if (s.dropRefs) xml = withoutDerivableRefs(xml);
  if (s.prefix) xml = prefixed(xml);
  parts['xl/worksheets/sheet1.xml'] = strToU8(xml);
  return zipSync(parts);
}

it('a written sheet reads back as written', async () => {
  await fc.assert(
    fc.asyncProperty(sheetArb, async (s) => {
      // What was written, the last write to a place winning.
      const at = new Map<string, { r: number; c: number; cell: Written }>();
      for (const [r, c, cell] of s.cells) at.set(`${r},${c}`, { r, c, cell });
      const value = (cell: Written): CellValue => {
        if (cell.t === 'e') return { error: ERRORS[cell.v] };
        if (cell.t !== 'n') return cell.v;
        const kind = dateFormatKind(cell.z);
        return s.date1904 && kind && kind !== 'time' ? cell.v + DAYS_1900_TO_1904 : cell.v;
      };
      const cells = [...at.values()];
      const top = Math.min(...cells.map((x) => x.r));
      const left = Math.min(...cells.map((x) => x.c));
      const bottom = Math.max(...cells.map((x) => x.r));
      const rows: CellValue[][] = cells.length ? Array.from({ length: bottom - top + 1 }, () => []) : [];
      for (const { r, c, cell } of cells) rows[r - top][c - left] = value(cell);
      for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= null;

      const sheet = findSheet(await openXlsx(written(s)).read(), '表')!;
      expect(sheet.origin).toEqual(cells.length ? { row: top, col: left } : { row: 0, col: 0 });
      expect(sheet.values).toEqual(rows);
      expect(sheet.merges).toEqual(s.merges.map(([r, c, h, w]) => ({ row: r, col: c, rowCount: h + 1, colCount: w + 1 })));
      for (const { r, c, cell } of cells) {
        const code = cell.t === 'n' && cell.z !== 'General' ? cell.z : null;
        const run = sheet.numberFormats?.[c]?.find((x) => x.firstRow <= r && r <= x.lastRow);
        expect([r, c, run?.code ?? null]).toEqual([r, c, code]);
        const kind = cell.t === 'n' ? dateFormatKind(cell.z) : null;
        const dateRun = sheet.dateFormats?.columns[c]?.find((x) => x.firstRow <= r && r <= x.lastRow);
        expect([r, c, dateRun?.kind ?? null]).toEqual([r, c, kind]);
      }
    }),
    { numRuns: 150 },
  );
});
