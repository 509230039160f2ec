/** `summary`: the figures as one JSON object, or as readable text. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXPECTED, smallSchool, TODAY } from '../workflow/small-school';
import { linesOf, runCli, runInProcess } from './run-cli';

// Child processes pay tsx's start-up on a small shared machine.
jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), 'cli-summary-'));
const school = path.join(dir, 'school.xlsx');
writeFileSync(school, smallSchool());

const run = (argv: string[]) => runInProcess(argv, TODAY);

it('prints exactly one JSON object whose figures match the hand count (child process)', async () => {
  const r = await runCli(['summary', school, '--today', TODAY, '--json']);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  expect(linesOf(r.stdout)).toHaveLength(1);
  const json = JSON.parse(r.stdout);
  expect(json.children).toBe(EXPECTED.children);
  expect(json.byGrade).toEqual(EXPECTED.byGrade);
  expect({ 男: json.byGender['男'], 女: json.byGender['女'] }).toEqual(EXPECTED.byGender);
  expect([json.talks, json.parentCalls, json.homeVisits, json.childrenWithoutTalk]).toEqual([
    EXPECTED.talks,
    EXPECTED.parentCalls,
    EXPECTED.homeVisits,
    EXPECTED.childrenWithoutTalk,
  ]);
  expect(json.period).toMatchObject({ kind: 'term', from: '2026-09-01', asOf: TODAY });
  // No names in the JSON.
  for (const name of ['张小明', '李小红', '王小刚', '赵小丽', '陈小军']) expect(r.stdout).not.toContain(name);
});

it('takes --from/--to and --period', async () => {
  const nov = JSON.parse((await run(['summary', school, '--from', '2026-11-01', '--to', '2026-11-30', '--json'])).stdout);
  expect([nov.talks, nov.parentCalls, nov.homeVisits]).toEqual([2, 1, 1]);
  expect(nov.period).toMatchObject({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' });
  const month = JSON.parse((await run(['summary', school, '--period', 'month', '--json'])).stdout);
  expect(month.period).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
  expect(month.talks).toBe(2);
  const year = JSON.parse((await run(['summary', school, '--period', 'year', '--json'])).stdout);
  // The school year starts 09-01: 陈小军's August talk is in none of these periods.
  expect(year.talks).toBe(EXPECTED.talks);
});

it('prints a readable summary without --json, in either language', async () => {
  const zh = await run(['summary', school]);
  expect(zh.status).toBe(0);
  expect(zh.stdout).toMatch(/^统计时段：/);
  expect(zh.stdout).toContain('留守儿童 5 名：男 3 名，女 2 名');
  expect(zh.stdout).toContain('谈心 3 次，家长电话 2 次，家访 1 次；3 名儿童本时段没有谈心记录。');
  const en = await run(['summary', school, '--lang', 'en']);
  expect(en.stdout).toContain('5 left-behind children: 3 boys, 2 girls');
});

it('says 未登记 / not recorded for facts the roster has no column for, in the text and the JSON', async () => {
  const clean = path.join(__dirname, '..', 'fixtures', 'clean.xlsx');
  const zh = await run(['summary', clean]);
  expect(zh.stdout).toMatch(/留守儿童 \d+ 名：男 \d+ 名，女 \d+ 名；重点帮扶未登记。/);
  expect(zh.stdout).toContain('寄宿情况未登记');
  const en = await run(['summary', clean, '--lang', 'en']);
  expect(en.stdout).toContain('key focus not recorded');
  expect(en.stdout).not.toMatch(/\b0 key-focus/);
  const json = JSON.parse((await run(['summary', clean, '--json'])).stdout);
  expect(json.notRecorded).toEqual(['leftBehind', 'boarding', 'keyFocus']);
  // The bundled sample has every such column.
  const sample = path.join(__dirname, '..', '..', 'assets', 'sample-roster.xlsx');
  expect(JSON.parse((await run(['summary', sample, '--json'])).stdout).notRecorded).toEqual([]);
});

describe.each([
  [['--from', '2026-11-01'], /--from and --to must be given together/],
  [['--period', 'week'], /--period must be month, term or year, not "week"/],
  [['--period', 'month', '--from', '2026-11-01', '--to', '2026-11-30'], /cannot be combined/],
  [['--from', '2026-11-30', '--to', '2026-11-01'], /start date 2026-11-30 is after the end date 2026-11-01/],
  [['--from', '2026-02-30', '--to', '2026-03-01'], /2026-02-30/],
])('%j', (extra, message) => {
  it('is exit 2 with one line', async () => {
    const r = await run(['summary', school, '--json', '--lang', 'en', ...extra]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(linesOf(r.stderr)).toHaveLength(1);
  });
});
