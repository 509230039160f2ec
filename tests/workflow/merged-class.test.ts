/**
 * 班级 merged down the rows of each class, twins sharing merged guardian cells (tests/fixtures/merged-class.xlsx,
 * written by SheetJS), through the whole upkeep over the real file port: every child is in a class in
 * the summary, paired with their own class's 班主任, and the reminders name that teacher.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { CellValue } from '../../src/core/cells';
import { PAIRING_HEADERS } from '../../src/core/pairing';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';

const TODAY = '2025-09-15';
const calendar = createTymeCalendar();
const FILE = path.resolve(__dirname, '..', 'fixtures', 'merged-class.xlsx');
const TEACHER_OF: Record<string, string> = { '三(1)班': '王老师', '三(2)班': '陈老师', '四(1)班': '刘老师' };

async function applyOnce(bytes: Uint8Array): Promise<{ bytes: Uint8Array; after: WorkbookSnapshot; plan: MaintenancePlan }> {
  const port = openXlsx(bytes);
  const plan = planMaintenance(await port.read(), { today: TODAY, lang: 'zh-CN', calendar });
  await port.apply(plan.plan);
  const out = port.save();
  return { bytes: out, after: await openXlsx(out).read(), plan };
}

async function withMentors(bytes: Uint8Array): Promise<Uint8Array> {
  const port = openXlsx(bytes);
  const mentors = findSheet(await port.read(), SHEETS.mentors)!;
  const rows: CellValue[][] = Object.entries(TEACHER_OF).map(([cls, name], i) => [name, '班主任', cls, `1390000000${i + 1}`, '', 10, '']);
  await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.mentors, rows, expectedLastRow: mentors.origin.row + mentors.values.length - 1 }] });
  return port.save();
}

jest.setTimeout(120_000);

describe('a roster with 班级 merged per class, through the upkeep', () => {
  it('counts every child in their class and pairs each with their own class teacher', async () => {
    const first = await applyOnce(new Uint8Array(fs.readFileSync(FILE)));
    const second = await applyOnce(await withMentors(first.bytes));
    expect(second.plan.summary.json.children).toBe(14);
    expect(second.plan.summary.json.byClass).toEqual({ '三(1)班': 5, '三(2)班': 4, '四(1)班': 5 });
    // No false 'required' for the rows under a merged class or a twin's merged guardian.
    expect(second.plan.roster.findings.map((f) => f.rule).sort()).toEqual(['guardian-age', 'id-checksum', 'phone-format']);

    const sheet = findSheet(second.after, SHEETS.pairing)!;
    const headerAt = sheet.values.findIndex((r) => r.includes(PAIRING_HEADERS.teacher));
    const header = sheet.values[headerAt];
    const rows = sheet.values.slice(headerAt + 1).filter((r) => r[0]);
    expect(rows).toHaveLength(14);
    for (const r of rows) expect([r[0], r[header.indexOf(PAIRING_HEADERS.teacher)]]).toEqual([r[0], TEACHER_OF[String(r[header.indexOf(PAIRING_HEADERS.className)])]]);
  });

  it('leaves the roster and its merges as they were', async () => {
    const bytes = new Uint8Array(fs.readFileSync(FILE));
    const before = findSheet(await openXlsx(bytes).read(), '花名册')!;
    const { after } = await applyOnce(bytes);
    const roster = findSheet(after, '花名册')!;
    expect(roster.values).toEqual(before.values);
    expect(roster.merges).toEqual(before.merges);
    expect(before.merges!.filter((m) => m.rowCount > 1).length).toBeGreaterThanOrEqual(3 + 3 * 9);
  });
});
