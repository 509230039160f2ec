import { isCellError, type CellValue } from '../../core/cells';
import { escCellText } from './xml';

/** Excel keeps at most this many characters in a cell. */
export const MAX_CELL_TEXT = 32767;

const ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#BUSY!',
]);

export interface CellWriteNotes {
  truncated: boolean;
  /**
   * The style to use instead of `s` for text that looks like a formula: the same style with Excel's
   * quote prefix, so the cell stays text even when someone edits it and presses Enter.
   */
  quote?: (s: number) => number;
}

/** Text Excel would take as a formula, a DDE call or a command when typed. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * One `<c>` element for a plain value. Text is always an inline string, so a value such as "=SUM(A1)"
 * or "@cmd" is stored as text and never as a formula: the port writes no `<f>` for plan data.
 * Returns '' for an empty cell without a style.
 */
export function cellXml(p: string, ref: string, value: CellValue, style: number, notes?: CellWriteNotes): string {
  if (typeof value === 'string' && notes?.quote && looksLikeFormula(value)) style = notes.quote(style);
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null || value === undefined) return s ? `<${p}c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<${p}c r="${ref}"${s} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (isCellError(value)) {
    if (ERRORS.has(value.error)) return `<${p}c r="${ref}"${s} t="e"><${p}v>${value.error}</${p}v></${p}c>`;
    return textCell(p, ref, value.error, s, notes);
  }
  return textCell(p, ref, String(value), s, notes);
}

function textCell(p: string, ref: string, text: string, s: string, notes?: CellWriteNotes): string {
  let t = text;
  if (t.length > MAX_CELL_TEXT) {
    t = t.slice(0, MAX_CELL_TEXT);
    // Do not leave half a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(t)) t = t.slice(0, -1);
    if (notes) notes.truncated = true;
  }
  const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escCellText(t)}</${p}t></${p}is></${p}c>`;
}
