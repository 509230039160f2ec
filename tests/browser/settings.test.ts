/**
 * The 设置 screen and the pane's one undo, in the standalone page with the bundled sample (a teacher
 * without Excel, the grid read-only): a mentor added from the form reaches 帮扶人员 and 结对 offers them;
 * a term date changed reaches 设置 and 今日's items follow the new term; 生成校验结果 with marks is undone
 * and the roster is as it was; the undo button keeps its label across tabs. Screenshots at 350 px.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { SHEETS } from '../../src/core/sheets';
import { axeViolations, openSession, screenshot, TODAY, type Session } from './browser';
import { button, expectedSampleCheck, idle, openSample, undoneWhat } from './flow';
import { DIST, serveDist, type StaticServer } from './server';

const MENTOR = '陈静';

function paneTab(page: Page, lang: Lang, key: string) {
  return page.getByRole('tab', { name: t(lang, key), exact: true });
}

async function confirmWrite(page: Page, lang: Lang): Promise<void> {
  await button(page, lang, 'ui.action.confirm').click();
  await page
    .getByTestId('notice')
    .filter({ hasText: t(lang, 'ui.written.done') })
    .waitFor();
  await idle(page, lang);
}

async function openSettings(page: Page, lang: Lang): Promise<void> {
  await page.locator('#tab-settings').click();
  await page.getByTestId('settings-view').waitFor();
  await page.getByTestId('settings-mentors').waitFor();
  await idle(page, lang);
}

async function undoLabel(page: Page, lang: Lang): Promise<string> {
  return undoneWhat(lang, (await page.getByTestId('undo-button').textContent()) ?? '');
}

async function saved(page: Page, lang: Lang): Promise<XLSX.WorkBook> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, lang, 'ui.standalone.save').click()]);
  return XLSX.read(readFileSync(await file.path()), { cellStyles: true });
}

function rows(wb: XLSX.WorkBook, sheet: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true, defval: null });
}

function notes(wb: XLSX.WorkBook, sheet: string): string[] {
  return Object.entries(wb.Sheets[sheet])
    .filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).c?.length)
    .map(([k]) => k)
    .sort();
}

/** The 今日 view's overdue count for `teacher`. */
async function overdueFor(page: Page, lang: Lang, teacher: string): Promise<number> {
  await paneTab(page, lang, 'views.tab.today').click();
  // The first visit asks who the teacher is (帮扶人员's names in a list); later visits remember.
  const pick = page.getByRole('combobox', { name: t(lang, 'views.today.teacherPick') });
  const chosen = page.getByTestId('today-teacher');
  await pick.or(chosen).first().waitFor();
  await idle(page, lang);
  if (await pick.count()) {
    await pick.selectOption(teacher);
    await button(page, lang, 'views.today.teacherSave').click();
  }
  await page.getByTestId('today-teacher').filter({ hasText: teacher }).waitFor();
  const counts = page.getByTestId('today-counts');
  await counts.waitFor();
  await idle(page, lang);
  const text = (await counts.locator('> *').first().textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

describe('the 设置 screen in the standalone page (zh-CN)', () => {
  const lang: Lang = 'zh-CN';
  let server: StaticServer;
  let session: Session;

  beforeAll(async () => {
    server = await serveDist();
    session = await openSession({ locale: lang });
    session.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('adds a mentor that 结对 offers, changes the term that 今日 follows, and each write can be undone from any tab', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    const klass = expected.records[0].classLabel!;
    await openSample(page, server.origin, lang);
    // The page says in one line what it is.
    await page.getByText(t(lang, 'undo.standalone')).waitFor();

    // 帮扶人员: add a class teacher through the form; the preview names her; the sheet gets her row.
    await openSettings(page, lang);
    await button(page, lang, 'settings.mentors.add').click();
    const form = page.getByTestId('mentor-form');
    await form.locator('[data-mentor-field="name"]').fill(MENTOR);
    await form.locator('[data-mentor-field="kind"]').selectOption('班主任');
    await form.locator('[data-mentor-field="className"]').fill(klass);
    await form.locator('[data-mentor-field="phone"]').fill('13900001111');
    await button(page, lang, 'settings.mentors.preview').click();
    await page
      .getByTestId('write-preview')
      .getByText(t(lang, 'settings.preview.addMentor', { name: MENTOR }))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirmWrite(page, lang);
    await page.locator(`[data-mentor="${MENTOR}"]`).waitFor();
    const label = await undoLabel(page, lang);
    expect(label).toContain(SHEETS.mentors);

    // The undo button keeps its label on every tab; 结对 offers the new mentor.
    await paneTab(page, lang, 'views.tab.pairing').click();
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    expect(await undoLabel(page, lang)).toBe(label);
    await page.locator('table[aria-labelledby="pairing-loads"]').getByText(MENTOR, { exact: true }).waitFor();
    await paneTab(page, lang, 'ui.tab.check').click();
    expect(await undoLabel(page, lang)).toBe(label);

    // 今日 for her, before and after the term is moved back to 2026-08-17 (summer ending the day before).
    const overdueBefore = await overdueFor(page, lang, MENTOR);
    await openSettings(page, lang);
    await page.locator('[data-setting="termStart"]').fill('2026-08-17');
    await page.locator('[data-setting="summer"]').fill('2026-07-11~2026-08-16');
    await button(page, lang, 'settings.save').click();
    const preview = page.getByTestId('write-preview');
    await preview.getByText(t(lang, 'settings.preview.settings')).waitFor();
    expect(await preview.getByText('2026-08-17', { exact: false }).count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 350, height: 800 });
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'zh-settings-1-preview');
    await page.setViewportSize({ width: 1280, height: 800 });
    await confirmWrite(page, lang);
    expect(await undoLabel(page, lang)).toContain(SHEETS.settings);
    const overdueAfter = await overdueFor(page, lang, MENTOR);
    expect(overdueAfter).toBeGreaterThan(overdueBefore);

    const workbook = await saved(page, lang);
    expect(rows(workbook, SHEETS.mentors).some((r) => r.includes(MENTOR) && r.includes('班主任') && r.includes(klass))).toBe(true);
    expect(rows(workbook, SHEETS.settings).find((r) => r[0] === '本学期开始日期')?.[1]).toBe('2026-08-17');
    expect(problems).toEqual([]);
  });

  it('undoes 生成校验结果 with marks after the tab changes: the roster is as it was', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    const roster = expected.layout.sheet;
    const before = await saved(page, lang);
    await paneTab(page, lang, 'ui.tab.report').click();
    await page.getByRole('checkbox', { name: t(lang, 'ui.report.mark') }).check();
    await button(page, lang, 'ui.action.report').click();
    await page.locator('#preview-title').waitFor();
    await confirmWrite(page, lang);
    const label = await undoLabel(page, lang);
    expect(label).toContain(SHEETS.findings);
    expect(label).toContain(roster);
    expect(notes(await saved(page, lang), roster).length).toBeGreaterThan(notes(before, roster).length);

    await paneTab(page, lang, 'views.tab.summary').click();
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    expect(await undoLabel(page, lang)).toBe(label);
    await page.setViewportSize({ width: 350, height: 800 });
    await screenshot(page, 'zh-settings-2-undo');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('undo-button').click();
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'undo.done', { what: label }) })
      .waitFor();
    expect(await page.getByTestId('undo-button').count()).toBe(0);
    const after = await saved(page, lang);
    expect(after.SheetNames).toEqual(before.SheetNames);
    expect(rows(after, roster)).toEqual(rows(before, roster));
    expect(notes(after, roster)).toEqual(notes(before, roster));
    expect(problems).toEqual([]);
  });
});

describe('the 设置 screen in English at 350 px', () => {
  const lang: Lang = 'en-US';
  let server: StaticServer;
  let session: Session;

  beforeAll(async () => {
    server = await serveDist();
    session = await openSession({ locale: lang });
    session.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('names what the undo button undoes in English, the sheet glossed', async () => {
    const { page } = session;
    await openSample(page, server.origin, lang);
    await page.setViewportSize({ width: 350, height: 800 });
    await openSettings(page, lang);
    await page.locator('[data-setting="schoolName"]').fill('Shiqiao Primary');
    await button(page, lang, 'settings.save').click();
    await page.getByTestId('write-preview').waitFor();
    await confirmWrite(page, lang);
    expect(await undoLabel(page, lang)).toMatch(/the 设置 \(settings\) sheet/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'en-settings-1-saved');
    expect(await axeViolations(page)).toEqual([]);
  });
});

/**
 * Any element of the panel (the 设置 screen) that ends beyond a 350 px pane's right edge: what it would
 * scroll or clip. The tab row above it is another matter (English tabs overflowing into a menu).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#panel *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > root.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className.split(' ')[0]} ends at ${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

describe.each(['zh-CN', 'en-US'] as const)('the 设置 screen in the Excel pane at 350 px (%s)', (lang) => {
  const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  let server: StaticServer;
  let session: Session;
  let fakeOfficeJs: string;

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'fake-office-'));
    try {
      await build({
        entryPoints: [resolve(__dirname, 'excel/fake-office.ts')],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2019',
        outfile: join(out, 'office.js'),
        logLevel: 'silent',
      });
      fakeOfficeJs = readFileSync(join(out, 'office.js'), 'utf8');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    server = await serveDist();
    session = await openSession({ locale: lang, viewport: { width: 350, height: 800 } });
    session.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('fits: no horizontal overflow with the mentor form and the mapping open', async () => {
    const { page, context, problems } = session;
    await context.route(CDN_OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOfficeJs }));
    const workbook = readFileSync(join(DIST, 'assets/sample-roster.xlsx')).toString('base64');
    await page.addInitScript((setup) => Object.assign(window, { __excelTest: setup }), { workbook, api: 12, language: lang });
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto(`${server.origin}/taskpane.html`);
    await button(page, lang, 'ui.action.check').click();
    await page.locator('#findings-title').waitFor();
    await openSettings(page, lang);
    await page.getByTestId('settings-roster').locator('#mapping-box').waitFor();
    await button(page, lang, 'settings.mentors.add').click();
    await page.getByTestId('mentor-form').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page
      .getByTestId('settings-view')
      .screenshot({ path: join(resolve(__dirname, '../../test-output/screenshots'), `${lang === 'zh-CN' ? 'zh' : 'en'}-settings-excel-350.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${lang === 'zh-CN' ? 'zh' : 'en'}-settings-excel-350-top`);
    expect(problems).toEqual([]);
  });
});
