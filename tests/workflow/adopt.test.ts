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
import { openXlsx } from '../../src/workbook/file';

const TODAY = '2025-09-15';
const calendar = createTymeCalendar();
const FIXTURE = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'adopt', name)));
const valuesOf = (wb: WorkbookSnapshot, name: string) => findSheet(wb, name)?.values;
const plan = (wb: WorkbookSnapshot) => planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar });

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
