import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type UIEvent } from 'react';
import { Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellKey } from '../core/cellKey';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import type { CellRef } from '../core/plan/types';
import { cellAt, type SheetSnapshot } from '../core/snapshot';
import type { SheetLook } from '../workbook/file';
import { CellBar } from './CellBar';
import {
  CHART_ROWS,
  CHART_WIDTH,
  chartPosition,
  displayAt,
  gridLayout,
  nextVisibleCol,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  spillSource,
  spillWidth,
  upperBound,
  type GridLayout,
} from './gridLayout';

export { columnWidths, display, displayAt } from './gridLayout';

// The charts' drawing code loads only when a sheet with charts is shown, and only in this page.
// Unnamed: a chunk name would be one more entry in the Excel pane's runtime, which embeds this page outside Office.
const SheetChart = lazy(() => import('./SheetChart'));

const OVERSCAN = 6;

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
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
  headRow: { position: 'sticky', top: 0, zIndex: 3, height: `${ROW_HEIGHT}px` },
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
  // Text running over empty neighbours covers their grid lines, as in Excel.
  spill: { zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHeader: { position: 'sticky', left: 0, zIndex: 2, width: `${ROW_HEADER_WIDTH}px`, display: 'block' },
  corner: { position: 'sticky', left: 0, zIndex: 4, width: `${ROW_HEADER_WIDTH}px`, display: 'block' },
  number: { textAlign: 'right' },
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline', cursor: 'pointer' },
  // Excel's red corner on a cell with a note.
  noted: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: `7px solid ${tokens.colorPaletteRedBorder2}`,
      borderLeft: '7px solid transparent',
    },
  },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', zIndex: 1 },
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
  area: { position: 'relative', display: 'flex', flexGrow: 1, minHeight: 0, minWidth: 0 },
  chartLayer: { position: 'absolute', top: `${ROW_HEIGHT}px`, left: `${ROW_HEADER_WIDTH}px`, overflow: 'hidden', pointerEvents: 'none', zIndex: 5 },
  chart: {
    pointerEvents: 'auto',
    position: 'absolute',
    zIndex: 1,
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

export interface SheetGridProps {
  readonly sheet: SheetSnapshot;
  readonly look: SheetLook | null;
  readonly lang: Lang;
  readonly label: string;
  /** Accessible name of the top-left corner header (row numbers / column letters). */
  readonly cornerLabel: string;
  /** The cell a finding points at: highlighted and scrolled into view. */
  readonly highlight: { readonly row: number; readonly col: number } | null;
  /** A link in a cell was followed (clicked, or Enter on it): show its target. */
  readonly onFollow: (ref: CellRef) => void;
}

interface View {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

/** The scroller's size and position, kept in state so only the cells in view are rendered. */
function useView() {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ top: 0, left: 0, height: 600, width: 800 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView((v) => ({ ...v, height: el.clientHeight, width: el.clientWidth }));
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  const sync = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.left === el.scrollLeft ? v : { ...v, top: el.scrollTop, left: el.scrollLeft }));
  }, []);
  return { scroller, view, sync };
}

/** Scroll so that a cell is in view (into the middle when it was far off). */
function scrollToCell(el: HTMLDivElement, layout: GridLayout, row: number, col: number): void {
  const top = row * ROW_HEIGHT;
  const left = layout.offsets[Math.min(col, layout.widths.length - 1)] ?? 0;
  const bodyHeight = el.clientHeight - ROW_HEIGHT;
  if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = Math.max(0, top - bodyHeight / 2);
  const bodyWidth = el.clientWidth - ROW_HEADER_WIDTH;
  if (left < el.scrollLeft || left + (layout.widths[col] ?? 0) > el.scrollLeft + bodyWidth) el.scrollLeft = Math.max(0, left - bodyWidth / 3);
}

/** The chosen cell: follows the pane's highlight, moves with the arrow keys and clicks, opens links on Enter. */
function useActiveCell(p: SheetGridProps, layout: GridLayout, scroller: React.RefObject<HTMLDivElement>, pageRows: number) {
  const [active, setActive] = useState<{ row: number; col: number }>(() => p.highlight ?? { row: 0, col: 0 });
  // A new highlight from the pane (a finding chosen, a link followed) becomes the chosen cell.
  const [seen, setSeen] = useState(p.highlight);
  if (p.highlight !== seen) {
    setSeen(p.highlight);
    if (p.highlight) setActive({ row: p.highlight.row, col: p.highlight.col });
  }
  // Keep the chosen cell in view; the scroll event then renders the cells now in view.
  useEffect(() => {
    if (scroller.current) scrollToCell(scroller.current, layout, active.row, active.col);
  }, [active, layout, scroller]);
  const moveTo = (row: number, col: number) => setActive({ row: Math.max(0, Math.min(layout.rowCount - 1, row)), col: Math.max(0, Math.min(layout.widths.length - 1, col)) });
  const link = p.look?.links.get(cellKey(active.row, active.col)) ?? null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => void> = {
      ArrowUp: () => moveTo(active.row - 1, active.col),
      ArrowDown: () => moveTo(active.row + 1, active.col),
      ArrowLeft: () => moveTo(active.row, nextVisibleCol(layout, active.col, -1)),
      ArrowRight: () => moveTo(active.row, nextVisibleCol(layout, active.col, 1)),
      PageUp: () => moveTo(active.row - pageRows, active.col),
      PageDown: () => moveTo(active.row + pageRows, active.col),
      Home: () => (e.ctrlKey || e.metaKey ? moveTo(0, nextVisibleCol(layout, -1, 1)) : moveTo(active.row, nextVisibleCol(layout, -1, 1))),
    };
    if (e.key === 'Enter' && link) {
      e.preventDefault();
      p.onFollow(link);
    } else if (moves[e.key] && !e.altKey) {
      e.preventDefault();
      moves[e.key]();
    }
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    setActive({ row, col });
    const target = p.look?.links.get(cellKey(row, col));
    if (target) p.onFollow(target);
  };
  return { active, link, onKeyDown, onClick };
}

/**
 * A read-only, windowed view of one sheet: only the rows and columns in view (plus a few) are in the
 * DOM, so 100,000 rows scroll like 100. Column letters and row numbers stay in view (sticky), and the
 * ARIA grid roles carry the true row and column counts. Cells show as Excel shows them: number formats,
 * long text over empty neighbours, fills, notes (a red corner; the text in the cell bar and on hover),
 * links that go to their cell, hidden columns hidden, and the sheet's charts drawn where they are anchored.
 */
export function SheetGrid(props: SheetGridProps) {
  const { sheet, look, label, cornerLabel, highlight, lang } = props;
  const styles = useStyles();
  const { scroller, view, sync } = useView();
  const layout = useMemo(() => gridLayout(sheet, look), [sheet, look]);
  const { widths, offsets, rowCount } = layout;
  const colCount = widths.length;
  const totalWidth = ROW_HEADER_WIDTH + offsets[colCount];
  const cursor = useActiveCell(props, layout, scroller, Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 2));
  const idBase = useId();

  const firstRow = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, upperBound(offsets, view.left) - 2);
  const lastCol = Math.min(colCount - 1, upperBound(offsets, view.left + view.width) + 1);
  const cols: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) if (!layout.hidden.has(c)) cols.push(c);
  const rows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(r);
  const cellId = (r: number, c: number) => `${idBase}-${r}-${c}`;
  const { active } = cursor;

  return (
    <div className={styles.frame}>
      <CellBar
        lang={lang}
        address={`${columnLetter(active.col)}${active.row + 1}`}
        text={displayAt(sheet, active.row, active.col)}
        note={look?.notes.get(cellKey(active.row, active.col)) ?? null}
        link={cursor.link}
        onFollow={props.onFollow}
      />
      <div className={styles.area}>
        <div
          ref={scroller}
          className={styles.scroller}
          onScroll={(_: UIEvent<HTMLDivElement>) => sync()}
          onKeyDown={cursor.onKeyDown}
          onClick={cursor.onClick}
          tabIndex={0}
          role="grid"
          aria-label={label}
          aria-readonly="true"
          aria-rowcount={rowCount + 1}
          aria-colcount={colCount + 1}
          aria-activedescendant={active.row >= firstRow && active.row <= lastRow && cols.includes(active.col) ? cellId(active.row, active.col) : undefined}
          aria-describedby={`${idBase}-hint`}
          data-testid="sheet-grid"
        >
          <span id={`${idBase}-hint`} className={styles.visuallyHidden}>
            {t(lang, 'standalone.cell.hint')}
          </span>
          <div style={{ width: totalWidth, height: ROW_HEIGHT * (rowCount + 1), position: 'relative' }}>
            <GridHeader cols={cols} offsets={offsets} widths={widths} totalWidth={totalWidth} cornerLabel={cornerLabel} highlightCol={highlight?.col ?? active.col} />
            <div role="rowgroup" className={styles.body} style={{ height: ROW_HEIGHT * rowCount }}>
              {rows.map((r) => (
                <GridRow key={r} row={r} cols={cols} sheet={sheet} look={look} layout={layout} totalWidth={totalWidth} highlight={highlight} active={active} cellId={cellId} />
              ))}
            </div>
          </div>
        </div>
        {look && look.charts.length > 0 && <ChartLayer look={look} sheet={sheet} layout={layout} view={view} lang={lang} scroller={scroller} />}
      </div>
    </div>
  );
}

/**
 * The sheet's charts, drawn where the file anchors them and moved with the scroll. A layer over the grid
 * rather than inside it: a grid may only hold rows (ARIA), and a chart is a picture of its own.
 */
function ChartLayer({
  look,
  sheet,
  layout,
  view,
  lang,
  scroller,
}: {
  look: SheetLook;
  sheet: SheetSnapshot;
  layout: GridLayout;
  view: View;
  lang: Lang;
  scroller: React.RefObject<HTMLDivElement>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.chartLayer} style={{ width: Math.max(0, view.width - ROW_HEADER_WIDTH), height: Math.max(0, view.height - ROW_HEIGHT) }}>
      {look.charts.map((chart, i) => {
        const at = chartPosition(chart.anchor, sheet);
        return (
          <div
            key={i}
            className={styles.chart}
            data-testid="sheet-chart"
            onWheel={(e) => scroller.current?.scrollBy(e.deltaX, e.deltaY)}
            style={{ left: (layout.offsets[at.col] ?? 0) - view.left, top: ROW_HEIGHT * at.row - view.top, width: CHART_WIDTH, height: CHART_ROWS * ROW_HEIGHT }}
          >
            <Suspense fallback={<Spinner size="tiny" label={t(lang, 'standalone.chart.loading')} />}>
              <SheetChart chart={chart} lang={lang} width={CHART_WIDTH - 2} height={CHART_ROWS * ROW_HEIGHT - 2} />
            </Suspense>
          </div>
        );
      })}
    </div>
  );
}

interface GridRowProps {
  readonly row: number;
  readonly cols: readonly number[];
  readonly sheet: SheetSnapshot;
  readonly look: SheetLook | null;
  readonly layout: GridLayout;
  readonly totalWidth: number;
  readonly highlight: { readonly row: number; readonly col: number } | null;
  readonly active: { readonly row: number; readonly col: number };
  readonly cellId: (r: number, c: number) => string;
}

/** One row: its number, then its cells in view (and a cell to the left whose text spills into view). */
function GridRow({ row: r, cols, sheet, look, layout, totalWidth, highlight, active, cellId }: GridRowProps) {
  const styles = useStyles();
  const source = cols.length ? spillSource(sheet, r, cols[0]) : null;
  const shown = source === null ? cols : [source, ...cols];
  return (
    <div role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: r * ROW_HEIGHT, width: totalWidth }}>
      <span role="rowheader" aria-colindex={1} className={mergeClasses(styles.cell, styles.header, styles.rowHeader, (highlight ?? active).row === r && styles.headerHighlight)}>
        {r + 1}
      </span>
      {shown.map((c) => {
        const value = cellAt(sheet, r, c);
        const text = displayAt(sheet, r, c);
        const key = cellKey(r, c);
        const hit = highlight !== null && highlight.row === r && highlight.col === c;
        const fill = look?.fills.get(key);
        const note = look?.notes.get(key);
        const link = look?.links.has(key) ?? false;
        const width = text ? spillWidth(sheet, layout, r, c, text) : layout.widths[c];
        const spills = width > layout.widths[c];
        return (
          <span
            key={c}
            id={cellId(r, c)}
            role="gridcell"
            aria-colindex={c + 2}
            aria-selected={hit || undefined}
            data-cell={`${columnLetter(c)}${r + 1}`}
            data-row={r}
            data-col={c}
            data-highlight={hit ? 'true' : undefined}
            data-fill={fill}
            data-note={note !== undefined ? 'true' : undefined}
            data-link={link ? 'true' : undefined}
            title={note ?? (text.length > 12 && !spills ? text : undefined)}
            className={mergeClasses(
              styles.cell,
              typeof value === 'number' && styles.number,
              spills && styles.spill,
              link && styles.link,
              note !== undefined && styles.noted,
              active.row === r && active.col === c && styles.active,
              hit && styles.highlight,
            )}
            style={{ left: ROW_HEADER_WIDTH + layout.offsets[c], width, ...(fill && !hit ? { backgroundColor: fill, color: '#000000' } : {}) }}
          >
            {text}
          </span>
        );
      })}
    </div>
  );
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
  offsets: readonly number[];
  widths: readonly number[];
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
