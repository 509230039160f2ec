/**
 * The command line loads SheetJS only for a file it converts (issue 14, apply's memory): the library is
 * about 30 MB of a process, carried through a whole apply of 50,000 children for nothing when the input
 * is an .xlsx. Each case runs the real command line in a fresh process and asks which modules it loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURE_TODAY } from '../fixtures/build-samples';
import { FORMATS_DIR } from '../formats/build-formats';
import { ROOT, SAMPLES } from './run-cli';

jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), 'cli-sheetjs-'));

/** Runs the command line in process in a new Node with tsx; says its exit code and whether SheetJS was loaded. */
function loadsSheetJs(argv: readonly string[]): { code: number; sheetjs: boolean } {
  const script = `
    const { runCli } = require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'run.ts'))});
    runCli(${JSON.stringify(argv)}, { stdout: () => {}, stderr: () => {}, today: () => ${JSON.stringify(FIXTURE_TODAY)} }).then((code) => {
      const sheetjs = Object.keys(require.cache).some((m) => m.includes(${JSON.stringify(path.join('@e965', 'xlsx'))}));
      process.stdout.write(JSON.stringify({ code, sheetjs }));
    });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { code: number; sheetjs: boolean };
}

test('apply on an .xlsx writes its result without loading SheetJS', () => {
  const out = path.join(dir, 'applied.xlsx');
  const r = loadsSheetJs(['apply', SAMPLES['sample-roster'], '-o', out, '--today', FIXTURE_TODAY]);
  expect(r.code).toBeLessThanOrEqual(1);
  expect(r.sheetjs).toBe(false);
});

test('validate on an .xls loads it to convert the file (so the look above would see it)', () => {
  const r = loadsSheetJs(['validate', path.join(FORMATS_DIR, 'sample-roster.xls'), '--json', '--today', FIXTURE_TODAY]);
  expect(r.code).toBeLessThanOrEqual(1);
  expect(r.sheetjs).toBe(true);
});
