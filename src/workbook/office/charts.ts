import type { PlanChart, SheetContent } from '../../core/plan/types';
import type { QueuedCommand } from './batch';
import type { OfficeFeatures } from './capabilities';
import { blockAddress, cellAddress, jsonBytes } from './cells';

/**
 * Native charts for SheetContent.charts (ExcelApi 1.1: worksheet.charts.add(type, range, 'Columns')).
 * Each value column is one series, named by its header (ChartSeries.name, 1.1).
 *  - Labels right beside the values (category column, then adjacent value columns): one block, any
 *    Excel.
 *  - Labels elsewhere (e.g. month in B, share in F): the chart is drawn from the value columns and the
 *    labels are set on the category axis, which is ExcelApi 1.7. Below that such a chart is left out and
 *    'office.chartsLeftOut' reported: a line of talk coverage over 1, 2, 3 … instead of months misleads.
 * Charts sit to the right of the data, one column apart, stacked downwards, so they cover no cell the
 * sheet writes.
 */

/** Rows and columns one chart covers. */
export const CHART_HEIGHT_ROWS = 15;
export const CHART_WIDTH_COLS = 8;

const TYPE: Record<PlanChart['type'], 'ColumnClustered' | 'Line'> = { column: 'ColumnClustered', line: 'Line' };

function validChart(chart: PlanChart, rows: number, width: number): boolean {
  const { first, last } = chart.rows;
  const cols = [chart.categoryCol, ...chart.valueCols];
  return (
    chart.valueCols.length > 0 &&
    Number.isInteger(first) &&
    Number.isInteger(last) &&
    first >= 0 &&
    last >= first &&
    last < rows &&
    cols.every((c) => Number.isInteger(c) && c >= 0 && c < width)
  );
}

/** Ascending and without gaps. */
function consecutive(cols: readonly number[]): boolean {
  return cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
}

export function chartCommands(ws: () => Excel.Worksheet, content: SheetContent, width: number, f: OfficeFeatures, degraded: Set<string>): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const headerRow = content.titleLines?.length ?? 0;
  const firstDataRow = headerRow + 1;
  let slot = 0;
  for (const chart of content.charts ?? []) {
    // A chart the plan got wrong is left out rather than drawn over the wrong cells.
    if (!validChart(chart, content.rows.length, width)) {
      degraded.add('office.chartsLeftOut');
      continue;
    }
    const values = chart.valueCols;
    const beside = consecutive([chart.categoryCol, ...values]);
    if (!beside && (f.api < 7 || !consecutive(values))) {
      degraded.add('office.chartsLeftOut');
      continue;
    }
    const count = chart.rows.last - chart.rows.first + 1;
    // The data block only (a block may start anywhere in the data, away from the header): Excel takes
    // a first column of text as the category labels. Series are named after their headers below.
    const sourceCol = beside ? chart.categoryCol : values[0];
    const sourceCols = beside ? values.length + 1 : values.length;
    const dataRow = firstDataRow + chart.rows.first;
    const top = headerRow + slot * (CHART_HEIGHT_ROWS + 1);
    const left = width + 1;
    const names = values.map((c) => content.columns[c]?.header ?? '');
    slot++;
    out.push({
      requestBytes: jsonBytes(chart.title) + names.reduce((n, h) => n + jsonBytes(h) + 60, 0) + 200,
      queue: () => {
        const sheet = ws();
        const c = sheet.charts.add(TYPE[chart.type], sheet.getRange(blockAddress(dataRow, sourceCol, count, sourceCols)), 'Columns');
        // Chart titles and series names are not cells: no formula can come of them.
        c.title.text = chart.title;
        names.forEach((name, k) => (c.series.getItemAt(k).name = name));
        c.setPosition(cellAddress(top, left), cellAddress(top + CHART_HEIGHT_ROWS - 1, left + CHART_WIDTH_COLS - 1));
        if (!beside) c.axes.categoryAxis.setCategoryNames(sheet.getRange(blockAddress(dataRow, chart.categoryCol, count, 1)));
      },
    });
  }
  return out;
}
