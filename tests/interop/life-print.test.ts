/**
 * 统计汇总, 工作报告 and 季度会议材料 with the school's life in them (issue 17), printed by LibreOffice to PDF
 * as a school would print them, with the print setup their plans carry: 季度会议材料 on one A4 page with
 * nothing cut, the summary one page wide with its header on every page, and pdftotext finding the figures
 * the plan computed. Skipped, with a note, on a machine without LibreOffice.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CellValue } from '../../src/core/cells';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { t, type Lang } from '../../src/core/i18n';
import type { PlanOp } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/sheets';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { demoWorkbooks, TODAY } from './demo-workbook';
import { convert, missingTools, pdfPages } from './soffice';

const missing = missingTools();
if (missing.length)
  console.warn(`LibreOffice print tests skipped: ${missing.join(', ')} not found on PATH. Install with: apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk`);
const withLibreOffice = missing.length ? describe.skip : describe;
jest.setTimeout(600_000);

/** A few rows of each life sheet this quarter, for children of the sample (appended below whatever is there). */
const LIFE: Readonly<Record<string, CellValue[][]>> = {
  [SHEETS.activities]: [
    ['2026-10-10', '中秋诗歌朗诵', '文体活动', '王老师', '金宏伟、廖雅静、钟俊杰', ''],
    ['2026-11-14', '十一月生日会', '生日会', '刘老师', '一(1)班', ''],
  ],
  [SHEETS.rollCall]: [
    ['2026-11-07', '金宏伟', '08:30', '11:30', '覃秀兰', '', '王老师'],
    ['2026-11-07', '廖雅静', '08:30', '', '', '', '王老师'],
  ],
  [SHEETS.fund]: [
    ['2026-10-08', '收入', 3000, '爱心企业捐款', '', '李会计', 'J001'],
    ['2026-11-20', '支出', 450.5, '冬衣资助', '钟俊杰', '李会计', 'Z001'],
  ],
  [SHEETS.training]: [['2026-10-20', '王老师、刘老师', '留守儿童心理辅导', 3, 0.3]],
};

/** The page text without the spaces and line breaks pdftotext puts into wrapped cells. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function printed(plan: MaintenancePlan, sheet: string, dir: string): Promise<string[]> {
  const op = plan.plan.ops.find((o): o is Extract<PlanOp, { kind: 'replaceSheet' }> => o.kind === 'replaceSheet' && o.sheet === sheet)!;
  expect(op.content.print?.paper).toBe('A4');
  const file = path.join(dir, `${sheet}.xlsx`);
  writeFileSync(file, (await newWorkbookWith({ ops: [op] })).save());
  await convert([file], 'pdf', path.join(dir, 'pdf'));
  return pdfPages(path.join(dir, 'pdf', `${sheet}.pdf`));
}

withLibreOffice.each(['zh-CN', 'en-US'] as Lang[])('the life figures printed by LibreOffice (%s)', (lang) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interop-life-'));
  let plan: MaintenancePlan;
  const pages: Record<string, string[]> = {};

  beforeAll(async () => {
    const demo = await demoWorkbooks();
    const port = openXlsx(demo.applied);
    await port.apply({ ops: Object.entries(LIFE).map(([sheet, rows]) => ({ kind: 'appendRows' as const, sheet, rows })) });
    plan = planMaintenance(await port.read(), { today: TODAY, lang, calendar: createTymeCalendar() });
    mkdirSync(path.join(dir, 'pdf'));
    for (const sheet of [SHEETS.quarterly, SHEETS.summary, SHEETS.report]) pages[sheet] = await printed(plan, sheet, dir);
  });

  it('prints 季度会议材料 on one A4 page, every item with its value and its note whole', () => {
    expect(pages[SHEETS.quarterly]).toHaveLength(1);
    const page = pages[SHEETS.quarterly][0];
    const lines = page.split('\n');
    const line = (key: string) => lines.find((l) => l.includes(t(lang, `quarterly.item.${key}`))) ?? '';
    expect(page).toContain(t(lang, 'quarterly.title', { year: 2026, quarter: 4 }));
    for (const key of [
      'children',
      'keyFocus',
      'talks',
      'activities',
      'takingPart',
      'attendances',
      'trained',
      'openFollowUps',
      'overdueContacts',
      'pickupsMissing',
      'fundBalance',
      'findings',
    ])
      expect([key, line(key)]).not.toEqual([key, '']);
    // This quarter's life: 2 activities, 2 attendances and 1 of them not collected, the fund after both rows.
    expect(line('activities')).toMatch(/\s2(\s|$)/);
    expect(line('attendances')).toMatch(/\s2(\s|$)/);
    expect(line('pickupsMissing')).toMatch(/\s1\s/);
    expect(line('fundBalance')).toContain(t(lang, 'summary.life.yuan', { amount: '2549.50' }));
    expect(squeeze(page)).toContain(squeeze(t(lang, 'quarterly.note.fund', { income: '3000.00', spent: '450.50' })));
  });

  it('prints 统计汇总 one page wide with its header on every page, and the life figures the plan computed', () => {
    const summary = pages[SHEETS.summary];
    const life = plan.life.figures;
    expect(life.activities.count).toBeGreaterThan(0);
    const header = t(lang, 'summary.col.note');
    // Every page starts with the column header (repeated), and its last column is not cut off.
    for (const [i, page] of summary.entries()) expect([i, page.includes(header)]).toEqual([i, true]);
    const lines = summary.join('\n').split('\n');
    const value = (key: string) => lines.find((l) => l.includes(t(lang, `summary.life.item.${key}`))) ?? '';
    expect(value('activities')).toMatch(new RegExp(`\\s${life.activities.count}(\\s|$)`));
    expect(value('attendances')).toMatch(new RegExp(`\\s${life.rollCall.attendances}(\\s|$)`));
    expect(value('pickupsMissing')).toMatch(new RegExp(`\\s${life.rollCall.pickupsMissing}(\\s|$)`));
    expect(value('teachers')).toMatch(new RegExp(`\\s${life.training.teachers}(\\s|$)`));
  });

  it('prints 工作报告 with the sentences of the life work whole', () => {
    const text = squeeze(pages[SHEETS.report].join('\n'));
    const life = plan.life.figures;
    expect(text).toContain(squeeze(t(lang, 'summary.life.item.activities')));
    // The report's paragraphs about activities and the fund, as the CLI prints them.
    const paragraphs = plan.plan.ops.find((o): o is Extract<PlanOp, { kind: 'replaceSheet' }> => o.kind === 'replaceSheet' && o.sheet === SHEETS.report)!.content.titleLines!;
    const aboutLife = paragraphs.filter((p) => p.includes(String(life.activities.count)) && (p.includes('活动') || /activit/i.test(p)));
    expect(aboutLife.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(text).toContain(squeeze(p));
  });
});
