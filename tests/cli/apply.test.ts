/** `apply`: a copy with every maintained sheet up to date; the input is never written. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { CARD_ROWS } from '../../src/core/cards';
import { SHEETS } from '../../src/core/sheets';
import { findSheet } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { smallSchool, TODAY } from '../workflow/small-school';
import { FIXTURES, ROOT, runCli, runInProcess } from './run-cli';

// Child processes pay tsx's start-up on a small shared machine.
jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), 'cli-apply-'));
const school = path.join(dir, 'school.xlsx');
writeFileSync(school, smallSchool());
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const schoolHash = hash(school);

const run = (argv: string[]) => runInProcess(argv, TODAY);

const read = async (file: string) => openXlsx(new Uint8Array(readFileSync(file))).read();

describe('apply as a child process', () => {
  it('writes a copy with every maintained sheet and says what it wrote', async () => {
    const out = path.join(dir, 'out.xlsx');
    const r = await runCli(['apply', school, '-o', out, '--today', TODAY, '--cards']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0); // two warnings (an unreadable log date; a key-focus child without a 帮扶计划), no errors
    const wb = await read(out);
    for (const sheet of Object.values(SHEETS)) {
      expect(wb.sheets.map((s) => s.name)).toContain(sheet);
    }
    // The sheets that already existed are not created again; the generated ones are reported with their rows.
    expect(r.stdout).toMatch(/^已写入 .*out\.xlsx：/);
    expect(r.stdout).toContain('“设置”：新建');
    expect(r.stdout).not.toContain('“谈心记录”：新建');
    expect(r.stdout).toMatch(/“结对帮扶”：新建，5 行/);
    // The printed sheets (issue 16), asked for with --cards: five cards of CARD_ROWS (16) rows; the plans sheet with the key-focus child's row.
    expect(r.stdout).toContain(`“联系卡”：新建，${5 * CARD_ROWS} 行`);
    expect(r.stdout).toContain('“帮扶计划”：新建，1 行');
    expect(r.stdout).toContain('“成长记录”：新建');
    expect(r.stdout).toContain('共 0 个错误，2 个警告');
    expect(hash(school)).toBe(schoolHash);
  });
});

describe('apply in process', () => {
  it('reports the pairing and the reminders in the counts of the plan it wrote', async () => {
    const out = path.join(dir, 'counts.xlsx');
    const r = await run(['apply', school, '-o', out, '--today', TODAY]);
    const m = planMaintenance(await read(school), { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    const items = m.contacts.reminders.items;
    const overdue = items.filter((i) => i.status === 'overdue').length;
    const week = items.filter((i) => i.status === 'today' || i.status === 'thisWeek').length;
    expect(overdue).toBeGreaterThan(0);
    expect(r.stdout).toContain(`提醒：逾期 ${overdue} 项，今天和本周到期 ${week} 项。`);
    const s = m.pairing.stats;
    expect(r.stdout).toContain(`结对：${s.children} 名儿童，${s.withTeacher} 名有帮扶教师，${s.withBuddy} 名有学习帮手，${s.unpaired.length} 项未能配对。`);
  });

  it('refuses to write over its input however the path is spelled, and leaves it as it was', async () => {
    const link = path.join(dir, 'link.xlsx');
    if (!existsSync(link)) symlinkSync(school, link);
    for (const output of [school, path.join(dir, '.', 'school.xlsx'), path.relative(process.cwd(), school), link]) {
      const r = await run(['apply', school, '-o', output]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^错误：输出文件不能是输入文件本身/);
    }
    expect(hash(school)).toBe(schoolHash);
  });

  it('says in English which sheets it wrote, each named as "the 设置 (settings) sheet" (issue 15)', async () => {
    const out = path.join(dir, 'english.xlsx');
    const r = await run(['apply', school, '-o', out, '--today', TODAY, '--lang', 'en']);
    expect(r.stdout).toContain('Created the 设置 (settings) sheet, 23 rows');
    expect(r.stdout).toMatch(/Created the 结对帮扶 \(pairing\) sheet, 5 rows/);
    expect(r.stdout).toContain('listed on the 校验结果 (check results) sheet');
    expect(r.stdout).not.toMatch(/\b1 rows\b/);
  });

  it("needs -o, and says so in the user's language", async () => {
    const r = await run(['apply', school, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Error: No output file: give one with -o/);
  });

  it('is exit 2 without writing anything when the workbook has no roster', async () => {
    const out = path.join(dir, 'none.xlsx');
    const r = await run(['apply', path.join(FIXTURES, 'no-roster.xlsx'), '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：无法检查 .*no-roster\.xlsx：没有找到花名册/);
    expect(existsSync(out)).toBe(false);
  });

  it('is exit 1 when the roster has errors, and still writes the copy with them on 校验结果', async () => {
    const out = path.join(dir, 'sample-out.xlsx');
    const r = await run(['apply', path.join(ROOT, 'assets', 'sample-roster.xlsx'), '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/共 [1-9]\d* 个错误/);
    const findings = findSheet(await read(out), SHEETS.findings)!;
    expect(findings.values.filter((row) => row[5] === '错误').length).toBeGreaterThan(0);
  });

  it('a second apply over its own output rebuilds only the generated sheets', async () => {
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    expect((await run(['apply', school, '-o', first])).status).toBe(0);
    const r = await run(['apply', first, '-o', second]);
    expect(r.status).toBe(0);
    // Without --cards the two largest sheets are neither written nor rebuilt (on demand only).
    expect(r.stdout).not.toContain(SHEETS.cards);
    expect(r.stdout).not.toContain(SHEETS.records);
    expect(findSheet(await read(first), SHEETS.cards)).toBeUndefined();
    expect(r.stdout).not.toContain('新建');
    expect(r.stdout).not.toContain('追加');
    const [a, b] = [await read(first), await read(second)];
    for (const name of [SHEETS.reminders, SHEETS.summary, SHEETS.report, SHEETS.findings, SHEETS.settings, SHEETS.log, SHEETS.mentors, '花名册']) {
      expect([name, findSheet(b, name)!.values]).toEqual([name, findSheet(a, name)!.values]);
    }
  });
});

describe('apply over a stale column mapping in 设置 (written by openpyxl, a column inserted since)', () => {
  const STALE = path.join(FIXTURES, 'adopt', 'stale-mapping.xlsx');
  const savedPhone = (wb: Awaited<ReturnType<typeof read>>) => findSheet(wb, SHEETS.settings)!.values.find((line) => line[0] === '花名册列：监护人电话')?.[1];

  it('saves the mapping it used, by header text, so the next run has nothing to say about it', async () => {
    expect(savedPhone(await read(STALE))).toBe('O（监护人电话）');
    const first = path.join(dir, 'stale-first.xlsx');
    const second = path.join(dir, 'stale-second.xlsx');
    const staleNotes = (wb: Awaited<ReturnType<typeof read>>) => findSheet(wb, SHEETS.findings)!.values.filter((line) => line.includes('列设置已过时')).length;
    const r = await run(['apply', STALE, '-o', first, '--today', TODAY]);
    expect(r.stdout).toContain('“设置”：更新 1 行');
    expect(staleNotes(await read(first))).toBe(1);
    expect(savedPhone(await read(first))).toBe('P（监护人电话）');
    const again = await run(['apply', first, '-o', second, '--today', TODAY]);
    expect(staleNotes(await read(second))).toBe(0);
    expect(again.stdout).not.toContain('设置：');
    expect(savedPhone(await read(second))).toBe('P（监护人电话）');
    // The roster is read the same both times: its guardian phones from P, not the inserted 备用电话.
    const findings = (wb: Awaited<ReturnType<typeof read>>) =>
      findSheet(wb, SHEETS.findings)!
        .values.filter((line) => line[3] === '监护人电话')
        .map((line) => line[1]);
    expect(findings(await read(second))).toEqual(findings(await read(first)).filter((ref) => ref !== 'P1'));
  });
});

describe('apply over 谈心记录, 帮扶人员 and 设置 a school made by hand (written by openpyxl)', () => {
  const ADOPT = (name: string) => path.join(FIXTURES, 'adopt', name);
  const kept = [SHEETS.log, SHEETS.mentors, SHEETS.settings];
  // The term the fixtures' 设置 gives (2025-09-01 to 2026-01-20).
  const AUTUMN = '2025-09-15';
  const listed = (wb: Awaited<ReturnType<typeof read>>) => findSheet(wb, SHEETS.findings)!.values.filter((line) => kept.includes(String(line[0]) as never));

  it('reads them as the teachers keep them, writes none of them, and says what it did not add to 设置', async () => {
    const out = path.join(dir, 'hand-kept-out.xlsx');
    const r = await run(['apply', ADOPT('hand-kept.xlsx'), '-o', out, '--today', AUTUMN]);
    expect(r.status).toBe(1); // the roster's own two errors
    for (const sheet of kept) expect(r.stdout).not.toMatch(new RegExp(`^  ${sheet}：`, 'm'));
    const [before, after] = [await read(ADOPT('hand-kept.xlsx')), await read(out)];
    for (const sheet of kept) expect([sheet, findSheet(after, sheet)!.values]).toEqual([sheet, findSheet(before, sheet)!.values]);
    // One note, on 设置; the hand-made log and mentors are read without a word.
    expect(listed(after).map((line) => [line[0], line[4]])).toEqual([[SHEETS.settings, '设置表格式不同，缺少的设置未添加']]);
    // Its mentors pair the children: every child of 二(2)班, 一(1)班, 三(1)班 and 四(1)班 has a class teacher from the sheet.
    const pairing = findSheet(after, SHEETS.pairing)!.values;
    expect(pairing.find((line) => line[0] === '冯可欣')?.[3]).toBe('王芳');
    expect(pairing.find((line) => line[0] === '黄婷')?.[3]).toBe('陈静');
  });

  it('leaves sheets it cannot read alone, and 校验结果 names the columns expected and found', async () => {
    const out = path.join(dir, 'unrecognised-out.xlsx');
    const r = await run(['apply', ADOPT('unrecognised.xlsx'), '-o', out, '--today', AUTUMN]);
    expect(r.status).toBe(1);
    const [before, after] = [await read(ADOPT('unrecognised.xlsx')), await read(out)];
    for (const sheet of kept) expect([sheet, findSheet(after, sheet)!.values]).toEqual([sheet, findSheet(before, sheet)!.values]);
    const notes = listed(after).map((line) => `${String(line[0])}|${String(line[6])}`);
    expect(notes).toHaveLength(3);
    expect(notes.find((n) => n.startsWith(SHEETS.log))).toContain('找到的是：周次、主题、参加人员、地点');
    expect(notes.find((n) => n.startsWith(SHEETS.mentors))).toContain('找到的是：教师、电话');
    expect(notes.find((n) => n.startsWith(SHEETS.settings))).toContain('找到的是：名目、数额、经手');
  });
});
