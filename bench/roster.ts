/**
 * Roster benchmark: a generated 100,000-child roster, checked three ways (median of 3 each):
 *   core  — checkRoster on the snapshot, in process (the file already read);
 *   cli   — `tsx src/cli/main.ts validate … --json > /dev/null`, a whole process, end to end;
 *   bare  — a process that only reads the same file with SheetJS, the xlsx library the file port
 *           read through until it had its own reader (tests/helpers/sheetjsRead.ts; this script with
 *           --bare-read), so process and tsx start-up are in both.
 * Prints the figures and the ratio cli / bare (aim: core < 1 s, ratio ≤ 1.5).
 *
 *   node_modules/.bin/tsx bench/roster.ts [--rows N] [--regen] [--core-only] [--runs N]
 *
 * --core-only reads the file once and times only checkRoster (for profiling the core without waiting
 * on the six child processes); --runs sets how many times each step runs (default 3, median printed).
 *
 * The roster is written once into bench/out/ (gitignored) and reused; --regen rewrites it. Nothing is
 * imported at the top beyond Node itself, so the --bare-read child loads only SheetJS.
 */
import { BENCH_HEADER, BENCH_KEYS, plantUsualMistake } from './roster-columns';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const TODAY = '2025-09-15';
const DEFAULT_RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function generate(file: string, rows: number): Promise<void> {
  const { validKid } = await import('../tests/fixtures/build-samples');
  const gen = await import('../tests/fixtures/roster-gen');
  const rng = gen.seededRandom(100_000);
  const keys = BENCH_KEYS;
  const header = BENCH_HEADER;
  const lines: import('../tests/fixtures/roster-gen').Cell[][] = [['某某县留守儿童信息登记表（汇总）'], ['填表日期：2025年9月1日'], header];
  for (let i = 0; i < rows; i++) {
    const grade = 1 + (i % 9);
    const kid = validKid(rng, { grade, cls: 1 + ((i >> 4) % 6) });
    plantUsualMistake(kid, i, gen.withWrongCheck);
    lines.push([i + 1, ...keys.map((k) => kid[k] ?? null)]);
  }
  const sheet = gen.worksheet(lines, [{ r0: 0, c0: 0, r1: 0, c1: header.length - 1 }]);
  writeFileSync(file, gen.workbookBytes([{ name: '留守儿童花名册', sheet }]));
}

/** Child mode: read the file with SheetJS (the options the port used) and nothing else. */
async function bareRead(file: string): Promise<void> {
  const { readXlsxBare } = await import('../tests/helpers/sheetjsRead');
  const result = readXlsxBare(new Uint8Array(readFileSync(file)));
  // Touch the result so the read cannot be skipped.
  if (result === undefined) process.exitCode = 3;
}

/**
 * CPU time (user + system, ms) of this process's finished children and their children, from
 * /proc/self/stat (cutime, cstime). Wall time on a shared machine says as much about the neighbours
 * as about us; CPU time does not, so both are printed.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function timeProcess(args: string[]): { ms: number; cpu: number; status: number | null } {
  const devNull = openSync('/dev/null', 'w');
  try {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(TSX, args, { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'], maxBuffer: 1 << 20 });
    const elapsed = performance.now() - t0;
    const cpu = childrenCpuMs() - cpu0;
    if (r.status === null || r.status > 1) process.stderr.write(`  (${args.join(' ')} exited ${r.status}: ${String(r.stderr).trim()})\n`);
    return { ms: elapsed, cpu, status: r.status };
  } finally {
    closeSync(devNull);
  }
}

/**
 * A full collection before each core run, so a run is not billed for the garbage the file read (or the
 * run before it) left behind: without it the core's CPU time swung between 0.7 and 2 s from run to run.
 * The run's own collections are still counted.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Wall and CPU time of an in-process step. */
async function timed<T>(step: () => T | Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await step();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms, cpu: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--bare-read') return bareRead(argv[1]);
  const rowsAt = argv.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(argv[rowsAt + 1]) : 100_000;
  const runsAt = argv.indexOf('--runs');
  const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1])) : DEFAULT_RUNS;
  const coreOnly = argv.includes('--core-only');
  const file = path.join(OUT, `roster-${rows}.xlsx`);
  mkdirSync(OUT, { recursive: true });
  if (argv.includes('--regen') || !existsSync(file)) {
    const t0 = performance.now();
    await generate(file, rows);
    console.log(`generated ${path.relative(ROOT, file)} (${rows} children) in ${ms(performance.now() - t0)}`);
  }
  const bytes = new Uint8Array(readFileSync(file));
  console.log(`roster: ${path.relative(ROOT, file)}, ${(bytes.length / 1e6).toFixed(1)} MB, ${rows} children`);

  await import('../src/core/i18n/all');
  const { openXlsx } = await import('../src/workbook/file');
  const { readXlsxBare } = await import('../tests/helpers/sheetjsRead');
  const { checkRoster, overrideFromSettings } = await import('../src/core/roster');

  // In-process breakdown, to tell where the command line's time goes.
  const bareIn = { ms: [] as number[], cpu: [] as number[] };
  const portIn = { ms: [] as number[], cpu: [] as number[] };
  let snapshot: Awaited<ReturnType<Awaited<ReturnType<typeof openXlsx>>['read']>> | undefined;
  for (let i = 0; i < (coreOnly ? 1 : RUNS); i++) {
    const b = await timed(() => readXlsxBare(bytes));
    bareIn.ms.push(b.ms);
    bareIn.cpu.push(b.cpu);
    const p = await timed(() => openXlsx(bytes).read());
    portIn.ms.push(p.ms);
    portIn.cpu.push(p.cpu);
    snapshot = p.value;
  }
  const core = { ms: [] as number[], cpu: [] as number[] };
  let children = 0;
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const c = await timed(() => checkRoster(snapshot!, { today: TODAY, override: overrideFromSettings(snapshot!) }));
    core.ms.push(c.ms);
    core.cpu.push(c.cpu);
    children = c.value.records.length;
    findings = c.value.findings.length;
  }
  const both = (m: { ms: number[]; cpu: number[] }) => `${ms(median(m.ms))} wall, ${ms(median(m.cpu))} CPU`;
  if (coreOnly) {
    console.log(
      `children read: ${children}, findings: ${findings}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`core         checkRoster: ${both(core)}   (aim < 1000 ms; CPU runs ${core.cpu.map(ms).join(', ')})`);
    return;
  }

  const cli = { ms: [] as number[], cpu: [] as number[] };
  const bare = { ms: [] as number[], cpu: [] as number[] };
  let status: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const c = timeProcess(['src/cli/main.ts', 'validate', file, '--json', '--today', TODAY]);
    cli.ms.push(c.ms);
    cli.cpu.push(c.cpu);
    status = c.status;
    const b = timeProcess(['bench/roster.ts', '--bare-read', file]);
    bare.ms.push(b.ms);
    bare.cpu.push(b.cpu);
  }

  console.log(
    `children read: ${children}, findings: ${findings}, CLI exit code: ${status}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`in process   bare SheetJS read: ${both(bareIn)};  file port open+read: ${both(portIn)}`);
  console.log(`core         checkRoster: ${both(core)}   (aim < 1000 ms)`);
  console.log(`processes    cli end to end: ${both(cli)};  bare read: ${both(bare)}`);
  console.log(`             (cli runs ${cli.ms.map(ms).join(', ')}; bare runs ${bare.ms.map(ms).join(', ')})`);
  console.log(`ratio        cli / bare read: ${(median(cli.ms) / median(bare.ms)).toFixed(2)} wall, ${(median(cli.cpu) / median(bare.cpu)).toFixed(2)} CPU   (aim ≤ 1.5)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
