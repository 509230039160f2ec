import type { PlanCell, SheetContent, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble, WEB_PAYLOAD_LIMIT, type OfficeDouble } from '../office-double';

jest.setTimeout(180_000); // the 100,000-row cases build large arrays; CI machines are shared

const FINDINGS = '校验结果';

function findingsContent(rows: number): SheetContent {
  const data: PlanCell[][] = [];
  for (let i = 0; i < rows; i++) {
    data.push([
      '花名册',
      { text: `E${i + 3}`, link: { sheet: '花名册', row: i + 2, col: 4 } },
      'idNumber',
      'id-checksum',
      i % 2 ? 'error' : 'warning',
      `第${i + 3}行身份证号校验位错误，请核对后重新输入。`,
    ]);
  }
  return {
    titleLines: ['校验结果', '生成于 2026-11-29'],
    columns: [
      { header: '工作表', width: 12 },
      { header: '单元格', width: 8 },
      { header: '字段', format: 'text' },
      { header: '规则' },
      { header: '严重程度', validation: { list: ['error', 'warning'] } },
      { header: '说明', width: 60 },
    ],
    rows: data,
    table: { name: 'FindingsTable', style: 'TableStyleLight9' },
    highlights: [{ col: 4, equals: 'error', fill: '#FDE7E9', font: '#A4262C' }],
    freezeHeader: true,
  };
}

const replace = (rows: number): WorkbookPlan => ({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: findingsContent(rows), activate: true }] });

function text(d: OfficeDouble, sheet: string, row: number, col: number) {
  const c = d.state.sheet(sheet)?.cell(row, col);
  return c ? { v: c.v, t: c.t, f: c.f } : undefined;
}

describe('OfficePort.apply: replaceSheet', () => {
  it('writes title, header, rows, a table over them, formats, links, dropdowns and highlights on ExcelApi 1.20', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('花名册');
    const result = await createOfficePort(d.excel, d.office).apply(replace(3));
    expect(result).toEqual({ written: [{ sheet: FINDINGS, what: 'created', rows: 3 }], degraded: [], undo: 'host' });
    const s = d.state.sheet(FINDINGS)!;
    expect(text(d, FINDINGS, 0, 0)).toEqual({ v: '校验结果', t: 'String', f: undefined });
    expect(text(d, FINDINGS, 1, 0)).toEqual({ v: '生成于 2026-11-29', t: 'String', f: undefined });
    expect(s.cell(2, 5)?.v).toBe('说明');
    expect(s.cell(2, 0)?.bold).toBe(true);
    expect(s.cell(3, 1)).toMatchObject({ v: 'E3', t: 'String', link: "'花名册'!E3" });
    expect(s.cell(3, 1)?.f).toBeUndefined();
    expect(s.cell(5, 5)?.v).toBe('第5行身份证号校验位错误，请核对后重新输入。');
    expect(s.cell(4, 2)?.nf).toBe('@');
    expect(d.state.tables).toEqual([expect.objectContaining({ name: 'FindingsTable', sheet: s, block: { row: 2, col: 0, rows: 4, cols: 6 }, style: 'TableStyleLight9' })]);
    expect(s.conditionalFormats).toEqual([{ block: { row: 3, col: 0, rows: 3, cols: 6 }, formula: '=$E4="error"', fill: '#FDE7E9', font: '#A4262C' }]);
    expect(s.validations).toEqual([{ block: { row: 3, col: 4, rows: 1000, cols: 1 }, rule: { list: { inCellDropDown: true, source: 'error,warning' } } }]);
    expect(s.frozenRows).toBe(3);
    expect(s.columnWidths.get(5)).toBeGreaterThan(s.columnWidths.get(1)!);
    expect(d.state.activeSheet).toBe(s);
    expect(d.stats.runs).toEqual([{ options: { mergeUndoGroup: true, delayForCellEdit: true } }]);
  });

  it('replaces an existing sheet in place: same sheet, old rows and table gone, same table name again', async () => {
    const d = createOfficeDouble({ api: 20 });
    const port = createOfficePort(d.excel, d.office);
    await port.apply(replace(50));
    const before = d.state.sheet(FINDINGS);
    const result = await port.apply(replace(2));
    expect(result.written).toEqual([{ sheet: FINDINGS, what: 'replaced', rows: 2 }]);
    const after = d.state.sheet(FINDINGS)!;
    expect(after).toBe(before); // cleared, never deleted: Worksheet.delete would clear Excel's undo stack
    expect(d.state.sheets).toHaveLength(1);
    expect(after.usedBlock(true)).toEqual({ row: 0, col: 0, rows: 5, cols: 6 });
    expect(after.cell(30, 5)?.v).toBeUndefined();
    expect(d.state.tables.map((t) => [t.name, t.block.rows])).toEqual([['FindingsTable', 3]]);
    expect(after.conditionalFormats).toHaveLength(1);
    expect(after.validations).toHaveLength(1);
  });

  it('unmerges what a person merged on a generated sheet, cuts text past 32,767 characters and says so', async () => {
    const d = createOfficeDouble({ api: 20 });
    const port = createOfficePort(d.excel, d.office);
    await port.apply(replace(2));
    d.state.sheet(FINDINGS)!.merges = [{ row: 3, col: 0, rowCount: 2, colCount: 2 }];
    const long = '很长的说明'.repeat(7000); // 35,000 characters
    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: FINDINGS, content: { ...findingsContent(1), rows: [['花名册', 'E3', 'x', 'y', 'error', long]] } }] });
    expect(result.degraded).toEqual(['office.textTruncated']);
    const s = d.state.sheet(FINDINGS)!;
    expect(s.merges).toEqual([]);
    expect(String(s.cell(3, 5)?.v)).toHaveLength(32_766);
    expect(String(s.cell(3, 5)?.v)).toBe(long.slice(0, 32_766));
  });

  it('refuses a sheet name Excel would refuse, before writing anything', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('花名册');
    const port = createOfficePort(d.excel, d.office);
    for (const name of ['校验结果/2026', 'a'.repeat(32), "'引号", 'History', '']) {
      await expect(port.apply({ ops: [{ kind: 'replaceSheet', sheet: name, content: findingsContent(1) }] })).rejects.toMatchObject({
        key: 'office.badSheetName',
        params: { sheetName: name },
      });
    }
    expect(d.stats.syncs).toEqual([]);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: '校验结果（2026年秋季学期三年级）', content: findingsContent(1) }] });
    expect(d.state.sheets.map((x) => x.name)).toEqual(['花名册', '校验结果（2026年秋季学期三年级）']);
  });

  it('needs the same number of syncs for 10 rows as for 2,000 rows: one look, one write', async () => {
    const counts: number[] = [];
    for (const rows of [10, 2000]) {
      const d = createOfficeDouble({ api: 20 });
      await createOfficePort(d.excel, d.office).apply(replace(rows));
      expect(d.state.sheet(FINDINGS)!.cell(rows + 2, 1)?.v).toBe(`E${rows + 2}`);
      counts.push(d.stats.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  // In wire mode the bytes are Microsoft's client's: every request stays under 5 MB since the port sizes
  // its syncs from the client's measured bytes (batch.ts, OFFICE_COMMAND_BYTES).
  it('writes a 100,000-row sheet with every request under 5 MB, in syncs set by bytes, and reports progress', async () => {
    const d = createOfficeDouble({ api: 20 });
    const progress: [number, number][] = [];
    await createOfficePort(d.excel, d.office).apply(replace(100_000), { onProgress: (p) => progress.push([p.done, p.total]) });
    const s = d.state.sheet(FINDINGS)!;
    expect(s.cell(100_002, 5)?.v).toBe('第100002行身份证号校验位错误，请核对后重新输入。');
    expect(s.cell(100_002, 1)?.link).toBe("'花名册'!E100002");
    expect(d.state.tables[0].block.rows).toBe(100_001);
    const requests = d.stats.syncs.map((x) => x.requestBytes);
    expect(Math.max(...requests)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    const total = requests.reduce((a, b) => a + b, 0);
    // One look, then writes packed by bytes: the count follows the bytes (about 65 MB here as Office.js
    // counts them, 50 MB of it one hyperlink command per row at ≈ 500 bytes), not the rows. Hyperlink
    // commands are budgeted at the common 1,000-byte overhead until they give their own figure
    // (batch.ts OFFICE_COMMAND_BYTES.hyperlink), so their syncs carry about 2 MB.
    expect(d.stats.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / 1_900_000));
    expect(progress.at(-1)).toEqual([d.stats.syncs.length - 1, d.stats.syncs.length - 1]);
  });
});

describe('OfficePort.apply: text stays text', () => {
  const attacks = [
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(1,2)',
    '\t=1',
    '\r=1',
    '=HYPERLINK("http://evil","x")',
    '0123',
    '110101201503120011',
    'TRUE',
    '2015-03-12',
    "'quoted",
    '12%',
  ];

  it.each([1, 20])('writes every attack string as literal text on ExcelApi 1.%i: titles, headers, rows, appended rows, single cells', async (api) => {
    const d = createOfficeDouble({ api });
    d.state.addSheet('谈心记录').put(0, 0, [['日期', '内容']]);
    d.state.addSheet('设置').put(0, 0, [['键', '值']]);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: FINDINGS,
          content: {
            titleLines: [attacks[0]],
            columns: attacks.map((a) => ({ header: a })),
            rows: attacks.map((a) => [a, { text: a, link: { sheet: FINDINGS, row: 0, col: 0 } }]),
          },
        },
        { kind: 'appendRows', sheet: '谈心记录', rows: attacks.map((a) => [a, a]), expectedLastRow: 0 },
        { kind: 'setCells', sheet: '设置', cells: attacks.map((a, i) => ({ row: i + 1, col: 1, value: a })) },
      ],
    });
    const all: { v: unknown; t: unknown; f: unknown }[] = [];
    attacks.forEach((a, i) => {
      const expected = { v: a, t: 'String', f: undefined };
      all.push(text(d, FINDINGS, 1, i)!, text(d, FINDINGS, 2 + i, 0)!, text(d, '谈心记录', 1 + i, 0)!, text(d, '谈心记录', 1 + i, 1)!, text(d, '设置', 1 + i, 1)!);
      for (const got of all.slice(-5)) expect([a, got]).toEqual([a, expected]);
    });
    expect(text(d, FINDINGS, 0, 0)).toEqual({ v: attacks[0], t: 'String', f: undefined });
    // The only formulas are the port's own links on hosts without Range.hyperlink.
    const formulas: string[] = [];
    for (const s of d.state.sheets) for (const line of s.cells.values()) for (const c of line.values()) if (c.f) formulas.push(c.f);
    if (api === 1) {
      expect(formulas).toHaveLength(attacks.length);
      for (const f of formulas) expect(f).toMatch(/^=HYPERLINK\("#'校验结果'!A1","(?:[^"]|"")*"\)$/);
      attacks.forEach((a, i) => expect(d.state.sheet(FINDINGS)!.cell(2 + i, 1)?.v).toBe(a));
    } else expect(formulas).toEqual([]);
  });
});

describe('OfficePort.apply: older Excel', () => {
  it('does less on ExcelApi 1.1 and says what: fills instead of conditional formats, formulas instead of links, no dropdowns, no notes', async () => {
    const d = createOfficeDouble({ api: 1 });
    d.state.addSheet('花名册').put(0, 0, [
      ['姓名', '身份证号'],
      ['张三', "'11010120150312001X"],
    ]);
    const result = await createOfficePort(d.excel, d.office).apply({
      ops: [
        { kind: 'replaceSheet', sheet: FINDINGS, content: findingsContent(4) },
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note: '身份证号校验位错误' }] },
      ],
    });
    expect([...result.degraded].sort()).toEqual(['host.noConditionalFormats', 'host.noDataValidation', 'host.noHyperlinks', 'host.noNotes']);
    const s = d.state.sheet(FINDINGS)!;
    // Rows 2 and 4 of the data are errors: plain fills on exactly those rows.
    expect([3, 4, 5, 6].map((r) => s.cell(r, 0)?.fill)).toEqual([undefined, '#FDE7E9', undefined, '#FDE7E9']);
    expect(s.cell(4, 5)?.font).toBe('#A4262C');
    expect(s.cell(3, 1)).toMatchObject({ v: 'E3', f: '=HYPERLINK("#\'花名册\'!E3","E3")' });
    expect(s.conditionalFormats).toEqual([]);
    expect(s.validations).toEqual([]);
    expect(s.frozenRows).toBe(0);
    expect(d.state.tables).toHaveLength(1); // tables are ExcelApi 1.1
    expect(d.state.sheet('花名册')!.cell(1, 1)?.fill).toBe('#FFC7CE');
    // No undo group below 1.20; waiting out cell edit is asked for everywhere (Office 2019 too).
    expect(d.stats.runs.every((r) => JSON.stringify(r.options) === '{"delayForCellEdit":true}')).toBe(true);
  });
});

describe('OfficePort: every Excel schools have', () => {
  // Office 2016 VL 1.1, 2019 1.7 (1.8 with updates), 2021 1.14, 2024 1.17, Microsoft 365 1.20.
  it.each([
    [1, ['host.noConditionalFormats', 'host.noDataValidation', 'host.noHyperlinks', 'host.noNotes']],
    [4, ['host.noConditionalFormats', 'host.noDataValidation', 'host.noHyperlinks', 'host.noNotes']],
    [6, ['host.noDataValidation', 'host.noHyperlinks', 'host.noNotes']],
    [7, ['host.noDataValidation', 'host.noNotes']],
    [8, ['host.noNotes']],
    [13, ['host.noNotes']],
    [14, ['host.noNotes']],
    [17, ['host.noNotes']],
    [18, []],
    [20, []],
  ])('ExcelApi 1.%i: reads, writes, marks and clears using only what the host has, and names what it lacks', async (api, lacking) => {
    const d = createOfficeDouble({ api });
    d.state.addSheet('花名册').put(0, 0, [
      ['姓名', '身份证号'],
      ['张三', "'11010120150312001X"],
    ]);
    d.state.addSheet('谈心记录').put(0, 0, [['日期', '学生']]);
    const port = createOfficePort(d.excel, d.office);
    const book = await port.read({ sheets: ['花名册'] });
    expect(book.sheets[0].values[1]).toEqual(['张三', '11010120150312001X']);
    const result = await port.apply({
      ops: [
        { kind: 'replaceSheet', sheet: FINDINGS, content: findingsContent(3), activate: true },
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note: '校验位错误' }] },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '张三']], expectedLastRow: 0 },
      ],
    });
    expect([...result.degraded].sort()).toEqual(lacking);
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect(d.state.sheet('花名册')!.cell(1, 1)?.fill).toBeUndefined();
    await port.select({ sheet: FINDINGS, row: 3, col: 1 });
    // One undo group per change from ExcelApi 1.20; the read changes nothing and runs outside any group.
    expect(d.stats.runs.map((r) => r.options?.mergeUndoGroup)).toEqual(api >= 20 ? [undefined, true, true, true] : [undefined, undefined, undefined, undefined]);
  });
});

describe('OfficePort.apply: co-authoring', () => {
  function log(d: OfficeDouble, rows: number) {
    const s = d.state.addSheet('谈心记录');
    s.put(0, 0, [['日期', '学生', '方式']]);
    for (let i = 1; i <= rows; i++) s.put(i, 0, [[46000 + i, `学生${i}`, '谈心']]);
    return s;
  }

  it('appends below the last used row, by range, never through table rows', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = log(d, 4);
    s.ensure(20, 0).fill = '#FFFF00'; // formatting alone does not count as used
    const result = await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '王五', '家访']], expectedLastRow: 4 }] });
    expect(result.written).toEqual([{ sheet: '谈心记录', what: 'appended', rows: 1 }]);
    expect([s.cell(5, 0)?.v, s.cell(5, 1)?.v, s.cell(5, 2)?.v]).toEqual([46010, '王五', '家访']);
    expect(s.cell(4, 1)?.v).toBe('学生4');
  });

  it('stops with office.conflict and writes nothing when a colleague added a row since the check', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = log(d, 4);
    s.put(5, 0, [[46005, '同事刚加的', '家长电话']]);
    const port = createOfficePort(d.excel, d.office);
    const attempt = port.apply({
      ops: [
        { kind: 'replaceSheet', sheet: FINDINGS, content: findingsContent(2) },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '王五', '家访']], expectedLastRow: 4 },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(PortError);
    await expect(attempt).rejects.toMatchObject({ key: 'office.conflict', params: { sheet: '谈心记录' } });
    expect(s.cell(5, 1)?.v).toBe('同事刚加的');
    expect(s.cell(6, 1)).toBeUndefined();
    expect(d.state.sheet(FINDINGS)).toBeUndefined(); // the whole plan stopped before any write
    expect(d.stats.syncs).toHaveLength(1); // the look: list, tables and the log's last row together
    // A handful of commands, as Office.js counts them (≈ 300–750 bytes each; Microsoft's own client in wire
    // mode sends about 1.7 KB here), not the plan's rows.
    expect(d.stats.syncs[0].requestBytes).toBeLessThan(2_500);
  });

  it('puts back what a colleague wrote into the same rows at the same moment, and stops', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = log(d, 4);
    // Between the look (sync 0) and the write (sync 1), a colleague types into row 6 — as text, a
    // number-looking text and a formula, which must all come back exactly.
    d.beforeSync = (i) => {
      if (i === 1) s.put(5, 0, [[46006, "'0123", '=HYPERLINK("#A1","看")']]);
    };
    const attempt = createOfficePort(d.excel, d.office).apply({
      ops: [
        {
          kind: 'appendRows',
          sheet: '谈心记录',
          rows: [
            [46010, '王五', '家访'],
            [46011, '赵六', '谈心'],
          ],
          expectedLastRow: 4,
        },
      ],
    });
    // Nothing else was written before: the workbook is as it was, and the message says so.
    await expect(attempt).rejects.toMatchObject({ key: 'office.conflictRolledBack', params: { sheet: '谈心记录' } });
    expect(s.cell(5, 0)).toMatchObject({ v: 46006, t: 'Double' });
    expect(s.cell(5, 1)).toMatchObject({ v: '0123', t: 'String' });
    expect(s.cell(5, 2)).toMatchObject({ v: '看', f: '=HYPERLINK("#A1","看")' });
    expect(s.cell(6, 1)?.v).toBeUndefined(); // our second row taken back too
    expect(s.usedBlock(true)).toEqual({ row: 0, col: 0, rows: 6, cols: 3 });
  });

  it('appends to an empty sheet from the first row', async () => {
    const d = createOfficeDouble({ api: 1 });
    const s = d.state.addSheet('谈心记录');
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'appendRows', sheet: '谈心记录', rows: [['日期', '学生']], expectedLastRow: -1 }] });
    expect(s.cell(0, 1)?.v).toBe('学生');
  });

  it('creates a missing log from its template and appends to it in the same plan (one extra look for the missing sheet)', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('花名册');
    const result = await createOfficePort(d.excel, d.office).apply({
      ops: [
        { kind: 'createSheetIfMissing', sheet: '谈心记录', content: { columns: [{ header: '日期', format: 'date' }, { header: '学生' }], rows: [] } },
        { kind: 'appendRows', sheet: '谈心记录', rows: [[46010, '王五']], expectedLastRow: 0 },
      ],
    });
    expect(result.written).toEqual([
      { sheet: '谈心记录', what: 'created', rows: 0 },
      { sheet: '谈心记录', what: 'appended', rows: 1 },
    ]);
    const s = d.state.sheet('谈心记录')!;
    expect([s.cell(0, 1)?.v, s.cell(1, 0)?.v, s.cell(1, 1)?.v]).toEqual(['学生', 46010, '王五']);
    expect(d.stats.syncs).toHaveLength(3); // refused look, list, write
  });

  it('leaves a user-kept sheet alone when it exists (createSheetIfMissing)', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = d.state.addSheet('帮扶人员').put(0, 0, [['姓名'], ['李老师']]);
    const result = await createOfficePort(d.excel, d.office).apply({
      ops: [{ kind: 'createSheetIfMissing', sheet: '帮扶人员', content: { columns: [{ header: '姓名' }, { header: '类别' }], rows: [] } }],
    });
    expect(result.written).toEqual([]);
    expect(s.cell(1, 0)?.v).toBe('李老师');
    expect(s.cell(0, 1)).toBeUndefined();
  });
});

describe('OfficePort.apply: marks', () => {
  function teacherSheet(d: OfficeDouble) {
    const s = d.state.addSheet('花名册');
    s.put(0, 0, [
      ['姓名', '身份证号', '电话'],
      ['张三', "'110101201503120019", '1380013800'],
      ['李四', "'110101201503120027", '13800138000'],
    ]);
    s.ensure(1, 1).fill = '#FFFF00'; // the teacher's own highlight
    s.notes.set('1,2', '家长说换了号码'); // the teacher's own note
    return s;
  }
  const marks: WorkbookPlan = {
    ops: [
      {
        kind: 'markCells',
        sheet: '花名册',
        marks: [
          { sheet: '花名册', row: 1, col: 1, fill: '#FFC7CE', note: '身份证号校验位错误' },
          { sheet: '花名册', row: 1, col: 2, fill: '#FFC7CE', note: '电话号码位数不对' },
          { sheet: '花名册', row: 2, col: 1, fill: '#FFC7CE', note: '身份证号校验位错误' },
        ],
      },
    ],
  };

  it('marks bad cells with a fill and a note, and clearing restores every fill and removes only its own notes', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = teacherSheet(d);
    const port = createOfficePort(d.excel, d.office);
    const marked = await port.apply(marks);
    expect(d.stats.syncs).toHaveLength(2); // one look (list, fills, notes), one write
    expect(marked).toEqual({ written: [{ sheet: '花名册', what: 'marked', rows: 2 }], degraded: [], undo: 'host' }); // rows: distinct rows, as the contract counts
    expect([s.cell(1, 1)?.fill, s.cell(1, 2)?.fill, s.cell(2, 1)?.fill]).toEqual(['#FFC7CE', '#FFC7CE', '#FFC7CE']);
    expect(Object.fromEntries(s.notes)).toEqual({ '1,1': '身份证号校验位错误', '1,2': '家长说换了号码', '2,1': '身份证号校验位错误' });
    expect(d.savedSettings.size).toBe(1); // the record is saved in the document, not in memory

    const cleared = await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect(cleared.written).toEqual([{ sheet: '花名册', what: 'unmarked', rows: 2 }]);
    expect([s.cell(1, 1)?.fill, s.cell(1, 2)?.fill, s.cell(2, 1)?.fill]).toEqual(['#FFFF00', undefined, undefined]);
    expect(Object.fromEntries(s.notes)).toEqual({ '1,2': '家长说换了号码' });
    expect([s.cell(1, 1)?.v, s.cell(1, 2)?.v]).toEqual(['110101201503120019', 1380013800]);
  });

  it('keeps what the teacher changed after marking, and the first fill across repeated marking', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = teacherSheet(d);
    const port = createOfficePort(d.excel, d.office);
    await port.apply(marks);
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }, ...marks.ops] }); // check again: clear, mark again
    await port.apply(marks); // marked twice without clearing
    s.ensure(2, 1).fill = '#00B050'; // the teacher recolours one marked cell
    s.notes.set('1,1', '已核实，户口本上就是这个号'); // and rewrites one of our notes
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect([s.cell(1, 1)?.fill, s.cell(1, 2)?.fill, s.cell(2, 1)?.fill]).toEqual(['#FFFF00', undefined, '#00B050']);
    expect(Object.fromEntries(s.notes)).toEqual({ '1,1': '已核实，户口本上就是这个号', '1,2': '家长说换了号码' });
  });

  it('forgets the marks of a sheet that is replaced whole, so clearing later paints nothing onto new content', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet(FINDINGS).put(0, 0, [['旧'], ['x']]);
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [{ kind: 'markCells', sheet: FINDINGS, marks: [{ sheet: FINDINGS, row: 3, col: 0, fill: '#FFC7CE', note: '' }] }] });
    await port.apply(replace(2));
    d.state.sheet(FINDINGS)!.ensure(3, 0).fill = '#FFC7CE'; // the same colour, now the new content's own
    const cleared = await port.apply({ ops: [{ kind: 'clearMarks', sheet: FINDINGS }] });
    expect(cleared.written).toEqual([]);
    expect(d.state.sheet(FINDINGS)!.cell(3, 0)?.fill).toBe('#FFC7CE');
    expect(d.savedSettings.get('liushouCare.marks.v1')).toEqual({});
  });

  it('marks with fills only where notes are missing (ExcelApi 1.17) and still clears exactly', async () => {
    const d = createOfficeDouble({ api: 17 });
    const s = teacherSheet(d);
    const port = createOfficePort(d.excel, d.office);
    expect((await port.apply(marks)).degraded).toEqual(['host.noNotes']);
    expect(s.notes.size).toBe(1);
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect(s.cell(1, 1)?.fill).toBe('#FFFF00');
    expect(s.cell(2, 1)?.fill).toBeUndefined();
  });
});

describe('OfficePort: errors, select, capabilities', () => {
  it("reports a protected sheet in the user's terms", async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet(FINDINGS).protected = true;
    await expect(createOfficePort(d.excel, d.office).apply(replace(3))).rejects.toMatchObject({ key: 'office.protected', params: { code: 'AccessDenied' } });
  });

  it('refuses to start when already cancelled, and a missing sheet is named', async () => {
    const d = createOfficeDouble({ api: 20 });
    const port = createOfficePort(d.excel, d.office);
    const abort = new AbortController();
    abort.abort();
    await expect(port.apply(replace(3), { signal: abort.signal })).rejects.toMatchObject({ key: 'error.cancelled' });
    await expect(port.apply({ ops: [{ kind: 'setCells', sheet: '设置', cells: [{ row: 0, col: 0, value: 'x' }] }] })).rejects.toMatchObject({
      key: 'office.sheetMissing',
      params: { sheet: '设置' },
    });
    expect(d.state.sheets).toHaveLength(0);
  });

  it('selects a cell on its sheet, activating the sheet first', async () => {
    const d = createOfficeDouble({ api: 1 });
    d.state.addSheet('封面');
    const roster = d.state.addSheet('花名册');
    const port = createOfficePort(d.excel, d.office);
    await port.select({ sheet: '花名册', row: 11, col: 4 });
    expect(d.state.activeSheet).toBe(roster);
    expect(d.state.selection).toEqual({ sheet: roster, block: { row: 11, col: 4, rows: 1, cols: 1 } });
    await expect(port.select({ sheet: '不存在', row: 0, col: 0 })).rejects.toMatchObject({ key: 'office.sheetMissing', params: { sheet: '不存在' } });
  });

  it('derives capabilities from the requirement sets', () => {
    const at = (api: number) => createOfficePort(createOfficeDouble({ api }).excel, createOfficeDouble({ api }).office).capabilities();
    expect(at(1)).toEqual({
      host: 'excel',
      excelApi: 1,
      notes: false,
      conditionalFormats: false,
      dataValidation: false,
      hyperlinks: false,
      undoGroup: false,
      insertSheets: false,
      newWorkbook: false,
    });
    expect(at(7)).toMatchObject({ excelApi: 7, conditionalFormats: true, hyperlinks: true, dataValidation: false });
    expect(at(20)).toEqual({
      host: 'excel',
      excelApi: 20,
      notes: true,
      conditionalFormats: true,
      dataValidation: true,
      hyperlinks: true,
      undoGroup: true,
      insertSheets: true,
      newWorkbook: true,
    });
  });
});
