/**
 * 结对 on a workbook with nobody on 帮扶人员 (tests/fixtures/clean.xlsx: a roster of 12 children and no other
 * sheet), in the standalone page: one guide line saying to fill 帮扶人员, not one "no mentor" line per child,
 * and its button opens 设置 at the 帮扶人员 form. In Chinese and in English.
 */
import { join } from 'path';
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
    await page.goto(`${served.server.origin}/standalone.html?today=${TODAY}`);
    await page.locator('input[type="file"]').setInputFiles(CLEAN);
    await page.getByTestId('file-name').filter({ hasText: 'clean.xlsx' }).waitFor();
    await openTab(page, lang, 'views.tab.pairing');
    await page.getByTestId('pairing-coverage').waitFor();
    await idle(page, lang);

    const guide = page.getByTestId('pairing-mentors-guide');
    expect(await guide.getByText(t(lang, 'views.pairing.mentorsGuide', { count: CHILDREN }), { exact: true }).count()).toBe(1);
    // No line per child, nor per reason: the guide says it all.
    expect(await page.getByText(t(lang, 'pairing.unpaired.no-mentor')).count()).toBe(0);
    expect(await page.getByTestId('pairing-unpaired').count()).toBe(0);

    await guide.getByRole('button', { name: t(lang, 'views.pairing.fillMentors'), exact: true }).click();
    const mentors = page.getByTestId('settings-mentors');
    await mentors.waitFor();
    expect(await page.locator('#tab-settings').getAttribute('aria-pressed')).toBe('true');
    expect(await mentors.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The teacher lands on the form the guide named.
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="settings-mentors"]') !== null);
    await button(page, lang, 'views.tab.settings').waitFor();
    expect(problems).toEqual([]);
  });
});
