/**
 * The pane's code path over the same samples, in process: the file port reads the workbook,
 * checkRoster checks it, findingsSheetPlan describes 校验结果, the port writes it. What lands in the
 * saved workbook must agree with what the command line prints, and the roster itself must not change.
 */
import { readFileSync } from 'node:fs';
import { columnLetter } from '../../src/core/cells';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { checkRoster, findingsSheetPlan, overrideFromSettings, ruleLabel, severityLabel } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { openXlsx } from '../../src/workbook/file';
import { SAMPLES, runCli } from './run-cli';

jest.setTimeout(600_000);

const TODAY = '2025-09-15';

interface CliIssue { row: number; column: string | null; rule: string; severity: string; message: string }
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
