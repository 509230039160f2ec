/**
 * The port's own reader (cellScan.ts) on the cases real files have and generated ones rarely do: rows
 * and cells without `r`, inline and rich strings, phonetic runs, _xHHHH_ escapes and entities, error
 * cells, ISO dates (t="d"), the 1904 date system, shared formulas' cached values, a prefixed namespace,
 * markup odd but legal, a value in XFD1048576, and markup that never closes. Each workbook is written
 * here part by part, as OOXML text.
 */
import { zipSync, strToU8 } from 'fflate';
import { findSheet } from '../../src/core/snapshot';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { keepDeflated, PackageParts, unzipParts } from '../../src/workbook/file/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface Book {
  /** The worksheet's whole XML. */
  readonly sheet: string;
  /** <si> elements of the shared string table. */
  readonly strings?: readonly string[];
  /** <numFmt> and <xf> elements of styles.xml. */
  readonly numFmts?: string;
  readonly xfs?: string;
  readonly date1904?: boolean;
}

function book(b: Book): Uint8Array {
  const overrides = [
    ['/xl/workbook.xml', `${TYPE}.sheet.main+xml`],
    ['/xl/worksheets/sheet1.xml', `${TYPE}.worksheet+xml`],
    ['/xl/sharedStrings.xml', `${TYPE}.sharedStrings+xml`],
    ['/xl/styles.xml', `${TYPE}.styles+xml`],
  ];
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
        .map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${b.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(b.sheet),
    'xl/sharedStrings.xml': strToU8(`<sst xmlns="${MAIN}">${(b.strings ?? []).join('')}</sst>`),
    'xl/styles.xml': strToU8(`<styleSheet xmlns="${MAIN}"><numFmts>${b.numFmts ?? ''}</numFmts><cellXfs><xf numFmtId="0"/>${b.xfs ?? ''}</cellXfs></styleSheet>`),
  });
}

const sheetData = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

async function read(b: Book): Promise<SheetSnapshot> {
  return findSheet(await openXlsx(book(b)).read(), '表')!;
}

describe('the own worksheet reader', () => {
  it('places rows and cells without r after the one before', async () => {
    const s = await read({
      sheet: sheetData(
        '<row><c><v>1</v></c><c><v>2</v></c></row>' + // row 1: A1, B1
          '<row/>' + // row 2, empty
          '<row><c r="C3"><v>3</v></c><c><v>4</v></c></row>' + // C3, then D3
          '<row r="6"><c><v>5</v></c></row>' + // A6
          '<row><c/><c><v>6</v></c></row>', // row 7: B7 after an empty A7
      ),
    });
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values).toEqual([[1, 2], [], [null, null, 3, 4], [], [], [5], [null, 6]]);
  });

  it('reads inline strings, rich text runs, escapes and entities; phonetic runs are not text', async () => {
    const s = await read({
      strings: [
        '<si><t>张三</t><rPh sb="0" eb="2"><t>zhang san</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><r><t>王</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">芳 </t></r><rPh sb="0" eb="1"><t>おう</t></rPh></si>',
        '<si><t>a_x000D_\nb</t></si>',
        '<si><t>_x005F_x0041_ and _x0041_</t></si>',
        '<si><t>&#x4E2D;&#22269;&amp;&lt;&gt;&quot;&apos; &#x1F600;</t></si>',
        '<si/>',
        '<si><t><![CDATA[<b>&amp;</b>]]></t></si>',
      ],
      sheet: sheetData(
        '<row r="1">' +
          [0, 1, 2, 3, 4, 5, 6].map((i) => `<c t="s"><v>${i}</v></c>`).join('') +
          '</row><row r="2"><c t="inlineStr"><is><r><t>李</t></r><r><t>华</t></r></is></c><c t="inlineStr"><is><t>x_x000D_y</t></is></c><c t="str"><f>A1&amp;"!"</f><v>公式&lt;</v></c></row>',
      ),
    });
    expect(s.values).toEqual([
      ['张三', '王芳 ', 'a\r\nb', '_x0041_ and A', '中国&<>"\' 😀', null, '<b>&amp;</b>'],
      ['李华', 'x\ry', '公式<'],
    ]);
  });

  it('reads error cells by their text, booleans, and shared formulas by their cached values', async () => {
    const s = await read({
      sheet: sheetData(
        '<row r="1"><c r="A1" t="e"><f>NA()</f><v>#N/A</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="e"><v>#SPILL!</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c></row>' +
          '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">ROW()*2</f><v>4</v></c></row>' +
          '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>' +
          '<row r="4"><c r="A4"><f t="shared" si="0"/><v>8</v></c></row>' +
          '<row r="5"><c r="A5"><f>1/0</f></c></row>', // a formula never calculated: no value
      ),
    });
    expect(s.values).toEqual([[{ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#SPILL!' }, true, false], [4], [6], [8]]);
  });

  it('reads ISO dates (t="d") as serials, and moves a 1904 workbook\'s dates, not its times or plain numbers, into the 1900 system', async () => {
    const sheet = (v1904: boolean) =>
      sheetData(
        `<row r="1"><c r="A1" t="d" s="1"><v>2024-03-12T00:00:00</v></c><c r="B1" s="1"><v>${v1904 ? 45363 - 1462 : 45363}</v></c><c r="C1" s="2"><v>0.5</v></c><c r="D1"><v>100</v></c><c r="E1" s="3"><v>${v1904 ? 45363 - 1462 : 45363}</v></c></row>`,
      );
    const xfs = '<xf numFmtId="14"/><xf numFmtId="21"/><xf numFmtId="31"/>';
    for (const date1904 of [false, true]) {
      const s = await read({ sheet: sheet(date1904), xfs, date1904 });
      expect([date1904, s.values]).toEqual([date1904, [[45363, 45363, 0.5, 100, 45363]]]);
      expect(s.dateFormats).toEqual({
        date1904,
        columns: {
          0: [{ firstRow: 0, lastRow: 0, kind: 'date' }],
          1: [{ firstRow: 0, lastRow: 0, kind: 'date' }],
          2: [{ firstRow: 0, lastRow: 0, kind: 'time' }],
          4: [{ firstRow: 0, lastRow: 0, kind: 'date' }],
        },
      });
      // Id 31 is not in styles.xml: its zh-CN meaning (2012年11月21日).
      expect(s.numberFormats?.[4]).toEqual([{ firstRow: 0, lastRow: 0, code: 'yyyy"年"m"月"d"日"' }]);
    }
  });

  it('gives numbers the format codes of their cell formats: custom, built-in, none for the localised currency ids', async () => {
    const s = await read({
      numFmts: '<numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/>',
      xfs: '<xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="5"/>',
      sheet: sheetData('<row r="1"><c s="1"><v>98.5</v></c><c s="2"><v>0.25</v></c><c s="3"><v>12</v></c><c s="9"><v>1E+3</v></c><c><v>-0.000123</v></c></row>'),
    });
    expect(s.values).toEqual([[98.5, 0.25, 12, 1000, -0.000123]]);
    expect(s.numberFormats).toEqual({ 0: [{ firstRow: 0, lastRow: 0, code: '0.0"分"' }], 1: [{ firstRow: 0, lastRow: 0, code: '0.00%' }] });
  });

  it('reads any namespace prefix, comments, and a > inside an attribute value', async () => {
    const s = await read({
      strings: ['<si><t>甲</t></si>'],
      sheet:
        `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetData><!-- <c r="Z9"><v>9</v></c> -->` +
        '<x:row r="2" spans="1:2"><x:c r="B2" t="s" note="a>b"><x:v>0</x:v></x:c><x:c r="C2" t=\'n\'><x:v> 7 </x:v></x:c></x:row></x:sheetData>' +
        '<x:mergeCells count="2"><x:mergeCell ref="B2:C3"/><x:mergeCell xr:uid="{1}" ref="E5"/></x:mergeCells></x:worksheet>',
    });
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values).toEqual([['甲', 7]]);
    expect(s.merges).toEqual([
      { row: 1, col: 1, rowCount: 2, colCount: 2 },
      { row: 4, col: 4, rowCount: 1, colCount: 1 },
    ]);
  });

  it('reads a value in XFD1048576 without widening rows: empty rows share one frozen line', async () => {
    const s = await read({
      sheet: sheetData('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row>'),
    });
    expect(s.values).toHaveLength(1_048_576);
    expect(s.values[0]).toEqual([1]);
    expect(s.values[1]).toBe(s.values[500_000]);
    expect(Object.isFrozen(s.values[1])).toBe(true);
    expect(s.values[1_048_575]).toHaveLength(16_384);
    expect(s.values[1_048_575][16_383]).toBe('末');
  });

  it('calls markup that never closes damaged', async () => {
    const wb = openXlsx(book({ sheet: sheetData('<row r="1"><c r="A1"><v>1</v></row>') }));
    await expect(wb.read()).rejects.toEqual(new PortError('file.damaged'));
    const attr = openXlsx(book({ sheet: sheetData('<row r="1"><c r="A1 t="s"><v>1</v></c></row>') }));
    await expect(attr.read()).rejects.toEqual(new PortError('file.damaged'));
  });

  it('holds a large part deflated, as the file had it, once its values are read; an edit inflates it again', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`);
    const bytes = book({ sheet: sheetData(rows.join('')) });
    const parts = unzipParts(bytes);
    const kept = keepDeflated(parts);
    expect(kept).toBeInstanceOf(PackageParts);
    expect((kept as PackageParts).deflatedPart('xl/worksheets/sheet1.xml')?.size).toBe(parts.get('xl/worksheets/sheet1.xml')!.length);
    expect((kept as PackageParts).deflatedPart('xl/workbook.xml')).toBeUndefined(); // small parts stay as they are
    expect(kept.get('xl/worksheets/sheet1.xml')).toEqual(parts.get('xl/worksheets/sheet1.xml'));

    const wb = openXlsx(bytes);
    expect(findSheet(await wb.read(), '表')!.values[999]).toEqual(['第999行', 999]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: '表', cells: [{ row: 0, col: 2, value: '新' }] }] });
    const again = findSheet(await openXlsx(wb.save()).read(), '表')!;
    expect(again.values[0]).toEqual(['第0行', 0, '新']);
    expect(again.values[999]).toEqual(['第999行', 999]);
  });
});
