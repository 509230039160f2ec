/**
 * 结对 and 今日 on a workbook with nobody on 帮扶人员 (tests/fixtures/clean.xlsx: a roster of 12 children and no other
 * sheet), in the standalone page: 结对 shows one guide line saying to fill 帮扶人员, not one "no mentor" line per
 * child, and its button opens 设置 at the 帮扶人员 form; 今日's "no teachers on 帮扶人员" line has the same button.
 * In Chinese and in English.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { TODAY, useServedSession } from './browser';
import { button, idle, openTab } from './flow';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const CLEAN = join(__dirname, '../fixtures/clean.xlsx');
const CHILDREN = 12;

describe.each(LANGS)('结对 with an empty 帮扶人员 (%s)', (lang) => {
  const served = useServedSession({ locale: lang });

  it('shows one guide line whose button opens 设置 at the 帮扶人员 form', async () => {
    const { page, problems } = served.session;
    page.setDefaultTimeout(30_000);
    await openClean(page, served.server.origin);
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);

    const guide = page.getByTestId('pairing-mentors-guide');
    expect(await guide.getByText(t(lang, 'views.pairing.mentorsGuide', { count: CHILDREN }), { exact: true }).count()).toBe(1);
    // No line per child, nor per reason: the guide says it all.
    expect(await page.getByText(t(lang, 'pairing.unpaired.no-mentor')).count()).toBe(0);
    expect(await page.getByTestId('pairing-unpaired').count()).toBe(0);

    await guide.getByRole('button', { name: t(lang, 'views.pairing.fillMentors'), exact: true }).click();
    await expectMentorsForm(page, lang);
    expect(problems).toEqual([]);
  });

  it('今日 says 帮扶人员 names no teacher, and its button opens 设置 at the 帮扶人员 form', async () => {
    const { page, problems } = served.session;
    page.setDefaultTimeout(30_000);
    await openClean(page, served.server.origin);
    await openTab(page, lang, 'views.tab.today');
    const line = page.getByTestId('today-no-teachers');
    await line.getByText(t(lang, 'views.today.teacherNone'), { exact: true }).waitFor();
    await idle(page, lang);
    await line.getByRole('button', { name: t(lang, 'views.pairing.fillMentors'), exact: true }).click();
    await expectMentorsForm(page, lang);
    expect(problems).toEqual([]);
  });
});

async function openClean(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/standalone.html?today=${TODAY}`);
  await page.locator('input[type="file"]').setInputFiles(CLEAN);
  await page.getByTestId('file-name').filter({ hasText: 'clean.xlsx' }).waitFor();
}

/** 设置 is the screen shown, its 帮扶人员 section open and holding the focus. */
async function expectMentorsForm(page: Page, lang: Lang): Promise<void> {
  const mentors = page.getByTestId('settings-mentors');
  await mentors.waitFor();
  expect(await page.locator('#tab-settings').getAttribute('aria-pressed')).toBe('true');
  expect(await mentors.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  // The teacher lands on the form the button named.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="settings-mentors"]') !== null);
  await button(page, lang, 'views.tab.settings').waitFor();
}
