/**
 * Runs every benchmark in turn, each in its own process so one's garbage does not slow the next.
 * Prints figures only; nothing here passes or fails on time. `npm run bench [-- name …]`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ALL = ['roster', 'pairing', 'reminders', 'rollup', 'pane', 'producers', 'payload', 'large', 'life', 'cards'];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));
// Other arguments go to the benches (`npm run -s bench -- payload --json`); with --json only the JSON is printed.
const passed = process.argv.slice(2).filter((a) => !ALL.includes(a));
const jsonOnly = passed.includes('--json');

let failed = 0;
for (const name of chosen.length ? chosen : ALL) {
  if (!jsonOnly) console.log(`\n## ${name}`);
  const r = spawnSync(TSX, [path.join(ROOT, 'bench', `${name}.ts`), ...passed], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) {
    failed++;
    console[jsonOnly ? 'error' : 'log'](`(${name} did not finish: exit ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
