/**
 * The pane's screens walked one after another in a page already open on the sample, and what does not fit
 * on each: shared by tests/browser/fit.test.ts (fails on it) and scripts/screenshots.ts (pictures for docs/).
 */
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import '../../src/core/i18n/all';
import { openTab } from './flow';

/** A screen of the pane: a tab (or the 设置 button) and what shows once it is drawn. */
export interface Screen {
  readonly id: string;
  readonly labelKey: string;
  /** A test id on the screen once it has read the workbook. */
  readonly ready?: string;
}

export const SCREENS: readonly Screen[] = [
  { id: 'check', labelKey: 'ui.tab.check' },
  { id: 'report', labelKey: 'ui.tab.report' },
  { id: 'pairing', labelKey: 'views.tab.pairing', ready: 'pairing-coverage' },
  { id: 'today', labelKey: 'views.tab.today' },
  { id: 'summary', labelKey: 'views.tab.summary', ready: 'summary-figures' },
  { id: 'dossier', labelKey: 'views.tab.dossier' },
  { id: 'settings', labelKey: 'views.tab.settings', ready: 'settings-view' },
];

/** Wait until no operation of the pane is running. */
async function settle(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'ui.action.cancel'), exact: true }).waitFor({ state: 'detached' });
  // Lazily loaded views show a spinner until their chunk is in.
  await page.locator('#panel .fui-Spinner').waitFor({ state: 'detached' });
}

/** Show a screen (its tab, or the 设置 button) and wait until it has read the workbook. */
export async function openScreen(page: Page, lang: Lang, screen: Screen): Promise<void> {
  if (screen.id === 'settings') {
    await page.locator('#tab-settings').click();
  } else {
    await openTab(page, lang, screen.labelKey);
  }
  await page.locator(`#panel[aria-labelledby="tab-${screen.id}"]`).waitFor();
  if (screen.ready) await page.getByTestId(screen.ready).first().waitFor();
  await settle(page, lang);
}

/**
 * Everything on the page that does not fit at this size: the document or any scroll container scrolling
 * sideways, a button, input, tab or menu trigger whose box leaves the viewport or the box of its scroll
 * parent, and a control whose text is cut (ellipsis or clipped) without a title to read it whole.
 * Each line names the element by its role, id or test id and its text.
 */
export async function misfits(page: Page): Promise<string[]> {
  // tsx (the screenshots script) keeps function names with a __name helper the page does not have.
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  return page.evaluate(() => {
    const out: string[] = [];
    const SIDEWAYS = '[role="grid"], [data-scrolls-sideways]';
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${testId ? ` data-testid=${testId}` : ''}> "${text}"`;
    };
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const all = Array.from(document.body.querySelectorAll('*'));
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    for (const el of all) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      // The sheet grid scrolls sideways as Excel does, and the strip of sheet tabs says it does on purpose.
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.closest(SIDEWAYS)) {
        out.push(`scrolls sideways: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    const controls = all.filter((el) => el.matches('button, input, select, textarea, [role="tab"], [role="combobox"], a[href]') && shown(el));
    const width = window.innerWidth;
    for (const el of controls) {
      if (el.closest(`${SIDEWAYS}, [data-tabster-dummy], [aria-hidden="true"]`)) continue;
      const box = el.getBoundingClientRect();
      if (box.left < -1 || box.right > width + 1) out.push(`leaves the viewport: ${name(el)} ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      let parent = el.parentElement;
      while (parent && parent !== document.body) {
        const ps = getComputedStyle(parent);
        if (ps.overflowX !== 'visible') {
          const pb = parent.getBoundingClientRect();
          if (box.left < pb.left - 1 || box.right > pb.right + 1) out.push(`clipped by ${name(parent).slice(0, 60)}: ${name(el)}`);
          break;
        }
        parent = parent.parentElement;
      }
      // Text cut inside the control: its content is wider than its box, and no title says it whole.
      const cut = [el, ...Array.from(el.querySelectorAll('*'))].some(
        (n) => n instanceof HTMLElement && n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible',
      );
      if (cut && !el.getAttribute('title') && el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') out.push(`text cut: ${name(el)}`);
    }
    return out;
  });
}
