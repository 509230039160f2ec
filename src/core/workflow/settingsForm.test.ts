import type { CellValue } from '../cells';
import { readContactSettings } from '../contacts/settings';
import { sheetFromOp, workbookOf } from '../pairing/testkit';
import { SHEETS } from '../sheets';
import type { SheetSnapshot } from '../snapshot';
import { readSettingsForm, settingsChanges, settingsFormOps, settingsProblems } from './settingsForm';

const TODAY = '2026-10-12';

/** A school's 设置: its own order, its own row (值班电话), a date stored as a serial, a cadence as words. */
function schoolSettings(): SheetSnapshot {
  return {
    name: SHEETS.settings,
    origin: { row: 0, col: 0 },
    values: [
      ['设置项', '值', '说明'],
      ['值班电话', '0851-1234567', '学校自己加的一行'],
      ['谈心周期（天）', '每周', ''],
      ['本学期开始日期', 46265, ''], // 2026-08-31 as an Excel serial
      ['本学期结束日期', '2027-01-22', ''],
      ['学校名称', '石桥小学', ''],
    ] as CellValue[][],
  };
}

describe('readSettingsForm', () => {
  it('shows the sheet values (a serial date as a date) and the defaults of rows the sheet lacks', () => {
    const form = readSettingsForm(workbookOf(schoolSettings()), TODAY);
    expect(form).toMatchObject({ schoolName: '石桥小学', termStart: '2026-08-31', termEnd: '2027-01-22', talk: '每周', parentCall: '14', homeVisit: '每学期' });
  });
});

describe('settingsFormOps', () => {
  it('writes only the changed value into its own row; the school rows and order stay', () => {
    const wb = workbookOf(schoolSettings());
    const form = { ...readSettingsForm(wb, TODAY), termStart: '2026-09-01' };
    expect(settingsChanges(wb, TODAY, form).map((c) => [c.field.id, c.before, c.after])).toEqual([['termStart', '2026-08-31', '2026-09-01']]);
    const ops = settingsFormOps(wb, TODAY, form);
    expect(ops).toEqual([{ kind: 'setCells', sheet: SHEETS.settings, cells: [{ row: 3, col: 1, value: '2026-09-01' }] }]);
    // The term the reminders use follows.
    const after = { ...schoolSettings(), values: schoolSettings().values.map((r, i) => (i === 3 ? [r[0], '2026-09-01', r[2]] : r)) };
    expect(readContactSettings(workbookOf(after), TODAY).settings.terms.termStart).toBe('2026-09-01');
  });

  it('appends a row the sheet lacks, below its last row, with its note', () => {
    const wb = workbookOf(schoolSettings());
    const ops = settingsFormOps(wb, TODAY, { ...readSettingsForm(wb, TODAY), parentCall: '10', winter: '2027-01-23~2027-02-20' });
    expect(ops).toEqual([
      {
        kind: 'appendRows',
        sheet: SHEETS.settings,
        rows: [
          ['寒假', '2027-01-23~2027-02-20', expect.stringContaining('寒假起止日期')],
          ['家长电话周期（天）', 10, expect.stringContaining('每两周')],
        ],
        expectedLastRow: 5,
      },
    ]);
  });

  it('plans nothing when nothing changed', () => {
    const wb = workbookOf(schoolSettings());
    expect(settingsFormOps(wb, TODAY, readSettingsForm(wb, TODAY))).toEqual([]);
  });

  it('creates 设置 with every default and the values typed when the workbook has none', () => {
    const wb = workbookOf();
    const ops = settingsFormOps(wb, TODAY, { ...readSettingsForm(wb, TODAY), schoolName: '石桥小学' });
    expect(ops).toHaveLength(1);
    const created = workbookOf(sheetFromOp(ops[0]));
    expect(readSettingsForm(created, TODAY)).toEqual({ ...readSettingsForm(wb, TODAY), schoolName: '石桥小学' });
  });
});

describe('settingsProblems', () => {
  it('names each field the sheet could not read, and an end before the start', () => {
    const problems = settingsProblems({ termStart: '2026-09-01', termEnd: '2026-08-01', winter: '一月', talk: '偶尔', holidays: '2026-11-20; 2027-10-01~2027-10-07' });
    expect(problems).toEqual([
      { id: 'winter', messageKey: 'settings.invalid.range' },
      { id: 'talk', messageKey: 'settings.invalid.cadence' },
      { id: 'termEnd', messageKey: 'settings.invalid.termOrder' },
    ]);
    expect(settingsProblems({ termStart: '', talk: '', winter: '' })).toEqual([]);
  });
});
