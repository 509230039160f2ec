/**
 * The 设置 screen and the pane's one undo, in the standalone page with the bundled sample (a teacher
 * without Excel, the grid read-only): a mentor added from the form reaches 帮扶人员 and 结对 offers them;
 * a term date changed reaches 设置 and 今日's items follow the new term; 生成校验结果 with marks is undone
 * and the roster is as it was; the undo button keeps its label across tabs. In the Excel pane: a key-focus
 * cadence set in the form is what 今日 and 提醒事项 count by; the screen fits 350 px. Screenshots at 350 px.
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import * as XLSX from '@e965/xlsx';
import type { Locator, Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { SHEETS } from '../../src/core/sheets';
import { axeViolations, paneSession, screenshot, TODAY, useServedSession } from './browser';
import { excelHost, openInExcel, openSampleInExcel, sheetValues } from './excel/open';
import { button, confirmWrite, expectedSampleCheck, idle, openSample, openTab, undoneWhat } from './flow';

const MENTOR = '陈静';
/** 一(1)班's class teacher on the sample's 帮扶人员 (tests/fixtures/sample-term.ts): the reminders of its children are hers. */
const CLASS_TEACHER = '陈老师';

async function openSettings(page: Page, lang: Lang): Promise<void> {
  await page.locator('#tab-settings').click();
  await page.getByTestId('settings-view').waitFor();
  await page.getByTestId('settings-mentors').waitFor();
  await idle(page, lang);
}

/** A section of the 设置 screen (a details element), unfolded by a click on its heading if it is folded. */
async function unfold(fold: Locator): Promise<Locator> {
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
  await fold.locator('> section').waitFor();
  return fold;
}

/** The input of a 设置 field (settings.field.<id>), its section unfolded. */
async function settingField(page: Page, id: string): Promise<Locator> {
  const input = page.locator(`[data-setting="${id}"]`);
  await unfold(page.locator('details', { has: input }));
  return input;
}

/**
 * Type `values` into the 设置 form (field id -> text), ask for the preview and wait for it: the sequence
 * every settings change here goes through. Returns the preview, not yet confirmed.
 */
async function previewSettings(page: Page, lang: Lang, values: Readonly<Record<string, string>>): Promise<Locator> {
  for (const [id, value] of Object.entries(values)) await (await settingField(page, id)).fill(value);
  await button(page, lang, 'settings.save').click();
  const preview = page.getByTestId('write-preview');
  await preview.getByText(t(lang, 'settings.preview.settings')).waitFor();
  return preview;
}

/** A screenshot of the page as a 350 px task pane shows it; the viewport is put back to `width` after. */
async function screenshotAt350(page: Page, name: string, before?: () => Promise<unknown>, width = 1280): Promise<void> {
  await page.setViewportSize({ width: 350, height: 800 });
  await before?.();
  await screenshot(page, name);
  await page.setViewportSize({ width, height: 800 });
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
  await openTab(page, lang, 'views.tab.today');
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
  const { server, session } = useServedSession({ locale: lang });

  it('adds a mentor that 结对 offers, changes the term and the talk cadence that 今日 follows, and each write can be undone from any tab', async () => {
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
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    expect(await undoLabel(page, lang)).toBe(label);
    await page.locator('table[aria-labelledby="pairing-loads"]').getByText(MENTOR, { exact: true }).waitFor();
    await openTab(page, lang, 'ui.tab.check');
    expect(await undoLabel(page, lang)).toBe(label);

    // 今日 for the class's teacher in the sample (陈老师, 帮扶人员), before and after the term is moved back to
    // 2026-08-17 (summer ending the day before) and talks are asked for weekly instead of every 14 days:
    // the sample's talks of 8–13 days ago become overdue.
    const overdueBefore = await overdueFor(page, lang, CLASS_TEACHER);
    await openSettings(page, lang);
    const preview = await previewSettings(page, lang, { termStart: '2026-08-17', summer: '2026-07-11~2026-08-16', talk: '7' });
    expect(await preview.getByText('2026-08-17', { exact: false }).count()).toBeGreaterThan(0);
    await screenshotAt350(page, 'zh-settings-1-preview', () => preview.scrollIntoViewIfNeeded());
    await confirmWrite(page, lang);
    expect(await undoLabel(page, lang)).toContain(SHEETS.settings);
    const overdueAfter = await overdueFor(page, lang, CLASS_TEACHER);
    expect(overdueAfter).toBeGreaterThan(overdueBefore);

    const workbook = await saved(page, lang);
    expect(rows(workbook, SHEETS.mentors).some((r) => r.includes(MENTOR) && r.includes('班主任') && r.includes(klass))).toBe(true);
    // The sample keeps its term dates as date cells (yyyy-mm-dd): the new one reads as the teacher typed it.
    const shown = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[SHEETS.settings], { header: 1, raw: false, defval: null });
    expect(shown.find((r) => r[0] === '本学期开始日期')?.[1]).toBe('2026-08-17');
    expect(String(rows(workbook, SHEETS.settings).find((r) => r[0] === '谈心周期（天）')?.[1])).toBe('7');
    expect(problems).toEqual([]);
  });

  it('undoes 生成校验结果 with marks after the tab changes: the roster is as it was', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    const roster = expected.layout.sheet;
    const before = await saved(page, lang);
    await openTab(page, lang, 'ui.tab.report');
    await page.getByRole('checkbox', { name: t(lang, 'ui.report.mark') }).check();
    await button(page, lang, 'ui.action.report').click();
    await page.locator('#preview-title').waitFor();
    await confirmWrite(page, lang);
    const label = await undoLabel(page, lang);
    expect(label).toContain(SHEETS.findings);
    expect(label).toContain(roster);
    expect(notes(await saved(page, lang), roster).length).toBeGreaterThan(notes(before, roster).length);

    await openTab(page, lang, 'views.tab.summary');
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    expect(await undoLabel(page, lang)).toBe(label);
    await screenshotAt350(page, 'zh-settings-2-undo');
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
  const { server, session } = useServedSession({ locale: lang });

  it('names what the undo button undoes in English, the sheet glossed', async () => {
    const { page } = session;
    await openSample(page, server.origin, lang);
    await page.setViewportSize({ width: 350, height: 800 });
    await openSettings(page, lang);
    // At 350 px the screen is a list of folded sections, but for the mentors.
    const folds = page.getByTestId('settings-view').locator('details');
    expect(await folds.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))).toEqual([true, false, false, false, false, false]);
    await screenshot(page, 'en-settings-0-folded');
    // A wrong value in a section folded again before saving: saving opens it, says what is wrong and puts the cursor there.
    const capacity = await settingField(page, 'capacity.teachers');
    await capacity.fill('many');
    await page.getByTestId('settings-capacity').locator('summary').click();
    await capacity.waitFor({ state: 'hidden' });
    await button(page, lang, 'settings.save').click();
    await page.getByTestId('settings-capacity').getByText(t(lang, 'settings.invalid.count')).waitFor();
    await expect(capacity.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await page.getByTestId('write-preview').count()).toBe(0);
    await capacity.fill('3');
    await previewSettings(page, lang, { schoolName: 'Shiqiao Primary' });
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
  const host = excelHost();
  const session = paneSession({ locale: lang, viewport: { width: 350, height: 800 } });

  it('fits: no horizontal overflow with the mentor form and the mapping open', async () => {
    const { page, problems } = session;
    await openSampleInExcel(session, host, lang, 12);
    await button(page, lang, 'ui.action.check').click();
    await page.locator('#findings-title').waitFor();
    await openSettings(page, lang);
    await screenshot(page, `${lang === 'zh-CN' ? 'zh' : 'en'}-settings-excel-350-folded`);
    // Every section unfolded, the mapping editor and the mentor form open.
    for (const fold of await page.getByTestId('settings-view').locator('details').all()) await unfold(fold);
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

/**
 * A class of two written by SheetJS: 李明 is a key-focus child (是否重点帮扶 是), 张华 is not; 王芳 is their
 * class teacher; both had a talk on 2026-10-15. No 设置 yet: the form's first save creates it.
 */
function keyFocusClass(): Buffer {
  const book = XLSX.utils.book_new();
  const sheet = (rows: unknown[][], name: string) => XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  sheet(
    [
      ['姓名', '性别', '出生日期', '班级', '监护人姓名', '监护人电话', '是否重点帮扶'],
      ['李明', '男', '2016-03-12', '三(1)班', '李大山', '13812345678', '是'],
      ['张华', '女', '2016-05-20', '三(1)班', '张桂英', '13912345678', '否'],
    ],
    '花名册',
  );
  sheet(
    [
      ['姓名', '类别', '班级', '联系电话', '可帮扶人数'],
      ['王芳', '班主任', '三(1)班', '13700001111', 3],
    ],
    SHEETS.mentors,
  );
  sheet(
    [
      ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'],
      ['2026-10-15', '李明', '三(1)班', '谈心', '学生', '王芳', '谈学习', '否', ''],
      ['2026-10-15', '张华', '三(1)班', '谈心', '学生', '王芳', '谈学习', '否', ''],
    ],
    SHEETS.log,
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('a key-focus cadence from the 设置 screen in the Excel pane (zh-CN)', () => {
  const host = excelHost();
  const lang: Lang = 'zh-CN';
  const today = '2026-10-20';
  const session = paneSession({ locale: lang });

  it('is what 今日 and 提醒事项 count by: a talk five days ago is due this week, and overdue for a key-focus child every 3 days', async () => {
    const { page, problems } = session;
    // At ExcelApi 1.12 the pane keeps the undo itself (at 1.20 it is Excel's own): its button names 设置.
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: keyFocusClass(), lang, api: 12, today });
    const overdueBefore = await overdueFor(page, lang, '王芳');

    await openSettings(page, lang);
    const field = t(lang, 'settings.field.keyFocusTalk');
    const preview = await previewSettings(page, lang, { keyFocusTalk: '3' });
    await preview.getByText(t(lang, 'settings.preview.change', { field, before: t(lang, 'settings.preview.blank'), after: '3' })).waitFor();
    await confirmWrite(page, lang);
    expect(await undoLabel(page, lang)).toContain(SHEETS.settings);
    expect((await sheetValues(page, SHEETS.settings))?.find((r) => r[0] === '重点帮扶对象谈心周期（天）')?.[1]).toBe(3);

    // 今日: one more overdue item, 李明's talk; 张华's stays due this week.
    expect(await overdueFor(page, lang, '王芳')).toBe(overdueBefore + 1);

    // 提醒事项, written by 汇总's 一键更新全部, says the same.
    await openTab(page, lang, 'views.tab.summary');
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    await button(page, lang, 'views.summary.updateAll').click();
    await page.getByTestId('write-preview').waitFor();
    await confirmWrite(page, lang);
    const reminders = (await sheetValues(page, SHEETS.reminders)) ?? [];
    const talk = t(lang, 'reminders.kind.talk');
    const talkOf = (child: string) => reminders.filter((r) => r[2] === child && String(r[4]).includes(talk));
    expect(talkOf('李明').map((r) => r[0])).toEqual([t(lang, 'reminders.status.overdue')]);
    expect(String(talkOf('李明')[0][6])).toContain(t(lang, 'reminders.note.keyFocus'));
    expect(talkOf('张华').map((r) => r[0])).toEqual([t(lang, 'reminders.status.thisWeek')]);
    expect(problems).toEqual([]);
  });
});

describe('a notice about the roster opens 设置 at its roster section (zh-CN, Excel pane)', () => {
  const host = excelHost();
  const lang: Lang = 'zh-CN';
  const session = paneSession({ locale: lang, viewport: { width: 350, height: 800 } });

  it('in a workbook without a roster: the button in the notice shows the sheets to tick, unfolded', async () => {
    const { page, problems } = session;
    const workbook = readFileSync(resolve(__dirname, '../fixtures/no-roster.xlsx'));
    await openInExcel(session, { origin: host.origin, script: host.script, workbook, lang, api: 12, today: TODAY });
    await button(page, lang, 'ui.action.check').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-view').waitFor();
    await page.getByTestId('settings-roster').getByText(t(lang, 'settings.roster.pick'), { exact: true }).waitFor();
    const open = await page
      .getByTestId('settings-view')
      .locator('details')
      .evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).map((d) => d.getAttribute('data-testid')));
    expect(open).toEqual(['settings-mentors', 'settings-roster']);
    await screenshot(page, 'zh-settings-excel-350-roster-notice');
    expect(problems).toEqual([]);
  });
});
