import { cellKey } from '../../core/cellKey';
import type { CellRef } from '../../core/plan/types';
import { Pkg, relIs } from './pkg';
import { parseRef } from './sheetEdit';
import { attr, unescapeXml } from './xml';
import type { Parts } from './zip';

/**
 * How a sheet looks beyond its values, for the standalone page's read-only grid: what the add-in writes
 * (links in 校验结果, fills and notes on marked roster cells, the charts of 统计汇总, 上次生成 hidden) and the
 * same things in a teacher's file. Read from the package parts on demand, one sheet at a time; nothing
 * here is needed by the core, so the snapshot stays values only.
 */
export interface SheetLook {
  /** 0-based columns hidden in the file. */
  readonly hiddenCols: readonly number[];
  /** Links to a cell of this workbook, by `cellKey(row, col)` (core/cellKey.ts). Links to the web are left out. */
  readonly links: ReadonlyMap<string, CellRef>;
  /** Solid fills as #RRGGBB, by cell key. Theme and indexed colours are left out. */
  readonly fills: ReadonlyMap<string, string>;
  /** Note (legacy comment) text, by cell key. */
  readonly notes: ReadonlyMap<string, string>;
  readonly charts: readonly ChartLook[];
}

export interface ChartLook {
  readonly type: 'column' | 'bar' | 'line' | 'pie' | 'area';
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesLook[];
  /** The top-left cell the chart is anchored at (0-based), when the drawing says. */
  readonly anchor: { readonly row: number; readonly col: number } | null;
}

export interface ChartSeriesLook {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** The number format of the cached values (0.0% for shares), or null. */
  readonly formatCode: string | null;
}

/** Any namespace prefix (or none) before a local name, for regexes over parts from any writer. */
const P = '(?:[\\w.-]+:)?';

function elements(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${P}${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${P}${name}>)`, 'g')) ?? [];
}

function firstElement(xml: string, name: string): string | undefined {
  return elements(xml, name)[0];
}

function startTags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${P}${name}\\b[^>]*>`, 'g')) ?? [];
}

/** The text of every <t> (or <a:t>) inside, joined: rich text runs make one string. */
function runsText(xml: string): string {
  return [...xml.matchAll(new RegExp(`<${P}t\\b[^>]*>([\\s\\S]*?)</${P}t>`, 'g'))].map((m) => unescapeXml(m[1])).join('');
}

function relIdIn(tag: string): string | undefined {
  return /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}

/** A location such as 'My Sheet'!B7, 花名册!$B$7 or #花名册!B7 as a cell reference. */
export function parseLocation(location: string): CellRef | null {
  const m = /^#?(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::.*)?$/.exec(location.trim());
  if (!m) return null;
  const at = parseRef(`${m[3]}${m[4]}`);
  if (!at) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], row: at.row, col: at.col };
}

function hiddenColumns(sheetXml: string): number[] {
  const out: number[] = [];
  for (const tag of startTags(sheetXml, 'col')) {
    const hidden = attr(tag, 'hidden');
    if (hidden !== '1' && hidden !== 'true') continue;
    const min = Number(attr(tag, 'min'));
    const max = Math.min(Number(attr(tag, 'max') ?? min), min + 16384);
    for (let c = min; c <= max && Number.isInteger(c); c++) out.push(c - 1);
  }
  return out;
}

function links(sheetXml: string): Map<string, CellRef> {
  const out = new Map<string, CellRef>();
  for (const tag of startTags(sheetXml, 'hyperlink')) {
    const at = parseRef(attr(tag, 'ref')?.split(':')[0] ?? '');
    const target = parseLocation(attr(tag, 'location') ?? '');
    if (at && target) out.set(cellKey(at.row, at.col), target);
  }
  // Excel's own files from the Office port carry links as =HYPERLINK("#'花名册'!B7", …) formulas.
  for (const m of sheetXml.matchAll(new RegExp(`<${P}c\\b([^>]*)>\\s*<${P}f\\b[^>]*>\\s*HYPERLINK\\(&quot;#([^&]*(?:&apos;[^&]*)*)&quot;`, 'gi'))) {
    const at = parseRef(attr(m[1], 'r') ?? '');
    const target = parseLocation(unescapeXml(m[2]));
    if (at && target) out.set(cellKey(at.row, at.col), target);
  }
  return out;
}

/** #RRGGBB of each cell style (cellXfs index) with a solid fill in an RGB colour. */
function fillStyles(stylesXml: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!stylesXml) return out;
  const fillsEl = firstElement(stylesXml, 'fills');
  const xfsEl = firstElement(stylesXml, 'cellXfs');
  if (!fillsEl || !xfsEl) return out;
  const colours = elements(fillsEl, 'fill').map((fill) => {
    const pattern = startTags(fill, 'patternFill')[0];
    if (!pattern || attr(pattern, 'patternType') !== 'solid') return null;
    const rgb = attr(startTags(fill, 'fgColor')[0] ?? '', 'rgb');
    return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : null;
  });
  startTags(xfsEl.replace(new RegExp(`^<${P}cellXfs\\b[^>]*>`), ''), 'xf').forEach((xf, i) => {
    const colour = colours[Number(attr(xf, 'fillId') ?? 0)];
    if (colour) out.set(i, colour);
  });
  return out;
}

function fills(sheetXml: string, styles: Map<number, string>): Map<string, string> {
  const out = new Map<string, string>();
  if (!styles.size) return out;
  // Lazily, cell by cell: a 100,000-row sheet has millions of cells, never held as one array of tags.
  for (const m of sheetXml.matchAll(new RegExp(`<${P}c\\b[^>]*>`, 'g'))) {
    const tag = m[0];
    const s = attr(tag, 's');
    const colour = s === undefined ? undefined : styles.get(Number(s));
    const at = colour && parseRef(attr(tag, 'r') ?? '');
    if (colour && at) out.set(cellKey(at.row, at.col), colour);
  }
  return out;
}

function notes(commentsXml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!commentsXml) return out;
  for (const comment of elements(commentsXml, 'comment')) {
    const at = parseRef(attr(comment, 'ref') ?? '');
    if (at) out.set(cellKey(at.row, at.col), runsText(firstElement(comment, 'text') ?? ''));
  }
  return out;
}

const CHART_KINDS: Record<string, ChartLook['type']> = {
  barChart: 'column',
  bar3DChart: 'column',
  lineChart: 'line',
  line3DChart: 'line',
  pieChart: 'pie',
  pie3DChart: 'pie',
  doughnutChart: 'pie',
  areaChart: 'area',
};

function cachedPoints(xml: string | undefined): (string | null)[] {
  if (!xml) return [];
  const count = Number(attr(startTags(xml, 'ptCount')[0] ?? '', 'val') ?? 0);
  const out = new Array<string | null>(Math.min(count, 10000)).fill(null);
  for (const pt of elements(xml, 'pt')) {
    const i = Number(attr(pt, 'idx'));
    const v = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`).exec(pt)?.[1];
    if (Number.isInteger(i) && i >= 0 && i < out.length && v !== undefined) out[i] = unescapeXml(v);
  }
  return out;
}

/** A chart part's type, title and series from its cached values (what Excel shows before recalculating). */
export function parseChart(xml: string, anchor: ChartLook['anchor']): ChartLook | null {
  const plotArea = firstElement(xml, 'plotArea');
  if (!plotArea) return null;
  const kindMatch = new RegExp(`<${P}(${Object.keys(CHART_KINDS).join('|')})\\b`).exec(plotArea);
  if (!kindMatch) return null;
  const plot = firstElement(plotArea, kindMatch[1]) ?? '';
  let type = CHART_KINDS[kindMatch[1]];
  if (type === 'column' && attr(startTags(plot, 'barDir')[0] ?? '', 'val') === 'bar') type = 'bar';
  const title = runsText(firstElement(firstElement(xml, 'chart') ?? xml, 'title') ?? '');
  let categories: string[] = [];
  const series = elements(plot, 'ser').map((ser) => {
    const cat = firstElement(ser, 'cat');
    if (cat && !categories.length) categories = cachedPoints(cat).map((v) => v ?? '');
    const val = firstElement(ser, 'val') ?? '';
    const formatCode = new RegExp(`<${P}formatCode>([\\s\\S]*?)</${P}formatCode>`).exec(val)?.[1];
    return {
      name: runsText(firstElement(ser, 'tx') ?? '').trim() || cachedPoints(firstElement(ser, 'tx')).join(''),
      values: cachedPoints(val).map((v) => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v))),
      formatCode: formatCode ? unescapeXml(formatCode) : null,
    };
  });
  return { type, title, categories, series, anchor };
}

function charts(pkg: Pkg, sheetPath: string, sheetXml: string): ChartLook[] {
  const drawingTag = startTags(sheetXml, 'drawing')[0];
  const rid = drawingTag && relIdIn(drawingTag);
  const drawing = rid ? pkg.rels(sheetPath).find((r) => r.id === rid && !r.external) : undefined;
  const drawingXml = drawing && pkg.text(drawing.path);
  if (!drawing || !drawingXml) return [];
  const rels = pkg.rels(drawing.path);
  const out: ChartLook[] = [];
  for (const anchorXml of elements(drawingXml, 'twoCellAnchor').concat(elements(drawingXml, 'oneCellAnchor'), elements(drawingXml, 'absoluteAnchor'))) {
    const chartTag = startTags(anchorXml, 'chart').find((t) => relIdIn(t));
    const rel = chartTag && rels.find((r) => r.id === relIdIn(chartTag) && relIs(r.type, 'chart') && !r.external);
    const chartXml = rel && pkg.text(rel.path);
    if (!chartXml) continue;
    const from = firstElement(anchorXml, 'from');
    const num = (name: string) => Number(new RegExp(`<${P}${name}>(\\d+)</${P}${name}>`).exec(from ?? '')?.[1]);
    const anchor = from && Number.isInteger(num('row')) && Number.isInteger(num('col')) ? { row: num('row'), col: num('col') } : null;
    const chart = parseChart(chartXml, anchor);
    if (chart) out.push(chart);
  }
  return out;
}

const NO_LOOK: SheetLook = { hiddenCols: [], links: new Map(), fills: new Map(), notes: new Map(), charts: [] };

/** The look of one worksheet of the package (an empty look for a sheet it cannot find). */
export function readSheetLook(parts: Parts, sheet: string): SheetLook {
  const pkg = new Pkg(parts);
  const entry = pkg.sheets().find((e) => e.name === sheet && e.kind === 'worksheet' && e.path);
  const sheetXml = entry && pkg.text(entry.path);
  if (!entry || !sheetXml) return NO_LOOK;
  const styles = pkg.rels(pkg.workbookPath()).find((r) => relIs(r.type, 'styles') && !r.external);
  const comments = pkg.rels(entry.path).find((r) => relIs(r.type, 'comments') && !r.external);
  return {
    hiddenCols: hiddenColumns(sheetXml),
    links: links(sheetXml),
    fills: fills(sheetXml, fillStyles(styles && pkg.text(styles.path))),
    notes: notes(comments && pkg.text(comments.path)),
    charts: charts(pkg, entry.path, sheetXml),
  };
}
