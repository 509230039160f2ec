/**
 * The pane's 档案 view in the standalone page at the Excel pane's width (350 px), with the bundled sample:
 * find a child by name, see the card and the record, go to the roster row, print the card, the record and a
 * class's cards. Printing is the browser's own: window.print is counted (headless Chromium has no dialog),
 * the print stylesheet is applied with emulateMedia('print'), and page.pdf() gives the pages planned —
 * one card or record a page for one child, two cards a page for a class, a page per child's record.
 * In Chinese and in English.
 */
import type { Page } from 'playwright-core';
import { CARDS_PER_PAGE } from '../../src/core/cards';
import { t, type Lang } from '../../src/core/i18n';
import { axeViolations, screenshot, useServedSession } from './browser';
import { button, cellName, expectedSampleCheck, idle, openSample, openTab } from './flow';

const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** Pages of a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function printsSoFar(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __prints: number }).__prints);
}

/** Print what the button prints; returns the PDF's page count with the print stylesheet applied. */
async function printedPages(page: Page, lang: Lang, key: string, params: Record<string, string | number>, count: number): Promise<number> {
  const before = await printsSoFar(page);
  await button(page, lang, key, params).click();
  await page.locator(`[data-testid="print-sheet"][data-count="${count}"]`).waitFor({ state: 'attached' });
  await page.waitForFunction((n) => (window as unknown as { __prints: number }).__prints > n, before);
  await page.emulateMedia({ media: 'print' });
  try {
    // The print sheet alone is shown: the pane and the grid are hidden.
    expect(await page.getByTestId('print-sheet').isVisible()).toBe(true);
    expect(await page.getByTestId('dossier-view').isVisible()).toBe(false);
    return pdfPageCount(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe.each(LANGS)('档案 in the standalone page at 350 px (%s)', (lang) => {
  const { server, session } = useServedSession({ locale: lang });
  const short = lang === 'zh-CN' ? 'zh' : 'en';

  beforeAll(async () => {
    // Headless Chromium prints nothing and shows no dialog: count the calls instead.
    await session.page.addInitScript(() => {
      const w = window as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => void w.__prints++;
    });
  });

  it('finds a child, shows the card and record, goes to the row, and prints card, record and a class', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    await openSample(page, server.origin, lang);
    // The Excel pane's width: the standalone page then shows the pane alone.
    await page.setViewportSize({ width: 350, height: 900 });
    await openTab(page, lang, 'views.tab.dossier');
    await page.getByTestId('dossier-view').waitFor();
    await idle(page, lang);

    // A child with a guardian phone, and the namesakes the search must tell apart by class.
    const child = expected.records.find((r) => r.guardianPhone)!;
    await page.getByPlaceholder(t(lang, 'views.dossier.searchHint')).fill(child.name);
    const match = t(lang, 'views.dossier.match', { name: child.name, className: child.classLabel ?? '' });
    await page.getByRole('button', { name: match, exact: true }).click();
    const card = page.getByTestId('dossier-card');
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain(child.guardianPhone!);
    expect(cardText).toContain(child.guardianName);
    expect(await page.getByTestId('dossier-child').textContent()).toContain(match);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-dossier-1-child`);

    // Go to the child's row: the port selects the roster cell of the name (no address built by the pane).
    await button(page, lang, 'views.dossier.goToRows').click();
    await page
      .getByTestId('selected-cell')
      .filter({ hasText: cellName(child.row, expected.layout.columns.name ?? 0) })
      .waitFor({ state: 'attached' });
    // Below 800 px the page then shows the sheet at that cell; the switch brings the pane back.
    expect(await page.getByRole('grid').isVisible()).toBe(true);
    const show = page.getByRole('tablist', { name: t(lang, 'ui.standalone.show') });
    await show.getByRole('tab', { name: t(lang, 'ui.standalone.showPane') }).click();

    // One child's card: one A4 page; its record: one page (the sample's log is short).
    expect(await printedPages(page, lang, 'views.dossier.printCard', {}, 1)).toBe(1);
    const printed = (await page.getByTestId('print-card').textContent()) ?? '';
    expect(printed).toContain(child.name);
    expect(printed).toContain(child.guardianPhone!);
    expect(await printedPages(page, lang, 'views.dossier.printRecord', {}, 1)).toBe(1);
    expect(await page.getByTestId('print-record').locator('thead').textContent()).toContain(child.name);

    // A class's cards in one step: two a page, each whole; its records: a page each.
    const cls = child.classLabel!;
    const inClass = expected.records.filter((r) => r.classLabel === cls).length;
    await page.getByRole('combobox', { name: t(lang, 'views.dossier.class') }).selectOption(cls);
    expect(await printedPages(page, lang, 'views.dossier.printCards', { count: inClass }, inClass)).toBe(Math.ceil(inClass / CARDS_PER_PAGE));
    expect(await page.getByTestId('print-card').count()).toBe(inClass);
    // Each card whole on its page: the print stylesheet's break-inside (in print media only).
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .getByTestId('print-card')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    await page.emulateMedia({ media: 'screen' });
    expect(await printedPages(page, lang, 'views.dossier.printRecords', { count: inClass }, inClass)).toBe(inClass);
    await screenshot(page, `${short}-dossier-2-class`);
    expect(problems).toEqual([]);
  });
});
