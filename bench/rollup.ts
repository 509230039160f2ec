/**
 * County roll-up benchmark: 50 schools of 300 children, each with a school year of log rows (about 40 per
 * child: talks, parent calls, guardian contacts, home visits), then one roll-up plan. Prints the time of
 * computeSummary over every school, of the roll-up, and of the sheet plans.
 *
 *   npx tsx bench/rollup.ts [schools] [children]
 */
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/core/dates';
import '../src/core/i18n/all';
import { computeSummary, periodFor, rollupPlan, summarySheetOp, reportSheetOp, type SummaryChild, type SummaryInput, type SummaryLogEntry } from '../src/core/summary';

const SCHOOLS = Number(process.argv[2] ?? 50);
const CHILDREN = Number(process.argv[3] ?? 300);
const ENTRIES_PER_CHILD = 40;

/** Deterministic so runs compare (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['talk', 'talk', 'parentCall', 'parentCall', 'parentCall', 'guardianContact', 'familyCall', 'homeVisit'];
const RELATIONS = ['爷爷', '奶奶', '外公', '外婆', '母亲', '叔叔', '邻居'];

function school(seed: number): SummaryInput {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const children: SummaryChild[] = Array.from({ length: CHILDREN }, (_, i) => {
    const grade = 1 + (i % 9);
    return {
      key: `c${i}`,
      name: `学生${i}`,
      gender: r() < 0.5 ? '男' : '女',
      grade,
      classLabel: `${grade}年级${1 + Math.floor(r() * 3)}班`,
      leftBehindType: r() < 0.6 ? 'both' : 'one',
      guardianRelation: pick(RELATIONS),
      boarding: r() < 0.4,
      keyFocus: r() < 0.1,
    };
  });
  const teachers = Array.from({ length: 20 }, (_, i) => `教师${i}`);
  const log: SummaryLogEntry[] = [];
  for (const c of children) {
    for (let k = 0; k < ENTRIES_PER_CHILD; k++) {
      log.push({
        date: addDays('2026-09-01', Math.floor(r() * 365)),
        childKey: c.key,
        classLabel: c.classLabel,
        kind: pick(KINDS),
        target: '',
        recorder: pick(teachers),
        followUp: r() < 0.05,
        followUpDue: null,
        followUpDone: r() < 0.5,
      });
    }
  }
  return {
    children,
    findings: Array.from({ length: 30 }, () => ({ rule: pick(['required', 'phone-format', 'id-checksum']), severity: 'warning' as const })),
    pairs: children.map((c) => ({ childKey: c.key, teacher: pick(teachers), buddy: r() < 0.7 ? '同学' : '', proxy: r() < 0.3 ? '代理家长' : '' })),
    mentors: teachers.map((name) => ({ name, kind: '任课教师', capacity: 20 })),
    log,
    cadences: { parentCallDays: 14 },
  };
}

const chosen = periodFor({ kind: 'year' }, '2027-08-31');
if (!chosen.ok) throw new Error(chosen.messageKey);
const period = chosen.period;

const t0 = performance.now();
const inputs = Array.from({ length: SCHOOLS }, (_, i) => school(i + 1));
const t1 = performance.now();
const cpu1 = process.cpuUsage();
const figures = inputs.map((input, i) => ({ school: `学校${i + 1}`, figures: computeSummary(input, period) }));
const t2 = performance.now();
const result = rollupPlan(figures, 'zh-CN');
const t3 = performance.now();
const cpu3 = process.cpuUsage(cpu1);
for (const f of figures) {
  summarySheetOp(f.figures, 'zh-CN');
  reportSheetOp(f.figures, 'zh-CN');
}
const t4 = performance.now();
if (!result.ok) throw new Error(result.messageKey);

const entries = inputs.reduce((a, s) => a + s.log.length, 0);
const rows = result.plan.ops.reduce((a, op) => a + (op.kind === 'replaceSheet' ? op.content.rows.length : 0), 0);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`roll-up bench: ${SCHOOLS} schools x ${CHILDREN} children, ${entries.toLocaleString('en-US')} log rows (school year)`);
console.log(`  generate inputs              ${ms(t1 - t0)}`);
console.log(`  computeSummary, all schools  ${ms(t2 - t1)}  (${((t2 - t1) / SCHOOLS).toFixed(1)} ms a school)`);
console.log(`  rollupPlan (${result.plan.ops.length} sheets, ${rows} rows)  ${ms(t3 - t2)}`);
console.log(`  summary + report sheet plans ${ms(t4 - t3)}`);
console.log(`  computeSummary + roll-up     ${ms(t3 - t1)} wall, ${ms((cpu3.user + cpu3.system) / 1000)} CPU (wall time suffers on a busy machine)`);
console.log(`  check: ${result.total.children} children, ${result.total.contact.talks} talks, talk coverage ${(result.total.contact.talkShare * 100).toFixed(1)}%`);
