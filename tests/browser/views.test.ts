/**
 * The pane's 结对, 今日 and 汇总 views in the standalone page with the bundled sample, as a teacher uses
 * them: generate the pairs from the sample's 帮扶人员 and see 结对帮扶 appear; choose "I am" from the list
 * (no typing) and see an overdue talk and next week's birthday; record a talk with a child and see the
 * row in 谈心记录; update the summary and see 统计汇总; download the de-identified copy and a roll-up and
 * read them back in Node. In Chinese and in English, with axe-core on every new screen (once each: on
 * this machine one axe run takes tens of seconds).
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { planPairing } from '../../src/core/pairing';
import { checkRoster, overrideFromSettings } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { unpairedLines } from '../../src/taskpane/views/pairingLogic';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURES } from '../fixtures/build-samples';
import { logRows } from '../fixtures/sample-term';
import { TODAY, axeViolations, screenshot, useServedSession } from './browser';
import { button, confirmWrite, expectedSampleCheck, idle, openSample, openTab, undoneWhat } from './flow';
import { DIST } from './server';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
/** 四(2)班's class teacher in the sample: 魏鑫's talk is overdue and 史雨桐 turns 11 next Monday (sample-term.ts). */
const TEACHER = '徐老师';
/** 谈心 entries in the sample's own 谈心记录, counted from what the builder wrote. */
const SAMPLE_TALKS = logRows(FIXTURES['sample-roster']().lines.map((l) => ('cells' in l ? l.cells : {}))).filter((r) => r[3] === '谈心').length;

/** 结对's unpaired lines on the sample, one per role and reason, from the pairing computed in Node; and how many places they cover. */
async function expectedUnpaired(lang: Lang): Promise<{ lines: string[]; places: number }> {
  const snapshot = await openXlsx(new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx')))).read();
  const check = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) ?? undefined });
  const { unpaired } = planPairing(snapshot, check.records, lang, { today: TODAY }).stats;
  return { lines: unpairedLines(lang, unpaired), places: unpaired.length };
}

function sheetTab(page: Page, lang: Lang, sheet: string) {
  return page.getByRole('tablist', { name: t(lang, 'ui.standalone.sheets') }).getByRole('tab', { name: sheet, exact: true });
}

describe.each(LANGS)('pane views in the standalone page (%s)', (lang) => {
  const { server, session } = useServedSession({ locale: lang });
  let downloads: string;
  const short = lang === 'zh-CN' ? 'zh' : 'en';

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'views-dl-'));
  });
  afterAll(async () => {
    rmSync(downloads, { recursive: true, force: true });
  });

  it('pairs, records a talk, updates the summary, exports and rolls up', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    const children = expected.records.length;
    await openSample(page, server.origin, lang);

    // 结对: coverage from a fresh read, then "生成结对" previews the template and the sheet before writing.
    await openTab(page, lang, 'views.tab.pairing');
    const coverage = page.getByTestId('pairing-coverage');
    await coverage.waitFor();
    await idle(page, lang);
    // Nothing is generated yet: the pane says so, and the computed coverage is a labelled preview, never the workbook's.
    const done = t(lang, 'views.pairing.withTeacher', { count: children, total: children, share: '100%' });
    expect(await coverage.textContent()).toContain(t(lang, 'views.pairing.heldNone'));
    expect(await page.getByText(done, { exact: true }).count()).toBe(0);
    const after = page.getByTestId('pairing-after');
    expect(await after.getByRole('heading').textContent()).toBe(t(lang, 'views.pairing.after'));
    expect(await after.textContent()).toContain(t(lang, 'views.pairing.after.withTeacher', { count: children, total: children, share: '100%' }));
    await page.getByRole('heading', { name: t(lang, 'views.pairing.loadsAfter'), exact: true }).waitFor();
    // The sample lists its mentors: no "fill in 帮扶人员" guide, and the preview writes 结对帮扶 only.
    expect(await page.getByTestId('pairing-mentors-guide').count()).toBe(0);
    await page.getByTestId('pairing-loads').waitFor();
    expect(await sheetTab(page, lang, SHEETS.pairing).count()).toBe(0);
    await button(page, lang, 'views.pairing.generate').click();
    const preview = page.getByRole('heading', { name: t(lang, 'views.pairing.previewTitle') });
    await preview.waitFor();
    expect(await page.getByText(t(lang, 'ui.preview.create', { sheet: SHEETS.mentors, count: 0 })).count()).toBe(0);
    expect(await page.getByText(t(lang, 'ui.preview.create', { sheet: SHEETS.pairing, count: children })).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-views-1-pairing`);
    await confirmWrite(page, lang);
    await sheetTab(page, lang, SHEETS.pairing).waitFor();
    // Every child has a teacher; 六(3)班's three lack a buddy and one key-focus child a proxy parent (sample-term.ts).
    await coverage.filter({ hasText: t(lang, 'views.pairing.withTeacher', { count: children, total: children, share: '100%' }) }).waitFor();
    expect(await coverage.textContent()).toContain(t(lang, 'views.pairing.withBuddy', { count: children - 3, total: children, share: '93.8%' }));
    expect(await coverage.textContent()).toContain(t(lang, 'views.pairing.withProxy', { count: 6, total: 7, share: '85.7%' }));
    // Written: the workbook holds what was previewed, so there is no preview left to show.
    expect(await coverage.textContent()).toContain(t(lang, 'views.pairing.heldCurrent'));
    expect(await after.count()).toBe(0);
    // Those left unpaired: one line per role and reason (六(3)班's three buddies are one line), not one per child.
    const unpaired = await expectedUnpaired(lang);
    expect(unpaired.places).toBe(4);
    expect(unpaired.lines.length).toBeLessThan(unpaired.places);
    expect(await page.getByTestId('pairing-unpaired').locator('li').allTextContents()).toEqual(unpaired.lines);

    // 今日: the teacher picks her name from 帮扶人员's list; it is remembered across visits.
    await openTab(page, lang, 'views.tab.today');
    const pick = page.getByRole('combobox', { name: t(lang, 'views.today.teacherPick') });
    await pick.waitFor();
    await idle(page, lang);
    await pick.selectOption(TEACHER);
    await button(page, lang, 'views.today.teacherSave').click();
    await page.getByTestId('today-teacher').filter({ hasText: TEACHER }).waitFor();
    await page.getByTestId('today-counts').waitFor();
    // Greeted once by title (徐老师, never 徐老师 老师); one talk is overdue (魏鑫) and others are due this
    // week (史雨桐's key-focus talk), so both badges call for action.
    expect(await page.locator('#today-title').textContent()).toBe(t(lang, 'views.today.hello', { teacher: TEACHER, today: TODAY }));
    expect(await page.getByTestId('today-counts').locator('[data-alarm="true"]').count()).toBe(2);
    expect(
      await page
        .getByTestId('today-counts')
        .getByText(t(lang, 'views.today.overdue', { count: 1 }))
        .count(),
    ).toBe(1);
    // Her overdue items, one card per child: each child once, each card's lines as many as its badge says.
    const cards = page.getByTestId('today-overdue-card');
    expect(await cards.count()).toBeGreaterThan(0);
    const cardChildren = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(cardChildren).size).toBe(cardChildren.length);
    let lateLines = 0;
    for (const card of await cards.all()) {
      const lines = await card.locator('ul > li').count();
      expect(await card.getByText(t(lang, 'views.today.overdue', { count: lines }), { exact: true }).count()).toBe(1);
      lateLines += lines;
    }
    expect(lateLines).toBe(1); // the badge above: 魏鑫's talk
    expect(await cards.first().getAttribute('aria-label')).toBe(t(lang, 'views.today.overdueCard', { child: '魏鑫' }));
    // Next Monday's birthday is among her items, without anything typed.
    expect(await page.getByText(t(lang, 'reminders.birthday')).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => Object.values(localStorage))).toEqual([TEACHER]);
    await openTab(page, lang, 'views.tab.pairing');
    await openTab(page, lang, 'views.tab.today');
    await page.getByTestId('today-teacher').filter({ hasText: TEACHER }).waitFor();
    await idle(page, lang);

    // Record a talk with one child found by part of the name.
    const child = expected.records[0];
    await page.getByRole('textbox', { name: t(lang, 'views.entry.child') }).fill(child.name.slice(1));
    await page.getByRole('button', { name: `${child.name}（${child.classLabel}）`, exact: true }).click();
    await page.getByTestId('entry-chosen').waitFor();
    await page.getByRole('textbox', { name: t(lang, 'views.entry.content') }).fill('聊了期中考试的情况');
    await button(page, lang, 'views.entry.record').click();
    await page.getByRole('heading', { name: t(lang, 'views.entry.previewTitle') }).waitFor();
    expect(await page.getByText(t(lang, 'views.preview.row', { date: TODAY, child: child.name, class: child.classLabel!, kind: t(lang, 'reminders.kind.talk') })).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-views-2-entry`);
    await confirmWrite(page, lang);
    await sheetTab(page, lang, SHEETS.log).click();
    const grid = page.getByRole('grid');
    // The new row is the last of the sample's two months: scroll the windowed grid down to it.
    await grid.hover();
    await page.mouse.wheel(0, 1_000_000);
    await grid.getByText('聊了期中考试的情况', { exact: true }).waitFor();
    // The reminders were recomputed from a fresh read after the write.
    await page.getByTestId('today-counts').waitFor();

    // 汇总: the headline figures for the term, then 统计汇总 and 工作报告 after a preview.
    await openTab(page, lang, 'views.tab.summary');
    const figures = page.getByTestId('summary-figures');
    await figures.waitFor();
    await idle(page, lang);
    const dd = figures.locator('dd');
    expect(await dd.first().textContent()).toBe(String(children));
    expect(await dd.nth(1).textContent()).toBe(String(SAMPLE_TALKS + 1)); // the sample's talks and the one just recorded
    await button(page, lang, 'views.summary.update').click();
    await page.getByRole('heading', { name: t(lang, 'views.summary.previewTitle') }).waitFor();
    const lines = page.locator('section[aria-labelledby="views-preview-title"] li');
    expect(await lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain(SHEETS.summary);
    expect(await lines.nth(1).textContent()).toContain(SHEETS.report);
    await confirmWrite(page, lang);
    await sheetTab(page, lang, SHEETS.summary).waitFor();
    await sheetTab(page, lang, SHEETS.report).waitFor();
    // 撤销上次操作: the file port kept the workbook as it was; both sheets go, and come back on a second write.
    // The pane's one undo names what it takes back, and says so once done.
    const what = undoneWhat(lang, (await page.getByTestId('undo-button').textContent()) ?? '');
    expect(what).toContain(SHEETS.summary);
    await page.getByTestId('undo-button').click();
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'undo.done', { what }) })
      .waitFor();
    await sheetTab(page, lang, SHEETS.summary).waitFor({ state: 'detached' });
    expect(await sheetTab(page, lang, SHEETS.report).count()).toBe(0);
    await idle(page, lang);
    await button(page, lang, 'views.summary.update').click();
    await confirmWrite(page, lang);
    await sheetTab(page, lang, SHEETS.summary).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-views-3-summary`);

    // 脱敏导出: a download whose sheets hold no child's full name; the open workbook is not changed.
    const sheetsBefore = await page
      .getByRole('tablist', { name: t(lang, 'ui.standalone.sheets') })
      .getByRole('tab')
      .count();
    const [exported] = await Promise.all([page.waitForEvent('download'), button(page, lang, 'views.summary.exportButton').click()]);
    const exportPath = join(downloads, 'export.xlsx');
    await exported.saveAs(exportPath);
    await idle(page, lang);
    const copy = await openXlsx(new Uint8Array(readFileSync(exportPath))).read();
    const text = JSON.stringify(copy.sheets.map((s) => s.values));
    expect(copy.sheets.length).toBeGreaterThan(0);
    for (const r of expected.records) if (r.name.length >= 2) expect(text.includes(r.name)).toBe(false);
    expect(
      await page
        .getByRole('tablist', { name: t(lang, 'ui.standalone.sheets') })
        .getByRole('tab')
        .count(),
    ).toBe(sheetsBefore);

    // Roll-up of two schools (the sample twice): the total counts both.
    const sample = join(DIST, 'assets/sample-roster.xlsx');
    const [rolled] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rollup-files').setInputFiles([
        { name: 'a.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(sample) },
        { name: 'b.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(sample) },
      ]),
    ]);
    const rollupPath = join(downloads, 'rollup.xlsx');
    await rolled.saveAs(rollupPath);
    await page
      .getByTestId('notice')
      .filter({ hasText: t(lang, 'views.summary.rollupDone', { schools: 2, children: children * 2, file: t(lang, 'views.summary.rollupFile') }) })
      .waitFor();
    const rollup = await openXlsx(new Uint8Array(readFileSync(rollupPath))).read();
    expect(rollup.sheets).toHaveLength(3);

    expect(problems).toEqual([]);
  });
});
