import { columnLetter, type CellValue } from '../../core/cells';
import { DATE_FORMAT_CODE, FORMAT_CODE } from '../../core/plan/formats';
import { dateCellSerial, isDateCell, isLinkCell, type PlanCell, type PlanPrint, type SheetContent } from '../../core/plan/types';
import { pageBreakRows } from '../../core/plan/print';
import { cellXml, writeCell, type CellWriteNotes } from './cellXml';
import type { Styles } from './styles';
import { ByteSink, esc, quoteSheet, stripForbidden } from './xml';
import type { DeflatedPart, ZipCodec } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAX_ROWS = 1048576;
/** Dropdowns on a sheet people fill in reach this far below the written rows. */
const VALIDATION_EXTRA_ROWS = 1000;

/** Points; fits the 14 pt title font with CJK glyphs. */
const TITLE_ROW_HEIGHT = 21;

export interface TableSpec {
  readonly id: number;
  readonly name: string;
  readonly relId: string;
}

export interface BuiltSheet {
  /**
   * The worksheet part, already UTF-8: a 100,000-row sheet never exists as one giant string, and a part
   * past FAST_DEFLATE_FROM comes deflated (it never exists whole, uncompressed).
   */
  readonly bytes: Uint8Array | DeflatedPart;
  /** The table part's XML when the content asked for a table. */
  readonly tableXml?: string;
  readonly degraded: string[];
  readonly dataRows: number;
}

/** Lines a text needs when wrapped at `width` characters: CJK and other wide characters count two. */
export function wrappedLines(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  // A little slack: proportional glyphs and word breaks fill a line less than its nominal width.
  return Math.max(1, Math.ceil(units / Math.max(1, width * 0.9)));
}

/** Where the content's parts land on the sheet (0-based rows). */
export function layoutOf(content: SheetContent): { headerRow: number; firstDataRow: number } {
  const headerRow = content.titleLines?.length ?? 0;
  return { headerRow, firstDataRow: headerRow + 1 };
}

/** Header texts made valid as table column names: non-empty, single-line, unique (case-insensitively). */
export function tableHeaders(content: SheetContent): string[] {
  const seen = new Set<string>();
  return content.columns.map((c, i) => {
    const base =
      stripForbidden(c.header)
        .replace(/[\r\n\t]+/g, ' ')
        .trim() || `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The worksheet XML for a sheet the add-in writes whole, written as UTF-8 bytes cell by cell (ByteSink),
 * so 100,000 rows cost linear time and make no strings to collect. The parts go in the order the schema
 * requires.
 */
export function buildSheet(content: SheetContent, styles: Styles, table?: TableSpec, tabSelected = false, drawingRelId?: string, date1904 = false, codec?: ZipCodec): BuiltSheet {
  const degraded = new Set<string>();
  const layout = sheetLayout(content);
  const style = sheetStyles(content, styles, layout.width);
  const out = new ByteSink(true, codec);
  writeSheetHead(out, content, layout, style, table, tabSelected);
  const headers = table ? tableHeaders(content) : content.columns.map((c) => c.header);
  const links = writeSheetData(out, content, layout, style, headers, date1904);
  writeMerges(out, content, layout);
  writeHighlights(out, content, layout, styles);
  writeValidations(out, content, layout, degraded);
  if (links.size) {
    out.push('<hyperlinks>');
    out.pushBytes(links.bytes());
    out.push('</hyperlinks>');
  }
  if (content.print) for (const part of printXml(content.print, layout.firstDataRow, content.rows.length)) out.push(part);
  else out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (drawingRelId) out.push(`<drawing r:id="${drawingRelId}"/>`);
  if (table) out.push(`<tableParts count="1"><tablePart r:id="${table.relId}"/></tableParts>`);
  out.push('</worksheet>');

  if (style.notes.truncated) degraded.add('file.textTruncated');
  const tableXml = table ? tablePartXml(content, layout, headers, table) : undefined;
  return { bytes: out.part(), tableXml, degraded: [...degraded], dataRows: content.rows.length };
}

/** Where the parts land (0-based rows) and how many columns the widest row spans. */
interface SheetLayout {
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly width: number;
  /** Column letters A… for the width. */
  readonly letters: readonly string[];
}

function sheetLayout(content: SheetContent): SheetLayout {
  const { headerRow, firstDataRow } = layoutOf(content);
  let width = Math.max(1, content.columns.length);
  for (const r of content.rows) if (r.length > width) width = r.length;
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i));
  return { headerRow, firstDataRow, lastDataRow: firstDataRow + content.rows.length - 1, width, letters };
}

/** The style ids the sheet's cells use, registered in the workbook's styles. */
interface SheetStyles {
  readonly header: number;
  readonly title: number;
  /** Title lines below the first: wrapped when column A wraps. */
  readonly titleWrap: number;
  readonly link: number;
  /** Per column up to the width; 0 for the default. */
  readonly column: readonly number[];
  /** A date cell's style: the date format on top of its column's style. */
  dateOf(columnStyle: number): number;
  readonly notes: CellWriteNotes;
}

function sheetStyles(content: SheetContent, styles: Styles, width: number): SheetStyles {
  const quoted = new Map<number, number>();
  const notes: CellWriteNotes = { truncated: false, quote: (s) => quoted.get(s) ?? (quoted.set(s, styles.quotePrefixed(s)), quoted.get(s)!) };
  const header = styles.xf({ fontId: styles.font('bold') });
  const title = styles.xf({ fontId: styles.font('title') });
  const link = styles.xf({ fontId: styles.font('link') });
  const column = content.columns.map((c) => {
    const numFmtId = c.format && c.format !== 'general' ? styles.numFmt(FORMAT_CODE[c.format]) : undefined;
    return numFmtId !== undefined || c.wrap ? styles.xf({ ...(numFmtId !== undefined ? { numFmtId } : {}), wrap: c.wrap }) : 0;
  });
  // Title lines below the first sit in column A: they wrap when that column does (工作报告's paragraphs).
  // A date cell is a serial with the date format, on top of its column's style (wrap, say).
  const dateStyles = new Map<number, number>();
  const dateOf = (s: number) => dateStyles.get(s) ?? (dateStyles.set(s, styles.withNumFmt(s, styles.numFmt(DATE_FORMAT_CODE))), dateStyles.get(s)!);
  const titleWrap = content.columns[0]?.wrap ? styles.xf({ wrap: true }) : 0;
  while (column.length < width) column.push(0);
  return { header, title, titleWrap, link, column, dateOf, notes };
}

/** The XML declaration, dimension, sheet view (frozen header), and column widths and styles. */
function writeSheetHead(out: ByteSink, content: SheetContent, layout: SheetLayout, style: SheetStyles, table: TableSpec | undefined, tabSelected: boolean): void {
  const { headerRow, firstDataRow, lastDataRow, width, letters } = layout;
  const lastRow = Math.max(headerRow, lastDataRow, table ? firstDataRow : 0);
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">`);
  // Fit to width needs the sheet's fitToPage flag as well as pageSetup's fitToWidth/fitToHeight (CT_PageSetUpPr).
  if (content.print?.fitToWidth) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${letters[width - 1]}${lastRow + 1}"/>`);
  const selected = tabSelected ? ' tabSelected="1"' : '';
  if (content.freezeHeader) {
    const split = headerRow + 1;
    out.push(
      `<sheetViews><sheetView${selected} workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${split + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${split + 1}" sqref="A${split + 1}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push(`<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`);
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols: string[] = [];
  content.columns.forEach((c, i) => {
    if (c.width === undefined && !style.column[i] && !c.hidden) return;
    const w = c.width !== undefined ? ` width="${Math.max(0, Math.min(255, c.width))}" customWidth="1"` : ' width="9.140625"';
    const s = style.column[i] ? ` style="${style.column[i]}"` : '';
    // Bookkeeping columns (结对帮扶's 上次生成) are hidden as the plan asks; the values stay readable.
    const hidden = c.hidden ? ' hidden="1"' : '';
    cols.push(`<col min="${i + 1}" max="${i + 1}"${w}${s}${hidden}/>`);
  });
  if (cols.length) out.push(`<cols>${cols.join('')}</cols>`);
}

/** sheetData: title lines, the header row, the data rows. Returns the hyperlinks, which go after sheetData. */
function writeSheetData(out: ByteSink, content: SheetContent, layout: SheetLayout, style: SheetStyles, headers: readonly string[], date1904: boolean): ByteSink {
  const { headerRow, firstDataRow, letters } = layout;
  const notes = style.notes;
  out.push('<sheetData>');
  (content.titleLines ?? []).forEach((line, i) => {
    // The 14 pt title needs a taller row: LibreOffice keeps the 15 pt default and cuts the glyphs' tops.
    // LibreOffice keeps a wrapped line's row at the default height on import, showing its first line
    // only: a wrapped title line gets a height for the lines it needs at column A's width.
    const lines = i > 0 && style.titleWrap ? wrappedLines(line, content.columns[0].width ?? 9) : 1;
    // A line of Chinese is taller than 15 pt in the CJK fonts LibreOffice falls back to (Noto Sans CJK:
    // 1.45 em): at 15 pt the second line of a wrapped paragraph printed cut in half, and a one-line
    // paragraph ran into the row below (工作报告).
    const perLine = /[\u2e80-\uffef]/.test(line) ? 18 : 15;
    const tall = i > 0 && style.titleWrap && (lines > 1 || perLine > 15);
    const height = i === 0 ? ` ht="${TITLE_ROW_HEIGHT}" customHeight="1"` : tall ? ` ht="${lines * perLine}" customHeight="1"` : '';
    out.push(`<row r="${i + 1}"${height}>${cellXml('', `A${i + 1}`, line, i === 0 ? style.title : style.titleWrap, notes)}</row>`);
  });
  const headerCells = headers.map((h, i) => cellXml('', `${letters[i]}${headerRow + 1}`, h, style.header, notes));
  out.push(`<row r="${headerRow + 1}">${headerCells.join('')}</row>`);

  const links = new ByteSink();
  // A printed sheet's wrapped cells get the height their lines need: LibreOffice keeps an imported row
  // at the default height and would print only a wrapped cell's first line (as for the title lines).
  const wrapCols = content.print ? content.columns.flatMap((c, i) => (c.wrap ? [i] : [])) : [];
  for (let r = 0; r < content.rows.length; r++) {
    const row = content.rows[r];
    const n = firstDataRow + r + 1;
    let lines = 1;
    for (const c of wrapCols) {
      const v = row[c];
      if (typeof v === 'string' && v.length > 4) lines = Math.max(lines, wrappedLines(v, content.columns[c].width ?? 9));
    }
    writeDataRow(out, links, row, n, lines, letters, style, date1904);
  }
  out.push('</sheetData>');
  return links;
}

/**
 * One data row. A function of its own, called per row, so the compiler optimises it early and a
 * deoptimisation costs one row: inlined in writeSheetData's loop, the first 50,000-row sheet ran for
 * seconds unoptimised.
 */
function writeDataRow(out: ByteSink, links: ByteSink, row: readonly PlanCell[], n: number, lines: number, letters: readonly string[], style: SheetStyles, date1904: boolean): void {
  const notes = style.notes;
  const rowNumber = String(n);
  out.push('<row r="');
  out.push(rowNumber);
  out.push(lines > 1 ? `" ht="${lines * 15}" customHeight="1">` : '">');
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const ref = letters[c] + rowNumber;
    if (isLinkCell(v)) {
      writeCell(out, '', ref, v.text, style.link, notes);
      links.push(`<hyperlink ref="${ref}" location="${esc(`${quoteSheet(v.link.sheet)}!${columnLetter(v.link.col)}${v.link.row + 1}`)}" display="${esc(v.text)}"/>`);
    } else if (isDateCell(v)) {
      const serial = dateCellSerial(v, date1904);
      if (serial === null) writeCell(out, '', ref, v.date, style.column[c], notes);
      else writeCell(out, '', ref, serial, style.dateOf(style.column[c]), notes);
    } else {
      writeCell(out, '', ref, v as CellValue, style.column[c], notes);
    }
  }
  out.push('</row>');
}

/** mergeCells (after sheetData, before conditionalFormatting in CT_Worksheet): areas of the content's rows, or the header or a title line across columns. */
function writeMerges(out: ByteSink, content: SheetContent, layout: SheetLayout): void {
  const refs: string[] = [];
  const titles = content.titleLines?.length ?? 0;
  for (const m of content.merges ?? []) {
    const top = m.part === 'title' ? m.row : m.part === 'header' ? layout.headerRow : layout.firstDataRow + m.row;
    // A title line or the header is one row; an area reaching past the written rows stops at the last of them.
    const bottom = m.part ? top : Math.min(top + m.rowCount - 1, layout.lastDataRow);
    const right = m.col + m.colCount - 1;
    const inside = m.part === 'title' ? m.row >= 0 && m.row < titles : m.part === 'header' ? m.row === 0 : m.row >= 0 && m.row < content.rows.length;
    if (!inside || m.col < 0 || right >= 16384 || (bottom === top && right === m.col)) continue;
    refs.push(`<mergeCell ref="${columnLetter(m.col)}${top + 1}:${columnLetter(right)}${bottom + 1}"/>`);
  }
  if (refs.length) out.push(`<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>`);
}

/** Rows whose key column equals a value (a reminder status, 错误) get a fill by conditional formatting. */
function writeHighlights(out: ByteSink, content: SheetContent, layout: SheetLayout, styles: Styles): void {
  if (!content.highlights?.length || !content.rows.length) return;
  const dataFrom = layout.firstDataRow + 1;
  const sqref = `A${dataFrom}:${layout.letters[layout.width - 1]}${layout.lastDataRow + 1}`;
  content.highlights.forEach((h, i) => {
    const dxf = styles.dxf(h.fill, h.font);
    const literal = stripForbidden(h.equals).replace(/"/g, '""');
    out.push(
      `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>${esc(`$${columnLetter(h.col)}${dataFrom}="${literal}"`)}</formula></cfRule></conditionalFormatting>`,
    );
  });
}

/** Dropdowns, reaching below the written rows; a literal list too long for Excel is left out and noted in degraded. */
function writeValidations(out: ByteSink, content: SheetContent, layout: SheetLayout, degraded: Set<string>): void {
  const { letters } = layout;
  const dataFrom = layout.firstDataRow + 1;
  const dataTo = Math.max(layout.lastDataRow + 1, dataFrom);
  const validations: string[] = [];
  content.columns.forEach((c, i) => {
    const v = c.validation;
    if (!v) return;
    const sqref = `${letters[i]}${dataFrom}:${letters[i]}${Math.min(MAX_ROWS, Math.max(dataTo, dataFrom + VALIDATION_EXTRA_ROWS))}`;
    let formula: string;
    if ('list' in v) {
      const items = v.list.map((x) => stripForbidden(x));
      // A literal list is comma-separated and at most 255 characters; beyond that Excel rejects the file.
      const joined = items.join(',');
      if (items.some((x) => x.includes(',') || x.includes('"')) || joined.length > 255) {
        degraded.add('file.validationTooLong');
        return;
      }
      formula = `"${joined}"`;
    } else {
      const col = columnLetter(v.sourceCol);
      formula = `${quoteSheet(v.sourceSheet)}!$${col}$${v.firstRow + 1}:$${col}$${MAX_ROWS}`;
    }
    validations.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${esc(formula)}</formula1></dataValidation>`);
  });
  if (validations.length) out.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
}

/** The table part over the header and data rows (at least one data row, as Excel requires). */
function tablePartXml(content: SheetContent, layout: SheetLayout, headers: readonly string[], table: TableSpec): string {
  const ref = `A${layout.headerRow + 1}:${layout.letters[Math.max(0, content.columns.length - 1)]}${Math.max(layout.lastDataRow, layout.firstDataRow) + 1}`;
  const tcols = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${table.id}" name="${esc(table.name)}" displayName="${esc(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${tcols}</tableColumns>` +
    `<tableStyleInfo name="${esc(content.table?.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** SpreadsheetML paperSize code (ECMA-376 Part 1, §18.3.1.63 pageSetup: 9 is A4 210 × 297 mm). */
const PAPER_SIZE = { A4: 9 } as const;
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * printOptions, pageMargins, pageSetup and rowBreaks, in CT_Worksheet's order. A break's id is the
 * 1-based number of the last row above it, which is the 0-based sheet row the new page starts with;
 * at most MAX_PAGE_BREAKS of them (core/plan/print.ts).
 */
export function printXml(print: PlanPrint, firstDataRow: number, rowCount: number): string[] {
  const m = print.margins ?? DEFAULT_MARGINS;
  const out = [
    '<printOptions horizontalCentered="1"/>',
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`,
  ];
  const breaks = pageBreakRows(print, rowCount);
  if (breaks.length) {
    out.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${firstDataRow + r}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
    );
  }
  return out;
}
