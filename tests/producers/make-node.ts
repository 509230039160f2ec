/**
 * Writes the corpus workbooks of the JavaScript producers (ExcelJS, xlsx-populate, SheetJS) and the
 * roster data the Python producers read. Run by tests/producers/build.sh; the results are committed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
// xlsx-populate ships no types (tests may require CommonJS modules: see eslint.config.mjs).
const XlsxPopulate = require('xlsx-populate');
import { ROSTER_HEADER, ROSTER_SHEET, rosterRows, TEACHER_HEADER, TEACHER_SHEET, teacherRows } from './roster';

const OUT = path.join(__dirname, 'files');
const roster = rosterRows();
const scores = teacherRows(roster);
const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const version = (pkg: string): string => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

async function exceljs(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet(TEACHER_SHEET);
  t.addRow([...TEACHER_HEADER]);
  scores.forEach((s, i) => t.addRow([s.name, s.chinese, s.maths, { formula: `B${i + 2}+C${i + 2}`, result: s.chinese + s.maths }]));
  const r = wb.addWorksheet(ROSTER_SHEET);
  r.addRow([...ROSTER_HEADER]);
  for (const row of roster) r.addRow(row.map((v, i) => (i === 3 ? date(v as string) : v)));
  r.getColumn(4).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path.join(OUT, 'exceljs.xlsx'));
}

async function xlsxPopulate(): Promise<void> {
  const wb = await XlsxPopulate.fromBlankAsync();
  const t = wb.sheet(0).name(TEACHER_SHEET);
  t.cell('A1').value([[...TEACHER_HEADER], ...scores.map((s) => [s.name, s.chinese, s.maths, null])]);
  scores.forEach((s, i) => t.cell(`D${i + 2}`).formula(`B${i + 2}+C${i + 2}`));
  const r = wb.addSheet(ROSTER_SHEET);
  r.cell('A1').value([[...ROSTER_HEADER], ...roster.map((row) => row.map((v, i) => (i === 3 ? date(v as string) : v)))]);
  r.range(`D2:D${roster.length + 1}`).style('numberFormat', 'yyyy-mm-dd');
  await wb.toFileAsync(path.join(OUT, 'xlsx-populate.xlsx'));
}

function sheetjs(): void {
  const wb = XLSX.utils.book_new();
  const t = XLSX.utils.aoa_to_sheet([[...TEACHER_HEADER], ...scores.map((s, i) => [s.name, s.chinese, s.maths, { t: 'n', v: s.chinese + s.maths, f: `B${i + 2}+C${i + 2}` }])]);
  XLSX.utils.book_append_sheet(wb, t, TEACHER_SHEET);
  const r = XLSX.utils.aoa_to_sheet([[...ROSTER_HEADER], ...roster.map((row) => row.map((v, i) => (i === 3 ? date(v as string) : v)))], { cellDates: true, dateNF: 'yyyy-mm-dd' });
  XLSX.utils.book_append_sheet(wb, r, ROSTER_SHEET);
  fs.writeFileSync(path.join(OUT, 'sheetjs.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'roster.json'),
    JSON.stringify({ sheet: ROSTER_SHEET, header: ROSTER_HEADER, rows: roster, teacherSheet: TEACHER_SHEET, teacherHeader: TEACHER_HEADER, scores }, null, 1),
  );
  await exceljs();
  await xlsxPopulate();
  sheetjs();
  process.stdout.write(`exceljs.xlsx\tExcelJS ${version('exceljs')}\nxlsx-populate.xlsx\txlsx-populate ${version('xlsx-populate')}\nsheetjs.xlsx\tSheetJS ${XLSX.version}\n`);
}

void main();
