/**
 * Sheets a school made by hand before it had the add-in (issue 14): 谈心记录, 帮扶人员 and 设置 written by
 * openpyxl with their own titles, column names, column order, extra columns, blank rows, full-width
 * digits and dates written every way (tests/fixtures/adopt/make-adopt.py). They are read as the
 * teachers' own, never rewritten; what the add-in cannot write safely it says instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { t } from '../../src/core/i18n';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { settingsFormOps } from '../../src/core/workflow/settingsForm';
import { LogSheetError, logEntryOp } from '../../src/core/contacts/log';
import { overrideSettingsOps } from '../../src/core/roster';
import { SettingsLayoutError } from '../../src/core/settings';
import { openXlsx } from '../../src/workbook/file';

const TODAY = '2025-09-15';
const calendar = createTymeCalendar();
const FIXTURE = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'adopt', name)));
const valuesOf = (wb: WorkbookSnapshot, name: string) => findSheet(wb, name)?.values;
const plan = (wb: WorkbookSnapshot) => planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar });

describe('a 谈心记录 and a 帮扶人员 the school made by hand', () => {
  it('are read as the teachers wrote them — their names for the columns, their order, titles, blank rows, dates in any form, full-width digits — and left as they are', async () => {
    const port = openXlsx(FIXTURE('hand-kept.xlsx'));
    const before = await port.read();
    const p = plan(before);
    const name = (i: number) => p.roster.records[i].name;
    expect(p.contacts.log.entries.map((e) => [e.row + 1, e.date, e.kind, name(e.child), e.recorder])).toEqual([
      [4, '2025-09-02', 'talk', '冯可欣', '王芳'],
      [5, '2025-09-03', 'parentCall', '唐梓涵', '刘洋'],
      [7, '2025-09-05', 'talk', '徐俊熙', '陈静'],
      [8, '2025-09-08', 'homeVisit', '熊晓雪', '陈静'],
      [9, '2025-09-12', 'talk', '陈磊', '陈静'],
    ]);
    expect(p.findings.contacts.filter((f) => f.sheet === SHEETS.log)).toEqual([]);
    // 帮扶人数（人） as ３ and ４人; blank takes the default; 校领导 is a leader.
    const mentors = [...p.pairing.result.mentors].sort((a, b) => a.row - b.row);
    expect(mentors.map((m) => [m.name, m.kind, m.classes.join('、'), m.capacity])).toEqual([
      ['王芳', '班主任', '二(2)班', 3],
      ['刘洋', '班主任', '一(1)班', 3],
      ['陈静', '班主任', '三(1)班、四(1)班', 4],
      ['张校长', '领导', '', 2],
    ]);
    expect(p.findings.pairing.filter((f) => f.sheet === SHEETS.mentors)).toEqual([]);
    // Reminders and the summary take who answers for a child from what the workbook holds: the
    // 结对帮扶 written from this 帮扶人员, and the talks of this 谈心记录.
    const owners = new Set(p.contacts.reminders.items.filter((i) => i.kind === 'contact' && i.child?.name === '冯可欣').map((i) => i.owner));
    expect(owners).toEqual(new Set(['王芳']));
    expect([p.summary.json.talks, p.summary.json.pairing.withTeacher]).toEqual([3, 12]);
    expect(p.plan.ops.filter((op) => op.sheet === SHEETS.log || op.sheet === SHEETS.mentors)).toEqual([]);
    await port.apply(p.plan);
    const after = await openXlsx(port.save()).read();
    for (const sheet of [SHEETS.log, SHEETS.mentors, SHEETS.settings]) expect([sheet, valuesOf(after, sheet)]).toEqual([sheet, valuesOf(before, sheet)]);
  });

  it('gets a new entry under its own headers, its own columns left blank, and reads it back', async () => {
    const port = openXlsx(FIXTURE('hand-kept.xlsx'));
    const before = await port.read();
    const p = plan(before);
    const child = p.roster.records.find((r) => r.name === '黄婷')!;
    const op = logEntryOp([{ date: '2025-09-15', children: [child], kind: 'familyCall', recorder: '陈静', content: '给妈妈打电话' }], before);
    await port.apply({ ops: [op] });
    const after = await port.read();
    const log = valuesOf(after, SHEETS.log)!;
    expect(log.slice(0, 9)).toEqual(valuesOf(before, SHEETS.log)!.slice(0, 9));
    // 序号 | 学生姓名 | 班级 | 联系日期： | 方式 | 记录教师 | 谈话内容（摘要） | 家长签字
    expect(log[9].slice(0, 7)).toEqual([null, '黄婷', '四(1)班', expect.any(Number), '亲情电话', '陈静', '给妈妈打电话']);
    expect(log[9][7] ?? null).toBeNull();
    const again = plan(after).contacts.log.entries;
    expect(again.map((e) => [e.row, e.date, e.kind])).toContainEqual([9, '2025-09-15', 'familyCall']);
  });

  it('refuses an entry the sheet has no column for, writing nothing', async () => {
    const before = await openXlsx(FIXTURE('hand-kept.xlsx')).read();
    const child = plan(before).roster.records[0];
    const entry = { date: '2025-09-15', children: [child], kind: 'talk' as const, recorder: '王芳', content: '谈心', followUp: true, followUpDue: '2025-09-22' };
    expect(() => logEntryOp([entry], before)).toThrow(LogSheetError);
    expect(() => logEntryOp([entry], before)).toThrow(expect.objectContaining({ messageKey: 'contacts.log.columnsMissing', params: { columns: '需跟进、跟进期限' } }));
  });
});

describe('sheets of those names whose columns say nothing the add-in knows', () => {
  it('are neither read nor written, and each finding names the columns expected and those found', async () => {
    const port = openXlsx(FIXTURE('unrecognised.xlsx'));
    const before = await port.read();
    const p = plan(before);
    const log = p.findings.contacts.find((f) => f.sheet === SHEETS.log)!;
    expect(log).toMatchObject({ rule: 'log-header-missing', params: { columns: '日期、学生、类型', found: '周次、主题、参加人员、地点' } });
    expect(t('zh-CN', log.messageKey, log.params)).toContain('表中找到的是：周次、主题、参加人员、地点');
    const mentors = p.findings.pairing.find((f) => f.sheet === SHEETS.mentors)!;
    expect(mentors).toMatchObject({ rule: 'mentor-header-missing', params: { found: '教师、电话' } });
    expect(t('en-US', mentors.messageKey, mentors.params)).toContain('the sheet has: 教师、电话');
    expect(p.plan.ops.filter((op) => [SHEETS.log, SHEETS.mentors, SHEETS.settings].includes(op.sheet as never))).toEqual([]);
    // Nobody answers for a child from a sheet that could not be read (王芳 is on it): no owner, no pair.
    const owners = new Set(p.contacts.reminders.items.map((i) => i.owner));
    expect(owners.has('王芳')).toBe(false);
    expect(p.summary.json.pairing.withTeacher).toBe(0);
    // The pane's 记一笔 is refused with the same words, before anything is written.
    const entry = { date: '2025-09-15', children: [p.roster.records[0]], kind: 'talk' as const, recorder: '王芳', content: '谈心' };
    expect(() => logEntryOp([entry], before)).toThrow(
      expect.objectContaining({ messageKey: 'contacts.log.cannotAppend', params: { columns: '日期、学生、类型', found: '周次、主题、参加人员、地点' } }),
    );
    await port.apply(p.plan);
    const after = await openXlsx(port.save()).read();
    for (const sheet of [SHEETS.log, SHEETS.mentors, SHEETS.settings]) expect([sheet, valuesOf(after, sheet)]).toEqual([sheet, valuesOf(before, sheet)]);
  });
});

describe('a 设置 the school laid out itself', () => {
  it('is read from its own columns (labels in B, values in C, full-width digits, dates as text) and never rearranged', async () => {
    const port = openXlsx(FIXTURE('hand-kept.xlsx'));
    const before = await port.read();
    const p = plan(before);
    expect(p.contacts.settings.cadence.talk).toEqual({ days: 14 });
    expect([p.contacts.settings.terms.termStart, p.contacts.settings.terms.termEnd]).toEqual(['2025-09-01', '2026-01-20']);
    expect(p.findings.contacts.filter((f) => f.sheet === SHEETS.settings).map((f) => f.rule)).toEqual(['settings-layout-foreign']);
    const foreign = p.findings.contacts.find((f) => f.rule === 'settings-layout-foreign')!;
    expect(foreign.params).toMatchObject({ labelCol: 'B', valueCol: 'C' });
    const listed = String(foreign.params.labels).split('；');
    expect(listed).toEqual(expect.arrayContaining(['家长电话周期（天）', '默认可帮扶人数：党员、领导']));
    // Those it has, however written (谈心周期(天), 学校名称), are not asked for again.
    expect(listed).not.toContain('谈心周期（天）');
    expect(listed).not.toContain('学校名称');
    expect(t('zh-CN', foreign.messageKey, foreign.params)).toContain('设置项在 B 列、值在 C 列');
    // Nothing planned on 设置: its rows are the teacher's, and nothing it holds needs rewriting.
    expect(p.plan.ops.filter((op) => op.sheet === SHEETS.settings)).toEqual([]);
    await port.apply(p.plan);
    const after = await openXlsx(port.save()).read();
    expect(valuesOf(after, SHEETS.settings)).toEqual(valuesOf(before, SHEETS.settings));
    // A second run says the same, and still writes nothing there.
    expect(
      plan(after)
        .findings.contacts.filter((f) => f.sheet === SHEETS.settings)
        .map((f) => f.rule),
    ).toEqual(['settings-layout-foreign']);
  });

  it('writes a value it owns into the value column of its own layout, never column B', async () => {
    const port = openXlsx(FIXTURE('hand-kept.xlsx'));
    const before = await port.read();
    const sheet = findSheet(before, SHEETS.settings)!;
    // A stale roster pin on the school's 设置 (row 7, label in B, value in C): fixed in C.
    const values = [...sheet.values.map((line) => [...line]), [5, '花名册列：监护人电话', 'A（监护人电话）', null]];
    const wb = { sheets: before.sheets.map((s) => (s.name === SHEETS.settings ? { ...s, values } : s)) };
    const ops = plan(wb).plan.ops.filter((op) => op.sheet === SHEETS.settings);
    expect(ops).toEqual([{ kind: 'setCells', sheet: SHEETS.settings, cells: [{ row: 6, col: 2, value: 'O（监护人电话）' }] }]);
  });

  it("gets no new row from the pane's 保存列设置: the teacher is told which rows to add, and nothing is written", async () => {
    const before = await openXlsx(FIXTURE('hand-kept.xlsx')).read();
    const save = () => overrideSettingsOps(before, { sheet: '花名册', columns: { guardianPhone: 14 } });
    expect(save).toThrow(SettingsLayoutError);
    expect(save).toThrow(
      expect.objectContaining({ messageKey: 'contacts.settings.cannotSave', params: { labelCol: 'B', valueCol: 'C', labels: '花名册工作表；花名册列：监护人电话' } }),
    );
    // Once the teacher has added the rows in the sheet's own way, the same save writes their value cells.
    const sheet = findSheet(before, SHEETS.settings)!;
    const values = [...sheet.values.map((line) => [...line]), [5, '花名册工作表', null, null], [6, '花名册列：监护人电话', null, null]];
    const added = { sheets: before.sheets.map((s) => (s.name === SHEETS.settings ? { ...s, values } : s)) };
    expect(overrideSettingsOps(added, { sheet: '花名册', columns: { guardianPhone: 14 } })).toEqual([
      {
        kind: 'setCells',
        sheet: SHEETS.settings,
        cells: [
          { row: 6, col: 2, value: '花名册' },
          { row: 7, col: 2, value: 'O（监护人电话）' },
        ],
      },
    ]);
  });

  it("takes the pane's 设置 form into its own value cells, and refuses a row it would have to append", async () => {
    const before = await openXlsx(FIXTURE('hand-kept.xlsx')).read();
    // 谈心周期(天) is on the sheet (row 4, value in C): the form's change lands there.
    expect(settingsFormOps(before, TODAY, { talk: '7' })).toEqual([{ kind: 'setCells', sheet: SHEETS.settings, cells: [{ row: 3, col: 2, value: 7 }] }]);
    // 家长电话周期（天） is not: the teacher is told to add the row rather than a save that keeps nothing.
    expect(() => settingsFormOps(before, TODAY, { parentCall: '10' })).toThrow(
      expect.objectContaining({ messageKey: 'contacts.settings.cannotSave', params: expect.objectContaining({ labels: '家长电话周期（天）' }) }),
    );
  });

  it('that cannot be read is left alone, with the columns expected and those found', async () => {
    const port = openXlsx(FIXTURE('unrecognised.xlsx'));
    const before = await port.read();
    const p = plan(before);
    const finding = p.findings.contacts.find((f) => f.sheet === SHEETS.settings)!;
    expect(finding).toMatchObject({ rule: 'settings-header-missing', severity: 'error', params: { found: '名目、数额、经手' } });
    expect(t('zh-CN', finding.messageKey, finding.params)).toMatch(/需要“设置项”“值”.*找到的是：名目、数额、经手/);
    expect(t('en-US', finding.messageKey, finding.params)).toMatch(/needs the columns 设置项 and 值.*has: 名目、数额、经手/);
    expect(p.plan.ops.filter((op) => op.sheet === SHEETS.settings)).toEqual([]);
    // The defaults are used, not the school's unrelated numbers.
    expect(p.contacts.settings.cadence.talk).toEqual({ days: 7 });
  });
});

describe('a stale column mapping in 设置', () => {
  it('is saved as the run found it, in the same write as the rest, and undone with it', async () => {
    const port = openXlsx(FIXTURE('stale-mapping.xlsx'));
    const before = await port.read();
    const p = plan(before);
    expect(p.findings.roster.map((f) => f.rule)).toContain('mapping-stale');
    const result = await port.apply(p.plan);
    expect(result.undo).toBe('port');
    const phoneRow = (wb: WorkbookSnapshot) => valuesOf(wb, SHEETS.settings)!.find((line) => line[0] === '花名册列：监护人电话');
    const after = await port.read();
    expect(phoneRow(after)?.[1]).toBe('P（监护人电话）');
    expect(plan(after).findings.roster.map((f) => f.rule)).not.toContain('mapping-stale');
    await port.undoLast!();
    expect(phoneRow(await port.read())?.[1]).toBe('O（监护人电话）');
  });
});
