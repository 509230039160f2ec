/**
 * The command line on .xls, .et, .ods and .csv: the same findings and figures as on the .xlsx they
 * came from; `apply` says in one line that the result is a new .xlsx and the original is unchanged,
 * never writes over the input, and writes nothing it could not save as .xlsx.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURE_TODAY } from '../fixtures/build-samples';
import { FORMATS_DIR, macroParts, SAMPLE_XLSX } from '../formats/build-formats';
import { linesOf, runCli, runInProcess } from './run-cli';

// Child processes pay tsx's start-up on a small shared machine.
jest.setTimeout(600_000);

const TODAY = FIXTURE_TODAY;
const dir = mkdtempSync(path.join(tmpdir(), 'cli-formats-'));
const fixture = (name: string) => path.join(FORMATS_DIR, name);
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const run = (argv: string[]) => runInProcess(argv, TODAY);

/**
 * The findings of `validate --json` without the sheet name (a CSV's sheet is named after its file); with
 * `rosterOnly`, those of the roster's sheet alone — a CSV, a text file or an HTML table holds the first
 * sheet only, not the sample's 帮扶人员, 谈心记录 or 活动记录 … 培训记录, which validate checks too (issue 15).
 */
async function findings(file: string, rosterOnly = false) {
  const r = await run(['validate', file, '--json', '--today', TODAY]);
  expect(r.stderr).toBe('');
  const json = JSON.parse(r.stdout) as {
    sheet: string;
    children: number;
    issues: { sheet: string; row: number; column: string; rule: string; severity: string; message: string }[];
  };
  const issues = rosterOnly ? json.issues.filter((i) => i.sheet === json.sheet) : json.issues;
  return { children: json.children, issues: issues.map(({ sheet: _sheet, message, ...rest }) => ({ ...rest, message: message.replace(/[^!]*!/, '') })) };
}

describe('validate and summary', () => {
  it.each([
    'sample-roster.xls',
    'sample-roster.et',
    'sample-roster.ods',
    'sample-roster.gbk.csv',
    'sample-roster.utf8-bom.csv',
    'sample-roster.utf16.txt',
    'sample-roster.html.xls',
  ])('%s: the same findings as the .xlsx', async (name) => {
    const oneSheet = /\.(csv|txt)$|\.html\.xls$/.test(name);
    const expected = await findings(SAMPLE_XLSX, oneSheet);
    expect(expected.issues.length).toBeGreaterThan(0);
    expect(await findings(fixture(name), oneSheet)).toEqual(expected);
  });

  it('validate on an .xls as a child process: exit 1 (errors found), the same report text as the .xlsx', async () => {
    const [xls, xlsx] = await Promise.all([runCli(['validate', fixture('sample-roster.xls'), '--today', TODAY]), runCli(['validate', SAMPLE_XLSX, '--today', TODAY])]);
    expect(xls.stderr).toBe('');
    expect(xls.status).toBe(1);
    expect(xls.stdout).toBe(xlsx.stdout);
  });

  it('summary on an .ods gives the figures of the .xlsx', async () => {
    const [ods, xlsx] = await Promise.all([run(['summary', fixture('sample-roster.ods'), '--json']), run(['summary', SAMPLE_XLSX, '--json'])]);
    expect(ods.status).toBe(0);
    expect(JSON.parse(ods.stdout).children).toBe(48);
    expect(ods.stdout).toBe(xlsx.stdout);
  });
});

describe('apply', () => {
  it('apply in.xls -o out.xlsx (child process): one line first says where the result went, the input is untouched', async () => {
    const input = fixture('sample-roster.xls');
    const before = hash(input);
    const out = path.join(dir, 'from-xls.xlsx');
    const r = await runCli(['apply', input, '-o', out, '--today', TODAY]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(linesOf(r.stdout)[0]).toBe(`这个文件是 .xls 格式，结果另存为 ${out}，原文件没有改动。`);
    expect(linesOf(r.stdout)[1]).toMatch(/^已写入 .*from-xls\.xlsx：/);
    const written = openXlsx(new Uint8Array(readFileSync(out)));
    expect(written.format).toBe('xlsx');
    expect((await written.read()).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['留守儿童登记表', '校验结果', '结对帮扶']));
    expect(hash(input)).toBe(before);
  });

  it('says so in English too', async () => {
    const out = path.join(dir, 'from-csv.xlsx');
    const r = await run(['apply', fixture('sample-roster.gbk.csv'), '-o', out, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(linesOf(r.stdout)[0]).toBe(t('en-US', 'file.converted', { format: 'csv', saveAs: out }));
    expect(linesOf(r.stdout)[0]).toBe(`This file is in .csv format; the result is saved as ${out}, and the original file is unchanged.`);
    expect(existsSync(out)).toBe(true);
  });

  it('without -o, saves a new .xlsx of the same name beside the input, and never replaces one that is there', async () => {
    const input = path.join(dir, '白水镇花名册.et');
    copyFileSync(fixture('sample-roster.et'), input);
    const before = hash(input);
    const first = await run(['apply', input]);
    const beside = path.join(dir, '白水镇花名册.xlsx');
    expect(first.stderr).toBe('');
    expect(linesOf(first.stdout)[0]).toBe(`这个文件是 .et 格式，结果另存为 ${beside}，原文件没有改动。`);
    expect(existsSync(beside)).toBe(true);
    const written = hash(beside);
    const again = await run(['apply', input]);
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    expect(linesOf(again.stderr)).toEqual([`错误：结果应另存为 ${beside}，但这个文件已经存在；为免覆盖，没有写入任何内容。请用 -o 指定输出文件。`]);
    expect(hash(beside)).toBe(written);
    expect(hash(input)).toBe(before);
  });

  it('an .xlsx still needs -o (its own name is the input)', async () => {
    const r = await run(['apply', SAMPLE_XLSX]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：缺少输出文件/);
  });

  it.each(['out.xls', 'out.et', 'out.ods', 'out.csv', 'out.xlsb', 'out'])('refuses -o %s before doing anything, and writes nothing', async (name) => {
    const out = path.join(dir, name);
    const r = await run(['apply', fixture('sample-roster.xls'), '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(linesOf(r.stderr)).toEqual([`错误：不能保存为 ${out}：结果只保存为 .xlsx 文件（原文件不会被改动）。请用 -o 指定以 .xlsx 结尾的文件名。`]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write over its input, even an .xls named as the output', async () => {
    const input = path.join(dir, 'same.xls');
    copyFileSync(fixture('sample-roster.xls'), input);
    const r = await run(['apply', input, '-o', input]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：输出文件不能是输入文件本身/);
    expect(hash(input)).toBe(hash(fixture('sample-roster.xls')));
  });
});

describe('apply on an .xlsm', () => {
  it('-o out.xlsm writes the macro workbook with its VBA project byte for byte, and no notice', async () => {
    const input = fixture('macro.xlsm');
    const out = path.join(dir, 'out.xlsm');
    const r = await run(['apply', input, '-o', out]);
    expect(r.stderr).toBe('');
    expect(linesOf(r.stdout)[0]).toMatch(/^已写入 .*out\.xlsm：/);
    const [before, after] = [macroParts(new Uint8Array(readFileSync(input))), macroParts(new Uint8Array(readFileSync(out)))];
    expect(Buffer.compare(after.project, before.project)).toBe(0);
    expect([after.binDefault, after.workbookType, after.projectRel]).toEqual([true, before.workbookType, before.projectRel]);
  });

  it.each([
    ['out-macro.xlsx', 'zh'],
    ['out-macro-en.xlsx', 'en'],
  ])('-o %s is refused (the macros would be lost, and Excel would not open it): nothing written', async (name, lang) => {
    const out = path.join(dir, name);
    const r = await run(['apply', fixture('macro.xlsm'), '-o', out, '--lang', lang]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(linesOf(r.stderr)).toEqual([
      lang === 'zh'
        ? `错误：不能保存为 ${out}：这个工作簿含有宏（.xlsm），保存为 .xlsx 会丢失宏，Excel 也打不开。请用 -o 指定以 .xlsm 结尾的文件名。`
        : `Error: Cannot save as ${out}: this workbook has macros (.xlsm); saving it as .xlsx would lose them, and Excel would not open it. Give a name ending in .xlsm with -o.`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('an .xlsx saved as .xlsm is refused too (Excel refuses a file whose extension does not match)', async () => {
    const out = path.join(dir, 'plain.xlsm');
    const r = await run(['apply', SAMPLE_XLSX, '-o', out]);
    expect(r.status).toBe(2);
    expect(linesOf(r.stderr)).toEqual([`错误：不能保存为 ${out}：结果只保存为 .xlsx 文件（原文件不会被改动）。请用 -o 指定以 .xlsx 结尾的文件名。`]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('export and rollup read the other formats too', () => {
  it('export from a GBK CSV writes the de-identified .xlsx', async () => {
    const out = path.join(dir, 'export.xlsx');
    const r = await run(['export', fixture('sample-roster.gbk.csv'), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = JSON.stringify(await openXlsx(new Uint8Array(readFileSync(out))).read());
    // A child's ID from the roster does not reach the copy.
    expect(text).not.toContain('522427201903051279');
  });

  it("rollup names a school by 设置's 学校名称 in any format, else by its file name whatever the extension", async () => {
    const out = path.join(dir, 'rollup.xlsx');
    // The .ods keeps the sample's 设置 (学校名称 白水镇中心小学); a CSV holds the roster sheet only.
    const named = path.join(dir, '甲校.ods');
    const unnamed = path.join(dir, '乙校.csv');
    copyFileSync(fixture('sample-roster.ods'), named);
    copyFileSync(fixture('sample-roster.utf8.csv'), unnamed);
    const r = await run(['rollup', named, unnamed, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('白水镇中心小学：');
    expect(r.stdout).toContain('乙校：');
    expect(r.stdout).not.toContain('甲校');
  });
});

describe("bad files: one line, in the user's language", () => {
  it.each([
    ['encrypted.xls', 'file.encrypted'],
    ['sample-roster.xlsb', 'file.xlsb'],
  ])('%s', async (name, key) => {
    for (const [flag, lang] of [
      ['zh', 'zh-CN'],
      ['en', 'en-US'],
    ] as const) {
      const out = path.join(dir, `bad-${flag}.xlsx`);
      const r = await run(['apply', fixture(name), '-o', out, '--lang', flag]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(linesOf(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(name);
      expect(r.stderr).toContain(t(lang, key));
      expect(existsSync(out)).toBe(false);
    }
  });
});
