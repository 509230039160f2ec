/**
 * A number as Excel shows it under a number-format code: the formats the add-in writes (0, 0.00, 0.0%,
 * FORMAT_CODE in plan/formats.ts) and the common built-ins (#,##0.00, 0%, 0.00E+00, ¥#,##0.00, the
 * accounting-style `#,##0_);(#,##0)`, colours and locale tags, literal text). Dates and times are not
 * handled here (see dateFormats.ts): a code with date parts, conditions ([>100]), fractions or digits split
 * by literal text gives null, and the caller shows the plain number. Excel's column-width effects (#####,
 * General shortened to fit) are not modelled. Kept apart from snapshot.ts and dateFormats.ts, which the
 * Excel pane loads first: only the file port and the standalone grid need number formats.
 */
import { formatSections } from './dateFormats';
import { runAt, type SheetNumberFormats, type SheetSnapshot } from './snapshot';

type Piece = { readonly literal: string } | { readonly pattern: string } | { readonly general: true };

const PLACEHOLDER = /[0#?]/;

/** A section as literal text around one numeric pattern, or null when it is not a plain number format. */
function parse(section: string): Piece[] | null {
  const pieces: Piece[] = [];
  let literal = '';
  let pattern = '';
  let patternDone = false;
  const flush = () => {
    if (literal) pieces.push({ literal });
    literal = '';
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const next = section[i + 1];
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      literal += section.slice(i + 1, close < 0 ? section.length : close);
      i = close < 0 ? section.length : close;
    } else if (ch === '\\') {
      literal += next ?? '';
      i++;
    } else if (ch === '_') {
      literal += ' '; // the width of the next character: a space is near enough
      i++;
    } else if (ch === '*')
      i++; // repeat to fill the cell: nothing to fill in a grid cell
    else if (ch === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? section.length : close);
      if (/^[<>=]/.test(inner)) return null; // conditions
      if (inner.startsWith('$')) literal += inner.slice(1).split('-')[0]; // [$¥-804]: the currency symbol
      i = close < 0 ? section.length : close; // colours, [DBNum1] and the like: shown as plain digits
    } else if (section.slice(i, i + 7).toLowerCase() === 'general') {
      flush();
      pieces.push({ general: true });
      i += 6;
    } else if (/[yYdDhHsSmM]/.test(ch) || ch === '/' || ch === '@') return null;
    else if (PLACEHOLDER.test(ch) || ((ch === '.' || ch === ',') && !patternDone && (pattern !== '' || PLACEHOLDER.test(next ?? '')))) {
      if (patternDone) return null; // digits split by literal text (000-0000): not modelled
      flush();
      pattern += ch;
      // Keep E+00 with the pattern; it ends the pattern otherwise at the first non-placeholder.
      if ((next === 'E' || next === 'e') && (section[i + 2] === '+' || section[i + 2] === '-')) {
        let j = i + 3;
        while (section[j] === '0') j++;
        pattern += section.slice(i + 1, j);
        i = j - 1;
      }
      if (!(PLACEHOLDER.test(section[i + 1] ?? '') || section[i + 1] === '.' || section[i + 1] === ',')) {
        pieces.push({ pattern });
        patternDone = true;
      }
    } else literal += ch;
  }
  flush();
  return pieces;
}

/** Rounded as Excel rounds: from the decimal digits shown (1.005 at two places is 1.01), not the binary value. */
function fixed(x: number, places: number): string {
  if (x >= 1e-6 && x < 1e15) {
    const rounded = Math.round(Number(`${Number(x.toPrecision(15))}e${places}`));
    return Number(`${rounded}e-${places}`).toFixed(places);
  }
  return x.toFixed(places);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A non-negative number under one numeric pattern (0.0, #,##0.00, 0.00E+00). */
function applyPattern(x: number, pattern: string): string {
  const exp = /[eE]([+-])(0+)$/.exec(pattern);
  if (exp) {
    const mantissa = pattern.slice(0, exp.index);
    const places = (mantissa.split('.')[1] ?? '').replace(/[^0#?]/g, '').length;
    const [m, e] = x.toExponential(places).split('e');
    const power = Number(e);
    const sign = power < 0 ? '-' : exp[1] === '+' ? '+' : '';
    return `${m.toUpperCase()}E${sign}${String(Math.abs(power)).padStart(exp[2].length, '0')}`;
  }
  // Commas right after the last digit scale by a thousand each (#,##0,): rare, but cheap to honour.
  const scale = /,+$/.exec(pattern.replace(/\.$/, ''))?.[0].length ?? 0;
  const body = pattern.slice(0, pattern.length - scale);
  const [intPart, decPart = ''] = body.split('.');
  const decimals = decPart.replace(/[^0#?]/g, '');
  const text = fixed(x / 1000 ** scale, decimals.length);
  const [digits, shownFrac = ''] = text.split('.');
  let whole = digits;
  // Optional decimals (#) drop their trailing zeros; ? keeps the place as a space.
  const frac = shownFrac.split('');
  for (let i = decimals.length - 1; i >= 0 && decimals[i] !== '0' && frac[i] === '0'; i--) frac[i] = decimals[i] === '?' ? ' ' : '';
  const intDigits = intPart.replace(/[^0#?]/g, '');
  const minimum = intDigits.replace(/[#?]/g, '').length;
  if (whole === '0' && minimum === 0) whole = '';
  whole = whole.padStart(minimum, '0');
  if (intPart.includes(',')) whole = groupThousands(whole);
  const point = body.includes('.') ? '.' : '';
  return `${whole}${point}${frac.join('')}`;
}

/** Excel's General for a number, as this grid shows it: the number's own shortest text. */
function general(x: number): string {
  return String(x);
}

/**
 * The text of `value` under `code`, or null when the code is a date, a condition, a fraction or otherwise
 * outside what this formatter models (show the plain number then).
 */
export function formatNumber(value: number, code: string): string | null {
  if (!Number.isFinite(value)) return null;
  if (code === '' || code.toLowerCase() === 'general') return general(value);
  if (code === '@') return general(value); // text format on a number: Excel shows it as General
  const list = formatSections(code);
  let section = list[0];
  let x = value;
  let sign = value < 0 ? '-' : '';
  if (value < 0 && list.length >= 2 && list[1] !== '') {
    section = list[1];
    x = -value;
    sign = ''; // the negative section draws its own sign or brackets
  } else if (value === 0 && list.length >= 3 && list[2] !== '') section = list[2];
  const pieces = parse(section);
  if (!pieces) return null;
  const percents = pieces.reduce((n, p) => n + ('literal' in p ? [...p.literal].filter((c) => c === '%').length : 0), 0);
  x = Math.abs(x) * 100 ** percents;
  let out = '';
  let anyDigit = false;
  for (const p of pieces) {
    if ('literal' in p) out += p.literal;
    else if ('general' in p) {
      out += general(x);
      anyDigit ||= x !== 0;
    } else {
      const digits = applyPattern(x, p.pattern);
      anyDigit ||= /[1-9]/.test(digits);
      out += digits;
    }
  }
  // A negative number that rounds to nothing shows without its minus, as in Excel (-0.001 under 0.0 is 0.0).
  return (anyDigit ? sign : '') + out;
}

/** Collects SheetSnapshot.numberFormats as a sheet is read row by row: a cell extends its column's last run when the code is the same. */
export class NumberFormatRunsBuilder {
  private readonly columns: Record<number, { firstRow: number; lastRow: number; code: string }[]> = {};

  add(row: number, col: number, code: string): void {
    const runs = (this.columns[col] ??= []);
    const last = runs[runs.length - 1];
    if (last && last.lastRow === row - 1 && last.code === code) last.lastRow = row;
    else runs.push({ firstRow: row, lastRow: row, code });
  }

  result(): SheetNumberFormats {
    return this.columns;
  }
}

/** The number-format code of the number at a 0-based sheet position, or null (General, or unknown). */
export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return runAt(sheet.numberFormats?.[col], row)?.code ?? null;
}
