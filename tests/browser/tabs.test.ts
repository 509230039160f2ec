/**
 * The pane's tabs at 350 px, the width of an Excel task pane, in both languages (issue 15: "tabs that fit
 * or overflow into a menu"): they take one row, and those that do not fit are in a 更多 (More) menu at its
 * end; choosing one there shows its screen and puts it in the row; the menu answers to the keyboard as a
 * menu does. At a laptop's width every tab is in the row and there is no menu.
 */
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { axeViolations, paneSession, screenshot } from './browser';
import { excelHost, openSampleInExcel } from './excel/open';

const TAB_KEYS = ['ui.tab.check', 'ui.tab.report', 'views.tab.pairing', 'views.tab.today', 'views.tab.summary', 'views.tab.dossier'];

const host = excelHost();

/** The tabs shown in the row, in order, with their boxes (those in the menu stay laid out, hidden). */
function rowTabs(page: Page): Promise<{ name: string; top: number; right: number }[]> {
  return page.locator('[role="tablist"] [role="tab"]').evaluateAll((tabs) =>
    tabs
      .map((tab) => ({ tab, box: tab.getBoundingClientRect() }))
      .filter(({ tab, box }) => box.width > 0 && getComputedStyle(tab).visibility !== 'hidden')
      // Fluent draws a bold copy of each label to reserve its selected width: the name is the first.
      .map(({ tab, box }) => ({ name: (tab.querySelector('.fui-Tab__content')?.textContent ?? '').trim(), top: Math.round(box.top), right: box.right })),
  );
}

/** The items of the More menu, once it is drawn (its code comes on demand). */
async function menuItems(page: Page): Promise<string[]> {
  await page.getByRole('menu').getByRole('menuitem').first().waitFor();
  return (await page.getByRole('menu').getByRole('menuitem').allTextContents()).map((s) => s.trim());
}

describe.each(['zh-CN', 'en-US'] as const)('the pane tabs (%s)', (lang: Lang) => {
  const short = lang === 'zh-CN' ? 'zh' : 'en';
  const names = TAB_KEYS.map((key) => t(lang, key));

  describe('at 350 px', () => {
    const session = paneSession({ locale: lang, viewport: { width: 350, height: 800 } });

    it('one row, the rest in the More menu, each screen a click or two away', async () => {
      const { page, problems } = session;
      await openSampleInExcel(session, host, lang);

      const row = await rowTabs(page);
      // One row, inside the pane, the first tab first; what is not in the row is in the menu, in order.
      expect(new Set(row.map((tab) => tab.top)).size).toBe(1);
      expect(Math.max(...row.map((tab) => tab.right))).toBeLessThanOrEqual(350);
      expect(row[0].name).toBe(names[0]);
      // The first steps' tabs (检查 → 校验结果 → 结对 → 今日) are in the row in both languages, not behind 更多.
      expect(row.map((tab) => tab.name)).toEqual(names.slice(0, 4));
      const more = page.getByTestId('tabs-more');
      await more.click();
      const inMenu = await menuItems(page);
      expect(inMenu.length).toBeGreaterThan(0);
      expect([...row.map((tab) => tab.name), ...inMenu].sort()).toEqual([...names].sort());
      expect(inMenu).toEqual(names.filter((name) => inMenu.includes(name)));
      // The More button and its menu fit too, and axe finds nothing with the menu open.
      expect(await more.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(350);
      expect(await page.getByRole('menu').evaluate((el) => el.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${short}-tabs-350-menu`);

      // The keyboard: the first item has the focus; arrows move it; Escape closes and gives it back to the button.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.keyboard.press('End');
      expect((await page.evaluate(() => document.activeElement?.textContent))?.trim()).toBe(inMenu[inMenu.length - 1]);
      await page.keyboard.press('Escape');
      expect(await page.getByRole('menu').count()).toBe(0);
      expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);

      // The last tab, chosen from the menu: its screen shows, it is selected in the row, still one row.
      const last = names[names.length - 1];
      await more.click();
      await page.getByRole('menuitem', { name: last, exact: true }).click();
      await page.locator(`#panel[aria-labelledby="tab-dossier"]`).waitFor();
      const selected = page.getByRole('tab', { name: last, exact: true });
      expect(await selected.getAttribute('aria-selected')).toBe('true');
      const after = await rowTabs(page);
      expect(after.map((tab) => tab.name)).toContain(last);
      expect(new Set(after.map((tab) => tab.top)).size).toBe(1);
      await more.click();
      expect(await menuItems(page)).not.toContain(last);
      // A click elsewhere closes the menu.
      await page.locator('#panel').click({ position: { x: 5, y: 5 } });
      expect(await page.getByRole('menu').count()).toBe(0);
      await screenshot(page, `${short}-tabs-350-dossier`);
      expect(problems).toEqual([]);
    });
  });

  describe('at 1366 px', () => {
    const session = paneSession({ locale: lang, viewport: { width: 1366, height: 768 } });

    it('every tab in the row, no menu', async () => {
      const { page, problems } = session;
      await openSampleInExcel(session, host, lang);
      expect((await rowTabs(page)).map((tab) => tab.name)).toEqual(names);
      expect(await page.getByTestId('tabs-more').isVisible()).toBe(false);
      expect(problems).toEqual([]);
    });
  });
});
