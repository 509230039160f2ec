/**
 * What the file port writes, looked at in the saved package: the features SheetContent asks for, the
 * styles it adds, injection and XML safety, appends, cell edits and marks on sheets without notes.
 */
import type { SheetContent } from '../../src/core/plan/types';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { packageProblems, partText, sameBytes, styleChildren, unzipParts, xmlProblem } from './ooxml';
import { strToU8, zipSync } from 'fflate';
import { richWorkbook, richWorkbookParts, RICH_SHEETS } from './richWorkbook';
import { seedXlsx } from './seed';

const S = RICH_SHEETS;

/** Path of a sheet's part in a saved package, following the workbook's relationships. */
function sheetPath(parts: Record<string, Uint8Array>, name: string): string {
  const wb = partText(parts, 'xl/workbook.xml');
  const rid = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(partText(parts, 'xl/_rels/workbook.xml.rels'))![1];
  return `xl/${target}`;
}

function cellTag(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}

function styleIndex(cell: string): number {
  return Number(/ s="(\d+)"/.exec(cell)?.[1] ?? 0);
}

const content: SheetContent = {
  titleLines: ['提醒事项'],
  columns: [
    { header: '姓名', width: 10 },
    { header: '姓名' },
    { header: '' },
    { header: '日期', format: 'date', width: 12 },
    { header: '类别', validation: { list: ['谈心', '家访'] } },
    { header: '帮扶人', validation: { sourceSheet: '帮扶人员', sourceCol: 0, firstRow: 1 } },
    { header: '比例', format: 'percent' },
  ],
  rows: [
    ['张小明', 'A', null, 46300, '谈心', '王老师', 0.25],
    ['李华', { text: '→ 花名册', link: { sheet: S.roster, row: 3, col: 1 } }, 'x', 46301, '家访', '李老师', 1],
  ],
  table: { name: '提醒 事项' },
  highlights: [{ col: 4, equals: '家访', fill: '#FFEB9C' }],
  freezeHeader: true,
};

describe('replaceSheet writes what SheetContent asks for', () => {
  let parts: Record<string, Uint8Array>;
  let xml: string;
  let styles: string;

  beforeAll(async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '提醒事项', content }] });
    parts = unzipParts(wb.save());
    xml = partText(parts, sheetPath(parts, '提醒事项'));
    styles = partText(parts, 'xl/styles.xml');
  });

  it('makes a table with valid, unique column names matching the header cells', () => {
    const table = Object.keys(parts).filter((p) => p.startsWith('xl/tables/') && !Object.hasOwn(unzipParts(richWorkbook()), p));
    expect(table).toHaveLength(1);
    const t = partText(parts, table[0]);
    expect(t).toContain('name="提醒_事项"');
    expect(t).toContain('ref="A2:G4"');
    expect(t).toContain('id="2"'); // table1 of the findings sheet already has id 1
    expect([...t.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1])).toEqual(['姓名', '姓名2', 'Column3', '日期', '类别', '帮扶人', '比例']);
    expect(cellTag(xml, 'B2')).toContain('<t>姓名2</t>');
    expect(cellTag(xml, 'C2')).toContain('<t>Column3</t>');
  });

  it('freezes the title and header, sets widths, and links with internal hyperlinks (no formulas)', () => {
    expect(xml).toMatch(/<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"\/>/);
    expect(xml).toContain('<col min="1" max="1" width="10" customWidth="1"/>');
    expect(xml).toContain(`<hyperlink ref="B4" location="&apos;${S.roster}&apos;!B4" display="→ 花名册"/>`);
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("adds dropdowns, from a list and from another sheet's column", () => {
    expect(xml).toContain('sqref="E3:E1003"><formula1>&quot;谈心,家访&quot;</formula1>');
    expect(xml).toContain('sqref="F3:F1003"><formula1>&apos;帮扶人员&apos;!$A$2:$A$1048576</formula1>');
  });

  it('highlights rows with a conditional format whose differential style was appended', () => {
    const m = /<conditionalFormatting sqref="A3:G4"><cfRule type="expression" dxfId="(\d+)" priority="1"><formula>\$E3=&quot;家访&quot;<\/formula>/.exec(xml);
    expect(m).not.toBeNull();
    const dxfs = styleChildren(styles, 'dxfs', 'dxf');
    expect(Number(m![1])).toBe(dxfs.length - 1);
    expect(dxfs[dxfs.length - 1]).toContain('FFFFEB9C');
  });

  it('formats date and percent columns through appended cell styles', () => {
    const xfs = styleChildren(styles, 'cellXfs', 'xf');
    const dateXf = xfs[styleIndex(cellTag(xml, 'D3'))];
    const fmtId = /numFmtId="(\d+)"/.exec(dateXf)![1];
    expect(styles).toContain(`<numFmt numFmtId="${fmtId}" formatCode="yyyy-mm-dd"/>`);
    expect(Number(fmtId)).toBeGreaterThan(176); // after the workbook's own custom format
    // Percent is 0.0% (not a built-in id): a custom format appended like the date's.
    const pctId = /numFmtId="(\d+)"/.exec(xfs[styleIndex(cellTag(xml, 'G3'))])![1];
    expect(styles).toContain(`<numFmt numFmtId="${pctId}" formatCode="0.0%"/>`);
    expect(xfs[styleIndex(cellTag(xml, 'A2'))]).toMatch(/fontId="\d+"/);
  });

  it('is idempotent: the same plan again gives the same bytes, and styles do not grow', async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '提醒事项', content }] });
    const once = unzipParts(wb.save());
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '提醒事项', content }] });
    const twice = unzipParts(wb.save());
    expect(Object.keys(twice).sort()).toEqual(Object.keys(once).sort());
    for (const p of Object.keys(once)) expect([p, sameBytes(once[p], twice[p])]).toEqual([p, true]);
  });

  it('leaves a package that resolves and parses', () => {
    expect(packageProblems(parts)).toEqual([]);
    expect(xmlProblem(xml)).toBeNull();
  });
});

describe('text safety', () => {
  it('strips characters XML forbids, keeps emoji, CR, tabs and literal _xHHHH_ text', async () => {
    const wb = openXlsx(richWorkbook());
    const texts = ['a\u0000b\u0007c\u001F', '😀 全角（１）', 'a\rb', '_x0041_ stays', '\t<b>&amp;</b>"\'', 'half \uD800 surrogate', 'line1\r\nline2'];
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '文本', content: { columns: [{ header: 'v' }], rows: texts.map((s) => [s]) } }] });
    const parts = unzipParts(wb.save());
    const xml = partText(parts, sheetPath(parts, '文本'));
    expect(xmlProblem(xml)).toBeNull();
    // CR is escaped the way Excel writes it, so no XML parser folds it into LF.
    expect(xml).toContain('line1_x000D_\nline2');
    expect(xml).toContain('_x005F_x0041_ stays');
    const book = await openXlsx(wb.save()).read({ sheets: ['文本'] });
    expect(
      findSheet(book, '文本')!
        .values.slice(1)
        .map((r) => r[0]),
    ).toEqual(['abc', '😀 全角（１）', 'a\rb', '_x0041_ stays', '\t<b>&amp;</b>"\'', 'half  surrogate', 'line1\r\nline2']); // CRLF comes back whole, as Excel reads _x000D_ and LF
  });

  it("stores formula-like text as text with Excel's quote prefix, keeping the cell's own style", async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: '攻击',
          content: { columns: [{ header: '姓名', format: 'text' }], rows: [['=HYPERLINK("http://evil.example","点我")'], ['@SUM(A1)'], ['普通文字']] },
        },
        { kind: 'setCells', sheet: S.roster, cells: [{ row: 2, col: 3, value: "=cmd|' /C calc'!A0" }] },
      ],
    });
    const parts = unzipParts(wb.save());
    const styles = partText(parts, 'xl/styles.xml');
    const xfs = styleChildren(styles, 'cellXfs', 'xf');
    const sheet = partText(parts, sheetPath(parts, '攻击'));
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(xfs[styleIndex(cellTag(sheet, 'A2'))]).toMatch(/numFmtId="49".*quotePrefix="1"/);
    expect(xfs[styleIndex(cellTag(sheet, 'A3'))]).toContain('quotePrefix="1"');
    expect(xfs[styleIndex(cellTag(sheet, 'A4'))]).not.toContain('quotePrefix');
    // On the teacher's sheet the quoted style is a copy of the cell's own (border, text format).
    const roster = partText(parts, 'xl/worksheets/sheet1.xml');
    const d3 = cellTag(roster, 'D3');
    expect(d3).toContain('t="inlineStr"');
    expect(xfs[styleIndex(d3)]).toBe('<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" quotePrefix="1"/>');
  });

  it("cuts text at Excel's 32,767 characters and says so", async () => {
    const wb = openXlsx(richWorkbook());
    const result = await wb.apply({ ops: [{ kind: 'setCells', sheet: S.log, cells: [{ row: 5, col: 0, value: '长'.repeat(40000) }] }] });
    expect(result.degraded).toContain('file.textTruncated');
    const v = findSheet(await wb.read(), S.log)!.values[5][0];
    expect(typeof v === 'string' && v.length).toBe(32767);
  });

  it('does not add a dropdown Excel would reject, and says so', async () => {
    const wb = openXlsx(richWorkbook());
    const result = await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: 'x', content: { columns: [{ header: 'a', validation: { list: ['有,逗号', 'b'] } }], rows: [] } }] });
    expect(result.degraded).toEqual(['file.validationTooLong']);
    const parts = unzipParts(wb.save());
    expect(partText(parts, sheetPath(parts, 'x'))).not.toContain('dataValidation');
  });
});

describe('writing into existing sheets', () => {
  it('appendRows styles new cells like the column, and grows a table that ends on the last row', async () => {
    const wb = openXlsx(richWorkbook());
    // The old findings sheet has a table over A1:B2; append under it.
    await wb.apply({
      ops: [
        { kind: 'appendRows', sheet: S.findings, rows: [['新', '新的问题']], expectedLastRow: 1 },
        { kind: 'appendRows', sheet: S.log, rows: [[46300, '赵强']], expectedLastRow: 2 },
      ],
    });
    const parts = unzipParts(wb.save());
    expect(partText(parts, 'xl/tables/table1.xml')).toContain('ref="A1:B3"');
    expect(partText(parts, 'xl/tables/table1.xml')).toContain('<autoFilter ref="A1:B3"/>');
    const log = partText(parts, 'xl/worksheets/sheet5.xml');
    // A plain number under the date cells keeps their look (the border of style 3) but not their date
    // format: style 5 is style 3 with General, so 46300 is not shown as 2026年10月5日.
    expect(cellTag(log, 'A4')).toBe('<c r="A4" s="5"><v>46300</v></c>');
    const xfs = partText(parts, 'xl/styles.xml')
      .split('<cellXfs')[1]
      .match(/<xf\b[^>]*>/g)!;
    expect(xfs[5]).toContain('numFmtId="0"');
    expect(xfs[5]).toContain('borderId="1"');
    expect(log).toContain('<dimension ref="A1:C4"/>');
  });

  it('appendRows into an empty sheet starts at the first row', async () => {
    const wb = openXlsx(seedXlsx({ sheets: [{ name: '空', rows: [] }] }));
    const before = findSheet(await wb.read(), '空')!;
    expect(before.values).toEqual([]);
    await wb.apply({ ops: [{ kind: 'appendRows', sheet: '空', rows: [['第一行']], expectedLastRow: -1 }] });
    expect(findSheet(await wb.read(), '空')!.values).toEqual([['第一行']]);
  });

  it("setCells keeps the cell's style, drops a stale calcChain when it overwrites a formula, and adds links", async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: S.roster,
          cells: [
            { row: 6, col: 5, value: 61 },
            { row: 3, col: 2, value: 41641 },
            { row: 8, col: 0, value: { text: '去数据', link: { sheet: S.data, row: 0, col: 0 } } },
          ],
        },
      ],
    });
    const parts = unzipParts(wb.save());
    const roster = partText(parts, 'xl/worksheets/sheet1.xml');
    expect(cellTag(roster, 'F7')).toBe('<c r="F7"><v>61</v></c>');
    expect(cellTag(roster, 'C4')).toBe('<c r="C4" s="3"><v>41641</v></c>');
    expect(roster).toContain(`<hyperlinks><hyperlink ref="A9" location="&apos;${S.data}&apos;!A1" display="去数据"/></hyperlinks><pageMargins`);
    expect(parts['xl/calcChain.xml']).toBeUndefined();
    expect(partText(parts, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(packageProblems(parts)).toEqual([]);
    expect(xmlProblem(roster)).toBeNull();
  });

  it('activating a sheet makes it the one the file opens on, with no sheets grouped', async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '统计汇总', content: { columns: [{ header: 'a' }], rows: [] }, activate: true }] });
    const parts = unzipParts(wb.save());
    expect(partText(parts, 'xl/workbook.xml')).toContain('activeTab="5"');
    const selected = Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p) && /tabSelected="1"/.test(partText(parts, p)));
    expect(selected).toEqual([sheetPath(parts, '统计汇总')]);
  });
});

describe('marks on a sheet without notes', () => {
  it('creates the notes parts, then clearMarks removes them and restores every cell', async () => {
    const wb = openXlsx(richWorkbook());
    const original = unzipParts(wb.save());
    const result = await wb.apply({
      ops: [
        {
          kind: 'markCells',
          sheet: S.log,
          marks: [
            { sheet: S.log, row: 1, col: 1, note: '="不是公式"', fill: '#FFC7CE' },
            { sheet: S.log, row: 7, col: 4, note: '空白单元格', fill: '#FFC7CE' },
          ],
        },
      ],
    });
    expect(result.degraded).toEqual([]);
    const marked = unzipParts(wb.save());
    expect(packageProblems(marked)).toEqual([]);
    const sheet = partText(marked, 'xl/worksheets/sheet5.xml');
    expect(sheet).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const comments = Object.keys(marked).find((p) => /^xl\/comments\d+\.xml$/.test(p))!;
    expect(partText(marked, comments)).toContain('<t xml:space="preserve">=&quot;不是公式&quot;</t>');
    expect(partText(marked, comments)).toContain('<author>留守儿童关爱助手</author>');
    const vml = Object.keys(marked).find((p) => p.endsWith('.vml') && !original[p])!;
    expect(partText(marked, vml).match(/<v:shape /g)).toHaveLength(2);
    expect(partText(marked, vml)).toContain('<o:idmap v:ext="edit" data="2"/>'); // after the roster's block 1
    const fill = styleChildren(partText(marked, 'xl/styles.xml'), 'cellXfs', 'xf')[styleIndex(cellTag(sheet, 'B2'))];
    expect(fill).toMatch(/fillId="\d+" .*applyFill="1"/);
    expect(Object.keys(marked).some((p) => /^customXml\/item\d+\.xml$/.test(p))).toBe(true);

    await wb.apply({ ops: [{ kind: 'clearMarks', sheet: S.log }] });
    const cleared = unzipParts(wb.save());
    expect(packageProblems(cleared)).toEqual([]);
    expect(Object.keys(cleared).filter((p) => /comments\d+\.xml$|\.vml$/.test(p))).toEqual(['xl/drawings/vmlDrawing1.vml']);
    const after = partText(cleared, 'xl/worksheets/sheet5.xml');
    expect(after).not.toContain('legacyDrawing');
    expect(after).not.toContain('E8');
    expect(cellTag(after, 'B2')).toBe(cellTag(partText(original, 'xl/worksheets/sheet5.xml'), 'B2'));
  });

  it('forgets the marks of a sheet that is replaced whole', async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({
      ops: [
        { kind: 'markCells', sheet: S.findings, marks: [{ sheet: S.findings, row: 1, col: 1, note: '旧', fill: '#FFC7CE' }] },
        { kind: 'markCells', sheet: S.log, marks: [{ sheet: S.log, row: 1, col: 1, note: '留着', fill: '#FFC7CE' }] },
      ],
    });
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: S.findings, content: { columns: [{ header: 'x' }], rows: [['y']] } }] });
    const parts = unzipParts(wb.save());
    const record = partText(
      parts,
      Object.keys(parts).find((p) => /^customXml\/item\d+\.xml$/.test(p))!,
    );
    expect(record).not.toContain(`sheet="${S.findings}"`);
    expect(record).toContain(`sheet="${S.log}"`);
  });

  it('leaves a cell alone on clear when someone restyled it after marking', async () => {
    const wb = openXlsx(richWorkbook());
    await wb.apply({ ops: [{ kind: 'markCells', sheet: S.log, marks: [{ sheet: S.log, row: 2, col: 2, note: '', fill: '#FFC7CE' }] }] });
    // Someone else restyles C3 meanwhile (simulated by editing the saved package).
    const parts = unzipParts(wb.save());
    const xml = partText(parts, 'xl/worksheets/sheet5.xml').replace(/<c r="C3"[^>]*>/, (tag) => tag.replace(/ s="\d+"/, ' s="2"'));
    parts['xl/worksheets/sheet5.xml'] = new TextEncoder().encode(xml);
    const { zipSync } = await import('fflate');
    const reopened = openXlsx(zipSync(parts));
    await reopened.apply({ ops: [{ kind: 'clearMarks', sheet: S.log }] });
    expect(cellTag(partText(unzipParts(reopened.save()), 'xl/worksheets/sheet5.xml'), 'C3')).toContain('s="2"');
  });
});

describe('charts on a generated sheet', () => {
  const summary: SheetContent = {
    titleLines: ['统计汇总'],
    columns: [{ header: '月份' }, { header: '谈心' }, { header: '家访' }],
    rows: [
      ['九月', 12, 3],
      ['十月', 15, 4],
      ['十一月', 9, 2],
      ['合计', 36, 9],
    ],
    table: { name: '汇总' },
    charts: [
      { type: 'column', title: '每月谈心与家访', rows: { first: 0, last: 2 }, categoryCol: 0, valueCols: [1, 2] },
      { type: 'line', title: '谈心趋势', rows: { first: 0, last: 2 }, categoryCol: 0, valueCols: [1] },
      { type: 'line', title: '越界', rows: { first: 0, last: 9 }, categoryCol: 0, valueCols: [1] },
    ],
  };

  it("draws native charts over the sheet's own rows, and a rerun without charts leaves no orphans", async () => {
    const wb = openXlsx(richWorkbook());
    const result = await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '统计汇总', content: summary }] });
    expect(result.degraded).toEqual(['file.chartSkipped']);
    const parts = unzipParts(wb.save());
    expect(packageProblems(parts)).toEqual([]);
    const sheet = partText(parts, sheetPath(parts, '统计汇总'));
    expect(sheet).toMatch(/<pageMargins [^>]*\/><drawing r:id="rId\d+"\/><tableParts /);
    const original = unzipParts(richWorkbook());
    const newCharts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p) && !original[p]);
    expect(newCharts).toHaveLength(2);
    const texts = newCharts.map((p) => partText(parts, p));
    for (const t of texts) expect(xmlProblem(t)).toBeNull();
    const column = texts.find((t) => t.includes('<c:barChart>'))!;
    expect(column).toContain('<a:t>每月谈心与家访</a:t>');
    expect(column).toContain('<c:f>&apos;统计汇总&apos;!$A$3:$A$5</c:f>');
    expect(column).toContain('<c:f>&apos;统计汇总&apos;!$C$3:$C$5</c:f>');
    expect(column).toContain('<c:f>&apos;统计汇总&apos;!$B$2</c:f>');
    expect(column).toContain('<c:pt idx="1"><c:v>15</c:v></c:pt>');
    expect(texts.find((t) => t.includes('<c:lineChart>'))).toContain('<a:t>谈心趋势</a:t>');
    const drawing = Object.keys(parts).find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p) && !original[p])!;
    expect(partText(parts, drawing).match(/<xdr:twoCellAnchor/g)).toHaveLength(2);

    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '统计汇总', content: { ...summary, charts: [] } }] });
    const rerun = unzipParts(wb.save());
    expect(packageProblems(rerun)).toEqual([]);
    expect(
      Object.keys(rerun)
        .filter((p) => /^xl\/(charts|drawings)\//.test(p))
        .sort(),
    ).toEqual(
      Object.keys(original)
        .filter((p) => /^xl\/(charts|drawings)\//.test(p))
        .sort(),
    );
    for (const p of Object.keys(original)) if (/^xl\/(charts|drawings)\//.test(p)) expect([p, sameBytes(original[p], rerun[p])]).toEqual([p, true]);
  });
});

describe('unusual packages', () => {
  it('adds a styles part to a workbook that has none', async () => {
    const parts = richWorkbookParts();
    delete parts['xl/styles.xml'];
    const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']).replace(/<Relationship Id="rId6"[^>]*>/, '');
    parts['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    parts['[Content_Types].xml'] = strToU8(new TextDecoder().decode(parts['[Content_Types].xml']).replace(/<Override PartName="\/xl\/styles.xml"[^>]*>/, ''));
    const wb = openXlsx(zipSync(parts));
    await wb.apply({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: '新表',
          content: { columns: [{ header: '日期', format: 'date' }], rows: [[46000], [{ text: '链接', link: { sheet: S.log, row: 0, col: 0 } }]] },
        },
      ],
    });
    const saved = unzipParts(wb.save());
    expect(packageProblems(saved)).toEqual([]);
    const styles = partText(saved, 'xl/styles.xml');
    expect(xmlProblem(styles)).toBeNull();
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(partText(saved, 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(findSheet(await openXlsx(wb.save()).read(), '新表')!.values).toEqual([['日期'], [46000], ['链接']]);
  });

  it('keeps table names and ids unique against tables stored at other paths', async () => {
    const parts = richWorkbookParts();
    parts['xl/other/tbl.xml'] = strToU8(
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="Findings" displayName="Findings" ref="A1:C3" totalsRowShown="0"><autoFilter ref="A1:C3"/><tableColumns count="3"><tableColumn id="1" name="日期"/><tableColumn id="2" name="学生"/><tableColumn id="3" name="内容"/></tableColumns></table>',
    );
    parts['xl/worksheets/_rels/sheet5.xml.rels'] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../other/tbl.xml"/></Relationships>',
    );
    parts['xl/worksheets/sheet5.xml'] = strToU8(
      new TextDecoder()
        .decode(parts['xl/worksheets/sheet5.xml'])
        .replace(
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
        )
        .replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'),
    );
    parts['[Content_Types].xml'] = strToU8(
      new TextDecoder()
        .decode(parts['[Content_Types].xml'])
        .replace('</Types>', '<Override PartName="/xl/other/tbl.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'),
    );
    const wb = openXlsx(zipSync(parts));
    await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '新表', content: { columns: [{ header: 'a' }], rows: [[1]], table: { name: 'Findings' } } }] });
    const saved = unzipParts(wb.save());
    expect(packageProblems(saved)).toEqual([]);
    const fresh = Object.keys(saved)
      .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
      .map((p) => partText(saved, p))
      .find((t) => t.includes('displayName="Findings_2"'));
    expect(fresh).toContain('id="8"');
  });

  it('remembers the selected cell for the standalone page and refuses a missing sheet', async () => {
    const wb = openXlsx(richWorkbook());
    expect(wb.selected()).toBeNull();
    await wb.select({ sheet: S.roster, row: 3, col: 3 });
    expect(wb.selected()).toEqual({ sheet: S.roster, row: 3, col: 3 });
    await expect(wb.select({ sheet: '没有', row: 0, col: 0 })).rejects.toMatchObject({ key: 'file.noSheet' });
    expect(wb.capabilities()).toEqual({
      host: 'file',
      excelApi: null,
      notes: true,
      conditionalFormats: true,
      dataValidation: true,
      hyperlinks: true,
      undoGroup: false,
      insertSheets: false,
      newWorkbook: false,
    });
  });
});
