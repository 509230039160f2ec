/**
 * The pane's code path over the same samples, in process: the file port reads the workbook,
 * checkRoster checks it, findingsSheetPlan describes 校验结果, the port writes it. What lands in the
 * saved workbook must agree with what the command line prints, and the roster itself must not change.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { columnLetter } from '../../src/core/cells';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings, overrideSettingsOps, ruleLabel, severityLabel } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURES, SAMPLES, runCli } from './run-cli';

jest.setTimeout(600_000);

const TODAY = '2025-09-15';

interface CliIssue {
  row: number;
  column: string | null;
  rule: string;
  severity: string;
  message: string;
}
const cliReports = new Map<string, { children: number; issues: CliIssue[]; sheet: string }>();

beforeAll(async () => {
  const names = Object.keys(SAMPLES);
  const runs = await Promise.all(names.map((n) => runCli(['validate', SAMPLES[n], '--today', TODAY, '--json'])));
  names.forEach((n, i) => cliReports.set(n, JSON.parse(runs[i].stdout)));
});

describe.each(Object.keys(SAMPLES))('%s through the pane path', (name) => {
  it('finds what the command line finds, and writes it to 校验结果 without touching the roster', async () => {
    const cli = cliReports.get(name)!;
    const port = openXlsx(readFileSync(SAMPLES[name]));
    const before = await port.read();
    const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });

    // The same findings as the CLI, message for message.
    expect(check.layout.sheet).toBe(cli.sheet);
    expect(check.records.length).toBe(cli.children);
    const inProcess = check.findings.map((f) => `${f.row + 1} ${f.col === null ? '-' : columnLetter(f.col)} ${f.rule} ${f.severity}`).sort();
    expect(inProcess).toEqual(cli.issues.map((i) => `${i.row} ${i.column ?? '-'} ${i.rule} ${i.severity}`).sort());

    // Written the way the pane writes it, saved, and read back from the bytes.
    await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY)] });
    const after = await openXlsx(port.save()).read();
    const sheet = after.sheets.find((s) => s.name === SHEETS.findings)!;
    expect(sheet).toBeDefined();
    const headerAt = sheet.values.findIndex((line) => line[0] === t('zh-CN', 'roster.findings.col.sheet'));
    expect(headerAt).toBeGreaterThanOrEqual(0);
    const written = sheet.values.slice(headerAt + 1).filter((line) => line.some((v) => v !== null && v !== ''));
    expect(written).toHaveLength(cli.issues.length);
    const fromSheet = written.map((line) => `${String(line[1] ?? '')}|${line[2]}|${line[4]}|${line[5]}|${line[6]}`).sort();
    const fromCli = cli.issues
      .map((i) => `${i.column === null ? '' : `${i.column}${i.row}`}|${i.row}|${ruleLabel(i.rule as never, 'zh-CN')}|${severityLabel(i.severity as never, 'zh-CN')}|${i.message}`)
      .sort();
    expect(fromSheet).toEqual(fromCli);

    // Nothing lost: every sheet the workbook had reads back exactly as before.
    for (const original of before.sheets) {
      const again = after.sheets.find((s) => s.name === original.name)!;
      expect([original.name, again.values]).toEqual([original.name, original.values]);
    }
  });
});

describe('the column mapping saved in 设置', () => {
  it('is what maps the unknown 爷爷奶奶手机 header: without 设置 the column is missing', async () => {
    const snapshot = await openXlsx(readFileSync(SAMPLES['saved-mapping'])).read();
    const withSettings = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) });
    expect(columnLetter(withSettings.layout.columns.guardianPhone!)).toBe('O');
    const bare = { sheets: snapshot.sheets.filter((s) => s.name !== SHEETS.settings) };
    const without = checkRoster(bare, { today: TODAY, override: overrideFromSettings(bare) });
    expect(without.layout.columns.guardianPhone).toBeUndefined();
    expect(without.findings.filter((f) => f.rule === 'header-missing').map((f) => f.field)).toEqual(['guardianPhone']);
  });
});

describe('a roster of one sheet per class through the pane path', () => {
  const FILE = path.join(FIXTURES, 'class-sheets.xlsx');

  it('checks, lists and marks every class sheet as the command line reports them', async () => {
    const cli = JSON.parse((await runCli(['validate', FILE, '--today', TODAY, '--json'])).stdout);
    const port = openXlsx(readFileSync(FILE));
    const before = await port.read();
    const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });
    expect(check.layouts.map((l) => l.sheet)).toEqual(cli.sheets.map((s: { sheet: string }) => s.sheet));
    const inProcess = check.findings.map((f) => `${f.sheet}!${f.row + 1} ${f.col === null ? '-' : columnLetter(f.col)} ${f.rule}`).sort();
    expect(inProcess).toEqual(
      cli.issues.map((i: { sheet: string; row: number; column: string | null; rule: string }) => `${i.sheet}!${i.row} ${i.column ?? '-'} ${i.rule}`).sort(),
    );

    // 生成校验结果 with marks, as the pane's report tab plans it: each bad cell is marked on its own sheet.
    const marks = markOps(check, 'zh-CN');
    expect(marks.map((op) => op.sheet).sort()).toEqual([...new Set(check.findings.map((f) => f.sheet))].sort());
    await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY), ...marks] });
    const after = await openXlsx(port.save()).read();
    const listed = after.sheets.find((s) => s.name === SHEETS.findings)!.values.map((line) => line[0]);
    for (const f of check.findings) expect(listed).toContain(f.sheet);
    // The roster's values are untouched on every class sheet.
    for (const l of check.layouts) expect(after.sheets.find((s) => s.name === l.sheet)!.values).toEqual(before.sheets.find((s) => s.name === l.sheet)!.values);
  });

  it('saves the sheets the teacher ticked in 设置, and the next check reads exactly those', async () => {
    const port = openXlsx(readFileSync(FILE));
    const before = await port.read();
    const picked = checkRoster(before, { today: TODAY, sheets: ['一年级一班', '二年级一班'] });
    expect(picked.records).toHaveLength(15);
    await port.apply({ ops: overrideSettingsOps(before, { sheet: picked.layout.sheet, sheets: picked.layouts.map((l) => l.sheet) }) });
    const saved = await openXlsx(port.save()).read();
    const again = checkRoster(saved, { today: TODAY, override: overrideFromSettings(saved) });
    expect(again.layouts.map((l) => l.sheet)).toEqual(['一年级一班', '二年级一班']);
  });
});
