/**
 * `validate` counts what `apply` writes into 校验结果 (issue 15): it counted only the roster and the life
 * sheets, while 校验结果 (and the pane) count every sheet's findings through workbookFindings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SHEETS } from '../../src/core/sheets';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { smallSchool, TODAY } from '../workflow/small-school';
import { ROOT, runInProcess } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'cli-validate-counts-'));
const school = path.join(dir, 'school.xlsx');
writeFileSync(school, smallSchool());

const run = (argv: string[]) => runInProcess(argv, TODAY);

/** 校验结果 as apply wrote it: its first title line and its rows (below the title lines and the header). */
async function findingsSheetOf(file: string) {
  const out = path.join(dir, `${path.basename(file, '.xlsx')}-applied.xlsx`);
  const applied = await run(['apply', file, '-o', out]);
  expect(applied.stderr).toBe('');
  const sheet = findSheet(await openXlsx(new Uint8Array(readFileSync(out))).read(), SHEETS.findings)!;
  const headerRow = sheet.values.findIndex((r) => r.includes('严重程度'));
  const rows = sheet.values.slice(headerRow + 1).filter((r) => r.some((v) => v !== null && v !== ''));
  return { title: String(sheet.values[0][0]), rows, applied };
}

describe.each([
  ['the bundled sample', path.join(ROOT, 'assets', 'sample-roster.xlsx')],
  ['a small school with a contact log, mentors and 帮扶计划', school],
])('%s', (_name, file) => {
  it('validate --json counts the problems apply lists in 校验结果, and exits the same way', async () => {
    const validated = await run(['validate', file, '--json']);
    expect(validated.stderr).toBe('');
    const json = JSON.parse(validated.stdout);
    const { title, rows, applied } = await findingsSheetOf(file);

    expect(json.counts.total).toBeGreaterThan(0);
    expect(json.issues).toHaveLength(json.counts.total);
    expect(rows).toHaveLength(json.counts.total);
    expect(title).toContain(`共 ${json.counts.total} 个问题，错误 ${json.counts.errors} 个，警告 ${json.counts.warnings} 个`);
    expect(json.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(json.counts.errors);
    expect(validated.status).toBe(applied.status);

    // The readable report ends with the same whole-workbook count.
    const text = await run(['validate', file]);
    if (json.counts.total > json.issues.filter((i: { field: string | null }) => i.field !== null).length)
      expect(text.stdout).toContain(`整个工作簿共 ${json.counts.total} 个问题：错误 ${json.counts.errors} 个，警告 ${json.counts.warnings} 个`);
  });
});
