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
import type { Session } from '../browser';
import { serveDist, type StaticServer } from '../server';

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

/**
 * The built pane served and the Office double's script built for the enclosing describe (or file): started
 * before its tests and closed after them. Read `origin` and `script` inside tests.
 */
export function excelHost(): { readonly origin: string; readonly script: string } {
  let server: StaticServer | undefined;
  let script = '';
  beforeAll(async () => {
    [server, script] = await Promise.all([serveDist(), fakeOfficeScript()]);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get origin() {
      if (!server) throw new Error('excelHost: read outside a test');
      return server.origin;
    },
    get script() {
      return script;
    },
  };
}

/** Open taskpane.html in "Excel" at ExcelApi 1.`api` with `workbook` open, the clock fixed on `today`. */
export async function openInExcel(session: Session, options: { origin: string; script: string; workbook: Buffer; lang: Lang; api: number; today: string }): Promise<void> {
  const { page, context } = session;
  await context.route(CDN_OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: options.script }));
  await page.addInitScript((setup) => Object.assign(window, { __excelTest: setup }), { workbook: options.workbook.toString('base64'), api: options.api, language: options.lang });
  await page.clock.setFixedTime(new Date(`${options.today}T10:00:00`));
  await page.goto(`${options.origin}/taskpane.html`);
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
