/**
 * A plan that does not write 结对帮扶 counts the pairs 结对帮扶 holds, not those 生成结对 would write
 * (issue 15: "coverage before generating shown as if done"). The bundled sample has no 结对帮扶: 更新统计
 * alone (统计汇总 and 工作报告) says 有帮扶教师 0, 一键更新全部 (every sheet, 结对帮扶 among them) 48; once
 * the pairs are written, 更新统计 alone counts them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';

const TODAY = '2026-11-30';
const calendar = createTymeCalendar();
const SAMPLE = () => openXlsx(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'sample-roster.xlsx'))));
const plan = (wb: WorkbookSnapshot, writeOnly?: readonly string[]) => planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, ...(writeOnly ? { writeOnly } : {}) });
const SUMMARY_ONLY = [SHEETS.summary, SHEETS.report];

/** 统计汇总's 有帮扶教师 as the plan writes it. */
function withTeacherWritten(p: MaintenancePlan): unknown {
  const op = p.plan.ops.find((o) => o.sheet === SHEETS.summary);
  if (op?.kind !== 'replaceSheet') throw new Error('统计汇总 is rebuilt');
  return op.content.rows.find((r) => r[1] === t('zh-CN', 'summary.item.withTeacher'))?.[2];
}

/** 工作报告's sentence on the pairs. */
function reportPairing(p: MaintenancePlan): string {
  const op = p.plan.ops.find((o) => o.sheet === SHEETS.report);
  if (op?.kind !== 'replaceSheet') throw new Error('工作报告 is rebuilt');
  return op.content.titleLines!.find((l) => l.includes('帮扶教师'))!;
}

/** Who answers for each child's contact items in 提醒事项. */
const contactOwners = (p: MaintenancePlan) =>
  p.contacts.reminders.items
    .filter((i) => i.kind === 'contact' && i.child)
    .map((i) => `${i.child!.name}:${i.owner}`)
    .sort();

describe('the pairs a plan counts (the bundled sample, no 结对帮扶)', () => {
  it('更新统计 alone counts none (有帮扶教师 0, in 统计汇总 and 工作报告); the whole upkeep, which writes the pairs, counts its 48', async () => {
    const wb = await SAMPLE().read();
    expect(findSheet(wb, SHEETS.pairing)).toBeUndefined();
    const all = plan(wb);
    const summaryOnly = plan(wb, SUMMARY_ONLY);
    expect(withTeacherWritten(all)).toBe(48);
    expect(all.summary.json.pairing.withTeacher).toBe(48);
    expect(withTeacherWritten(summaryOnly)).toBe(0);
    expect(summaryOnly.summary.json.pairing.withTeacher).toBe(0);
    expect(reportPairing(summaryOnly)).toMatch(/学校为0名儿童配备了帮扶教师/);
    expect(reportPairing(all)).toMatch(/学校为48名儿童配备了帮扶教师/);
    // Only the sheets asked for are in the plan.
    expect([...new Set(summaryOnly.plan.ops.map((o) => o.sheet))].sort()).toEqual([...SUMMARY_ONLY].sort());
    // The preview of 生成结对 is still there for the pane to show as such.
    expect(summaryOnly.pairing.stats.withTeacher).toBe(48);
  });

  it('提醒事项 written alone names no mentor 结对帮扶 does not hold; the whole upkeep names the pairs it writes', async () => {
    const wb = await SAMPLE().read();
    const all = plan(wb);
    const alone = plan(wb, [SHEETS.reminders]);
    const paired = new Set(all.pairing.result.rows.map((r) => r.teacher.mentor).filter(Boolean));
    const classTeachers = new Set(all.pairing.result.mentors.filter((m) => m.kind === '班主任').map((m) => m.name));
    // Mentors paired only by 生成结对 (not class teachers) answer for children in the whole upkeep only.
    const onlyPaired = [...paired].filter((name) => !classTeachers.has(name!));
    expect(onlyPaired.length).toBeGreaterThan(0);
    const ownersOf = (p: MaintenancePlan) => new Set(p.contacts.reminders.items.map((i) => i.owner));
    expect(onlyPaired.some((name) => ownersOf(all).has(name!))).toBe(true);
    expect(onlyPaired.filter((name) => ownersOf(alone).has(name!))).toEqual([]);
    expect(contactOwners(alone)).not.toEqual(contactOwners(all));
  });

  it('once 结对帮扶 is written, 更新统计 alone counts what it holds: the same figures and owners as the whole upkeep', async () => {
    const port = SAMPLE();
    await port.apply(plan(await port.read()).plan);
    const written = await openXlsx(port.save()).read();
    const all = plan(written);
    const summaryOnly = plan(written, SUMMARY_ONLY);
    expect(all.pairing.held.current).toBe(true);
    expect(withTeacherWritten(summaryOnly)).toBe(48);
    expect(summaryOnly.summary.json).toEqual(all.summary.json);
    expect(contactOwners(plan(written, [SHEETS.reminders]))).toEqual(contactOwners(all));
  });
});
