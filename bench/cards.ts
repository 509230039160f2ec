/**
 * Cards benchmark (issue 16): 联系卡, 成长记录 and 帮扶计划 for 2,000 children and 100,000 谈心记录 rows.
 *   cards   — planChildFiles: gather each child's facts, the 联系卡 plan (16 rows a card, page breaks),
 *             the 成长记录 plan (every entry in date order, paged) and the 帮扶计划 rows, findings, reviews.
 * The log is read once beforehand with readLog (its cost is the reminders bench's "read"). Prints the
 * median of several runs in milliseconds, wall and CPU (aim: under 2 s), and the plans' sizes.
 *
 *   npx tsx bench/cards.ts [--children N] [--rows R] [--runs K]
 */
import { arg, CLASSES, GIVEN, median, seeded, SURNAMES } from './sample-data';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CellValue } from '../src/core/cells';
import { planChildFiles } from '../src/core/cards';
import { KIND_LABELS } from '../src/core/contacts/kinds';
import { LOG_HEADERS, readLog } from '../src/core/contacts/log';
import { addDays, toIso } from '../src/core/dates';
import '../src/core/i18n/all';
import { classNormalizer } from '../src/core/pairing';
import type { PairingRow } from '../src/core/pairing/types';
import type { RosterRecord } from '../src/core/roster/types';
import { SHEETS } from '../src/core/sheets';
import type { WorkbookSnapshot } from '../src/core/snapshot';

const CHILDREN = arg('--children', 2000);
const ROWS = arg('--rows', 100_000);
const RUNS = arg('--runs', 7);
const TODAY = '2026-11-30';

const { rand, pick } = seeded(16);
const classes = CLASSES;
const phone = () => `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;

const records: RosterRecord[] = Array.from({ length: CHILDREN }, (_, i) => {
  const name = `${pick(SURNAMES)}${pick(GIVEN)}${i}`;
  return {
    sheet: '花名册',
    row: i + 1,
    name,
    gender: rand() < 0.5 ? '男' : '女',
    birthDate: toIso(2013 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
    idNumber: null,
    grade: 1 + (i % 6),
    classLabel: classes[i % classes.length],
    address: `青山镇石桥村${i % 12}组`,
    guardianName: `${pick(SURNAMES)}${pick(GIVEN)}`,
    guardianRelation: '祖父',
    guardianPhone: phone(),
    guardianAge: 60 + (i % 15),
    fatherPhone: phone(),
    motherPhone: rand() < 0.7 ? phone() : null,
    parentPhone: null,
    leftBehindType: 'both',
    boarding: rand() < 0.3,
    keyFocus: rand() < 0.15,
    lunarBirthday: false,
    joinDate: null,
    raw: { fatherName: `${pick(SURNAMES)}父`, fatherWorkplace: '广东东莞', motherName: `${pick(GIVEN)}母` },
  };
});
const none = { mentor: null, reason: null, kept: false, unpaired: null };
const rows: PairingRow[] = records.map((r) => ({
  child: { key: `k${r.row}`, name: r.name, classLabel: r.classLabel, keyFocus: r.keyFocus, village: null, row: r.row },
  teacher: { ...none, mentor: `老师${r.row % 150}` },
  buddy: none,
  proxy: none,
  source: 'auto',
  lock: '',
  stamp: '',
}));
const logRows: CellValue[][] = Array.from({ length: ROWS }, () => {
  const c = pick(records);
  return [
    addDays('2025-09-01', Math.floor(rand() * 450)),
    c.name,
    c.classLabel,
    pick(KIND_LABELS),
    '学生',
    '陈老师',
    '谈了学习和生活，孩子最近想念父母，约定下周再聊',
    rand() < 0.03 ? '是' : '否',
    '',
  ];
});
const workbook: WorkbookSnapshot = { sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [[...LOG_HEADERS], ...logRows] }] };
const log = readLog(workbook, records, TODAY).entries;

const wall: number[] = [];
const cpu: number[] = [];
let sizes = '';
for (let i = 0; i < RUNS; i++) {
  global.gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const files = planChildFiles(workbook, {
    records,
    pairing: { rows, mentors: [], mentorLayout: null },
    log,
    today: TODAY,
    lang: 'zh-CN',
    schoolNameLabel: '学校名称',
    normalizeClass: classNormalizer(TODAY),
  });
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  const rowsOf = (op: typeof files.cards) => (op.kind === 'replaceSheet' ? op.content.rows.length : 0);
  const breaks = (op: typeof files.cards) => (op.kind === 'replaceSheet' ? (op.content.print?.breaksBefore?.length ?? 0) : 0);
  sizes = `联系卡 ${rowsOf(files.cards)} rows / ${breaks(files.cards) + 1} pages; 成长记录 ${rowsOf(files.records)} rows / ${breaks(files.records) + 1} pages; 帮扶计划 ${files.supportPlans.findings.length} plans missing`;
}
console.log(`cards: ${CHILDREN} children, ${log.length} log entries read (${ROWS} rows)`);
console.log(`  ${sizes}`);
console.log(`  planChildFiles median of ${RUNS}: ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (aim < 2,000 ms)`);
console.log(
  `  machine: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
