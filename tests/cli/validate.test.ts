/**
 * The command line over the sample rosters: the real process, its stdout, stderr and exit code.
 * Expected findings come from tests/fixtures/<name>.expected.json, planted by hand in build-samples.ts.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CJK, FIXTURES, SAMPLES, linesOf, runCli, type CliRun } from './run-cli';
import type { Expected } from '../fixtures/build-samples';

jest.setTimeout(600_000);

const expectedOf = (name: string): Expected => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'));

interface IssueJson {
  sheet: string;
  row: number;
  column: string | null;
  field: string | null;
  rule: string;
  severity: string;
  message: string;
}
interface ReportJson {
  sheet: string;
  headerRows: number[];
  columns: Record<string, string>;
  children: number;
  issues: IssueJson[];
  unmapped?: unknown[];
}

const key = (i: { row: number; column: string | null; rule: string; severity: string }) => `${i.row} ${i.column ?? '-'} ${i.rule} ${i.severity}`;

const runs = new Map<string, CliRun>();
const tmp = mkdtempSync(path.join(tmpdir(), 'cli-validate-'));

beforeAll(async () => {
  // Every process at once: each pays tsx's start-up, and they do not depend on each other.
  const jobs: [string, string[]][] = [];
  for (const [name, file] of Object.entries(SAMPLES)) jobs.push([`json:${name}`, ['validate', file, '--today', expectedOf(name).today, '--json']]);
  jobs.push(['json-en:defective', ['validate', SAMPLES.defective, '--today', '2025-09-15', '--json', '--lang', 'en']]);
  jobs.push(['text-zh:defective', ['validate', SAMPLES.defective, '--today', '2025-09-15']]);
  jobs.push(['text-en:defective', ['validate', SAMPLES.defective, '--today=2025-09-15', '--lang', 'en']]);
  jobs.push(['text-zh:clean', ['validate', SAMPLES.clean, '--today', '2025-09-15']]);
  jobs.push(['sheet:cover-first', ['validate', '--sheet', '登记表', SAMPLES['cover-first'], '--today', '2025-09-15', '--json']]);
  jobs.push(['no-today:clean', ['validate', SAMPLES.clean, '--json']]);
  const results = await Promise.all(jobs.map(([, args]) => runCli(args)));
  jobs.forEach(([name], i) => runs.set(name, results[i]));
});

describe.each(Object.keys(SAMPLES))('validate %s --json', (name) => {
  const expected = expectedOf(name);
  const run = () => runs.get(`json:${name}`)!;

  it('prints exactly one JSON object on stdout and nothing on stderr', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(linesOf(r.stdout)).toHaveLength(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('finds the roster sheet, header rows and columns the sample was built with', () => {
    const report: ReportJson = JSON.parse(run().stdout);
    expect(report.sheet).toBe(expected.sheet);
    expect(report.headerRows).toEqual(expected.headerRows);
    expect(report.columns).toEqual(expected.columns);
    expect(report.children).toBe(expected.children);
  });

  it('reports exactly the planted findings (row, column, rule, severity)', () => {
    const report: ReportJson = JSON.parse(run().stdout);
    // The roster's findings; the sample's life sheets (issue 17) have theirs, checked in tests/cli/life.test.ts.
    const issues = report.issues.filter((i) => i.sheet === expected.sheet);
    expect(issues.map(key).sort()).toEqual(expected.issues.map(key).sort());
    for (const issue of issues) {
      expect(issue.sheet).toBe(expected.sheet);
      expect(issue.message.trim().length).toBeGreaterThan(0);
      expect(issue.message).not.toContain('roster.'); // a message, not an unresolved i18n key
      if (issue.column !== null) expect(issue.field).toBe(Object.entries(report.columns).find(([, c]) => c === issue.column)?.[0]);
    }
  });

  it('exits 1 when there are errors, 0 when only warnings or nothing', () => {
    const errors = expected.issues.filter((i) => i.severity === 'error').length;
    expect(run().status).toBe(errors > 0 ? 1 : 0);
  });
});

describe('--lang en', () => {
  it('writes the same findings with English messages', () => {
    const zh: ReportJson = JSON.parse(runs.get('json:defective')!.stdout);
    const en: ReportJson = JSON.parse(runs.get('json-en:defective')!.stdout);
    expect(en.issues.map(key)).toEqual(zh.issues.map(key));
    expect(en.issues.length).toBeGreaterThan(10);
    en.issues.forEach((issue, i) => {
      expect(issue.message).not.toBe(zh.issues[i].message);
      expect(zh.issues[i].message).toMatch(CJK);
      expect(issue.message).toMatch(/[a-z]{3,} [a-z]{2,}/); // words, not a key
    });
  });
});

describe('the exit codes cover every case', () => {
  it('0 for a clean roster, 0 for warnings only, 1 for errors', () => {
    expect(runs.get('json:clean')!.status).toBe(0);
    expect(expectedOf('totals').issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(expectedOf('totals').issues.length).toBeGreaterThan(0);
    expect(runs.get('json:totals')!.status).toBe(0);
    expect(runs.get('json:defective')!.status).toBe(1);
  });
});

describe('the text report', () => {
  it('is in Chinese by default: cells as sheet!cell, severities, and a summary line', () => {
    const r = runs.get('text-zh:defective')!;
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const errors = expectedOf('defective').issues.filter((i) => i.severity === 'error').length;
    const warnings = expectedOf('defective').issues.length - errors;
    expect(r.stdout).toContain(`共 25 名儿童：${errors} 个错误，${warnings} 个警告。`);
    expect(r.stdout).toContain('留守儿童花名册!E4  错误');
    expect(r.stdout).toContain('留守儿童花名册!N10  警告');
    // Grouped: one heading per rule that fired, with its count.
    expect(r.stdout).toMatch(/【[^】]*id-checksum】1 处/);
    expect(r.stdout).toMatch(/【[^】]*grade-invalid】2 处/);
  });

  it('is in English with --lang en', () => {
    const r = runs.get('text-en:defective')!;
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/25 children: \d+ errors, \d+ warnings\./);
    expect(r.stdout).toContain('留守儿童花名册!E4  Error');
    expect(r.stdout).not.toContain('错误');
  });

  it('says so when there is nothing to fix', () => {
    const r = runs.get('text-zh:clean')!;
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共 12 名儿童，没有发现问题。');
  });
});

describe('options', () => {
  it('--sheet picks the roster sheet by name', () => {
    const r = runs.get('sheet:cover-first')!;
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).sheet).toBe('登记表');
  });

  it('without --today it checks against the machine date and still runs', () => {
    const r = runs.get('no-today:clean')!;
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).children).toBe(12);
  });
});

describe('could not check: exit 2, one line on stderr, no stack trace', () => {
  const cases: Record<string, () => string[]> = {
    'a missing file': () => ['validate', path.join(tmp, 'nowhere.xlsx')],
    'a text file renamed .xlsx': () => {
      const f = path.join(tmp, 'notes.xlsx');
      writeFileSync(f, '姓名,班级\n张三,三(1)班\n');
      return ['validate', f];
    },
    'a truncated .xlsx': () => {
      const f = path.join(tmp, 'truncated.xlsx');
      const bytes = readFileSync(SAMPLES.clean);
      writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return ['validate', f];
    },
    'a workbook with no roster': () => {
      const f = path.join(tmp, 'timetable.xlsx');
      copyFileSync(path.join(FIXTURES, 'no-roster.xlsx'), f);
      return ['validate', f];
    },
    'a --sheet that does not exist': () => ['validate', SAMPLES.clean, '--sheet', '没有这个表'],
    'no file argument': () => ['validate'],
    'an unknown option': () => ['validate', SAMPLES.clean, '--jsn'],
    'an impossible --today': () => ['validate', SAMPLES.clean, '--today', '2025-02-30'],
    'an unknown command': () => ['check', SAMPLES.clean],
    'no command': () => [],
  };

  const results = new Map<string, { zh: CliRun; en: CliRun }>();
  beforeAll(async () => {
    const names = Object.keys(cases);
    const argsOf = names.map((n) => cases[n]());
    const [zh, en] = await Promise.all([Promise.all(argsOf.map((a) => runCli(a))), Promise.all(argsOf.map((a) => runCli([...a, '--lang', 'en'])))]);
    names.forEach((n, i) => results.set(n, { zh: zh[i], en: en[i] }));
  });

  it.each(Object.keys(cases))('%s', (name) => {
    const { zh, en } = results.get(name)!;
    for (const [r, lang] of [
      [zh, 'zh'],
      [en, 'en'],
    ] as const) {
      expect([lang, r.status]).toEqual([lang, 2]);
      expect([lang, r.stdout]).toEqual([lang, '']);
      const lines = linesOf(r.stderr);
      expect([lang, lines.length]).toEqual([lang, 1]);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stderr).not.toMatch(/Error: [A-Z]\w+Error|TypeError|RangeError|\.ts:\d+/);
    }
    expect(zh.stderr).toMatch(/^错误：/);
    expect(en.stderr).toMatch(/^Error: /);
    expect(en.stderr).not.toBe(zh.stderr);
  });

  it('names the problem: not found, not a workbook, no roster', () => {
    expect(results.get('a missing file')!.zh.stderr).toContain('找不到文件');
    expect(results.get('a missing file')!.en.stderr).toContain('File not found');
    expect(results.get('a text file renamed .xlsx')!.en.stderr).toContain('Cannot open');
    expect(results.get('a truncated .xlsx')!.en.stderr).toContain('Cannot open');
    expect(results.get('a workbook with no roster')!.en.stderr).toContain('No roster found');
    expect(results.get('a --sheet that does not exist')!.en.stderr).toContain('没有这个表');
    expect(results.get('an impossible --today')!.en.stderr).toContain('2025-02-30');
  });

  it('a bad --lang is reported (in Chinese, the default) with exit 2', async () => {
    const r = await runCli(['validate', SAMPLES.clean, '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(linesOf(r.stderr)).toEqual([expect.stringContaining('--lang')]);
  });
});

describe('an unexpected failure', () => {
  it('prints one generic line without stack or data and exits 2', async () => {
    // A fault injected into the real process: while the workbook is being read, an exception is
    // thrown from the event loop (outside any try), carrying text that must not reach the user.
    const preload = path.join(tmp, 'fault.cjs');
    writeFileSync(
      preload,
      `const fsp = require('fs').promises; const readFile = fsp.readFile;
fsp.readFile = function (file, ...rest) {
  if (!String(file).endsWith('.xlsx')) return readFile.call(this, file, ...rest);
  setTimeout(() => { throw new TypeError('secret 110101201503120011 13812345678'); }, 0);
  return new Promise(() => {});
};\n`,
    );
    const r = await runCli(['validate', SAMPLES.defective, '--lang', 'en'], { NODE_OPTIONS: `--require ${preload}` });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(linesOf(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Error: Something unexpected happened/);
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('help', () => {
  it('lists the commands and exits 0', async () => {
    const zh = await runCli(['--help']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('validate <文件.xlsx>');
    const en = await runCli(['validate', '--help', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('validate <file.xlsx> [--sheet NAME …]');
  });
});
