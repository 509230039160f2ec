import { columnIndex, columnLetter } from '../../core/cells';
import { PortError } from '../port';
import { attr, findElement, rootPrefix, setAttr } from './xml';

interface CellRec {
  col: number;
  xml: string;
  /** Where the cell sat in the row's original body, while the row keeps its original cell list. */
  span?: readonly [number, number];
}

interface RowRec {
  index: number;
  xml: string;
  /** Parsed on first edit; rows never touched keep their original text. */
  openTag?: string;
  body?: string;
  cells?: CellRec[];
  dirty?: boolean;
  /** A cell was added or removed: the row is rebuilt from its cells instead of patched. */
  restructured?: boolean;
  /** Text between the previous row and this one in the original part (usually none). */
  gap?: string;
}

const MAX_COLS = 16384;

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

export function refOf(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/**
 * Edits the cells of an existing worksheet part in place. Rows are split out once; only rows that are
 * touched are re-serialised, and every other byte of the part stays as it was.
 */
export class SheetEditor {
  readonly p: string;
  head: string;
  tail: string;
  private readonly rows: RowRec[] = [];
  private readonly byIndex = new Map<number, RowRec>();
  private trailingGap = '';
  private maxRow = -1;
  private maxCol = -1;
  private minRow = Infinity;
  private minCol = Infinity;
  /** True once a cell holding a formula was overwritten (calcChain must go). */
  formulaOverwritten = false;

  constructor(
    xml: string,
    private readonly sheetName: string,
  ) {
    this.p = rootPrefix(xml, 'worksheet');
    const sd = findElement(xml, this.p, 'sheetData');
    if (!sd) throw new PortError('file.damaged');
    if (sd.selfClosing) {
      this.head = `${xml.slice(0, sd.start)}${sd.openTag.replace(/\s*\/>$/, '>')}`;
      this.tail = `</${this.p}sheetData>${xml.slice(sd.end)}`;
    } else {
      this.head = xml.slice(0, sd.innerStart);
      this.tail = xml.slice(sd.innerEnd);
    }
    // A protected sheet: the teacher locked it on purpose, so the add-in does not write into it.
    const protection = new RegExp(`<${this.p}sheetProtection\\b[^>]*>`).exec(this.tail);
    if (protection && /\ssheet\s*=\s*"(?:1|true)"/.test(protection[0])) throw new PortError('file.protected', { sheet: sheetName });
    const inner = sd.selfClosing ? '' : xml.slice(sd.innerStart, sd.innerEnd);
    const rowRe = new RegExp(`<${this.p}row\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${this.p}row>)`, 'g');
    let prev = -1;
    let lastEnd = 0;
    for (const m of inner.matchAll(rowRe)) {
      const open = /^<[^>]*>/.exec(m[0])![0];
      const r = attr(open, 'r');
      const index = r ? Number(r) - 1 : prev + 1;
      prev = index;
      const rec: RowRec = { index, xml: m[0], gap: inner.slice(lastEnd, m.index) };
      lastEnd = m.index + m[0].length;
      this.rows.push(rec);
      this.byIndex.set(index, rec);
    }
    this.trailingGap = inner.slice(lastEnd);
    // Rows are ordered in valid files; sort defensively so insertions land in the right place.
    if (this.rows.some((r, i) => i > 0 && this.rows[i - 1].index >= r.index)) this.rows.sort((a, b) => a.index - b.index);
  }

  /** The last 0-based row holding a value (-1 for an empty sheet), as a values read would see it. */
  lastUsedRow(): number {
    const hasValue = new RegExp(`<${this.p}(?:v|t)(?:\\s[^>]*)?>[^<]`);
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      const text = r.cells ? r.cells.map((c) => c.xml).join('') : r.xml;
      if (hasValue.test(text)) return r.index;
    }
    return -1;
  }

  private parseRow(rec: RowRec): void {
    if (rec.cells) return;
    const open = /^<[^>]*>/.exec(rec.xml)![0];
    rec.openTag = open;
    rec.cells = [];
    if (open.endsWith('/>')) {
      rec.restructured = true;
      return;
    }
    const body = rec.xml.slice(open.length, rec.xml.length - `</${this.p}row>`.length);
    rec.body = body;
    const cellRe = new RegExp(`<${this.p}c\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${this.p}c>)`, 'g');
    let prev = -1;
    for (const m of body.matchAll(cellRe)) {
      const tag = /^<[^>]*>/.exec(m[0])![0];
      const r = attr(tag, 'r');
      const col = r ? (parseRef(r)?.col ?? prev + 1) : prev + 1;
      prev = col;
      rec.cells.push({ col, xml: m[0], span: [m.index, m.index + m[0].length] });
    }
  }

  private row(index: number, create: boolean): RowRec | undefined {
    let rec = this.byIndex.get(index);
    if (!rec && create) {
      rec = { index, xml: '', openTag: `<${this.p}row r="${index + 1}">`, cells: [], dirty: true, restructured: true };
      this.byIndex.set(index, rec);
      // Appends are the common case: keep them O(1).
      if (!this.rows.length || this.rows[this.rows.length - 1].index < index) this.rows.push(rec);
      else {
        let lo = 0;
        let hi = this.rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.rows[mid].index < index) lo = mid + 1;
          else hi = mid;
        }
        this.rows.splice(lo, 0, rec);
      }
    }
    if (rec) this.parseRow(rec);
    return rec;
  }

  /** The existing `<c>` element at a position, if any. */
  cell(row: number, col: number): string | undefined {
    const rec = this.row(row, false);
    return rec?.cells!.find((c) => c.col === col)?.xml;
  }

  /** Style index of a cell (0 when it has none or does not exist). */
  styleOf(row: number, col: number): { s: number; present: boolean; exists: boolean } {
    const xml = this.cell(row, col);
    if (!xml) return { s: 0, present: false, exists: false };
    const s = attr(/^<[^>]*>/.exec(xml)![0], 's');
    return { s: s === undefined ? 0 : Number(s), present: s !== undefined, exists: true };
  }

  /**
   * Replace or insert the cell at a position. `build` gets the old element (or undefined) and returns
   * the new one, or '' to remove the cell.
   */
  private put(row: number, col: number, build: (old: string | undefined) => string, extendsDimension = true): void {
    if (row < 0 || row >= 1048576 || col < 0 || col >= MAX_COLS) throw new PortError('file.outOfRange', { sheet: this.sheetName });
    const rec = this.row(row, true)!;
    const cells = rec.cells!;
    let i = cells.length;
    while (i > 0 && cells[i - 1].col > col) i--;
    const existing = i > 0 && cells[i - 1].col === col ? cells[i - 1] : undefined;
    const next = build(existing?.xml);
    if (existing) {
      if (next) existing.xml = next;
      else {
        cells.splice(i - 1, 1);
        rec.restructured = true;
      }
    } else if (next) {
      cells.splice(i, 0, { col, xml: next });
      rec.restructured = true;
    }
    rec.dirty = true;
    // A style-only cell (a mark) leaves <dimension> alone, so clearing the mark restores the part exactly.
    if (!extendsDimension) return;
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
    if (row < this.minRow) this.minRow = row;
    if (col < this.minCol) this.minCol = col;
  }

  /** Write a value cell built by `valueXml(styleAttr)`, keeping the old cell's style. */
  setValue(row: number, col: number, valueXml: (style: number) => string): void {
    this.put(row, col, (old) => {
      let style = 0;
      if (old) {
        const tag = /^<[^>]*>/.exec(old)![0];
        style = Number(attr(tag, 's') ?? 0);
        const f = new RegExp(`<${this.p}f\\b[^>]*>`).exec(old);
        if (f) {
          const ref = attr(f[0], 'ref');
          // The master cell of a shared or array formula carries the formula for its whole range.
          if (ref && ref.includes(':')) throw new PortError('file.formulaCell', { sheet: this.sheetName, cell: refOf(row, col) });
          this.formulaOverwritten = true;
        }
      }
      return valueXml(style);
    });
  }

  /** Set or remove (undefined) the style of a cell, creating an empty cell when needed. */
  setStyle(row: number, col: number, s: number | undefined): void {
    this.put(
      row,
      col,
      (old) => {
        const base = old ?? `<${this.p}c r="${refOf(row, col)}"/>`;
        const tag = /^<[^>]*>/.exec(base)![0];
        return setAttr(tag, 's', s === undefined ? undefined : String(s)) + base.slice(tag.length);
      },
      false,
    );
  }

  /** Remove a cell if it is empty (no value, no formula) and unstyled: undoes a cell we created. */
  dropIfBare(row: number, col: number): void {
    const xml = this.cell(row, col);
    if (!xml || !/^<[^>]*\/>$/.test(xml) || attr(xml, 's') !== undefined) return;
    this.put(row, col, () => '', false);
  }

  toString(): string {
    const parts: string[] = [this.head];
    for (const r of this.rows) {
      if (r.gap) parts.push(r.gap);
      if (!r.dirty) parts.push(r.xml);
      else if (!r.restructured) parts.push(this.patchedRow(r));
      else if (r.cells!.length || r.xml) {
        // The row's span hint may no longer cover its cells; it is optional, so drop it.
        const open = setAttr(r.openTag!.replace(/\s*\/>$/, '>'), 'spans', undefined);
        parts.push(`${open}${r.cells!.map((c) => c.xml).join('')}</${this.p}row>`);
      }
    }
    parts.push(this.trailingGap, this.tail);
    return this.updateDimension(parts.join(''));
  }

  /** Same cells as before, some rewritten: patch them into the original text, keeping its spacing. */
  private patchedRow(r: RowRec): string {
    const body = r.body!;
    let out = '';
    let at = 0;
    for (const c of r.cells!) {
      const [from, to] = c.span!;
      out += body.slice(at, from) + c.xml;
      at = to;
    }
    return `${r.openTag}${out}${body.slice(at)}</${this.p}row>`;
  }

  private updateDimension(xml: string): string {
    if (this.maxRow < 0) return xml;
    const m = new RegExp(`<${this.p}dimension\\b[^>]*>`).exec(xml);
    if (!m) return xml;
    const ref = attr(m[0], 'ref') ?? 'A1';
    const [a, b] = ref.split(':');
    const start = parseRef(a) ?? { row: 0, col: 0 };
    const end = parseRef(b ?? a) ?? start;
    const next = `${refOf(Math.min(start.row, this.minRow), Math.min(start.col, this.minCol))}:${refOf(Math.max(end.row, this.maxRow), Math.max(end.col, this.maxCol))}`;
    if (next === ref) return xml;
    return xml.slice(0, m.index) + setAttr(m[0], 'ref', next) + xml.slice(m.index + m[0].length);
  }
}
