/**
 * Reminders benchmark: 2,000 children, 100,000 谈心记录 rows typed in mixed date forms.
 *   read   — readContactSettings + readLog over the snapshot (dates, names, kinds, findings);
 *   build  — buildReminders (cadences, school days, follow-ups, birthdays, calendar items);
 *   sheet  — remindersSheetOp (the 提醒事项 plan, rendered in zh-CN).
 * Prints the median of several runs in milliseconds, wall and CPU (aim: the whole under 1 s), and the
 * cold first run (tyme4ts's holiday tables are probed once per year and cached). On a shared machine
 * wall time includes waiting for a core; the CPU figure does not, so compare that one across runs.
 *
 *   npx tsx bench/reminders.ts [--children N] [--rows R] [--runs K]
 */
import { arg, CLASSES, GIVEN, median, seeded, SURNAMES } from './sample-data';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CellValue } from '../src/core/cells';
import { createTymeCalendar } from '../src/core/calendar/tyme';
import { KIND_LABELS } from '../src/core/contacts/kinds';
import { LOG_HEADERS, readLog, type ChildRecord } from '../src/core/contacts/log';
import { readContactSettings } from '../src/core/contacts/settings';
import { addDays, toExcelSerial, toIso } from '../src/core/dates';
import '../src/core/i18n/all';
import { buildReminders } from '../src/core/reminders/build';
import { remindersSheetOp } from '../src/core/reminders/sheet';
import { SHEETS } from '../src/core/sheets';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { recordKey } from '../src/core/roster/types';

const CHILDREN = arg('--children', 2000);
const ROWS = arg('--rows', 100_000);
const RUNS = arg('--runs', 7);
const TODAY = '2026-11-30';

const { rand, pick } = seeded(5);

const classes = CLASSES;
const children: ChildRecord[] = Array.from({ length: CHILDREN }, (_, i) => ({
  row: i + 2,
  name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : ''),
  classLabel: classes[i % classes.length],
  birthDate: toIso(2012 + Math.floor(rand() * 8), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
  lunarBirthday: rand() < 0.2,
  joinDate: rand() < 0.05 ? '2026-10-15' : null,
  keyFocus: rand() < 0.15,
}));

const dateForms = [
  (d: string) => toExcelSerial(d) as CellValue,
  (d: string) => d,
  (d: string) => d.replace(/-0?/g, '.'),
  (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`,
  (d: string) => d.replace(/-0?/g, '/'),
];
const logRows: CellValue[][] = Array.from({ length: ROWS }, () => {
  const c = pick(children);
  const date = addDays('2025-09-01', Math.floor(rand() * 455));
  const followUp = rand() < 0.03;
  return [pick(dateForms)(date), c.name, c.classLabel, pick(KIND_LABELS), '学生', '陈老师', '谈了学习和生活', followUp ? '是' : '否', followUp ? addDays(date, 7) : ''];
});
const workbook: WorkbookSnapshot = { sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [[...LOG_HEADERS], ...logRows] }] };
const mentorByChild = new Map(children.filter(() => rand() < 0.8).map((c) => [recordKey(c), `老师${c.row % 150}`]));
const classTeachers = new Map(classes.map((c, i) => [c, `班主任${i}`]));

const read: number[] = [];
const build: number[] = [];
const sheet: number[] = [];
let items = 0;
let findings = 0;
let cold = 0;
const cpu: number[] = [];
const cpuRead: number[] = [];
const cpuBuild: number[] = [];
for (let i = 0; i < RUNS + 1; i++) {
  const calendar = createTymeCalendar(); // fresh caches each run: the pane builds one per session
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const settings = readContactSettings(workbook, TODAY);
  const log = readLog(workbook, children, TODAY);
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const result = buildReminders({ today: TODAY, children, log: log.entries, settings: settings.settings, calendar, mentorByChild, classTeachers });
  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  remindersSheetOp(result.items, 'zh-CN', TODAY, result.calendarNotes);
  const t3 = performance.now();
  const used = process.cpuUsage(cpu0);
  if (i === 0) {
    cold = t3 - t0;
    continue; // JIT warm-up
  }
  read.push(t1 - t0);
  build.push(t2 - t1);
  sheet.push(t3 - t2);
  cpu.push((used.user + used.system) / 1000);
  const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  cpuRead.push(ms(cpu0, cpu1));
  cpuBuild.push(ms(cpu1, cpu2));
  items = result.items.length;
  findings = log.findings.length + settings.findings.length;
}
const total = read.map((r, i) => r + build[i] + sheet[i]);
console.log(`reminders: ${CHILDREN} children, ${ROWS} log rows, ${items} items, ${findings} findings, median of ${RUNS} runs`);
console.log(`  read log   ${median(read).toFixed(1)} ms wall, ${median(cpuRead).toFixed(1)} ms CPU`);
console.log(`  build      ${median(build).toFixed(1)} ms wall, ${median(cpuBuild).toFixed(1)} ms CPU`);
console.log(`  sheet plan ${median(sheet).toFixed(1)} ms`);
console.log(`  total      ${median(total).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (first, cold run: ${cold.toFixed(1)} ms)`);
// On a busy machine wall time includes waiting for a core; CPU time (all threads, GC included) does not.
console.log(`  load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
