/**
 * Cards benchmark (issue 16): 联系卡, 成长记录 and 帮扶计划 for 2,000 children and 100,000 谈心记录 rows.
 *   cards   — planChildFiles: gather each child's facts, the 联系卡 plan (16 rows a card, page breaks),
 *             the 成长记录 plan (every entry in date order, paged) and the 帮扶计划 rows, findings, reviews.
 * The log is read once beforehand with readLog (its cost is the reminders bench's "read"). Prints the
 * median of several runs in milliseconds, wall and CPU (aim: under 2 s), and the plans' sizes.
 *
 * With --office, the two printed sheets are then written through the Office port into the Office double
 * (a host like Excel on the web, ExcelApi 1.20, request limits lifted so the size is measured) and read back
 * once: the syncs, commands and request/response bytes that decide whether they belong in every apply.
 *
 *   npx tsx bench/cards.ts [--children N] [--rows R] [--runs K] [--office]
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
import type { PlanOp, SheetContent } from '../src/core/plan/types';
import { createOfficePort } from '../src/workbook/office';
import { createOfficeDouble, registerWireMode } from '../tests/office-double';
import { wireExcelRun } from '../tests/office-double/wire';

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
  // Each print job may be in parts (联系卡（2）…: Excel keeps 1,023 page breaks a sheet): rows and pages over all of them.
  const sizeOf = (ops: typeof files.cardSheets) => {
    const sum = (f: (c: SheetContent) => number) => ops.reduce((n, op) => n + (op.kind === 'replaceSheet' ? f(op.content) : 0), 0);
    return `${sum((c) => c.rows.length)} rows / ${sum((c) => (c.print?.breaksBefore?.length ?? 0) + 1)} pages on ${ops.length} sheet(s)`;
  };
  sizes = `联系卡 ${sizeOf(files.cardSheets)}; 成长记录 ${sizeOf(files.recordSheets)}; 帮扶计划 ${files.supportPlans.findings.length} plans missing`;
}
console.log(`cards: ${CHILDREN} children, ${log.length} log entries read (${ROWS} rows)`);
console.log(`  ${sizes}`);
console.log(`  planChildFiles median of ${RUNS}: ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (aim < 2,000 ms)`);
console.log(
  `  machine: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

/** Write 联系卡 and 成长记录 through the Office port into the double, then read the workbook back: what it costs in Excel. */
async function officeCost(ops: PlanOp[]): Promise<void> {
  // --wire: through Microsoft's own client (slow: use fewer children), so the bytes are the client's, not the double's estimate.
  const wire = process.argv.includes('--wire');
  if (wire) registerWireMode(wireExcelRun, false);
  const d = createOfficeDouble({ api: 20, ...(wire ? { mode: 'wire' as const } : {}), requestLimit: Number.MAX_SAFE_INTEGER, responseLimit: Number.MAX_SAFE_INTEGER });
  const port = createOfficePort(d.excel, d.office);
  const measure = async (what: string, work: () => Promise<unknown>) => {
    d.resetStats();
    await work();
    const syncs = d.stats.syncs;
    const sum = (f: (s: (typeof syncs)[number]) => number) => syncs.reduce((n, s) => n + f(s), 0);
    const max = (f: (s: (typeof syncs)[number]) => number) => Math.max(0, ...syncs.map(f));
    if (process.env.PER_SYNC) console.log(syncs.map((s) => `${s.commands}/${s.requestBytes}`).join(' '), [...d.stats.calls].sort((a, b) => b[1] - a[1]).slice(0, 8));
    console.log(
      `  ${what}: ${syncs.length} syncs, ${sum((s) => s.commands).toLocaleString('en-US')} commands, request ${sum((s) => s.requestBytes).toLocaleString('en-US')} B in all (largest ${max((s) => s.requestBytes).toLocaleString('en-US')} B), response ${sum((s) => s.responseBytes).toLocaleString('en-US')} B in all`,
    );
  };
  for (const op of ops) await measure(`Office port, write ${op.sheet}`, () => port.apply({ ops: [op] }));
  await measure('Office port, read every sheet back (port.read(), as each pane action does)', () => port.read());
}

if (process.argv.includes('--office')) {
  const files = planChildFiles(workbook, {
    records,
    pairing: { rows, mentors: [], mentorLayout: null },
    log,
    today: TODAY,
    lang: 'zh-CN',
    schoolNameLabel: '学校名称',
    normalizeClass: classNormalizer(TODAY),
  });
  void officeCost([...files.cardSheets, ...files.recordSheets]);
}
