/**
 * The production pane (dist/taskpane.html) opened as Excel opens it, with Microsoft's office.js replaced
 * by a bundle of the Office double (fake-office.ts): for browser tests that need the Excel path
 * (excel.test.ts, settings.test.ts, fit.test.ts, life.test.ts, scripts/screenshots.ts).
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Page } from 'playwright-core';
import type { Lang } from '../../../src/core/i18n';
import { TODAY, distServer, type TestSession } from '../browser';
import { button } from '../flow';
import { DIST } from '../server';

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** fake-office.ts as one script, to serve in place of office.js. */
export async function fakeOfficeScript(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'fake-office-'));
  try {
    await build({
      entryPoints: [resolve(__dirname, 'fake-office.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2019',
      outfile: join(out, 'office.js'),
      logLevel: 'silent',
    });
    return readFileSync(join(out, 'office.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface ExcelHost {
  readonly origin: string;
  readonly script: string;
}

/**
 * The built pane served and the Office double's script built for the enclosing describe (or file): started
 * before its tests and closed after them. Read `origin` and `script` inside tests; a session for them comes
 * from paneSession (../browser).
 */
export function excelHost(): ExcelHost {
  const server = distServer();
  let script = '';
  beforeAll(async () => {
    script = await fakeOfficeScript();
  });
  return {
    get origin() {
      return server.origin;
    },
    get script() {
      return script;
    },
  };
}

/** Open taskpane.html in "Excel" at ExcelApi 1.`api` with `workbook` open, the clock fixed on `today`. */
export async function openInExcel(session: TestSession, options: { origin: string; script: string; workbook: Buffer; lang: Lang; api: number; today: string }): Promise<void> {
  const { page, context } = session;
  await context.route(CDN_OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: options.script }));
  await page.addInitScript((setup) => Object.assign(window, { __excelTest: setup }), { workbook: options.workbook.toString('base64'), api: options.api, language: options.lang });
  await page.clock.setFixedTime(new Date(`${options.today}T10:00:00`));
  await page.goto(`${options.origin}/taskpane.html`);
}

/** The bundled sample open in "Excel" at ExcelApi 1.`api` on the browser tests' day, once the pane shows its 检查 button. */
export async function openSampleInExcel(session: TestSession, host: ExcelHost, lang: Lang, api = 20): Promise<void> {
  await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(join(DIST, 'assets/sample-roster.xlsx')), lang, api, today: TODAY });
  await button(session.page, lang, 'ui.action.check').waitFor();
}

/** The values of a sheet of the open workbook (the double's state), row by row over its used block; null when there is no such sheet. */
export function sheetValues(page: Page, sheet: string): Promise<unknown[][] | null> {
  return page.evaluate((name) => {
    type Cell = { v?: unknown } | undefined;
    type Sheet = { usedBlock(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } | null; cell(r: number, c: number): Cell };
    const s = (window as unknown as { __excelDouble: { state: { sheet(n: string): Sheet | undefined } } }).__excelDouble.state.sheet(name);
    if (!s) return null;
    const b = s.usedBlock(true);
    if (!b) return [];
    return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => s.cell(b.row + r, b.col + c)?.v ?? null));
  }, sheet);
}
