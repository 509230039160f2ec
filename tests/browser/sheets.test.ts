/**
 * A roster of one sheet per class in the pane (the standalone page): the check says which sheets it
 * read, and the teacher removes a class sheet and adds it back with its tick in the mapping editor.
 */
import { join } from 'path';
import { t } from '../../src/core/i18n';
import { axeViolations, useServedSession } from './browser';
import { button, idle } from './flow';

const FILE = join(__dirname, '..', 'fixtures', 'class-sheets.xlsx');
const lang = 'zh-CN' as const;
const SHEETS_READ = ['一年级一班', '一年级二班', '二年级一班'];

describe('a roster of one sheet per class in the pane', () => {
  const { server, session } = useServedSession({ locale: lang });

  it('says which sheets were read, and lets the teacher remove and add one', async () => {
    const { page, problems } = session;
    await page.goto(`${server.origin}/standalone.html?today=2025-09-15`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, lang, 'ui.standalone.open').click()]);
    await chooser.setFiles(FILE);
    await page.getByTestId('file-name').filter({ hasText: 'class-sheets.xlsx' }).waitFor();
    await button(page, lang, 'ui.action.check').click();
    const all = t(lang, 'ui.check.summarySheets', { count: 3, sheets: SHEETS_READ.join('、'), children: 20 });
    await page.getByText(all, { exact: true }).waitFor();

    await page.locator('#mapping-toggle').click();
    const tick = (name: string) => page.getByRole('checkbox', { name, exact: true });
    for (const name of SHEETS_READ) expect(await tick(name).isChecked()).toBe(true);
    expect(await tick('填表说明').isChecked()).toBe(false);
    // The list of sheets fits the pane: nothing scrolls sideways.
    const fits = await page.locator('#mapping-box fieldset').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The tick is the check's result: it changes once the roster was checked again without the sheet.
    await tick('二年级一班').click();
    await page.getByText(t(lang, 'ui.check.summarySheets', { count: 2, sheets: '一年级一班、一年级二班', children: 13 }), { exact: true }).waitFor();
    await idle(page, lang);
    if (!(await page.locator('#mapping-box').isVisible())) await page.locator('#mapping-toggle').click();
    expect(await tick('二年级一班').isChecked()).toBe(false);
    await tick('二年级一班').click();
    await page.getByText(all, { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });
});
