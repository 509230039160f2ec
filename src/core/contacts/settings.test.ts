import type { CellValue } from '../cells';
import { SHEETS } from '../sheets';
import type { WorkbookSnapshot } from '../snapshot';
import { t } from '../i18n';
import '../i18n/all';
import { CALENDAR_LABELS, CADENCE_LABELS, KEY_FOCUS_LABELS, contactSettingDefs, contactSettingsOps, parseCadence, readContactSettings } from './settings';

const TODAY = '2026-11-29';

function settingsSheet(rows: [string, CellValue][]): WorkbookSnapshot {
  return { sheets: [{ name: SHEETS.settings, origin: { row: 0, col: 0 }, values: [['设置项', '值', '说明'], ...rows.map(([l, v]) => [l, v, ''])] }] };
}

describe('contact settings defaults', () => {
  it("uses the plans' cadences and the usual school year when 设置 is missing", () => {
    const { settings, findings } = readContactSettings({ sheets: [] }, TODAY);
    expect(findings).toEqual([]);
    expect(settings.cadence).toEqual({ talk: { days: 7 }, parentCall: { days: 14 }, guardianContact: { days: 7 }, familyCall: { days: 7 }, homeVisit: { perTerm: true } });
    expect(settings.keyFocusCadence).toEqual({});
    expect(settings.terms).toEqual({
      termStart: '2026-09-01',
      termEnd: '2027-01-20',
      vacations: [
        { start: '2027-01-21', end: '2027-02-19' },
        { start: '2027-07-11', end: '2027-08-31' },
      ],
      extraHolidays: [],
      makeUpDays: [],
    });
  });

  it('creates 设置 with every default when it is missing', () => {
    const ops = contactSettingsOps({ sheets: [] }, TODAY);
    expect(ops).toHaveLength(1);
    const op = ops[0];
    if (op.kind !== 'createSheetIfMissing') throw new Error(op.kind);
    expect(op.sheet).toBe(SHEETS.settings);
    const rows = new Map(op.content.rows.map((r) => [r[0], r[1]]));
    expect(rows.get(CADENCE_LABELS.talk!)).toBe(7);
    expect(rows.get(CADENCE_LABELS.parentCall!)).toBe(14);
    expect(rows.get(CADENCE_LABELS.homeVisit!)).toBe('每学期');
    expect(rows.get(CALENDAR_LABELS.termStart)).toBe('2026-09-01');
    expect(rows.get(CALENDAR_LABELS.winter)).toBe('2027-01-21~2027-02-19');
    expect(op.content.rows).toHaveLength(contactSettingDefs(TODAY).length);
    // What the template writes reads back as the defaults, with no findings.
    const back = readContactSettings(
      { sheets: [{ name: SHEETS.settings, origin: { row: 0, col: 0 }, values: [['设置项', '值', '说明'], ...(op.content.rows as CellValue[][])] }] },
      TODAY,
    );
    expect(back.findings).toEqual([]);
    expect(back.settings).toEqual(readContactSettings({ sheets: [] }, TODAY).settings);
  });

  it("only appends the rows an existing 设置 lacks, never rewriting the school's values", () => {
    const wb = settingsSheet([
      [CADENCE_LABELS.talk!, 5],
      ['花名册工作表', '学生名单'],
    ]);
    const ops = contactSettingsOps(wb, TODAY);
    expect(ops.map((o) => o.kind)).toEqual(['appendRows']);
    const op = ops[0];
    if (op.kind !== 'appendRows') throw new Error(op.kind);
    expect(op.expectedLastRow).toBe(2);
    expect(op.rows.map((r) => r[0])).not.toContain(CADENCE_LABELS.talk);
    expect(op.rows.map((r) => r[0])).toContain(CADENCE_LABELS.parentCall);
    const full = settingsSheet(contactSettingDefs(TODAY).map((d) => [d.label, d.defaultValue]));
    expect(contactSettingsOps(full, TODAY)).toEqual([]);
  });
});

describe('reading what the school typed', () => {
  it('reads cadences in words and numbers, key-focus ones and the school calendar', () => {
    const { settings, findings } = readContactSettings(
      settingsSheet([
        [CADENCE_LABELS.talk!, '每周'],
        [CADENCE_LABELS.parentCall!, '每两周'],
        [CADENCE_LABELS.guardianContact!, '10天'],
        [CADENCE_LABELS.familyCall!, ''],
        [CADENCE_LABELS.homeVisit!, 60],
        [CADENCE_LABELS.tutoring!, '每14天'],
        [KEY_FOCUS_LABELS.talk!, 3],
        [CALENDAR_LABELS.termStart, 46265],
        [CALENDAR_LABELS.termEnd, '2027年1月22日'],
        [CALENDAR_LABELS.winter, '2027.1.23-2.21'],
        [CALENDAR_LABELS.holidays, '2026-11-20; 2027-01-01~2027-01-03'],
        [CALENDAR_LABELS.makeUp, '2027-01-09'],
      ]),
      TODAY,
    );
    expect(findings).toEqual([]);
    expect(settings.cadence).toEqual({ talk: { days: 7 }, parentCall: { days: 14 }, guardianContact: { days: 10 }, homeVisit: { days: 60 }, tutoring: { days: 14 } });
    expect(settings.cadence.familyCall).toBeUndefined(); // blank: no reminders
    expect(settings.keyFocusCadence).toEqual({ talk: { days: 3 } });
    expect(settings.terms.termStart).toBe('2026-08-31');
    expect(settings.terms.termEnd).toBe('2027-01-22');
    expect(settings.terms.vacations[0]).toEqual({ start: '2027-01-23', end: '2027-02-21' });
    expect(settings.terms.extraHolidays).toEqual([
      { start: '2026-11-20', end: '2026-11-20' },
      { start: '2027-01-01', end: '2027-01-03' },
    ]);
    expect(settings.terms.makeUpDays).toEqual(['2027-01-09']);
  });

  it('turns unreadable values into findings naming the row, and keeps the defaults', () => {
    const { settings, findings } = readContactSettings(
      settingsSheet([
        [CADENCE_LABELS.talk!, '经常'],
        [CADENCE_LABELS.parentCall!, 0],
        [CADENCE_LABELS.homeVisit!, { error: '#REF!' }],
        [CALENDAR_LABELS.termStart, '九月一日'],
        [CALENDAR_LABELS.winter, '寒假'],
        [KEY_FOCUS_LABELS.talk!, -3],
      ]),
      TODAY,
    );
    expect(settings.cadence.talk).toEqual({ days: 7 });
    expect(settings.cadence.parentCall).toEqual({ days: 14 });
    expect(settings.terms.termStart).toBe('2026-09-01');
    expect(settings.terms.vacations[0]).toEqual({ start: '2027-01-21', end: '2027-02-19' });
    expect(settings.keyFocusCadence.talk).toBeUndefined();
    expect(settings.cadence.homeVisit).toEqual({ perTerm: true });
    expect(findings.map((f) => [f.row, f.rule])).toEqual([
      [1, 'setting-invalid'],
      [2, 'setting-invalid'],
      [3, 'setting-invalid'],
      [6, 'setting-invalid'],
      [4, 'setting-invalid'],
      [5, 'setting-invalid'],
    ]);
    const first = findings[0];
    expect(t('zh-CN', first.messageKey, first.params)).toBe('设置 第2行「谈心周期（天）」：无法识别「经常」。请填天数（如 7）或“每学期”。暂按 7 计算。');
    expect(t('en-US', first.messageKey, first.params)).toContain('Row 2 of the 设置 (settings) sheet ("谈心周期（天）")');
    expect(findings[2].params.value).toBe('#REF!');
  });

  it('says when the term ends before it starts, or is long over', () => {
    const swapped = readContactSettings(
      settingsSheet([
        [CALENDAR_LABELS.termStart, '2027-01-20'],
        [CALENDAR_LABELS.termEnd, '2026-09-01'],
      ]),
      TODAY,
    );
    expect(swapped.findings.map((f) => f.rule)).toEqual(['setting-term-order']);
    expect(swapped.settings.terms.termStart).toBe('2026-09-01');
    const stale = readContactSettings(
      settingsSheet([
        [CALENDAR_LABELS.termStart, '2026-02-20'],
        [CALENDAR_LABELS.termEnd, '2026-07-10'],
      ]),
      TODAY,
    );
    expect(stale.findings.map((f) => [f.rule, f.row])).toEqual([['setting-term-stale', 2]]);
    expect(stale.settings.terms.termEnd).toBe('2026-07-10');
  });
});

describe('parseCadence', () => {
  it.each([
    [7, { days: 7 }],
    ['7', { days: 7 }],
    ['７天', { days: 7 }],
    ['每 14 天', { days: 14 }],
    ['每月', { days: 30 }],
    ['每学期', { perTerm: true }],
    ['', null],
    [null, null],
    ['每天一次吧', 'invalid'],
    [0, 'invalid'],
    [400, 'invalid'],
    [7.5, 'invalid'],
    [true, 'invalid'],
  ])('%p -> %p', (v, want) => {
    expect(parseCadence(v as CellValue)).toEqual(want);
  });
});
