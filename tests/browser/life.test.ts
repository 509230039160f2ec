/**
 * 记一笔 of the school's life (issue 17) in the Excel pane at its usual width, 350 px: the teacher records
 * a 生日会 for a class and one child of another (picked by class and by name), then a Saturday's
 * 留守之家 roll call — three children ticked, one collected by the registered guardian, one by someone
 * else with no relation given, one not yet collected — each after a preview that says what the checks
 * will find; 活动记录 and 留守之家签到 are created as templates and appended to through the Office port;
 * 汇总 then shows the period's figures of the school's life. Nothing is wider than the pane.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { t, type Lang } from '../../src/core/i18n';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { activityEntryPlan, rollCallEntryPlan, type LifeFigures, type NewPickup } from '../../src/core/life';
import type { RosterRecord } from '../../src/core/roster/types';
import { SHEETS } from '../../src/core/sheets';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { axeViolations, paneSession, screenshot, TODAY } from './browser';
import { excelHost, openSampleInExcel, sheetValues } from './excel/open';
import { button, confirmWrite, expectedSampleCheck, idle, openTab } from './flow';
import { DIST } from './server';

/** On the sample's 帮扶人员 (三(1)班's class teacher, who also runs its 生日会): picked from the list, not typed. */
const TEACHER = '王老师';
const PANE = { width: 350, height: 900 };

const host = excelHost();

const combo = (page: Page, lang: Lang, key: string) => page.getByRole('combobox', { name: t(lang, key), exact: true });
const textbox = (page: Page, lang: Lang, key: string) => page.getByRole('textbox', { name: t(lang, key), exact: true });

/** The life figures of the sample with the activity and the roll-call day appended by the core through the file port. */
async function figuresWith(lang: Lang, records: readonly RosterRecord[], activity: { name: string; children: RosterRecord[] }, rows: NewPickup[]): Promise<LifeFigures> {
  const port = openXlsx(new Uint8Array(readFileSync(join(DIST, 'assets/sample-roster.xlsx'))));
  const a = activityEntryPlan({ date: TODAY, name: activity.name, type: '生日会', leader: TEACHER, children: activity.children, note: '' }, await port.read(), records);
  if (!a.ok) throw new Error(a.error.key);
  await port.apply(a.plan);
  const r = rollCallEntryPlan({ date: TODAY, teacher: TEACHER, signIn: '08:30', rows }, await port.read(), records);
  if (!r.ok) throw new Error(r.error.key);
  await port.apply(r.plan);
  return planMaintenance(await port.read(), { today: TODAY, lang, calendar: createTymeCalendar() }).life.figures;
}

/**
 * How far the widest thing inside a section reaches past the pane's right edge (0 or less: it fits). The
 * section, not the page: this feature's own controls, whatever the pane around them does (fit.test.ts).
 */
const overflow = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((root) => {
    const right = Math.max(...[root, ...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right));
    return Math.ceil(right + window.scrollX - document.documentElement.clientWidth);
  });

describe.each([
  ['zh-CN', 20],
  ['en-US', 12],
] as const)('记一笔 of the school life in the Excel pane at 350 px (%s, ExcelApi 1.%i)', (lang, api) => {
  const session = paneSession({ locale: lang, viewport: PANE });
  const short = lang === 'zh-CN' ? 'zh' : 'en';

  it('records an activity and a roll-call day after a preview, and 汇总 counts them', async () => {
    const { page, problems } = session;
    const records = (await expectedSampleCheck()).records;
    await openSampleInExcel(session, host, lang, api);
    await openTab(page, lang, 'views.tab.today');
    const pick = page.getByRole('combobox', { name: t(lang, 'views.today.teacherPick') });
    await pick.waitFor();
    await idle(page, lang);
    await pick.selectOption(TEACHER);
    await button(page, lang, 'views.today.teacherSave').click();
    await page.getByTestId('today-counts').waitFor();
    await idle(page, lang);

    // An activity: a class ticked whole, and one child of another class found by name.
    const klass = records[0].classLabel!;
    const inClass = records.filter((r) => r.classLabel === klass);
    const other = records.find((r) => r.classLabel !== klass && records.filter((x) => x.name === r.name).length === 1)!;
    await combo(page, lang, 'life.entry.mode').selectOption('activity');
    const form = page.getByTestId('activity-form');
    await form.waitFor();
    await textbox(page, lang, 'life.entry.activityName').fill('十二月生日会');
    await combo(page, lang, 'life.entry.type').selectOption('生日会');
    await combo(page, lang, 'life.entry.classFilter').selectOption(klass);
    await page.getByRole('checkbox', { name: t(lang, 'life.entry.tickShown', { count: inClass.length }) }).check();
    await combo(page, lang, 'life.entry.classFilter').selectOption('');
    await textbox(page, lang, 'life.entry.search').fill(other.name);
    await page.getByRole('checkbox', { name: `${other.name}（${other.classLabel}）`, exact: true }).check();
    const picked = inClass.length + 1;
    expect(await page.getByTestId('picked-count').textContent()).toBe(t(lang, 'life.entry.picked', { count: picked }));
    await screenshot(page, `${short}-life-1-activity-form`);
    expect(await overflow(page, 'entry-form')).toBeLessThanOrEqual(0);
    await button(page, lang, 'life.entry.record').click();
    await page.getByRole('heading', { name: t(lang, 'life.entry.previewActivity') }).waitFor();
    // The sample keeps 活动记录 already (a term of it): one row appended below the school's own.
    await page.getByText(t(lang, 'ui.preview.append', { sheet: SHEETS.activities, count: 1 })).waitFor();
    await page.getByText(t(lang, 'life.entry.activityLine', { date: TODAY, name: '十二月生日会', type: '生日会', count: picked })).waitFor();
    const before = (await sheetValues(page, SHEETS.activities))!;
    expect(before.flat()).not.toContain('十二月生日会'); // nothing written before the confirmation
    if (api === 20) expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-life-2-activity-preview`);
    await confirmWrite(page, lang);
    const activities = (await sheetValues(page, SHEETS.activities))!;
    expect(activities.slice(0, before.length)).toEqual(before);
    expect(activities).toHaveLength(before.length + 1);
    expect(activities[before.length].slice(1, 5)).toEqual(['十二月生日会', '生日会', TEACHER, [...inClass.map((r) => r.name), other.name].join('、')]);

    // A roll-call day: three children, collected by the guardian, by someone unregistered, and not yet.
    const [first, second, third] = inClass;
    await combo(page, lang, 'life.entry.mode').selectOption('rollCall');
    await page.getByTestId('rollcall-form').waitFor();
    await page.getByLabel(t(lang, 'life.entry.signIn'), { exact: true }).fill('08:30');
    await page.getByLabel(t(lang, 'life.entry.signOutDay'), { exact: true }).fill('11:30');
    await combo(page, lang, 'life.entry.classFilter').selectOption(klass);
    for (const r of [first, second, third]) await page.getByRole('checkbox', { name: r.name, exact: true }).check();
    const pickupOf = (r: (typeof records)[number]) => page.getByRole('combobox', { name: `${r.name}（${r.classLabel}） ${t(lang, 'life.entry.pickup')}` });
    expect(await pickupOf(first).inputValue()).toBe('0'); // the registered guardian, offered first
    await pickupOf(second).selectOption('other');
    await page
      .getByTestId('pickup-row')
      .nth(1)
      .getByRole('textbox', { name: t(lang, 'life.entry.pickupName') })
      .fill('周阿姨');
    await pickupOf(third).selectOption('none');
    expect(await overflow(page, 'entry-form')).toBeLessThanOrEqual(0);
    if (api === 20) expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${short}-life-3-rollcall-form`);
    await button(page, lang, 'life.entry.record').click();
    await page.getByRole('heading', { name: t(lang, 'life.entry.previewRollCall') }).waitFor();
    await page.getByText(t(lang, 'life.entry.warnUnregistered', { child: second.name })).waitFor();
    await page.getByText(t(lang, 'life.entry.warnMissing', { child: third.name })).waitFor();
    await screenshot(page, `${short}-life-4-rollcall-preview`);
    await confirmWrite(page, lang);
    const rollCall = (await sheetValues(page, SHEETS.rollCall))!;
    expect(rollCall.slice(-3).map((row) => row.slice(1))).toEqual([
      [first.name, '08:30', '11:30', first.guardianName, first.guardianRelation, TEACHER],
      [second.name, '08:30', '11:30', '周阿姨', null, TEACHER],
      [third.name, '08:30', null, null, null, TEACHER],
    ]);

    // 汇总: the term's figures of the school's life — those the core computes in Node for the sample with
    // the same two records appended through the file port.
    const f = await figuresWith(lang, records, { name: '十二月生日会', children: [...inClass, other] }, [
      { child: first, signOut: '11:30', pickup: first.guardianName, relation: first.guardianRelation },
      { child: second, signOut: '11:30', pickup: '周阿姨', relation: '' },
      { child: third, signOut: '', pickup: '', relation: '' },
    ]);
    expect(f.activities.count).toBeGreaterThan(1);
    await openTab(page, lang, 'views.tab.summary');
    await page.getByTestId('life-figures').waitFor();
    await idle(page, lang);
    const a = f.activities;
    expect(await page.getByTestId('life-activities').textContent()).toBe(
      t(lang, 'life.view.activitiesValue', { count: a.count, taking: a.childrenTakingPart, without: a.childrenWithout }),
    );
    expect(await page.getByTestId('life-rollcall').textContent()).toBe(t(lang, 'life.view.rollCallValue', { days: f.rollCall.days, attendances: f.rollCall.attendances }));
    expect(await page.getByTestId('life-pickups-missing').textContent()).toBe(String(f.rollCall.pickupsMissing));
    expect(await page.getByTestId('life-training').textContent()).toBe(t(lang, 'life.view.trainingValue', { teachers: f.training.teachers, hours: f.training.hours }));
    expect(await overflow(page, 'life-figures')).toBeLessThanOrEqual(0);
    await page.getByTestId('life-figures').scrollIntoViewIfNeeded();
    await screenshot(page, `${short}-life-5-summary`);
    expect(problems).toEqual([]);
  });
});
