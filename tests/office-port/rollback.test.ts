/**
 * Nothing lost when an apply stops half way: a write sync that fails after others succeeded, or a
 * cancel between two write syncs, puts back what the apply wrote; a protected sheet stops it before
 * any write. Every case compares the whole workbook before and after, through the Office double.
 */
import { t, LANGS } from '../../src/core/i18n';
import '../../src/core/i18n/all';
import type { PlanCell, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { BACKUP_PREFIX } from '../../src/workbook/office/undo';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble, OfficeDoubleError, type OfficeDouble } from '../office-double';

const ROSTER = '花名册';
const FINDINGS = '校验结果';
const LOG = '谈心记录';
const SETTINGS = '设置';
const REMINDERS = '提醒事项';

/** A workbook a school could have after a few runs: a roster with a teacher's own fill and note, a log, settings, old findings. */
function school(api: number): OfficeDouble {
  const d = createOfficeDouble({ api });
  const roster = d.state.addSheet(ROSTER).put(0, 0, [
    ['姓名', '身份证号', '电话'],
    ['张三', "'11010120150312001X", 13800138000],
    ['李四', "'110101201503120019", "'0731-1234567"],
  ]);
  roster.ensure(2, 1).fill = '#FFFF00';
  if (api >= 18) roster.notes.set('2,0', '奶奶照顾');
  const log = d.state.addSheet(LOG).put(0, 0, [
    ['日期', '学生', '方式'],
    [46000, '张三', '谈心'],
  ]);
  log.ensure(1, 0).nf = 'yyyy-mm-dd';
  const settings = d.state.addSheet(SETTINGS).put(0, 0, [
    ['键', '值'],
    ['学校', '=A1&"小学"'],
    ['学期', "'2026"],
  ]);
  settings.ensure(2, 1).nf = '@';
  // Old findings, as a teacher left them: a formula, text that looks like a number, a dated cell.
  const findings = d.state.addSheet(FINDINGS).put(0, 0, [
    ['工作表', '单元格', '说明'],
    [ROSTER, 'B3', '旧的说明'],
    ['=1+1', "'0123", 46010],
  ]);
  findings.ensure(2, 2).nf = 'yyyy-mm-dd';
  d.state.tables.push({ name: 'FindingsTable', sheet: findings, block: { row: 0, col: 0, rows: 3, cols: 3 }, style: 'TableStyleLight9' });
  // An earlier mark, recorded in the document settings as the port records it.
  roster.ensure(1, 1).fill = '#FFC7CE';
  d.office.context.document.settings.set('liushouCare.marks.v1', { [ROSTER]: [[1, 1, null, '#FFC7CE', null]] });
  d.office.context.document.settings.saveAsync();
  return d;
}

/**
 * Everything a person (or the next run) could see: sheets in order, every cell's value, type, formula,
 * number format, fill and link, notes, tables, the saved settings. Not the quote prefix: putting text
 * back cell by cell writes it with one (so "0123" stays text, as its type shows), which Excel displays
 * the same.
 */
function picture(d: OfficeDouble): string {
  return JSON.stringify({
    sheets: d.state.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells]
        .sort((a, b) => a[0] - b[0])
        .map(([r, line]) => [
          r,
          [...line].sort((a, b) => a[0] - b[0]).map(([c, cell]) => [c, cell.v, cell.t, cell.f, cell.nf === 'General' ? undefined : cell.nf, cell.fill, cell.link]),
        ])
        // A cell with nothing in it is blank, however it got there.
        .map(([r, line]) => [r, (line as unknown[][]).filter((x) => x.slice(1).some((v) => v !== undefined))])
        .filter(([, line]) => (line as unknown[]).length > 0),
      notes: [...s.notes].sort(),
    })),
    tables: d.state.tables.map((x) => [x.name, x.sheet.name, x.block, x.style]),
    settings: [...d.savedSettings],
  });
}

/** Several write syncs at a small budget: a new sheet, an append, settings, marks, then the old findings replaced by 60 rows. */
function upkeep(rows = 60): WorkbookPlan {
  const data: PlanCell[][] = Array.from({ length: rows }, (_, i) => [
    ROSTER,
    { text: `B${i + 2}`, link: { sheet: ROSTER, row: i + 1, col: 1 } },
    `第${i + 2}行身份证号校验位错误，请核对后重新输入。`,
  ]);
  return {
    ops: [
      { kind: 'replaceSheet', sheet: REMINDERS, content: { columns: [{ header: '学生' }, { header: '事项' }], rows: [['张三', '家访']] } },
      { kind: 'appendRows', sheet: LOG, rows: [[46010, '李四', '家访']], expectedLastRow: 1 },
      {
        kind: 'setCells',
        sheet: SETTINGS,
        cells: [
          { row: 1, col: 1, value: '红星小学' },
          { row: 4, col: 1, value: '新' },
        ],
      },
      { kind: 'clearMarks', sheet: ROSTER },
      {
        kind: 'markCells',
        sheet: ROSTER,
        marks: [
          { sheet: ROSTER, row: 2, col: 0, fill: '#FFC7CE', note: '校验位错误' },
          { sheet: ROSTER, row: 2, col: 1, fill: '#FFC7CE', note: '校验位错误' },
        ],
      },
      {
        kind: 'replaceSheet',
        sheet: FINDINGS,
        content: { columns: [{ header: '工作表' }, { header: '单元格' }, { header: '说明', format: 'text' }], rows: data, table: { name: 'FindingsTable' } },
      },
    ],
  };
}

const BUDGET = 1500;

/**
 * Arm a failure for the write sync after `afterChunks` chunks ('last': just before the last one): `how`
 * runs just before it (throw, or make the sync fail part way).
 */
function failAfter(d: OfficeDouble, afterChunks: number | 'last', how: (d: OfficeDouble) => void, always = false) {
  let armed = false;
  let fired = false;
  d.beforeSync = () => {
    if (armed && (always || !fired)) {
      fired = true;
      how(d);
    }
  };
  return (p: { done: number; total: number }) => {
    if (p.done === (afterChunks === 'last' ? p.total - 1 : afterChunks)) armed = true;
  };
}

const networkDrop = () => {
  throw new OfficeDoubleError('RequestAborted', 'the connection dropped');
};

describe.each([
  [1, 'values read before writing'],
  [17, 'a hidden backup copy'],
  [20, 'values read before writing, as the plan writes in several syncs'],
])('OfficePort.apply rollback on ExcelApi 1.%i (%s)', (api) => {
  it('a failure in the third write sync leaves every sheet, note and the record of marks as before', async () => {
    const d = school(api);
    const before = picture(d);
    const progress: number[] = [];
    let during = '';
    const arm = failAfter(d, 2, (x) => {
      during = picture(x);
      networkDrop();
    });
    const port = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET });
    const attempt = port.apply(upkeep(), { onProgress: (p) => (progress.push(p.done), arm(p)) });
    await expect(attempt).rejects.toBeInstanceOf(PortError);
    await expect(attempt).rejects.toMatchObject({ key: 'office.rolledBack', params: { code: 'RequestAborted', cause: 'office.busy' } });
    expect(progress).toEqual([1, 2]); // two syncs were written before the failure
    expect(during).not.toBe(before);
    expect(picture(d)).toBe(before);
    expect(d.state.sheets.some((s) => s.name.startsWith(BACKUP_PREFIX))).toBe(false);
    expect(port.canUndo!()).toBe(false);
  });

  it('a failure in the last write sync takes back everything before it: the created sheet, the appended row, the settings cells, fills, notes and the record of marks', async () => {
    const d = school(api);
    const before = picture(d);
    let during: ReturnType<typeof JSON.parse>;
    const arm = failAfter(d, 'last', (x) => {
      during = JSON.parse(picture(x));
      networkDrop();
    });
    const attempt = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET }).apply(upkeep(), { onProgress: arm });
    await expect(attempt).rejects.toMatchObject({ key: 'office.rolledBack' });
    // All this had been written when the last sync failed...
    expect(during.sheets.map((s: { name: string }) => s.name)).toContain(REMINDERS);
    expect(JSON.stringify(during.sheets.find((s: { name: string }) => s.name === LOG).cells)).toContain('李四');
    expect(JSON.stringify(during.sheets.find((s: { name: string }) => s.name === SETTINGS).cells)).toContain('红星小学');
    expect(during.settings).not.toEqual(JSON.parse(before).settings);
    // ...and none of it is left.
    expect(picture(d)).toBe(before);
  });

  it('a cancel after the second write sync stops there and puts everything back', async () => {
    const d = school(api);
    const before = picture(d);
    const abort = new AbortController();
    const progress: [number, number][] = [];
    const port = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET });
    const attempt = port.apply(upkeep(), {
      signal: abort.signal,
      onProgress: (p) => {
        progress.push([p.done, p.total]);
        if (p.done === 2) abort.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ key: 'error.cancelled', params: { rolledBack: 1 } });
    expect(progress.map(([done]) => done)).toEqual([1, 2]);
    expect(progress[0][1]).toBeGreaterThan(3); // it stopped well before the end
    expect(picture(d)).toBe(before);
  });

  it('says so, naming a sheet, when putting back fails too', async () => {
    const d = school(api);
    const arm = failAfter(d, 2, networkDrop, true);
    const attempt = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET }).apply(upkeep(), { onProgress: arm });
    await expect(attempt).rejects.toMatchObject({ key: 'office.rollbackFailed', params: { code: 'RequestAborted' } });
    const e = (await attempt.catch((x: unknown) => x)) as PortError;
    expect([FINDINGS, REMINDERS, LOG, SETTINGS, ROSTER]).toContain(e.params.sheet);
    for (const lang of LANGS) {
      const text = t(lang, e.key, e.params);
      expect(text).toContain(String(e.params.sheet));
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toBe(t(lang, 'office.rolledBack', e.params));
    }
  });
});

describe('OfficePort.apply: a sync refused part way through', () => {
  it('on ExcelApi 1.1, where protection cannot be looked at, a sheet protected by a colleague mid-apply is refused (AccessDenied): every other sheet is put back, and the message names the one that could not be', async () => {
    const d = school(1);
    const before = JSON.parse(picture(d));
    // Between the second and third write syncs, someone protects the findings sheet being written.
    const arm = failAfter(d, 2, (x) => void (x.state.sheet(FINDINGS)!.protected = true));
    const attempt = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET }).apply(upkeep(), { onProgress: arm });
    await expect(attempt).rejects.toEqual(new PortError('office.rollbackFailed', { sheet: FINDINGS, code: 'AccessDenied' }));
    const after = JSON.parse(picture(d));
    const others = (p: { sheets: { name: string }[] }) => p.sheets.filter((s) => s.name !== FINDINGS);
    expect(others(after)).toEqual(others(before)); // the new sheet gone, the log, settings and roster as they were
    expect(after.settings).toEqual(before.settings);
  });

  it('on ExcelApi 1.1, marking a protected roster fails in the only write sync: the findings written before it go, and the roster it never changed is not touched', async () => {
    const d = school(1);
    d.state.sheet(ROSTER)!.protected = true;
    const before = picture(d);
    const attempt = createOfficePort(d.excel, d.office).apply({
      ops: [
        { kind: 'replaceSheet', sheet: REMINDERS, content: { columns: [{ header: '学生' }], rows: [['张三']] } },
        { kind: 'markCells', sheet: ROSTER, marks: [{ sheet: ROSTER, row: 2, col: 1, fill: '#FFC7CE', note: '校验位错误' }] },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ key: 'office.rolledBack', params: { code: 'AccessDenied', cause: 'office.protectedUnknown' } });
    expect(picture(d)).toBe(before);
  });

  it('a request Excel finds too large in a later sync is put back too, and the message is in both languages without cell contents', async () => {
    const d = school(17);
    const before = picture(d);
    // Excel on the web measures the request itself; the port's estimate can be short of it.
    const arm = failAfter(d, 1, () => {
      throw new OfficeDoubleError('RequestPayloadSizeLimitExceeded', 'request too large');
    });
    const attempt = createOfficePort(d.excel, d.office, { budgetBytes: BUDGET }).apply(upkeep(), { onProgress: arm });
    const e = (await attempt.catch((x: unknown) => x)) as PortError;
    expect(e).toBeInstanceOf(PortError);
    expect(e.params).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded', cause: 'office.tooLarge' });
    expect(e.key).toBe('office.rolledBack');
    expect(picture(d)).toBe(before);
    for (const lang of LANGS) expect(t(lang, e.key, e.params)).not.toMatch(/张三|李四|11010|\{\w+\}/);
  });
});

describe.each([2, 20])('OfficePort.apply: a protected sheet is found while looking (ExcelApi 1.%i)', (api) => {
  it('stops before writing anything, naming the sheet', async () => {
    const d = school(api);
    d.state.sheet(ROSTER)!.protected = true;
    const before = picture(d);
    const plan: WorkbookPlan = {
      ops: [
        { kind: 'replaceSheet', sheet: FINDINGS, content: { columns: [{ header: '说明' }], rows: [['新的']] } },
        { kind: 'markCells', sheet: ROSTER, marks: [{ sheet: ROSTER, row: 2, col: 1, fill: '#FFC7CE', note: '校验位错误' }] },
      ],
    };
    const attempt = createOfficePort(d.excel, d.office).apply(plan);
    await expect(attempt).rejects.toEqual(new PortError('office.protected', { sheet: ROSTER, code: 'AccessDenied' }));
    expect(picture(d)).toBe(before);
    expect(d.stats.syncs).toHaveLength(1); // the look only
    for (const lang of LANGS) expect(t(lang, 'office.protected', { sheet: ROSTER, code: 'AccessDenied' })).toContain(ROSTER);
  });

  it('lets a plan through that only creates sheets next to a protected one', async () => {
    const d = school(api);
    d.state.sheet(ROSTER)!.protected = true;
    const result = await createOfficePort(d.excel, d.office).apply({
      ops: [{ kind: 'replaceSheet', sheet: REMINDERS, content: { columns: [{ header: '学生' }], rows: [['张三']] } }],
    });
    expect(result.written).toEqual([{ sheet: REMINDERS, what: 'created', rows: 1 }]);
  });
});
