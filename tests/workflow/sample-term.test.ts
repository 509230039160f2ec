/**
 * The bundled sample shows every feature without any typing (issue 15): `apply` on it as of its own day
 * (SAMPLE_TODAY) pairs nearly every child and explains the rest, lists overdue contacts, open follow-ups
 * and a birthday next week, and the report counts 寄宿生 and 重点帮扶对象 from the roster's columns. What
 * each assertion expects is planted in tests/fixtures/sample-term.ts, not computed by the engine.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CellValue } from '../../src/core/cells';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURES } from '../fixtures/build-samples';
import { KEY_FOCUS, NO_BUDDY_CLASS, PLANS_MISSING, PLANTED, SAMPLE_TODAY } from '../fixtures/sample-term';
import { ROOT, runInProcess } from '../cli/run-cli';

jest.setTimeout(300_000);

const SAMPLE = path.join(ROOT, 'assets', 'sample-roster.xlsx');
/** The children as the builder wrote them, in roster order (line i is sheet row i + 5). */
const kids = FIXTURES['sample-roster']().lines.map((l) => ('cells' in l ? l.cells : {}));
const nameOf = (i: number) => String(kids[i].name);

/** What apply printed, both streams, as a teacher sees them. */
let printed = '';
let applied: WorkbookSnapshot;

beforeAll(async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'sample-term-')), 'applied.xlsx');
  const { status, stdout, stderr } = await runInProcess(['apply', SAMPLE, '-o', out, '--today', SAMPLE_TODAY], '2031-01-01');
  printed = stdout + stderr;
  // 1: the file was written, and the planted roster errors are there to find.
  expect(status).toBe(1);
  expect(printed).toContain(`已写入 ${out}`);
  applied = await openXlsx(new Uint8Array(readFileSync(out))).read();
});

/** A sheet's rows below its header row (the row whose first cell is `firstHeader`), as objects by header. */
function table(sheet: SheetSnapshot | undefined, firstHeader: string): Record<string, CellValue>[] {
  expect(sheet).toBeDefined();
  const at = sheet!.values.findIndex((r) => r[0] === firstHeader);
  expect(at).toBeGreaterThanOrEqual(0);
  const header = sheet!.values[at].map(String);
  return sheet!.values.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

describe('the bundled sample as of its own day', () => {
  it('结对帮扶 pairs every child with a teacher and explains the four it cannot complete', () => {
    const rows = table(findSheet(applied, '结对帮扶'), '姓名');
    expect(rows).toHaveLength(48);
    expect(rows.every((r) => typeof r['帮扶教师'] === 'string' && r['帮扶教师'] !== '')).toBe(true);
    const incomplete = rows.filter((r) => r['状态'] === '待补充');
    // The class with no buddy listed (three children) and one key-focus child: six proxy places for seven.
    const noBuddy = kids.flatMap((k, i) => (String(k.className).replace('（', '(').replace('）', ')') === NO_BUDDY_CLASS ? [nameOf(i)] : []));
    expect(noBuddy).toHaveLength(3);
    expect(incomplete.map((r) => r['姓名']).sort()).toEqual([...noBuddy, ...KEY_FOCUS.map(nameOf).filter((n) => incomplete.some((r) => r['姓名'] === n))].sort());
    expect(incomplete).toHaveLength(4);
    for (const r of incomplete.filter((x) => noBuddy.includes(String(x['姓名'])))) expect(r['说明']).toContain('学习帮手：没有合适类别的帮扶人员');
    expect(incomplete.filter((r) => r['重点帮扶'] === '是').map((r) => r['说明'])).toEqual([expect.stringContaining('代理家长：合适的帮扶人员都已满额')]);
    // Every other key-focus child has a proxy parent; the other kinds of mentor all take part.
    expect(rows.filter((r) => r['重点帮扶'] === '是' && r['代理家长'])).toHaveLength(KEY_FOCUS.length - 1);
    expect(rows.filter((r) => r['学习帮手'])).toHaveLength(45);
    expect(printed).toContain('结对：48 名儿童，48 名有帮扶教师，45 名有学习帮手，4 项未能配对。');
  });

  it('提醒事项 lists the planted overdue contacts and follow-up, the open follow-ups and the birthday next week', () => {
    const items = table(findSheet(applied, '提醒事项'), '状态');
    const overdue = items.filter((r) => r['状态'] === '逾期').map((r) => `${String(r['学生'])} ${String(r['事项'])}`);
    const expected = [
      ...PLANTED.talkOverdue.map((i) => `${nameOf(i)} 谈心`),
      `${nameOf(PLANTED.keyFocusTalkOverdue)} 谈心`,
      ...PLANTED.parentCallOverdue.map((i) => `${nameOf(i)} 给家长打电话`),
      ...PLANTED.noHomeVisit.map((i) => `${nameOf(i)} 家访`),
      `${nameOf(PLANTED.followUps[0][0])} 跟进（监护人联系）`,
    ];
    expect(overdue.sort()).toEqual(expected.sort());
    expect(printed).toContain(`提醒：逾期 ${expected.length} 项`);
    // The two follow-ups still open: this week and next week.
    const followUps = items.filter((r) => String(r['事项']).startsWith('跟进'));
    expect(followUps.map((r) => [r['学生'], r['状态']])).toEqual(
      expect.arrayContaining([
        [nameOf(PLANTED.followUps[1][0]), '本周'],
        [nameOf(PLANTED.followUps[2][0]), '下周'],
      ]),
    );
    expect(followUps).toHaveLength(3);
    // 史雨桐 turns 11 next Monday.
    const birthday = items.filter((r) => r['事项'] === '生日');
    expect(birthday.map((r) => [r['学生'], r['状态']])).toEqual([[nameOf(PLANTED.birthdayNextWeek), '下周']]);
    expect(String(birthday[0]['说明'])).toContain('11 岁生日（12月7日）');
    // Everyone on 帮扶人员 was trained this school year: no training reminder.
    expect(items.filter((r) => String(r['事项']).includes('培训'))).toEqual([]);
  });

  it('工作报告 and 统计汇总 count 寄宿生 and 重点帮扶对象 from the roster’s own columns', () => {
    const boarders = kids.filter((k) => k.boarding === '是').length;
    expect(boarders).toBe(16);
    const report = findSheet(applied, '工作报告')!.values.map((r) => String(r[0] ?? ''));
    expect(report.join('\n')).toContain(`寄宿生${boarders}名；由祖辈监护41名；确定重点帮扶对象${KEY_FOCUS.length}名。`);
    const summary = table(findSheet(applied, '统计汇总'), '板块');
    const figure = (item: string) => summary.find((r) => r['项目'] === item)?.['数量'];
    expect(figure('寄宿')).toBe(boarders);
    expect(figure('重点帮扶对象')).toBe(KEY_FOCUS.length);
  });

  it('校验结果 lists the planted 帮扶人员 fault and the key-focus children without a 帮扶计划', () => {
    const findings = table(findSheet(applied, '校验结果'), '工作表');
    expect(findings.filter((r) => r['工作表'] === '帮扶人员').map((r) => [r['单元格'], r['规则']])).toEqual([['F18', '可帮扶人数无效']]);
    const plans = table(findSheet(applied, '帮扶计划'), '学生');
    const missing = findings.filter((r) => r['工作表'] === '帮扶计划').map((r) => plans[Number(r['行']) - 2]['学生']);
    expect(missing).toEqual(PLANS_MISSING.map(nameOf));
  });
});

describe("the sample's own day (设置 示例日期)", () => {
  const asOf = async (argv: string[], file = SAMPLE) => {
    const { status, stdout, stderr } = await runInProcess(['summary', file, '--json', ...argv], '2031-01-01');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    return (JSON.parse(stdout) as { period: { asOf: string } }).period.asOf;
  };

  it('is "today" on the command line when no --today is given, and --today still wins', async () => {
    expect(await asOf([])).toBe(SAMPLE_TODAY);
    expect(await asOf(['--today', '2026-12-07'])).toBe('2026-12-07');
  });

  it("leaves a school's own workbook (no such row) on the computer's date", async () => {
    expect(await asOf([], path.join(ROOT, 'tests', 'fixtures', 'saved-mapping.xlsx'))).toBe('2031-01-01');
  });
});
