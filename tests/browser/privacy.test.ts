/**
 * Nothing leaves the browser: every request of a whole session (open the sample, check, choose, edit the
 * mapping, preview, write, save, open another file) goes to the local server, and the page's
 * Content-Security-Policy is never violated. Fails on any other host.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { t } from '../../src/core/i18n';
import { useServedSession } from './browser';
import { button, confirmWrite, openSample, runCheck } from './flow';
import { DIST } from './server';

describe('privacy', () => {
  const served = useServedSession({ locale: 'zh-CN' });

  it('makes no request to any host but the local server through a whole session', async () => {
    const {
      server,
      session: { page, context, problems },
    } = served;
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const lang = 'zh-CN';

    await openSample(page, server.origin, lang);
    await runCheck(page, lang);
    await page.locator('button[aria-controls^="group-"]').first().click();
    await page.locator('[data-finding-cell]').first().click();
    await page.locator('[data-highlight="true"]').waitFor();
    await page.locator('#mapping-toggle').click();
    await page.getByRole('tab', { name: t(lang, 'ui.tab.report') }).click();
    await page.getByRole('checkbox', { name: t(lang, 'ui.report.mark') }).check();
    await button(page, lang, 'ui.action.report').click();
    await confirmWrite(page, lang);
    const [file] = await Promise.all([page.waitForEvent('download'), button(page, lang, 'ui.standalone.save').click()]);
    await file.path();
    // Open a file with the picker, as a user would after saving.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, lang, 'ui.standalone.open').click()]);
    await chooser.setFiles({ name: 'another.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(join(DIST, 'assets/sample-roster.xlsx')) });
    await page.getByTestId('file-name').filter({ hasText: 'another.xlsx' }).waitFor();
    await runCheck(page, lang);

    const foreign = requests.filter((url) => {
      const u = new URL(url);
      if (u.protocol === 'blob:' || u.protocol === 'data:') return false; // in-page objects, not network
      return u.origin !== server.origin;
    });
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.some((url) => url.endsWith('/assets/sample-roster.xlsx'))).toBe(true);
    // A CSP violation is logged as a console error; none may occur (and no script error either).
    expect(problems).toEqual([]);
  });

  it('ships a Content-Security-Policy that allows only the page itself (and Office.js in the pane)', () => {
    const csp = (file: string) => /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(readFileSync(join(DIST, file), 'utf8'))?.[1] ?? '';
    for (const [file, extra] of [
      ['standalone.html', ''],
      ['taskpane.html', 'https://appsforoffice.microsoft.com'],
    ] as const) {
      const policy = csp(file);
      expect(policy).toMatch(/default-src 'self'/);
      const hosts = policy.match(/https?:\/\/[^\s;]+/g) ?? [];
      expect([file, hosts]).toEqual([file, extra ? [extra] : []]);
      expect(policy).not.toMatch(/unsafe-eval|\*/);
      expect(policy).toMatch(/script-src 'self'[^;]* 'sha256-/); // only the hashed old-webview guard runs inline
    }
  });
});
