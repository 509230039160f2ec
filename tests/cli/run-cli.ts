/**
 * Runs the real command line as a child process, as a user would (minus npm's own banner), or in this
 * process (runInProcess) where a test needs no process of its own.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** The sample rosters with expected findings, run through the CLI and through the pane's code path. */
export const SAMPLES: Record<string, string> = {
  clean: path.join(FIXTURES, 'clean.xlsx'),
  defective: path.join(FIXTURES, 'defective.xlsx'),
  'merged-header': path.join(FIXTURES, 'merged-header.xlsx'),
  'cover-first': path.join(FIXTURES, 'cover-first.xlsx'),
  totals: path.join(FIXTURES, 'totals.xlsx'),
  'saved-mapping': path.join(FIXTURES, 'saved-mapping.xlsx'),
  sections: path.join(FIXTURES, 'sections.xlsx'),
  'merged-class': path.join(FIXTURES, 'merged-class.xlsx'),
  minzheng: path.join(FIXTURES, 'minzheng.xlsx'),
  'sample-roster': path.join(ROOT, 'assets', 'sample-roster.xlsx'),
};
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Few at a time: the test machines are small and shared, and each run pays tsx's start-up. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return slot(() => spawnCli(args, env));
}

function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * The command line's runCli in this process, stdout and stderr captured: the same CliRun as a child
 * process gives. `hostToday` is the computer's date the command sees, used only when neither `--today`
 * nor the workbook's 示例日期 names a day. Loaded on first use so that the suites which only spawn the
 * command line do not load it.
 */
export async function runInProcess(args: readonly string[], hostToday: string): Promise<CliRun> {
  const { runCli: run } = await import('../../src/cli/run');
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), today: () => hostToday });
  return { status, stdout, stderr };
}

/** Lines of a stream's text, without the final newline's empty remainder. */
export const linesOf = (s: string): string[] => s.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));

export const CJK = /[\u4e00-\u9fff]/;
