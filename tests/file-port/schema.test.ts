/**
 * Excel offers to "repair" a workbook whose parts break the ECMA-376 schema: children out of their
 * sequence's order (a <legacyDrawing> before <drawing>, <hyperlinks> after <pageMargins>, <tableParts>
 * after <extLst>), a child the type does not allow, a required attribute missing. Every part the file
 * port creates or edits, for the richest plans the project has, is checked against the sequences and
 * required attributes of ooxmlSchema.ts. First: the checker itself catches what it is there for.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import '../../src/core/i18n/all';
import { runCli } from '../../src/cli/run';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { markOps } from '../../src/core/roster';
import { planMaintenance } from '../../src/core/workflow';
import { openXlsx } from '../../src/workbook/file';
import { demoWorkbooks, ROOT, TODAY } from '../interop/demo-workbook';
import { sameBytes, unzipParts } from './ooxml';
import { isCheckedPart, parseXml, schemaProblems } from './ooxmlSchema';
import { RICH_SHEETS, richWorkbookParts } from './richWorkbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sheet = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}">${body}</worksheet>`;
const DATA = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const EXT =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst>';

describe('the schema checker', () => {
  it('accepts a worksheet in schema order, with markup from other namespaces beside it', () => {
    expect(
      schemaProblems(
        sheet(`<dimension ref="A1"/>${DATA}${MARGINS}<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>${EXT}`),
      ),
    ).toEqual([]);
  });

  it('names a planted misorder: <legacyDrawing> before <drawing>, <tableParts> after <extLst>, <hyperlinks> after <pageMargins>', () => {
    expect(schemaProblems(sheet(`${DATA}<legacyDrawing r:id="rId2"/><drawing r:id="rId1"/>`))).toEqual([
      '/worksheet: <drawing> comes after <legacyDrawing>, but the schema puts it before',
    ]);
    expect(schemaProblems(sheet(`${DATA}${EXT}<tableParts count="1"><tablePart r:id="rId3"/></tableParts>`))).toEqual([
      '/worksheet: <tableParts> comes after <extLst>, but the schema puts it before',
    ]);
    expect(schemaProblems(sheet(`${DATA}${MARGINS}<hyperlinks><hyperlink ref="A1" location="'a'!A1"/></hyperlinks>`))).toEqual([
      '/worksheet: <hyperlinks> comes after <pageMargins>, but the schema puts it before',
    ]);
  });

  it('names a missing required attribute or child, a repeated single child and an undeclared prefix', () => {
    expect(schemaProblems(sheet(`${DATA}<tableParts count="1"><tablePart/></tableParts>`))).toEqual(['/worksheet/tableParts/tablePart: required attribute r:id missing']);
    expect(schemaProblems(sheet('<dimension ref="A1"/>'))).toEqual(['/worksheet: required child <sheetData> missing']);
    expect(schemaProblems(sheet(`${DATA}${MARGINS}${MARGINS}`))).toEqual(['/worksheet: <pageMargins> appears more than once']);
    expect(schemaProblems(sheet(`${DATA}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3"/>`))).toEqual([
      '/worksheet/pageMargins: required attribute footer missing',
    ]);
    expect(schemaProblems(`<workbook xmlns="${MAIN}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`)[0]).toMatch(
      /^not namespace-well-formed: prefix "r" of <sheet> attribute r:id is declared nowhere/,
    );
  });

  it('reads prefixes as namespaces: the same worksheet under x: passes, a foreign element in the main namespace does not', () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheetData/><x:drawing rel:id="rId1"/><x:legacyDrawing rel:id="rId2"/></x:worksheet>`;
    expect(schemaProblems(prefixed)).toEqual([]);
    expect(parseXml(prefixed).children.map((c) => c.name)).toEqual(['sheetData', 'drawing', 'legacyDrawing']);
    expect(schemaProblems(sheet(`${DATA}<picturee/>`))).toEqual(['/worksheet: <picturee> is not allowed here']);
  });

  it('checks the other part types the port writes: styles, comments, tables, drawings, charts, content types', () => {
    expect(schemaProblems(`<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><numFmts count="1"><numFmt numFmtId="164"/></numFmts></styleSheet>`)).toEqual([
      '/styleSheet: <numFmts> comes after <fonts>, but the schema puts it before',
      '/styleSheet/numFmts/numFmt: required attribute formatCode missing',
    ]);
    expect(schemaProblems(`<comments xmlns="${MAIN}"><commentList><comment ref="A1"><text><t>x</t></text></comment></commentList><authors/></comments>`)).toEqual([
      '/comments: <authors> comes after <commentList>, but the schema puts it before',
      '/comments/commentList/comment: required attribute authorId missing',
    ]);
    expect(schemaProblems(`<table xmlns="${MAIN}" id="1" ref="A1:B2"><tableStyleInfo/><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>`)).toEqual([
      '/table: required attribute displayName missing',
      '/table: <tableColumns> comes after <tableStyleInfo>, but the schema puts it before',
    ]);
    const xdr = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"';
    expect(
      schemaProblems(
        `<xdr:wsDr ${xdr}><xdr:twoCellAnchor><xdr:to><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
      ),
    ).toEqual(['/wsDr/twoCellAnchor: <from> comes after <to>, but the schema puts it before']);
    const c = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
    expect(
      schemaProblems(
        `<c:chartSpace ${c}><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:order val="0"/><c:idx val="0"/></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
      ),
    ).toEqual(['/chartSpace/chart/plotArea/barChart/ser: <idx> comes after <order>, but the schema puts it before']);
    expect(schemaProblems('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml"/></Types>')).toEqual([
      '/Types/Override: required attribute ContentType missing',
    ]);
  });
});

/** Parts of `after` that are new or differ from `before`, and that the schema module covers. */
function writtenParts(before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): string[] {
  return Object.keys(after)
    .filter((p) => isCheckedPart(p) && !sameBytes(before[p], after[p]))
    .sort();
}

function problemsOf(before: Uint8Array | null, after: Uint8Array): { parts: string[]; problems: string[] } {
  const b = before ? unzipParts(before) : {};
  const a = unzipParts(after);
  const parts = writtenParts(b, a);
  const problems = parts.flatMap((p) => schemaProblems(new TextDecoder().decode(a[p])).map((m) => `${p}${m}`));
  return { parts, problems };
}

/**
 * The rich workbook with more for the port to fit around: the chart sheet also carries a table and an
 * extension list (marks must put <legacyDrawing> between <drawing> and <tableParts>), and the log most of
 * a worksheet's optional parts, print settings and an extension list (appended links must put
 * <hyperlinks> between <dataValidations> and <printOptions>, a note's <legacyDrawing> before <extLst>).
 */
function richerWorkbook(): Uint8Array {
  const parts = richWorkbookParts();
  const text = (p: string) => new TextDecoder().decode(parts[p]);
  const set = (p: string, s: string) => void (parts[p] = strToU8(s));
  set(
    'xl/worksheets/sheet2.xml',
    text('xl/worksheets/sheet2.xml').replace(
      '<drawing r:id="rId1"/></worksheet>',
      `<drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts>${EXT}</worksheet>`,
    ),
  );
  set(
    'xl/worksheets/_rels/sheet2.xml.rels',
    text('xl/worksheets/_rels/sheet2.xml.rels').replace('</Relationships>', `<Relationship Id="rId2" Type="${R}/table" Target="../tables/table2.xml"/></Relationships>`),
  );
  set(
    'xl/tables/table2.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="2" name="数据表" displayName="数据表" ref="A1:B4" totalsRowShown="0"><autoFilter ref="A1:B4"/><tableColumns count="2"><tableColumn id="1" name="月份"/><tableColumn id="2" name="谈心次数"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  set(
    '[Content_Types].xml',
    text('[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
    ),
  );
  // The log as a teacher who prints it leaves it: most of CT_Worksheet's optional children, none referring to another part.
  const log = text('xl/worksheets/sheet5.xml')
    .replace('<dimension ', '<sheetPr><tabColor rgb="FF00B050"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ')
    .replace(
      '</sheetData></worksheet>',
      '</sheetData><autoFilter ref="A1:C3"/><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells><phoneticPr fontId="0" type="noConversion"/>' +
        '<conditionalFormatting sqref="C2:C100"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="家访"><formula>NOT(ISERROR(SEARCH("家访",C2)))</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C100"><formula1>"谈心,家访"</formula1></dataValidation></dataValidations>' +
        `<printOptions gridLines="1"/>${MARGINS}<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/><headerFooter><oddHeader>&amp;C谈心记录</oddHeader></headerFooter>` +
        `<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks><ignoredErrors><ignoredError sqref="A2:A3" numberStoredAsText="1"/></ignoredErrors>${EXT}</worksheet>`,
    );
  set('xl/worksheets/sheet5.xml', log);
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) entries[k] = v;
  return zipSync(entries);
}

const S = RICH_SHEETS;

/** Every op kind and every content feature the port writes, over sheets that already hold other things. */
const richPlan: WorkbookPlan = {
  ops: [
    {
      kind: 'replaceSheet',
      sheet: S.findings,
      activate: true,
      content: {
        titleLines: ['校验结果', '第二行标题，很长很长的说明文字，要折行显示在 A 列的宽度之内'],
        columns: [
          { header: '工作表', width: 10, wrap: true },
          { header: '单元格', width: 8 },
          { header: '日期', format: 'date' },
          { header: '严重程度', validation: { list: ['错误', '警告'] } },
          { header: '人数', format: 'integer' },
          { header: '占比', format: 'percent' },
          { header: '上次生成', hidden: true },
        ],
        rows: [
          [S.roster, { text: 'D4', link: { sheet: S.roster, row: 3, col: 3 } }, { date: '2026-11-29' }, '错误', 3, 0.5, 'x'],
          [S.roster, { text: 'C5', link: { sheet: S.roster, row: 4, col: 2 } }, null, '警告', 1, 0.25, 'y'],
          ['合计', '', '', '=不是公式', 4, 0.75, ''],
        ],
        table: { name: '校验结果表' },
        highlights: [
          { col: 3, equals: '错误', fill: '#FFC7CE', font: '#9C0006' },
          { col: 3, equals: '警告', fill: '#FFEB9C' },
        ],
        freezeHeader: true,
        charts: [
          { type: 'column', title: '人数', rows: { first: 0, last: 1 }, categoryCol: 3, valueCols: [4] },
          { type: 'line', title: '占比', rows: { first: 0, last: 1 }, categoryCol: 3, valueCols: [5] },
        ],
        print: {
          paper: 'A4',
          orientation: 'landscape',
          margins: { top: 0.5, bottom: 0.5, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 },
          repeatHeader: true,
          breaksBefore: [2],
          fitToWidth: true,
        },
      },
    },
    {
      kind: 'createSheetIfMissing',
      sheet: '帮扶人员',
      content: {
        titleLines: ['说明'],
        columns: [
          { header: '姓名', width: 10 },
          { header: '类别', validation: { list: ['班主任', '任课教师'] } },
          { header: '班级', validation: { sourceSheet: S.findings, sourceCol: 0, firstRow: 3 } },
        ],
        rows: [],
        freezeHeader: true,
      },
    },
    {
      // As the de-identified copy writes a hidden sheet with merged cells (a class merged down its rows).
      kind: 'replaceSheet',
      sheet: '副本',
      content: {
        titleLines: ['花名册'],
        columns: [{ header: '姓名' }, { header: '班级' }, { header: '备注' }, { header: '' }],
        rows: [
          ['张*', '三(1)班', '双胞胎', null],
          ['张*', null, null, null],
        ],
        merges: [
          { row: 0, part: 'title', col: 0, rowCount: 1, colCount: 4 },
          { row: 0, part: 'header', col: 2, rowCount: 1, colCount: 2 },
          { row: 0, col: 1, rowCount: 2, colCount: 1 },
          { row: 0, col: 2, rowCount: 2, colCount: 2 },
        ],
        visibility: 'hidden',
      },
    },
    { kind: 'appendRows', sheet: S.log, rows: [[{ date: '2026-11-20' }, { text: '花名册 B3', link: { sheet: S.roster, row: 2, col: 1 } }, '家访']], expectedLastRow: 2 },
    {
      kind: 'setCells',
      sheet: S.log,
      cells: [
        { row: 5, col: 4, value: { text: '跳到 D4', link: { sheet: S.roster, row: 3, col: 3 } } },
        { row: 5, col: 5, value: { date: '2026-12-01' } },
      ],
    },
    {
      kind: 'markCells',
      sheet: S.roster,
      marks: [
        { sheet: S.roster, row: 3, col: 3, note: '身份证号只剩 15 位有效数字', fill: '#FFC7CE' },
        { sheet: S.roster, row: 6, col: 7, note: '新单元格上的批注', fill: '#FFEB9C' },
      ],
    },
    { kind: 'markCells', sheet: S.data, marks: [{ sheet: S.data, row: 1, col: 1, note: '图表和表格旁的批注', fill: '#FFEB9C' }] },
    { kind: 'markCells', sheet: S.log, marks: [{ sheet: S.log, row: 1, col: 1, note: '记录表上的批注', fill: '#FFEB9C' }] },
  ],
};

describe('every part the file port writes follows the schema', () => {
  const options = { today: TODAY, lang: 'zh-CN' as const, calendar: createTymeCalendar() };

  it('the rich workbook after every op kind: replaced sheet with table, charts, links, dates, dropdowns; appends and cells with links; notes beside drawings, tables and extensions', async () => {
    const input = richerWorkbook();
    const wb = openXlsx(input);
    await wb.apply(richPlan);
    const saved = wb.save();
    const { parts, problems } = problemsOf(input, saved);
    // The check must have had the port's work in front of it: the parts each feature lands in, and the
    // elements the port inserted among the producer's.
    const after = unzipParts(saved);
    const xml = (p: string) => new TextDecoder().decode(after[p]);
    expect(xml('xl/worksheets/sheet5.xml')).toMatch(/<\/dataValidations><hyperlinks>[\s\S]*<\/hyperlinks><printOptions /);
    expect(xml('xl/worksheets/sheet5.xml')).toMatch(/<legacyDrawing r:id="[^"]+"\/><extLst>/);
    expect(xml('xl/worksheets/sheet2.xml')).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="[^"]+"\/><tableParts /);
    // Printing (issue 16): fit to width in sheetPr, then printOptions, pageMargins, pageSetup, rowBreaks before the drawing.
    const printed = parts.map((p) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(p) ? xml(p) : '')).find((x) => x.includes('<rowBreaks'))!;
    expect(printed).toMatch(/^[^]*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /);
    expect(printed).toMatch(
      /<printOptions horizontalCentered="1"\/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"\/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/><rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"\/><\/rowBreaks><drawing /,
    );
    expect(xml('xl/workbook.xml')).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="3">(?:'|&apos;)校验结果(?:'|&apos;)!\$3:\$3<\/definedName>/);
    expect(parts).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet4.xml',
        'xl/worksheets/sheet5.xml',
        'xl/notes/roster-notes.xml',
        'xl/tables/table1.xml',
      ]),
    );
    expect(parts.some((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toBe(true);
    expect(parts.some((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p) && p !== 'xl/drawings/drawing1.xml')).toBe(true);
    expect(parts.filter((p) => /^xl\/comments\d*\.xml$/.test(p)).length).toBe(2); // new notes parts for 数据 and 谈心记录
    expect(parts.some((p) => /^customXml\/itemProps\d+\.xml$/.test(p))).toBe(true);
    expect(problems).toEqual([]);
  });

  it("the sample roster after the whole upkeep twice, a typed log between, and with the roster check's marks", async () => {
    const demo = await demoWorkbooks();
    const applied = problemsOf(demo.sample, demo.applied);
    expect(applied.parts.length).toBeGreaterThan(15);
    expect(applied.problems).toEqual([]);
    const marked = problemsOf(demo.sample, demo.marked);
    expect(marked.parts).toEqual(expect.arrayContaining(['xl/styles.xml', 'xl/worksheets/sheet1.xml']));
    expect(marked.parts.some((p) => /comments/.test(p))).toBe(true);
    expect(marked.problems).toEqual([]);
  });

  it('each fixture and corpus roster after the upkeep and its marks', async () => {
    const readable = (dir: string, skip: RegExp) =>
      readdirSync(path.join(ROOT, dir))
        .filter((f) => f.endsWith('.xlsx') && !skip.test(f))
        .map((f) => path.join(dir, f));
    // Left out: files with no roster, and the damaged, encrypted and not-a-workbook files the port refuses.
    const files = [...readable('tests/fixtures', /^no-roster/), ...readable('tests/corpus', /^(damaged|empty|encrypted|truncated|zip-not)/)];
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      const input = new Uint8Array(readFileSync(path.join(ROOT, f)));
      const port = openXlsx(input);
      const plan = planMaintenance(await port.read(), options);
      await port.apply(plan.plan);
      await port.apply({ ops: markOps(plan.roster, 'zh-CN') });
      const { parts, problems } = problemsOf(input, port.save());
      expect({ f, written: parts.length > 0, problems }).toEqual({ f, written: true, problems: [] });
    }
  });

  // From the sample as it is: building the sample after two upkeeps first (demoWorkbooks) was a third of
  // this test's CPU, and the copy and the roll-up of that hold the same elements, part for part, as those
  // of the sample (compared 2026-12-06); the upkeep's own parts are checked in the test above. What is
  // left is real work, two commands through runCli (reading, planning both schools of the roll-up,
  // writing) and the check of every part: about 1.2 s CPU when the test runs alone (nothing warmed up
  // before it), and it awaits file I/O, so jest's timer runs while it works: on a 2-core machine shared
  // at load 15-25 that is 4-10 s of wall time, hence its own timeout.
  it('脱敏导出 and the roll-up of schools: new workbooks, every part checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
    const school = path.join(dir, '白水镇中心小学.xlsx');
    writeFileSync(school, readFileSync(path.join(ROOT, 'assets', 'sample-roster.xlsx')));
    const io = { stdout: () => undefined, stderr: () => undefined, today: () => TODAY };
    for (const [argv, out] of [
      [['export', school, '-o', path.join(dir, 'export.xlsx')], 'export.xlsx'],
      [['rollup', school, path.join(ROOT, 'assets', 'sample-roster.xlsx'), '-o', path.join(dir, 'rollup.xlsx'), '--today', TODAY], 'rollup.xlsx'],
    ] as const) {
      expect(await runCli(argv, io)).toBe(0);
      const { parts, problems } = problemsOf(null, new Uint8Array(readFileSync(path.join(dir, out))));
      expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml']));
      expect({ out, problems }).toEqual({ out, problems: [] });
    }
  }, 30_000);
});
