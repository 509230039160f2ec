import { columnLetter } from '../../../core/cells';
import { isLinkCell, type PlanCell, type SheetContent } from '../../../core/plan/types';
import { pageBreakRows } from '../../../core/plan/print';
import { OFFICE_COMMAND_BYTES, type QueuedCommand } from '../batch';
import type { OfficeFeatures } from '../capabilities';
import { asLiteralText, blockAddress, cellAddress, cellNumberFormat, isTruncated, jsonBytes, numberFormatFor, quotedSheet, rowBytes } from '../cells';
import { chartCommands } from '../charts';
import { contentWidth, rowBlockCommands, type SheetOf } from './rows';

/** Rows a data-validation dropdown covers below the header when the sheet has fewer rows: room to type. */
export const VALIDATION_ROWS = 1000;

/** Excel's column width is in points; the plan's is in characters of the default font. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A generated sheet's content and where it goes: what each section of contentCommands needs. */
interface Target {
  readonly sheet: SheetOf;
  readonly name: string;
  readonly content: SheetContent;
  readonly f: OfficeFeatures;
  readonly degraded: Set<string>;
  readonly budgetBytes: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Data rows. */
  readonly n: number;
  readonly width: number;
  readonly date1904: boolean;
}

/**
 * A generated sheet's whole content as sized commands on an empty sheet: values first (titles, header,
 * rows), then formats, the table, highlights, dropdowns, frozen header and charts.
 */
export function contentCommands(
  sheet: SheetOf,
  name: string,
  content: SheetContent,
  f: OfficeFeatures,
  degraded: Set<string>,
  budgetBytes: number,
  tableNames: Set<string>,
  date1904 = false,
): QueuedCommand[] {
  const headerRow = content.titleLines?.length ?? 0;
  const t: Target = { sheet, name, content, f, degraded, budgetBytes, headerRow, firstDataRow: headerRow + 1, n: content.rows.length, width: contentWidth(content), date1904 };
  return [
    ...valueCommands(t),
    ...formatCommands(t),
    ...tableCommands(t, tableNames),
    ...highlightCommands(t),
    ...validationCommands(t),
    ...(content.freezeHeader && f.freezePanes ? [{ requestBytes: 10, queue: () => sheet(name).freezePanes.freezeRows(headerRow + 1) }] : []),
    ...chartCommands(() => sheet(name), content, t.width, f, degraded),
    ...printCommands(t),
  ];
}

/** PageLayout's margins are in points, the plan's in inches (as SpreadsheetML's): 72 points an inch. */
const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

/**
 * Paper, orientation, margins, print titles and page breaks (ExcelApi 1.9: Worksheet.pageLayout,
 * Worksheet.horizontalPageBreaks). Below 1.9 nothing is set and the pane's host limits say how to print.
 * Fit to width is not set: PageLayoutZoomOptions documents no "as many pages tall as needed" value, and
 * the printed sheets' columns are planned to fit A4 at 100 %.
 */
function printCommands(t: Target): QueuedCommand[] {
  const p = t.content.print;
  if (!p) return [];
  if (!t.f.pageLayout) {
    t.degraded.add('office.printLayout');
    return [];
  }
  const out: QueuedCommand[] = [
    {
      requestBytes: 300,
      queue: () => {
        const layout = t.sheet(t.name).pageLayout;
        layout.paperSize = 'A4';
        layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.centerHorizontally = true;
        if (p.margins) {
          layout.leftMargin = points(p.margins.left);
          layout.rightMargin = points(p.margins.right);
          layout.topMargin = points(p.margins.top);
          layout.bottomMargin = points(p.margins.bottom);
          layout.headerMargin = points(p.margins.header);
          layout.footerMargin = points(p.margins.footer);
        }
        if (p.repeatHeader) layout.setPrintTitleRows(`$${t.headerRow + 1}:$${t.headerRow + 1}`);
      },
    },
  ];
  // "Adds a page break before the top-left cell of the range specified" (PageBreakCollection.add).
  // At most MAX_PAGE_BREAKS: Excel's object model keeps 1,026 a sheet (core/plan/print.ts).
  const breaks = pageBreakRows(p, t.n);
  for (const r of breaks) out.push({ requestBytes: 60, queue: () => void t.sheet(t.name).horizontalPageBreaks.add(cellAddress(t.firstDataRow + r, 0)) });
  return out;
}

/** Titles, the header and the data rows, as text that can never become a formula. */
function valueCommands(t: Target): QueuedCommand[] {
  const { sheet, name, content, width } = t;
  const titles = content.titleLines ?? [];
  const out: QueuedCommand[] = [];
  for (const text of [...titles, ...content.columns.map((c) => c.header)]) if (isTruncated(text)) t.degraded.add('office.textTruncated');
  titles.forEach((line, i) => {
    const v = asLiteralText(line);
    out.push({ requestBytes: jsonBytes(v), queue: () => (sheet(name).getRange(cellAddress(i, 0)).values = [[v]]) });
  });
  const header = Array.from({ length: width }, (_, c) => asLiteralText(content.columns[c]?.header ?? ''));
  out.push({ requestBytes: rowBytes(header), queue: () => (sheet(name).getRange(blockAddress(t.headerRow, 0, 1, width)).values = [header]) });
  out.push(
    ...rowBlockCommands({ sheet, name, firstRow: t.firstDataRow, width, features: t.f, date1904: t.date1904, degraded: t.degraded, budgetBytes: t.budgetBytes }, content.rows),
  );
  return out;
}

/** Bold titles and header; then per column its number format (in sized blocks), width, wrapping and hiding. */
function formatCommands(t: Target): QueuedCommand[] {
  const { sheet, name, content, f, n } = t;
  const titles = content.titleLines ?? [];
  const out: QueuedCommand[] = [
    {
      requestBytes: 40,
      queue: () => {
        if (titles.length > 0) sheet(name).getRange(blockAddress(0, 0, titles.length, 1)).format.font.bold = true;
        sheet(name).getRange(blockAddress(t.headerRow, 0, 1, t.width)).format.font.bold = true;
      },
    },
  ];
  content.columns.forEach((col, c) => {
    const format = numberFormatFor(col.format);
    if (format && n > 0) out.push(...columnFormatCommands(t, c, format));
    const letter = columnLetter(c);
    if (col.width !== undefined && f.columnWidth) {
      const points = widthInPoints(col.width);
      out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).format.columnWidth = points) });
    }
    // RangeFormat.wrapText is ExcelApi 1.1: long text (工作报告's paragraphs in column A) wraps and prints whole.
    if (col.wrap) out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).format.wrapText = true) });
    // Range.columnHidden is ExcelApi 1.2 (as columnWidth); on 1.1 the column stays visible: cosmetic, not reported.
    if (col.hidden && f.columnWidth) out.push({ requestBytes: 20, queue: () => (sheet(name).getRange(`${letter}:${letter}`).columnHidden = true) });
  });
  return out;
}

/** A column's number format over its data rows, in blocks sized by the budget. */
function columnFormatCommands(t: Target, c: number, format: string): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  const perRow = jsonBytes(format) + 3;
  const rowsPerBlock = Math.max(1, Math.floor((t.budgetBytes * 0.9) / perRow));
  for (let start = 0; start < t.n; start += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, t.n - start);
    out.push({
      requestBytes: perRow * count,
      queue: () => {
        const formats = new Array<string[]>(count);
        // A date cell keeps the date format whatever its column's (rowBlockCommands gave it one).
        for (let i = 0; i < count; i++) formats[i] = [cellNumberFormat(t.content.rows[start + i]?.[c] ?? null) ?? format];
        t.sheet(t.name).getRange(blockAddress(t.firstDataRow + start, c, count, 1)).numberFormat = formats;
      },
    });
  }
  return out;
}

/** A table over the values already written: one command whatever the row count; its name when free. */
function tableCommands(t: Target, tableNames: Set<string>): QueuedCommand[] {
  if (!t.content.table) return [];
  const { name: tableName, style } = t.content.table;
  const address = `${quotedSheet(t.name)}!${blockAddress(t.headerRow, 0, 1 + Math.max(1, t.n), t.width)}`;
  const nameFree = !tableNames.has(tableName.toLowerCase());
  if (nameFree) tableNames.add(tableName.toLowerCase());
  return [
    {
      requestBytes: jsonBytes(address) + jsonBytes(tableName) + 20,
      queue: () => {
        const table = t.sheet(t.name).tables.add(address, true);
        if (nameFree) table.name = tableName;
        if (style) table.style = style;
      },
    },
  ];
}

/** Rows whose column equals a value get a fill: a conditional format, or plain fills where there are none. */
function highlightCommands(t: Target): QueuedCommand[] {
  const { sheet, name, n, width, firstDataRow } = t;
  const out: QueuedCommand[] = [];
  for (const h of t.content.highlights ?? []) {
    if (n === 0) continue;
    if (t.f.conditionalFormats) {
      const formula = `=$${columnLetter(h.col)}${firstDataRow + 1}="${h.equals.replace(/"/g, '""')}"`;
      out.push({
        requestBytes: jsonBytes(formula) + 60,
        // Above the default overhead: the format, its rule and two colours are four objects on the wire.
        overheadBytes: OFFICE_COMMAND_BYTES.conditionalFormat,
        queue: () => {
          const cf = sheet(name)
            .getRange(blockAddress(firstDataRow, 0, n, width))
            .conditionalFormats.add('Custom');
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = h.fill;
          if (h.font) cf.custom.format.font.color = h.font;
        },
      });
      continue;
    }
    t.degraded.add('host.noConditionalFormats');
    // Plain fills on the rows that match now, one command per run of adjacent rows.
    for (const [start, count] of matchingRuns(t.content.rows, h.col, h.equals)) {
      out.push({
        requestBytes: 40,
        queue: () => {
          const format = sheet(name).getRange(blockAddress(firstDataRow + start, 0, count, width)).format;
          format.fill.color = h.fill;
          if (h.font) format.font.color = h.font;
        },
      });
    }
  }
  return out;
}

/** Runs [first row, count] of adjacent rows whose column `col` reads `equals`. */
function matchingRuns(rows: readonly (readonly PlanCell[])[], col: number, equals: string): [number, number][] {
  let runStart = -1;
  const runs: [number, number][] = [];
  for (let i = 0; i <= rows.length; i++) {
    const match = i < rows.length && planText(rows[i][col]) === equals;
    if (match && runStart < 0) runStart = i;
    if (!match && runStart >= 0) {
      runs.push([runStart, i - runStart]);
      runStart = -1;
    }
  }
  return runs;
}

/** In-cell dropdowns: a fixed list, or a column of another sheet; at least VALIDATION_ROWS rows. */
function validationCommands(t: Target): QueuedCommand[] {
  const out: QueuedCommand[] = [];
  t.content.columns.forEach((col, c) => {
    const v = col.validation;
    if (!v) return;
    if (!t.f.dataValidation) {
      t.degraded.add('host.noDataValidation');
      return;
    }
    const source = 'list' in v ? v.list.join(',') : `=${quotedSheet(v.sourceSheet)}!$${columnLetter(v.sourceCol)}$${v.firstRow + 1}:$${columnLetter(v.sourceCol)}$1048576`;
    const count = Math.max(t.n, VALIDATION_ROWS);
    out.push({
      requestBytes: jsonBytes(source) + 60,
      queue: () => {
        t.sheet(t.name).getRange(blockAddress(t.firstDataRow, c, count, 1)).dataValidation.rule = { list: { inCellDropDown: true, source } };
      },
    });
  });
  return out;
}

function planText(c: PlanCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (isLinkCell(c)) return c.text;
  if (typeof c === 'object') return (c as { error: string }).error;
  return String(c);
}

/** Load the charts a sheet has before its new content adds any; they are deleted after the writes. */
export function oldChartsLook(sheet: SheetOf, name: string, into: Excel.Chart[]): QueuedCommand {
  let charts: Excel.ChartCollection | undefined;
  return {
    requestBytes: 40,
    responseBytes: 400,
    queue: () => {
      charts = sheet(name).charts;
      charts.load('items/name');
    },
    after: () => void into.push(...(charts as Excel.ChartCollection).items),
  };
}

/**
 * Empty a generated sheet in place. Deleting and re-adding it would clear Excel's undo stack and
 * break other sheets' links to it; clearing keeps both.
 */
export function clearSheetCommands(sheet: SheetOf, name: string, tables: readonly Excel.Table[], f: OfficeFeatures, tableNames: Set<string>): QueuedCommand[] {
  // The sheet's own tables go, so their names are free for the tables the new content adds.
  for (const t of tables) tableNames.delete(t.name.toLowerCase());
  const out: QueuedCommand[] = tables.map((t) => ({ requestBytes: 20, queue: () => t.delete() }));
  out.push({
    requestBytes: 40,
    queue: () => {
      const ws = sheet(name);
      const all = ws.getRange();
      all.clear();
      if (f.api >= 2) all.unmerge(); // a merge left by hand would break the new table
      if (f.conditionalFormats) all.conditionalFormats.clearAll();
      if (f.dataValidation) all.dataValidation.clear();
      if (f.freezePanes) ws.freezePanes.unfreeze();
      // Clearing leaves manual page breaks; the new content says where its own go.
      if (f.pageLayout) ws.horizontalPageBreaks.removePageBreaks();
      // Clearing leaves hidden columns hidden; the new content says which to hide.
      if (f.columnWidth) all.columnHidden = false;
    },
  });
  return out;
}
