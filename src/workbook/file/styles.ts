import { readCellFormats } from './cellScan';
import { CONTENT_TYPE, Pkg, REL, relIs } from './pkg';
import { attr, elementRegex, findElement, rootPrefix, setAttr } from './xml';

/** styleSheet children in schema order; a missing container is inserted before the next present one. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Container = (typeof ORDER)[number];
const CHILD: Partial<Record<Container, string>> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf', dxfs: 'dxf' };

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

export type FontKind = 'bold' | 'title' | 'link';

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `FF${h}` : /^[0-9A-F]{8}$/.test(h) ? h : 'FFFFFF00';
}

/**
 * Appends the few styles the add-in needs to styles.xml. Existing entries are never changed or
 * reordered, so every style index the workbook already uses keeps its meaning; an identical entry is
 * reused, so running twice does not grow the file.
 */
export class Styles {
  private xml: string;
  private readonly p: string;
  private readonly path: string;
  private changed = false;

  constructor(private readonly pkg: Pkg) {
    const wb = pkg.workbookPath();
    const rel = pkg.rels(wb).find((r) => relIs(r.type, 'styles') && pkg.has(r.path));
    if (rel) {
      this.path = rel.path;
      this.xml = pkg.requireText(rel.path);
    } else {
      this.path = pkg.has('xl/styles.xml') ? pkg.freePartName('xl/styles', '.xml') : 'xl/styles.xml';
      this.xml = MINIMAL_STYLES;
      pkg.setText(this.path, this.xml);
      pkg.addRel(wb, REL.styles, this.path);
      pkg.setOverride(this.path, CONTENT_TYPE.styles);
    }
    this.p = rootPrefix(this.xml, 'styleSheet');
  }

  private items(container: Container): string[] {
    const found = findElement(this.xml, this.p, container);
    if (!found || found.selfClosing) return [];
    return this.xml.slice(found.innerStart, found.innerEnd).match(elementRegex(this.p, CHILD[container]!)) ?? [];
  }

  /** Append (or find) a child; returns its 0-based index in the container. */
  private add(container: Container, child: string, dedupe = true): number {
    const existing = this.items(container);
    if (dedupe) {
      const i = existing.indexOf(child);
      if (i >= 0) return i;
    }
    const p = this.p;
    const found = findElement(this.xml, p, container);
    const count = existing.length + 1;
    if (found) {
      const open = setAttr(found.selfClosing ? found.openTag.replace(/\s*\/>$/, '>') : found.openTag, 'count', String(count));
      const inner = found.selfClosing ? '' : this.xml.slice(found.innerStart, found.innerEnd);
      this.xml = `${this.xml.slice(0, found.start)}${open}${inner}${child}</${p}${container}>${this.xml.slice(found.end)}`;
    } else {
      const el = `<${p}${container} count="${count}">${child}</${p}${container}>`;
      let at = -1;
      for (const next of ORDER.slice(ORDER.indexOf(container) + 1)) {
        const f = findElement(this.xml, p, next);
        if (f) {
          at = f.start;
          break;
        }
      }
      if (at < 0) at = this.xml.lastIndexOf(`</${p}styleSheet>`);
      this.xml = this.xml.slice(0, at) + el + this.xml.slice(at);
    }
    this.changed = true;
    return existing.length;
  }

  numFmt(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const fmts = this.items('numFmts');
    for (const f of fmts) if (attr(f, 'formatCode') === code) return Number(attr(f, 'numFmtId'));
    const id = Math.max(163, ...fmts.map((f) => Number(attr(f, 'numFmtId') ?? 0))) + 1;
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${code}"/>`, false);
    return id;
  }

  font(kind: FontKind): number {
    const p = this.p;
    const base = this.items('fonts')[0] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    let inner = base.replace(new RegExp(`^<${p}font\\b[^>]*>|</${p}font>$|^<${p}font\\b[^>]*/>$`, 'g'), '');
    inner = inner.replace(new RegExp(`<${p}(?:b|u)\\b[^>]*/>`, 'g'), '');
    if (kind === 'title') inner = inner.replace(new RegExp(`<${p}sz\\b[^>]*/>`), `<${p}sz val="14"/>`);
    if (kind === 'link') {
      inner = inner.replace(new RegExp(`<${p}color\\b[^>]*/>`, 'g'), '');
      const color = `<${p}color rgb="FF0563C1"/>`;
      inner = `<${p}u/>` + (new RegExp(`<${p}sz\\b`).test(inner) ? inner.replace(new RegExp(`(<${p}sz\\b[^>]*/>)`), `$1${color}`) : color + inner);
    } else inner = `<${p}b/>` + inner;
    return this.add('fonts', `<${p}font>${inner}</${p}font>`);
  }

  fill(hex: string): number {
    const p = this.p;
    return this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  xf(o: { numFmtId?: number; fontId?: number; fillId?: number; wrap?: boolean }): number {
    const p = this.p;
    const a = [`numFmtId="${o.numFmtId ?? 0}"`, `fontId="${o.fontId ?? 0}"`, `fillId="${o.fillId ?? 0}"`, 'borderId="0"', 'xfId="0"'];
    if (o.numFmtId) a.push('applyNumberFormat="1"');
    if (o.fontId) a.push('applyFont="1"');
    if (o.fillId) a.push('applyFill="1"');
    if (o.wrap) return this.add('cellXfs', `<${p}xf ${a.join(' ')} applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>`);
    return this.add('cellXfs', `<${p}xf ${a.join(' ')}/>`);
  }

  /** A copy of cell style `s` with a solid fill: marks keep the teacher's font, borders and number format. */
  withFill(s: number, hex: string): number {
    const xfs = this.items('cellXfs');
    const base = xfs[s] ?? xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*>/.exec(base)![0];
    const fillId = this.fill(hex);
    const tag = setAttr(setAttr(open, 'fillId', String(fillId)), 'applyFill', '1');
    return this.add('cellXfs', tag + base.slice(open.length));
  }

  /** A copy of cell style `s` with number format `numFmtId`: a date written into a teacher's text column keeps its font and fill. */
  withNumFmt(s: number, numFmtId: number): number {
    const xfs = this.items('cellXfs');
    const base = xfs[s] ?? xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*>/.exec(base)![0];
    if (attr(open, 'numFmtId') === String(numFmtId)) return s;
    const tag = setAttr(setAttr(open, 'numFmtId', String(numFmtId)), 'applyNumberFormat', '1');
    return this.add('cellXfs', tag + base.slice(open.length));
  }

  /** A copy of cell style `s` with Excel's quote prefix: text that starts like a formula stays text. */
  quotePrefixed(s: number): number {
    const xfs = this.items('cellXfs');
    const base = xfs[s] ?? xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*>/.exec(base)![0];
    if (attr(open, 'quotePrefix') === '1') return s;
    return this.add('cellXfs', setAttr(open, 'quotePrefix', '1') + base.slice(open.length));
  }

  /** The number-format code of cell style `s` (undefined for the localised currency ids), as the reader sees it. */
  numberFormatOf(s: number): string | undefined {
    return readCellFormats(this.xml)[s];
  }

  cellXfCount(): number {
    return this.items('cellXfs').length;
  }

  /** A differential format for conditional formatting: fill (and font colour). */
  dxf(fillHex: string, fontHex?: string): number {
    const p = this.p;
    const font = fontHex ? `<${p}font><${p}color rgb="${argb(fontHex)}"/></${p}font>` : '';
    return this.add('dxfs', `<${p}dxf>${font}<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fillHex)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  flush(): void {
    if (this.changed) this.pkg.setText(this.path, this.xml);
    this.changed = false;
  }
}
