import { PortError } from '../port';
import {
  attr,
  decodePart,
  elementRegex,
  encodePart,
  ensureRootNamespace,
  esc,
  findElement,
  namespaceDeclarations,
  PLAIN_UTF8,
  quoteSheet,
  rootElement,
  rootPrefix,
  setAttr,
  type PartEncoding,
} from './xml';
import { DeflatedPart, findPart, PackageParts, type Parts } from './zip';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The same namespace in strict OOXML (ECMA-376 Part 1, strict conformance). */
export const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/**
 * The prefix for r:id-style attributes in a part (usually 'r'), declared on the part's root if the
 * producer did not; `rest` is the rest of the part when the caller holds it in pieces.
 */
export function ensureRelNamespace(xml: string, rest: readonly string[] = []): { xml: string; prefix: string } {
  const strict = /purl\.oclc\.org\/ooxml\//.test(rootElement(xml)?.tag ?? '');
  return ensureRootNamespace(xml, strict ? STRICT_REL_NS : REL_NS, 'r', { accept: [REL_NS, STRICT_REL_NS], rest });
}

/** The relationship id on an element (`r:id`, `ns:id`…), whatever prefix it is under, declared on it or its root. */
export function relIdOf(tag: string, rootDecls: ReadonlyMap<string, string>): string | undefined {
  const local = namespaceDeclarations(tag);
  let fallback: string | undefined;
  for (const m of tag.matchAll(/\s([\w.-]+):id\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const uri = local.get(m[1]) ?? rootDecls.get(m[1]);
    const value = attr(tag, `${m[1]}:id`);
    if (uri === REL_NS || uri === STRICT_REL_NS) return value;
    fallback ??= value;
  }
  return fallback;
}
export const REL = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  table: `${REL_NS}/table`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  customXml: `${REL_NS}/customXml`,
  calcChain: `${REL_NS}/calcChain`,
  drawing: `${REL_NS}/drawing`,
  chart: `${REL_NS}/chart`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  xml: 'application/xml',
} as const;

/** Relationship types differ between transitional and strict OOXML only in their prefix. */
export function relIs(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** Resolved part path (no leading slash) for internal targets. */
  readonly path: string;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** Part path, or '' when the relationship is broken. */
  readonly path: string;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

export function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

export function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dirOf(sourcePart) + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Target of a new relationship from sourcePart to part, relative as Excel writes it. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = dirOf(sourcePart).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** A pattern partMatches looks for, and a literal it cannot match without (a quick test before the pattern). */
export interface TextPattern {
  readonly re: RegExp;
  readonly needle?: string;
}

/** partMatches decodes a large part this many bytes at a time, each piece with this many characters of the one before. */
const SCAN_PIECE = 1 << 20;
const SCAN_OVERLAP = 4096;

/**
 * A working copy of the package for one apply. Parts are kept as bytes until an edit needs their text;
 * only parts that were edited are re-encoded on commit, so everything else stays byte-identical.
 */
export class Pkg {
  private readonly parts: PackageParts;
  private readonly texts = new Map<string, string>();
  private readonly encodings = new Map<string, PartEncoding>();
  private readonly dirty = new Set<string>();

  constructor(base: Parts) {
    this.parts = PackageParts.copyOf(base);
  }

  has(path: string): boolean {
    return findPart(this.parts, path) !== undefined;
  }

  paths(): string[] {
    return [...this.parts.keys()];
  }

  text(path: string): string | undefined {
    const real = findPart(this.parts, path);
    if (real === undefined) return undefined;
    let s = this.texts.get(real);
    if (s === undefined) {
      const decoded = decodePart(this.parts.get(real)!);
      s = decoded.text;
      this.texts.set(real, s);
      this.encodings.set(real, decoded.encoding);
    }
    return s;
  }

  /**
   * The beginning of a part as text (at least `bytes` of it, the whole part when shorter; an edited
   * part's whole text): enough to look at a worksheet's head without decoding or inflating a huge part.
   */
  headText(path: string, bytes = 1 << 16): string | undefined {
    const real = findPart(this.parts, path);
    if (real === undefined) return undefined;
    return this.texts.get(real) ?? decodePart(this.parts.prefix(real, bytes)!.subarray(0, bytes)).text;
  }

  /**
   * Which of `patterns` (ASCII only, no g flag) a part's text matches, without decoding a large part into
   * one string: the old 提醒事项 of 50,000 children being replaced (58 MB) is looked at a megabyte at a
   * time, each piece with the end of the one before (longer than any tag looked for), and not at all past
   * the last pattern found. Pieces are decoded one byte a character: the bytes of a UTF-8 sequence are
   * all above 0x7F, so an ASCII pattern matches exactly where it does in the text, in a string half the
   * size. An edited part's text is searched as it is.
   */
  partMatches(path: string, patterns: readonly TextPattern[]): boolean[] {
    const found = patterns.map(() => false);
    const real = findPart(this.parts, path);
    if (real === undefined) return found;
    const test = (text: string) => {
      patterns.forEach((p, i) => (found[i] ||= (p.needle === undefined || text.includes(p.needle)) && p.re.test(text)));
      return found.every(Boolean);
    };
    const text = this.texts.get(real);
    const bytes = text === undefined ? this.parts.get(real)! : undefined;
    if (!bytes || bytes.length <= SCAN_PIECE || decodePart(bytes.subarray(0, 4)).encoding.utf16) {
      test(text ?? decodePart(bytes!).text);
      return found;
    }
    const decoder = new TextDecoder('latin1');
    let carry = '';
    for (let at = 0; at < bytes.length; at += SCAN_PIECE) {
      const piece = carry + decoder.decode(bytes.subarray(at, at + SCAN_PIECE));
      if (test(piece)) break;
      carry = piece.slice(-SCAN_OVERLAP);
    }
    return found;
  }

  requireText(path: string): string {
    const s = this.text(path);
    if (s === undefined) throw new PortError('file.damaged');
    return s;
  }

  setText(path: string, text: string): void {
    const real = findPart(this.parts, path) ?? path;
    if (!this.parts.has(real)) this.parts.set(real, new Uint8Array(0));
    this.texts.set(real, text);
    this.dirty.add(real);
  }

  /** Store a part already encoded (large generated sheets), or already deflated (the largest). */
  setBytes(path: string, bytes: Uint8Array | DeflatedPart): void {
    const real = findPart(this.parts, path) ?? path;
    if (bytes instanceof DeflatedPart) this.parts.setDeflated(real, bytes);
    else this.parts.set(real, bytes);
    this.texts.delete(real);
    this.encodings.delete(real);
    this.dirty.delete(real);
  }

  remove(path: string): void {
    const real = findPart(this.parts, path);
    if (real === undefined) return;
    this.parts.delete(real);
    this.texts.delete(real);
    this.dirty.delete(real);
  }

  /** The finished parts: edited texts encoded, the rest the very same byte arrays. */
  commit(): Parts {
    // An edited part keeps its producer's encoding and byte-order mark; new parts are plain UTF-8.
    for (const p of this.dirty) this.parts.set(p, encodePart(this.texts.get(p)!, this.encodings.get(p) ?? PLAIN_UTF8));
    this.dirty.clear();
    return this.parts;
  }

  /** A part name `prefix{N}suffix` not yet used (case-insensitive, as OPC requires). */
  freePartName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const p = `${prefix}${n}${suffix}`;
      if (!this.has(p)) return p;
    }
  }

  // ---- relationships ----

  rels(sourcePart: string): Rel[] {
    const xml = this.text(relsPathOf(sourcePart));
    if (!xml) return [];
    const out: Rel[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const tag = m[0];
      const target = attr(tag, 'Target') ?? '';
      const external = attr(tag, 'TargetMode') === 'External';
      out.push({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target, external, path: external ? '' : resolveTarget(sourcePart, target) });
    }
    return out;
  }

  addRel(sourcePart: string, type: string, targetPart: string): string {
    const relsPath = relsPathOf(sourcePart);
    let xml =
      this.text(relsPath) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(this.rels(sourcePart).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = rootPrefix(xml, 'Relationships');
    const el = `<${p}Relationship Id="${id}" Type="${esc(type)}" Target="${esc(relativeTarget(sourcePart, targetPart))}"/>`;
    const found = findElement(xml, p, 'Relationships');
    if (!found) throw new PortError('file.damaged');
    xml = found.selfClosing
      ? `${xml.slice(0, found.start)}${found.openTag.replace(/\s*\/>$/, '>')}${el}</${p}Relationships>${xml.slice(found.end)}`
      : `${xml.slice(0, found.innerEnd)}${el}${xml.slice(found.innerEnd)}`;
    this.setText(relsPath, xml);
    return id;
  }

  removeRel(sourcePart: string, id: string): void {
    const relsPath = relsPathOf(sourcePart);
    const xml = this.text(relsPath);
    if (!xml) return;
    const next = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => (attr(tag, 'Id') === id ? '' : tag));
    if (next !== xml) this.setText(relsPath, next);
  }

  // ---- content types ----

  private contentTypesPath(): string {
    return findPart(this.parts, '[Content_Types].xml') ?? '[Content_Types].xml';
  }

  setOverride(part: string, contentType: string): void {
    const path = this.contentTypesPath();
    let xml = this.requireText(path);
    xml = this.dropOverride(xml, part);
    const p = rootPrefix(xml, 'Types');
    const close = `</${p}Types>`;
    const at = xml.lastIndexOf(close);
    if (at < 0) throw new PortError('file.damaged');
    xml = `${xml.slice(0, at)}<${p}Override PartName="/${esc(part)}" ContentType="${esc(contentType)}"/>${xml.slice(at)}`;
    this.setText(path, xml);
  }

  removeOverride(part: string): void {
    const path = this.contentTypesPath();
    const xml = this.requireText(path);
    const next = this.dropOverride(xml, part);
    if (next !== xml) this.setText(path, next);
  }

  private dropOverride(xml: string, part: string): string {
    const want = `/${part}`.toLowerCase();
    return xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) => ((attr(tag, 'PartName') ?? '').toLowerCase() === want ? '' : tag));
  }

  /** Make sure an extension has a default content type (e.g. vml), adding it only when missing. */
  ensureDefault(extension: string, contentType: string): void {
    const path = this.contentTypesPath();
    const xml = this.requireText(path);
    const has = [...xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].some((m) => (attr(m[0], 'Extension') ?? '').toLowerCase() === extension.toLowerCase());
    if (has) return;
    const p = rootPrefix(xml, 'Types');
    const found = findElement(xml, p, 'Types');
    if (!found || found.selfClosing) throw new PortError('file.damaged');
    this.setText(path, `${xml.slice(0, found.innerStart)}<${p}Default Extension="${esc(extension)}" ContentType="${esc(contentType)}"/>${xml.slice(found.innerStart)}`);
  }

  contentTypeOf(part: string): string | undefined {
    const xml = this.requireText(this.contentTypesPath());
    const want = `/${part}`.toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) if ((attr(m[0], 'PartName') ?? '').toLowerCase() === want) return attr(m[0], 'ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) if ((attr(m[0], 'Extension') ?? '').toLowerCase() === ext) return attr(m[0], 'ContentType');
    return undefined;
  }

  // ---- workbook ----

  workbookPath(): string {
    const rel = this.rels('').find((r) => relIs(r.type, 'officeDocument'));
    const path = rel?.path ?? 'xl/workbook.xml';
    if (!this.has(path)) throw new PortError('file.notXlsx');
    const ct = this.contentTypeOf(path) ?? '';
    // .xlsb keeps a binary workbook we cannot edit; say so rather than corrupt it.
    if (/\.bin$/i.test(path) || /binary/i.test(ct)) throw new PortError('file.notXlsx');
    // A Word or PowerPoint file is a package too; only a spreadsheet's main part is a <workbook>.
    if ((ct && !/spreadsheetml|ms-excel/i.test(ct)) || !/<(?:[\w.-]+:)?workbook[\s>]/.test(this.requireText(path))) throw new PortError('file.notXlsx');
    return path;
  }

  sheets(): SheetEntry[] {
    const wbPath = this.workbookPath();
    const xml = this.requireText(wbPath);
    const rootDecls = namespaceDeclarations(rootElement(xml)?.tag ?? '');
    const rels = new Map(this.rels(wbPath).map((r) => [r.id, r]));
    const p = rootPrefix(xml, 'workbook');
    const sheetsEl = findElement(xml, p, 'sheets');
    if (!sheetsEl) throw new PortError('file.damaged');
    const out: SheetEntry[] = [];
    for (const m of xml.slice(sheetsEl.innerStart, sheetsEl.innerEnd).matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
      const tag = m[0];
      const rId = relIdOf(tag, rootDecls) ?? '';
      const rel = rels.get(rId);
      const state = attr(tag, 'state');
      out.push({
        name: attr(tag, 'name') ?? '',
        sheetId: Number(attr(tag, 'sheetId') ?? 0),
        rId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: rel && !rel.external && this.has(rel.path) ? rel.path : '',
        kind: rel && relIs(rel.type, 'worksheet') ? 'worksheet' : rel && relIs(rel.type, 'chartsheet') ? 'chartsheet' : 'other',
      });
    }
    return out;
  }

  /**
   * Append a `<sheet>` entry (new sheets go last so positional references such as localSheetId stay
   * valid), in the producer's prefix for the main namespace and with the relationships prefix declared
   * on the root.
   */
  addSheetEntry(name: string, rId: string): number {
    const wbPath = this.workbookPath();
    const used = this.sheets().map((s) => s.sheetId);
    const sheetId = Math.max(0, ...used) + 1;
    const { xml, prefix: rp } = ensureRelNamespace(this.requireText(wbPath));
    const p = rootPrefix(xml, 'workbook');
    const sheetsEl = findElement(xml, p, 'sheets');
    if (!sheetsEl) throw new PortError('file.damaged');
    const el = `<${p}sheet name="${esc(name)}" sheetId="${sheetId}" ${rp}:id="${rId}"/>`;
    const next = sheetsEl.selfClosing
      ? `${xml.slice(0, sheetsEl.start)}<${p}sheets>${el}</${p}sheets>${xml.slice(sheetsEl.end)}`
      : `${xml.slice(0, sheetsEl.innerEnd)}${el}${xml.slice(sheetsEl.innerEnd)}`;
    this.setText(wbPath, next);
    return this.sheets().length - 1;
  }

  /** A sheet's visibility by position: `state="hidden"` / `"veryHidden"` on its <sheet>, none when visible. */
  setSheetState(index: number, state: 'visible' | 'hidden' | 'veryHidden'): void {
    const wbPath = this.workbookPath();
    const xml = this.requireText(wbPath);
    const sheetsEl = findElement(xml, rootPrefix(xml, 'workbook'), 'sheets');
    if (!sheetsEl) throw new PortError('file.damaged');
    let i = 0;
    const inner = xml
      .slice(sheetsEl.innerStart, sheetsEl.innerEnd)
      .replace(/<(?:[\w.-]+:)?sheet\b[^>]*>/g, (tag) => (i++ === index ? setAttr(tag, 'state', state === 'visible' ? undefined : state) : tag));
    this.setText(wbPath, xml.slice(0, sheetsEl.innerStart) + inner + xml.slice(sheetsEl.innerEnd));
  }

  /** Point the workbook's first view at a sheet by position, so the file opens on it. */
  setActiveTab(index: number): void {
    const wbPath = this.workbookPath();
    const xml = this.requireText(wbPath);
    const p = rootPrefix(xml, 'workbook');
    const view = new RegExp(`<${p}workbookView\\b[^>]*>`).exec(xml);
    if (!view) return;
    const tag = setAttr(view[0], 'activeTab', String(index));
    this.setText(wbPath, xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length));
  }

  /**
   * Set (or with null, remove) the sheet's print titles: the workbook-level defined name
   * `_xlnm.Print_Titles` scoped to the sheet by its position (localSheetId), rows 1-based inclusive.
   * Other defined names are left as they are; `definedNames` goes where CT_Workbook's sequence puts it.
   */
  setPrintTitles(index: number, sheetName: string, rows: { readonly first: number; readonly last: number } | null): void {
    const wbPath = this.workbookPath();
    let xml = this.requireText(wbPath);
    const p = rootPrefix(xml, 'workbook');
    const names = findElement(xml, p, 'definedNames');
    if (names && !names.selfClosing) {
      const inner = xml.slice(names.innerStart, names.innerEnd).replace(elementRegex(p, 'definedName'), (el) => {
        const tag = /^<[^>]*>/.exec(el)![0];
        return attr(tag, 'name') === '_xlnm.Print_Titles' && attr(tag, 'localSheetId') === String(index) ? '' : el;
      });
      xml = inner.trim() ? xml.slice(0, names.innerStart) + inner + xml.slice(names.innerEnd) : xml.slice(0, names.start) + xml.slice(names.end);
    }
    if (rows) {
      const el = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(`${quoteSheet(sheetName)}!$${rows.first}:$${rows.last}`)}</${p}definedName>`;
      const existing = findElement(xml, p, 'definedNames');
      if (existing && !existing.selfClosing) xml = xml.slice(0, existing.innerEnd) + el + xml.slice(existing.innerEnd);
      else {
        if (existing) xml = xml.slice(0, existing.start) + xml.slice(existing.end);
        // After sheets, functionGroups and externalReferences, whichever come last (CT_Workbook).
        let at = -1;
        for (const before of ['sheets', 'functionGroups', 'externalReferences']) {
          const f = findElement(xml, p, before);
          if (f) at = Math.max(at, f.end);
        }
        if (at < 0) throw new PortError('file.damaged');
        xml = `${xml.slice(0, at)}<${p}definedNames>${el}</${p}definedNames>${xml.slice(at)}`;
      }
    }
    this.setText(wbPath, xml);
  }

  activeTab(): number {
    const xml = this.requireText(this.workbookPath());
    const view = /<(?:[\w.-]+:)?workbookView\b[^>]*>/.exec(xml);
    return view ? Number(attr(view[0], 'activeTab') ?? 0) : 0;
  }

  // ---- part removal ----

  /**
   * Remove a part, its relationships part, and the parts only it referenced (a replaced sheet's table,
   * notes, drawing and the drawing's charts), so no orphan is left behind. Parts referenced from
   * elsewhere stay.
   */
  removePartTree(part: string): void {
    const refs = this.referenceCounts();
    const stack = [part];
    const doomed = new Set<string>();
    while (stack.length) {
      const p = stack.pop()!;
      if (doomed.has(p)) continue;
      doomed.add(p);
      for (const r of this.rels(p)) {
        if (r.external || !this.has(r.path)) continue;
        const n = (refs.get(r.path) ?? 0) - 1;
        refs.set(r.path, n);
        if (n <= 0) stack.push(r.path);
      }
    }
    for (const p of doomed) {
      this.remove(p);
      this.remove(relsPathOf(p));
      this.removeOverride(p);
    }
  }

  /** Remove what only this part references (a replaced sheet's table, notes, drawing), keeping the part. */
  removeChildren(part: string): void {
    for (const r of this.rels(part)) {
      if (r.external || !this.has(r.path)) continue;
      if ((this.referenceCounts().get(r.path) ?? 0) <= 1) this.removePartTree(r.path);
    }
    this.remove(relsPathOf(part));
  }

  private referenceCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const relsPath of this.paths().filter((p) => /(^|\/)_rels\/[^/]+\.rels$/i.test(p))) {
      const m = /^(.*?)_rels\/([^/]+)\.rels$/i.exec(relsPath)!;
      const source = m[1] + m[2];
      for (const r of this.rels(source)) if (!r.external) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    }
    return counts;
  }

  /** calcChain lists formula cells; once we overwrite one it is stale, and Excel rebuilds it when absent. */
  dropCalcChain(): void {
    const wbPath = this.workbookPath();
    for (const r of this.rels(wbPath)) {
      if (!relIs(r.type, 'calcChain')) continue;
      this.removeRel(wbPath, r.id);
      this.remove(r.path);
      this.removeOverride(r.path);
    }
  }
}
