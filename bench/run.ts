/**
 * Runs every benchmark in turn, each in its own process so one's garbage does not slow the next.
 * Prints figures only; nothing here passes or fails on time. `npm run bench [-- name …]`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ALL = ['roster', 'pairing', 'reminders', 'rollup', 'pane', 'producers', 'payload'];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));

let failed = 0;
for (const name of chosen.length ? chosen : ALL) {
  console.log(`\n## ${name}`);
  const r = spawnSync(TSX, [path.join(ROOT, 'bench', `${name}.ts`)], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) {
    failed++;
    console.log(`(${name} did not finish: exit ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
