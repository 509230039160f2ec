import type { CellValue } from '../cells';
import { readCardSettings, JUNIOR_GOALS_SETTING } from '../cards/settings';
import { readContactSettings } from '../contacts/settings';
import { capacityDefaults } from '../pairing/settings';
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

  it('offers every 设置 row the features read: the key-focus cadences, 初中帮扶目标 and the default capacities', () => {
    const form = readSettingsForm(workbookOf(schoolSettings()), TODAY);
    expect(form).toMatchObject({
      keyFocusTalk: '',
      keyFocusParentCall: '',
      keyFocusGuardianContact: '',
      keyFocusFamilyCall: '',
      juniorGoals: '',
      'capacity.teachers': '3',
      'capacity.membersLeaders': '2',
      'capacity.proxyVolunteers': '2',
      'capacity.students': '1',
    });
  });
});

describe('the key-focus, goal and capacity fields', () => {
  /** 设置 as the template lays it out after `ops` (a created sheet, or rows appended to schoolSettings). */
  function after(ops: ReturnType<typeof settingsFormOps>): SheetSnapshot {
    const [op] = ops;
    if (op.kind !== 'appendRows') return sheetFromOp(op);
    const base = schoolSettings();
    return { ...base, values: [...base.values, ...(op.rows as CellValue[][])] };
  }

  it('reach the sheet as numbers and text, and the reminders, pairing and support plans read them', () => {
    const wb = workbookOf(schoolSettings());
    const values = {
      ...readSettingsForm(wb, TODAY),
      keyFocusTalk: '3',
      keyFocusParentCall: '每周',
      juniorGoals: '按时完成作业；每周与家长通话',
      'capacity.teachers': '5',
      'capacity.students': '2人',
    };
    const ops = settingsFormOps(wb, TODAY, values);
    expect(ops).toHaveLength(1);
    const [op] = ops;
    if (op.kind !== 'appendRows') throw new Error(`expected rows appended, got ${op.kind}`);
    const written = op.rows.map((r) => [r[0], r[1]]);
    expect(written).toEqual([
      ['重点帮扶对象谈心周期（天）', 3],
      ['重点帮扶对象家长电话周期（天）', '每周'],
      [JUNIOR_GOALS_SETTING, '按时完成作业；每周与家长通话'],
      ['默认可帮扶人数：教师', 5],
      ['默认可帮扶人数：学生', '2人'],
    ]);
    const next = workbookOf(after(ops));
    const contact = readContactSettings(next, TODAY);
    expect(contact.findings).toEqual([]);
    expect(contact.settings.keyFocusCadence).toEqual({ talk: { days: 3 }, parentCall: { days: 7 } });
    const capacity = capacityDefaults(next);
    expect(capacity.findings).toEqual([]);
    expect(capacity.defaults).toMatchObject({ 班主任: 5, 任课教师: 5, 党员: 2, 学生: 2 });
    expect(readCardSettings(next, '学校名称').juniorGoals).toBe('按时完成作业；每周与家长通话');
    // The form reads back what it wrote.
    expect(readSettingsForm(next, TODAY)).toMatchObject({ keyFocusTalk: '3', 'capacity.teachers': '5', juniorGoals: '按时完成作业；每周与家长通话' });
  });

  it('go into a new 设置 with the other defaults when the workbook has none', () => {
    const wb = workbookOf();
    const ops = settingsFormOps(wb, TODAY, { ...readSettingsForm(wb, TODAY), keyFocusFamilyCall: '5' });
    const next = workbookOf(after(ops));
    expect(readContactSettings(next, TODAY).settings.keyFocusCadence).toEqual({ familyCall: { days: 5 } });
    expect(capacityDefaults(next).defaults.学生).toBe(1);
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

  it('reads a key-focus cadence as the sheet does (blank: the usual one) and a capacity as a whole number', () => {
    expect(settingsProblems({ keyFocusTalk: '偶尔', keyFocusParentCall: '400', 'capacity.teachers': '三', 'capacity.students': '1.5' })).toEqual([
      { id: 'keyFocusTalk', messageKey: 'settings.invalid.keyFocusCadence' },
      { id: 'keyFocusParentCall', messageKey: 'settings.invalid.keyFocusCadence' },
      { id: 'capacity.teachers', messageKey: 'settings.invalid.count' },
      { id: 'capacity.students', messageKey: 'settings.invalid.count' },
    ]);
    expect(
      settingsProblems({
        keyFocusTalk: '3',
        keyFocusFamilyCall: '每两周',
        keyFocusGuardianContact: '',
        'capacity.teachers': '４',
        'capacity.students': '2人',
        juniorGoals: '=1+1',
      }),
    ).toEqual([]);
  });
});
