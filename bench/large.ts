/**
 * A large school (issue 14, "Size"): a generated 50,000-child roster run through the command line's own
 * code path (`runCli`, in process) for validate, apply, summary and export, each in a fresh child
 * process so its peak memory (the kernel's max RSS of that process) is its own. Prints wall and CPU
 * time, peak RSS, and for apply the row counts of the sheets it wrote.
 *
 *   node_modules/.bin/tsx bench/large.ts [--rows N] [--regen] [--only validate,apply,…] [--stray] [--class-sheets] [--again]
 *
 * --again also runs apply a second time on the first apply's output (a school's second run: the
 * generated sheets are there to be read and replaced).
 * --stray also writes one value into XFD1048576 (the last cell of the first sheet), the case that once
 * made validate take minutes. The roster is one sheet unless --class-sheets (the issue's layout: 40
 * class sheets). Files go to bench/out/ (gitignored) and are reused; --regen rewrites them.
 */
import { BENCH_HEADER, BENCH_KEYS, plantUsualMistake } from './roster-columns';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const TODAY = '2025-11-20';
const COMMANDS = ['validate', 'apply', 'summary', 'export'] as const;
type Command = (typeof COMMANDS)[number];

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** The column of key-focus children (重点帮扶对象), so 帮扶计划 has work at this size. */
const KEY_FOCUS_HEADER = '重点帮扶';
/** Every 29th child is key-focus (3.4 %, about 43 a class); by position, so the random draws stay as they were. */
const keyFocus = (i: number) => (i % 29 === 11 ? '是' : '否');
/** In the file name: a roster generated before the 重点帮扶 column is not reused. */
const ROSTER_VERSION = 'kf';

/**
 * 40 classes of 1,250 (grades 1–9, a few classes each), about 1 row in 50 with a usual mistake, a
 * 重点帮扶 column with about 3 % 是.
 */
async function generate(file: string, rows: number, stray: boolean, classSheets: boolean): Promise<void> {
  const { validKid } = await import('../tests/fixtures/build-samples');
  const gen = await import('../tests/fixtures/roster-gen');
  const rng = gen.seededRandom(50_000);
  const keys = BENCH_KEYS;
  const header = [...BENCH_HEADER, KEY_FOCUS_HEADER];
  const lines: import('../tests/fixtures/roster-gen').Cell[][] = [['某某县留守儿童信息登记表（汇总）'], ['填表日期：2025年9月1日'], header];
  const perClass = Math.ceil(rows / 40);
  for (let i = 0; i < rows; i++) {
    const klass = Math.floor(i / perClass); // 0..39
    const kid = validKid(rng, { grade: 1 + (klass % 9), cls: 1 + Math.floor(klass / 9) });
    plantUsualMistake(kid, i, gen.withWrongCheck);
    lines.push([i + 1, ...keys.map((k) => kid[k] ?? null), keyFocus(i)]);
  }
  const merge = [{ r0: 0, c0: 0, r1: 0, c1: header.length - 1 }];
  // --class-sheets: the issue's layout, one sheet per class (一年级1班 …), each with the title and header.
  const sheets = classSheets
    ? Array.from({ length: 40 }, (_, k) => ({
        name: `${gen.GRADE_CN[k % 9]}年级${1 + Math.floor(k / 9)}班`,
        sheet: gen.worksheet([...lines.slice(0, 3), ...lines.slice(3 + k * perClass, 3 + (k + 1) * perClass)], merge),
      }))
    : [{ name: '留守儿童花名册', sheet: gen.worksheet(lines, merge) }];
  const bytes = gen.workbookBytes(sheets);
  writeFileSync(file, stray ? gen.withStrayCell(bytes, 'XFD1048576', '备注') : bytes);
}

/** Where a command writes its output for `file` (apply's is the input of --again). */
const outputOf = (command: Command, file: string) => path.join(OUT, `${path.basename(file, '.xlsx')}-${command}-out.xlsx`);

/** Child mode: one command through runCli, then its figures as one JSON line on stderr; `keep` keeps its output. */
async function runOne(command: Command, file: string, keep: boolean): Promise<void> {
  const { runCli } = await import('../src/cli/run');
  const out = outputOf(command, file);
  const args = [command, file, '--today', TODAY, ...(command === 'apply' || command === 'export' ? ['-o', out] : ['--json'])];
  let stdout = '';
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => process.stderr.write(s) });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const figures: Record<string, unknown> = { command, code, wall, cpu: (c.user + c.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, stdoutBytes: stdout.length };
  if (command === 'apply' && existsSync(out)) {
    // Rows of each sheet written, read back with the file port (after the peak was taken).
    const { openXlsx } = await import('../src/workbook/file');
    const snap = await openXlsx(new Uint8Array(readFileSync(out))).read();
    figures.rows = Object.fromEntries(snap.sheets.map((s) => [s.name, s.values.length]));
  }
  if (existsSync(out) && !keep) rmSync(out);
  process.stderr.write('FIGURES ' + JSON.stringify(figures) + '\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--one') return runOne(argv[1] as Command, argv[2], argv[3] === '--keep');
  const rowsAt = argv.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(argv[rowsAt + 1]) : 50_000;
  const onlyAt = argv.indexOf('--only');
  const chosen = onlyAt >= 0 ? COMMANDS.filter((c) => argv[onlyAt + 1].split(',').includes(c)) : COMMANDS;
  const stray = argv.includes('--stray');
  const classSheets = argv.includes('--class-sheets');
  const file = path.join(OUT, `large-${rows}${stray ? '-stray' : ''}${classSheets ? '-classes' : ''}-${ROSTER_VERSION}.xlsx`);
  mkdirSync(OUT, { recursive: true });
  if (argv.includes('--regen') || !existsSync(file)) {
    const t0 = performance.now();
    await generate(file, rows, stray, classSheets);
    console.log(`generated ${path.relative(ROOT, file)} in ${ms(performance.now() - t0)}`);
  }
  console.log(
    `roster: ${path.relative(ROOT, file)}, ${(readFileSync(file).length / 1e6).toFixed(1)} MB, ${rows} children on ${classSheets ? '40 class sheets' : 'one sheet'}${stray ? ', a value in XFD1048576' : ''}`,
  );
  const again = argv.includes('--again');
  const runs = chosen.flatMap((command): { label: string; command: Command; file: string; keep: boolean }[] =>
    command === 'apply' && again
      ? [
          { label: 'apply', command, file, keep: true },
          { label: 'apply again', command, file: outputOf('apply', file), keep: false },
        ]
      : [{ label: command, command, file, keep: false }],
  );
  for (const run of runs) {
    const args = [path.join(ROOT, 'bench', 'large.ts'), '--one', run.command, run.file, ...(run.keep ? ['--keep'] : [])];
    const r = spawnSync(TSX, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = r.stderr.split('\n').find((l) => l.startsWith('FIGURES '));
    if (!line) {
      console.log(`${run.label.padEnd(11)} did not finish (exit ${r.status}): ${r.stderr.trim().slice(-400)}`);
      continue;
    }
    const f = JSON.parse(line.slice(8)) as { code: number; wall: number; cpu: number; maxRssKb: number; rows?: Record<string, number> };
    console.log(`${run.label.padEnd(11)} ${ms(f.wall)} wall, ${ms(f.cpu)} CPU, peak RSS ${mb(f.maxRssKb)} (exit ${f.code}), load ${loadavg()[0].toFixed(1)}`);
    if (f.rows)
      console.log(
        `            rows per sheet: ${Object.entries(f.rows)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}`,
      );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
