/**
 * The pane fits a 350 px Excel task pane and a 1366×768 laptop, in Chinese and in English: on the sample,
 * every tab and the 设置 screen are opened in turn — in Excel (taskpane.html through the Office double) and
 * in the standalone page — and nothing scrolls sideways (the page, the pane, any scroll container but the
 * sheet grid), no button, input or tab leaves the viewport or its scroll parent, no control's text is cut
 * without a title. Below 800 px the standalone page shows the sheet or the pane, with a switch, never a
 * squeezed sheet. axe-core runs on every screen at 350 px in Excel and on the standalone page's first
 * screens (one axe run takes seconds to tens of seconds on this machine). One page load per language,
 * size and host; the screens are walked in it.
 */
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { axeViolations, paneSession, screenshot, TODAY } from './browser';
import { excelHost, openSampleInExcel } from './excel/open';
import { misfits, openScreen, SCREENS } from './fit';
import { button, runCheck } from './flow';

const SIZES = [
  { width: 350, height: 800 },
  { width: 1366, height: 768 },
] as const;
const CASES = (['zh-CN', 'en-US'] as const).flatMap((lang) => SIZES.map((size) => [lang, size.width, size] as const));

const host = excelHost();

/** Every screen in turn (the roster checked on the first), each fitting; axe on each when asked. */
async function walk(page: Page, lang: Lang, axe: boolean): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    await openScreen(page, lang, screen);
    if (screen.id === 'check') expect(await runCheck(page, lang)).toBeGreaterThan(0);
    found[screen.id] = [...(await misfits(page)), ...(axe ? await axeViolations(page) : [])];
  }
  return found;
}

const nothingWrong = (found: Record<string, string[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe.each(CASES)('the pane fits (%s, %i px)', (lang, width, viewport) => {
  const session = paneSession({ locale: lang, viewport }, 'test');
  const short = lang === 'zh-CN' ? 'zh' : 'en';

  it('in Excel: every tab and the 设置 screen', async () => {
    const { page, problems } = session;
    await openSampleInExcel(session, host, lang);
    expect(await misfits(page)).toEqual([]);
    const found = await walk(page, lang, width === 350);
    expect(found).toEqual(nothingWrong(found));
    await screenshot(page, `${short}-fit-excel-${width}`);
    expect(problems).toEqual([]);
  });

  it('in the standalone page: the sheet and the pane, and every screen of the pane', async () => {
    const { page, problems } = session;
    await page.goto(`${host.origin}/standalone.html?sample=1&today=${TODAY}`);
    await page.getByTestId('file-name').filter({ hasText: 'sample-roster.xlsx' }).waitFor();
    await button(page, lang, 'ui.action.check').waitFor();
    const grid = page.getByRole('grid');
    const show = page.getByRole('tablist', { name: t(lang, 'ui.standalone.show') });
    if (width < 800) {
      // One at a time: the pane first, the sheet a switch away — never a sheet squeezed beside the pane.
      expect(await grid.isVisible()).toBe(false);
      expect(await misfits(page)).toEqual([]);
      await show.getByRole('tab', { name: t(lang, 'ui.standalone.showSheet') }).click();
      await grid.waitFor();
      expect((await grid.boundingBox())?.width).toBeGreaterThan(width - 40);
      expect(await button(page, lang, 'ui.action.check').isVisible()).toBe(false);
      expect(await misfits(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${short}-fit-standalone-sheet-${width}`);
      await show.getByRole('tab', { name: t(lang, 'ui.standalone.showPane') }).click();
    } else {
      // Side by side, with room for the sheet, and no switch.
      expect(await show.count()).toBe(0);
      expect((await grid.boundingBox())?.width).toBeGreaterThan(600);
    }
    expect(await misfits(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    const found = await walk(page, lang, false);
    expect(found).toEqual(nothingWrong(found));
    await screenshot(page, `${short}-fit-standalone-${width}`);
    expect(problems).toEqual([]);
  });
});
