/**
 * The school's life (issue 17): 2,000 children; 5,000 活动记录 rows naming 1–40 children, a class or
 * 全体留守儿童; 40,000 留守之家签到 rows; 2,000 基金收支 rows; 30 interest groups; 300 培训记录 rows —
 * dates typed in mixed forms.
 *   read    — readLife over the snapshot (headers, dates, the name matcher, pickup and fund rules, balance);
 *   figures — lifeFigures for the term, and 统计汇总's rows and 工作报告's sentences (zh-CN);
 *   remind  — lifeReminderItems (no activity, the month's 生日会, untrained mentors);
 *   upkeep  — the whole planMaintenance (roster check, pairing, reminders, summary, report, findings) over a
 *             roster of the same children with the five sheets, and without them (the difference is their cost).
 * Prints medians of several runs in milliseconds, wall and CPU (aim: the summary under 1 s).
 *
 *   npx tsx bench/life.ts [--children N] [--runs K]
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CellValue } from '../src/core/cells';
import { createTymeCalendar } from '../src/core/calendar/tyme';
import type { ChildRecord } from '../src/core/contacts/log';
import { addDays, toExcelSerial, toIso } from '../src/core/dates';
import '../src/core/i18n/all';
import { lifeFigures, readLife, type LifeChild } from '../src/core/life';
import { ACTIVITY_FIELDS, FUND_FIELDS, GROUP_FIELDS, ROLL_CALL_FIELDS, TRAINING_FIELDS } from '../src/core/life/templates';
import { ACTIVITY_TYPES } from '../src/core/life/types';
import { recordKey } from '../src/core/roster/types';
import { lifeReminderItems } from '../src/core/reminders/life';
import { SHEETS } from '../src/core/sheets';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { lifeParagraphs, lifeSummaryRows } from '../src/core/summary/life';
import { planMaintenance } from '../src/core/workflow';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHILDREN = arg('--children', 2000);
const RUNS = arg('--runs', 7);
const TODAY = '2026-11-30';
const TERM = { from: '2026-09-01', to: '2027-01-20' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// mulberry32: integer arithmetic only, so the sequence does not collapse the way a float LCG does.
let seed = 17;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '明华芳军丽强静敏磊洋艳勇杰娟涛超秀霞平刚桂英'.split('');
const classes = Array.from({ length: 60 }, (_, i) => `${'一二三四五六'[i % 6]}(${Math.floor(i / 6) + 1})班`);
const records: (ChildRecord & LifeChild)[] = Array.from({ length: CHILDREN }, (_, i) => ({
  row: i + 2,
  name: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN) + (rand() < 0.3 ? pick(GIVEN) : ''),
  classLabel: classes[i % classes.length],
  birthDate: toIso(2012 + Math.floor(rand() * 8), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
  lunarBirthday: rand() < 0.2,
  joinDate: null,
  keyFocus: rand() < 0.15,
  registered: [pick(SURNAMES) + pick(GIVEN) + pick(GIVEN)],
}));

const dateForms = [
  (d: string) => toExcelSerial(d) as CellValue,
  (d: string) => d,
  (d: string) => d.replace(/-0?/g, '.'),
  (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`,
];
const date = (days: number) => pick(dateForms)(addDays('2026-09-01', Math.floor(rand() * days)));
const names = (n: number) => Array.from({ length: n }, () => pick(records).name).join(pick(['、', '，', ' ', ';']));
const header = (fields: readonly { header: string }[]) => fields.map((f) => f.header);
const sheet = (name: string, rows: CellValue[][]) => ({ name, origin: { row: 0, col: 0 }, values: rows });

const activities: CellValue[][] = Array.from({ length: 5000 }, () => {
  const r = rand();
  const who = r < 0.05 ? '全体留守儿童' : r < 0.3 ? pick(classes) : names(1 + Math.floor(rand() * 40));
  return [date(90), '活动', pick(ACTIVITY_TYPES), '陈老师', who, ''];
});
const rollCall: CellValue[][] = Array.from({ length: 40000 }, () => {
  const c = pick(records);
  const gone = rand() < 0.98;
  return [date(90), c.name, '8:00', gone ? '11:30' : '', gone ? (rand() < 0.9 ? c.registered[0] : '某人') : '', rand() < 0.5 ? '祖母' : '', '值班'];
});
const fund: CellValue[][] = Array.from({ length: 2000 }, () => {
  const income = rand() < 0.3;
  return [
    date(90),
    income ? '收入' : '支出',
    Math.round(rand() * (income ? 300000 : 100000)) / 100,
    '用途',
    income ? '' : names(1 + Math.floor(rand() * 3)),
    '经手',
    rand() < 0.95 ? 'P' : '',
  ];
});
const groups: CellValue[][] = Array.from({ length: 30 }, (_, i) => [`小组${i}`, '老师', '周三', names(20)]);
const training: CellValue[][] = Array.from({ length: 300 }, (_, i) => [date(90), `老师${i % 150}、老师${(i + 7) % 150}`, '培训', 2, 1]);
const workbook: WorkbookSnapshot = {
  sheets: [
    sheet(SHEETS.activities, [header(ACTIVITY_FIELDS), ...activities]),
    sheet(SHEETS.groups, [header(GROUP_FIELDS), ...groups]),
    sheet(SHEETS.rollCall, [header(ROLL_CALL_FIELDS), ...rollCall]),
    sheet(SHEETS.fund, [header(FUND_FIELDS), ...fund]),
    sheet(SHEETS.training, [header(TRAINING_FIELDS), ...training]),
  ],
};
// The same children on a roster, for the whole upkeep (phones and guardians valid, so the roster is clean).
const roster = sheet('花名册', [
  ['姓名', '性别', '出生日期', '班级', '监护人姓名', '与学生关系', '监护人电话'],
  ...records.map((c, i): CellValue[] => [c.name, i % 2 ? '男' : '女', c.birthDate, c.classLabel, c.registered[0], '祖母', `138${String(10000000 + i).slice(-8)}`]),
]);
const withLife: WorkbookSnapshot = { sheets: [roster, ...workbook.sheets] };
const withoutLife: WorkbookSnapshot = { sheets: [roster] };

const mentors = Array.from({ length: 200 }, (_, i) => ({ name: `老师${i}`, kind: '班主任' }));
const mentorByChild = new Map(records.map((c) => [recordKey(c), `老师${c.row % 200}`]));
const classTeachers = new Map(classes.map((c, i) => [c, `老师${i}`]));

const wall = { read: [] as number[], figures: [] as number[], remind: [] as number[], upkeep: [] as number[], upkeepBare: [] as number[] };
const cpu = { read: [] as number[], figures: [] as number[], remind: [] as number[], upkeep: [] as number[], upkeepBare: [] as number[] };
let summary = '';
for (let i = 0; i < RUNS + 1; i++) {
  const calendar = createTymeCalendar();
  const time = <T>(key: keyof typeof wall, f: () => T): T => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = f();
    if (i > 0) {
      wall[key].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[key].push((c.user + c.system) / 1000);
    }
    return out;
  };
  const read = time('read', () => readLife(workbook, records, TODAY));
  const figures = time('figures', () => {
    const f = lifeFigures(read, records.length, TERM);
    lifeSummaryRows(f, records.length, 'zh-CN', (section, item, cells) => [section, item, cells.count ?? null, cells.shareOfAll ?? null, cells.note ?? null]);
    lifeParagraphs(f, records.length, 'zh-CN', '本学期');
    return f;
  });
  const items = time('remind', () =>
    lifeReminderItems({
      today: TODAY,
      termStart: TERM.from,
      termEnd: TERM.to,
      children: records,
      activities: read.activities,
      training: read.training,
      mentors,
      calendar,
      mentorByChild,
      classTeachers,
    }),
  );
  time('upkeep', () => planMaintenance(withLife, { today: TODAY, lang: 'zh-CN', calendar }));
  time('upkeepBare', () => planMaintenance(withoutLife, { today: TODAY, lang: 'zh-CN', calendar }));
  summary = `findings ${read.findings.length}, activities ${figures.activities.count} (children taking part ${figures.activities.childrenTakingPart}), attendances ${figures.rollCall.attendances}, pickups missing ${figures.rollCall.pickupsMissing}, fund balance ${figures.fund.balance}, reminder items ${items.length}`;
}
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
console.log(
  `life: ${CHILDREN} children, 5,000 activities, 40,000 roll-call rows, 2,000 fund rows, 30 groups, 300 training rows; ${RUNS} runs, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
);
console.log(summary);
for (const key of ['read', 'figures', 'remind'] as const) console.log(`  ${key.padEnd(8)} ${fmt(wall[key])} wall, ${fmt(cpu[key])} CPU`);
const total = (o: Record<string, number[]>) => median(o.read.map((_, i) => o.read[i] + o.figures[i] + o.remind[i]));
console.log(`  total    ${total(wall).toFixed(0)} ms wall, ${total(cpu).toFixed(0)} ms CPU`);
console.log(`  upkeep with the five sheets ${fmt(wall.upkeep)} wall, ${fmt(cpu.upkeep)} CPU; without them ${fmt(wall.upkeepBare)} wall, ${fmt(cpu.upkeepBare)} CPU`);
