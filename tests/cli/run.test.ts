/** runCli in process, for the argument cases that need no file and no process of their own. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES, runInProcess } from './run-cli';

const run = (argv: string[]) => runInProcess(argv, '2025-09-15');

const dir = mkdtempSync(path.join(tmpdir(), 'cli-run-'));
const clean = path.join(FIXTURES, 'clean.xlsx');

describe.each([
  [
    'an empty file',
    () => {
      const f = path.join(dir, 'empty.xlsx');
      writeFileSync(f, '');
      return ['validate', f];
    },
    /Cannot open/,
  ],
  ['a folder', () => ['validate', dir], /is not a file/],
  ['two file arguments', () => ['validate', clean, clean], /Unexpected argument/],
  ['a --today in another format', () => ['validate', clean, '--today', '2025/09/01'], /2025\/09\/01/],
  ['--today without a value', () => ['validate', clean, '--today'], /--today needs a value/],
  ['--json with a value', () => ['validate', clean, '--json=1'], /takes no value/],
  ['a repeated --today', () => ['validate', clean, '--today', '2026-09-01', '--today', '2026-09-02'], /only once/],
])('%s', (_, argsOf, message) => {
  it('is exit 2 with one line naming the problem, in English and in Chinese', async () => {
    const args = argsOf();
    const en = await run([...args, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(message);
    expect(en.stderr.trimEnd().split('\n')).toHaveLength(1);
    const zh = await run(args);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/^错误：.+\n$/);
  });
});

it('uses the host clock only when --today is absent', async () => {
  // Reference date 2040: every child of the clean sample is then 16 or older.
  const { status, stdout } = await runInProcess(['validate', clean, '--json'], '2040-01-01');
  expect(status).toBe(0); // age-out-of-range is a warning
  expect(JSON.parse(stdout).issues.every((i: { rule: string }) => i.rule === 'age-out-of-range')).toBe(true);
  expect(JSON.parse(stdout).issues).toHaveLength(12);
  const pinned = await run(['validate', clean, '--json', '--today', '2025-09-15']);
  expect(JSON.parse(pinned.stdout).issues).toEqual([]);
});
