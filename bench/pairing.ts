/**
 * Pairing benchmark: a seeded school of 5,000 children and 1,200 mentors.
 *   fresh  — assignMentors with no sheet from before (all three roles);
 *   rerun  — the whole pipeline again over the written 结对帮扶 (read, match, solve with stability, plan);
 * Prints the median of several runs in milliseconds (aim: under 1 s).
 *
 *   npx tsx bench/pairing.ts [--children N] [--mentors M] [--runs R]
 */
import { performance } from 'node:perf_hooks';
import { assignMentors, identifyChildren, planPairing } from '../src/core/pairing';
import { mentorRows, mentorSheet, randomSchool, seededRandom, sheetFromOp, simpleClass, withSheet, workbookOf } from '../src/core/pairing/testkit';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHILDREN = arg('--children', 5000);
const MENTORS = arg('--mentors', 1200);
const RUNS = arg('--runs', 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const school = randomSchool({ children: CHILDREN, mentors: MENTORS, classes: 100, villages: 40, keyShare: 0.2 }, seededRandom(4));
const children = identifyChildren(school.children);
const workbook = workbookOf(mentorSheet(mentorRows(school.mentors)));

const fresh: number[] = [];
let served = { teacher: 0, buddy: 0, proxy: 0 };
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const out = assignMentors({ children, mentors: school.mentors });
  fresh.push(performance.now() - t0);
  served = { teacher: 0, buddy: 0, proxy: 0 };
  for (const a of out.byChild.values()) for (const role of ['teacher', 'buddy', 'proxy'] as const) if (a[role].mentor) served[role]++;
}

const first = planPairing(workbook, school.children, 'zh-CN', { today: '2025-09-15', normalizeClass: simpleClass });
const written = withSheet(workbook, sheetFromOp(first.ops[first.ops.length - 1]));
const rerun: number[] = [];
let changes = -1;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const again = planPairing(written, school.children, 'zh-CN', { today: '2025-09-15', normalizeClass: simpleClass });
  rerun.push(performance.now() - t0);
  changes = again.diff.changes.length;
}

console.log(`pairing: ${CHILDREN} children, ${MENTORS} mentors, median of ${RUNS} runs`);
console.log(`  fresh assignment (3 roles): ${median(fresh).toFixed(0)} ms   served: teacher ${served.teacher}, buddy ${served.buddy}, proxy ${served.proxy}`);
console.log(`  rerun over written sheet:   ${median(rerun).toFixed(0)} ms   changes: ${changes}`);
