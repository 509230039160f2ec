/**
 * The command line counts and names the pairs 结对帮扶 holds unless the command writes them itself
 * (issue 15): on the bundled sample (no 结对帮扶) `summary` says 有帮扶教师 0 and `cards` names no mentor,
 * while `apply`, which writes 结对帮扶, writes 有帮扶教师 48 into 统计汇总; on what `apply` wrote, both
 * count and name the pairs it holds; `rollup` counts each school's as its workbook holds them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { BLANK_LINE } from '../../src/core/cards/contactCards';
import { SHEETS } from '../../src/core/sheets';
import { findSheet } from '../../src/core/snapshot';
import { EXIT } from '../../src/cli/errors';
import { openXlsx } from '../../src/workbook/file';
import { ROOT, runInProcess } from './run-cli';

jest.setTimeout(300_000);
const SAMPLE = path.join(ROOT, 'assets', 'sample-roster.xlsx');
const TODAY = '2026-11-30';
const dir = mkdtempSync(path.join(tmpdir(), 'cli-held-pairs-'));

/** Runs a command in process; `exit` 1 is apply's when 校验结果 lists errors (the sample's planted faults). */
async function run(argv: string[], exit: number = EXIT.ok) {
  const r = await runInProcess(argv, TODAY);
  expect([r.status, r.stderr]).toEqual([exit, '']);
  return r.stdout;
}

const sheetValues = async (file: string, sheet: string) => findSheet(await openXlsx(new Uint8Array(readFileSync(file))).read(), sheet)!.values;

/** 有帮扶教师 in `summary --json` and in its text's report sentence. */
async function summaryWithTeacher(file: string): Promise<{ json: number; sentence: string | undefined }> {
  const json = JSON.parse(await run(['summary', file, '--today', TODAY, '--json'])) as { pairing: { withTeacher: number } };
  const text = await run(['summary', file, '--today', TODAY]);
  return { json: json.pairing.withTeacher, sentence: /学校为(\d+)名儿童配备了帮扶教师/.exec(text)?.[1] };
}

/** The cards' 帮扶教师, 学习帮手 and 代理家长 values, card after card. */
async function cardHelpers(file: string, out: string): Promise<string[]> {
  await run(['cards', file, '-o', out, '--today', TODAY]);
  const labels = new Set(['teacher', 'buddy', 'proxy'].map((k) => t('zh-CN', `cards.field.${k}`)));
  const values = await sheetValues(out, SHEETS.cards);
  return values.flatMap((r) => [0, 2].filter((i) => labels.has(String(r[i]))).map((i) => String(r[i + 1])));
}

describe('the pairs the command line counts and names (the bundled sample, no 结对帮扶)', () => {
  const applied = path.join(dir, 'applied.xlsx');
  beforeAll(() => run(['apply', SAMPLE, '-o', applied, '--today', TODAY], EXIT.findings));

  it('summary counts none (有帮扶教师 0); apply, which writes 结对帮扶, writes 48 into 统计汇总', async () => {
    expect(await summaryWithTeacher(SAMPLE)).toEqual({ json: 0, sentence: '0' });
    const summary = await sheetValues(applied, SHEETS.summary);
    expect(summary.find((r) => r[1] === '有帮扶教师')?.[2]).toBe(48);
    // What apply wrote is held now: summary counts it.
    expect(await summaryWithTeacher(applied)).toEqual({ json: 48, sentence: '48' });
  });

  it('rollup counts each school as its workbook holds it: the sample none, what apply wrote 48', async () => {
    const out = path.join(dir, 'rollup.xlsx');
    await run(['rollup', SAMPLE, applied, '-o', out, '--today', TODAY]);
    const wb = await openXlsx(new Uint8Array(readFileSync(out))).read();
    const withTeacher = wb.sheets.map((sheet) => [sheet.name, sheet.values.find((r) => r[1] === '有帮扶教师')?.[2]]);
    expect(withTeacher).toEqual([
      ['合计', 48],
      ['白水镇中心小学', 0],
      ['白水镇中心小学 (2)', 48],
    ]);
  });

  it("cards name no mentor when none is held, and the mentors 结对帮扶 holds (with 帮扶人员's phone) once it does", async () => {
    const before = await cardHelpers(SAMPLE, path.join(dir, 'cards-before.xlsx'));
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before)).toEqual(new Set([BLANK_LINE]));
    // The 结对帮扶 apply wrote holds the pairs: each card names its child's.
    const after = await cardHelpers(applied, path.join(dir, 'cards-after.xlsx'));
    expect(after.length).toBe(before.length);
    expect(after.filter((v) => /^王老师（电话：139\d{8}）$/.test(v)).length).toBeGreaterThan(0);
    expect(after.filter((v) => v !== BLANK_LINE).length).toBeGreaterThanOrEqual(48);
  });
});
