/**
 * A whole school too big for one printed sheet: `cards` and `apply --cards` write 联系卡 / 成长记录 in parts
 * (Excel keeps at most MAX_PAGE_BREAKS page breaks a sheet) and say so in one line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_PAGE_BREAKS } from '../../src/core/plan/print';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { runCli } from './run-cli';
import { breakCounts } from '../helpers/pageBreaks';

jest.setTimeout(600_000);
const TODAY = '2026-11-30';
const GRADES = ['一', '二', '三', '四', '五', '六'];

/** 2,100 children in 42 classes of 50 (一(1)班 … 六(7)班), each with a guardian and a phone. */
async function bigSchool(file: string): Promise<void> {
  const rows = Array.from({ length: 2100 }, (_, i) => {
    const klass = Math.floor(i / 50);
    return [`学生${i}`, `${GRADES[Math.floor(klass / 7)]}(${(klass % 7) + 1})班`, `家长${i}`, `138${String(10000000 + i).slice(-8)}`];
  });
  const wb = await newWorkbookWith({
    ops: [{ kind: 'replaceSheet', sheet: '花名册', content: { columns: ['姓名', '班级', '监护人', '监护人电话'].map((header) => ({ header, format: 'text' })), rows } }],
  });
  writeFileSync(file, wb.save());
}

/** Sheet names of a saved workbook, in order, with the number of <brk> each holds. */
describe('printing a school too big for one sheet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-cards-parts-'));
  const input = path.join(dir, 'school.xlsx');
  beforeAll(() => bigSchool(input));

  it('cards --records writes 成长记录 in parts, cut where classes start, and says so', async () => {
    const out = path.join(dir, 'records.xlsx');
    const r = await runCli(['cards', input, '-o', out, '--records', '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `已写入成长记录 ${out}：2100 名学生，0 条记录，2100 页。\n` +
        `“成长记录”分成了 3 张工作表（成长记录 至 成长记录（3））：Excel 每张工作表最多 ${MAX_PAGE_BREAKS} 个分页符。尽量在班级之间分开，每张表的第二行写明它包含哪些学生。\n`,
    );
    const bytes = new Uint8Array(readFileSync(out));
    // A page a child; the latest class start within 1,024 pages is child 1,000's (class 21, 三(7)班).
    expect(breakCounts(bytes)).toEqual([
      ['成长记录', 999],
      ['成长记录（2）', 999],
      ['成长记录（3）', 99],
    ]);
    const second = (await openXlsx(bytes).read()).sheets[1].values;
    expect(second[1][0]).toBe(
      `第 2 部分，共 3 部分：第 1001–2000 名学生（三(7)班 至 六(5)班，全部共 2100 名）。Excel 每张工作表最多 ${MAX_PAGE_BREAKS} 个分页符，所以分在“成长记录”至“成长记录（3）”这 3 张工作表中，尽量在班级之间分开。`,
    );
  });

  it('apply --cards writes both print sheets in parts and says so in English', async () => {
    const out = path.join(dir, 'applied.xlsx');
    const r = await runCli(['apply', input, '-o', out, '--cards', '--today', TODAY, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      `  Excel keeps at most ${MAX_PAGE_BREAKS} page breaks on a sheet, so the 联系卡 (contact cards) sheet is split over 2 sheets (联系卡 to 联系卡（2）).`,
    );
    expect(r.stdout).toContain(
      `  Excel keeps at most ${MAX_PAGE_BREAKS} page breaks on a sheet, so the 成长记录 (growth records) sheet is split over 3 sheets (成长记录 to 成长记录（3）).`,
    );
    // A part is named as the sheet it belongs to is (sheetInSentence), not as a sheet of the teacher's.
    expect(r.stdout).toContain('  Created the 联系卡（2） (contact cards) sheet, 1600 rows');
    const sheets = breakCounts(new Uint8Array(readFileSync(out)));
    const printed = sheets.filter(([name]) => /^(联系卡|成长记录)/.test(name));
    expect(printed.map(([name]) => name)).toEqual(['联系卡', '联系卡（2）', '成长记录', '成长记录（2）', '成长记录（3）']);
    for (const [name, breaks] of printed) expect([name, breaks <= MAX_PAGE_BREAKS]).toEqual([name, true]);
    // Two cards a page: 1,050 pages over both 联系卡 sheets.
    expect(printed.filter(([name]) => name.startsWith('联系卡')).reduce((n, [, b]) => n + b + 1, 0)).toBe(1050);
  });
});
