/**
 * Generated fixtures for the writers that cannot run here. Each reproduces, quirk by quirk, how that
 * writer lays out its package, as seen in public workbooks it saved (looked at, never copied): the same
 * roster and teacher's sheet as the producer corpus, written the way that writer writes them.
 * Built at test time from this description, so every quirk is visible here and nothing is a blob.
 */
import { zipSync, type Zippable } from 'fflate';
import { DAYS_1900_TO_1904, toExcelSerial, type IsoDate } from '../../src/core/dates';
import { ROSTER_HEADER, ROSTER_SHEET, rosterRows, TEACHER_HEADER, TEACHER_SHEET, teacherRows } from './roster';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';

export interface Quirks {
  /** Prefix of the main namespace ('' = default namespace), and of the relationships namespace. */
  readonly main: string;
  readonly rel: string;
  /** Where the relationships namespace is declared in workbook.xml: on the root, or on each <sheet>. */
  readonly relOn: 'root' | 'element';
  /** XML declaration and what follows it; null for none. */
  readonly decl: string | null;
  readonly bom: boolean;
  /** Parts written UTF-16LE with a BOM. */
  readonly utf16: readonly string[];
  /** Newlines and indentation between elements. */
  readonly pretty: boolean;
  /** Zip directory entries (xl/, xl/worksheets/ …); stored, uncompressed entries (Excel stores media); backslashes in entry names. */
  readonly dirs: boolean;
  readonly stored: 'none' | 'media' | 'all';
  readonly backslashNames: boolean;
  /** docProps/app.xml as an empty <Properties/> (Numbers); xmlns:r written before xmlns on the workbook root. */
  readonly emptyAppXml: boolean;
  readonly relDeclFirst: boolean;
  /** A picture on the teacher's sheet (drawing, its relationships, a PNG). */
  readonly picture: boolean;
  /** docProps/custom.xml as WPS writes it (KSOProductBuildVer). */
  readonly wpsCustomProps: boolean;
  /** Further namespace declarations on the workbook root (Google Sheets declares a dozen it does not use). */
  readonly workbookRootExtras: string;
  /** Where [Content_Types].xml sits in the zip. */
  readonly order: 'ct-first' | 'ct-last' | 'alpha';
  readonly docProps: 'app+core' | 'core' | 'none';
  readonly date1904: boolean;
  /** Relationship ids as Excel writes them (rId1) or as the Open XML SDK generates them (R + 16 hex). */
  readonly relIds: 'rId' | 'sdk';
  readonly absoluteTargets: boolean;
  /**
   * Excel's markup-compatibility extras: mc:Ignorable, x14ac:dyDescent on rows, xr:uid, and the local
   * namespace declarations Excel 2016+ writes (mc:AlternateContent with x15ac:absPath in the workbook,
   * an extLst <ext xmlns:x14=…> at the end of a worksheet).
   */
  readonly excelExtras: boolean;
  /** A note by the teacher already on the roster (comments part and VML), which the marks must join. */
  readonly teacherNote: boolean;
  /** Space before '/>' (the .NET writers). */
  readonly spaceBeforeSlash: boolean;
  /** Strict OOXML: the namespaces mapped as ECMA-376 Part 1 (strict conformance) names them. */
  readonly strict: boolean;
}

/**
 * Transitional to strict, per ECMA-376 Part 1 (2nd edition on), strict namespaces: SpreadsheetML,
 * officeDocument relationships (namespace and relationship types) and extended properties move under
 * http://purl.oclc.org/ooxml/; the OPC package namespaces (content types, package relationships, core
 * properties) are the same in both. Excel saves strict files with conformance="strict" on <workbook>.
 */
const STRICT_MAP: readonly (readonly [string, string])[] = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes'],
];

function toStrict(path: string, xml: string): string {
  let out = xml;
  for (const [from, to] of STRICT_MAP) out = out.split(from).join(to);
  return path === 'xl/workbook.xml' ? out.replace(/(<(?:\w+:)?workbook\b)/, '$1 conformance="strict"') : out;
}

const PLAIN: Quirks = {
  main: '',
  rel: 'r',
  relOn: 'root',
  decl: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  bom: false,
  utf16: [],
  pretty: false,
  dirs: false,
  stored: 'none',
  backslashNames: false,
  emptyAppXml: false,
  relDeclFirst: false,
  picture: false,
  wpsCustomProps: false,
  workbookRootExtras: '',
  order: 'ct-first',
  docProps: 'app+core',
  date1904: false,
  relIds: 'rId',
  absoluteTargets: false,
  excelExtras: false,
  teacherNote: false,
  spaceBeforeSlash: false,
  strict: false,
};

export interface QuirkFixture {
  readonly file: string;
  /** The writer whose packages this reproduces, and where its quirks were seen. */
  readonly writer: string;
  readonly quirks: Quirks;
}

/**
 * Where each quirk was seen. "calamine" is the test data of the Rust reader tafia/calamine (files saved
 * by the writers named in their docProps or custom properties); the rest from public test code and
 * issue threads that show these writers' parts.
 */
export const QUIRK_FIXTURES: readonly QuirkFixture[] = [
  {
    file: 'excel-365.xlsx',
    writer:
      "Excel 2007–365 for Windows: CRLF after the declaration, mc:Ignorable with x14ac/xr, x14ac:dyDescent on rows, xr:uid, local declarations (mc:AlternateContent, xr:revisionPtr with xr6/xr10, an extLst with x14), a teacher's note (comments + VML), a picture stored uncompressed (calamine picture.xlsx, issue_261_fixed_by_excel.xlsx by Excel Online)",
    quirks: { ...PLAIN, excelExtras: true, teacherNote: true, picture: true, stored: 'media' },
  },
  {
    file: 'excel-mac-1904.xlsx',
    writer: 'Excel for Mac (2011 and files carried over from older Mac versions): workbookPr date1904="1" (calamine date_1904.xlsx)',
    quirks: { ...PLAIN, date1904: true },
  },
  { file: 'excel-mobile-utf16.xlsx', writer: 'Excel Mobile: parts in UTF-16 with a byte-order mark', quirks: { ...PLAIN, utf16: ['xl/workbook.xml', 'xl/worksheets/sheet2.xml'] } },
  {
    file: 'wps.xlsx',
    writer:
      "WPS Spreadsheets (WPS 表格): a directory entry before each folder's parts, CRLF after the declaration, docProps/custom.xml (SheetJS test_files wps/fn.xlsx, wps/image.xlsx)",
    quirks: { ...PLAIN, dirs: true, wpsCustomProps: true },
  },
  {
    file: 'wps-backslash.xlsx',
    writer: 'WPS 表格 11 (KSOProductBuildVer 2052-11.1.0.11220 in docProps/custom.xml), zipped on Windows with backslashes in every entry name (calamine issue_530.xlsx)',
    quirks: { ...PLAIN, backslashNames: true, wpsCustomProps: true, decl: '<?xml version="1.0" encoding="UTF-8"?>\n' },
  },
  {
    file: 'google-sheets.xlsx',
    writer:
      'Google Sheets (File > Download > .xlsx): no docProps at all, [Content_Types].xml last, a bare CR after the declaration, mx/mv/x14/xm declared on the workbook root (calamine temperature.xlsx, no-header.xlsx)',
    quirks: {
      ...PLAIN,
      docProps: 'none',
      order: 'ct-last',
      decl: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r',
      workbookRootExtras:
        ' xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"',
    },
  },
  {
    file: 'numbers.xlsx',
    writer:
      'Apple Numbers (Export To > Excel): _rels/.rels first and [Content_Types].xml last, declarations without standalone and with LF, xmlns:r before xmlns, an empty app.xml (SheetJS test_files Attendance.xlsx, minimal_112.xlsx)',
    quirks: { ...PLAIN, order: 'ct-last', decl: '<?xml version="1.0" encoding="UTF-8"?>\n', emptyAppXml: true, relDeclFirst: true },
  },
  {
    file: 'tencent-docs.xlsx',
    writer: 'Tencent Docs (腾讯文档) export, a Java writer: main namespace as ns2:, relationships as ns:, no XML declaration',
    quirks: { ...PLAIN, main: 'ns2', rel: 'ns', decl: null },
  },
  {
    file: 'java-ns-prefix.xlsx',
    writer:
      'a Java writer (JAXB-style names): the relationships namespace as ns:, declared on each <sheet>, declaration without standalone (calamine nonstandard-xml-ns-prefix.xlsx)',
    quirks: { ...PLAIN, rel: 'ns', relOn: 'element', decl: '<?xml version="1.0" encoding="UTF-8"?>' },
  },
  {
    file: 'open-xml-sdk.xlsx',
    writer:
      'Open XML SDK tools (and ClosedXML): x: prefix, r: declared on each <x:sheet>, R+hex relationship ids, absolute targets, UTF-8 BOM, space before /> (calamine richtext-namespaced.xlsx; public test code building <x:sheet … xmlns:r=…/>)',
    quirks: { ...PLAIN, main: 'x', relOn: 'element', relIds: 'sdk', absoluteTargets: true, bom: true, spaceBeforeSlash: true, decl: '<?xml version="1.0" encoding="utf-8"?>' },
  },
  {
    file: 'spreadsheetgear.xlsx',
    writer:
      'SpreadsheetGear 8.7 (.NET): UTF-8 BOM on every part, directory entries, indented XML, lower-case utf-8, no docProps, [Content_Types].xml last (calamine issue_261.xlsx)',
    quirks: { ...PLAIN, bom: true, dirs: true, pretty: true, docProps: 'none', order: 'ct-last', decl: '<?xml version="1.0" encoding="utf-8"?>\n' },
  },
  {
    file: 'strict.xlsx',
    writer:
      'Strict Open XML (Excel: Save As > Strict Open XML Spreadsheet): purl.oclc.org namespaces, conformance="strict"; mapped from the transitional layout, checked against an Excel strict file (SheetJS test_files sheet_visibility_strict.xlsx)',
    quirks: { ...PLAIN, strict: true },
  },
  {
    file: 'stored-all.xlsx',
    writer: 'synthetic: every entry stored uncompressed (a package re-zipped with zip -0), the extreme of Excel storing its media',
    quirks: { ...PLAIN, stored: 'all' },
  },
];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Value = string | number | { serial: number } | { formula: string; cached: number };

/** Builds one package with the given quirks. */
export function buildQuirkFixture(q: Quirks): Uint8Array {
  const P = q.main ? `${q.main}:` : '';
  const mainDecl = q.main ? `xmlns:${q.main}="${MAIN}"` : `xmlns="${MAIN}"`;
  const relDecl = `xmlns:${q.rel}="${REL}"`;
  const nl = q.pretty ? '\n' : '';
  const ind = (n: number) => (q.pretty ? '  '.repeat(n) : '');
  const close = q.spaceBeforeSlash ? ' />' : '/>';
  const head = q.decl ?? '';
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  let idCounter = 0;
  const relId = () => (q.relIds === 'rId' ? `rId${++idCounter}` : `R${(0x1f3a5c7e9b2d4f60n + BigInt(++idCounter) * 0x9e3779b97f4a7c1n).toString(16).slice(-16)}`);
  const target = (fromDir: string, path: string) =>
    q.absoluteTargets ? `/${path}` : path.startsWith(fromDir) ? path.slice(fromDir.length) : `../${path.split('/').slice(1).join('/')}`;

  function sheetXml(rows: readonly (readonly Value[])[], extra: { legacyRid?: string; drawingRid?: string }): string {
    const root = q.excelExtras
      ? `<${P}worksheet ${mainDecl} ${relDecl} xmlns:mc="${MC}" mc:Ignorable="x14ac xr" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}" xr:uid="{3F2A1B6C-0D4E-4F5A-9B8C-7D6E5F4A3B2C}">`
      : `<${P}worksheet ${mainDecl}${q.relOn === 'root' || extra.legacyRid || extra.drawingRid ? ` ${relDecl}` : ''}>`;
    const lines = rows.map((r, i) => {
      const cells = r.map((v, c) => {
        const ref = `${colName(c)}${i + 1}`;
        if (typeof v === 'string') return `<${P}c r="${ref}" t="s"><${P}v>${sst(v)}</${P}v></${P}c>`;
        if (typeof v === 'number') return `<${P}c r="${ref}"><${P}v>${v}</${P}v></${P}c>`;
        if ('serial' in v) return `<${P}c r="${ref}" s="1"><${P}v>${v.serial}</${P}v></${P}c>`;
        return `<${P}c r="${ref}"><${P}f>${esc(v.formula)}</${P}f><${P}v>${v.cached}</${P}v></${P}c>`;
      });
      return `${ind(2)}<${P}row r="${i + 1}"${q.excelExtras ? ' x14ac:dyDescent="0.25"' : ''}>${cells.join('')}</${P}row>`;
    });
    return (
      `${head}${root}${nl}${ind(1)}<${P}dimension ref="A1:${colName(rows[0].length - 1)}${rows.length}"${close}${nl}` +
      `${ind(1)}<${P}sheetViews>${nl}${ind(2)}<${P}sheetView workbookViewId="0"${close}${nl}${ind(1)}</${P}sheetViews>${nl}` +
      `${ind(1)}<${P}sheetFormatPr defaultRowHeight="15"${q.excelExtras ? ' x14ac:dyDescent="0.25"' : ''}${close}${nl}` +
      `${ind(1)}<${P}sheetData>${nl}${lines.join(nl)}${nl}${ind(1)}</${P}sheetData>${nl}` +
      `${ind(1)}<${P}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"${close}${nl}` +
      (extra.drawingRid ? `${ind(1)}<${P}drawing ${q.rel}:id="${extra.drawingRid}"${close}${nl}` : '') +
      (extra.legacyRid ? `${ind(1)}<${P}legacyDrawing ${q.rel}:id="${extra.legacyRid}"${close}${nl}` : '') +
      (q.excelExtras
        ? `<${P}extLst><${P}ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></${P}ext></${P}extLst>`
        : '') +
      `</${P}worksheet>`
    );
  }

  const roster = rosterRows();
  const scores = teacherRows(roster);
  const teacher: Value[][] = [[...TEACHER_HEADER], ...scores.map((s, i) => [s.name, s.chinese, s.maths, { formula: `B${i + 2}+C${i + 2}`, cached: s.chinese + s.maths }])];
  const rosterValues: Value[][] = [
    [...ROSTER_HEADER],
    ...roster.map((r) => r.map((v, i) => (i === 3 ? { serial: toExcelSerial(v as IsoDate) - (q.date1904 ? DAYS_1900_TO_1904 : 0) } : v))),
  ];

  const parts = new Map<string, string>();
  const wbRels: string[] = [];
  const wbRel = (type: string, path: string) => {
    const id = relId();
    wbRels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target('xl/', path)}"${close}`);
    return id;
  };
  const sheetIds = [wbRel('worksheet', 'xl/worksheets/sheet1.xml'), wbRel('worksheet', 'xl/worksheets/sheet2.xml')];
  wbRel('styles', 'xl/styles.xml');
  wbRel('sharedStrings', 'xl/sharedStrings.xml');
  let legacyRid: string | undefined;
  if (q.teacherNote) {
    legacyRid = relId();
    const commentsRid = relId();
    parts.set(
      'xl/worksheets/_rels/sheet2.xml.rels',
      `${head}<Relationships xmlns="${PKG_REL}"><Relationship Id="${commentsRid}" Type="${REL}/comments" Target="${target('xl/worksheets/', 'xl/comments1.xml')}"${close}<Relationship Id="${legacyRid}" Type="${REL}/vmlDrawing" Target="${target('xl/worksheets/', 'xl/drawings/vmlDrawing1.vml')}"${close}</Relationships>`,
    );
    parts.set(
      'xl/comments1.xml',
      `${head}<${P}comments ${mainDecl}><${P}authors><${P}author>王老师</${P}author></${P}authors><${P}commentList><${P}comment ref="B2" authorId="0"><${P}text><${P}r><${P}t>这个孩子九月转来</${P}t></${P}r></${P}text></${P}comment></${P}commentList></${P}comments>`,
    );
    parts.set(
      'xl/drawings/vmlDrawing1.vml',
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
        ' <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
        '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\r\n  <v:fill color2="#ffffe1"/>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:Anchor>\r\n    2, 15, 0, 2, 4, 15, 4, 16</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>1</x:Row>\r\n   <x:Column>1</x:Column>\r\n  </x:ClientData>\r\n </v:shape></xml>',
    );
  }
  const binary = new Map<string, Uint8Array>();
  let drawingRid: string | undefined;
  if (q.picture) {
    drawingRid = relId();
    const imageRid = relId();
    parts.set(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `${head}<Relationships xmlns="${PKG_REL}"><Relationship Id="${drawingRid}" Type="${REL}/drawing" Target="${target('xl/worksheets/', 'xl/drawings/drawing1.xml')}"${close}</Relationships>`,
    );
    parts.set(
      'xl/drawings/_rels/drawing1.xml.rels',
      `${head}<Relationships xmlns="${PKG_REL}"><Relationship Id="${imageRid}" Type="${REL}/image" Target="${target('xl/drawings/', 'xl/media/image1.png')}"${close}</Relationships>`,
    );
    parts.set(
      'xl/drawings/drawing1.xml',
      `${head}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
        '<xdr:oneCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="${imageRid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    );
    // A 1×1 PNG: signature, IHDR, IDAT, IEND (CRCs included), so LibreOffice loads a real image.
    binary.set('xl/media/image1.png', Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')));
  }
  parts.set('xl/worksheets/sheet1.xml', sheetXml(teacher, { drawingRid }));
  parts.set('xl/worksheets/sheet2.xml', sheetXml(rosterValues, { legacyRid }));
  const sheetEl = (name: string, n: number) =>
    `${ind(2)}<${P}sheet name="${esc(name)}" sheetId="${n + 1}" ${q.rel}:id="${sheetIds[n]}"${q.relOn === 'element' ? ` ${relDecl}` : ''}${close}`;
  parts.set(
    'xl/workbook.xml',
    `${head}<${P}workbook ${q.relDeclFirst && q.relOn === 'root' ? `${relDecl} ${mainDecl}` : `${mainDecl}${q.relOn === 'root' ? ` ${relDecl}` : ''}`}${q.excelExtras ? ` xmlns:mc="${MC}" mc:Ignorable="x15 xr" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${XR}"` : ''}${q.workbookRootExtras}>${nl}` +
      `${ind(1)}<${P}workbookPr${q.date1904 ? ' date1904="1"' : ''}${close}${nl}` +
      (q.excelExtras
        ? '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\学校\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
          `<xr:revisionPtr revIDLastSave="0" documentId="8_{5B1C0E2A-3F4D-4C6B-9A8E-1D2C3B4A5F6E}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"/>`
        : '') +
      `${ind(1)}<${P}bookViews>${nl}${ind(2)}<${P}workbookView activeTab="0"${close}${nl}${ind(1)}</${P}bookViews>${nl}` +
      `${ind(1)}<${P}sheets>${nl}${sheetEl(TEACHER_SHEET, 0)}${nl}${sheetEl(ROSTER_SHEET, 1)}${nl}${ind(1)}</${P}sheets>${nl}` +
      `${ind(1)}<${P}calcPr calcId="191029"${close}${nl}</${P}workbook>`,
  );
  parts.set(
    'xl/styles.xml',
    `${head}<${P}styleSheet ${mainDecl}><${P}numFmts count="1"><${P}numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"${close}</${P}numFmts>` +
      `<${P}fonts count="1"><${P}font><${P}sz val="11"${close}<${P}name val="等线"${close}</${P}font></${P}fonts>` +
      `<${P}fills count="2"><${P}fill><${P}patternFill patternType="none"${close}</${P}fill><${P}fill><${P}patternFill patternType="gray125"${close}</${P}fill></${P}fills>` +
      `<${P}borders count="1"><${P}border><${P}left${close}<${P}right${close}<${P}top${close}<${P}bottom${close}<${P}diagonal${close}</${P}border></${P}borders>` +
      `<${P}cellStyleXfs count="1"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${close}</${P}cellStyleXfs>` +
      `<${P}cellXfs count="2"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"${close}<${P}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${close}</${P}cellXfs>` +
      `<${P}cellStyles count="1"><${P}cellStyle name="Normal" xfId="0" builtinId="0"${close}</${P}cellStyles></${P}styleSheet>`,
  );
  parts.set(
    'xl/sharedStrings.xml',
    `${head}<${P}sst ${mainDecl} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${P}si><${P}t>${esc(s)}</${P}t></${P}si>`).join('')}</${P}sst>`,
  );
  parts.set('xl/_rels/workbook.xml.rels', `${head}<Relationships xmlns="${PKG_REL}">${nl}${wbRels.map((r) => ind(1) + r).join(nl)}${nl}</Relationships>`);
  const rootRels = [`<Relationship Id="${relId()}" Type="${REL}/officeDocument" Target="${q.absoluteTargets ? '/' : ''}xl/workbook.xml"${close}`];
  if (q.docProps !== 'none')
    rootRels.push(`<Relationship Id="${relId()}" Type="${PKG_REL}/metadata/core-properties" Target="${q.absoluteTargets ? '/' : ''}docProps/core.xml"${close}`);
  if (q.docProps === 'app+core') rootRels.push(`<Relationship Id="${relId()}" Type="${REL}/extended-properties" Target="${q.absoluteTargets ? '/' : ''}docProps/app.xml"${close}`);
  if (q.wpsCustomProps) {
    rootRels.push(`<Relationship Id="${relId()}" Type="${REL}/custom-properties" Target="docProps/custom.xml"${close}`);
    parts.set(
      'docProps/custom.xml',
      `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\r\n` +
        '    <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">\r\n        <vt:lpwstr>2052-11.1.0.11220</vt:lpwstr>\r\n    </property>\r\n</Properties>',
    );
  }
  parts.set('_rels/.rels', `${head}<Relationships xmlns="${PKG_REL}">${rootRels.join('')}</Relationships>`);
  if (q.docProps !== 'none')
    parts.set(
      'docProps/core.xml',
      `${head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>王老师</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-09-01T08:00:00Z</dcterms:created></cp:coreProperties>`,
    );
  if (q.docProps === 'app+core') {
    parts.set(
      'docProps/app.xml',
      q.emptyAppXml
        ? `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>\n`
        : `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    );
  }
  const overrides = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['/xl/worksheets/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
    ['/xl/worksheets/sheet2.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
    ...(q.teacherNote ? [['/xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml']] : []),
    ...(q.picture ? [['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml']] : []),
    ...(q.wpsCustomProps ? [['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml']] : []),
    ...(q.docProps !== 'none' ? [['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml']] : []),
    ...(q.docProps === 'app+core' ? [['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml']] : []),
  ];
  parts.set(
    '[Content_Types].xml',
    `${head}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"${close}<Default Extension="xml" ContentType="application/xml"${close}` +
      (q.teacherNote ? `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"${close}` : '') +
      (q.picture ? `<Default Extension="png" ContentType="image/png"${close}` : '') +
      overrides.map(([p, c]) => `<Override PartName="${p}" ContentType="${c}"${close}`).join('') +
      '</Types>',
  );

  let names = [...parts.keys(), ...binary.keys()];
  if (q.order === 'ct-last') names = [...names.filter((n) => n !== '[Content_Types].xml'), '[Content_Types].xml'];
  else if (q.order === 'alpha') names.sort();
  else names = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml')];
  const entries: Zippable = {};
  const seenDirs = new Set<string>();
  const entryName = (n: string) => (q.backslashNames ? n.replace(/\//g, '\\') : n);
  for (const name of names) {
    if (q.dirs) {
      const segs = name.split('/').slice(0, -1);
      for (let i = 1; i <= segs.length; i++) {
        const dir = `${segs.slice(0, i).join('/')}/`;
        if (!seenDirs.has(dir)) {
          seenDirs.add(dir);
          entries[dir] = [new Uint8Array(0), { level: 0 }];
        }
      }
    }
    const media = binary.get(name);
    const level = q.stored === 'all' || (q.stored === 'media' && media) ? 0 : 6;
    if (media) {
      entries[entryName(name)] = [media, { level }];
      continue;
    }
    const text = q.strict ? toStrict(name, parts.get(name)!) : parts.get(name)!;
    entries[entryName(name)] = [encode(text, q.utf16.includes(name) ? 'utf16' : q.bom ? 'bom' : 'plain'), { level }];
  }
  return zipSync(entries, { mtime: new Date(Date.UTC(2025, 8, 1, 8)) });
}

function encode(text: string, how: 'plain' | 'bom' | 'utf16'): Uint8Array {
  if (how === 'utf16') {
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      out[2 + i * 2] = text.charCodeAt(i) & 0xff;
      out[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (how === 'plain') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
