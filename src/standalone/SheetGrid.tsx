import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetter, isCellError, type CellValue } from '../core/cells';
import { fromExcelSerial } from '../core/dates';
import { formatNumber } from '../core/numberFormat';
import { cellAt, dateFormatAt, numberFormatAt, type DateFormatKind, type SheetSnapshot } from '../core/snapshot';

const ROW_HEIGHT = 24;
const ROW_HEADER_WIDTH = 56;
const OVERSCAN = 6;
/** A spreadsheet shows empty cells past the data; so does this view (and ARIA rows never run out). */
const MIN_ROWS = 40;
const MIN_COLS = 12;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  headRow: { position: 'sticky', top: 0, zIndex: 2, height: `${ROW_HEIGHT}px` },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, height: `${ROW_HEIGHT}px` },
  cell: {
    position: 'absolute',
    top: 0,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: '0 4px',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHeader: { position: 'sticky', left: 0, zIndex: 1, width: `${ROW_HEADER_WIDTH}px`, display: 'block' },
  corner: { position: 'sticky', left: 0, zIndex: 3, width: `${ROW_HEADER_WIDTH}px`, display: 'block' },
  number: { textAlign: 'right' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  highlight: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    zIndex: 1,
    // High contrast drops background colours: mark the cell with the system's own highlight colours.
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'Mark', color: 'MarkText', outlineColor: 'Highlight' },
  },
  headerHighlight: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1 },
});

export interface SheetGridProps {
  readonly sheet: SheetSnapshot;
  readonly label: string;
  /** Accessible name of the top-left corner header (row numbers / column letters). */
  readonly cornerLabel: string;
  /** The cell a finding points at: highlighted and scrolled into view. */
  readonly highlight: { readonly row: number; readonly col: number } | null;
}

/**
 * A read-only, windowed view of one sheet: only the rows and columns in view (plus a few) are in the
 * DOM, so 100,000 rows scroll like 100. Column letters and row numbers stay in view (sticky), and the
 * ARIA grid roles carry the true row and column counts.
 */
export function SheetGrid({ sheet, label, cornerLabel, highlight }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 600, width: 800 });
  const rowCount = Math.max(MIN_ROWS, sheet.origin.row + sheet.values.length + 5);
  const widths = useMemo(() => columnWidths(sheet), [sheet]);
  const colCount = widths.length;
  const offsets = useMemo(() => {
    const out = [0];
    for (const w of widths) out.push(out[out.length - 1] + w);
    return out;
  }, [widths]);
  const totalWidth = ROW_HEADER_WIDTH + offsets[colCount];

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView((v) => ({ ...v, height: el.clientHeight, width: el.clientWidth }));
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Bring the highlighted cell into the middle of the view when a finding is chosen.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !highlight) return;
    const top = highlight.row * ROW_HEIGHT;
    const left = offsets[Math.min(highlight.col, colCount - 1)] ?? 0;
    const bodyHeight = el.clientHeight - ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = Math.max(0, top - bodyHeight / 2);
    const bodyWidth = el.clientWidth - ROW_HEADER_WIDTH;
    if (left < el.scrollLeft || left + (widths[highlight.col] ?? 0) > el.scrollLeft + bodyWidth) el.scrollLeft = Math.max(0, left - bodyWidth / 3);
    setView((v) => ({ ...v, top: el.scrollTop, left: el.scrollLeft }));
  }, [highlight, offsets, widths, colCount]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setView((v) => (v.top === el.scrollTop && v.left === el.scrollLeft ? v : { ...v, top: el.scrollTop, left: el.scrollLeft }));
  };

  const firstRow = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, upperBound(offsets, view.left) - 2);
  const lastCol = Math.min(colCount - 1, upperBound(offsets, view.left + view.width) + 1);
  const cols: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) cols.push(c);
  const rows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(r);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="grid"
      aria-label={label}
      aria-readonly="true"
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
    >
      <div style={{ width: totalWidth, height: ROW_HEIGHT * (rowCount + 1), position: 'relative' }}>
        <GridHeader cols={cols} offsets={offsets} widths={widths} totalWidth={totalWidth} cornerLabel={cornerLabel} highlightCol={highlight?.col ?? null} />
        <div role="rowgroup" className={styles.body} style={{ height: ROW_HEIGHT * rowCount }}>
          {rows.map((r) => (
            <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: r * ROW_HEIGHT, width: totalWidth }}>
              <span role="rowheader" aria-colindex={1} className={mergeClasses(styles.cell, styles.header, styles.rowHeader, highlight?.row === r && styles.headerHighlight)}>
                {r + 1}
              </span>
              {cols.map((c) => {
                const value = cellAt(sheet, r, c);
                const text = displayAt(sheet, r, c);
                const hit = highlight !== null && highlight.row === r && highlight.col === c;
                return (
                  <span
                    key={c}
                    role="gridcell"
                    aria-colindex={c + 2}
                    aria-selected={hit || undefined}
                    data-cell={`${columnLetter(c)}${r + 1}`}
                    data-highlight={hit ? 'true' : undefined}
                    className={mergeClasses(styles.cell, typeof value === 'number' && styles.number, hit && styles.highlight)}
                    style={{ left: ROW_HEADER_WIDTH + offsets[c], width: widths[c] }}
                  >
                    {text}
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * A cell's text in the grid. A number with a date or time format shows as Excel would show it, in ISO
 * order: 2012-11-21, 08:30, 2012-11-21 08:30 (a number Excel itself cannot show as a date stays a number);
 * any other number under its format code (0.0% shows 0.0208 as 2.1%), where the formatter models it.
 */
export function display(value: CellValue, dateKind: DateFormatKind | null = null, code: string | null = null): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && dateKind) return serialText(value, dateKind) ?? String(value);
  if (typeof value === 'number' && code) return formatNumber(value, code) ?? String(value);
  return String(value);
}

/** The text the grid shows at a 0-based sheet position. */
export function displayAt(sheet: SheetSnapshot, row: number, col: number): string {
  const value = cellAt(sheet, row, col);
  return typeof value === 'number' ? display(value, dateFormatAt(sheet, row, col), numberFormatAt(sheet, row, col)) : display(value);
}

const SECONDS_PER_DAY = 86400;
/** Date and/or time text of an Excel serial, or null where Excel shows ##### (negative, past 9999). */
/** Serials are in the 1900 system: the file port converts a 1904 workbook's dates as it reads them. */
function serialText(serial: number, kind: DateFormatKind): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  // Excel rounds to the second before showing any part, so 23:59:59.6 is the next day's 00:00.
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  const day = Math.floor(seconds / SECONDS_PER_DAY);
  const ofDay = seconds - day * SECONDS_PER_DAY;
  const time = `${String(Math.floor(ofDay / 3600)).padStart(2, '0')}:${String(Math.floor((ofDay % 3600) / 60)).padStart(2, '0')}`;
  if (kind === 'time') return time;
  const date = serialDate(day);
  if (date === null) return null;
  return kind === 'date' ? date : `${date} ${time}`;
}

function serialDate(day: number): string | null {
  // Excel's own names for the two 1900-system days that are no real date: serial 0 and Lotus's leap day.
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return fromExcelSerial(day);
}

/** Column widths from the first rows' text as shown (wide characters count double), like Excel's autofit. */
export function columnWidths(sheet: SheetSnapshot): number[] {
  let cols = MIN_COLS;
  const sample = sheet.values.slice(0, 300);
  for (const line of sample) cols = Math.max(cols, sheet.origin.col + line.length + 1);
  for (let i = 300; i < sheet.values.length; i++) cols = Math.max(cols, sheet.origin.col + sheet.values[i].length + 1);
  const widths = new Array<number>(cols).fill(64);
  for (let i = 0; i < sample.length; i++) {
    const line = sample[i];
    // A title line ("XX小学留守儿童登记表") is one long cell spilling over the row: it sets no width.
    if (line.filter((v) => v !== null && v !== '').length < 2) continue;
    for (let j = 0; j < line.length; j++) {
      const row = sheet.origin.row + i;
      const c = sheet.origin.col + j;
      const text = displayAt(sheet, row, c);
      if (!text) continue;
      let units = 0;
      for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      widths[c] = Math.max(widths[c], Math.min(260, 12 + units * 7));
    }
  }
  return widths;
}

/** Index of the last offset <= x. */
function upperBound(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The column letters above the grid, the chosen cell's column marked. */
function GridHeader({
  cols,
  offsets,
  widths,
  totalWidth,
  cornerLabel,
  highlightCol,
}: {
  cols: number[];
  offsets: number[];
  widths: number[];
  totalWidth: number;
  cornerLabel: string;
  highlightCol: number | null;
}) {
  const styles = useStyles();
  return (
    <div role="row" aria-rowindex={1} className={styles.headRow} style={{ width: totalWidth }}>
      <span role="columnheader" aria-colindex={1} className={mergeClasses(styles.cell, styles.header, styles.corner)}>
        <span className={styles.visuallyHidden}>{cornerLabel}</span>
      </span>
      {cols.map((c) => (
        <span
          key={c}
          role="columnheader"
          aria-colindex={c + 2}
          className={mergeClasses(styles.cell, styles.header, highlightCol === c && styles.headerHighlight)}
          style={{ left: ROW_HEADER_WIDTH + offsets[c], width: widths[c] }}
        >
          {columnLetter(c)}
        </span>
      ))}
    </div>
  );
}
