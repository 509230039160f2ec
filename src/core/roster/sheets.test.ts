/**
 * A roster spanning sheets: one sheet per class (the class from the sheet's name or title), section rows
 * (三年级一班 alone on a row, the header repeated under it), and the saved choice of sheets in 设置.
 */
import type { CellValue } from '../cells';
import { checkRoster, overrideFromSettings, overrideSettingsOps, refreshedMappingValues } from './index';
import { makeId, sheet, workbook } from '../../../tests/helpers/snapshot';
import type { PlanOp } from '../plan/types';
import type { WorkbookSnapshot } from '../snapshot';

const TODAY = '2026-11-29';
const HEADER = ['序号', '姓名', '性别', '身份证号', '监护人姓名', '监护人电话'];
const child = (n: number, extra: { gender?: string; id?: string } = {}): CellValue[] => [
  n,
  `学生${n}`,
  extra.gender ?? '男',
  extra.id ?? makeId('20150312', String(101 + 2 * n)),
  '张爷爷',
  '13812345678',
];
const GUIDE = sheet('填表说明', [['填表说明'], ['1. 每班一张表'], ['2. 身份证号按文本填写']]);

function classSheets(): WorkbookSnapshot {
  const badChecksum = makeId('20150312', '151').slice(0, 17) + (makeId('20150312', '151').endsWith('1') ? '2' : '1');
  return workbook(
    GUIDE,
    sheet('一年级一班', [['一年级一班留守儿童花名册'], HEADER, child(1), child(2)]),
    sheet('一年级二班', [HEADER, child(11), child(12, { gender: '女' }), child(13, { id: badChecksum })]),
    // The same child as 一年级一班's first, entered again in another class.
    sheet('二年级一班', [HEADER, child(21), child(22), child(23), child(1)]),
  );
}

const brief = (c: ReturnType<typeof checkRoster>) => c.findings.map((f) => `${f.sheet}!${f.row + 1}:${f.rule}`);

describe('a roster of one sheet per class', () => {
  it('reads every class sheet as one roster, each child keeping its sheet and its class from the sheet', () => {
    const check = checkRoster(classSheets(), { today: TODAY });
    expect(check.layouts.map((l) => l.sheet)).toEqual(['一年级一班', '一年级二班', '二年级一班']);
    expect(check.layout.sheet).toBe('一年级一班');
    expect(check.records).toHaveLength(9);
    expect(check.records.map((r) => `${r.sheet}:${r.classLabel}`)).toContain('一年级二班:一(2)班');
    expect(new Set(check.records.filter((r) => r.sheet === '二年级一班').map((r) => r.grade))).toEqual(new Set([2]));
    // No "缺少班级列": each sheet is a class.
    expect(check.findings.some((f) => f.rule === 'header-missing')).toBe(false);
  });

  it('finds errors on the smaller sheets and the same child in two classes, naming the sheets', () => {
    const check = checkRoster(classSheets(), { today: TODAY });
    expect(brief(check)).toEqual(['一年级二班!3:id-gender-mismatch', '一年级二班!4:id-checksum', '二年级一班!5:duplicate']);
    const dup = check.findings.find((f) => f.rule === 'duplicate')!;
    expect(dup.messageKey).toBe('roster.duplicate.idOnSheet');
    expect(dup.params).toMatchObject({ earlierSheet: '一年级一班', earlierRow: 3 });
  });

  it('reads the same sheets whichever grew biggest', () => {
    const wb = classSheets();
    const before = checkRoster(wb, { today: TODAY });
    const grown = workbook(...wb.sheets.map((s) => (s.name === '一年级二班' ? sheet(s.name, [...s.values, ...[31, 32, 33, 34, 35].map((n) => child(n))]) : s)));
    const after = checkRoster(grown, { today: TODAY });
    expect(after.layouts.map((l) => l.sheet)).toEqual(before.layouts.map((l) => l.sheet));
    expect(after.records).toHaveLength(before.records.length + 5);
  });

  it('leaves a lone sheet, a hidden copy and sheets not named for a class alone', () => {
    const one = checkRoster(workbook(GUIDE, sheet('花名册', [HEADER, child(1)])), { today: TODAY });
    expect(one.layouts.map((l) => l.sheet)).toEqual(['花名册']);
    expect(brief(one)).toEqual(['花名册!1:header-missing']);
    const copies = checkRoster(workbook(sheet('2025花名册', [HEADER, child(1), child(2)]), sheet('2024花名册', [HEADER, child(1)])), { today: TODAY });
    expect(copies.layouts).toHaveLength(1);
    const hidden = checkRoster(workbook(sheet('一年级一班', [HEADER, child(1), child(2)]), sheet('一年级二班', [HEADER, child(3)], { visible: false })), { today: TODAY });
    expect(hidden.layouts.map((l) => l.sheet)).toEqual(['一年级一班']);
  });

  it('takes the sheets named now, repeated or comma-separated, and only those', () => {
    const wb = classSheets();
    expect(checkRoster(wb, { today: TODAY, sheets: ['一年级二班,二年级一班'] }).layouts.map((l) => l.sheet)).toEqual(['一年级二班', '二年级一班']);
    expect(checkRoster(wb, { today: TODAY, sheets: ['二年级一班', '一年级一班'] }).records).toHaveLength(6);
    expect(checkRoster(wb, { today: TODAY, sheet: '一年级二班' }).layouts).toHaveLength(1);
    expect(() => checkRoster(wb, { today: TODAY, sheets: ['一年级一班', '三年级一班'] })).toThrow(expect.objectContaining({ reason: 'sheetMissing' }));
  });
});

describe('section rows', () => {
  it('gives the children below a class row its class, and passes over the row and the header repeated under it', () => {
    const wb = workbook(sheet('花名册', [['全校留守儿童花名册'], HEADER, ['三年级一班'], child(1), child(2), ['三年级二班'], HEADER, child(3), [null, '四（1）班'], child(4)]));
    const check = checkRoster(wb, { today: TODAY });
    expect(check.records.map((r) => r.classLabel)).toEqual(['三(1)班', '三(1)班', '三(2)班', '四(1)班']);
    expect(check.skipped?.map((s) => `${s.row + 1}:${s.reason}`)).toEqual(['3:section', '6:section', '7:repeatedHeader', '9:section']);
    expect(check.findings).toEqual([]);
  });

  it('is not read where the sheet has a class column', () => {
    const wb = workbook(sheet('花名册', [[...HEADER, '班级'], ['三年级一班'], [...child(1), '四(2)班']]));
    const check = checkRoster(wb, { today: TODAY });
    expect(check.records.map((r) => r.classLabel)).toEqual(['四(2)班']);
    expect(check.skipped).toEqual([]);
  });
});

describe('the choice of sheets in 设置', () => {
  function apply(wb: WorkbookSnapshot, ops: readonly PlanOp[]): WorkbookSnapshot {
    let sheets = [...wb.sheets];
    for (const op of ops) {
      if (op.kind !== 'createSheetIfMissing') throw new Error(`unexpected op ${op.kind}`);
      sheets = [...sheets, sheet(op.sheet, [op.content.columns.map((c) => c.header), ...op.content.rows.map((r) => r as CellValue[])])];
    }
    return { sheets };
  }

  it('saves the sheets by name and reads exactly them back, a removed class staying out', () => {
    const wb = classSheets();
    const saved = apply(wb, overrideSettingsOps(wb, { sheet: '一年级一班', sheets: ['一年级一班', '二年级一班'] }));
    const settings = saved.sheets.find((s) => s.name === '设置')!;
    expect(settings.values).toContainEqual(['花名册工作表', '一年级一班、二年级一班', expect.any(String)]);
    const override = overrideFromSettings(saved);
    expect(override).toEqual({ sheet: '一年级一班', sheets: ['一年级一班', '二年级一班'] });
    expect(checkRoster(saved, { today: TODAY, override }).layouts.map((l) => l.sheet)).toEqual(['一年级一班', '二年级一班']);
  });
});

describe('a saved column that no longer matches its header', () => {
  it('follows the header after a column is inserted before it, with a note, and reports no false phone errors', () => {
    const wb = workbook(
      sheet('花名册', [
        [...HEADER, '班级'],
        [...child(1), '三(1)班'],
        [...child(2), '三(1)班'],
      ]),
    );
    const ops = overrideSettingsOps(wb, { sheet: '花名册', columns: { guardianPhone: 5 } });
    const settingsSheet = ops[0].kind === 'createSheetIfMissing' ? ops[0].content : null;
    const settingsRows = [settingsSheet!.columns.map((c) => c.header), ...settingsSheet!.rows.map((r) => r as CellValue[])];
    expect(settingsRows).toContainEqual(['花名册列：监护人电话', 'F（监护人电话）', expect.any(String)]);
    // A column 备注 inserted before 监护人电话: the phones are now in G, F holds notes.
    const shifted = (line: readonly CellValue[], value: CellValue) => [...line.slice(0, 5), value, ...line.slice(5)];
    const later = workbook(
      sheet('花名册', [shifted([...HEADER, '班级'], '备注'), shifted([...child(1), '三(1)班'], '住校'), shifted([...child(2), '三(1)班'], '')]),
      sheet('设置', settingsRows),
    );
    const check = checkRoster(later, { today: TODAY, override: overrideFromSettings(later) });
    expect(check.layout.columns.guardianPhone).toBe(6);
    expect(check.findings.filter((f) => f.rule === 'phone-format' || f.rule === 'required')).toEqual([]);
    expect(brief(check)).toEqual(['花名册!1:mapping-stale']);
    expect(check.findings[0]).toMatchObject({ messageKey: 'roster.mapping.staleMoved', params: { header: '监护人电话', column: 'G' } });
    // What apply saves back: the column it used, with the same header text; saved, the note is gone.
    const fresh = refreshedMappingValues(check);
    expect([...fresh].map(([label, v]) => [label, v.value])).toEqual([['花名册列：监护人电话', 'G（监护人电话）']]);
    const row = settingsRows.findIndex((line) => line[0] === '花名册列：监护人电话');
    const saved = workbook(
      later.sheets[0],
      sheet(
        '设置',
        settingsRows.map((line, i) => (i === row ? [line[0], fresh.get('花名册列：监护人电话')!.value, line[2]] : line)),
      ),
    );
    const quiet = checkRoster(saved, { today: TODAY, override: overrideFromSettings(saved) });
    expect([quiet.layout.columns.guardianPhone, brief(quiet)]).toEqual([6, []]);
    expect(refreshedMappingValues(quiet).size).toBe(0);
  });

  it('re-detects when the saved header is gone, and keeps a bare letter as it always did', () => {
    const wb = workbook(
      sheet('花名册', [
        [...HEADER, '班级'],
        [...child(1), '三(1)班'],
      ]),
      sheet('设置', [
        ['设置项', '值', '说明'],
        ['花名册列：监护人电话', 'F（家长手机）', ''],
      ]),
    );
    const check = checkRoster(wb, { today: TODAY, override: overrideFromSettings(wb) });
    expect(check.layout.columns.guardianPhone).toBe(5);
    expect(check.findings.map((f) => f.messageKey)).toEqual(['roster.mapping.staleDetected']);
    // The header saved is gone: apply saves the column detection found, with its own header text.
    expect(refreshedMappingValues(check).get('花名册列：监护人电话')?.value).toBe('F（监护人电话）');
    const bare = workbook(
      wb.sheets[0],
      sheet('设置', [
        ['设置项', '值', '说明'],
        ['花名册列：监护人电话', 'E', ''],
      ]),
    );
    expect(checkRoster(bare, { today: TODAY, override: overrideFromSettings(bare) }).layout.columns.guardianPhone).toBe(4);
  });
});
