/**
 * The pane's code path over the same samples, in process: the file port reads the workbook,
 * checkRoster checks it, findingsSheetPlan describes 校验结果, the port writes it. What lands in the
 * saved workbook must agree with what the command line prints, and the roster itself must not change.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { columnLetter } from '../../src/core/cells';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { checkRoster, findingsSheetPlan, markOps, overrideFromSettings, overrideSettingsOps, ruleLabel, severityLabel } from '../../src/core/roster';
import { SHEETS } from '../../src/core/sheets';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { BLANK_LINE, CARD_ROWS } from '../../src/core/cards';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { logEntryOp } from '../../src/core/contacts';
import { LogSheetError } from '../../src/core/contacts/log';
import { errorMessage } from '../../src/taskpane/errors';
import { entryFromForm, matchChildren, pickedChildrenOf, pickedKey, tickedChildren } from '../../src/taskpane/views/logic';
import { FIXTURES, SAMPLES, runCli } from './run-cli';

jest.setTimeout(600_000);

const TODAY = '2025-09-15';

interface CliIssue {
  sheet: string;
  row: number;
  column: string | null;
  rule: string;
  severity: string;
  message: string;
}
const cliReports = new Map<string, { children: number; issues: CliIssue[]; sheet: string }>();

beforeAll(async () => {
  const names = Object.keys(SAMPLES);
  const runs = await Promise.all(names.map((n) => runCli(['validate', SAMPLES[n], '--today', TODAY, '--json'])));
  // The roster's findings (the pane path here is the roster check); the sample's life sheets have their own.
  names.forEach((n, i) => {
    const report = JSON.parse(runs[i].stdout) as { children: number; issues: CliIssue[]; sheet: string };
    cliReports.set(n, { ...report, issues: report.issues.filter((issue) => issue.sheet === report.sheet) });
  });
});

describe.each(Object.keys(SAMPLES))('%s through the pane path', (name) => {
  it('finds what the command line finds, and writes it to 校验结果 without touching the roster', async () => {
    const cli = cliReports.get(name)!;
    const port = openXlsx(readFileSync(SAMPLES[name]));
    const before = await port.read();
    const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });

    // The same findings as the CLI, message for message.
    expect(check.layout.sheet).toBe(cli.sheet);
    expect(check.records.length).toBe(cli.children);
    const inProcess = check.findings.map((f) => `${f.row + 1} ${f.col === null ? '-' : columnLetter(f.col)} ${f.rule} ${f.severity}`).sort();
    expect(inProcess).toEqual(cli.issues.map((i) => `${i.row} ${i.column ?? '-'} ${i.rule} ${i.severity}`).sort());

    // Written the way the pane writes it, saved, and read back from the bytes.
    await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY)] });
    const after = await openXlsx(port.save()).read();
    const sheet = after.sheets.find((s) => s.name === SHEETS.findings)!;
    expect(sheet).toBeDefined();
    const headerAt = sheet.values.findIndex((line) => line[0] === t('zh-CN', 'roster.findings.col.sheet'));
    expect(headerAt).toBeGreaterThanOrEqual(0);
    const written = sheet.values.slice(headerAt + 1).filter((line) => line.some((v) => v !== null && v !== ''));
    expect(written).toHaveLength(cli.issues.length);
    const fromSheet = written.map((line) => `${String(line[1] ?? '')}|${line[2]}|${line[4]}|${line[5]}|${line[6]}`).sort();
    const fromCli = cli.issues
      .map((i) => `${i.column === null ? '' : `${i.column}${i.row}`}|${i.row}|${ruleLabel(i.rule as never, 'zh-CN')}|${severityLabel(i.severity as never, 'zh-CN')}|${i.message}`)
      .sort();
    expect(fromSheet).toEqual(fromCli);

    // Nothing lost: every sheet the workbook had reads back exactly as before.
    for (const original of before.sheets) {
      const again = after.sheets.find((s) => s.name === original.name)!;
      expect([original.name, again.values]).toEqual([original.name, original.values]);
    }
  });
});

describe('the column mapping saved in 设置', () => {
  it('is what maps the unknown 爷爷奶奶手机 header: without 设置 the column is missing', async () => {
    const snapshot = await openXlsx(readFileSync(SAMPLES['saved-mapping'])).read();
    const withSettings = checkRoster(snapshot, { today: TODAY, override: overrideFromSettings(snapshot) });
    expect(columnLetter(withSettings.layout.columns.guardianPhone!)).toBe('O');
    const bare = { sheets: snapshot.sheets.filter((s) => s.name !== SHEETS.settings) };
    const without = checkRoster(bare, { today: TODAY, override: overrideFromSettings(bare) });
    expect(without.layout.columns.guardianPhone).toBeUndefined();
    expect(without.findings.filter((f) => f.rule === 'header-missing').map((f) => f.field)).toEqual(['guardianPhone']);
  });
});

describe('a roster of one sheet per class through the pane path', () => {
  const FILE = path.join(FIXTURES, 'class-sheets.xlsx');

  it('checks, lists and marks every class sheet as the command line reports them', async () => {
    const cli = JSON.parse((await runCli(['validate', FILE, '--today', TODAY, '--json'])).stdout);
    const port = openXlsx(readFileSync(FILE));
    const before = await port.read();
    const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });
    expect(check.layouts.map((l) => l.sheet)).toEqual(cli.sheets.map((s: { sheet: string }) => s.sheet));
    const inProcess = check.findings.map((f) => `${f.sheet}!${f.row + 1} ${f.col === null ? '-' : columnLetter(f.col)} ${f.rule}`).sort();
    expect(inProcess).toEqual(
      cli.issues.map((i: { sheet: string; row: number; column: string | null; rule: string }) => `${i.sheet}!${i.row} ${i.column ?? '-'} ${i.rule}`).sort(),
    );

    // 生成校验结果 with marks, as the pane's report tab plans it: each bad cell is marked on its own sheet.
    const marks = markOps(check, 'zh-CN');
    expect(marks.map((op) => op.sheet).sort()).toEqual([...new Set(check.findings.map((f) => f.sheet))].sort());
    await port.apply({ ops: [findingsSheetPlan(check, 'zh-CN', TODAY), ...marks] });
    const after = await openXlsx(port.save()).read();
    const listed = after.sheets.find((s) => s.name === SHEETS.findings)!.values.map((line) => line[0]);
    for (const f of check.findings) expect(listed).toContain(f.sheet);
    // The roster's values are untouched on every class sheet.
    for (const l of check.layouts) expect(after.sheets.find((s) => s.name === l.sheet)!.values).toEqual(before.sheets.find((s) => s.name === l.sheet)!.values);
  });

  it('saves the sheets the teacher ticked in 设置, and the next check reads exactly those', async () => {
    const port = openXlsx(readFileSync(FILE));
    const before = await port.read();
    const picked = checkRoster(before, { today: TODAY, sheets: ['一年级一班', '二年级一班'] });
    expect(picked.records).toHaveLength(15);
    await port.apply({ ops: overrideSettingsOps(before, { sheet: picked.layout.sheet, sheets: picked.layouts.map((l) => l.sheet) }) });
    const saved = await openXlsx(port.save()).read();
    const again = checkRoster(saved, { today: TODAY, override: overrideFromSettings(saved) });
    expect(again.layouts.map((l) => l.sheet)).toEqual(['一年级一班', '二年级一班']);
  });

  it('records a talk for the child picked in 记一笔, though another class sheet has a child on the same row', async () => {
    const port = openXlsx(readFileSync(FILE));
    const before = await port.read();
    const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    // The list the form offers, as useToday builds it; find two children sharing a row number.
    const listed = pickedChildrenOf(plan.roster.records);
    const a = listed.find((c) => listed.some((o) => o.row === c.row && o.sheet !== c.sheet))!;
    const b = listed.find((o) => o.row === a.row && o.sheet !== a.sheet)!;
    expect(b.classLabel).not.toBe(a.classLabel);
    // 班会 of b's class with only b ticked; and a typed and chosen by name.
    const meeting = tickedChildren(
      listed.filter((c) => c.classLabel === b.classLabel),
      new Set([pickedKey(b)]),
    );
    const typed = matchChildren(listed, a.name).find((c) => pickedKey(c) === pickedKey(a))!;
    const form = { kind: 'talk' as const, target: '' as const, date: '2025-09-12', content: '开学谈心', followUp: false, followUpDue: '', recorder: '刘老师' };
    const entries = [meeting, [typed]].map((children) => {
      const r = entryFromForm({ ...form, children }, plan.roster.records);
      if (!r.ok) throw new Error(r.messageKey);
      return r.entry;
    });
    const create = plan.plan.ops.filter((op) => op.kind === 'createSheetIfMissing' && op.sheet === SHEETS.log);
    await port.apply({ ops: [...create, logEntryOp(entries, before)] });
    const log = (await openXlsx(port.save()).read()).sheets.find((s) => s.name === SHEETS.log)!.values;
    expect(log.slice(1).map((line) => [line[1], line[2]])).toEqual([
      [b.name, b.classLabel],
      [a.name, a.classLabel],
    ]);
  });
});

describe('the 民政 农村留守儿童信息登记表 through the pane path', () => {
  it("reads each repeated sub-header as its group's, and the 联系卡 prints the guardian's occupation and the 户籍 the ID names", async () => {
    const port = openXlsx(readFileSync(SAMPLES.minzheng));
    const before = await port.read();
    const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar(), printSheets: true }); // as the 档案 view writes them, on demand
    const cols = plan.roster.layout.columns;
    // 姓名, 年龄 and 健康状况 stand under both 儿童基本情况 and 监护情况: each is its own person's.
    expect([cols.name, cols.guardianName, cols.guardianAge, cols.childHealth, cols.guardianHealth].map((c) => columnLetter(c!))).toEqual(['B', 'W', 'Y', 'L', 'Z']);
    // 学籍's 是否留守儿童 code: 2 双亲留守, 1 单亲留守.
    const roster = before.sheets.find((s) => s.name === plan.roster.layout.sheet)!;
    const cell = (row: number, col: number) => roster.values[row - roster.origin.row][col - roster.origin.col];
    expect(plan.roster.records.map((r) => r.leftBehindType)).toEqual(plan.roster.records.map((r) => (cell(r.row, cols.leftBehindType!) === 2 ? 'both' : 'one')));
    expect(new Set(plan.roster.records.map((r) => r.leftBehindType))).toEqual(new Set(['both', 'one']));

    await port.apply(plan.plan);
    const after = await openXlsx(port.save()).read();
    const cards = after.sheets.find((s) => s.name === SHEETS.cards)!;
    const rows = cards.values.slice(2);
    const cardOf = (i: number) => {
      const byLabel = new Map<string, unknown>();
      for (const r of rows.slice(i * CARD_ROWS, (i + 1) * CARD_ROWS)) {
        byLabel.set(String(r[0]), r[1]);
        byLabel.set(String(r[2]), r[3]);
      }
      return byLabel;
    };
    plan.roster.records.forEach((r, i) => {
      const card = cardOf(i);
      expect(card.get('姓名')).toBe(r.name);
      const occupation = cell(r.row, cols.guardianOccupation!);
      expect([r.name, card.get('监护人职业')]).toEqual([r.name, occupation ?? BLANK_LINE]);
      // The ID's first six digits: 430524 隆回县 for all but one, registered in 邵东县 before it was renamed 邵东市.
      expect([r.name, card.get('户籍地（据证件）')]).toEqual([r.name, r.idNumber!.startsWith('430521') ? '湖南省邵阳市邵东县' : '湖南省邵阳市隆回县']);
    });
    // The roster itself is untouched.
    expect(after.sheets.find((s) => s.name === roster.name)!.values).toEqual(roster.values);
  });
});

describe('记一笔 through the pane path on sheets a school made by hand (written by openpyxl)', () => {
  const ADOPT = (name: string) => path.join(FIXTURES, 'adopt', name);
  const form = { kind: 'talk' as const, target: '' as const, date: '2025-09-15', content: '谈心', followUp: false, followUpDue: '', recorder: '陈静' };

  it('appends under the school’s own headers of 谈心记录, and the next read counts it', async () => {
    const port = openXlsx(readFileSync(ADOPT('hand-kept.xlsx')));
    const before = await port.read();
    const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    const picked = matchChildren(pickedChildrenOf(plan.roster.records), '黄婷');
    const entry = entryFromForm({ ...form, children: picked }, plan.roster.records);
    if (!entry.ok) throw new Error(entry.messageKey);
    await port.apply({ ops: [logEntryOp([entry.entry], before)] });
    const after = await openXlsx(port.save()).read();
    const log = after.sheets.find((s) => s.name === SHEETS.log)!.values;
    expect(log.slice(0, -1)).toEqual(before.sheets.find((s) => s.name === SHEETS.log)!.values);
    expect(log[log.length - 1].slice(1, 7)).toEqual(['黄婷', '四(1)班', expect.any(Number), '谈心', '陈静', '谈心']);
    const again = planMaintenance(after, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    expect(again.contacts.log.entries.length).toBe(plan.contacts.log.entries.length + 1);
  });

  it('refuses, in the teacher’s words, a 谈心记录 whose columns it cannot tell, and writes nothing', async () => {
    const port = openXlsx(readFileSync(ADOPT('unrecognised.xlsx')));
    const before = await port.read();
    const plan = planMaintenance(before, { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    const entry = entryFromForm({ ...form, children: pickedChildrenOf(plan.roster.records).slice(0, 1) }, plan.roster.records);
    if (!entry.ok) throw new Error(entry.messageKey);
    let error: unknown;
    try {
      logEntryOp([entry.entry], before);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LogSheetError);
    // What the pane shows for it (its operation's error line).
    expect(errorMessage(error, 'zh-CN')).toBe(
      '“谈心记录”表认不出来：需要 日期、学生、类型 列，表中找到的是：周次、主题、参加人员、地点。为免写乱这张表，这次没有添加记录。请把表头改成这些列名（其他列可以保留），或把这张表改名后重试。',
    );
  });

  it('says which rows to add when the column choice cannot be saved in the school’s own 设置', async () => {
    const before = await openXlsx(readFileSync(ADOPT('hand-kept.xlsx'))).read();
    const check = checkRoster(before, { today: TODAY, override: overrideFromSettings(before) });
    let error: unknown;
    try {
      overrideSettingsOps(before, { sheet: check.layout.sheet, columns: { guardianPhone: check.layout.columns.guardianPhone! } });
    } catch (e) {
      error = e;
    }
    expect(errorMessage(error, 'zh-CN')).toMatch(/^“设置”表是学校自己排的（设置项在 B 列、值在 C 列）.*再保存一次：花名册工作表；花名册列：监护人电话。$/);
  });
});
