/**
 * A roster of one sheet per class (tests/fixtures/class-sheets.xlsx, planted in build-samples.ts) through
 * the command line: validate reads every class sheet and names each finding's sheet, --sheet takes
 * several names (repeated or comma-separated), and apply, summary and export use the same roster.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ExpectedSheets } from '../fixtures/build-samples';
import { openXlsx } from '../../src/workbook/file';
import { SHEETS } from '../../src/core/sheets';
import { FIXTURES, linesOf, runCli, type CliRun } from './run-cli';

jest.setTimeout(600_000);

const FILE = path.join(FIXTURES, 'class-sheets.xlsx');
const expected: ExpectedSheets = JSON.parse(readFileSync(path.join(FIXTURES, 'class-sheets.expected.json'), 'utf8'));
const tmp = mkdtempSync(path.join(tmpdir(), 'cli-sheets-'));
const key = (i: { sheet: string; row: number; column: string | null; rule: string; severity: string }) => `${i.sheet}!${i.row} ${i.column ?? '-'} ${i.rule} ${i.severity}`;

const runs = new Map<string, CliRun>();
beforeAll(async () => {
  const today = expected.today;
  const jobs: [string, string[]][] = [
    ['validate', ['validate', FILE, '--today', today, '--json']],
    ['text', ['validate', FILE, '--today', today]],
    ['two', ['validate', FILE, '--today', today, '--json', '--sheet', '一年级二班', '--sheet=二年级一班']],
    ['comma', ['summary', FILE, '--today', today, '--json', '--sheet', '一年级一班,一年级二班']],
    ['summary', ['summary', FILE, '--today', today, '--json']],
    ['apply', ['apply', FILE, '-o', path.join(tmp, 'applied.xlsx'), '--today', today]],
    ['export', ['export', FILE, '-o', path.join(tmp, 'copy.xlsx'), '--today', today]],
  ];
  const results = await Promise.all(jobs.map(([, args]) => runCli(args)));
  jobs.forEach(([name], i) => runs.set(name, results[i]));
});

describe('validate on one sheet per class', () => {
  it('reads every class sheet and reports exactly the planted findings, each on its sheet', () => {
    const r = runs.get('validate')!;
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.sheets.map((s: { sheet: string; headerRows: number[]; children: number }) => ({ sheet: s.sheet, headerRows: s.headerRows, children: s.children }))).toEqual(
      expected.sheets,
    );
    expect(report.children).toBe(expected.children);
    expect(report.issues.map(key).sort()).toEqual(expected.issues.map(key).sort());
    // No "缺少班级列": each sheet is its class.
    expect(report.issues.some((i: { rule: string }) => i.rule === 'header-missing')).toBe(false);
    const dup = report.issues.find((i: { rule: string }) => i.rule === 'duplicate');
    expect(dup.message).toContain('一年级一班');
    expect(r.status).toBe(1);
  });

  it('says in its text which sheets it read', () => {
    const lines = linesOf(runs.get('text')!.stdout);
    expect(lines[0]).toContain('3 个工作表');
    for (const s of expected.sheets) expect(lines.some((l) => l.includes(`“${s.sheet}”`) && l.includes(`${s.children} 名儿童`))).toBe(true);
  });

  it('takes several --sheet, and only those', () => {
    const report = JSON.parse(runs.get('two')!.stdout);
    expect(report.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['一年级二班', '二年级一班']);
    // Without 一年级一班 the child entered twice is no duplicate.
    const planted = expected.issues.filter((i) => i.sheet !== '一年级一班' && i.rule !== 'duplicate');
    expect(report.issues.map(key).sort()).toEqual(planted.map(key).sort());
  });
});

describe('summary, apply and export use the same roster', () => {
  it('counts every class, or the sheets named by commas', () => {
    const all = JSON.parse(runs.get('summary')!.stdout);
    expect(all.children).toBe(expected.children);
    const two = JSON.parse(runs.get('comma')!.stdout);
    expect(two.children).toBe(expected.sheets[0].children + expected.sheets[1].children);
  });

  it("apply writes 结对帮扶 for the children of every class sheet and lists every sheet's findings", async () => {
    const r = runs.get('apply')!;
    expect(r.stderr).toBe('');
    const out = await openXlsx(readFileSync(path.join(tmp, 'applied.xlsx'))).read();
    const pairing = out.sheets.find((s) => s.name === SHEETS.pairing)!;
    const header = pairing.values.findIndex((line) => line.includes('帮扶教师'));
    expect(pairing.values.slice(header + 1).filter((line) => line[0])).toHaveLength(expected.children);
    const findings = out.sheets.find((s) => s.name === SHEETS.findings)!.values.map((line) => String(line[0]));
    for (const sheet of new Set(expected.issues.map((i) => i.sheet))) expect(findings).toContain(sheet);
  });

  it('export masks every class sheet: no ID or mobile number is left anywhere', async () => {
    expect(runs.get('export')!.stderr).toBe('');
    const copy = await openXlsx(readFileSync(path.join(tmp, 'copy.xlsx'))).read();
    for (const sheet of copy.sheets) {
      const text = JSON.stringify(sheet.values);
      expect([sheet.name, /\d{17}[\dXx]/.test(text), /1[3-9]\d{9}/.test(text)]).toEqual([sheet.name, false, false]);
    }
  });
});
