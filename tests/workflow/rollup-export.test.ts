/** `rollup` and `export` on the command line: new workbooks, never the inputs. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CellValue } from '../../src/core/cells';
import { findSheet, type SheetSnapshot } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { ROOT, runCli, runInProcess } from '../cli/run-cli';
import { EXPECTED, smallSchool, TODAY } from './small-school';

jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), 'cli-rollup-'));
const named = path.join(dir, 'a.xlsx');
const unnamed = path.join(dir, '乙校.xlsx');
const sample = path.join(ROOT, 'assets', 'sample-roster.xlsx');
writeFileSync(named, smallSchool({ schoolName: '甲村小学' }));
writeFileSync(unnamed, smallSchool());
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const read = async (file: string) => openXlsx(new Uint8Array(readFileSync(file))).read();

const run = (argv: string[]) => runInProcess(argv, TODAY);

/** 总体 | 全部儿童 | children | … on a summary sheet. */
const overall = (sheet: SheetSnapshot) => sheet.values.find((r) => r[0] === '总体' && r[1] === '全部儿童')!;

describe('rollup', () => {
  it('writes the total and one sheet per school, the total being their sum (child process)', async () => {
    const out = path.join(dir, 'county.xlsx');
    const before = [hash(named), hash(unnamed), hash(sample)];
    const r = await runCli(['rollup', named, unnamed, sample, '-o', out, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = await read(out);
    // 设置's 学校名称 names a school; without it, the file name does.
    expect(wb.sheets.map((s) => s.name)).toEqual(['合计', '甲村小学', '乙校', '白水镇中心小学']);
    const schools = wb.sheets.slice(1).map((s) => overall(s)[2] as number);
    expect(schools.slice(0, 2)).toEqual([EXPECTED.children, EXPECTED.children]);
    expect(overall(findSheet(wb, '合计')!)[2]).toBe(schools.reduce((a, b) => a + b, 0));
    expect(r.stdout).toContain(`共 ${schools.reduce((a, b) => a + b, 0)} 名留守儿童`);
    // No child's name leaves the school.
    const text = JSON.stringify(wb.sheets.map((s) => s.values));
    for (const name of ['张小明', '李小红', '王小刚', '赵小丽', '陈小军']) expect(text).not.toContain(name);
    expect([hash(named), hash(unnamed), hash(sample)]).toEqual(before);
  });

  it('adds every count of the schools in the total', async () => {
    const out = path.join(dir, 'two.xlsx');
    expect((await run(['rollup', named, unnamed, '-o', out])).status).toBe(0);
    const wb = await read(out);
    const total = findSheet(wb, '合计')!;
    const school = findSheet(wb, '甲村小学')!;
    const header = school.values.find((r) => r[0] === '板块')!;
    const isShare = (i: number) => /率|占/.test(String(header[i]));
    const row = overall(school);
    const sum = overall(total);
    // Two identical schools: every count doubles, every share stays.
    let checked = 0;
    row.forEach((v, i) => {
      if (typeof v !== 'number') return;
      expect([header[i], sum[i]]).toEqual([header[i], isShare(i) ? v : v * 2]);
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('refuses an output that is any of the inputs', async () => {
    const before = hash(unnamed);
    const r = await run(['rollup', named, unnamed, '-o', path.join(dir, '.', '乙校.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：输出文件不能是输入文件本身/);
    expect(hash(unnamed)).toBe(before);
  });

  it('needs at least one school and an output', async () => {
    expect((await run(['rollup', '-o', path.join(dir, 'x.xlsx')])).status).toBe(2);
    expect((await run(['rollup', named])).status).toBe(2);
  });
});

const longDigits = (v: CellValue) => (typeof v === 'string' && /\d{11,}/.test(v)) || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e10);

describe('export', () => {
  it('writes a de-identified copy with no 11- or 18-digit runs and no names (child process)', async () => {
    const applied = path.join(dir, 'applied.xlsx');
    expect((await run(['apply', sample, '-o', applied, '--cards'])).status).toBe(1);
    const source = await read(applied);
    expect(source.sheets.some((s) => s.values.some((r) => r.some(longDigits)))).toBe(true);
    const out = path.join(dir, 'deid.xlsx');
    const r = await runCli(['export', applied, '-o', out, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^已写入脱敏副本 .*deid\.xlsx（19 个工作表）。\n已生成脱敏副本/);
    const copy = await read(out);
    expect(copy.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
    for (const sheet of copy.sheets) for (const row of sheet.values) for (const v of row) expect([sheet.name, v, longDigits(v)]).toEqual([sheet.name, v, false]);
  });

  it('masks every name, ID and phone of the 民政 登记表 and keeps 民族, 户籍 and the school readable', async () => {
    const minzheng = path.join(ROOT, 'tests', 'fixtures', 'minzheng.xlsx');
    const applied = path.join(dir, 'minzheng-applied.xlsx');
    await run(['apply', minzheng, '-o', applied]);
    const out = path.join(dir, 'minzheng-deid.xlsx');
    expect((await run(['export', applied, '-o', out])).status).toBe(0);
    const source = await read(applied);
    const copy = await read(out);
    // No 18-character ID and no mobile number anywhere, in any digit width or spacing.
    const leaks = (v: CellValue) => {
      // A share such as 0.18181818181818182 is no phone: numbers count only when whole.
      const text = (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : '') : typeof v === 'string' ? v : '').normalize('NFKC').replace(/[\s-]/g, '');
      return /\d{17}[\dXx]/.test(text) || /1[3-9]\d{9}/.test(text);
    };
    expect(source.sheets.some((sh) => sh.values.some((r) => r.some(leaks)))).toBe(true);
    for (const sheet of copy.sheets) for (const row of sheet.values) for (const v of row) expect([sheet.name, v, leaks(v)]).toEqual([sheet.name, v, false]);

    // The roster's columns by their header in the copy (two header rows become one: 儿童基本情况 / 民族).
    const original = findSheet(await read(minzheng), '留守儿童信息登记表')!;
    const masked = findSheet(copy, '留守儿童信息登记表')!;
    const headerAt = masked.values.findIndex((r) => r.includes('儿童基本情况 / 民族'));
    const col = (header: string) => masked.values[headerAt].indexOf(header);
    // The eleven children, the signature line below them left out.
    const data = (sheet: SheetSnapshot, c: number, from: number) => sheet.values.slice(from, from + 11).map((r) => r[c]);
    // The source's first child is on row 6 (two titles, two header rows, the column numbers); the copy's right under its header and the numbers.
    const before = (c: number) => data(original, c, 5);
    const after = (header: string) => data(masked, col(header), headerAt + 2);
    expect(after('儿童基本情况 / 民族')).toEqual(before(3));
    expect(after('儿童基本情况 / 就读学校')).toEqual(before(9));
    expect(after('儿童基本情况 / 就读学校')).toContain('岩口镇王家坪小学');
    expect(after('儿童基本情况 / 户籍所在地')).toEqual(before(7));
    for (const [header, c] of [
      ['儿童基本情况 / 姓名', 1],
      ['父母情况 / 父亲姓名', 15],
      ['监护情况 / 姓名', 22],
    ] as const) {
      const names = after(header);
      expect(names).toHaveLength(before(c).length);
      names.forEach((n, i) => expect([header, n, n === before(c)[i]]).toEqual([header, expect.stringContaining('*'), false]));
    }
  });

  it('keeps date cells dates in the copy, not bare serials', async () => {
    const applied = path.join(dir, 'applied-dates.xlsx');
    await run(['apply', sample, '-o', applied]);
    const out = path.join(dir, 'deid-dates.xlsx');
    expect((await run(['export', applied, '-o', out])).status).toBe(0);
    const dated = (wb: Awaited<ReturnType<typeof read>>) =>
      wb.sheets
        .filter((sh) => sh.name !== '留守儿童登记表') // its birth dates are cut to year and month on purpose
        .map((sh) => [sh.name, Object.values(sh.dateFormats?.columns ?? {}).some((runs) => runs.some((r) => r.kind === 'date'))]);
    const source = dated(await read(applied)).filter(([, has]) => has);
    expect(source.length).toBeGreaterThan(0); // 提醒事项's 到期日 at least
    const copy = new Map(dated(await read(out)) as [string, boolean][]);
    for (const [name] of source) expect([name, copy.get(name as string)]).toEqual([name, true]);
  });

  it('refuses to write over its input and needs -o', async () => {
    const before = hash(named);
    expect((await run(['export', named, '-o', named])).status).toBe(2);
    expect(hash(named)).toBe(before);
    const r = await run(['export', named]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('-o');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
