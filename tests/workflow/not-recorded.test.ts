/**
 * Facts from missing columns are said as 未登记, never as 0 (issue 15): tests/fixtures/clean.xlsx has no
 * 留守类型, 寄宿 or 重点帮扶 column, and its report said "寄宿生0名" and "确定重点帮扶对象0名". A roster with
 * those columns still gives numbers, a real 0 included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { t, type Lang } from '../../src/core/i18n';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { PlanCell } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/sheets';
import { findSheet, type WorkbookSnapshot } from '../../src/core/snapshot';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';

const ROOT = path.resolve(__dirname, '..', '..');
const TODAY = '2026-11-20';
const calendar = createTymeCalendar();

const read = (file: string) => openXlsx(new Uint8Array(fs.readFileSync(path.join(ROOT, file)))).read();

function plan(workbook: WorkbookSnapshot, lang: Lang) {
  const p = planMaintenance(workbook, { today: TODAY, lang, calendar });
  const content = (sheet: string) => {
    const op = p.plan.ops.find((o) => o.sheet === sheet);
    if (op?.kind !== 'replaceSheet') throw new Error(`${sheet} is rebuilt`);
    return op.content;
  };
  const report = content(SHEETS.report);
  const paragraph = report.titleLines!.find((l) => l.includes(lang === 'zh-CN' ? '共有留守儿童' : 'the school had'))!;
  /** 统计汇总's rows of one 板块, as [项目, 数量]. */
  const block = (sectionKey: string): PlanCell[][] =>
    content(SHEETS.summary)
      .rows.filter((r) => r[0] === t(lang, `summary.section.${sectionKey}`))
      .map((r) => [r[1], r[2]]);
  const reportRow = (itemKey: string) => report.rows.find((r) => r[0] === t(lang, itemKey))!.slice(1);
  return { p, paragraph, block, reportRow };
}

describe('a roster without 留守类型, 寄宿 and 重点帮扶 columns (tests/fixtures/clean.xlsx)', () => {
  it('says 未登记 for those facts in 工作报告, and still counts what it has', async () => {
    const { p, paragraph, reportRow } = plan(await read('tests/fixtures/clean.xlsx'), 'zh-CN');
    expect(p.roster.layout.columns.boarding).toBeUndefined();
    expect(paragraph).toContain('留守类型未登记');
    expect(paragraph).toContain('寄宿情况未登记');
    expect(paragraph).toContain('重点帮扶对象未登记');
    expect(paragraph).not.toMatch(/寄宿生0名|重点帮扶对象0名|父母均外出0名/);
    // Gender and guardians have their columns: numbers, as before.
    expect(paragraph).toMatch(/男生\d+名、女生\d+名/);
    expect(paragraph).toMatch(/由祖辈监护[1-9]\d*名/);
    expect(reportRow('summary.boarding.yes')).toEqual(['未登记', null]);
    expect(reportRow('summary.item.keyFocus')).toEqual(['未登记', null]);
  });

  it('says "not recorded" in English', async () => {
    const { paragraph, reportRow } = plan(await read('tests/fixtures/clean.xlsx'), 'en-US');
    expect(paragraph).toContain('boarding not recorded');
    expect(paragraph).toContain('key-focus children not recorded');
    expect(paragraph).toContain('left-behind type not recorded');
    expect(paragraph).not.toMatch(/\b0 boarders|\b0 key-focus/);
    expect(paragraph).toMatch(/\d+ boys? and \d+ girls?/);
    expect(reportRow('summary.boarding.yes')).toEqual(['not recorded', null]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows 未登记 in 统计汇总, not 0 (%s)', async (lang) => {
    const { block } = plan(await read('tests/fixtures/clean.xlsx'), lang);
    const notRecorded = t(lang, 'summary.notRecorded');
    expect(block('boarding')).toEqual([[t(lang, 'summary.boarding.yes'), notRecorded]]);
    expect(block('keyFocus')).toEqual([[t(lang, 'summary.item.keyFocus'), notRecorded]]);
    expect(block('leftBehind')).toEqual([[t(lang, 'summary.section.leftBehind'), notRecorded]]);
    expect(block('pairing')).toContainEqual([t(lang, 'summary.item.keyFocusWithoutTeacher'), notRecorded]);
    // Recorded facts keep their counts.
    expect(block('gender').map((r) => typeof r[1])).toEqual(['number', 'number']);
  });
});

describe('a roster with the columns (the bundled sample)', () => {
  it('gives numbers, as the sample records them', async () => {
    const { p, paragraph, block } = plan(await read('assets/sample-roster.xlsx'), 'zh-CN');
    const f = p.summary.figures;
    expect(f.recorded).toEqual({ gender: true, leftBehind: true, guardian: true, boarding: true, keyFocus: true });
    expect(f.boarding.yes).toBeGreaterThan(0);
    expect(paragraph).toContain(`寄宿生${f.boarding.yes}名`);
    expect(paragraph).toContain(`确定重点帮扶对象${f.keyFocus}名`);
    expect(paragraph).toContain(`其中父母均外出${f.byLeftBehind.both}名`);
    expect(paragraph).not.toContain('未登记');
    expect(block('boarding')).toContainEqual([t('zh-CN', 'summary.boarding.yes'), f.boarding.yes]);
  });

  it.each(['zh-CN', 'en-US'] as const)('says a real 0 when the column is there and nobody is boarding or key focus (%s)', async (lang) => {
    const sample = await read('assets/sample-roster.xlsx');
    const { layout } = plan(sample, lang).p.roster;
    const cols = layout.columns;
    const roster = findSheet(sample, layout.sheet)!;
    const values = roster.values.map((r, i) => (i >= layout.firstDataRow && r[cols.name!] ? r.map((v, c) => (c === cols.boarding || c === cols.keyFocus ? '否' : v)) : r));
    const nobody: WorkbookSnapshot = { sheets: sample.sheets.map((s) => (s === roster ? { ...s, values } : s)) };
    const { p, paragraph, block, reportRow } = plan(nobody, lang);
    expect(p.summary.figures.boarding.yes).toBe(0);
    expect(p.summary.figures.keyFocus).toBe(0);
    if (lang === 'zh-CN') {
      expect(paragraph).toContain('寄宿生0名');
      expect(paragraph).toContain('确定重点帮扶对象0名');
    } else {
      expect(paragraph).toContain('0 boarders');
      expect(paragraph).toContain('0 key-focus children');
    }
    expect(paragraph).not.toContain(t(lang, 'summary.notRecorded'));
    expect(block('boarding')).toContainEqual([t(lang, 'summary.boarding.yes'), 0]);
    expect(block('keyFocus')).toEqual([[t(lang, 'summary.item.keyFocus'), 0]]);
    expect(reportRow('summary.boarding.yes')).toEqual([0, 0]);
  });
});
