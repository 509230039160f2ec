/**
 * The whole plan, sheet by sheet, as it was before the 50,000-child speed work (issue 14, "Size"): each
 * op of `planMaintenance` (with 联系卡 and 成长记录) and the results beside it (findings, counts, the
 * summary's JSON, the reminder items) hashed and compared with plan-digests.json, taken with the core
 * of main at 926a1a0, before any of that work (the sample's again for the sample rebuilt in c6839c5),
 * then taken again after f96c1f5 counted every problem in 校验结果, 统计汇总 and 工作报告 — against the
 * core of 926a1a0 only those three sheets, the findings and the summary's JSON differed. A rewrite for
 * speed must not move one cell; a change that moves one on purpose regenerates the file
 * (`UPDATE_PLAN_DIGESTS=1 npx jest tests/workflow/plan-digest.test.ts`) and says so in its commit.
 *
 * The workbooks: the bundled sample (life sheets, 帮扶人员), the fixtures of every roster layout, and a
 * school of 1,200 children on 12 class sheets with mentors, a log of 3,000 rows, key-focus children and
 * 帮扶计划 rows, so the 提醒事项 overview (above 1,000 items), pairing by capacity and due reviews run.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { addDays, type IsoDate } from '../../src/core/dates';
import type { Lang } from '../../src/core/i18n';
import { planMaintenance, type MaintenancePlan } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { validKid } from '../fixtures/build-samples';
import { GRADE_CN, pick, seededRandom, workbookBytes, worksheet, type Cell } from '../fixtures/roster-gen';

const ROOT = path.resolve(__dirname, '..', '..');
const DIGESTS = path.join(__dirname, 'plan-digests.json');
const calendar = createTymeCalendar();

/** 12 classes of 100 on their own sheets (the class from the sheet's name), 帮扶人员, 谈心记录 and 帮扶计划. */
function school(): Uint8Array {
  const rng = seededRandom(14_014);
  const header = ['序号', '姓名', '性别', '出生日期', '身份证号', '家庭住址', '监护人姓名', '与学生关系', '监护人电话', '是否重点帮扶'];
  const keys = ['name', 'gender', 'birthDate', 'idNumber', 'address', 'guardianName', 'guardianRelation', 'guardianPhone'] as const;
  const sheets: { name: string; sheet: ReturnType<typeof worksheet> }[] = [];
  const children: { name: string; cls: string }[] = [];
  const focus: { name: string; cls: string }[] = [];
  for (let k = 0; k < 12; k++) {
    const grade = 1 + (k % 6);
    const cls = 1 + Math.floor(k / 6);
    const label = `${GRADE_CN[grade - 1]}(${cls})班`;
    const rows: Cell[][] = [[`${GRADE_CN[grade - 1]}年级${cls}班留守儿童名单`], header];
    for (let i = 0; i < 100; i++) {
      const kid = validKid(rng, { grade, cls });
      const key = rng() < 0.12;
      // A few children without a phone or a name the log cannot tell apart (duplicates across classes).
      if (i % 37 === 5) kid.guardianPhone = null;
      rows.push([i + 1, ...keys.map((f) => kid[f] ?? null), key ? '是' : '']);
      children.push({ name: String(kid.name), cls: label });
      if (key) focus.push({ name: String(kid.name), cls: label });
    }
    sheets.push({ name: `${GRADE_CN[grade - 1]}年级${cls}班`, sheet: worksheet(rows) });
  }
  const mentors: Cell[][] = [['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注']];
  for (let k = 0; k < 12; k++) mentors.push([`班主任${k}`, '班主任', `${GRADE_CN[k % 6]}(${1 + Math.floor(k / 6)})班`, '13800000000', '', 30, '']);
  for (let k = 0; k < 20; k++) mentors.push([`党员${k}`, '党员教师', '', '', '', 2, '']);
  for (let k = 0; k < 10; k++) mentors.push([`代理家长${k}`, '代理家长', '', '', '青山镇', 3, '']);
  for (let k = 0; k < 24; k++) mentors.push([`学生${k}`, '学生', `${GRADE_CN[k % 6]}(${1 + (Math.floor(k / 6) % 2)})班`, '', '', 1, '']);
  const kinds = ['谈心', '家长电话', '家访', '监护人联系', '亲情电话'];
  const log: Cell[][] = [['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限']];
  for (let i = 0; i < 3000; i++) {
    const c = pick(rng, children);
    const date = addDays('2026-09-01', Math.floor(rng() * 95));
    const followUp = rng() < 0.05;
    log.push([date, c.name, c.cls, pick(rng, kinds), '学生', `班主任${i % 12}`, '谈了学习和生活', followUp ? '是' : '否', followUp ? addDays(date, 10) : '']);
  }
  const plans: Cell[][] = [['学生', '班级', '帮扶教师', '重点原因', '目标', '措施', '时间安排', '阶段性效果', '下次评估日期']];
  focus.slice(0, 40).forEach((c, i) => plans.push([c.name, c.cls, '', '学习', '提高成绩', i % 3 ? '每周辅导' : '', '', '', addDays('2026-11-20', i)]));
  const settings: Cell[][] = [
    ['设置项', '值', '说明'],
    ['本学期开始日期', '2026-09-01', ''],
    ['本学期结束日期', '2027-01-20', ''],
  ];
  return workbookBytes([
    ...sheets,
    { name: '帮扶人员', sheet: worksheet(mentors) },
    { name: '谈心记录', sheet: worksheet(log) },
    { name: '帮扶计划', sheet: worksheet(plans) },
    { name: '设置', sheet: worksheet(settings) },
  ]);
}

const file =
  (...p: string[]) =>
  () =>
    new Uint8Array(fs.readFileSync(path.join(ROOT, ...p)));
const WORKBOOKS: Record<string, { bytes: () => Uint8Array; today: IsoDate; lang: Lang }> = {
  'assets/sample-roster.xlsx': { bytes: file('assets', 'sample-roster.xlsx'), today: '2026-11-30', lang: 'zh-CN' },
  'assets/sample-roster.xlsx, en-US': { bytes: file('assets', 'sample-roster.xlsx'), today: '2026-12-20', lang: 'en-US' },
  ...Object.fromEntries(
    fs
      .readdirSync(path.join(ROOT, 'tests', 'fixtures'))
      .filter((f) => f.endsWith('.xlsx') && f !== 'no-roster.xlsx')
      .map((f) => [`tests/fixtures/${f}`, { bytes: file('tests', 'fixtures', f), today: '2025-09-15', lang: 'zh-CN' }]),
  ),
  'a school of 1,200 on 12 class sheets': { bytes: school, today: '2026-11-30', lang: 'zh-CN' },
};

const hash = (x: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)))
    .digest('hex')
    .slice(0, 16);

/** One line per op (kind, sheet, rows, hash) and the results beside the plan. */
function digest(plan: MaintenancePlan): Record<string, string> {
  const out: Record<string, string> = {};
  plan.plan.ops.forEach((op, i) => {
    const rows = op.kind === 'replaceSheet' || op.kind === 'createSheetIfMissing' ? op.content.rows.length : op.kind === 'appendRows' ? op.rows.length : 0;
    out[`${String(i).padStart(2, '0')} ${op.kind} ${op.sheet}`] = `${rows} rows ${hash(op)}`;
  });
  out.findings = hash(plan.findings);
  out.summary = hash(plan.summary);
  out.reminders = hash(plan.contacts.reminders);
  out.pairing = hash({ stats: plan.pairing.stats, findings: plan.pairing.findings, rows: plan.pairing.result.rows });
  out.roster = hash({ layouts: plan.roster.layouts, records: plan.roster.records, skipped: plan.roster.skipped });
  out.childFiles = hash({ children: plan.childFiles.children, entries: plan.childFiles.entries, supportPlans: plan.childFiles.supportPlans });
  return out;
}

async function digestOf(name: string): Promise<Record<string, string>> {
  const w = WORKBOOKS[name];
  const snapshot = await openXlsx(w.bytes()).read();
  return digest(planMaintenance(snapshot, { today: w.today, lang: w.lang, calendar, printSheets: true }));
}

if (process.env.UPDATE_PLAN_DIGESTS) {
  test('writes plan-digests.json', async () => {
    const all: Record<string, Record<string, string>> = {};
    for (const name of Object.keys(WORKBOOKS)) all[name] = await digestOf(name);
    fs.writeFileSync(DIGESTS, JSON.stringify(all, null, 2) + '\n');
  });
} else {
  const expected = JSON.parse(fs.readFileSync(DIGESTS, 'utf8')) as Record<string, Record<string, string>>;
  test('every workbook has its digests', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(WORKBOOKS).sort());
  });
  test.each(Object.keys(WORKBOOKS))('%s is planned as before, sheet by sheet', async (name) => {
    expect(await digestOf(name)).toEqual(expected[name]);
  });
}
