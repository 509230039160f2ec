/**
 * No child's name, ID number or phone leaves through a log or an error: the command line over the
 * defective sample in every output mode plus error cases (stderr never; the reports on stdout name
 * cells but never carry IDs or phones, and the summary/apply outputs no names either), and the core
 * in process with every console method watched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { CellValue } from '../../src/core/cells';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings, renderFinding } from '../../src/core/roster';
import type { FieldKey } from '../../src/core/roster/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURES, runCli, type CliRun } from '../cli/run-cli';

jest.setTimeout(600_000);

const SAMPLE = path.join(FIXTURES, 'defective.xlsx');
const TODAY = '2025-09-15';

const NAME_FIELDS: readonly FieldKey[] = ['name', 'fatherName', 'motherName', 'guardianName'];
const NUMBER_FIELDS: readonly FieldKey[] = ['idNumber', 'fatherPhone', 'motherPhone', 'guardianPhone', 'parentPhone'];

interface Pii {
  readonly names: string[];
  /** IDs and phones as written, and as their digit runs (a report could normalise them). */
  readonly numbers: string[];
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v).trim());
const halfWidth = (s: string) => s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function piiOf(snapshot: WorkbookSnapshot): Pii {
  const check = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) });
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const r of check.records) {
    for (const f of NAME_FIELDS) {
      const v = text(r.raw[f]);
      if (v.length >= 2) names.add(v);
    }
    for (const f of NUMBER_FIELDS) {
      const v = text(r.raw[f]);
      if (!v) continue;
      if (v.length >= 7) numbers.add(v);
      const digits = halfWidth(v).replace(/[^0-9Xx]/g, '');
      if (digits.length >= 7) numbers.add(digits);
    }
  }
  return { names: [...names], numbers: [...numbers] };
}

/** The PII found in `output`, as a list (empty is the pass). */
function leaks(output: string, pii: Pii, what: 'all' | 'numbers'): string[] {
  const found = pii.numbers.filter((n) => output.includes(n));
  if (what === 'all') found.push(...pii.names.filter((n) => output.includes(n)));
  return found;
}

let pii: Pii;
beforeAll(async () => {
  pii = piiOf(await openXlsx(readFileSync(SAMPLE)).read());
});

it('the sample has the personal data this test looks for', () => {
  expect(pii.names.length).toBeGreaterThan(20);
  expect(pii.numbers.length).toBeGreaterThan(20);
  expect(pii.numbers.some((n) => /^\d{17}[\dX]$/i.test(n))).toBe(true);
  expect(pii.numbers.some((n) => /^1\d{10}$/.test(n))).toBe(true);
});

describe('the command line over the defective sample', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'pii-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** [label, argv, what stdout may not hold] */
  const RUNS: readonly [string, string[], 'all' | 'numbers'][] = [
    ['validate text zh', ['validate', SAMPLE, '--today', TODAY], 'numbers'],
    ['validate text en', ['validate', SAMPLE, '--today', TODAY, '--lang', 'en'], 'numbers'],
    ['validate json', ['validate', SAMPLE, '--today', TODAY, '--json'], 'numbers'],
    ['apply', ['apply', SAMPLE, '-o', path.join(out, 'applied.xlsx'), '--today', TODAY], 'all'],
    ['apply en', ['apply', SAMPLE, '-o', path.join(out, 'applied-en.xlsx'), '--today', TODAY, '--lang', 'en'], 'all'],
    ['summary text', ['summary', SAMPLE, '--today', TODAY], 'all'],
    ['summary json', ['summary', SAMPLE, '--today', TODAY, '--json'], 'all'],
    ['export', ['export', SAMPLE, '-o', path.join(out, 'export.xlsx'), '--today', TODAY], 'all'],
    ['rollup', ['rollup', SAMPLE, path.join(FIXTURES, 'clean.xlsx'), '-o', path.join(out, 'rollup.xlsx'), '--today', TODAY], 'all'],
    // Error cases: each ends on stderr, which must carry none of the data.
    ['error: missing sheet', ['validate', SAMPLE, '--sheet', '不存在的表', '--today', TODAY], 'all'],
    ['error: bad date', ['summary', SAMPLE, '--from', '2025-13-01', '--to', '2025-01-01'], 'all'],
    ['error: output is the input', ['apply', SAMPLE, '-o', SAMPLE, '--today', TODAY], 'all'],
    ['error: bad period', ['summary', SAMPLE, '--today', TODAY, '--from', '2025-12-01', '--to', '2025-09-01'], 'all'],
  ];
  const runs = new Map<string, CliRun>();
  beforeAll(async () => {
    await Promise.all(RUNS.map(([label, argv]) => runCli(argv).then((r) => void runs.set(label, r))));
  });

  it.each(RUNS.map(([label, , what]) => [label, what] as const))('%s: nothing on stderr or stdout that it may not hold', (label, what) => {
    const r = runs.get(label)!;
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at\s/m);
    expect(leaks(r.stderr, pii, 'all')).toEqual([]);
    expect(leaks(r.stdout, pii, what)).toEqual([]);
    if (label.startsWith('error')) {
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).not.toBe('');
    } else {
      expect([0, 1]).toContain(r.status);
      expect(r.stdout.trim()).not.toBe('');
    }
  });

  it('the text report does name cells (the check is not vacuous)', () => {
    expect(runs.get('validate text zh')!.stdout).toMatch(/[A-Z]+\d+/);
  });
});

describe('the core in process, with the console watched', () => {
  const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  let spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    spies = METHODS.map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));

  const consoleText = () => spies.flatMap((s) => s.mock.calls.map((args) => args.map((a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))).join('\n');

  it('checkRoster, its plans and the whole upkeep say nothing on the console, and the findings carry no IDs or phones', async () => {
    const port = openXlsx(readFileSync(SAMPLE));
    const snapshot = await port.read();
    const check = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) });
    const ops = [findingsSheetPlan(check, 'zh-CN', TODAY), ...markOps(check, 'zh-CN'), ...markOps(check, 'en-US')];
    const maintenance = planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    await port.apply({ ops });
    await port.apply(maintenance.plan);
    await openXlsx(port.save()).read();

    expect(consoleText()).toBe('');
    expect(check.findings.length).toBeGreaterThan(10);
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const messages = check.findings.map((f) => renderFinding(f, lang)).join('\n');
      expect(leaks(messages, pii, 'numbers')).toEqual([]);
    }
  });

  it('errors thrown for bad input carry no personal data in their message', async () => {
    const snapshot = await openXlsx(readFileSync(SAMPLE)).read();
    const thrown: string[] = [];
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        thrown.push(e instanceof Error ? `${e.name}: ${e.message} ${JSON.stringify(e)}` : String(e));
      }
    };
    attempt(() => checkRoster(snapshot, { today: TODAY, sheet: '不存在的表' }));
    attempt(() =>
      planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar(), period: { kind: 'custom', from: '2025-12-01', to: '2025-09-01' } as never }),
    );
    // A roster whose only sheet holds nothing but the children's data in no recognisable layout.
    const rows = snapshot.sheets[0].values.slice(5, 15).map((line) => line.slice(1, 6));
    attempt(() => checkRoster({ sheets: [{ name: 'X', origin: { row: 0, col: 0 }, values: rows }] }, { today: TODAY }));
    expect(thrown.length).toBeGreaterThanOrEqual(2);
    expect(leaks(thrown.join('\n'), pii, 'all')).toEqual([]);
    expect(consoleText()).toBe('');
  });
});
