import { isCellError, type CellValue } from '../../core/cells';
import { StringOut, type XmlOut } from './xml';

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
  const out = new StringOut();
  writeCell(out, p, ref, value, style, notes);
  return out.text;
}

/** The markup around a cell's value for one namespace prefix, made once per prefix. */
interface CellTags {
  readonly open: string;
  readonly valueOpen: string;
  readonly valueClose: string;
  readonly inline: string;
  readonly inlineClose: string;
}

const TAGS = new Map<string, CellTags>();

function tagsOf(p: string): CellTags {
  let tags = TAGS.get(p);
  if (!tags)
    TAGS.set(
      p,
      (tags = { open: `<${p}c r="`, valueOpen: `><${p}v>`, valueClose: `</${p}v></${p}c>`, inline: ` t="inlineStr"><${p}is><${p}t`, inlineClose: `</${p}t></${p}is></${p}c>` }),
    );
  return tags;
}

const STYLE_ATTRS: string[] = [];

/** ` s="N"` for a style id above 0, '' for 0; the few ids a workbook uses made once. */
function styleAttr(style: number): string {
  if (style <= 0) return '';
  return (STYLE_ATTRS[style] ??= ` s="${style}"`);
}

/** cellXml into an XmlOut: the whole-sheet writer writes a sheet's cells as bytes without a string per cell. */
export function writeCell(out: XmlOut, p: string, ref: string, value: CellValue, style: number, notes?: CellWriteNotes): void {
  if (typeof value === 'string' && notes?.quote && looksLikeFormula(value)) style = notes.quote(style);
  const s = styleAttr(style);
  if (value === null || value === undefined) {
    if (s) out.push(`<${p}c r="${ref}"${s}/>`);
    return;
  }
  const tags = tagsOf(p);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return out.push(`<${p}c r="${ref}"${s} t="e"><${p}v>#NUM!</${p}v></${p}c>`);
    out.push(tags.open);
    out.push(ref);
    out.push('"');
    out.push(s);
    out.push(tags.valueOpen);
    out.push(String(value));
    return out.push(tags.valueClose);
  }
  if (typeof value === 'boolean') return out.push(`<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`);
  if (isCellError(value)) {
    if (ERRORS.has(value.error)) return out.push(`<${p}c r="${ref}"${s} t="e"><${p}v>${value.error}</${p}v></${p}c>`);
    return textCell(out, tags, ref, value.error, s, notes);
  }
  textCell(out, tags, ref, String(value), s, notes);
}

function textCell(out: XmlOut, tags: CellTags, ref: string, text: string, s: string, notes?: CellWriteNotes): void {
  let t = text;
  if (t.length > MAX_CELL_TEXT) {
    t = t.slice(0, MAX_CELL_TEXT);
    // Do not leave half a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(t)) t = t.slice(0, -1);
    if (notes) notes.truncated = true;
  }
  out.push(tags.open);
  out.push(ref);
  out.push('"');
  out.push(s);
  out.push(tags.inline);
  out.push(/^\s|\s$|\n/.test(t) ? ' xml:space="preserve">' : '>');
  out.cellText(t);
  out.push(tags.inlineClose);
}
