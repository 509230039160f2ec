import { tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import { formatNumber } from '../core/numberFormat';
import type { ChartLook, ChartSeriesLook } from '../workbook/file';

/**
 * A chart of the file drawn as SVG by hand: the same type, title, categories and series as Excel draws
 * from the chart part's cached values. Columns (and bars, drawn as columns), lines, areas and pies; no
 * library, and this module loads only when a sheet with charts is shown in the standalone page.
 */

/** Office's default series colours, in order. */
const PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E'];
const FONT = 11;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Round axis steps (1, 2, 5 × 10ⁿ) covering min..max in about five ticks. */
export function axisTicks(min: number, max: number): number[] {
  const lo = Math.min(0, min);
  const hi = max > lo ? max : lo + 1;
  const raw = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; ticks.length < 50; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= hi - step * 1e-9) break;
  }
  return ticks;
}

function valueText(v: number, series: ChartSeriesLook | undefined, axis: boolean): string {
  const code = series?.formatCode;
  if (code && code.includes('%')) return formatNumber(v, axis ? '0%' : code) ?? String(v);
  return formatNumber(v, code && code !== 'General' ? code : '#,##0.##') ?? String(v);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

function Legend({ names, y, width }: { names: readonly string[]; y: number; width: number }) {
  const slot = Math.min(140, width / Math.max(1, names.length));
  const start = (width - slot * names.length) / 2;
  return (
    <g data-part="legend">
      {names.map((name, i) => (
        <g key={i} transform={`translate(${start + i * slot},${y})`}>
          <rect width={10} height={10} y={-9} fill={PALETTE[i % PALETTE.length]} />
          <text x={14} fontSize={FONT} fill="currentColor">
            {shorten(name, Math.floor(slot / 12))}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Value axis, grid lines and category labels of a column, line or area chart. */
function Axes({ chart, box, ticks, y }: { chart: ChartLook; box: Box; ticks: readonly number[]; y: (v: number) => number }) {
  const n = Math.max(1, chart.categories.length);
  const slot = box.width / n;
  const every = Math.ceil((n * 40) / box.width);
  return (
    <g data-part="axes">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={box.left} x2={box.left + box.width} y1={y(v)} y2={y(v)} stroke={tokens.colorNeutralStroke2} />
          <text x={box.left - 4} y={y(v) + 4} textAnchor="end" fontSize={FONT} fill="currentColor">
            {valueText(v, chart.series[0], true)}
          </text>
        </g>
      ))}
      {chart.categories.map((c, i) =>
        i % every === 0 ? (
          <text key={i} x={box.left + slot * (i + 0.5)} y={box.top + box.height + 14} textAnchor="middle" fontSize={FONT} fill="currentColor">
            {shorten(c, Math.max(2, Math.floor((slot * every) / 12)))}
          </text>
        ) : null,
      )}
    </g>
  );
}

function pointTitle(lang: Lang, chart: ChartLook, s: ChartSeriesLook, i: number, v: number): string {
  return t(lang, 'standalone.chart.point', { series: s.name, category: chart.categories[i] ?? String(i + 1), value: valueText(v, s, false) });
}

function Columns({ chart, box, y, lang }: { chart: ChartLook; box: Box; y: (v: number) => number; lang: Lang }) {
  const n = Math.max(1, chart.categories.length, ...chart.series.map((s) => s.values.length));
  const slot = box.width / n;
  const bar = (slot * 0.6) / Math.max(1, chart.series.length);
  return (
    <>
      {chart.series.map((s, k) => (
        <g key={k} data-series={s.name} fill={PALETTE[k % PALETTE.length]}>
          {s.values.map((v, i) =>
            v === null ? null : (
              <rect key={i} x={box.left + slot * i + slot * 0.2 + bar * k} width={Math.max(1, bar - 1)} y={Math.min(y(v), y(0))} height={Math.abs(y(0) - y(v))}>
                <title>{pointTitle(lang, chart, s, i, v)}</title>
              </rect>
            ),
          )}
        </g>
      ))}
    </>
  );
}

function Lines({ chart, box, y, lang, area }: { chart: ChartLook; box: Box; y: (v: number) => number; lang: Lang; area: boolean }) {
  const n = Math.max(1, chart.categories.length, ...chart.series.map((s) => s.values.length));
  const x = (i: number) => box.left + (box.width / n) * (i + 0.5);
  return (
    <>
      {chart.series.map((s, k) => {
        const colour = PALETTE[k % PALETTE.length];
        const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const))).filter((p): p is readonly [number, number] => p !== null);
        const path = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
        return (
          <g key={k} data-series={s.name}>
            {area && points.length > 0 && <path d={`${path} L${points[points.length - 1][0]},${y(0)} L${points[0][0]},${y(0)} Z`} fill={colour} opacity={0.5} />}
            <path d={path} fill="none" stroke={colour} strokeWidth={2} />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={colour}>
                  <title>{pointTitle(lang, chart, s, i, v)}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </>
  );
}

function Pie({ chart, box, lang }: { chart: ChartLook; box: Box; lang: Lang }) {
  const s = chart.series[0];
  if (!s) return null;
  const total = s.values.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0);
  const r = Math.min(box.width, box.height) / 2 - 4;
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  // Each slice's start angle, clockwise from twelve o'clock as Excel draws them.
  const starts = s.values.reduce<number[]>((acc, v) => [...acc, acc[acc.length - 1] + (total > 0 ? (Math.max(0, v ?? 0) / total) * Math.PI * 2 : 0)], [-Math.PI / 2]);
  return (
    <g data-series={s.name}>
      {s.values.map((v, i) => {
        if (!v || v <= 0 || total <= 0) return null;
        const [a0, a1] = [starts[i], starts[i + 1]];
        const sweep = a1 - a0;
        const large = sweep > Math.PI ? 1 : 0;
        const d =
          sweep >= Math.PI * 2 - 1e-9
            ? `M${cx - r},${cy} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`
            : `M${cx},${cy} L${cx + r * Math.cos(a0)},${cy + r * Math.sin(a0)} A${r},${r} 0 ${large},1 ${cx + r * Math.cos(a1)},${cy + r * Math.sin(a1)} Z`;
        return (
          <path key={i} d={d} fill={PALETTE[i % PALETTE.length]} stroke={tokens.colorNeutralBackground1}>
            <title>{pointTitle(lang, chart, s, i, v)}</title>
          </path>
        );
      })}
    </g>
  );
}

export default function SheetChart({ chart, lang, width, height }: { chart: ChartLook; lang: Lang; width: number; height: number }) {
  const label = t(lang, `standalone.chart.${chart.type}`, { title: chart.title || chart.series.map((s) => s.name).join('、') });
  const pie = chart.type === 'pie';
  const legend = pie ? chart.categories : chart.series.map((s) => s.name);
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = axisTicks(Math.min(0, ...values), Math.max(0, ...values));
  const box: Box = { left: pie ? 12 : 52, top: chart.title ? 32 : 12, width: width - (pie ? 24 : 64), height: height - (chart.title ? 32 : 12) - 48 };
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => box.top + box.height - ((v - lo) / (hi - lo || 1)) * box.height;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ color: tokens.colorNeutralForeground1, display: 'block' }}
      data-chart-type={chart.type}
    >
      <title>{label}</title>
      {chart.title && (
        <text x={width / 2} y={20} textAnchor="middle" fontSize={14} fontWeight={600} fill="currentColor">
          {chart.title}
        </text>
      )}
      {pie ? <Pie chart={chart} box={box} lang={lang} /> : <Axes chart={chart} box={box} ticks={ticks} y={y} />}
      {(chart.type === 'column' || chart.type === 'bar') && <Columns chart={chart} box={box} y={y} lang={lang} />}
      {(chart.type === 'line' || chart.type === 'area') && <Lines chart={chart} box={box} y={y} lang={lang} area={chart.type === 'area'} />}
      <Legend names={legend} y={height - 10} width={width} />
    </svg>
  );
}
