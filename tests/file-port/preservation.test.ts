/**
 * Nothing lost: after the add-in writes its sheets into a workbook written by another tool, every part
 * it does not own is byte-identical, the parts it must edit keep all their original entries, and the
 * package still hangs together. Then SheetJS, independently of the port, reads the new sheets back.
 */
import * as XLSX from '@e965/xlsx';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { packageProblems, partText, sameBytes, styleChildren, unzipParts, xmlProblem } from './ooxml';
import { RICH_SHEETS, richWorkbook } from './richWorkbook';

const S = RICH_SHEETS;

const plan: WorkbookPlan = {
  ops: [
    {
      kind: 'replaceSheet',
      sheet: S.findings,
      content: {
        titleLines: ['校验结果', '生成于 2026-11-29'],
        columns: [
          { header: '工作表', width: 10 },
          { header: '单元格', width: 8 },
          { header: '出生日期', format: 'date' },
          { header: '严重程度', validation: { list: ['错误', '警告'] } },
          { header: '说明', width: 40 },
        ],
        rows: [
          [S.roster, { text: 'D4', link: { sheet: S.roster, row: 3, col: 3 } }, 41640, '错误', '身份证号只剩 15 位有效数字'],
          [S.roster, { text: 'C5', link: { sheet: S.roster, row: 4, col: 2 } }, null, '警告', '=出生日期是错误值'],
        ],
        table: { name: '校验结果表' },
        highlights: [{ col: 3, equals: '错误', fill: '#FFC7CE', font: '#9C0006' }],
        freezeHeader: true,
      },
    },
    {
      kind: 'createSheetIfMissing',
      sheet: '帮扶人员',
      content: {
        columns: [
          { header: '姓名', width: 10 },
          { header: '类别', validation: { list: ['班主任', '任课教师', '党员'] } },
          { header: '电话', format: 'text' },
        ],
        rows: [],
        freezeHeader: true,
      },
    },
    {
      kind: 'replaceSheet',
      sheet: '统计汇总',
      content: {
        columns: [{ header: '项目' }, { header: '人数', format: 'integer' }, { header: '占比', format: 'percent' }],
        rows: [
          ['双亲外出', 2, 0.5],
          ['单亲外出', 2, 0.5],
        ],
      },
    },
    { kind: 'appendRows', sheet: S.log, rows: [[46280, '王芳', '家访']], expectedLastRow: 2 },
    {
      kind: 'markCells',
      sheet: S.roster,
      marks: [
        { sheet: S.roster, row: 3, col: 3, note: '身份证号只剩 15 位有效数字', fill: '#FFC7CE' },
        { sheet: S.roster, row: 4, col: 2, note: '出生日期是错误值', fill: '#FFEB9C' },
        { sheet: S.roster, row: 2, col: 1, note: '已有老师的批注', fill: '#FFEB9C' },
      ],
    },
  ],
};

/** Parts the add-in may rewrite for this plan; everything else must come back byte for byte. */
const OWNED = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml', // marked
  'xl/notes/roster-notes.xml', // the add-in's notes go into the sheet's one notes part
  'xl/drawings/vmlDrawing1.vml',
  'xl/worksheets/sheet4.xml', // the findings sheet, replaced
  'xl/worksheets/_rels/sheet4.xml.rels',
  'xl/tables/table1.xml',
  'xl/worksheets/sheet5.xml', // the log, appended to
]);

function elements(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g')) ?? [];
}

describe('file port keeps everything it does not own', () => {
  const original = unzipParts(richWorkbook());
  let saved: Uint8Array;
  let after: Record<string, Uint8Array>;
  let degraded: readonly string[];

  beforeAll(async () => {
    const wb = openXlsx(richWorkbook());
    const result = await wb.apply(plan);
    degraded = result.degraded;
    saved = wb.save();
    after = unzipParts(saved);
  });

  it('keeps every part it does not own byte-identical', () => {
    const changed = Object.keys(original).filter((p) => !OWNED.has(p) && !sameBytes(original[p], after[p]));
    expect(changed).toEqual([]);
    // The comparison covers the things users notice first.
    for (const p of [
      'xl/charts/chart1.xml',
      'xl/media/image1.png',
      'xl/drawings/drawing1.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/sharedStrings.xml',
      'xl/calcChain.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]) {
      expect([p, sameBytes(original[p], after[p])]).toEqual([p, true]);
    }
  });

  it('leaves a package whose relationships and content types all resolve, and well-formed XML', () => {
    expect(packageProblems(after)).toEqual([]);
    for (const [p, bytes] of Object.entries(after)) {
      if (/\.(xml|rels|vml)$/.test(p)) expect([p, xmlProblem(new TextDecoder().decode(bytes))]).toEqual([p, null]);
    }
  });

  it('keeps every original entry of the workbook part, its relationships and content types', () => {
    const wbBefore = partText(original, 'xl/workbook.xml');
    const wbAfter = partText(after, 'xl/workbook.xml');
    for (const el of [
      ...elements(wbBefore, 'sheet'),
      ...elements(wbBefore, 'definedName'),
      ...elements(wbBefore, 'workbookView'),
      ...elements(wbBefore, 'calcPr'),
      ...elements(wbBefore, 'workbookPr'),
    ])
      expect(wbAfter).toContain(el);
    const names = [...wbAfter.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([S.roster, S.data, S.hidden, S.findings, S.log, '帮扶人员', '统计汇总']);
    const relsBefore = partText(original, 'xl/_rels/workbook.xml.rels');
    const relsAfter = partText(after, 'xl/_rels/workbook.xml.rels');
    for (const el of relsBefore.match(/<Relationship\b[^>]*>/g)!) expect(relsAfter).toContain(el);
    const ctBefore = partText(original, '[Content_Types].xml');
    const ctAfter = partText(after, '[Content_Types].xml');
    for (const el of ctBefore.match(/<(?:Default|Override)\b[^>]*>/g)!) expect(ctAfter).toContain(el);
  });

  it('only appends to styles.xml: every existing style keeps its index and bytes', () => {
    const before = partText(original, 'xl/styles.xml');
    const now = partText(after, 'xl/styles.xml');
    for (const [container, child] of [
      ['numFmts', 'numFmt'],
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['cellStyleXfs', 'xf'],
      ['cellXfs', 'xf'],
      ['cellStyles', 'cellStyle'],
      ['dxfs', 'dxf'],
    ]) {
      const old = styleChildren(before, container, child);
      const next = styleChildren(now, container, child);
      expect([container, next.slice(0, old.length)]).toEqual([container, old]);
      const count = new RegExp(`<${container}\\b[^>]*count="(\\d+)"`).exec(now);
      if (count) expect([container, Number(count[1])]).toEqual([container, next.length]);
    }
    expect(styleChildren(now, 'cellXfs', 'xf').length).toBeGreaterThan(styleChildren(before, 'cellXfs', 'xf').length);
  });

  it("changes only the marked cells of the teacher's sheet", () => {
    const before = partText(original, 'xl/worksheets/sheet1.xml');
    const now = partText(after, 'xl/worksheets/sheet1.xml');
    const rowsBefore = elements(before, 'row');
    const rowsNow = elements(now, 'row');
    expect(rowsNow).toHaveLength(rowsBefore.length);
    // Rows 4 and 5 hold the marked D4 and C5; row 3 holds B3 (marked, note kept). Others are untouched.
    for (const i of [0, 1, 5, 6]) expect(rowsNow[i]).toBe(rowsBefore[i]);
    const cellsBefore = rowsBefore.flatMap((r) => elements(r, 'c'));
    const cellsNow = rowsNow.flatMap((r) => elements(r, 'c'));
    const differing = cellsBefore.map((c, i) => (c === cellsNow[i] ? null : /r="([A-Z]+\d+)"/.exec(c)![1])).filter(Boolean);
    expect(differing.sort()).toEqual(['B3', 'C5', 'D4']);
    // Only the style index changed; values, types and formulas are the same.
    cellsBefore.forEach((c, i) => expect(cellsNow[i].replace(/ s="\d+"/, '')).toBe(c.replace(/ s="\d+"/, '')));
    // Everything outside sheetData is exactly as it was.
    expect(now.replace(/<sheetData>[\s\S]*<\/sheetData>/, '')).toBe(before.replace(/<sheetData>[\s\S]*<\/sheetData>/, ''));
  });

  it("adds its note beside the teacher's notes without touching them, and skips cells that already have one", () => {
    const before = partText(original, 'xl/notes/roster-notes.xml');
    const now = partText(after, 'xl/notes/roster-notes.xml');
    for (const el of elements(before, 'comment')) expect(now).toContain(el);
    for (const el of elements(before, 'author')) expect(now).toContain(el);
    const added = elements(now, 'comment').filter((c) => !before.includes(c));
    expect(added.map((c) => /ref="([^"]+)"/.exec(c)![1])).toEqual(['C5']);
    expect(added[0]).toContain('出生日期是错误值');
    expect(degraded).toContain('file.noteExists');
    const vmlBefore = partText(original, 'xl/drawings/vmlDrawing1.vml');
    const vmlNow = partText(after, 'xl/drawings/vmlDrawing1.vml');
    for (const el of elements(vmlBefore, 'v:shape')) expect(vmlNow).toContain(el);
    expect(elements(vmlNow, 'v:shape')).toHaveLength(elements(vmlBefore, 'v:shape').length + 1);
  });

  it('replaces the old findings table cleanly and appends the log below its rows', () => {
    const table = partText(after, 'xl/tables/table1.xml');
    expect(table).toContain('ref="A3:E5"');
    expect(table).toContain('name="校验结果表"');
    expect(partText(after, 'xl/worksheets/sheet4.xml')).not.toContain('旧的问题');
    const tablesNamed = Object.keys(after).filter((p) => p.startsWith('xl/tables/'));
    expect(tablesNamed).toEqual(['xl/tables/table1.xml']);
    const log = partText(after, 'xl/worksheets/sheet5.xml');
    for (const row of elements(partText(original, 'xl/worksheets/sheet5.xml'), 'row')) expect(log).toContain(row);
  });

  it("reads back with SheetJS: the teacher's values unchanged and the new sheets as planned", () => {
    const before = XLSX.read(richWorkbook(), { type: 'array', cellDates: false });
    const wb = XLSX.read(saved, { type: 'array', cellDates: false });
    for (const name of [S.roster, S.data, S.hidden]) {
      expect([name, XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true })]).toEqual([name, XLSX.utils.sheet_to_json(before.Sheets[name], { header: 1, raw: true })]);
    }
    const findings = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[S.findings], { header: 1, raw: true, defval: null });
    expect(findings).toEqual([
      ['校验结果', null, null, null, null],
      ['生成于 2026-11-29', null, null, null, null],
      ['工作表', '单元格', '出生日期', '严重程度', '说明'],
      [S.roster, 'D4', 41640, '错误', '身份证号只剩 15 位有效数字'],
      [S.roster, 'C5', null, '警告', '=出生日期是错误值'],
    ]);
    expect(wb.Sheets[S.findings]['E5'].f).toBeUndefined();
    expect(XLSX.utils.sheet_to_json(wb.Sheets['统计汇总'], { header: 1, raw: true })).toEqual([
      ['项目', '人数', '占比'],
      ['双亲外出', 2, 0.5],
      ['单亲外出', 2, 0.5],
    ]);
    expect(XLSX.utils.sheet_to_json(wb.Sheets[S.log], { header: 1, raw: true })).toEqual([
      ['日期', '学生', '内容'],
      [46266, '张小明', '谈心'],
      [46273, '李华', '家长电话'],
      [46280, '王芳', '家访'],
    ]);
    expect(wb.Workbook?.Sheets?.find((s) => s.name === S.hidden)?.Hidden).toBe(1);
  });

  it("after clearMarks the teacher's sheet, notes and note drawing are byte-identical to the original", async () => {
    const wb = openXlsx(saved);
    await wb.apply({ ops: [{ kind: 'clearMarks', sheet: S.roster }] });
    const cleared = unzipParts(wb.save());
    for (const p of ['xl/worksheets/sheet1.xml', 'xl/notes/roster-notes.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect([p, sameBytes(original[p], cleared[p])]).toEqual([p, true]);
    }
    expect(packageProblems(cleared)).toEqual([]);
  });
});
