import type { PlanCell, SheetContent, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { BACKUP_PREFIX } from '../../src/workbook/office/undo';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const FINDINGS = '校验结果';

function findings(rows: number, note = '校验位错误'): SheetContent {
  const data: PlanCell[][] = [];
  for (let i = 0; i < rows; i++) data.push(['花名册', { text: `E${i + 2}`, link: { sheet: '花名册', row: i + 1, col: 4 } }, i, `${note}${i}`]);
  return {
    titleLines: ['校验结果', '生成于 2026-11-29'],
    columns: [{ header: '工作表' }, { header: '单元格' }, { header: '序号', format: 'integer' }, { header: '说明', format: 'text' }],
    rows: data,
    table: { name: 'FindingsTable' },
    highlights: [{ col: 0, equals: '花名册', fill: '#FDE7E9' }],
  };
}

/** Everything a person could see in a sheet's cells: value, type, formula, number format, quote prefix. */
function cellsOf(d: OfficeDouble, sheet: string) {
  const s = d.state.sheet(sheet);
  if (!s) return undefined;
  const out: Record<string, unknown> = {};
  for (const [r, line] of s.cells) {
    for (const [c, cell] of line) {
      const nf = cell.nf === 'General' ? undefined : cell.nf; // Excel shows no difference between the two
      if (cell.v !== undefined || nf !== undefined) out[`${r},${c}`] = [cell.v, cell.t, cell.f, nf, cell.quote];
    }
  }
  return out;
}

function roster(d: OfficeDouble) {
  return d.state.addSheet('花名册').put(0, 0, [
    ['姓名', '身份证号'],
    ['张三', "'11010120150312001X"],
  ]);
}

describe.each([1, 12])('OfficePort.undoLast below ExcelApi 1.20 (1.%i)', (api) => {
  it('restores a replaced generated sheet exactly: values, formulas, text that looks like numbers, number formats and its table', async () => {
    const d = createOfficeDouble({ api });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(4, '旧说明') }] });
    // What a teacher added by hand to the generated sheet before the next run: a formula, a dated cell.
    const s = d.state.sheet(FINDINGS)!;
    s.put(8, 0, [['=1+1', "'0123", 46010]]);
    s.ensure(8, 2).nf = 'yyyy-mm-dd';
    const before = cellsOf(d, FINDINGS);
    const tablesBefore = d.state.tables.map((t) => [t.name, t.sheet.name, t.block, t.style ?? 'TableStyleMedium2']); // Excel's default style

    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2, '新说明') }] });
    expect(result.undo).toBe('port');
    expect(port.canUndo!()).toBe(true);
    expect(s.cell(3, 3)?.v).toBe('新说明0');
    expect(s.cell(8, 0)).toBeUndefined();

    const undone = await port.undoLast!();
    expect(undone.written).toEqual([{ sheet: FINDINGS, what: 'replaced', rows: 9 }]);
    expect(d.state.sheet(FINDINGS)).toBe(s);
    expect(cellsOf(d, FINDINGS)).toEqual(before);
    expect(s.cell(8, 0)?.f).toBe('=1+1');
    expect(s.cell(8, 1)).toMatchObject({ v: '0123', t: 'String' });
    expect(d.state.tables.map((t) => [t.name, t.sheet.name, t.block, t.style ?? 'TableStyleMedium2'])).toEqual(tablesBefore);
    expect(port.canUndo!()).toBe(false);
    await expect(port.undoLast!()).rejects.toMatchObject({ key: 'office.nothingToUndo' });
  });

  it('removes a sheet created from its template (createSheetIfMissing) and what was appended to it in the same plan', async () => {
    const d = createOfficeDouble({ api });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    const result = await port.apply({
      ops: [
        { kind: 'createSheetIfMissing', sheet: '谈心记录', content: { columns: [{ header: '日期', format: 'date' }, { header: '学生' }], rows: [] } },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '张三']] },
      ],
    });
    expect(result.undo).toBe('port');
    expect(d.state.sheet('谈心记录')!.cell(1, 1)?.v).toBe('张三');
    await port.undoLast!();
    expect(d.state.sheets.map((x) => x.name)).toEqual(['花名册']);
    expect(d.state.tables).toEqual([]);
  });

  it('clears exactly the appended rows of a kept log, and puts back single cells (设置) with their formats', async () => {
    const d = createOfficeDouble({ api });
    const log = d.state.addSheet('谈心记录').put(0, 0, [
      ['日期', '学生'],
      [46000, '李四'],
    ]);
    log.ensure(1, 0).nf = 'yyyy-mm-dd';
    const settings = d.state.addSheet('设置').put(0, 0, [
      ['键', '值'],
      ['学校', '=A1&"小学"'],
      ['学期', "'2026"],
    ]);
    settings.ensure(2, 1).nf = '@';
    const logBefore = cellsOf(d, '谈心记录');
    const settingsBefore = cellsOf(d, '设置');
    const port = createOfficePort(d.excel, d.office);
    await port.apply({
      ops: [
        {
          kind: 'appendRows',
          sheet: '谈心记录',
          rows: [
            [46010, '王五'],
            [46011, '=cmd'],
          ],
          expectedLastRow: 1,
        },
        {
          kind: 'setCells',
          sheet: '设置',
          cells: [
            { row: 1, col: 1, value: '红星小学' },
            { row: 2, col: 1, value: 2027 },
            { row: 5, col: 1, value: '新' },
          ],
        },
      ],
    });
    expect(log.cell(3, 1)?.v).toBe('=cmd');
    expect(settings.cell(1, 1)?.f).toBeUndefined();
    await port.undoLast!();
    expect(cellsOf(d, '谈心记录')).toEqual(logBefore);
    expect(cellsOf(d, '设置')).toEqual(settingsBefore);
    expect(settings.cell(1, 1)?.f).toBe('=A1&"小学"');
  });

  it.each([
    ['a colleague typed into the replaced sheet', (d: OfficeDouble) => d.state.sheet(FINDINGS)!.put(3, 3, [['同事改的']])],
    ['a colleague wrote below it', (d: OfficeDouble) => d.state.sheet(FINDINGS)!.put(40, 0, [['同事加的']])],
    ['a colleague changed an appended row', (d: OfficeDouble) => d.state.sheet('谈心记录')!.put(2, 1, [['同事改的']])],
    ['a colleague changed a setting', (d: OfficeDouble) => d.state.sheet('设置')!.put(1, 1, [['同事改的']])],
    ['a colleague deleted the sheet', (d: OfficeDouble) => d.state.sheets.splice(d.state.sheets.indexOf(d.state.sheet('谈心记录')!), 1)],
  ])('refuses and changes nothing when %s', async (_what, edit) => {
    const d = createOfficeDouble({ api });
    roster(d);
    d.state.addSheet('谈心记录').put(0, 0, [
      ['日期', '学生'],
      [46000, '李四'],
    ]);
    d.state.addSheet('设置').put(0, 0, [
      ['键', '值'],
      ['学校', '旧'],
    ]);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3, '旧') }] });
    await port.apply({
      ops: [
        { kind: 'replaceSheet', sheet: FINDINGS, content: findings(5, '新') },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '王五']], expectedLastRow: 1 },
        { kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 1, value: '新' }] },
      ],
    });
    edit(d);
    const snapshot = () => JSON.stringify(d.state.sheets.map((s) => [s.name, cellsOf(d, s.name)]));
    const before = snapshot();
    const tables = d.state.tables.length;
    const attempt = port.undoLast!();
    await expect(attempt).rejects.toBeInstanceOf(PortError);
    await expect(attempt).rejects.toMatchObject({ key: 'office.undoConflict' });
    expect(snapshot()).toBe(before);
    expect(d.state.tables).toHaveLength(tables);
  });

  it('names the sheet that changed, and never a cell content', async () => {
    const d = createOfficeDouble({ api });
    d.state.addSheet('设置').put(0, 0, [
      ['键', '值'],
      ['学校', '旧'],
    ]);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 1, value: '张三的学校' }] }] });
    d.state.sheet('设置')!.put(1, 1, [['李四']]);
    await expect(port.undoLast!()).rejects.toEqual(new PortError('office.undoConflict', { sheet: '设置' }));
  });

  it('needs as many syncs to undo 10 rows as 2,000 rows (reads and writes split only by size)', async () => {
    const counts: number[][] = [];
    for (const rows of [10, 2000]) {
      const d = createOfficeDouble({ api });
      roster(d);
      d.state.addSheet('谈心记录').put(0, 0, [['日期', '学生']]);
      const port = createOfficePort(d.excel, d.office);
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(rows, '旧') }] });
      d.resetStats();
      const log: PlanCell[][] = Array.from({ length: rows }, (_, i) => [46000 + i, `学生${i}`]);
      const plan: WorkbookPlan = {
        ops: [
          { kind: 'replaceSheet', sheet: FINDINGS, content: findings(rows, '新') },
          { kind: 'appendRows', sheet: '谈心记录', rows: log, expectedLastRow: 0 },
        ],
      };
      await port.apply(plan);
      const applySyncs = d.stats.syncs.length;
      d.resetStats();
      await port.undoLast!();
      counts.push([applySyncs, d.stats.syncs.length]);
      expect(d.state.sheet(FINDINGS)!.cell(rows + 2, 3)?.v).toBe(`旧${rows - 1}`);
      expect(d.state.sheet('谈心记录')!.usedBlock(true)).toEqual({ row: 0, col: 0, rows: 1, cols: 2 });
    }
    // Below 1.7 — apply: look, used ranges of the replaced sheet, its contents, write; undo: look, write.
    // From 1.7 the apply copies the sheet to a backup in its write batch instead (look, write); undo
    // cannot check references below 1.13, so it restores in place: look, the backup's used range, its
    // contents, write.
    expect(counts).toEqual(
      api < 7
        ? [
            [4, 2],
            [4, 2],
          ]
        : [
            [2, 4],
            [2, 4],
          ],
    );
  });

  it('reads a 100,000-row sheet it replaces in blocks under the response limit, and restores it', async () => {
    const d = createOfficeDouble({ api });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(100_000, '旧的很长的说明文字') }] });
    d.resetStats();
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3, '新') }] });
    expect(Math.max(...d.stats.syncs.map((x) => x.responseBytes))).toBeLessThan(5 * 1024 * 1024);
    await port.undoLast!();
    const s = d.state.sheet(FINDINGS)!;
    expect(s.cell(100_002, 3)?.v).toBe('旧的很长的说明文字99999');
    expect(s.usedBlock(true)).toEqual({ row: 0, col: 0, rows: 100_003, cols: 4 });
  });
});

describe('OfficePort undo on ExcelApi 1.20', () => {
  it("leaves undo to Excel: one undo group per run, nothing kept, and no call that clears Excel's undo stack", async () => {
    const d = createOfficeDouble({ api: 20 });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] });
    const sheet = d.state.sheet(FINDINGS);
    const result = await port.apply({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: FINDINGS,
          content: { ...findings(2), charts: [{ type: 'column', title: '图', rows: { first: 0, last: 1 }, categoryCol: 1, valueCols: [2] }] },
        },
      ],
    });
    expect(result.undo).toBe('host');
    expect(port.canUndo!()).toBe(false);
    await expect(port.undoLast!()).rejects.toMatchObject({ key: 'office.nothingToUndo' });
    expect(d.state.sheet(FINDINGS)).toBe(sheet); // cleared in place, never Worksheet.delete
    expect(d.stats.runs.every((r) => r.options?.mergeUndoGroup === true)).toBe(true);
  });

  it("never calls what clears Excel's undo stack (Worksheet.delete, protection, inserting sheets) through a whole upkeep", async () => {
    const d = createOfficeDouble({ api: 20 });
    roster(d);
    d.state.addSheet('谈心记录').put(0, 0, [['日期', '学生']]);
    const port = createOfficePort(d.excel, d.office);
    const upkeep = (note: string): WorkbookPlan => ({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: FINDINGS,
          content: { ...findings(3, note), charts: [{ type: 'column', title: '图', rows: { first: 0, last: 2 }, categoryCol: 1, valueCols: [2] }] },
        },
        { kind: 'createSheetIfMissing', sheet: '设置', content: { columns: [{ header: '键' }, { header: '值' }], rows: [] } },
        { kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 0, value: note }] },
        { kind: 'clearMarks', sheet: '花名册' },
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note }] },
      ],
    });
    await port.apply(upkeep('一'));
    await port.apply(upkeep('二'));
    await port.apply({ ops: [{ kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '张三']] }] });
    const called = [...d.stats.calls.keys()];
    expect(called).toEqual(expect.arrayContaining(['ChartCollection.add', 'Chart.delete', 'Range.clear', 'WorksheetCollection.add']));
    expect(called.filter((c) => /^Worksheet\.delete$|protect|insertWorksheets/i.test(c))).toEqual([]);
  });

  it('when Excel refuses the undo group (UndoNotSupported), says so, and from then on keeps its own undo', async () => {
    const d = createOfficeDouble({ api: 20 });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    d.beforeSync = (i) => {
      if (i === 1) throw Object.assign(new Error('UndoNotSupported'), { code: 'UndoNotSupported' });
    };
    await expect(port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] })).rejects.toMatchObject({ key: 'office.undoGroupRefused' });
    d.beforeSync = undefined;
    d.resetStats();
    const again = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] });
    expect(again.undo).toBe('port');
    expect(port.capabilities().undoGroup).toBe(false);
    expect(d.stats.runs.every((r) => r.options?.mergeUndoGroup === undefined)).toBe(true);
    await port.undoLast!();
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册']);
  });
});

describe.each([1, 18])('OfficePort.undoLast of marks below ExcelApi 1.20 (1.%i)', (api) => {
  function teacherSheet(d: OfficeDouble) {
    const s = roster(d);
    s.put(2, 0, [['李四', "'110101201503120019"]]);
    s.ensure(2, 1).fill = '#FFFF00'; // the teacher's own highlight
    if (api >= 18) s.notes.set('2,0', '奶奶照顾'); // the teacher's own note
    return s;
  }
  const look = (d: OfficeDouble) => {
    const s = d.state.sheet('花名册')!;
    const fills = [0, 1, 2].flatMap((r) => [0, 1].map((c) => s.cell(r, c)?.fill ?? null));
    return { fills, notes: Object.fromEntries(s.notes), saved: JSON.stringify([...d.savedSettings]) };
  };
  const mark = (cells: [number, number][], note: string): WorkbookPlan => ({
    ops: [
      { kind: 'clearMarks', sheet: '花名册' },
      { kind: 'markCells', sheet: '花名册', marks: cells.map(([row, col]) => ({ sheet: '花名册', row, col, fill: '#FFC7CE', note })) },
    ],
  });

  it("puts back fills, notes and the record of marks exactly, so a later clear still restores the teacher's own fills", async () => {
    const d = createOfficeDouble({ api });
    teacherSheet(d);
    const port = createOfficePort(d.excel, d.office);
    const original = look(d);
    await port.apply(
      mark(
        [
          [1, 1],
          [2, 1],
        ],
        '第一次',
      ),
    );
    const afterFirst = look(d);
    const second = await port.apply(
      mark(
        [
          [1, 1],
          [2, 0],
        ],
        '第二次',
      ),
    );
    expect(second.undo).toBe('port');
    expect(look(d)).not.toEqual(afterFirst);
    await port.undoLast!();
    expect(look(d)).toEqual(afterFirst);
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect(look(d).fills).toEqual(original.fills);
    expect(look(d).notes).toEqual(original.notes);
  });

  it('refuses and changes nothing when the teacher recoloured a marked cell since', async () => {
    const d = createOfficeDouble({ api });
    teacherSheet(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply(mark([[1, 1]], '校验位错误'));
    d.state.sheet('花名册')!.ensure(1, 1).fill = '#00FF00';
    const before = look(d);
    await expect(port.undoLast!()).rejects.toMatchObject({ key: 'office.undoConflict', params: { sheet: '花名册' } });
    expect(look(d)).toEqual(before);
  });
});

/** Everything on a sheet a teacher could see or the next run could rely on, cosmetics included. */
function wholeSheet(d: OfficeDouble, name: string) {
  const s = d.state.sheet(name);
  if (!s) return undefined;
  const cells: unknown[] = [];
  for (const [r, line] of [...s.cells].sort((a, b) => a[0] - b[0])) {
    for (const [c, cell] of [...line].sort((a, b) => a[0] - b[0])) {
      const seen = [cell.v, cell.t, cell.f, cell.nf === 'General' ? undefined : cell.nf, cell.quote, cell.fill, cell.font, cell.bold, cell.link];
      if (seen.some((x) => x !== undefined)) cells.push([r, c, ...seen]);
    }
  }
  return {
    position: d.state.sheets.indexOf(s),
    visibility: s.visibility,
    cells,
    notes: [...s.notes].sort(),
    merges: s.merges,
    conditionalFormats: s.conditionalFormats,
    validations: s.validations,
    columnWidths: [...s.columnWidths].sort(),
    hiddenColumns: [...s.hiddenColumns].sort(),
    wrappedColumns: [...s.wrappedColumns].sort(),
    frozenRows: s.frozenRows,
    charts: s.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title,
      source: [c.source.sheet.name, c.source.block],
      series: c.series,
      position: c.position,
      categories: c.categoryNames && [c.categoryNames.sheet.name, c.categoryNames.block],
    })),
    tables: d.state.tables.filter((t) => t.sheet === s).map((t) => [t.name, t.block, t.style]),
  };
}

const SUMMARY = '统计汇总';

/** A generated summary with everything the port can put on a sheet. */
function summary(rows: number, label: string): SheetContent {
  return {
    titleLines: [`统计汇总（${label}）`],
    columns: [
      { header: '班级', width: 14 },
      { header: '人数', format: 'integer', width: 8 },
      { header: '覆盖率', format: 'percent' },
      { header: '状态', validation: { list: ['正常', '需关注'] } },
      { header: '上次生成', hidden: true },
      { header: '说明', wrap: true, width: 40 },
    ],
    rows: Array.from({ length: rows }, (_, i): PlanCell[] => [`${label}${i + 1}班`, 10 + i, 0.5, i % 2 ? '需关注' : '正常', '2026-11-29', `${label}的说明${i}`]),
    table: { name: 'SummaryTable', style: 'TableStyleLight9' },
    highlights: [{ col: 3, equals: '需关注', fill: '#FDE7E9' }],
    freezeHeader: true,
    charts: [{ type: 'column', title: `${label}各班人数`, rows: { first: 0, last: Math.min(rows, 5) - 1 }, categoryCol: 0, valueCols: [1] }],
  };
}

const backups = (d: OfficeDouble) => d.state.sheets.filter((s) => s.name.startsWith(BACKUP_PREFIX)).map((s) => s.name);

describe.each([13, 17])('OfficePort.undoLast of a replaced sheet from its backup (ExcelApi 1.%i)', (api) => {
  function workbook() {
    const d = createOfficeDouble({ api });
    roster(d);
    d.state.addSheet(SUMMARY);
    d.state.addSheet('封面').put(0, 0, [['学校'], ['红星小学']]);
    return d;
  }

  it('puts the sheet back exactly: chart, widths, hidden and wrapped columns, frozen header, dropdowns, highlights, table, place in the tabs; the backup is gone', async () => {
    const d = workbook();
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(6, '旧') }] });
    // A teacher's touches since: a note, a merged title, a wider column.
    const s = d.state.sheet(SUMMARY)!;
    s.notes.set('1,0', '三班转来两人');
    s.merges = [{ row: 0, col: 0, rowCount: 1, colCount: 3 }];
    s.columnWidths.set(5, 300);
    const before = wholeSheet(d, SUMMARY);
    expect(before!.charts).toHaveLength(1);
    expect(before!.frozenRows).toBe(2);

    d.resetStats();
    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: { columns: [{ header: '新' }], rows: [['只有一行']] } }] });
    expect(result.undo).toBe('port');
    expect(wholeSheet(d, SUMMARY)).not.toEqual(before);
    expect(backups(d)).toHaveLength(1);
    expect(d.state.sheet(backups(d)[0])!.visibility).toBe('VeryHidden');
    expect(d.stats.calls.get('Worksheet.copy')).toBe(1);

    const undone = await port.undoLast!();
    expect(undone.degraded).toEqual([]);
    expect(undone.written).toEqual([{ sheet: SUMMARY, what: 'replaced', rows: 8 }]);
    expect(wholeSheet(d, SUMMARY)).toEqual(before);
    expect(backups(d)).toEqual([]);
    expect(d.state.sheets.map((x) => x.name)).toEqual(['花名册', SUMMARY, '封面']);
    expect(d.state.tables.map((t) => t.name)).toEqual(['SummaryTable']);
  });

  it('keeps formulas elsewhere pointing at the sheet: with a reference it restores in place instead of swapping, and says what it left out', async () => {
    const d = workbook();
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(3, '旧') }] });
    d.state.sheet('封面')!.put(2, 0, [["='统计汇总'!B3"]]);
    const values = cellsOf(d, SUMMARY);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(2, '新') }] });
    const undone = await port.undoLast!();
    expect(undone.degraded).toEqual(['office.undoInPlace']);
    expect(d.state.sheet('封面')!.cell(2, 0)?.f).toBe("='统计汇总'!B3"); // not =#REF!B3
    expect(cellsOf(d, SUMMARY)).toEqual(values);
    expect(d.state.tables.map((t) => [t.name, t.sheet.name])).toEqual([['SummaryTable', SUMMARY]]);
    expect(backups(d)).toEqual([]);
  });

  it('treats a defined name pointing at the sheet the same way', async () => {
    const d = workbook();
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(3, '旧') }] });
    d.state.names.push({ name: '总人数', formula: '=统计汇总!$B$3:$B$5' });
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(2, '新') }] });
    expect((await port.undoLast!()).degraded).toEqual(['office.undoInPlace']);
    expect(d.state.names).toEqual([{ name: '总人数', formula: '=统计汇总!$B$3:$B$5' }]);
  });

  it('needs as many syncs for 10 rows as for 2,000, applying and undoing', async () => {
    const counts: number[][] = [];
    for (const rows of [10, 2000]) {
      const d = workbook();
      const port = createOfficePort(d.excel, d.office);
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(rows, '旧') }] });
      d.resetStats();
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(rows, '新') }] });
      const applySyncs = d.stats.syncs.length;
      d.resetStats();
      await port.undoLast!();
      counts.push([applySyncs, d.stats.syncs.length]);
      expect(d.state.sheet(SUMMARY)!.cell(rows + 1, 5)?.v).toBe(`旧的说明${rows - 1}`);
    }
    // Apply: look, write (the copy is in the write batch), deleting the old chart. Undo: look, the
    // references check, write.
    expect(counts).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });

  it('refuses and changes nothing when the backup was deleted meanwhile, naming the replaced sheet', async () => {
    const d = workbook();
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(3, '旧') }] });
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content: summary(2, '新') }] });
    d.state.sheets.splice(
      d.state.sheets.findIndex((s) => s.name.startsWith(BACKUP_PREFIX)),
      1,
    );
    const now = wholeSheet(d, SUMMARY);
    await expect(port.undoLast!()).rejects.toEqual(new PortError('office.undoConflict', { sheet: SUMMARY }));
    expect(wholeSheet(d, SUMMARY)).toEqual(now);
  });
});

describe('Backups of replaced sheets do not outlive their use', () => {
  it('the next apply deletes a backup a closed pane left behind, and one with nothing to undo any more', async () => {
    const d = createOfficeDouble({ api: 17 });
    roster(d);
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] });
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2) }] });
    expect(backups(d)).toHaveLength(1); // the pane was closed with it
    const reopened = createOfficePort(d.excel, d.office);
    await reopened.apply({ ops: [{ kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note: '' }] }] });
    expect(backups(d)).toEqual([]);
    await reopened.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(1) }] });
    await reopened.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(4) }] });
    expect(backups(d)).toHaveLength(1); // only the one the last apply can still be undone with
  });

  it('is not used where the workbook structure is protected (Worksheet.copy is refused there): the sheet is read before replacing it instead, and undo puts it back', async () => {
    const d = createOfficeDouble({ api: 17 });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3, '旧') }] });
    const before = cellsOf(d, FINDINGS);
    d.state.structureProtected = true;
    d.resetStats();
    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2, '新') }] });
    expect(result.undo).toBe('port');
    expect(d.stats.calls.get('Worksheet.copy')).toBeUndefined();
    expect(backups(d)).toEqual([]);
    await port.undoLast!();
    expect(cellsOf(d, FINDINGS)).toEqual(before);
  });

  it('is not used on ExcelApi 1.20 (Excel undoes there, and deleting a backup would clear its undo stack), nor below 1.7 (no Worksheet.copy)', async () => {
    for (const api of [1, 6, 20]) {
      const d = createOfficeDouble({ api });
      roster(d);
      const port = createOfficePort(d.excel, d.office);
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] });
      await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2) }] });
      expect([api, backups(d), d.stats.calls.get('Worksheet.copy')]).toEqual([api, [], undefined]);
    }
  });
});

describe('OfficePort.undoLast honours a cancel up to its first write', () => {
  it.each([1, 17])('ExcelApi 1.%i: cancelled before it starts or while it looks, nothing changes and the undo stays available', async (api) => {
    const d = createOfficeDouble({ api });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3, '旧') }] });
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2, '新') }] });
    const now = JSON.stringify(d.state.sheets.map((s) => [s.name, cellsOf(d, s.name)]));
    const early = new AbortController();
    early.abort();
    await expect(port.undoLast!({ signal: early.signal })).rejects.toMatchObject({ key: 'error.cancelled' });
    const late = new AbortController();
    d.resetStats();
    d.beforeSync = (i) => {
      if (i === 0) late.abort(); // the teacher presses Cancel while undo looks
    };
    await expect(port.undoLast!({ signal: late.signal })).rejects.toMatchObject({ key: 'error.cancelled' });
    d.beforeSync = undefined;
    expect(JSON.stringify(d.state.sheets.map((s) => [s.name, cellsOf(d, s.name)]))).toBe(now);
    expect(port.canUndo!()).toBe(true);
    await port.undoLast!();
    expect(d.state.sheet(FINDINGS)!.cell(3, 3)?.v).toBe('旧0');
  });
});

describe('The port hides its backups from reads', () => {
  it("lists and reads only the teacher's sheets while a backup is kept", async () => {
    const d = createOfficeDouble({ api: 17 });
    roster(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(3) }] });
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findings(2) }] });
    expect(backups(d)).toHaveLength(1);
    expect((await port.read()).sheets.map((s) => s.name)).toEqual(['花名册', FINDINGS]);
    expect((await port.read({ namesOnly: true })).sheets.map((s) => s.name)).toEqual(['花名册', FINDINGS]);
  });
});
