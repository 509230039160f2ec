/**
 * The production pane (dist/taskpane.html) inside "Excel": Microsoft's office.js is replaced by a bundle
 * of the Office double (tests/browser/excel/fake-office.ts), so the real bundle takes its Excel path —
 * Office.onReady reports Excel and the pane talks to createOfficePort — in a real browser. The teacher
 * checks the roster, then rolls two schools up into the open workbook: at ExcelApi 1.20 the sheets are
 * inserted whole from the prebuilt file; at 1.12 they are written cell by cell. Both are previewed first
 * and undone from the pane. Then the de-identified copy opens as a new workbook.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t } from '../../src/core/i18n';
import { openXlsx } from '../../src/workbook/file';
import { axeViolations, paneSession, screenshot } from './browser';
import { excelHost, openSampleInExcel } from './excel/open';
import { button, confirmWrite, expectedSampleProblems, idle, runCheck, undoneWhat } from './flow';
import { DIST } from './server';

const SAMPLE = () => readFileSync(join(DIST, 'assets/sample-roster.xlsx'));

const host = excelHost();

const sheetNames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __excelDouble: { state: { sheets: { name: string }[] } } }).__excelDouble.state.sheets.map((s) => s.name));
const calls = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __excelDouble: { stats: { calls: Map<string, number> } } }).__excelDouble.stats.calls.get(n) ?? 0, name);
const chartsOn = (page: Page, sheet: string) =>
  page.evaluate((s) => (window as unknown as { __excelDouble: { state: { sheet(n: string): { charts: unknown[] } } } }).__excelDouble.state.sheet(s).charts.length, sheet);

describe.each([
  ['zh-CN', 20, 'inserted whole'],
  ['en-US', 12, 'written cell by cell'],
] as const)('the pane inside Excel (%s, ExcelApi 1.%i): roll-up %s', (lang, api, _how) => {
  const session = paneSession({ locale: lang });

  it('checks the roster, previews the roll-up, adds its sheets to the open workbook and undoes them', async () => {
    const { page, problems } = session;
    await openSampleInExcel(session, host, lang, api);
    const before = await sheetNames(page);
    // The pane says up front what this Excel cannot do: nothing on current Excel; at 1.12 among others
    // that the roll-up will be written cell by cell (and that merged cells cannot be read).
    const limits = page.getByTestId('host-limits');
    if (api >= 20) expect(await limits.count()).toBe(0);
    else {
      await limits.getByText(t(lang, 'host.limits.title', { count: 4 })).click();
      await limits.getByText(t(lang, 'host.limit.insertSheets')).waitFor();
    }
    const sample = await expectedSampleProblems();
    const expected = sample.check;
    expect(await runCheck(page, lang)).toBe(sample.workbook.counts.total);

    await page.getByRole('tab', { name: t(lang, 'views.tab.summary'), exact: true }).click();
    await button(page, lang, 'views.summary.rollupPick').waitFor();
    // Opening the tab reads the workbook; the pick button is enabled again once that is done.
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    await page.getByTestId('rollup-files').setInputFiles([
      { name: 'a.xlsx', mimeType: 'application/octet-stream', buffer: SAMPLE() },
      { name: 'b.xlsx', mimeType: 'application/octet-stream', buffer: SAMPLE() },
    ]);
    // The preview comes first and says what the roll-up counted; nothing is written yet.
    await page.getByRole('heading', { name: t(lang, 'views.summary.rollupPreviewTitle') }).waitFor();
    await page.getByText(t(lang, 'views.summary.rollupCounted', { schools: 2, children: expected.records.length * 2 })).waitFor();
    expect(await sheetNames(page)).toEqual(before);
    // Asked for at the bottom of the pane, the preview takes the focus so that it is seen.
    expect(await page.getByTestId('write-preview').evaluate((el) => el === document.activeElement)).toBe(true);
    if (api === 20) {
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'zh-excel-rollup-preview');
    }

    await confirmWrite(page, lang);
    const after = await sheetNames(page);
    const added = after.slice(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(added).toHaveLength(3);
    const total = t(lang, 'summary.rollup.totalSheet');
    expect(added[0]).toBe(total);
    expect(await calls(page, 'Workbook.insertWorksheetsFromBase64')).toBe(api >= 13 ? 1 : 0);
    expect(await chartsOn(page, total)).toBeGreaterThan(0);

    // The pane's one undo names what it takes back, and says so once done.
    const what = undoneWhat(lang, (await page.getByTestId('undo-button').textContent()) ?? '');
    expect(what).toContain(total);
    await page.getByTestId('undo-button').click();
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'undo.done', { what }) })
      .waitFor();
    expect(await sheetNames(page)).toEqual(before);

    // 脱敏导出 opens the copy as a new workbook (ExcelApi 1.8); no child's full name is in it, and the
    // open workbook is as it was.
    await button(page, lang, 'views.summary.exportButton').click();
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'views.summary.exportedExcel') })
      .waitFor();
    const created = await page.evaluate(() => {
      const files = (window as unknown as { __excelDouble: { createdWorkbooks: Uint8Array[] } }).__excelDouble.createdWorkbooks;
      return files.map((f) => Array.from(f));
    });
    expect(created).toHaveLength(1);
    const copy = await openXlsx(Uint8Array.from(created[0])).read();
    const text = JSON.stringify(copy.sheets.map((sheet) => sheet.values));
    expect(copy.sheets.length).toBeGreaterThan(0);
    for (const r of expected.records) if (r.name.length >= 2) expect(text.includes(r.name)).toBe(false);
    expect(await sheetNames(page)).toEqual(before);
    expect(problems).toEqual([]);
  });
});
