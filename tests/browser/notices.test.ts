/**
 * Notices shown where the teacher clicked (issue 15): in the Excel pane at 350×800 on the sample, an
 * operation's outcome is drawn beside the button that started it — in the same section, inside the
 * viewport even when the button is far down the pane — and the top area under the tabs shows nothing for
 * it. A failing write says so there too. What has no on-screen origin any more (a notice whose tab the
 * teacher left) goes back to the top. axe stays clean.
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { Locator, Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { SHEETS } from '../../src/core/sheets';
import { axeViolations, openSession, screenshot, TODAY, type Session } from './browser';
import { excelHost, openInExcel } from './excel/open';
import { button, idle, openTab } from './flow';
import { DIST } from './server';

interface NoticePlace {
  /** How many notices the pane draws (one operation's outcome: one). */
  readonly count: number;
  /** The origin of the slot the notice is in; null: the pane's top area. */
  readonly origin: string | null;
  /** The slot's section (its parent) holds the control the teacher pressed. */
  readonly besideControl: boolean;
  /** In the tab panel, not above the tabs. */
  readonly inPanel: boolean;
  /** Wholly inside the viewport (the teacher sees it without scrolling). */
  readonly onScreen: boolean;
}

/** Where the pane drew its notice, measured against `control` (the button that started the operation). */
async function noticePlace(page: Page, control: Locator): Promise<NoticePlace> {
  return control.evaluate((pressed) => {
    const notices = [...document.querySelectorAll<HTMLElement>('[data-testid="notice"]')];
    const notice = notices[0];
    const slot = notice?.closest<HTMLElement>('[data-status-origin]') ?? null;
    const r = notice?.getBoundingClientRect();
    return {
      count: notices.length,
      origin: slot?.dataset.statusOrigin ?? null,
      besideControl: Boolean(slot?.parentElement?.contains(pressed)),
      inPanel: Boolean(notice && document.getElementById('panel')?.contains(notice)),
      // A pixel of slack: scrollIntoView leaves fractional boxes (bottom 800.09 in an 800 px viewport).
      onScreen: Boolean(r && r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1),
    };
  });
}

function notice(page: Page, lang: Lang, key: string): Locator {
  return page.getByTestId('notice').filter({ hasText: t(lang, key) });
}

describe.each(['zh-CN', 'en-US'] as const)('notices beside the button pressed, Excel pane at 350×800 (%s)', (lang: Lang) => {
  const host = excelHost();
  const short = lang === 'zh-CN' ? 'zh' : 'en';
  let session: Session;

  beforeAll(async () => {
    session = await openSession({ locale: lang, viewport: { width: 350, height: 800 } });
    session.page.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('生成结对: a refused write and then the pairs written are said under the button, not at the top', async () => {
    const { page, problems } = session;
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(join(DIST, 'assets/sample-roster.xlsx')), lang, api: 12, today: TODAY });
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    const generate = button(page, lang, 'views.pairing.generate');

    // While it runs, its progress and Cancel are under the button, and nowhere else: with the page's timers
    // paused the operation waits at its first frame (useOperation's nextFrame), drawn as running.
    await page.clock.pauseAt(new Date(`${TODAY}T10:00:01`));
    await generate.click();
    await page.waitForFunction(
      (cancel) => {
        const slot = document.querySelector('[data-status-origin="pairing"]');
        const buttons = [...document.querySelectorAll('button')].filter((b) => b.textContent === cancel);
        return document.querySelectorAll('[role="progressbar"]').length === 1 && !!slot?.querySelector('[role="progressbar"]') && buttons.length === 1 && slot.contains(buttons[0]);
      },
      t(lang, 'ui.action.cancel'),
      { polling: 100 },
    );
    await page.clock.resume();
    await page.getByTestId('write-preview').waitFor();
    await idle(page, lang);
    await button(page, lang, 'ui.action.cancelPreview').click();

    // Someone protects the workbook's structure while the preview is open: adding 结对帮扶 is refused.
    await generate.click();
    await page.getByTestId('write-preview').waitFor();
    await page.evaluate(() => {
      (window as unknown as { __excelDouble: { state: { structureProtected: boolean } } }).__excelDouble.state.structureProtected = true;
    });
    await button(page, lang, 'ui.action.confirm').click();
    await page.locator('[data-status-origin="pairing"] [data-testid="notice"]').waitFor();
    await idle(page, lang);
    expect(await page.getByTestId('notice').textContent()).not.toContain(t(lang, 'ui.written.done'));
    expect(await noticePlace(page, generate)).toEqual({ count: 1, origin: 'pairing', besideControl: true, inPanel: true, onScreen: true });
    expect(
      await page.evaluate(
        (sheet) => (window as unknown as { __excelDouble: { state: { sheet(n: string): unknown } } }).__excelDouble.state.sheet(sheet) !== undefined,
        SHEETS.pairing,
      ),
    ).toBe(false);

    await page.evaluate(() => {
      (window as unknown as { __excelDouble: { state: { structureProtected: boolean } } }).__excelDouble.state.structureProtected = false;
    });
    await generate.click();
    await page.getByTestId('write-preview').waitFor();
    await button(page, lang, 'ui.action.confirm').click();
    await notice(page, lang, 'ui.written.done').waitFor();
    await idle(page, lang);
    expect(await noticePlace(page, generate)).toEqual({ count: 1, origin: 'pairing', besideControl: true, inPanel: true, onScreen: true });
    await screenshot(page, `${short}-notice-pairing-350`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("汇总's 导出脱敏副本, far down the view: the notice is under that button and scrolled into sight", async () => {
    const { page, problems } = session;
    await openTab(page, lang, 'views.tab.summary');
    await page.getByTestId('summary-figures').waitFor();
    await idle(page, lang);
    const exportButton = button(page, lang, 'views.summary.exportButton');
    await page.evaluate(() => window.scrollTo(0, 0));
    // At 350×800 the button is below the fold until the teacher scrolls to it.
    // Scrolled just far enough to see it at the bottom edge, so that whatever is drawn under it starts off-screen.
    await exportButton.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await exportButton.click();
    await notice(page, lang, 'views.summary.exportedExcel').waitFor();
    await idle(page, lang);
    expect(await noticePlace(page, exportButton)).toEqual({ count: 1, origin: 'summary-export', besideControl: true, inPanel: true, onScreen: true });
    // Nothing under the tabs: the top of the pane is out of sight, and would say nothing anyway.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await screenshot(page, `${short}-notice-export-350`);
    expect(problems).toEqual([]);
  });

  it('the undo says it is done beside itself; a notice whose view was left goes to the top, its 设置 button working', async () => {
    const { page, problems } = session;
    await page.getByTestId('undo-button').click();
    await page.locator('[data-status-origin="undo"] [data-testid="notice"]').waitFor();
    await idle(page, lang);
    const tabs = page.getByRole('tablist').first();
    expect(await noticePlace(page, tabs)).toMatchObject({ count: 1, origin: 'undo', inPanel: false, onScreen: true });

    // A workbook without a roster: 检查's notice is beside 检查. Another tab (生成校验结果 reads nothing, so the
    // notice stands) has no place for it: it goes to the top, where its 设置 button still works.
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(resolve(__dirname, '../fixtures/no-roster.xlsx')), lang, api: 12, today: TODAY });
    const check = button(page, lang, 'ui.action.check');
    await check.click();
    await page.getByTestId('open-settings').waitFor();
    await idle(page, lang);
    expect(await noticePlace(page, check)).toEqual({ count: 1, origin: 'check', besideControl: true, inPanel: true, onScreen: true });
    await openTab(page, lang, 'ui.tab.report');
    await button(page, lang, 'ui.action.report').waitFor();
    expect(await noticePlace(page, tabs)).toMatchObject({ count: 1, origin: null, inPanel: false, onScreen: true });
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-view').waitFor();
    await idle(page, lang);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("检查's mapping 保存, far below the preview it opens: the preview takes the focus, and the write is said where 确认写入 was", async () => {
    const { page, problems } = session;
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(join(DIST, 'assets/sample-roster.xlsx')), lang, api: 12, today: TODAY });
    await button(page, lang, 'ui.action.check').click();
    await page.locator('#findings-title').waitFor();
    await idle(page, lang);
    await page.locator('#mapping-toggle').click();
    const field = page.locator('#mapping-box select').last();
    await field.selectOption((await field.inputValue()) === '' ? { index: 1 } : '');
    const save = button(page, lang, 'ui.mapping.save');
    await save.click();
    const preview = page.getByTestId('check-preview');
    await preview.waitFor();
    await idle(page, lang);
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    await button(page, lang, 'ui.action.confirm').click();
    await notice(page, lang, 'ui.written.done').waitFor();
    await idle(page, lang);
    expect(await noticePlace(page, page.locator('#panel'))).toMatchObject({ count: 1, origin: 'preview', inPanel: true, onScreen: true });
    await screenshot(page, `${short}-notice-mapping-350`);
    expect(problems).toEqual([]);
  });

  it("设置's 预览写入设置 below the folded sections: the preview opens at the top and the write is said under it", async () => {
    const { page, problems } = session;
    await page.locator('#tab-settings').click();
    await page.getByTestId('settings-view').waitFor();
    await page.getByTestId('settings-mentors').waitFor();
    await idle(page, lang);
    const input = page.locator('[data-setting="schoolName"]');
    const fold = page.locator('details', { has: input });
    if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
    await input.fill(lang === 'zh-CN' ? '青山小学' : 'Qingshan Primary');
    const save = button(page, lang, 'settings.save');
    await save.click();
    const preview = page.getByTestId('write-preview');
    await preview.getByText(t(lang, 'settings.preview.settings')).waitFor();
    await idle(page, lang);
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    await button(page, lang, 'ui.action.confirm').click();
    await notice(page, lang, 'ui.written.done').waitFor();
    await idle(page, lang);
    expect(await noticePlace(page, save)).toEqual({ count: 1, origin: 'settings', besideControl: true, inPanel: true, onScreen: true });
    await screenshot(page, `${short}-notice-settings-350`);
    expect(problems).toEqual([]);
  });
});
