/**
 * Rows appended under a sheet's last row take that row's look (font, fill, borders) but a number never
 * takes a date, time or percent format from it: 3 stays 3, not 1900-01-03. The seed is written by SheetJS
 * and read back by SheetJS and, where installed, shown by LibreOffice.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { recastsNumber } from '../../src/core/dateFormats';
import { PAIRING_SETTING_DEFS } from '../../src/core/pairing/settings';
import { DATE_FORMAT_CODE } from '../../src/core/plan/formats';
import { planSettings } from '../../src/core/settings';
import { SHEETS } from '../../src/core/sheets';
import { dateFormatAt, findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { convert, missingTools, parseCsv } from '../interop/soffice';
import { savedNumberFormat } from './seed';

/** A school's own 设置 whose last row is a date cell (学期开始 2026-09-01), and a percent row above it. */
function settingsEndingInADate(lastFormat = 'yyyy/m/d', formattedBelow = false): Uint8Array {
  const ws: XLSX.WorkSheet = {
    A1: { t: 's', v: '设置项' },
    B1: { t: 's', v: '值' },
    C1: { t: 's', v: '说明' },
    A2: { t: 's', v: '完成率目标' },
    B2: { t: 'n', v: 0.9, z: '0%' },
    C2: { t: 's', v: '学校自定' },
    A3: { t: 's', v: '学期开始' },
    B3: { t: 'n', v: 46266, z: lastFormat },
    C3: { t: 's', v: '秋季学期' },
    '!ref': 'A1:C3',
  };
  // The teacher formatted the 值 column's empty cells below as dates too (style-only cells).
  if (formattedBelow) {
    for (let r = 4; r <= 8; r++) ws[`B${r}`] = { t: 'z', z: lastFormat };
    ws['!ref'] = 'A1:C8';
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, SHEETS.settings);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true, sheetStubs: formattedBelow }) as ArrayBuffer);
}

async function appendCapacities(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = openXlsx(bytes);
  const values = new Map(PAIRING_SETTING_DEFS.map((d) => [d.label, { value: d.defaultValue, note: d.note }] as const));
  const { ops } = planSettings(await wb.read(), PAIRING_SETTING_DEFS, values);
  expect(ops.map((o) => o.kind)).toEqual(['appendRows']);
  await wb.apply({ ops });
  return wb.save();
}

const APPENDED_ROWS = [3, 4, 5, 6];

describe('recastsNumber: formats that show a count as something else', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['0.0%', true],
    ['General', false],
    ['0', false],
    ['#,##0.00', false],
    ['@', false],
    ['0"%"', false],
    ['0\\%', false],
    [undefined, false],
  ])('%s → %s', (code, expected) => expect(recastsNumber(code)).toBe(expected));
});

describe('file port: a number appended under a date row', () => {
  it('the seed really ends in a date row (the test would be empty otherwise)', () => {
    expect(savedNumberFormat(settingsEndingInADate(), SHEETS.settings, 2, 1)).toBe('yyyy/m/d');
  });

  it('keeps 3, 2, 2, 1 as plain numbers: no date format taken from 学期开始 above', async () => {
    const saved = await appendCapacities(settingsEndingInADate());
    const sheet = XLSX.read(saved, { type: 'array', cellNF: true }).Sheets[SHEETS.settings];
    expect(APPENDED_ROWS.map((r) => sheet[`B${r + 1}`]?.v)).toEqual(PAIRING_SETTING_DEFS.map((d) => d.defaultValue));
    for (const r of APPENDED_ROWS) expect(recastsNumber(savedNumberFormat(saved, SHEETS.settings, r, 1))).toBe(false);
    // The rows above keep their own formats; the port's own reader sees no date in the new cells.
    expect(savedNumberFormat(saved, SHEETS.settings, 2, 1)).toBe('yyyy/m/d');
    const settings = findSheet(await openXlsx(saved).read(), SHEETS.settings)!;
    expect(dateFormatAt(settings, 2, 1)).toBe('date');
    for (const r of APPENDED_ROWS) expect(dateFormatAt(settings, r, 1)).toBeNull();
  });

  it.each([
    ['a time', 'h:mm'],
    ['an elapsed time', '[h]:mm'],
    ['a percent', '0.0%'],
    ['a zh-CN date', 'yyyy"年"m"月"d"日"'],
  ])('does not take %s format (%s) either', async (_what, code) => {
    const saved = await appendCapacities(settingsEndingInADate(code));
    for (const r of APPENDED_ROWS) expect(recastsNumber(savedNumberFormat(saved, SHEETS.settings, r, 1))).toBe(false);
  });

  it('gives General to cells the teacher only formatted as dates, ahead of the data', async () => {
    const seed = settingsEndingInADate('yyyy/m/d', true);
    expect(XLSX.read(seed, { type: 'array', cellNF: true, sheetStubs: true }).Sheets[SHEETS.settings].B5?.z).toBe('yyyy/m/d');
    const saved = await appendCapacities(seed);
    for (const r of APPENDED_ROWS) expect(recastsNumber(savedNumberFormat(saved, SHEETS.settings, r, 1))).toBe(false);
  });

  it('keeps a plain number format (0.00) of the row above', async () => {
    const saved = await appendCapacities(settingsEndingInADate('0.00'));
    for (const r of APPENDED_ROWS) expect(savedNumberFormat(saved, SHEETS.settings, r, 1)).toBe('0.00');
  });

  it('still writes a date value appended under a date row as a date', async () => {
    const wb = openXlsx(settingsEndingInADate());
    await wb.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.settings, rows: [['学期结束', { date: '2027-01-20' }, '']] }] });
    expect(savedNumberFormat(wb.save(), SHEETS.settings, 3, 1)).toBe(DATE_FORMAT_CODE);
  });
});

const withLibreOffice = missingTools().includes('soffice') ? describe.skip : describe;

withLibreOffice('LibreOffice shows the appended numbers as numbers', () => {
  jest.setTimeout(240_000);
  it('3, 2, 2, 1 under 学期开始, not 1900-01-02', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'append-style-'));
    try {
      writeFileSync(path.join(dir, 'settings.xlsx'), await appendCapacities(settingsEndingInADate()));
      // Cell contents as shown (the 9th token true), so a date format would show as a date.
      await convert([path.join(dir, 'settings.xlsx')], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false', dir);
      const rows = parseCsv(readFileSync(path.join(dir, 'settings.csv'), 'utf8'));
      expect(rows.slice(3, 7).map((r) => r[1])).toEqual(['3', '2', '2', '1']);
      expect(rows[2][1]).toBe('2026/9/1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
