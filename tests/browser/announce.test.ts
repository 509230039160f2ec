/**
 * Notices reach a screen reader (issue 15): Fluent's MessageBar speaks through the AriaLiveAnnouncer at the
 * pane's root (PaneRoot) — with document.ariaNotify where the browser has it (this Chromium, Edge's WebView2),
 * else through a visually hidden live region Fluent appends to the body. Both ways are driven here in the
 * Excel pane on the sample: 生成结对 refused (the workbook's structure protected) is said at high priority,
 * the pairs written at normal priority, each once — and not again when the notice moves to the top area.
 * The standalone page, the other host under PaneRoot, says the pairs written too.
 *
 * What is observed: every call of the page's own document.ariaNotify (recorded, then passed on), or every
 * text the live region is given while it is in the accessibility tree (aria-live set, not aria-hidden).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { axeViolations, paneSession, TODAY, useServedSession } from './browser';
import { excelHost, openInExcel } from './excel/open';
import { button, confirmWrite, idle, openSample, openTab } from './flow';
import { DIST } from './server';

interface Announcement {
  readonly message: string;
  /** ariaNotify's priority, or the live region's aria-live. */
  readonly priority: string;
}

type Way = 'ariaNotify' | 'live region';

/** Before the pane's scripts: record what is announced, the one way or the other. */
function recordAnnouncements(way: Way): void {
  const record: Announcement[] = [];
  Object.assign(window, { __announced: record });
  type Notify = (message: string, options?: { priority?: string }) => void;
  const proto = Document.prototype as unknown as { ariaNotify?: Notify };
  const native = proto.ariaNotify;
  if (way === 'ariaNotify') {
    if (!native) throw new Error('this browser has no document.ariaNotify');
    proto.ariaNotify = function (this: Document, message, options) {
      record.push({ message, priority: options?.priority ?? 'normal' });
      native.call(this, message, options);
    };
    return;
  }
  // As a browser without ariaNotify: Fluent falls back to its live region.
  delete proto.ariaNotify;
  let last = '';
  new MutationObserver(() => {
    const regions = [...document.querySelectorAll<HTMLElement>('body > [aria-live]')].filter((el) => !el.closest('[aria-hidden="true"]'));
    // innerText: the lines as Fluent set them (a line break becomes a <br>, which textContent drops).
    const text = regions
      .map((el) => el.innerText)
      .join('')
      .trim();
    if (text && text !== last) record.push({ message: text, priority: regions.map((el) => el.getAttribute('aria-live')).join() });
    last = text;
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

function announced(page: Page): Promise<Announcement[]> {
  return page.evaluate(() => (window as unknown as { __announced: Announcement[] }).__announced.splice(0));
}

/** The notice on screen as the teacher reads it: its lines, one a line. */
function noticeText(page: Page): Promise<string> {
  return page.getByTestId('notice').locator('.fui-MessageBarBody').innerText();
}

/** Waits until something was announced (or the step's timeout) and takes what was. */
async function nextAnnouncements(page: Page): Promise<Announcement[]> {
  await page.waitForFunction(() => (window as unknown as { __announced: Announcement[] }).__announced.length > 0, undefined, { polling: 50 });
  // Fluent's live region batches what is said in one tick; let it say anything else it was going to.
  await settle(page);
  return announced(page);
}

/** Past Fluent's live-region cycle (a 0 ms batch, 500 ms shown) and the effects of the last render. */
function settle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => setTimeout(done, 800)));
}

function setStructureProtected(page: Page, value: boolean): Promise<void> {
  return page.evaluate((v) => {
    (window as unknown as { __excelDouble: { state: { structureProtected: boolean } } }).__excelDouble.state.structureProtected = v;
  }, value);
}

describe.each([
  ['ariaNotify', 'zh-CN'],
  ['live region', 'en-US'],
] as const)('notices announced through %s, Excel pane at 350×800 (%s)', (way: Way, lang: Lang) => {
  const host = excelHost();
  const session = paneSession({ locale: lang, viewport: { width: 350, height: 800 } });

  it('生成结对 refused, then written: each notice is announced once, at its politeness', async () => {
    const { page, problems } = session;
    await page.addInitScript(recordAnnouncements, way);
    await openInExcel(session, { origin: host.origin, script: host.script, workbook: readFileSync(join(DIST, 'assets/sample-roster.xlsx')), lang, api: 12, today: TODAY });
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    await settle(page);
    await announced(page); // whatever opening said
    const generate = button(page, lang, 'views.pairing.generate');

    await generate.click();
    await page.getByTestId('write-preview').waitFor();
    await setStructureProtected(page, true);
    await button(page, lang, 'ui.action.confirm').click();
    await page.locator('[data-status-origin="pairing"] [data-testid="notice"]').waitFor();
    await idle(page, lang);
    const refused = await noticeText(page);
    expect(refused).not.toContain(t(lang, 'ui.written.done'));
    // ariaNotify: high priority (Fluent's alert); the fallback region is always assertive.
    expect(await nextAnnouncements(page)).toEqual([way === 'ariaNotify' ? { message: refused, priority: 'high' } : { message: `${refused}.`, priority: 'assertive' }]);

    await setStructureProtected(page, false);
    await generate.click();
    await page.getByTestId('write-preview').waitFor();
    await confirmWrite(page, lang);
    const written = await noticeText(page);
    expect(await nextAnnouncements(page)).toEqual([way === 'ariaNotify' ? { message: written, priority: 'normal' } : { message: `${written}.`, priority: 'assertive' }]);
    expect(await axeViolations(page)).toEqual([]);

    // The view left: the notice is drawn at the top instead, and is not said again.
    await openTab(page, lang, 'ui.tab.report');
    await button(page, lang, 'ui.action.report').waitFor();
    await page
      .locator('[data-testid="notice"]:not([data-status-origin] *)')
      .filter({ hasText: t(lang, 'ui.written.done') })
      .waitFor();
    await settle(page);
    expect(await announced(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('notices announced in the standalone page (zh-CN)', () => {
  const lang: Lang = 'zh-CN';
  const { server, session } = useServedSession({ locale: lang });

  it('生成结对 written is announced once', async () => {
    const { page, problems } = session;
    page.setDefaultTimeout(30_000);
    const way: Way = 'ariaNotify';
    await page.addInitScript(recordAnnouncements, way);
    await openSample(page, server.origin, lang);
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);
    await settle(page);
    await announced(page); // whatever opening said
    await button(page, lang, 'views.pairing.generate').click();
    await page.getByTestId('write-preview').waitFor();
    await confirmWrite(page, lang);
    expect(await nextAnnouncements(page)).toEqual([{ message: await noticeText(page), priority: 'normal' }]);
    expect(problems).toEqual([]);
  });
});
