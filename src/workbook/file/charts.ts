import { columnLetter, type CellValue } from '../../core/cells';
import { isLinkCell, type PlanCell, type PlanChart, type SheetContent } from '../../core/plan/types';
import { Pkg, REL } from './pkg';
import { FORMAT_CODE } from '../../core/plan/formats';
import { layoutOf } from './sheetWriter';
import { esc, quoteSheet } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CHART_ROWS = 16;
const CHART_COLS = 8;

function shown(c: PlanCell | undefined): CellValue {
  if (c === undefined) return null;
  return isLinkCell(c) ? c.text : (c as CellValue);
}

/** A chart's rows and columns all lie inside the content. */
export function chartFits(content: SheetContent, chart: PlanChart): boolean {
  const { first, last } = chart.rows;
  const width = content.columns.length;
  return (
    Number.isInteger(first) &&
    Number.isInteger(last) &&
    first >= 0 &&
    last >= first &&
    last < content.rows.length &&
    chart.valueCols.length > 0 &&
    [chart.categoryCol, ...chart.valueCols].every((c) => Number.isInteger(c) && c >= 0 && c < width)
  );
}

function strCache(values: readonly CellValue[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${esc(String(typeof v === 'object' ? v.error : v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

/**
 * A value column's number format as written on the sheet. LibreOffice labels the axis from the cache's
 * format rather than the cells', so without it shares show as 0.07 instead of 7%.
 */
function valueFormat(content: SheetContent, col: number): string {
  const format = content.columns[col].format;
  return format === 'percent' || format === 'integer' || format === 'decimal' ? FORMAT_CODE[format] : 'General';
}

function numCache(values: readonly CellValue[], formatCode: string): string {
  const pts = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>${esc(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part: references into the sheet plus cached values, so it shows before any recalculation. */
function chartXml(sheet: string, content: SheetContent, chart: PlanChart): string {
  const { headerRow, firstDataRow } = layoutOf(content);
  const from = firstDataRow + chart.rows.first + 1;
  const to = firstDataRow + chart.rows.last + 1;
  const q = quoteSheet(sheet);
  const block = content.rows.slice(chart.rows.first, chart.rows.last + 1);
  const cat = columnLetter(chart.categoryCol);
  const catRef = `<c:cat><c:strRef><c:f>${esc(`${q}!$${cat}$${from}:$${cat}$${to}`)}</c:f>${strCache(block.map((r) => shown(r[chart.categoryCol])))}</c:strRef></c:cat>`;
  const line = chart.type === 'line';
  const series = chart.valueCols
    .map((col, i) => {
      const l = columnLetter(col);
      const tx = `<c:tx><c:strRef><c:f>${esc(`${q}!$${l}$${headerRow + 1}`)}</c:f>${strCache([content.columns[col].header])}</c:strRef></c:tx>`;
      const val = `<c:val><c:numRef><c:f>${esc(`${q}!$${l}$${from}:$${l}$${to}`)}</c:f>${numCache(
        block.map((r) => shown(r[col])),
        valueFormat(content, col),
      )}</c:numRef></c:val>`;
      return line
        ? `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}<c:marker><c:symbol val="circle"/></c:marker>${catRef}${val}<c:smooth val="0"/></c:ser>`
        : `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}<c:invertIfNegative val="0"/>${catRef}${val}</c:ser>`;
    })
    .join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  // Whole percents on the axis (0%, 1%, …) when the first series is a share.
  const axisFormat = valueFormat(content, chart.valueCols[0]) === FORMAT_CODE.percent ? '0%' : 'General';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}` +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${axisFormat}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}

/**
 * Native charts for a generated sheet: one drawing part holding one chart part per chart, placed to the
 * right of the data. Returns the drawing's relationship id for the sheet's <drawing>, and how many
 * charts could not be drawn because they point outside the content.
 */
export function addCharts(pkg: Pkg, sheetPath: string, sheet: string, content: SheetContent): { relId?: string; skipped: number } {
  const charts = (content.charts ?? []).filter((c) => chartFits(content, c));
  const skipped = (content.charts?.length ?? 0) - charts.length;
  if (!charts.length) return { skipped };
  const drawingPath = pkg.freePartName('xl/drawings/drawing', '.xml');
  pkg.setText(drawingPath, '');
  pkg.setOverride(drawingPath, DRAWING_TYPE);
  const relId = pkg.addRel(sheetPath, REL.drawing, drawingPath);
  const { headerRow } = layoutOf(content);
  const left = Math.max(1, content.columns.length) + 1;
  const anchors = charts.map((chart, i) => {
    const chartPath = pkg.freePartName('xl/charts/chart', '.xml');
    pkg.setText(chartPath, chartXml(sheet, content, chart));
    pkg.setOverride(chartPath, CHART_TYPE);
    const rid = pkg.addRel(drawingPath, REL.chart, chartPath);
    const top = headerRow + i * (CHART_ROWS + 2);
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${left + CHART_COLS}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top + CHART_ROWS}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.title || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  pkg.setText(drawingPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join('')}</xdr:wsDr>`);
  return { relId, skipped };
}
