/** `cards`: the 联系卡 of a school, a class or a child, as a workbook, or a clear line where a PDF cannot be made. */
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { CARD_ROWS } from '../../src/core/cards';
import { SHEETS } from '../../src/core/sheets';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { ROOT, runCli } from './run-cli';

jest.setTimeout(300_000);
const SAMPLE = path.join(ROOT, 'assets', 'sample-roster.xlsx');
const TODAY = '2026-11-30';

describe('cards', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-cards-'));

  it("writes one class's cards as a workbook, two a page, each child once", async () => {
    const out = path.join(dir, 'class.xlsx');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--class', '三（1）班', '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`已写入联系卡 ${out}：3 张，2 页。\n`);
    const bytes = new Uint8Array(readFileSync(out));
    const wb = await openXlsx(bytes).read();
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEETS.cards]);
    const values = findSheet(wb, SHEETS.cards)!.values;
    // Each card is titled with 设置's 学校名称 and ends with its 学校联系电话.
    const titles = values.filter((r) => typeof r[0] === 'string' && r[0].startsWith('白水镇中心小学留守儿童联系卡 ·')).map((r) => String(r[0]));
    expect(titles).toHaveLength(3);
    expect(values.filter((r) => r[2] === '学校电话').map((r) => r[3])).toEqual(Array(3).fill('0739-8521234（德育处）'));
    // The sample holds no 结对帮扶: no mentor is named yet (tests/cli/held-pairs.test.ts names them once apply wrote it).
    expect(values.filter((r) => r[0] === '帮扶教师').map((r) => r[1])).toEqual(Array(3).fill('＿＿＿＿＿＿＿＿'));
    expect(new Set(titles).size).toBe(3);
    expect(values.filter((r) => r[2] === '班级').map((r) => r[3])).toEqual(['三(1)班', '三(1)班', '三(1)班']);
    // The third card starts page 2: a break above it (title line, header, two cards of CARD_ROWS rows).
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain(`<rowBreaks count="1" manualBreakCount="1"><brk id="${2 + 2 * CARD_ROWS}" max="16383" man="1"/></rowBreaks>`);
    expect(sheetXml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
  });

  it("writes one class's 成长记录 for a period given as summary takes it, a page per child", async () => {
    const out = path.join(dir, 'records.xlsx');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--class', '三（1）班', '--from', '2026-09-01', '--to', '2026-11-30', '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^已写入成长记录 ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：3 名学生，\\d+ 条记录，3 页。\n$`));
    const wb = await openXlsx(new Uint8Array(readFileSync(out))).read();
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEETS.records]);
    const values = findSheet(wb, SHEETS.records)!.values;
    expect(String(values[0][0])).toContain('2026-09-01 至 2026-11-30');
    // A month outside the period is not in it, whatever the log holds.
    const outside = await runCli(['cards', SAMPLE, '-o', path.join(dir, 'r2.xlsx'), '--class', '三（1）班', '--from', '2020-01-01', '--to', '2020-01-31', '--today', TODAY]);
    expect(outside.stdout).toContain('3 名学生，0 条记录，3 页');
    const bad = await runCli(['cards', SAMPLE, '-o', path.join(dir, 'r3.xlsx'), '--period', 'week', '--today', TODAY]);
    expect([bad.status, bad.stderr.startsWith('错误：')]).toEqual([2, true]);
  });

  it("writes one child's card", async () => {
    const out = path.join(dir, 'child.xlsx');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--child', '金宏伟', '--today', TODAY, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Wrote the contact cards to ${out}: 1 card, 1 page.\n`);
    const values = findSheet(await openXlsx(new Uint8Array(readFileSync(out))).read(), SHEETS.cards)!.values;
    expect(values.filter((r) => r[0] === 'Name').map((r) => r[1])).toEqual(['金宏伟']);
  });

  it('says in one line that a PDF needs LibreOffice when soffice is not on PATH, and writes nothing', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'cli-cards-bin-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const out = path.join(dir, 'none.pdf');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--today', TODAY], { PATH: bin });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('错误：写 PDF 需要 LibreOffice（soffice），本机没有找到。请安装 LibreOffice，或改用 -o 联系卡.xlsx 写成工作簿后打印。\n');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an output that is neither .pdf nor .xlsx before any work', async () => {
    const out = path.join(dir, 'cards.docx');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`错误：不能保存为 ${out}：联系卡只写成 .pdf 或 .xlsx 文件。请用 -o 指定以 .pdf 或 .xlsx 结尾的文件名。\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a filter that matches no child', async () => {
    const out = path.join(dir, 'nobody.xlsx');
    const r = await runCli(['cards', SAMPLE, '-o', out, '--class', '九(9)班', '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：花名册中没有符合 --class / --child 的学生，没有写出文件。\n');
    expect(existsSync(out)).toBe(false);
  });
});
