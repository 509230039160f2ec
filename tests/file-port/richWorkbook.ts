/**
 * A workbook holding everything the file port must keep: other sheets, formatting, merged cells,
 * formulas (plain, shared, with a calcChain), data validation, conditional formats, a chart, an image,
 * comments (a threaded comment and legacy notes, the notes part at a non-Excel path), defined names,
 * a hidden sheet, and an earlier run's generated sheet with a table.
 *
 * It is written by hand as OOXML parts and zipped with fflate: a different tool from the port under
 * test, so the comparison is not the port agreeing with itself.
 */
import { zipSync, strToU8 } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

// A 1x1 transparent PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

export const RICH_SHEETS = { roster: '花名册', data: '数据', hidden: '隐藏表', findings: '校验结果', log: '谈心记录' } as const;

export function richWorkbookParts(): Record<string, Uint8Array> {
  const text: Record<string, string> = {
    '[Content_Types].xml':
      HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
      '<Override PartName="/xl/notes/roster-notes.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
      '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      HEAD +
      `<Relationships xmlns="${PKG_R}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<dc:creator>hand-written fixture</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T08:00:00Z</dcterms:created></cp:coreProperties>',
    'docProps/app.xml':
      HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Hand-written OOXML</Application></Properties>',
    'xl/workbook.xml':
      HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${R}">` +
      '<workbookPr defaultThemeVersion="164011"/>' +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      '<sheets>' +
      `<sheet name="${RICH_SHEETS.roster}" sheetId="1" r:id="rId1"/>` +
      `<sheet name="${RICH_SHEETS.data}" sheetId="2" r:id="rId2"/>` +
      `<sheet name="${RICH_SHEETS.hidden}" sheetId="3" state="hidden" r:id="rId3"/>` +
      `<sheet name="${RICH_SHEETS.findings}" sheetId="4" r:id="rId4"/>` +
      `<sheet name="${RICH_SHEETS.log}" sheetId="5" r:id="rId5"/>` +
      '</sheets>' +
      '<definedNames>' +
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'${RICH_SHEETS.roster}'!$A$1:$F$6</definedName>` +
      `<definedName name="学生名单">'${RICH_SHEETS.roster}'!$B$3:$B$6</definedName>` +
      `<definedName name="汇率" localSheetId="1">${RICH_SHEETS.data}!$B$2</definedName>` +
      '</definedNames>' +
      '<calcPr calcId="191029"/>' +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_R}">` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet4.xml"/>` +
      `<Relationship Id="rId5" Type="${R}/worksheet" Target="worksheets/sheet5.xml"/>` +
      `<Relationship Id="rId6" Type="${R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId7" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId8" Type="${R}/calcChain" Target="calcChain.xml"/>` +
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>' +
      '</Relationships>',
    'xl/styles.xml':
      HEAD +
      `<styleSheet xmlns="${MAIN}">` +
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>' +
      '<font><b/><sz val="16"/><color rgb="FFC00000"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
      '<cellXfs count="5">' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
      '<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
      '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
      '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>',
    'xl/sharedStrings.xml':
      HEAD +
      `<sst xmlns="${MAIN}" count="13" uniqueCount="13">` +
      '<si><t>三年级留守儿童花名册</t></si><si><t>序号</t></si><si><t>姓名</t></si><si><t>出生日期</t></si><si><t>身份证号</t></si><si><t>父母情况</t></si>' +
      '<si><t>张小明</t></si><si><t>李华</t></si><si><t>王芳</t></si><si><t>双亲外出</t></si>' +
      '<si><r><rPr><b/><sz val="11"/></rPr><t>赵</t></r><r><t>强</t></r></si><si><t>合计</t></si><si><t xml:space="preserve"> 单亲外出 </t></si>' +
      '</sst>',
    // The roster: a merged title, a bordered header, styles, a date format, formulas, validation, a
    // conditional format, an error value, notes (legacy and threaded).
    'xl/worksheets/sheet1.xml':
      HEAD +
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
      '<dimension ref="A1:F7"/>' +
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>' +
      '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/><col min="3" max="3" width="16" style="3" customWidth="1"/><col min="4" max="4" width="22" style="4" customWidth="1"/></cols>' +
      '<sheetData>\r\n' +
      '<row r="1" spans="1:6" ht="24" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/><c r="E1" s="1"/><c r="F1" s="1"/></row>\r\n' +
      '<row r="2" spans="1:6"><c r="A2" s="2" t="s"><v>1</v></c><c r="B2" s="2" t="s"><v>2</v></c><c r="C2" s="2" t="s"><v>3</v></c><c r="D2" s="2" t="s"><v>4</v></c><c r="E2" s="2" t="s"><v>5</v></c><c r="F2" s="2"/></row>\r\n' +
      '<row r="3" spans="1:6"><c r="A3"><v>1</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" s="3"><v>42075</v></c><c r="D3" s="4" t="s"><v>9</v></c><c r="E3" t="s"><v>9</v></c><c r="F3"><f>A3*10</f><v>10</v></c></row>\r\n' +
      '<row r="4" spans="1:6"><c r="A4"><v>2</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" s="3"><v>41640</v></c><c r="D4" s="4"><v>110101201501012000</v></c><c r="E4" t="s"><v>12</v></c><c r="F4"><f t="shared" ref="F4:F5" si="0">A4*10</f><v>20</v></c></row>\r\n' +
      '<row r="5" spans="1:6"><c r="A5"><v>3</v></c><c r="B5" t="s"><v>8</v></c><c r="C5" s="3" t="e"><v>#N/A</v></c><c r="D5" s="4" t="inlineStr"><is><t>11010120150101201X</t></is></c><c r="E5" t="b"><v>1</v></c><c r="F5"><f t="shared" si="0"/><v>30</v></c></row>\r\n' +
      '<row r="6" spans="1:6"><c r="A6"><v>4</v></c><c r="B6" t="s"><v>10</v></c><c r="C6" s="3" t="str"><f>IFERROR(1/0,"无")</f><v>无</v></c></row>\r\n' +
      '<row r="7" spans="1:6"><c r="A7" t="s"><v>11</v></c><c r="F7"><f>SUM(F3:F5)</f><v>60</v></c></row>\r\n' +
      '</sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' +
      '<conditionalFormatting sqref="E3:E6"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="双亲"><formula>NOT(ISERROR(SEARCH("双亲",E3)))</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E3:E100"><formula1>"双亲外出,单亲外出,其他"</formula1></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<legacyDrawing r:id="rId2"/>' +
      '</worksheet>',
    'xl/worksheets/_rels/sheet1.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_R}">` +
      `<Relationship Id="rId1" Type="${R}/comments" Target="../notes/roster-notes.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
      '</Relationships>',
    // Notes at a path Excel never uses (exceljs throws on this); one legacy note, one threaded-comment placeholder.
    'xl/notes/roster-notes.xml':
      HEAD +
      `<comments xmlns="${MAIN}"><authors><author>班主任</author><author>tc={6A2B1C3D-0000-4000-8000-000000000001}</author></authors><commentList>` +
      '<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>班主任:</t></r><r><t xml:space="preserve">\n爷爷奶奶照顾</t></r></text></comment>' +
      '<comment ref="D4" authorId="1" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    身份证号是数字格式，后三位丢了</t></text></comment>' +
      '</commentList></comments>',
    'xl/threadedComments/threadedComment1.xml':
      HEAD +
      '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<threadedComment ref="D4" dT="2026-09-01T08:00:00.00" personId="{7B3C2D4E-0000-4000-8000-000000000002}" id="{6A2B1C3D-0000-4000-8000-000000000001}"><text>身份证号是数字格式，后三位丢了</text></threadedComment>' +
      '</ThreadedComments>',
    'xl/persons/person.xml':
      HEAD +
      '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<person displayName="教务处" id="{7B3C2D4E-0000-4000-8000-000000000002}" userId="teacher@example.org" providerId="None"/></personList>',
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
      ' <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:120pt;margin-top:30pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 1, 10, 4, 15, 5, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>' +
      '<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:40pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>4, 15, 2, 10, 6, 15, 6, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>3</x:Row><x:Column>3</x:Column></x:ClientData></v:shape>' +
      '</xml>\r\n',
    // A data sheet with a chart and a picture on one drawing.
    'xl/worksheets/sheet2.xml':
      HEAD +
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>月份</t></is></c><c r="B1" t="inlineStr"><is><t>谈心次数</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>九月</t></is></c><c r="B2"><v>12</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>十月</t></is></c><c r="B3"><v>15.5</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4"><f>SUM(B2:B3)</f><v>27.5</v></c></row></sheetData>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>',
    'xl/worksheets/_rels/sheet2.xml.rels': HEAD + `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml':
      HEAD +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="校徽"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>' +
      '</xdr:wsDr>',
    'xl/drawings/_rels/drawing1.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${R}/image" Target="../media/image1.png"/></Relationships>`,
    'xl/charts/chart1.xml':
      HEAD +
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
      '<c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${RICH_SHEETS.data}!$B$1</c:f></c:strRef></c:tx>` +
      `<c:cat><c:strRef><c:f>${RICH_SHEETS.data}!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${RICH_SHEETS.data}!$B$2:$B$3</c:f></c:numRef></c:val></c:ser>` +
      '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
      '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>',
    'xl/worksheets/sheet3.xml':
      HEAD + `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>隐藏的备份</t></is></c></row></sheetData></worksheet>`,
    // An earlier run's findings sheet with its table: replacing it must drop the old table cleanly.
    'xl/worksheets/sheet4.xml':
      HEAD +
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B2"/><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>工作表</t></is></c><c r="B1" t="inlineStr"><is><t>问题</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>旧</t></is></c><c r="B2" t="inlineStr"><is><t>旧的问题</t></is></c></row>' +
      '</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    'xl/worksheets/_rels/sheet4.xml.rels': HEAD + `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/></Relationships>`,
    'xl/tables/table1.xml':
      HEAD +
      `<table xmlns="${MAIN}" id="1" name="校验结果表" displayName="校验结果表" ref="A1:B2" totalsRowShown="0"><autoFilter ref="A1:B2"/>` +
      '<tableColumns count="2"><tableColumn id="1" name="工作表"/><tableColumn id="2" name="问题"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    // The talk log: a header and two rows; appends go below.
    'xl/worksheets/sheet5.xml':
      HEAD +
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="12" style="3" customWidth="1"/></cols><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>学生</t></is></c><c r="C1" t="inlineStr"><is><t>内容</t></is></c></row>' +
      '<row r="2"><c r="A2" s="3"><v>46266</v></c><c r="B2" t="inlineStr"><is><t>张小明</t></is></c><c r="C2" t="inlineStr"><is><t>谈心</t></is></c></row>' +
      '<row r="3"><c r="A3" s="3"><v>46273</v></c><c r="B3" t="inlineStr"><is><t>李华</t></is></c><c r="C3" t="inlineStr"><is><t>家长电话</t></is></c></row>' +
      '</sheetData></worksheet>',
    'xl/calcChain.xml': HEAD + `<calcChain xmlns="${MAIN}"><c r="F3" i="1"/><c r="F4"/><c r="F5"/><c r="C6"/><c r="F7"/><c r="B4" i="2"/></calcChain>`,
  };
  const parts: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(text)) parts[k] = strToU8(v);
  parts['xl/media/image1.png'] = PNG;
  return parts;
}

export function richWorkbook(): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 9 }]> = {};
  for (const [k, v] of Object.entries(richWorkbookParts())) entries[k] = [v, { level: 9 }];
  return zipSync(entries);
}
