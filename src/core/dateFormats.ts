import type { DateFormatKind, DateFormatRun } from './snapshot';

/**
 * Number-format codes that mean a date or time, the way Excel reads them: which letters are date
 * parts and which are time parts, after quoted text, escapes, colours and locale tags are set aside.
 */

type Token = { readonly kind: 'date' | 'hour' | 'second' | 'ampm' } | { readonly kind: 'm'; readonly run: number };

/** The sections of a code (positive; negative; zero; text), split on `;` outside quotes and brackets. */
export function formatSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

/** Date and time tokens of a format section; null when it is an elapsed duration ([h]:mm), not a time of day. */
function tokens(section: string): Token[] | null {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      i = close < 0 ? section.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? section.length : close);
      // [h], [mm], [ss] count elapsed time past 24 hours: Excel shows 36:00, not a clock time.
      if (/^(?:h+|m+|s+)$/i.test(inner)) return null;
      i = close < 0 ? section.length : close;
    } else if (lower === 'g' && section.slice(i, i + 7).toLowerCase() === 'general') i += 6;
    else if (lower === 'e' && (section[i + 1] === '+' || section[i + 1] === '-'))
      i++; // 0.00E+00
    else if (lower === 'b' && (section[i + 1] === '1' || section[i + 1] === '2'))
      i++; // calendar switch B1/B2
    else if (lower === 'a' && section.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      out.push({ kind: 'ampm' });
      i += 4;
    } else if (lower === 'a' && section.slice(i, i + 3).toUpperCase() === 'A/P') {
      out.push({ kind: 'ampm' });
      i += 2;
    } else if (section.startsWith('上午/下午', i)) {
      out.push({ kind: 'ampm' });
      i += 4;
    } else if (lower === 'y' || lower === 'd' || lower === 'e' || lower === 'g' || lower === 'b') out.push({ kind: 'date' });
    else if (lower === 'h') out.push({ kind: 'hour' });
    else if (lower === 's') out.push({ kind: 'second' });
    else if (lower === 'm') {
      let run = 1;
      while (section[i + run]?.toLowerCase() === 'm') run++;
      out.push({ kind: 'm', run });
      i += run - 1;
    }
  }
  return out;
}

/**
 * What a number with this format shows: a date, a time, both, or null (a plain number, text, or an
 * elapsed duration). `m` is minutes right after an hour or right before a second, as in Excel, else
 * a month.
 */
export function dateFormatKind(code: string | undefined): DateFormatKind | null {
  if (!code || code === 'General') return null;
  // The positive section: dates are never negative.
  const list = tokens(formatSections(code)[0]);
  if (!list) return null;
  let date = false;
  let time = false;
  list.forEach((tok, i) => {
    if (tok.kind === 'date') date = true;
    else if (tok.kind !== 'm') time = true;
    else if (tok.run <= 2 && (list[i - 1]?.kind === 'hour' || list[i + 1]?.kind === 'second')) time = true;
    else date = true;
  });
  return date && time ? 'dateTime' : date ? 'date' : time ? 'time' : null;
}

/** dateFormatKind remembered per code: a workbook has a handful of distinct codes over many cells. */
export function cachedDateFormatKind(): (code: string | undefined) => DateFormatKind | null {
  const kinds = new Map<string, DateFormatKind | null>();
  return (code) => {
    if (code === undefined || code === 'General') return null;
    let kind = kinds.get(code);
    if (kind === undefined) kinds.set(code, (kind = dateFormatKind(code)));
    return kind;
  };
}

/**
 * Collects a sheet's date cells, visited row by row, into runs per column: a cell one row below its
 * column's last run, of the same kind, extends that run; anything else starts a new one.
 */
export class DateRunsBuilder {
  private readonly columns: Record<number, { firstRow: number; lastRow: number; kind: DateFormatKind }[]> = {};

  add(row: number, col: number, kind: DateFormatKind): void {
    const runs = (this.columns[col] ??= []);
    const last = runs[runs.length - 1];
    if (last && last.lastRow === row - 1 && last.kind === kind) last.lastRow = row;
    else runs.push({ firstRow: row, lastRow: row, kind });
  }

  result(): Readonly<Record<number, readonly DateFormatRun[]>> {
    return this.columns;
  }
}

/**
 * Whether a format shows a plain number as something else: a date or time (3 as 1900-01-03), an elapsed
 * duration ([h]:mm) or a percent (3 as 300%). A count written into a new cell must not take such a
 * format from the cell above it.
 */
export function recastsNumber(code: string | undefined): boolean {
  if (!code || code === 'General') return false;
  if (dateFormatKind(code) !== null) return true;
  // Quoted text, escaped and padding characters are shown as they are: a "%" there is only a sign.
  const section = formatSections(code)[0].replace(/"[^"]*"?|\\.|[_*]./g, '');
  return /\[(?:h+|m+|s+)\]/i.test(section) || section.includes('%');
}
