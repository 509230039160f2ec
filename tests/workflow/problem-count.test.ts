/**
 * One count of problems everywhere (issue 15): the pane's badges (workbookFindings), 校验结果's title and
 * rows, 统计汇总's and 工作报告's figure all come from the same findings and the same count — the pane said
 * 5 where the sheet and the report said 6.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance, workbookFindings } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { smallSchool, TODAY } from './small-school';

const ROOT = path.resolve(__dirname, '..', '..');
const calendar = createTymeCalendar();

/** The small school with a 帮扶人员 kind no list knows: a pairing finding beside the roster's, the log's and 帮扶计划's. */
async function withPairingFinding(): Promise<WorkbookSnapshot> {
  const snapshot = await openXlsx(smallSchool()).read();
  const mentors = findSheet(snapshot, SHEETS.mentors)!;
  return { sheets: snapshot.sheets.map((s) => (s === mentors ? { ...s, values: s.values.map((r, i) => (i === 1 ? [r[0], '厨师', ...r.slice(2)] : r)) } : s)) };
}

const WORKBOOKS: Record<string, () => Promise<WorkbookSnapshot>> = {
  'the bundled sample': () => openXlsx(new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets', 'sample-roster.xlsx')))).read(),
  'a small school with findings on several sheets': withPairingFinding,
};

describe.each(Object.keys(WORKBOOKS))('%s', (name) => {
  it.each(['zh-CN', 'en-US'] as const)('counts the same problems in the pane, 校验结果 and the report (%s)', async (lang) => {
    const workbook = await WORKBOOKS[name]();
    const plan = planMaintenance(workbook, { today: TODAY, lang, calendar });
    const counts = plan.findings.counts;
    expect(counts.total).toBeGreaterThan(0);

    // The pane: the same findings and the same count from the check it already made.
    const pane = workbookFindings(workbook, plan.roster, { today: TODAY, lang });
    expect(pane.counts).toEqual(counts);
    expect(pane.others).toEqual(plan.findings.others);

    // 校验结果: a row per problem, and its title says the same numbers.
    const sheet = plan.plan.ops.find((o) => o.sheet === SHEETS.findings)!;
    if (sheet.kind !== 'replaceSheet') throw new Error('校验结果 is rebuilt');
    expect(sheet.content.rows).toHaveLength(counts.total);
    const title = sheet.content.titleLines![0];
    if (lang === 'zh-CN') expect(title).toContain(`共 ${counts.total} 个问题，错误 ${counts.errors} 个，警告 ${counts.warnings} 个`);
    else expect(title).toContain(`${counts.total} problem`);

    // 统计汇总 and 工作报告 count them all, not the roster's only (nor all but 帮扶计划's).
    expect(plan.summary.figures.quality).toMatchObject({ total: counts.total, errors: counts.errors, warnings: counts.warnings });
    const report = plan.plan.ops.find((o) => o.sheet === SHEETS.report)!;
    if (report.kind !== 'replaceSheet') throw new Error('工作报告 is rebuilt');
    const paragraph = report.content.titleLines!.find((l) => l.includes(lang === 'zh-CN' ? '数据校验' : 'data check'))!;
    expect(paragraph).toContain(lang === 'zh-CN' ? `发现${counts.total}个问题（其中错误${counts.errors}个）` : `${counts.total} problem`);
  });
});

it('counts 帮扶计划 and the other sheets in the small school, so the count is not the roster’s alone', async () => {
  const workbook = await withPairingFinding();
  const plan = planMaintenance(workbook, { today: TODAY, lang: 'zh-CN', calendar });
  // The report once left 帮扶计划's findings out while 校验结果 listed them.
  expect(plan.childFiles.supportPlans.findings.length).toBeGreaterThan(0);
  expect(plan.findings.pairing.length).toBeGreaterThan(0);
  expect(plan.findings.counts.total).toBe(plan.roster.findings.length + plan.findings.others.length);
  expect(plan.summary.figures.quality.total).toBe(plan.findings.counts.total);
});
