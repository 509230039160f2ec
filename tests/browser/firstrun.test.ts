/**
 * A teacher's first minutes (issue 15): `npm start` opens standalone.html?sample=1, and the sample is
 * already checked — the findings listed in the pane and drawn on the sheet view — without a click and
 * without anything to save; a teacher's own file waits for her 检查花名册. On the sample the pane shows
 * the numbered first steps (1 检查 → 5 汇总), each going to its tab and ticked when done, closed for good
 * with 不再显示; in Excel only a workbook whose 设置 gives a 示例日期 (the sample's) shows them, and they fit 350 px.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { ERROR_FILL, WARNING_FILL } from '../../src/core/roster/plans';
import { axeViolations, operationStarts, paneSession, screenshot, TODAY } from './browser';
import { excelHost, openInExcel, openSampleInExcel } from './excel/open';
import { misfits } from './fit';
import { button, cellName, expectedSampleProblems, idle, openTab } from './flow';
import { sampleDate } from '../../src/core/settings';
import { openXlsx } from '../../src/workbook/file';
import { DIST } from './server';

const LANG: Lang = 'zh-CN';
const host = excelHost();
const session = paneSession({ locale: LANG }, 'test');

describe('npm start: the sample opens checked', () => {
  it('lists the findings and marks their cells on the sheet view, without any click', async () => {
    const { page, problems } = session;
    const { check: expected, workbook } = await expectedSampleProblems();
    await page.goto(`${host.origin}/standalone.html?sample=1&today=${TODAY}`);
    const heading = page.locator('#findings-title');
    await heading.waitFor();
    await idle(page, LANG);
    // The count is 校验结果's: the roster's findings and those of the add-in's own sheets (one count everywhere).
    expect(await heading.textContent()).toBe(t(LANG, 'ui.findings.title', { count: workbook.counts.total }));
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);

    // The cells in view that carry a finding are drawn as the add-in's marks (a fill and a note), and only they.
    const fills = new Map<string, string>();
    for (const f of expected.findings) {
      if (f.col === null || f.sheet !== expected.layout.sheet) continue;
      const name = cellName(f.row, f.col);
      if (f.severity === 'error' || !fills.has(name)) fills.set(name, f.severity === 'error' ? ERROR_FILL : WARNING_FILL);
    }
    const drawn = await page
      .getByRole('grid')
      .locator('[data-note]')
      .evaluateAll((cells) => cells.map((c) => [(c as HTMLElement).dataset.cell, (c as HTMLElement).dataset.fill]));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).toEqual(drawn.map(([cell]) => [cell, fills.get(cell!)]));
    await screenshot(page, 'firstrun-1-checked');

    // Nothing was written: no unsaved mark, and leaving the page asks nothing.
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(await page.title()).not.toMatch(/^\*/);
    // Chromium prompts before unload only on a page the user has touched: a click in the grid (which writes nothing) first.
    await page.getByRole('grid').click();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.reload();
    await heading.waitFor();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('checks the sample again when 加载示例花名册 opens it, and a teacher own file is not checked behind her back', async () => {
    const { page } = session;
    await page.goto(`${host.origin}/standalone.html?today=${TODAY}`);
    await page.getByRole('button', { name: t(LANG, 'ui.standalone.sample'), exact: true }).click();
    await page.locator('#findings-title').waitFor();
    await idle(page, LANG);
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);

    await page.locator('input[type="file"]').setInputFiles(join(__dirname, '../fixtures/defective.xlsx'));
    await page.getByTestId('file-name').filter({ hasText: 'defective.xlsx' }).waitFor();
    await page.getByText(t(LANG, 'ui.check.intro'), { exact: true }).waitFor();
    expect(await page.locator('#findings-title').count()).toBe(0);
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);
    expect(await page.getByRole('grid').locator('[data-note]').count()).toBe(0);
    expect(await page.getByTestId('first-steps').count()).toBe(0); // her own file gets no tutorial
  });
});

/** The tabs each step opens, and what shows once that tab has read the workbook. */
const STEPS = [
  { step: 'check', ready: '#findings-title' },
  { step: 'report', ready: null },
  { step: 'pairing', ready: '[data-testid="pairing-coverage"]' },
  { step: 'today', ready: null },
  { step: 'summary', ready: '[data-testid="summary-figures"]' },
] as const;

const guide = (page: Page) => page.getByTestId('first-steps');
const stepButton = (page: Page, step: string) => guide(page).locator(`button[data-step="${step}"]`);

/** Press each step in turn: its tab is shown and the step is ticked; then every step is done. */
async function walkSteps(page: Page, lang: Lang): Promise<void> {
  for (const { step, ready } of STEPS) {
    await stepButton(page, step).click();
    await page.locator(`#panel[aria-labelledby="tab-${step}"]`).waitFor();
    expect(await page.locator(`#tab-${step}`).getAttribute('aria-selected')).toBe('true');
    // In Excel the teacher checks; the standalone page has checked the sample already.
    if (step === 'check' && (await page.locator(ready).count()) === 0) await button(page, lang, 'ui.action.check').click();
    if (ready) await page.locator(ready).first().waitFor();
    await idle(page, lang);
    await stepButton(page, step).and(page.locator('[data-done="true"]')).waitFor();
    expect(await stepButton(page, step).getAttribute('aria-current')).toBe('step');
  }
  expect(await guide(page).locator('[data-done="true"]').count()).toBe(5);
  await guide(page).getByText(t(lang, 'firstSteps.allDone')).waitFor();
}

describe('npm start: the sample is seen on its own day', () => {
  // The page's clock says nothing about a demo: the sample's 设置 gives 示例日期, and its overdue items and
  // birthday are those of that day whenever it is opened — unless ?today= names another.
  it("takes 设置's 示例日期 as today when the page is given no ?today=, and ?today= over it", async () => {
    const { page } = session;
    const day = sampleDate(await openXlsx(new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx')))).read());
    expect(day).not.toBeNull();
    const greeting = async (url: string) => {
      await page.goto(url);
      await page.locator('#findings-title').waitFor();
      await idle(page, LANG);
      await openTab(page, LANG, 'views.tab.today');
      const pick = page.getByRole('combobox', { name: t(LANG, 'views.today.teacherPick') });
      await Promise.race([pick.waitFor(), page.locator('#today-title').waitFor()]);
      if (await pick.isVisible()) {
        await pick.selectOption('徐老师');
        await button(page, LANG, 'views.today.teacherSave').click();
      }
      return page.locator('#today-title').textContent();
    };
    expect(await greeting(`${host.origin}/standalone.html?sample=1`)).toBe(t(LANG, 'views.today.hello', { teacher: '徐老师', today: day! }));
    expect(await greeting(`${host.origin}/standalone.html?sample=1&today=2027-01-04`)).toBe(t(LANG, 'views.today.hello', { teacher: '徐老师', today: '2027-01-04' }));
  });
});

describe('in Excel the sample is seen on its own day too', () => {
  // Excel's clock is months past the sample's term: without the rule every child would be long overdue.
  const LATER = '2027-03-15';
  const greeting = async (page: Page) => {
    await openTab(page, LANG, 'views.tab.today');
    const pick = page.getByRole('combobox', { name: t(LANG, 'views.today.teacherPick') });
    const typed = page.getByRole('textbox', { name: t(LANG, 'views.today.teacherInput') });
    await Promise.race([pick.waitFor(), typed.waitFor(), page.locator('#today-title').waitFor()]);
    await idle(page, LANG);
    if (await pick.isVisible()) await pick.selectOption({ index: 0 });
    if (await typed.isVisible()) await typed.fill('王老师');
    if (await button(page, LANG, 'views.today.teacherSave').isVisible()) await button(page, LANG, 'views.today.teacherSave').click();
    return (await page.locator('#today-title').textContent()) ?? '';
  };

  it("takes 设置's 示例日期 as today whatever the clock says, and says so in one line", async () => {
    const { page, problems } = session;
    const day = sampleDate(await openXlsx(new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx')))).read())!;
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(join(DIST, 'assets/sample-roster.xlsx')), lang: LANG, api: 20, today: LATER });
    const line = page.getByTestId('sample-day');
    await line.waitFor();
    expect(await line.textContent()).toBe(t(LANG, 'firstSteps.sampleDay', { date: day }));
    const hello = await greeting(page);
    expect(hello).toContain(day);
    expect(hello).not.toContain(LATER);
    // The check computes on that day too: the 今日 badge counts the sample's overdue items, not months of them.
    await openTab(page, LANG, 'ui.tab.check');
    await button(page, LANG, 'ui.action.check').click();
    await page.locator('#findings-title').waitFor();
    await idle(page, LANG);
    expect(await line.textContent()).toBe(t(LANG, 'firstSteps.sampleDay', { date: day }));
    // 汇总 before 生成结对: the sample holds no pairs, so 有帮扶教师 is 0 and the computed figure is labelled as after generating.
    await openTab(page, LANG, 'views.tab.summary');
    const figures = page.getByTestId('summary-figures');
    await figures.waitFor();
    await idle(page, LANG);
    const terms = await figures.locator('dt').allTextContents();
    const values = await figures.locator('dd').allTextContents();
    expect(values[terms.indexOf(t(LANG, 'views.summary.pairCoverage'))]).toBe(t(LANG, 'views.summary.shareValue', { count: 0, share: '0%' }));
    expect(terms).toContain(t(LANG, 'views.summary.pairCoverageAfter'));
    expect(problems).toEqual([]);
  });

  it("keeps the clock's date for a school's own workbook, and says nothing about a sample", async () => {
    const { page } = session;
    await openInExcel(session, {
      origin: host.origin,
      script: host.script,
      workbook: readFileSync(join(__dirname, '../fixtures/defective.xlsx')),
      lang: LANG,
      api: 20,
      today: LATER,
    });
    await button(page, LANG, 'ui.action.check').click();
    await page.locator('#findings-title').waitFor();
    await idle(page, LANG);
    expect(await greeting(page)).toContain(LATER);
    expect(await page.getByTestId('sample-day').count()).toBe(0);
  });
});

describe('the first steps through the sample', () => {
  it('in the standalone page: step 1 already done, each step goes to its tab and is ticked, 不再显示 is remembered', async () => {
    const { page, problems } = session;
    await page.goto(`${host.origin}/standalone.html?sample=1&today=${TODAY}`);
    await guide(page).waitFor();
    await page.locator('#findings-title').waitFor();
    await stepButton(page, 'check').and(page.locator('[data-done="true"]')).waitFor();
    expect(await guide(page).locator('[data-done="true"]').count()).toBe(1);
    await walkSteps(page, LANG);

    await guide(page)
      .getByRole('button', { name: t(LANG, 'firstSteps.dismiss') })
      .click();
    await guide(page).waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('#findings-title').waitFor();
    expect(await guide(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  describe.each(['zh-CN', 'en-US'] as const)('in Excel at 350 px (%s)', (lang) => {
    const excel = paneSession({ locale: lang, viewport: { width: 350, height: 800 } }, 'test');

    it('shows them on the sample (its 设置 gives a 示例日期), fitting the pane, each step to its tab', async () => {
      const { page, problems } = excel;
      await openSampleInExcel(excel, host, lang);
      await guide(page).waitFor();
      expect(await guide(page).locator('[data-done="true"]').count()).toBe(0); // Excel does not check behind her back
      expect(await misfits(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${lang === 'zh-CN' ? 'zh' : 'en'}-firstrun-excel-350`);
      await walkSteps(page, lang);
      expect(await misfits(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('shows none on a teacher own workbook', async () => {
      const { page } = excel;
      await openInExcel(excel, { origin: host.origin, script: host.script, workbook: readFileSync(join(__dirname, '../fixtures/defective.xlsx')), lang, api: 20, today: TODAY });
      await button(page, lang, 'ui.action.check').click();
      await page.locator('#findings-title').waitFor();
      await idle(page, lang);
      expect(await guide(page).count()).toBe(0);
    });
  });
});
