/**
 * The whole job in the standalone page, as a teacher does it: open the sample, check, choose a finding
 * and see its cell, write 校验结果 (with marks), save, and read the saved workbook back in Node. In
 * Chinese and in English, with axe-core on every screen.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { SHEETS } from '../../src/core/sheets';
import { FIXTURES, layoutFixture } from '../fixtures/build-samples';
import { FORMATS_DIR } from '../formats/build-formats';
import { axeViolations, screenshot, TODAY, useServedSession, type TestSession } from './browser';
import { button, cellName, confirmWrite, expectedSampleCheck, expectedSampleProblems, idle, openSample, runCheck } from './flow';
import { DIST } from './server';

const LANGS: Lang[] = ['zh-CN', 'en-US'];

describe.each(LANGS)('standalone page (%s)', (lang) => {
  const { server, session } = useServedSession({ locale: lang });
  const short = lang === 'zh-CN' ? 'zh' : 'en';
  // axe on every screen in Chinese, the teachers' language; English differs only in text (one axe run
  // takes tens of seconds here, and CI must stay under 20 minutes). The empty page is checked in both.
  const accessible = async (page: Page) => {
    if (lang === 'zh-CN') expect(await axeViolations(page)).toEqual([]);
  };

  it('shows an empty page that says what to do, with no accessibility violations', async () => {
    const { page } = session;
    await page.goto(`${server.origin}/standalone.html`);
    await page.getByRole('heading', { name: t(lang, 'ui.standalone.emptyTitle') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-0-empty`);
  });

  it('checks the sample, highlights a chosen finding, writes 校验结果 with marks, saves, and the file reads back', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    expect(expected.findings.length).toBeGreaterThanOrEqual(3); // the sample carries the mistakes teachers make

    await openSample(page, server.origin, lang);
    await accessible(page);
    await screenshot(page, `${short}-1-sample`);

    // The roster's 出生年月日 column shows the dates the sample was written with, not Excel serials.
    const birthCol = expected.layout.columns.birthDate!;
    const sampleRows = layoutFixture(FIXTURES['sample-roster']()).rows;
    const dated = sampleRows
      .map((cells, row) => ({ row, cell: cells[birthCol] }))
      .filter((x) => x.cell !== null && typeof x.cell === 'object' && 'date' in x.cell)
      .slice(0, 5);
    expect(dated.length).toBe(5);
    for (const { row, cell } of dated) {
      const shown = page.locator(`[role="grid"] [data-cell="${cellName(row, birthCol)}"]`);
      expect([cellName(row, birthCol), await shown.textContent()]).toEqual([cellName(row, birthCol), (cell as { date: string }).date]);
    }

    // Check: the pane states the same number of findings the engine finds in Node, grouped by rule.
    // Every problem 校验结果 lists, the add-in's own sheets' too, so the count is the sheet's and the report's.
    const sample = await expectedSampleProblems();
    const count = await runCheck(page, lang);
    expect(count).toBe(sample.workbook.counts.total);
    const groups = page.locator('button[aria-controls^="group-"]');
    expect(await groups.count()).toBe(sample.rules.length);
    const badges = page.getByRole('group', { name: t(lang, 'ui.check.countsLabel') });
    expect(await badges.textContent()).toBe(
      t(lang, 'ui.count.errors', { count: sample.workbook.counts.errors }) + t(lang, 'ui.count.warnings', { count: sample.workbook.counts.warnings }),
    );
    expect(
      await page
        .getByText(
          t(lang, 'ui.check.summary', {
            sheet: expected.layout.sheet,
            headerRows: expected.layout.headerRows.map((r) => r + 1).join('–'),
            children: expected.records.length,
          }),
        )
        .count(),
    ).toBe(1);
    await accessible(page);

    // Choose the finding lowest on the sheet: its cell is highlighted and scrolled into view.
    const target = [...expected.findings].filter((f) => f.col !== null).sort((a, b) => b.row - a.row)[0];
    await page.locator(`button[aria-controls="group-${target.rule}"]`).click();
    const item = page.locator(`#group-${target.rule} button[data-finding-cell="${cellName(target.row, target.col)}"]`).first();
    await item.click();
    const hit = page.locator('[data-highlight="true"]');
    await hit.waitFor();
    expect(await hit.getAttribute('data-cell')).toBe(cellName(target.row, target.col));
    const [cellBox, gridBox] = [await hit.boundingBox(), await page.getByRole('grid').boundingBox()];
    expect(cellBox && gridBox).toBeTruthy();
    expect(cellBox!.y).toBeGreaterThanOrEqual(gridBox!.y);
    expect(cellBox!.y + cellBox!.height).toBeLessThanOrEqual(gridBox!.y + gridBox!.height);
    expect(cellBox!.x + cellBox!.width).toBeLessThanOrEqual(gridBox!.x + gridBox!.width + 1);
    expect(await page.getByTestId('selected-cell').textContent()).toContain(cellName(target.row, target.col));
    await accessible(page);
    await screenshot(page, `${short}-2-findings`);

    // The mapping the check found is shown and editable.
    await page.locator('#mapping-toggle').click();
    const nameSelect = page.getByRole('combobox', { name: t(lang, 'roster.field.name'), exact: true });
    expect(await nameSelect.inputValue()).toBe(String(expected.layout.columns.name));
    await accessible(page);
    await screenshot(page, `${short}-3-mapping`);
    await page.locator('#mapping-toggle').click();

    // Write 校验结果 with marks: a preview first, nothing written until confirmed.
    await page.getByRole('tab', { name: t(lang, 'ui.tab.report') }).click();
    await page.getByRole('checkbox', { name: t(lang, 'ui.report.mark') }).check();
    await button(page, lang, 'ui.action.report').click();
    await page.locator('#preview-title').waitFor();
    const preview = await page.locator('#preview-title ~ ul li').allTextContents();
    expect(preview.some((line) => line.includes(SHEETS.findings))).toBe(true);
    expect(preview.some((line) => line.includes(expected.layout.sheet))).toBe(true); // the marks
    expect(await page.getByRole('tab', { name: SHEETS.findings, exact: true }).count()).toBe(0); // not written yet
    await accessible(page);
    await screenshot(page, `${short}-4-preview`);

    await confirmWrite(page, lang);
    const reportTab = page.getByRole('tab', { name: SHEETS.findings, exact: true });
    await reportTab.waitFor();
    expect(await reportTab.getAttribute('aria-selected')).toBe('true');
    await accessible(page);
    await screenshot(page, `${short}-5-written`);

    // Save: the download is the changed workbook; read it back with SheetJS in Node.
    const saved = await download(session, lang);
    expect(saved.SheetNames).toContain(SHEETS.findings);
    const report = XLSX.utils.sheet_to_json<unknown[]>(saved.Sheets[SHEETS.findings], { header: 1, blankrows: false });
    const reportText = report.map((r) => r.join('\t'));
    for (const f of expected.findings) {
      expect([f.rule, reportText.some((line) => line.includes(cellName(f.row, f.col).replace(/:.*/, '')))]).toEqual([f.rule, true]);
    }
    // The sheet the pane writes lists what the pane counted: two title lines, the header, a row per problem.
    expect(report.length).toBe(sample.workbook.counts.total + 3);
    expect(String(report[0][0])).toContain(lang === 'zh-CN' ? `共 ${sample.workbook.counts.total} 个问题` : `${sample.workbook.counts.total} problems`);
    // The roster's values are exactly as they were; its bad cells now carry notes.
    const original = XLSX.read(readFileSync(join(DIST, 'assets/sample-roster.xlsx')), { cellStyles: true }); // read as the saved copy is
    const values = (wb: XLSX.WorkBook) => XLSX.utils.sheet_to_json(wb.Sheets[expected.layout.sheet], { header: 1, raw: true, defval: null });
    expect(values(saved)).toEqual(values(original));
    const notesBefore = notes(original, expected.layout.sheet);
    expect(notes(saved, expected.layout.sheet).length).toBeGreaterThan(notesBefore.length);

    // Remove the marks again: preview, confirm; the saved roster has no notes left.
    await button(page, lang, 'ui.action.unmark').click();
    await page.locator('#preview-title').waitFor();
    // The button says what it does (issue 15): it removes marks, so not 确认写入.
    expect(await page.getByRole('button', { name: t(lang, 'ui.action.confirm'), exact: true }).count()).toBe(0);
    await button(page, lang, 'ui.action.confirmUnmark').click();
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'ui.written.done') })
      .waitFor();
    await idle(page, lang);
    const unmarked = await download(session, lang);
    expect(notes(unmarked, expected.layout.sheet)).toEqual(notesBefore);
    expect(values(unmarked)).toEqual(values(original));

    expect(problems).toEqual([]);
  });

  it('opens an .xls: one line says the result is saved as a new .xlsx, the check finds what it finds in the .xlsx, and 保存 downloads the .xlsx', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    await page.goto(`${server.origin}/standalone.html?today=${TODAY}`);
    await page.locator('input[type="file"]').setInputFiles(join(FORMATS_DIR, 'sample-roster.xls'));
    await page.getByRole('grid').waitFor();
    const notice = page.getByTestId('format-notice');
    await notice.waitFor();
    expect((await notice.textContent())?.trim()).toBe(t(lang, 'file.converted', { format: 'xls', saveAs: 'sample-roster.xlsx' }));
    expect(await page.getByTestId('file-name').textContent()).toBe('sample-roster.xls');
    await accessible(page);
    await screenshot(page, `${short}-6-xls`);
    expect(await runCheck(page, lang)).toBe((await expectedSampleProblems()).workbook.counts.total);
    const saved = await download(session, lang);
    expect(saved.SheetNames).toContain(expected.layout.sheet);
    expect(problems).toEqual([]);
  });
});

/** Every note on a sheet as "A1: text", to compare before and after. */
function notes(wb: XLSX.WorkBook, sheet: string): string[] {
  return Object.entries(wb.Sheets[sheet])
    .filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).c?.length)
    .map(([k, c]) => `${k}: ${((c as XLSX.CellObject).c ?? []).map((n) => n.t).join(' | ')}`)
    .sort();
}

async function download(session: TestSession, lang: Lang): Promise<XLSX.WorkBook> {
  const { page } = session;
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, lang, 'ui.standalone.save').click()]);
  expect(file.suggestedFilename()).toBe('sample-roster.xlsx');
  const path = await file.path();
  return XLSX.read(readFileSync(path), { cellStyles: true });
}
