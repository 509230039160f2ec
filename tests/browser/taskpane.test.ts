/**
 * taskpane.html outside Office: with the real office.js (served from the npm package in place of
 * Microsoft's CDN) Office.onReady reports no host and the page becomes the standalone page by itself.
 * In an Internet Explorer webview it shows the plain message instead. A double click runs a check once.
 */
import { existsSync, readFileSync } from 'fs';
import { join, normalize, resolve } from 'path';
import type { BrowserContext } from 'playwright-core';
import { t } from '../../src/core/i18n';
import { axeViolations, distServer, openSession, operationStarts, paneSession, screenshot } from './browser';
import { button, openSample } from './flow';
import { DIST } from './server';

const OFFICE_DIST = resolve(__dirname, '../../node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

/** Serve Microsoft's CDN paths from the office-js package; record what was asked for. */
async function routeOfficeJs(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(`${CDN}**`, async (route) => {
    const rest = route.request().url().slice(CDN.length).split(/[?#]/)[0];
    asked.push(rest);
    const file = normalize(join(OFFICE_DIST, rest));
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
  });
  return asked;
}

describe('taskpane.html', () => {
  const server = distServer();

  describe('outside Office', () => {
    const session = paneSession({ locale: 'en-US' });

    it('loads the real office.js, finds no host, and switches to the standalone page by itself', async () => {
      const { page, context, problems } = session;
      const asked = await routeOfficeJs(context);
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      await openSample(page, server.origin, 'en-US', 'taskpane.html');
      expect(asked).toContain('office.js');
      expect(page.url()).toContain('/taskpane.html'); // switched in place, no redirect
      // The pane works here as in the standalone page.
      await button(page, 'en-US', 'ui.action.check').click();
      await page.locator('#findings-title').waitFor();
      // Only the local server and Microsoft's Office.js host were asked for anything.
      const hosts = [...new Set(requests.map((u) => new URL(u).origin))].filter((o) => o !== 'null');
      expect(hosts.sort()).toEqual([server.origin, 'https://appsforoffice.microsoft.com'].sort());
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'en-taskpane-outside-office');
      // office.js tries to frame Microsoft's telemetry service; the page's CSP blocks it (no request leaves).
      const telemetry = problems.filter((p) => /Framing 'https:\/\/telemetryservice\.[^']*' violates the following Content Security Policy/.test(p));
      expect(problems.filter((p) => !telemetry.includes(p))).toEqual([]);
      expect(requests.some((u) => u.includes('telemetry'))).toBe(false);
    });

    it('does not load the xlsx library until a file is opened, and the pane bundle has none', async () => {
      const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
      const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith('https://'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        const js = readFileSync(join(DIST, src), 'utf8');
        // SheetJS and fflate announce themselves in their code; neither may be in what the Excel pane loads first.
        expect([src, /SheetJS|sheetjs|fflate|inflateSync|unzipSync/.test(js)]).toEqual([src, false]);
      }
    });
  });

  it('shows the plain message, in Chinese and English, in an Internet Explorer webview', async () => {
    const session = await openSession({ locale: 'zh-CN', userAgent: IE11 });
    try {
      const { page, context, problems } = session;
      await routeOfficeJs(context);
      // IE cannot parse the bundles: withhold them, so only the page's inline ES5 guard can show the message.
      await context.route(`${server.origin}/**/*.js`, (route) => route.abort());
      for (const path of ['taskpane.html', 'standalone.html']) {
        await page.goto(`${server.origin}/${path}`);
        const message = page.locator('#old-webview');
        await message.waitFor({ state: 'visible' });
        const text = await message.innerText();
        for (const version of ['Microsoft 365', 'Office 2021', '2024', 'Excel', 'WebView2', 'Office 2016']) expect(text).toContain(version);
        expect(text).toContain('无法运行');
        expect(await page.getByRole('tab').count()).toBe(0); // no pane behind it
        expect(await page.getByRole('button').count()).toBe(0);
      }
      await screenshot(page, 'zh-old-webview');
      // The guard ran under the page's CSP (its hash is allowed); nothing else inline was attempted.
      expect(problems.filter((p) => /Content Security Policy/.test(p))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('runs the check once when its button is double-clicked, and once for two clicks in one frame', async () => {
    const session = await openSession({ locale: 'zh-CN' });
    try {
      const { page } = session;
      await openSample(page, server.origin, 'zh-CN');
      expect(await operationStarts(page, 'ui.op.check')).toBe(1); // the sample opens checked
      await button(page, 'zh-CN', 'ui.action.check').dblclick();
      await page.waitForFunction(() => !document.querySelector('button:not([role]):disabled'));
      expect(await operationStarts(page, 'ui.op.check')).toBe(2);
      // Two clicks dispatched in the same task, before React can re-render the disabled button.
      await page.evaluate(
        (name) => {
          // Tabs are buttons too (role="tab"); the command button has no role attribute.
          const b = [...document.querySelectorAll('button:not([role])')].find((x) => x.textContent === name) as HTMLButtonElement;
          b.click();
          b.click();
        },
        t('zh-CN', 'ui.action.check'),
      );
      await page.locator('#findings-title').waitFor();
      await page.waitForFunction(() => !document.querySelector('button:not([role]):disabled'));
      expect(await operationStarts(page, 'ui.op.check')).toBe(3);
    } finally {
      await session.close();
    }
  });
});
