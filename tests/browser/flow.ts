import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import '../../src/core/i18n/all';
import { checkRoster, overrideFromSettings, type RosterCheck } from '../../src/core/roster';
import { columnLetter } from '../../src/core/cells';
import { workbookFindings, type WorkbookFindings } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { DIST } from './server';
import { TODAY } from './browser';

/** What the roster engine finds in the bundled sample, computed in Node through the file port. */
export async function expectedSampleCheck(): Promise<RosterCheck> {
  const bytes = new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx')));
  const snapshot = await openXlsx(bytes).read();
  return checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) ?? undefined });
}

/** Every problem the pane counts in the sample (the roster's and the add-in's own sheets'), as 校验结果 lists them. */
export async function expectedSampleProblems(): Promise<{ check: RosterCheck; workbook: WorkbookFindings; rules: string[] }> {
  const bytes = new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx')));
  const snapshot = await openXlsx(bytes).read();
  const check = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) ?? undefined });
  const workbook = workbookFindings(snapshot, check, { today: TODAY, lang: 'zh-CN' });
  return { check, workbook, rules: [...new Set([...check.findings, ...workbook.others].map((f) => f.rule))] };
}

export function cellName(row: number, col: number | null): string {
  return col === null ? `${row + 1}:${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

export function button(page: Page, lang: Lang, key: string, params = {}) {
  return page.getByRole('button', { name: t(lang, key, params), exact: true });
}

export async function openSample(page: Page, origin: string, lang: Lang, path = 'standalone.html'): Promise<void> {
  await page.goto(`${origin}/${path}?sample=1&today=${TODAY}`);
  await page.getByRole('grid').waitFor();
  await page.getByTestId('file-name').filter({ hasText: 'sample-roster.xlsx' }).waitFor();
  await button(page, lang, 'ui.action.check').waitFor();
  // The sample opens checked: wait for that check, so the next operation is not refused as running.
  await page.locator('#findings-title').waitFor();
  await idle(page, lang);
}

/** Run the check from the pane and wait for the findings heading; returns the number it states. */
export async function runCheck(page: Page, lang: Lang): Promise<number> {
  await button(page, lang, 'ui.action.check').click();
  const heading = page.locator('#findings-title');
  await heading.waitFor();
  const text = (await heading.textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Wait until no operation is running (every pane button is enabled again). */
export async function idle(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'ui.action.cancel'), exact: true }).waitFor({ state: 'detached' });
}

/** 确认写入 on the preview shown, then wait until the pane says it was written and nothing runs any more. */
export async function confirmWrite(page: Page, lang: Lang): Promise<void> {
  await button(page, lang, 'ui.action.confirm').click();
  await page
    .getByTestId('notice')
    .filter({ hasText: t(lang, 'ui.written.done') })
    .waitFor();
  await idle(page, lang);
}

/** What the undo button says it will undo: its label without the "撤销：" / "Undo: " before it. */
export function undoneWhat(lang: Lang, label: string): string {
  const prefix = t(lang, 'undo.button', { what: '' });
  expect(label.startsWith(prefix)).toBe(true);
  return label.slice(prefix.length);
}

/**
 * Show a tab of the pane (`key`: its label's catalogue key): from the row, or, when it does not fit there
 * (350 px in English), from the 更多 (More) menu the other tabs go into. Resolves once it is selected.
 */
export async function openTab(page: Page, lang: Lang, key: string): Promise<void> {
  const name = t(lang, key);
  const tab = page.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByTestId('tabs-more').click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  }
  await page.locator('[role="tab"][aria-selected="true"]').filter({ hasText: name }).waitFor();
}
