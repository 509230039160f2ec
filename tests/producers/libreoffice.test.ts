/**
 * A few corpus files (the quirkiest namespaces and encodings) after the file port's apply, opened by
 * LibreOffice: it must load each result, and read the teacher's sheets with the values it read from
 * the producer's own file. A few files only, converted in one LibreOffice run each way, to bound CPU.
 * Skipped, with a note, where soffice is not installed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, runThrough } from './corpus';
import { ROSTER_SHEET, rosterRows, TEACHER_SHEET, teacherRows } from './roster';
import { convert, CSV_ALL_SHEETS, onPath, parseCsv } from '../interop/soffice';

const FILES = ['openpyxl.xlsx', 'open-xml-sdk.xlsx', 'tencent-docs.xlsx', 'excel-mobile-utf16.xlsx', 'excel-365.xlsx'];
const soffice = onPath('soffice');
if (!soffice) console.warn('Producer corpus LibreOffice check skipped: soffice not found on PATH (apt-get install libreoffice-calc-nogui).');
const withLibreOffice = soffice ? describe : describe.skip;

jest.setTimeout(600_000);

withLibreOffice('LibreOffice opens the results', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'producers-lo-'));
  const csv = new Map<string, string[][]>();
  const csvOf = (which: 'in' | 'out', file: string, sheet: string) => csv.get(`${which}/${file.replace(/\.xlsx$/, '')}-${sheet}.csv`);

  beforeAll(async () => {
    for (const which of ['in', 'out'] as const) mkdirSync(path.join(dir, which, 'csv'), { recursive: true });
    for (const file of FILES) {
      const run = await runThrough(CORPUS.find((e) => e.file === file)!);
      writeFileSync(path.join(dir, 'in', file), run.input);
      writeFileSync(path.join(dir, 'out', file), run.output);
    }
    for (const which of ['in', 'out'] as const) {
      const produced = await convert(
        FILES.map((f) => path.join(dir, which, f)),
        CSV_ALL_SHEETS,
        path.join(dir, which, 'csv'),
      );
      for (const name of produced) csv.set(`${which}/${name}`, parseCsv(readFileSync(path.join(dir, which, 'csv', name), 'utf8')));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FILES)("%s: loads, and the teacher's sheets read as LibreOffice read them in the producer's file", (file) => {
    const roster = rosterRows();
    const teacherIn = csvOf('in', file, TEACHER_SHEET);
    const teacherOut = csvOf('out', file, TEACHER_SHEET);
    expect(teacherOut).toBeDefined();
    expect(teacherOut).toEqual(teacherIn);
    // The totals are LibreOffice's own sums of the scores, so the formulas came through too.
    expect(teacherOut!.slice(1, 7).map((r) => [r[0], Number(r[3])])).toEqual(teacherRows(roster).map((s) => [s.name, s.chinese + s.maths]));
    const rosterOut = csvOf('out', file, ROSTER_SHEET);
    expect(rosterOut).toEqual(csvOf('in', file, ROSTER_SHEET));
    expect(rosterOut!.slice(1).map((r) => r[1])).toEqual(roster.map((r) => r[1]));
    // The add-in's sheets load too: more sheets came out than went in.
    expect([...csv.keys()].filter((k) => k.startsWith(`out/${file.replace(/\.xlsx$/, '')}-`)).length).toBeGreaterThan(2);
  });
});
