/**
 * The port's own worksheet reader (cellScan.ts) against SheetJS, the reader it replaced: every workbook
 * the tests hold — the fixtures, the producer corpus (LibreOffice, Gnumeric, openpyxl, XlsxWriter,
 * ExcelJS, xlsx-populate, SheetJS, and the generated quirk fixtures), the other formats once converted,
 * the robustness corpus and the bundled sample — must read to the same SheetValues: origin, rows, merges,
 * date runs (with the 1904 conversion) and number formats.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { biffToXlsx, csvToXlsx, markupToXlsx, odsToXlsx } from '../../src/workbook/file/convert';
import type { CellValue } from '../../src/core/cells';
import { Pkg } from '../../src/workbook/file/pkg';
import { readSheetValues, type SheetValues } from '../../src/workbook/file/read';
import { openPackage } from '../../src/workbook/file/workbook';
import { unzipPackage, type Parts } from '../../src/workbook/file/zip';
import { readSheetValuesWithSheetJS } from '../helpers/sheetjsRead';
import { buildQuirkFixture, QUIRK_FIXTURES } from '../producers/quirks';

const ROOT = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, pattern) : pattern.test(name) ? [full] : [];
  });
}

interface Input {
  readonly name: string;
  bytes(): Uint8Array;
}

const read = (file: string) => () => new Uint8Array(readFileSync(file));

/** The other formats as the port opens them: converted once into an .xlsx package by SheetJS's writer. */
function converted(file: string): Input | null {
  const name = path.basename(file);
  const as = (convert: (b: Uint8Array) => Uint8Array): Input => ({ name: path.relative(ROOT, file), bytes: () => convert(read(file)()) });
  if (/\.csv$/i.test(name)) return as((b) => csvToXlsx(b, 'Sheet1'));
  if (/\.ods$/i.test(name)) return as(odsToXlsx);
  if (/\.(xml|html)\.xls$/i.test(name)) return as(markupToXlsx);
  if (/\.(xls|et)$/i.test(name) && !/encrypted/.test(name)) return as(biffToXlsx);
  return null;
}

const INPUTS: Input[] = [
  ...['tests/fixtures', 'tests/producers/files', 'tests/corpus', 'tests/formats', 'assets'].flatMap((dir) =>
    filesUnder(path.join(ROOT, dir), /\.xls[xm]$/i).map((file) => ({ name: path.relative(ROOT, file), bytes: read(file) })),
  ),
  ...filesUnder(path.join(ROOT, 'tests/formats'), /\.(csv|ods|xls|et)$/i)
    .map(converted)
    .filter((x): x is Input => x !== null),
  ...QUIRK_FIXTURES.map((q) => ({ name: `quirks/${q.file}`, bytes: () => buildQuirkFixture(q.quirks) })),
];

/** The package and its worksheets, or null for a file the port refuses on opening (before reading values). */
function opened(input: Input): { parts: Parts; names: string[] } | null {
  try {
    const parts = unzipPackage(input.bytes());
    openPackage(parts);
    const names = new Pkg(parts)
      .sheets()
      .filter((e) => e.kind === 'worksheet')
      .map((e) => e.name);
    return { parts, names };
  } catch {
    return null;
  }
}

function outcome(f: () => Map<string, SheetValues>): { value: Map<string, SheetValues> } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: String(e) };
  }
}

/** Same cell: the same primitive (Object.is, so -0 and NaN count), or the same error text. */
function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return Object.is(a, b);
}

/**
 * The first row whose cells differ, or -1; rows are compared cell by cell because toStrictEqual on a
 * million rows (a value in the last row) takes half a minute.
 */
function firstDifferentRow(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): number {
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const x = a[r];
    const y = b[r];
    if (!x || !y || x.length !== y.length) return r;
    for (let c = 0; c < x.length; c++) if (!(c in x) || !(c in y) || !sameCell(x[c], y[c])) return r;
  }
  return -1;
}

function expectSame(own: ReturnType<typeof outcome>, sheetjs: ReturnType<typeof outcome>): void {
  if (!('value' in own) || !('value' in sheetjs)) {
    expect(own).toStrictEqual(sheetjs);
    return;
  }
  expect([...own.value.keys()]).toStrictEqual([...sheetjs.value.keys()]);
  for (const [name, theirs] of sheetjs.value) {
    const mine = own.value.get(name)!;
    const row = firstDifferentRow(mine.values, theirs.values);
    // On a difference, show that row (and its neighbours) with the sheet's name.
    if (row >= 0)
      expect({ name, row, rows: mine.values.slice(Math.max(0, row - 1), row + 2) }).toStrictEqual({ name, row, rows: theirs.values.slice(Math.max(0, row - 1), row + 2) });
    expect({ ...mine, values: mine.values.length }).toStrictEqual({ ...theirs, values: theirs.values.length });
  }
}

describe('the own reader gives what SheetJS gave', () => {
  it('covers the corpus', () => {
    // A guard against the lists above silently shrinking.
    expect(INPUTS.length).toBeGreaterThan(55);
  });

  it.each(INPUTS.map((i) => [i.name, i] as const))('%s', (_name, input) => {
    const pkg = opened(input);
    if (!pkg) return;
    expectSame(
      outcome(() => readSheetValues(pkg.parts, pkg.names)),
      outcome(() => readSheetValuesWithSheetJS(pkg.parts, pkg.names)),
    );
  });
});
