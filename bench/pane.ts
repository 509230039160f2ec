/**
 * The Excel pane's weight and speed, on the production build (run `npm run build` first):
 *  1. the gzipped size (gzip -9) of the JavaScript taskpane.html loads before the pane is interactive:
 *     every local <script src> of the page (office.js comes from Microsoft's CDN and is not ours);
 *  2. time from navigation to an interactive pane in Debian's Chromium, median of 5 cold loads:
 *     a) the Excel pane's first screen. Outside Excel office.js reports no host, so office.js is replaced
 *        here by a few lines that answer Office.onReady with host Excel (nothing else of Office is used
 *        before the first click); the figure is our bundle's fetch, parse and first render.
 *     b) taskpane.html with the real office.js (served from the npm package in place of the CDN) switching
 *        itself to the standalone page: until the standalone page's controls respond.
 * Usage: npx tsx bench/pane.ts
 */
import { existsSync, readFileSync } from 'fs';
import { join, normalize, resolve } from 'path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/browser';
import { FIRST_LOAD_BUDGET_BYTES, firstLoad } from '../tests/browser/firstLoad';
import { DIST, serveDist } from '../tests/browser/server';

const RUNS = 5;
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = resolve(__dirname, '../node_modules/@microsoft/office-js/dist');
const EXCEL_HOST_STAND_IN = `window.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#FFFFFF' }, requirements: { isSetSupported: function () { return false; } } },
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); }
};
window.Excel = {};`;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function timeToMark(browser: Browser, url: string, mark: string, officeJs: 'real' | 'stand-in'): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.route(`${CDN}**`, async (route) => {
    const rest = route.request().url().slice(CDN.length).split(/[?#]/)[0];
    if (officeJs === 'stand-in') return route.fulfill({ status: 200, contentType: 'text/javascript', body: EXCEL_HOST_STAND_IN });
    const file = normalize(join(OFFICE_DIST, rest));
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60_000 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark);
  await context.close();
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const htmlPath = join(DIST, 'taskpane.html');
  if (!existsSync(htmlPath)) throw new Error('dist/taskpane.html missing: run `npm run build` first');
  let total = 0;
  console.log('JavaScript taskpane.html loads before the pane is interactive (gzip -9):');
  for (const { src, bytes, gzipped } of firstLoad(DIST)) {
    total += gzipped;
    console.log(`  ${src.padEnd(28)} ${kb(bytes).padStart(9)} min  ${kb(gzipped).padStart(9)} gz`);
  }
  console.log(`  total                        ${kb(total).padStart(23)} gz   (budget ${kb(FIRST_LOAD_BUDGET_BYTES)}; Microsoft's React template 167.6 KB)`);

  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const excel: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      excel.push(await timeToMark(browser, `${server.origin}/taskpane.html`, 'pane-interactive', 'stand-in'));
      outside.push(await timeToMark(browser, `${server.origin}/taskpane.html`, 'page-interactive', 'real'));
    }
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms  (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
    console.log(`Navigation to interactive pane, Chromium, ${RUNS} cold loads each:`);
    console.log(`  Excel pane first screen (office.js stand-in answering host Excel): ${fmt(excel)}`);
    console.log(`  taskpane.html outside Office (real office.js) -> standalone page:  ${fmt(outside)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
