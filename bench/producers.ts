/**
 * Producer-corpus benchmark: the file port's apply on the largest file of tests/producers (by bytes,
 * generated fixtures included), as corpus.test.ts runs it:
 *   open+read  — unzip, sheet list, values of every sheet;
 *   apply 1    — the roster check's findings sheet and its marks with notes;
 *   apply 2    — the whole upkeep (planMaintenance's plan);
 *   save       — zip the package.
 * Prints the median of several runs in milliseconds, wall and CPU (process user + system, so it includes
 * the collector), and the file. Planning time (checkRoster, planMaintenance) is left out.
 *
 *   npx tsx bench/producers.ts [--runs K]
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import '../src/core/i18n/all';
import { createTymeCalendar } from '../src/core/calendar/tyme';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings } from '../src/core/roster';
import { planMaintenance } from '../src/core/workflow';
import { openXlsx } from '../src/workbook/file';
import { CORPUS } from '../tests/producers/corpus';
import { CORPUS_TODAY } from '../tests/producers/roster';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const sized = CORPUS.filter((e) => !e.strict)
  .map((e) => ({ e, bytes: e.bytes() }))
  .sort((a, b) => b.bytes.length - a.bytes.length);
const { e: largest, bytes } = sized[0];

async function once(): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {};
  let wall = performance.now();
  let cpu = cpuMs();
  const lap = (name: string) => {
    const w = performance.now();
    const c = cpuMs();
    out[name] = [w - wall, c - cpu];
    wall = performance.now();
    cpu = cpuMs();
  };
  const port = openXlsx(bytes);
  const before = await port.read();
  lap('open+read');
  const check = checkRoster(before, { today: CORPUS_TODAY, override: overrideFromSettings(before) });
  const first = { ops: [findingsSheetPlan(check, 'zh-CN', CORPUS_TODAY), ...markOps(check, 'zh-CN')] };
  wall = performance.now();
  cpu = cpuMs();
  await port.apply(first);
  lap('apply 1 (findings + marks)');
  const upkeep = planMaintenance(await port.read(), { today: CORPUS_TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
  wall = performance.now();
  cpu = cpuMs();
  await port.apply(upkeep.plan);
  lap('apply 2 (upkeep)');
  port.save();
  lap('save');
  return out;
}

async function main(): Promise<void> {
  console.log(`largest corpus file: ${largest.file} (${bytes.length.toLocaleString('en-US')} bytes; ${largest.writer})`);
  console.log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await once(); // warm-up: module initialisation, JIT
  const runs: Record<string, [number, number]>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  for (const name of Object.keys(runs[0])) {
    console.log(
      `${name.padEnd(28)} ${median(runs.map((r) => r[name][0]))
        .toFixed(1)
        .padStart(7)} ms wall  ${median(runs.map((r) => r[name][1]))
        .toFixed(1)
        .padStart(7)} ms CPU   (median of ${RUNS})`,
    );
  }
}

void main();
