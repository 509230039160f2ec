/**
 * County roll-up benchmark: 50 schools of 300 children, each with a school year of log rows (about 40 per
 * child: talks, parent calls, guardian contacts, home visits), then one roll-up plan. Prints the time of
 * computeSummary over every school, of the roll-up, and of the sheet plans.
 *
 *   npx tsx bench/rollup.ts [schools] [children]
 */
import { performance } from 'node:perf_hooks';
import '../src/core/i18n/all';
import { computeSummary, periodFor, rollupPlan, summarySheetOp, reportSheetOp } from '../src/core/summary';
import { school } from './schools';

const SCHOOLS = Number(process.argv[2] ?? 50);
const CHILDREN = Number(process.argv[3] ?? 300);

const chosen = periodFor({ kind: 'year' }, '2027-08-31');
if (!chosen.ok) throw new Error(chosen.messageKey);
const period = chosen.period;

const t0 = performance.now();
const inputs = Array.from({ length: SCHOOLS }, (_, i) => school(i + 1, CHILDREN));
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
