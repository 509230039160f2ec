/**
 * The standalone page shows what was written and never loses work, in the production build: numbers
 * under their formats, long text readable, marks (fill and note) on roster cells, links in 校验结果 that go
 * to their cell, 统计汇总's charts drawn with their series, 结对帮扶's 上次生成 hidden; an unsaved mark after a
 * write, the browser's prompt before leaving, a question before replacing changed work, 保存 saying what it
 * saved; and the page opening offline once visited.
 */
import type { Locator, Page } from 'playwright-core';
import { t } from '../../src/core/i18n';
import { SHEETS } from '../../src/core/sheets';
import { axeViolations, screenshot, useServedSession } from './browser';
import { button, confirmWrite, idle, openSample, openTab, runCheck } from './flow';

const lang = 'zh-CN';

function sheetTab(page: Page, sheet: string): Locator {
  return page.getByRole('tablist', { name: t(lang, 'ui.standalone.sheets') }).getByRole('tab', { name: sheet, exact: true });
}

/** 检查, then 生成校验结果 with marks on the roster. */
async function writeFindings(page: Page): Promise<void> {
  await runCheck(page, lang);
  await page.getByRole('tab', { name: t(lang, 'ui.tab.report') }).click();
  await page.getByRole('checkbox', { name: t(lang, 'ui.report.mark') }).check();
  await button(page, lang, 'ui.action.report').click();
  await confirmWrite(page, lang);
}

function gridCells(page: Page): Locator {
  return page.getByRole('grid').locator('[role="gridcell"]');
}

describe('the standalone sheet view', () => {
  const served = useServedSession({ locale: lang });

  it('shows the roster title over its empty neighbours', async () => {
    const { page } = served.session;
    await openSample(page, served.server.origin, lang);
    // The title line in A1 runs over B1, C1 … as in Excel, wider than column A.
    const title = page.locator('[role="grid"] [data-cell="A1"]');
    const [titleBox, columnA] = [await title.boundingBox(), await page.getByRole('columnheader', { name: 'A', exact: true }).boundingBox()];
    expect(titleBox!.width).toBeGreaterThan(columnA!.width * 2);
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  it('follows a link in 校验结果 to its roster cell, which shows its mark: the fill and the note', async () => {
    const { page } = served.session;
    await writeFindings(page);

    // A finding's 说明 is cut in the grid: chosen, the cell bar shows all of it.
    await sheetTab(page, SHEETS.findings).click();
    const cut = (await gridCells(page).evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 2).map((el) => el.getAttribute('data-cell'))))[0];
    expect(cut).toBeTruthy();
    const cell = page.locator(`[role="grid"] [data-cell="${cut}"]`);
    await cell.click();
    expect(await page.getByTestId('cell-address').textContent()).toBe(cut);
    const bar = page.getByTestId('cell-text');
    expect(await bar.textContent()).toBe(await cell.textContent());
    expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The arrow keys move the chosen cell; the grid names it for screen readers.
    await page.keyboard.press('ArrowDown');
    const below = cut!.replace(/\d+/, (n) => String(Number(n) + 1));
    expect(await page.getByTestId('cell-address').textContent()).toBe(below);
    const activeId = (await page.getByRole('grid').getAttribute('aria-activedescendant'))!;
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('data-cell')).toBe(below);

    const link = page.locator('[role="grid"] [data-link="true"]').first();
    await link.waitFor();
    const address = (await link.textContent())!;
    await link.click();
    const hit = page.locator('[data-highlight="true"]');
    await hit.waitFor();
    expect(await page.getByRole('tab', { selected: true }).first().textContent()).not.toBe(SHEETS.findings);
    expect(address).toContain((await hit.getAttribute('data-cell'))!);
    expect(await page.getByTestId('cell-address').textContent()).toBe(await hit.getAttribute('data-cell'));
    // The marked cell: its note in the cell bar and on hover; its fill once the highlight moves on.
    await page.getByTestId('cell-note').waitFor();
    expect(await hit.getAttribute('data-note')).toBe('true');
    expect(await hit.getAttribute('title')).toBeTruthy();
    expect(await page.locator('[role="grid"] [data-fill]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sheetview-1-marked');
    // From the keyboard: choose the link with the arrow keys, then Enter.
    await sheetTab(page, SHEETS.findings).click();
    const other = page.locator('[role="grid"] [data-link="true"]').nth(1);
    const [row, col] = [Number(await other.getAttribute('data-row')), Number(await other.getAttribute('data-col'))];
    await page.locator(`[role="grid"] [data-row="${row}"][data-col="${col + 1}"]`).click();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByTestId('cell-link').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('[data-highlight="true"]').waitFor();
    expect(await page.getByTestId('cell-address').textContent()).toBe(await page.locator('[data-highlight="true"]').getAttribute('data-cell'));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sheetview-1-marked');
  });

  it('shows 统计汇总 shares as percents and draws its charts with their series', async () => {
    const { page } = served.session;
    await openTab(page, lang, 'views.tab.summary');
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    await button(page, lang, 'views.summary.update').click();
    await confirmWrite(page, lang);
    await sheetTab(page, SHEETS.summary).click();
    // 更新统计 alone writes no pairs: its 有帮扶教师 counts 结对帮扶 as the sample holds it, none (issue 15).
    // The grid draws only the rows in view: scroll down to the row, then back.
    const withTeacher = gridCells(page).filter({ hasText: /^有帮扶教师$/ });
    for (let i = 0; i < 40 && (await withTeacher.count()) === 0; i++) {
      await page.getByRole('grid').evaluate((el) => (el.scrollTop += 200));
      await page.waitForTimeout(50);
    }
    const [row, col] = [await withTeacher.getAttribute('data-row'), Number(await withTeacher.getAttribute('data-col'))];
    expect(await page.locator(`[role="grid"] [data-row="${row}"][data-col="${col + 1}"]`).textContent()).toBe('0');
    await page.getByRole('grid').evaluate((el) => (el.scrollTop = 0));
    const texts = await gridCells(page).allTextContents();
    expect(texts.some((x) => /^\d+(\.\d)?%$/.test(x))).toBe(true);
    expect(texts.filter((x) => /^\d+\.\d{4,}$/.test(x))).toEqual([]); // no raw 0.020833333333333332
    const charts = page.getByTestId('sheet-chart').locator('svg[role="img"]');
    await charts.first().waitFor();
    expect(await charts.count()).toBe(2);
    for (const svg of await charts.all()) {
      const series = svg.locator('[data-series]');
      expect(await series.count()).toBeGreaterThan(0);
      expect(await series.first().getAttribute('data-series')).toBeTruthy();
      expect(await svg.locator('rect title, circle title, path title').count()).toBeGreaterThan(0);
    }
    expect(await charts.first().getAttribute('aria-label')).toMatch(/图：/);
    await page.getByRole('grid').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.waitForTimeout(300);
    await screenshot(page, 'sheetview-2-summary');
  });

  it('hides 结对帮扶 上次生成 column as the file does', async () => {
    const { page } = served.session;
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    await button(page, lang, 'views.pairing.generate').click();
    await confirmWrite(page, lang);
    await sheetTab(page, SHEETS.pairing).click();
    const grid = page.getByRole('grid');
    await grid.getByText('说明', { exact: true }).first().waitFor();
    expect(await grid.getByText('上次生成', { exact: true }).count()).toBe(0);
  });

  it('marks unsaved work, asks before the sample replaces it, and 保存 says what it saved and clears the mark', async () => {
    const { page } = served.session;
    const badge = page.getByTestId('unsaved');
    await badge.waitFor();
    expect(await page.title()).toMatch(/^\* sample-roster\.xlsx/);

    // Leaving the page: the browser's own prompt.
    const prompt = page.waitForEvent('dialog');
    void page.evaluate(() => location.reload()).catch(() => undefined);
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await badge.waitFor();

    // Replacing it with the sample asks first; 取消 keeps the work.
    await button(page, lang, 'ui.standalone.sample').click();
    const ask = page.getByRole('alertdialog', { name: t(lang, 'standalone.replace.title') });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('sample-roster.xlsx');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sheetview-3-replace');
    await button(page, lang, 'standalone.replace.cancel').click();
    await ask.waitFor({ state: 'detached' });
    await sheetTab(page, SHEETS.findings).waitFor();
    expect(await badge.count()).toBe(1);

    // 保存: a download, a line naming the file and where it went, and no mark.
    const [file] = await Promise.all([page.waitForEvent('download'), button(page, lang, 'ui.standalone.save').click()]);
    expect(file.suggestedFilename()).toBe('sample-roster.xlsx');
    const saved = page.getByTestId('saved-notice');
    await saved.waitFor();
    expect(await saved.textContent()).toContain(t(lang, 'standalone.saved', { file: 'sample-roster.xlsx' }));
    expect(await saved.textContent()).toContain('下载文件夹');
    await badge.waitFor({ state: 'detached' });
    expect(await page.title()).not.toMatch(/^\*/);

    // Saved: the sample replaces it without a question.
    await button(page, lang, 'ui.standalone.sample').click();
    await sheetTab(page, SHEETS.findings).waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);
  });

  it('asks before 打开文件… replaces changed work, and 不保存，继续 goes on', async () => {
    const { page } = served.session;
    await page.getByRole('tab', { name: t(lang, 'ui.tab.check') }).click();
    await writeFindings(page);
    await page.getByTestId('unsaved').waitFor();
    await button(page, lang, 'ui.standalone.open').click();
    await page.getByRole('alertdialog').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, lang, 'standalone.replace.discard').click()]);
    expect(chooser).toBeTruthy();
  });

  it('opens offline once visited: the service worker keeps the page, its scripts and the sample', async () => {
    const { page, context } = served.session;
    // The work of the test before is not saved: leave it.
    page.on('dialog', (d) => void d.accept());
    await openSample(page, served.server.origin, lang);
    // The worker controls the page once it has installed and claimed it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const servedBefore = served.server.served.length;
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('grid').waitFor();
      await page.getByTestId('file-name').filter({ hasText: 'sample-roster.xlsx' }).waitFor();
      await runCheck(page, lang);
      expect(served.server.served.length).toBe(servedBefore); // nothing reached the server
    } finally {
      await context.setOffline(false);
    }
    // Only the standalone page is controlled: the Excel pane's page never is.
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope ?? ''));
    expect(scope).toBe(`${served.server.origin}/standalone.html`);
  });
});
