import { daysInMonth, parseIso, toIso, type IsoDate } from '../dates';

/**
 * The span a summary covers, derived from `today` (never from a clock). Besides its own from/to, a
 * period carries the date the figures are taken on (`asOf`: gaps in contact never run past it) and the
 * term that holds it (home visits are counted per term whatever the period).
 */
export type PeriodKind = 'month' | 'term' | 'year' | 'custom';

export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Period extends DateRange {
  readonly kind: PeriodKind;
  readonly asOf: IsoDate;
  readonly term: DateRange;
}

/** School terms as 设置 gives them; any term not covered falls back to the default calendar. */
export type TermDates = readonly DateRange[];

export type PeriodChoice = { readonly kind: 'month' | 'term' | 'year' } | { readonly kind: 'custom'; readonly from: IsoDate; readonly to: IsoDate };

export type PeriodResult = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly messageKey: string; readonly params: Record<string, string> };

/** 2026-11-29 -> 2026-11-01 .. 2026-11-30 */
export function monthOf(date: IsoDate): DateRange {
  const p = mustParse(date);
  return { from: toIso(p.y, p.m, 1), to: toIso(p.y, p.m, daysInMonth(p.y, p.m)) };
}

/** School year: 09-01 to 08-31 of the next calendar year. */
export function schoolYearOf(date: IsoDate): DateRange {
  const p = mustParse(date);
  const start = p.m >= 9 ? p.y : p.y - 1;
  return { from: toIso(start, 9, 1), to: toIso(start + 1, 8, 31) };
}

/**
 * The term holding `date`. Configured terms win; between two configured terms (a holiday) the term
 * that ended last counts, so an end-of-January summary still covers the autumn term. Without a
 * configured term: autumn 09-01 – 01-31, spring 02-01 – 08-31.
 */
export function termOf(date: IsoDate, terms: TermDates = []): DateRange {
  const valid = terms.filter((t) => parseIso(t.from) && parseIso(t.to) && t.from <= t.to);
  const inside = valid.find((t) => t.from <= date && date <= t.to);
  if (inside) return { from: inside.from, to: inside.to };
  const year = schoolYearOf(date);
  const endedThisYear = valid.filter((t) => t.to < date && t.to >= year.from).sort((a, b) => (a.to < b.to ? 1 : -1));
  if (endedThisYear.length) return { from: endedThisYear[0].from, to: endedThisYear[0].to };
  const p = mustParse(date);
  if (p.m >= 9) return { from: toIso(p.y, 9, 1), to: toIso(p.y + 1, 1, 31) };
  if (p.m === 1) return { from: toIso(p.y - 1, 9, 1), to: toIso(p.y, 1, 31) };
  return { from: toIso(p.y, 2, 1), to: toIso(p.y, 8, 31) };
}

export function periodFor(choice: PeriodChoice, today: IsoDate, terms: TermDates = []): PeriodResult {
  if (!parseIso(today)) return { ok: false, messageKey: 'summary.period.badToday', params: { value: today } };
  const make = (kind: PeriodKind, range: DateRange): PeriodResult => ({
    ok: true,
    period: { kind, from: range.from, to: range.to, asOf: today, term: termOf(range.to < today ? range.to : today, terms) },
  });
  switch (choice.kind) {
    case 'month':
      return make('month', monthOf(today));
    case 'term':
      return make('term', termOf(today, terms));
    case 'year':
      return make('year', schoolYearOf(today));
    case 'custom': {
      if (!parseIso(choice.from)) return { ok: false, messageKey: 'summary.period.badDate', params: { value: choice.from } };
      if (!parseIso(choice.to)) return { ok: false, messageKey: 'summary.period.badDate', params: { value: choice.to } };
      if (choice.from > choice.to) return { ok: false, messageKey: 'summary.period.reversed', params: { from: choice.from, to: choice.to } };
      return make('custom', { from: choice.from, to: choice.to });
    }
  }
}

/** The last day whose contacts can exist: the period's end, or today when the period runs on. */
export function evaluationEnd(period: Period): IsoDate {
  return period.to < period.asOf ? period.to : period.asOf;
}

/** 'YYYY-MM' keys of every month the period touches, in order. */
export function monthsOf(range: DateRange): string[] {
  const a = mustParse(range.from);
  const b = mustParse(range.to);
  const out: string[] = [];
  let y = a.y;
  let m = a.m;
  while (y < b.y || (y === b.y && m <= b.m)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function mustParse(date: IsoDate): { y: number; m: number; d: number } {
  const p = parseIso(date);
  if (!p) throw new RangeError('invalid date');
  return p;
}
