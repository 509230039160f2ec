/**
 * 统计汇总, 工作报告 and 季度会议材料 with the school's life in them (issue 17), printed by LibreOffice to PDF
 * as a school would print them, with the print setup their plans carry: 季度会议材料 on one A4 page with
 * nothing cut, the summary one page wide with its header on every page, and pdftotext finding the figures
 * the plan computed. Skipped, with a note, on a machine without LibreOffice.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
    // The sample keeps a term of the five sheets (tests/fixtures/sample-life.ts).
    const demo = await demoWorkbooks();
    plan = planMaintenance(await openXlsx(demo.applied).read(), { today: TODAY, lang, calendar: createTymeCalendar() });
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
    // The sample's fourth quarter (sample-life.ts): 4 activities from 10-16 on; three Saturdays, 10
    // attendances, 1 not collected; 2 teachers trained; 2000 in, 1500 + 600 out, 3700 left at its end.
    expect(line('activities')).toMatch(/\s4(\s|$)/);
    expect(line('attendances')).toMatch(/\s10(\s|$)/);
    expect(line('trained')).toMatch(/\s2(\s|$)/);
    expect(line('pickupsMissing')).toMatch(/\s1\s/);
    expect(line('fundBalance')).toContain(t(lang, 'summary.life.yuan', { amount: '3700.00' }));
    expect(squeeze(page)).toContain(squeeze(t(lang, 'quarterly.note.fund', { income: '2000.00', spent: '2100.00' })));
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
