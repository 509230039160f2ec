/** The pane follows the system theme outside Office (dark here), and Windows high contrast works. */
import { luminance } from '../../src/taskpane/theme';
import { axeViolations, distServer, openSession, screenshot } from './browser';
import { openSample, runCheck } from './flow';

function rgbToHex(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

describe('themes', () => {
  const server = distServer();

  it('is dark when the system is dark, with no accessibility violations', async () => {
    const session = await openSession({ locale: 'zh-CN', colorScheme: 'dark' });
    try {
      const { page } = session;
      await openSample(page, server.origin, 'zh-CN');
      await runCheck(page, 'zh-CN');
      await page.locator('button[aria-controls^="group-"]').first().click();
      const background = await page
        .locator('.fui-FluentProvider')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(luminance(rgbToHex(background))).toBeLessThan(0.1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'zh-dark');
    } finally {
      await session.close();
    }
  });

  it('works in forced colours (Windows high contrast): controls keep their names and nothing fails axe', async () => {
    const session = await openSession({ locale: 'en-US', forcedColors: 'active' });
    try {
      const { page } = session;
      await openSample(page, server.origin, 'en-US');
      await runCheck(page, 'en-US');
      await page.locator('button[aria-controls^="group-"]').first().click();
      await page.locator('[data-finding-cell]').first().click();
      await page.locator('[data-highlight="true"]').waitFor();
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'en-high-contrast');
    } finally {
      await session.close();
    }
  });
});
