/**
 * What Excel checks before it offers to "repair" a file: each element's children in the order of its
 * schema type's `xsd:sequence`, no child the type does not allow, required children and attributes
 * present. No registry package ships the ECMA-376 schemas (npm and Debian have none), so this module
 * carries the part of them the file port writes, from the transitional schemas Excel reads: ECMA-376
 * Part 4 (Transitional Migration Features), Annex A, and Part 2 (Open Packaging Conventions) for the
 * package parts:
 *   - sml.xsd (SpreadsheetML): CT_Worksheet, CT_SheetViews, CT_SheetView, CT_Cols, CT_SheetData,
 *     CT_Row, CT_Cell, CT_Rst, CT_RElt, CT_ConditionalFormatting, CT_CfRule, CT_DataValidations,
 *     CT_DataValidation, CT_Hyperlinks, CT_PageMargins, CT_SheetPr, CT_PageSetUpPr, CT_PrintOptions,
 *     CT_PageSetup, CT_PageBreak, CT_Break, CT_DefinedNames, CT_DefinedName, CT_TableParts, CT_Workbook, CT_BookViews,
 *     CT_Sheets, CT_Sheet, CT_Stylesheet and its containers, CT_Xf, CT_Dxf, CT_Fill, CT_PatternFill,
 *     CT_Border, CT_Comments, CT_CommentList, CT_Comment, CT_Table, CT_TableColumns, CT_TableColumn
 *   - dml-spreadsheetDrawing.xsd: CT_Drawing, CT_TwoCellAnchor, CT_Marker, CT_GraphicalObjectFrame
 *   - dml-main.xsd: CT_GraphicalObject, CT_Transform2D, CT_Point2D, CT_PositiveSize2D
 *   - dml-chart.xsd: CT_ChartSpace, CT_Chart, CT_Title, CT_PlotArea, CT_BarChart, CT_LineChart,
 *     CT_BarSer, CT_LineSer, CT_CatAx, CT_ValAx, CT_Legend, CT_StrRef, CT_NumRef, CT_StrData, CT_NumData
 *   - opc-contentTypes.xsd and opc-relationships.xsd (Part 2): CT_Types, CT_Relationships
 *   - shared-customXmlDataProperties.xsd: CT_DatastoreItem
 * Only the elements the port writes are described; a child from another namespace (mc:AlternateContent,
 * an extension) is left alone, as Excel's own reader does under markup compatibility. The notes' VML
 * shapes (legacy markup, read leniently) and the add-in's own custom XML record are not checked here.
 */

export const NS = {
  s: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  pr: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ds: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;
type Prefix = keyof typeof NS;

export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  /** Attributes by expanded name: `{namespace}local` when prefixed, the bare local name otherwise. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
}

/**
 * A namespace-aware parse: every prefix in an element or attribute name must be declared on it or an
 * ancestor. Throws with the first problem (malformed markup, undeclared prefix, mismatched end tag).
 */
export function parseXml(text: string): XmlElement {
  const xml = text.replace(/^\uFEFF/, '');
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|</g;
  const stack: { el: XmlElement; qname: string; scope: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    if (m[0] === '<') throw new Error(`stray '<' at ${m.index}`);
    if (!m[2]) continue;
    const qname = m[2];
    if (m[1]) {
      const open = stack.pop();
      if (!open || open.qname !== qname) throw new Error(`</${qname}> closes <${open?.qname ?? 'nothing'}>`);
      continue;
    }
    const parentScope = stack.length ? stack[stack.length - 1].scope : new Map([['xml', NS.xml]]);
    const raw: [string, string][] = [...m[3].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => [a[1], a[2] ?? a[3]]);
    let scope = parentScope;
    for (const [k, v] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    const resolve = (name: string, isAttr: boolean): [string, string] => {
      const i = name.indexOf(':');
      if (i < 0) return [isAttr ? '' : (scope.get('') ?? ''), name];
      const uri = scope.get(name.slice(0, i));
      if (uri === undefined) throw new Error(`prefix "${name.slice(0, i)}" of <${qname}>${isAttr ? ` attribute ${name}` : ''} is declared nowhere in scope`);
      return [uri, name.slice(i + 1)];
    };
    const [ns, name] = resolve(qname, false);
    const attrs = new Map<string, string>();
    for (const [k, v] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const [ans, local] = resolve(k, true);
      const key = ans ? `{${ans}}${local}` : local;
      if (attrs.has(key)) throw new Error(`<${qname}> has attribute ${k} twice`);
      attrs.set(key, v);
    }
    const el: XmlElement = { ns, name, attrs, children: [] };
    if (stack.length) stack[stack.length - 1].el.children.push(el);
    else if (root) throw new Error(`second root element <${qname}>`);
    else root = el;
    if (!m[4]) stack.push({ el, qname, scope });
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].qname}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/**
 * One schema type, as far as the port needs it. `seq`: the child elements in sequence order; a name
 * is in the parent's namespace unless prefixed (`a:off`); `*` after it: it may repeat (maxOccurs > 1);
 * `x|y` at one position: an `xsd:choice` there. `any`: children in any order from the list
 * (an unbounded `xsd:choice`). `must`: children that must be present (minOccurs ≥ 1).
 * `required`: attributes with use="required" (`r:id` for the relationship namespace's).
 */
interface TypeRule {
  readonly seq?: readonly string[];
  readonly any?: readonly string[];
  readonly must?: readonly string[];
  readonly required?: readonly string[];
}

const rst: TypeRule = { seq: ['t', 'r*', 'rPh*', 'phoneticPr'] };
const xf: TypeRule = { seq: ['alignment', 'protection', 'extLst'] };
const unsignedVal: TypeRule = { required: ['val'] };
const noChildren: TypeRule = { seq: [] };

const SML: Record<string, TypeRule> = {
  // CT_Worksheet
  worksheet: {
    seq: [
      'sheetPr',
      'dimension',
      'sheetViews',
      'sheetFormatPr',
      'cols*',
      'sheetData',
      'sheetCalcPr',
      'sheetProtection',
      'protectedRanges',
      'scenarios',
      'autoFilter',
      'sortState',
      'dataConsolidate',
      'customSheetViews',
      'mergeCells',
      'phoneticPr',
      'conditionalFormatting*',
      'dataValidations',
      'hyperlinks',
      'printOptions',
      'pageMargins',
      'pageSetup',
      'headerFooter',
      'rowBreaks',
      'colBreaks',
      'customProperties',
      'cellWatches',
      'ignoredErrors',
      'smartTags',
      'drawing',
      'legacyDrawing',
      'legacyDrawingHF',
      'drawingHF',
      'picture',
      'oleObjects',
      'controls',
      'webPublishItems',
      'tableParts',
      'extLst',
    ],
    must: ['sheetData'],
  },
  dimension: { required: ['ref'] }, // CT_SheetDimension
  sheetViews: { seq: ['sheetView*', 'extLst'], must: ['sheetView'] },
  sheetView: { seq: ['pane', 'selection*', 'pivotSelection*', 'extLst'], required: ['workbookViewId'] },
  pane: noChildren,
  selection: noChildren,
  sheetFormatPr: { seq: [], required: ['defaultRowHeight'] },
  cols: { seq: ['col*'], must: ['col'] },
  col: { seq: [], required: ['min', 'max'] },
  sheetData: { seq: ['row*'] },
  row: { seq: ['c*', 'extLst'] },
  c: { seq: ['f', 'v', 'is', 'extLst'] },
  is: rst,
  r: { seq: ['rPr', 't'], must: ['t'] }, // CT_RElt
  conditionalFormatting: { seq: ['cfRule*', 'extLst'], must: ['cfRule'] },
  cfRule: { seq: ['formula*', 'colorScale', 'dataBar', 'iconSet', 'extLst'], required: ['priority'] },
  dataValidations: { seq: ['dataValidation*'], must: ['dataValidation'] },
  dataValidation: { seq: ['formula1', 'formula2'], required: ['sqref'] },
  hyperlinks: { seq: ['hyperlink*'], must: ['hyperlink'] },
  hyperlink: { seq: [], required: ['ref'] },
  pageMargins: { seq: [], required: ['left', 'right', 'top', 'bottom', 'header', 'footer'] },
  sheetPr: { seq: ['tabColor', 'outlinePr', 'pageSetUpPr'] }, // CT_SheetPr
  pageSetUpPr: noChildren,
  printOptions: noChildren, // CT_PrintOptions
  pageSetup: noChildren, // CT_PageSetup: every attribute optional
  rowBreaks: { seq: ['brk*'] }, // CT_PageBreak
  brk: noChildren, // CT_Break: every attribute optional
  drawing: { seq: [], required: ['r:id'] }, // CT_Drawing (sml)
  legacyDrawing: { seq: [], required: ['r:id'] },
  tableParts: { seq: ['tablePart*'] },
  tablePart: { seq: [], required: ['r:id'] },
  // CT_Workbook
  workbook: {
    seq: [
      'fileVersion',
      'fileSharing',
      'workbookPr',
      'workbookProtection',
      'bookViews',
      'sheets',
      'functionGroups',
      'externalReferences',
      'definedNames',
      'calcPr',
      'oleSize',
      'customWorkbookViews',
      'pivotCaches',
      'smartTagPr',
      'smartTagTypes',
      'webPublishing',
      'fileRecoveryPr*',
      'webPublishObjects',
      'extLst',
    ],
    must: ['sheets'],
  },
  bookViews: { seq: ['workbookView*'], must: ['workbookView'] },
  workbookView: { seq: ['extLst'] },
  sheets: { seq: ['sheet*'], must: ['sheet'] },
  sheet: { seq: [], required: ['name', 'sheetId', 'r:id'] },
  definedNames: { seq: ['definedName*'] }, // CT_DefinedNames
  definedName: { seq: [], required: ['name'] }, // CT_DefinedName: the formula is its text
  // CT_Stylesheet
  styleSheet: { seq: ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] },
  numFmts: { seq: ['numFmt*'] },
  numFmt: { seq: [], required: ['numFmtId', 'formatCode'] },
  fonts: { seq: ['font*'] },
  // CT_Font: an unbounded choice, so any order.
  font: { any: ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'] },
  sz: unsignedVal,
  name: unsignedVal,
  fills: { seq: ['fill*'] },
  fill: { seq: ['patternFill|gradientFill'] },
  patternFill: { seq: ['fgColor', 'bgColor'] },
  borders: { seq: ['border*'] },
  border: { seq: ['start', 'end', 'left', 'right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'] },
  cellStyleXfs: { seq: ['xf*'], must: ['xf'] },
  cellXfs: { seq: ['xf*'], must: ['xf'] },
  xf,
  cellStyles: { seq: ['cellStyle*'], must: ['cellStyle'] },
  cellStyle: { seq: ['extLst'], required: ['xfId'] },
  dxfs: { seq: ['dxf*'] },
  dxf: { seq: ['font', 'numFmt', 'fill', 'alignment', 'protection', 'border', 'extLst'] },
  // CT_Comments
  comments: { seq: ['authors', 'commentList', 'extLst'], must: ['authors', 'commentList'] },
  authors: { seq: ['author*'] },
  commentList: { seq: ['comment*'] },
  comment: { seq: ['text', 'commentPr'], must: ['text'], required: ['ref', 'authorId'] },
  text: rst,
  // CT_Table
  table: { seq: ['autoFilter', 'sortState', 'tableColumns', 'tableStyleInfo', 'extLst'], must: ['tableColumns'], required: ['id', 'ref', 'displayName'] },
  tableColumns: { seq: ['tableColumn*'], must: ['tableColumn'] },
  tableColumn: { seq: ['calculatedColumnFormula', 'totalsRowFormula', 'xmlColumnPr', 'extLst'], required: ['id', 'name'] },
};

const XDR: Record<string, TypeRule> = {
  wsDr: { any: ['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor'] },
  twoCellAnchor: { seq: ['from', 'to', 'sp|grpSp|graphicFrame|cxnSp|pic|contentPart', 'clientData'], must: ['from', 'to', 'clientData'] },
  from: { seq: ['col', 'colOff', 'row', 'rowOff'], must: ['col', 'colOff', 'row', 'rowOff'] },
  to: { seq: ['col', 'colOff', 'row', 'rowOff'], must: ['col', 'colOff', 'row', 'rowOff'] },
  graphicFrame: { seq: ['nvGraphicFramePr', 'xfrm', 'a:graphic'], must: ['nvGraphicFramePr', 'xfrm', 'a:graphic'] },
  nvGraphicFramePr: { seq: ['cNvPr', 'cNvGraphicFramePr'], must: ['cNvPr', 'cNvGraphicFramePr'] },
  cNvPr: { seq: ['a:hlinkClick', 'a:hlinkHover', 'a:extLst'], required: ['id', 'name'] },
  xfrm: { seq: ['a:off', 'a:ext'] },
};

const DML: Record<string, TypeRule> = {
  graphic: { seq: ['graphicData'], must: ['graphicData'] },
  graphicData: { required: ['uri'] },
  // Under <xdr:xfrm> only: an <a:ext> in an extension list is another type (CT_OfficeArtExtension).
  'xfrm/off': { seq: [], required: ['x', 'y'] },
  'xfrm/ext': { seq: [], required: ['cx', 'cy'] },
};

const axisCommon = [
  'axId',
  'scaling',
  'delete',
  'axPos',
  'majorGridlines',
  'minorGridlines',
  'title',
  'numFmt',
  'majorTickMark',
  'minorTickMark',
  'tickLblPos',
  'spPr',
  'txPr',
  'crossAx',
  'crosses|crossesAt',
];
const CHART: Record<string, TypeRule> = {
  chartSpace: {
    seq: [
      'date1904',
      'lang',
      'roundedCorners',
      'style',
      'clrMapOvr',
      'pivotSource',
      'protection',
      'chart',
      'spPr',
      'txPr',
      'externalData',
      'printSettings',
      'userShapes',
      'extLst',
    ],
    must: ['chart'],
  },
  // <c:chart> is CT_Chart inside a chart part, and CT_RelId (a link to the chart part) inside a drawing.
  'chartSpace/chart': {
    seq: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
    must: ['plotArea'],
  },
  'graphicData/chart': { seq: [], required: ['r:id'] },
  title: { seq: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'] },
  tx: { seq: ['strRef|rich|v'] },
  rich: { seq: ['a:bodyPr', 'a:lstStyle', 'a:p*'], must: ['a:bodyPr', 'a:p'] },
  plotArea: {
    seq: [
      'layout',
      'areaChart|area3DChart|lineChart*|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart*|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart',
      'valAx*|catAx*|dateAx|serAx',
      'dTable',
      'spPr',
      'extLst',
    ],
  },
  barChart: { seq: ['barDir', 'grouping', 'varyColors', 'ser*', 'dLbls', 'gapWidth', 'overlap', 'serLines*', 'axId*', 'extLst'], must: ['barDir', 'axId'] },
  lineChart: { seq: ['grouping', 'varyColors', 'ser*', 'dLbls', 'dropLines', 'hiLowLines', 'upDownBars', 'marker', 'smooth', 'axId*', 'extLst'], must: ['grouping', 'axId'] },
  // A series is CT_BarSer in a bar chart and CT_LineSer in a line chart.
  'barChart/ser': {
    seq: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt*', 'dLbls', 'trendline*', 'errBars', 'cat', 'val', 'shape', 'extLst'],
    must: ['idx', 'order'],
  },
  'lineChart/ser': { seq: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt*', 'dLbls', 'trendline*', 'errBars', 'cat', 'val', 'smooth', 'extLst'], must: ['idx', 'order'] },
  catAx: { seq: [...axisCommon, 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'], must: ['axId', 'scaling', 'axPos', 'crossAx'] },
  valAx: { seq: [...axisCommon, 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'], must: ['axId', 'scaling', 'axPos', 'crossAx'] },
  scaling: { seq: ['logBase', 'orientation', 'max', 'min', 'extLst'] },
  legend: { seq: ['legendPos', 'legendEntry*', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'] },
  marker: { seq: ['symbol', 'size', 'spPr', 'extLst'] },
  cat: { seq: ['multiLvlStrRef|numRef|numLit|strRef|strLit'] },
  val: { seq: ['numRef|numLit'] },
  strRef: { seq: ['f', 'strCache', 'extLst'], must: ['f'] },
  numRef: { seq: ['f', 'numCache', 'extLst'], must: ['f'] },
  strCache: { seq: ['ptCount', 'pt*', 'extLst'] },
  numCache: { seq: ['formatCode', 'ptCount', 'pt*', 'extLst'] },
  pt: { seq: ['v'], must: ['v'], required: ['idx'] },
  // Value-holding elements whose `val` is use="required" (CT_UnsignedInt, CT_AxPos, CT_Crosses, CT_MarkerStyle …).
  idx: unsignedVal,
  order: unsignedVal,
  axId: unsignedVal,
  crossAx: unsignedVal,
  ptCount: unsignedVal,
  axPos: unsignedVal,
  crosses: unsignedVal,
  symbol: unsignedVal,
  numFmt: { required: ['formatCode'] },
};

const CT: Record<string, TypeRule> = {
  Types: { any: ['Default', 'Override'] },
  Default: { seq: [], required: ['Extension', 'ContentType'] },
  Override: { seq: [], required: ['ContentType', 'PartName'] },
};
const PR: Record<string, TypeRule> = {
  Relationships: { any: ['Relationship'] },
  Relationship: { seq: [], required: ['Target', 'Type', 'Id'] },
};
// This schema qualifies its attributes (attributeFormDefault="qualified"): ds:itemID, ds:uri.
const DS: Record<string, TypeRule> = {
  datastoreItem: { seq: ['schemaRefs'], required: ['ds:itemID'] },
  schemaRefs: { seq: ['schemaRef*'] },
  schemaRef: { seq: [], required: ['ds:uri'] },
};

const RULES = new Map<string, Record<string, TypeRule>>([
  [NS.s, SML],
  [NS.xdr, XDR],
  [NS.a, DML],
  [NS.c, CHART],
  [NS.ct, CT],
  [NS.pr, PR],
  [NS.ds, DS],
]);

/** Which element names a sequence entry stands for, expanded, and whether it may repeat. */
function entryNames(entry: string, ns: string): { keys: string[]; repeats: boolean } {
  const keys: string[] = [];
  let repeats = false;
  for (let alt of entry.split('|')) {
    if (alt.endsWith('*')) {
      repeats = true;
      alt = alt.slice(0, -1);
    }
    const i = alt.indexOf(':');
    keys.push(i < 0 ? `{${ns}}${alt}` : `{${NS[alt.slice(0, i) as Prefix]}}${alt.slice(i + 1)}`);
  }
  return { keys, repeats };
}

function attrKey(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : `{${NS[name.slice(0, i) as Prefix]}}${name.slice(i + 1)}`;
}

const keyOf = (el: XmlElement) => `{${el.ns}}${el.name}`;
const shown = (el: XmlElement) => el.name;

/** Problems of one element against its rule, then of its children, as `path: message` lines. */
function checkElement(el: XmlElement, parent: XmlElement | null, path: string, out: string[]): void {
  const rules = RULES.get(el.ns);
  const rule = (parent && rules?.[`${parent.name}/${el.name}`]) || rules?.[el.name];
  const here = `${path}/${shown(el)}`;
  if (rule) {
    for (const a of rule.required ?? []) if (!el.attrs.has(attrKey(a))) out.push(`${here}: required attribute ${a} missing`);
    const ownNs = new Set([el.ns]);
    if (rule.seq) {
      const entries = rule.seq.map((e) => entryNames(e, el.ns));
      for (const e of entries) for (const k of e.keys) ownNs.add(k.slice(1, k.indexOf('}')));
      let at = -1;
      let prev: XmlElement | null = null;
      for (const child of el.children) {
        const k = keyOf(child);
        const i = entries.findIndex((e) => e.keys.includes(k));
        if (i < 0) {
          // Markup compatibility and extensions from other namespaces are not the schema's business here.
          if (ownNs.has(child.ns)) out.push(`${here}: <${shown(child)}> is not allowed here`);
          continue;
        }
        if (i < at) out.push(`${here}: <${shown(child)}> comes after <${shown(prev!)}>, but the schema puts it before`);
        else if (i === at && !entries[i].repeats && prev && keyOf(prev) === k) out.push(`${here}: <${shown(child)}> appears more than once`);
        else if (i === at && !entries[i].repeats) out.push(`${here}: <${shown(child)}> and <${shown(prev!)}> are alternatives; only one may appear`);
        at = Math.max(at, i);
        prev = child;
      }
    } else if (rule.any) {
      const allowed = new Set(rule.any.map((n) => `{${el.ns}}${n}`));
      for (const child of el.children) if (child.ns === el.ns && !allowed.has(keyOf(child))) out.push(`${here}: <${shown(child)}> is not allowed here`);
    }
    for (const m of rule.must ?? []) {
      const { keys } = entryNames(m, el.ns);
      if (!el.children.some((c) => keys.includes(keyOf(c)))) out.push(`${here}: required child <${m}> missing`);
    }
  }
  for (const child of el.children) checkElement(child, el, here, out);
}

/**
 * Every schema problem of one XML part: a parse failure (including an undeclared prefix), elements out
 * of their sequence's order, children the type does not allow, required children or attributes missing.
 */
export function schemaProblems(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not namespace-well-formed: ${(e as Error).message}`];
  }
  const out: string[] = [];
  checkElement(root, null, '', out);
  return out;
}

/** Whether a part is one this module checks: XML the schemas above cover (not VML, not custom XML data). */
export function isCheckedPart(path: string): boolean {
  if (/\.vml$/i.test(path)) return false;
  if (/^customXml\/item\d+\.xml$/i.test(path)) return false; // the add-in's own marks record: its own namespace, no ECMA schema
  return /\.(xml|rels)$/i.test(path);
}
