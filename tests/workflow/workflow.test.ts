/**
 * The whole-workbook upkeep over the real file port: plan from a snapshot, apply, save, reopen, and
 * again on the output. What a school would notice if it broke: sheets missing, a second run moving
 * things, the roster or a typed log row changed, figures that do not match a hand count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { PAIRING_HEADERS } from '../../src/core/pairing';
import { RosterNotFoundError } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance, schoolNameOf, WorkflowError, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { EXPECTED, LOG_ROWS, smallSchool, TODAY } from './small-school';

const ROOT = path.resolve(__dirname, '..', '..');
const calendar = createTymeCalendar();
const SAMPLES: Record<string, () => Uint8Array> = {
  'assets/sample-roster.xlsx': () => new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets', 'sample-roster.xlsx'))),
  'tests/fixtures/clean.xlsx': () => new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'clean.xlsx'))),
  'tests/fixtures/saved-mapping.xlsx': () => new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'saved-mapping.xlsx'))),
  'tests/fixtures/merged-header.xlsx': () => new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'merged-header.xlsx'))),
  'a small school with a typed log': () => smallSchool(),
};
const MAINTAINED = [
  SHEETS.settings,
  SHEETS.mentors,
  SHEETS.log,
  SHEETS.activities,
  SHEETS.groups,
  SHEETS.rollCall,
  SHEETS.fund,
  SHEETS.training,
  SHEETS.supportPlans,
  SHEETS.pairing,
  SHEETS.reminders,
  SHEETS.summary,
  SHEETS.report,
  SHEETS.awards,
  SHEETS.quarterly,
  SHEETS.cards,
  SHEETS.records,
  SHEETS.findings,
];

/** Plan, apply through the file port, save: the output's bytes, its snapshot, and the plan. */
async function applyOnce(bytes: Uint8Array): Promise<{ bytes: Uint8Array; before: WorkbookSnapshot; after: WorkbookSnapshot; plan: MaintenancePlan }> {
  const port = openXlsx(bytes);
  const before = await port.read();
  const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
  await port.apply(plan.plan);
  const out = port.save();
  return { bytes: out, before, after: await openXlsx(out).read(), plan };
}

const valuesOf = (wb: WorkbookSnapshot, name: string) => findSheet(wb, name)?.values;

describe.each(Object.keys(SAMPLES))('apply on %s', (sample) => {
  let first: Awaited<ReturnType<typeof applyOnce>>;
  let second: Awaited<ReturnType<typeof applyOnce>>;
  let third: Awaited<ReturnType<typeof applyOnce>>;
  beforeAll(async () => {
    first = await applyOnce(SAMPLES[sample]());
    second = await applyOnce(first.bytes);
    third = await applyOnce(second.bytes);
  });

  it('leaves every maintained sheet in the output, in one plan in the documented order', () => {
    const names = first.after.sheets.map((s) => s.name);
    for (const sheet of MAINTAINED) expect(names).toContain(sheet);
    const order = first.plan.plan.ops.map((o) => o.sheet).filter((s, i, all) => all.indexOf(s) === i);
    const expected = MAINTAINED.filter((s) => order.includes(s));
    expect(order).toEqual(expected);
    // Generated sheets are always rebuilt; the roster is never in the plan.
    for (const sheet of [SHEETS.pairing, SHEETS.reminders, SHEETS.summary, SHEETS.report, SHEETS.findings]) expect(order).toContain(sheet);
    expect(order).not.toContain(first.plan.roster.layout.sheet);
  });

  it('changes nothing on a second run over its own output', () => {
    expect(second.after.sheets.map((s) => s.name)).toEqual(first.after.sheets.map((s) => s.name));
    for (const sheet of first.after.sheets) expect([sheet.name, valuesOf(second.after, sheet.name)]).toEqual([sheet.name, sheet.values]);
    // Nothing left to create or complete: the user-kept sheets are not in the second plan.
    expect(second.plan.plan.ops.filter((o) => o.kind !== 'replaceSheet')).toEqual([]);
  });

  it('changes nothing at all on a third run', () => {
    for (const sheet of second.after.sheets) expect([sheet.name, valuesOf(third.after, sheet.name)]).toEqual([sheet.name, sheet.values]);
  });

  it("keeps the roster's values exactly as they were", () => {
    const roster = first.plan.roster.layout.sheet;
    expect(valuesOf(first.after, roster)).toEqual(valuesOf(first.before, roster));
    expect(valuesOf(second.after, roster)).toEqual(valuesOf(first.before, roster));
  });

  it('keeps what people typed in 谈心记录, 帮扶人员 and 设置', () => {
    for (const sheet of [SHEETS.log, SHEETS.mentors, SHEETS.settings]) {
      const typed = valuesOf(first.before, sheet);
      if (!typed) continue;
      const after = valuesOf(second.after, sheet)!;
      // Settings may gain rows below; every typed row stays where it was with the same values.
      expect(after.slice(0, typed.length)).toEqual(typed);
    }
  });
});

describe('the small school counted by hand', () => {
  let result: Awaited<ReturnType<typeof applyOnce>>;
  beforeAll(async () => {
    result = await applyOnce(smallSchool());
  });

  it('gives the hand-counted summary figures', () => {
    const json = result.plan.summary.json;
    expect({ children: json.children, byGrade: json.byGrade, byGender: { 男: json.byGender['男'], 女: json.byGender['女'] } }).toEqual({
      children: EXPECTED.children,
      byGrade: EXPECTED.byGrade,
      byGender: EXPECTED.byGender,
    });
    expect([json.talks, json.parentCalls, json.homeVisits, json.childrenWithoutTalk]).toEqual([
      EXPECTED.talks,
      EXPECTED.parentCalls,
      EXPECTED.homeVisits,
      EXPECTED.childrenWithoutTalk,
    ]);
    // The unreadable date is a finding of the log, counted in the summary's data quality too.
    expect(result.plan.findings.contacts.map((f) => [f.rule, f.row + 1])).toEqual([['log-date-invalid', LOG_ROWS.length]]);
    expect(json.findings['log-date-invalid']).toBe(1);
  });

  it("keeps every typed log row, and the 校验结果 sheet lists the log's finding after the roster's", () => {
    expect(valuesOf(result.after, SHEETS.log)!.length).toBe(LOG_ROWS.length);
    expect(valuesOf(result.after, SHEETS.log)!.map((r) => r[1])).toEqual(LOG_ROWS.map((r) => r[1]));
    const findings = valuesOf(result.after, SHEETS.findings)!;
    expect(findings.some((r) => r[0] === SHEETS.log && r[4] === '记录日期无效' && r[2] === LOG_ROWS.length)).toBe(true);
  });

  it('gives reminders to the mentors this very run paired, not to a 结对帮扶 sheet that did not exist yet', () => {
    const plan = result.plan;
    expect(findSheet(result.before, SHEETS.pairing)).toBeUndefined();
    const teacherOf = new Map(plan.pairing.result.rows.map((r) => [r.child.name, r.teacher.mentor]));
    expect(teacherOf.get('张小明')).toBe('陈老师');
    const talks = plan.contacts.reminders.items.filter((i) => i.kind === 'contact' && i.contactKind === 'talk' && i.child);
    expect(talks.length).toBe(EXPECTED.children);
    for (const item of talks) expect(item.owner).toBe(teacherOf.get(item.child!.name));
    // The summary counts the same pairs.
    expect(plan.summary.json.pairing.withTeacher).toBe(plan.pairing.stats.withTeacher);
    expect(plan.summary.json.pairing.withBuddy).toBe(1);
  });

  it('counts a log row added after the first run on the next run, and keeps it', async () => {
    const port = openXlsx(result.bytes);
    const snapshot = await port.read();
    const last = findSheet(snapshot, SHEETS.log)!.values.length - 1;
    await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.log, rows: [['2026-11-28', '王小刚', '五(2)班', '谈心', '学生', '刘老师', '补记']], expectedLastRow: last }] });
    const next = await applyOnce(port.save());
    expect(next.plan.summary.json.talks).toBe(EXPECTED.talks + 1);
    expect(next.plan.summary.json.childrenWithoutTalk).toBe(EXPECTED.childrenWithoutTalk - 1);
    expect(valuesOf(next.after, SHEETS.log)!.at(-1)![6]).toBe('补记');
  });

  it("keeps a pair a teacher changed by hand, and sends that child's reminders to the new mentor", async () => {
    const port = openXlsx(result.bytes);
    const snapshot = await port.read();
    const sheet = findSheet(snapshot, SHEETS.pairing)!;
    const header = sheet.values.findIndex((r) => r.includes(PAIRING_HEADERS.teacher));
    const teacherCol = sheet.values[header].indexOf(PAIRING_HEADERS.teacher);
    const row = sheet.values.findIndex((r) => r[0] === '张小明');
    expect(sheet.values[row][teacherCol]).toBe('陈老师');
    await port.apply({ ops: [{ kind: 'setCells', sheet: SHEETS.pairing, cells: [{ row: sheet.origin.row + row, col: sheet.origin.col + teacherCol, value: '刘老师' }] }] });
    const next = await applyOnce(port.save());
    const kept = findSheet(next.after, SHEETS.pairing)!.values.find((r) => r[0] === '张小明')!;
    expect(kept[teacherCol]).toBe('刘老师');
    const owners = next.plan.contacts.reminders.items.filter((i) => i.kind === 'contact' && i.child?.name === '张小明').map((i) => i.owner);
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set(['刘老师']));
  });

  it('takes the period asked for', async () => {
    const plan = planMaintenance(result.after, { today: TODAY, lang: 'zh-CN', calendar, period: { kind: 'custom', from: '2026-11-01', to: '2026-11-30' } });
    // November only: 张小明 11-02, 李小红 11-10; one call (11-25); one visit (11-20).
    expect([plan.summary.json.talks, plan.summary.json.parentCalls, plan.summary.json.homeVisits]).toEqual([2, 1, 1]);
    expect(() => planMaintenance(result.after, { today: TODAY, lang: 'zh-CN', calendar, period: { kind: 'custom', from: '2026-12-01', to: '2026-11-01' } })).toThrow(WorkflowError);
  });
});

describe('workbooks the upkeep cannot or must handle specially', () => {
  it("lists the findings of 帮扶人员 on 校验结果 with a link to the cell, after the roster's", async () => {
    const snapshot = await openXlsx(smallSchool()).read();
    const mentors = findSheet(snapshot, SHEETS.mentors)!;
    // A kind the list does not know: 类别 '厨师' on the first mentor row.
    const edited = { sheets: snapshot.sheets.map((s) => (s === mentors ? { ...s, values: s.values.map((r, i) => (i === 1 ? [r[0], '厨师', ...r.slice(2)] : r)) } : s)) };
    const plan = planMaintenance(edited, { today: TODAY, lang: 'zh-CN', calendar });
    const finding = plan.findings.pairing.find((f) => f.rule === 'mentor-kind-unknown');
    expect(finding).toMatchObject({ sheet: SHEETS.mentors, row: 1, col: 1 });
    const op = plan.plan.ops.find((o) => o.sheet === SHEETS.findings)!;
    if (op.kind !== 'replaceSheet') throw new Error('校验结果 is rebuilt');
    // The rule by its name in the user's language, as the roster's rules are, not its id.
    const row = op.content.rows.find((r) => r[4] === '帮扶人员类别无法识别')!;
    expect(row.slice(0, 3)).toEqual([SHEETS.mentors, { text: 'B2', link: { sheet: SHEETS.mentors, row: 1, col: 1 } }, 2]);
    expect(op.content.titleLines![0]).toContain(`共 ${plan.findings.counts.total} 个问题`);
    // 帮扶计划's findings (a key-focus child without a plan) count with the pairing's.
    expect(plan.findings.counts.byDomain.pairing).toBe(plan.findings.pairing.length + plan.childFiles.supportPlans.findings.length);
  });

  it('takes over a 结对帮扶 the school made by hand last term: its pairs kept, reminders go to them', async () => {
    const port = openXlsx(smallSchool());
    const own = [
      ['姓名', '班级', '重点帮扶', '帮扶教师', '学习帮手', '代理家长', '锁定', '说明'],
      ['张小明', '三(1)班', '', '李校长', '', '', '是', '校长亲自帮扶'],
    ];
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEETS.pairing, content: { columns: own[0].map((header) => ({ header })), rows: own.slice(1) } }] });
    const next = await applyOnce(port.save());
    expect(next.plan.pairing.existing.adopted).toBe(true);
    const rows = valuesOf(next.after, SHEETS.pairing)!;
    const ming = rows.find((r) => r[0] === '张小明')!;
    expect(ming.slice(3, 9)).toEqual(['李校长', null, null, '是', expect.anything(), '校长亲自帮扶']);
    const owners = next.plan.contacts.reminders.items.filter((i) => i.kind === 'contact' && i.child?.name === '张小明').map((i) => i.owner);
    expect(new Set(owners)).toEqual(new Set(['李校长']));
    // Every other child of the roster got a row and a teacher.
    const header = rows.findIndex((r) => r[0] === PAIRING_HEADERS.name);
    expect(rows.slice(header + 1).filter((r) => r[3]).length).toBe(EXPECTED.children);
  });

  it('names no mentor in 提醒事项 or the summary from a pairing it could not write', async () => {
    const port = openXlsx(smallSchool());
    const own = [
      ['姓名', '班级', '帮扶教师', '联系电话'],
      ['张小明', '三(1)班', '李校长', '13800000000'],
    ];
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SHEETS.pairing, content: { columns: own[0].map((header) => ({ header })), rows: own.slice(1) } }] });
    const before = await openXlsx(port.save()).read();
    const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    expect(plan.findings.pairing.map((f) => f.rule)).toContain('pairing-sheet-foreign');
    expect(plan.plan.ops.some((o) => o.sheet === SHEETS.pairing)).toBe(false);
    // Reminders fall back to each class's 班主任 on 帮扶人员, which the workbook does hold.
    const classTeacher = new Map(plan.pairing.result.mentors.filter((m) => m.kind === '班主任').map((m) => [m.classes[0], m.name]));
    for (const item of plan.contacts.reminders.items.filter((i) => i.kind === 'contact' && i.child)) {
      expect([item.child!.name, item.owner]).toEqual([item.child!.name, classTeacher.get(item.child!.classLabel ?? '')]);
    }
    expect(plan.summary.json.pairing.withTeacher).toBe(0);
  });

  it("says there is no roster with the roster module's own error", async () => {
    const snapshot = await openXlsx(new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'no-roster.xlsx')))).read();
    expect(() => planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar })).toThrow(RosterNotFoundError);
  });

  it('honours the column mapping saved in 设置', async () => {
    const snapshot = await openXlsx(SAMPLES['tests/fixtures/saved-mapping.xlsx']()).read();
    const plan = planMaintenance(snapshot, { today: TODAY, lang: 'zh-CN', calendar });
    expect(plan.roster.layout.fromSaved).toBe(true);
  });

  it('creates 设置 with the school-name row, and reads the name once filled in', async () => {
    const { after } = await applyOnce(smallSchool());
    const labels = valuesOf(after, SHEETS.settings)!.map((r) => r[0]);
    expect(labels).toContain('学校名称');
    expect(labels).toContain('谈心周期（天）');
    expect(labels).toContain('默认可帮扶人数：教师');
    expect(schoolNameOf(after)).toBeNull();
    expect(schoolNameOf(await openXlsx(smallSchool({ schoolName: '甲村小学' })).read())).toBe('甲村小学');
  });

  it('completes an existing 设置 below the rows the school typed, without changing them', async () => {
    const { before, after, plan } = await applyOnce(smallSchool({ schoolName: '甲村小学' }));
    expect(plan.plan.ops.find((o) => o.sheet === SHEETS.settings)?.kind).toBe('appendRows');
    expect(valuesOf(after, SHEETS.settings)!.slice(0, 2)).toEqual(valuesOf(before, SHEETS.settings));
    expect(valuesOf(after, SHEETS.settings)!.length).toBeGreaterThan(10);
  });
});
