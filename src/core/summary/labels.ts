import { parseIso } from '../dates';
import '../i18n/all';
import { t, type Lang } from '../i18n';
import type { Period } from './period';

/** How a period is named on the sheets: "2026年11月", "2026–2027学年第1学期（…）". */
export function periodLabel(period: Period, lang: Lang): string {
  const from = parseIso(period.from)!;
  switch (period.kind) {
    case 'month':
      return t(lang, 'summary.period.month', { year: from.y, month: from.m });
    case 'term': {
      // A term starting in August or later is the first of its school year.
      const first = from.m >= 8;
      const startYear = first ? from.y : from.y - 1;
      return t(lang, 'summary.period.term', { startYear, endYear: startYear + 1, n: first ? 1 : 2, from: period.from, to: period.to });
    }
    case 'year':
      return t(lang, 'summary.period.year', { startYear: from.y, endYear: from.y + 1, from: period.from, to: period.to });
    case 'custom':
      return t(lang, 'summary.period.custom', { from: period.from, to: period.to });
  }
}

/** The words a report sentence starts with: 本月, 本学期, … */
export function periodWhen(period: Period, lang: Lang): string {
  return period.kind === 'custom' ? t(lang, 'summary.when.custom', { from: period.from, to: period.to }) : t(lang, `summary.when.${period.kind}`);
}

/**
 * A share rounded to a tenth of a percent: 0.0625 -> 0.063. The one rounding of every share the
 * report shows, so its sentences and its table's cells say the same figure.
 */
export function roundShare(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** 0.8523 -> "85.2%", 1 -> "100%"; rounded as roundShare rounds. */
export function formatShare(value: number): string {
  const pct = Math.round(roundShare(value) * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/**
 * A finding rule's name in the user's language, whatever domain the rule comes from: the roster's
 * names (roster.rule.*) first, then those of the pairing and contact rules (summary.rule.*). Only a
 * rule no catalogue knows is shown as its id, so a new rule is visible rather than blank.
 */
export function findingRuleLabel(rule: string, lang: Lang): string {
  for (const key of [`roster.rule.${rule}`, `summary.rule.${rule}`]) {
    const text = t(lang, key);
    if (text !== key) return text;
  }
  return rule;
}
