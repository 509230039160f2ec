import { CONTENT_TYPE, ensureRelNamespace, Pkg, REL, relIs } from './pkg';
import type { SheetEditor } from './sheetEdit';
import { parseRef } from './sheetEdit';
import { attr, elementRegex, ensureRootNamespace, esc, escCellText, findElement, namespaceDeclarations, rootElement, rootPrefix } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Elements that must come after legacyDrawing in a worksheet (schema order). */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Every shape of a VML drawing whose VML namespace is bound to prefix `v`. */
function shapeRegex(v: string): RegExp {
  return new RegExp(`<${v}:shape\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${v}:shape>)`, 'g');
}

const VML_NS = { v: 'urn:schemas-microsoft-com:vml', o: 'urn:schemas-microsoft-com:office:office', x: 'urn:schemas-microsoft-com:office:excel' } as const;
type VmlPrefixes = Record<keyof typeof VML_NS, string>;

/** The prefixes a drawing's root binds the VML namespaces to (v, o, x where it binds none). */
function boundVmlPrefixes(vml: string): VmlPrefixes {
  const decls = namespaceDeclarations(rootElement(vml)?.tag ?? '');
  const find = (key: keyof typeof VML_NS) => [...decls].find(([p, u]) => p && u === VML_NS[key])?.[0] ?? key;
  return { v: find('v'), o: find('o'), x: find('x') };
}

/**
 * Declare the VML namespaces on the drawing's root where the producer did not, and say which prefixes
 * our markup must use: a producer that bound them to other prefixes gets its own.
 */
function declareVml(vml: string): { vml: string; prefixes: VmlPrefixes } {
  const prefixes = { v: 'v', o: 'o', x: 'x' };
  for (const key of ['v', 'o', 'x'] as const) {
    const r = ensureRootNamespace(vml, VML_NS[key], key);
    vml = r.xml;
    prefixes[key] = r.prefix;
  }
  return { vml, prefixes };
}

/** Our VML markup (written with v:, o:, x:) in the prefixes the part uses. */
function inPrefixes(markup: string, prefixes: VmlPrefixes): string {
  if (prefixes.v === 'v' && prefixes.o === 'o' && prefixes.x === 'x') return markup;
  return markup.replace(/(<\/?|\s)([vox]):/g, (_m, lead: string, p: 'v' | 'o' | 'x') => `${lead}${prefixes[p]}:`);
}

function noteShape(id: string, row: number, col: number): string {
  return (
    `<v:shape id="${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:72pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

interface CommentEl {
  xml: string;
  readonly ref: string;
  readonly authorId: number;
}

/** The comments part split once: text before the list, the comments, text after. */
interface CommentsModel {
  readonly p: string;
  before: string;
  readonly comments: CommentEl[];
  readonly after: string;
  authors: string[];
  readonly original: string;
}

function parseComments(xml: string): CommentsModel {
  const p = rootPrefix(xml, 'comments');
  let list = findElement(xml, p, 'commentList');
  let source = xml;
  if (!list) {
    const close = xml.lastIndexOf(`</${p}comments>`);
    source = `${xml.slice(0, close)}<${p}commentList></${p}commentList>${xml.slice(close)}`;
    list = findElement(source, p, 'commentList')!;
  } else if (list.selfClosing) {
    source = `${xml.slice(0, list.start)}<${p}commentList></${p}commentList>${xml.slice(list.end)}`;
    list = findElement(source, p, 'commentList')!;
  }
  const inner = source.slice(list.innerStart, list.innerEnd);
  const comments = (inner.match(elementRegex(p, 'comment')) ?? []).map((c) => ({ xml: c, ref: (attr(c, 'ref') ?? '').toUpperCase(), authorId: Number(attr(c, 'authorId') ?? -1) }));
  const before = source.slice(0, list.innerStart);
  const authorsEl = findElement(before, p, 'authors');
  const authors = authorsEl && !authorsEl.selfClosing ? (before.slice(authorsEl.innerStart, authorsEl.innerEnd).match(elementRegex(p, 'author')) ?? []) : [];
  return { p, before, comments, after: source.slice(list.innerEnd), authors: authors.map((a) => a.replace(/^<[^>]*>|<\/[^>]*>$/g, '')), original: xml };
}

function serializeComments(m: CommentsModel): string {
  return m.before + m.comments.map((c) => c.xml).join('') + m.after;
}

/** Insert before the closing </xml>, keeping whatever follows it. */
function insertBeforeEnd(vml: string, el: string): string {
  const at = vml.lastIndexOf('</xml>');
  return at < 0 ? vml + el : vml.slice(0, at) + el + vml.slice(at);
}

/**
 * The legacy notes of one worksheet: the comments part (text) and the VML drawing (the yellow boxes).
 * A sheet has at most one of each, so the add-in's notes go into the teacher's existing parts when
 * there are some; each note the add-in writes is found again by its author and cell. Both parts are
 * parsed once and written once, so thousands of marks cost linear time.
 */
export class SheetNotes {
  private commentsPath?: string;
  private vmlPath?: string;
  private model?: CommentsModel;
  private vml?: string;
  /** Existing note shapes by cell ('row,col'), their highest number, new shapes and removed ids. */
  private shapeAt = new Map<string, string>();
  private maxShape = 0;
  private readonly newShapes: string[] = [];
  private readonly removedShapes = new Set<string>();
  private byRef = new Map<string, CommentEl[]>();
  private vmlPrefixes: VmlPrefixes = { v: 'v', o: 'o', x: 'x' };
  /** The teacher's VML has been given our namespaces and shape type (once per apply). */
  private vmlReady = false;

  constructor(
    private readonly pkg: Pkg,
    private readonly sheetPath: string,
    private readonly sheet: SheetEditor,
  ) {
    const rels = pkg.rels(sheetPath);
    const c = rels.find((r) => relIs(r.type, 'comments') && !r.external && pkg.has(r.path));
    if (c) {
      this.commentsPath = c.path;
      this.useComments(parseComments(pkg.requireText(c.path)));
    }
    const legacy = new RegExp(`<${sheet.p}legacyDrawing\\b[^>]*>`).exec(sheet.tail);
    const rid = legacy ? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(legacy[0])?.[1] : undefined;
    const v = rels.find((r) => r.id === rid && !r.external && pkg.has(r.path));
    if (v) {
      this.vmlPath = v.path;
      this.useVml(pkg.requireText(v.path));
    }
  }

  private useComments(m: CommentsModel): void {
    this.model = m;
    this.byRef = new Map();
    for (const c of m.comments) {
      const list = this.byRef.get(c.ref);
      if (list) list.push(c);
      else this.byRef.set(c.ref, [c]);
    }
  }

  private useVml(vml: string): void {
    this.vml = vml;
    this.vmlPrefixes = boundVmlPrefixes(vml);
    const x = this.vmlPrefixes.x;
    for (const m of vml.matchAll(shapeRegex(this.vmlPrefixes.v))) {
      const shape = m[0];
      const id = attr(shape, 'id') ?? '';
      this.maxShape = Math.max(this.maxShape, Number(/_x0000_s(\d+)/.exec(id)?.[1] ?? 0));
      const row = new RegExp(`<${x}:Row>(\\d+)</${x}:Row>`).exec(shape)?.[1];
      const col = new RegExp(`<${x}:Column>(\\d+)</${x}:Column>`).exec(shape)?.[1];
      if (row !== undefined && col !== undefined && /ObjectType="Note"/.test(shape)) this.shapeAt.set(`${row},${col}`, id);
    }
  }

  private authorId(author: string, create: boolean): number {
    const m = this.model!;
    const i = m.authors.indexOf(esc(author));
    if (i >= 0 || !create) return i;
    const p = m.p;
    const el = `<${p}author>${esc(author)}</${p}author>`;
    const authors = findElement(m.before, p, 'authors');
    if (!authors) {
      const at = m.before.indexOf('>', m.before.search(new RegExp(`<${p}comments[\\s>]`))) + 1;
      m.before = `${m.before.slice(0, at)}<${p}authors>${el}</${p}authors>${m.before.slice(at)}`;
    } else if (authors.selfClosing) {
      m.before = `${m.before.slice(0, authors.start)}<${p}authors>${el}</${p}authors>${m.before.slice(authors.end)}`;
    } else {
      m.before = `${m.before.slice(0, authors.innerEnd)}${el}${m.before.slice(authors.innerEnd)}`;
    }
    m.authors.push(esc(author));
    return m.authors.length - 1;
  }

  /** Is there a note or threaded comment on this cell written by someone other than `author`? */
  foreignNoteAt(ref: string, author: string): boolean {
    if (!this.model) return false;
    const mine = this.authorId(author, false);
    return (this.byRef.get(ref) ?? []).some((c) => c.authorId !== mine);
  }

  /** Write (or rewrite) the add-in's note on a cell. Returns the VML shape id used. */
  setNote(ref: string, text: string, author: string): string {
    this.ensureParts();
    const m = this.model!;
    const p = m.p;
    const id = this.authorId(author, true);
    const xml = `<${p}comment ref="${ref}" authorId="${id}"><${p}text><${p}r><${p}t xml:space="preserve">${escCellText(text)}</${p}t></${p}r></${p}text></${p}comment>`;
    const existing = (this.byRef.get(ref) ?? []).find((c) => c.authorId === id);
    if (existing) existing.xml = xml;
    else {
      const el: CommentEl = { xml, ref, authorId: id };
      m.comments.push(el);
      this.byRef.set(ref, [...(this.byRef.get(ref) ?? []), el]);
    }
    return this.ensureShape(ref);
  }

  /** Remove the add-in's notes on these cells and the shapes it drew for them. */
  removeNotes(refs: ReadonlySet<string>, shapeIds: ReadonlySet<string>, author: string): void {
    const m = this.model;
    if (m) {
      const mine = this.authorId(author, false);
      if (mine >= 0) {
        const kept = m.comments.filter((c) => !(c.authorId === mine && refs.has(c.ref)));
        m.comments.length = 0;
        m.comments.push(...kept);
        this.useComments(m);
        this.dropAuthorIfUnused(mine);
      }
    }
    for (const id of shapeIds) this.removedShapes.add(id);
  }

  /** Our author entry goes too when nobody uses it and it is last (removing it shifts no other id). */
  private dropAuthorIfUnused(id: number): void {
    const m = this.model!;
    if (id !== m.authors.length - 1 || m.comments.some((c) => c.authorId === id)) return;
    const p = m.p;
    const authors = findElement(m.before, p, 'authors');
    if (!authors || authors.selfClosing) return;
    const inner = m.before.slice(authors.innerStart, authors.innerEnd);
    const list = inner.match(elementRegex(p, 'author')) ?? [];
    if (list.length !== id + 1) return;
    const last = inner.lastIndexOf(list[id]);
    m.before = m.before.slice(0, authors.innerStart) + inner.slice(0, last) + inner.slice(last + list[id].length) + m.before.slice(authors.innerEnd);
    m.authors.pop();
  }

  private ensureParts(): void {
    const pkg = this.pkg;
    if (!this.model) {
      this.commentsPath = pkg.freePartName('xl/comments', '.xml');
      this.useComments(
        parseComments(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`),
      );
      pkg.addRel(this.sheetPath, REL.comments, this.commentsPath);
      pkg.setOverride(this.commentsPath, CONTENT_TYPE.comments);
    }
    if (this.vml === undefined) {
      let block = 0;
      for (const path of pkg.paths())
        if (/\.vml$/i.test(path)) for (const m of pkg.text(path)!.matchAll(/data="([\d,\s]+)"/g)) for (const n of m[1].split(/[,\s]+/)) block = Math.max(block, Number(n) || 0);
      this.vmlPath = pkg.freePartName('xl/drawings/vmlDrawing', '.vml');
      this.useVml(
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block + 1}"/></o:shapelayout>${SHAPE_TYPE}</xml>`,
      );
      const rid = pkg.addRel(this.sheetPath, REL.vmlDrawing, this.vmlPath);
      pkg.ensureDefault('vml', CONTENT_TYPE.vml);
      this.setLegacyDrawing(rid);
    } else if (!this.vmlReady) {
      this.vmlReady = true;
      const declared = declareVml(this.vml);
      this.vml = declared.vml;
      this.vmlPrefixes = declared.prefixes;
      if (!this.vml.includes('_x0000_t202')) this.vml = insertBeforeEnd(this.vml, inPrefixes(SHAPE_TYPE, this.vmlPrefixes));
    }
  }

  private setLegacyDrawing(rid: string | undefined): void {
    const s = this.sheet;
    const p = s.p;
    s.tail = s.tail.replace(new RegExp(`<${p}legacyDrawing\\b[^>]*>`), '');
    if (!rid) return;
    const declared = ensureRelNamespace(s.head, [s.tail]);
    s.head = declared.xml;
    const rp = declared.prefix;
    const el = `<${p}legacyDrawing ${rp}:id="${rid}"/>`;
    let at = -1;
    for (const name of AFTER_LEGACY) {
      const m = new RegExp(`<${p}${name}[\\s>/]`).exec(s.tail);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    if (at < 0) at = s.tail.lastIndexOf(`</${p}worksheet>`);
    s.tail = s.tail.slice(0, at) + el + s.tail.slice(at);
  }

  private ensureShape(ref: string): string {
    const cell = parseRef(ref)!;
    const key = `${cell.row},${cell.col}`;
    const existing = this.shapeAt.get(key);
    if (existing && !this.removedShapes.has(existing)) return existing;
    const block = Number(/data="(\d+)/.exec(this.vml!)?.[1] ?? 1);
    this.maxShape = Math.max(this.maxShape + 1, block * 1024 + 1);
    const id = `_x0000_s${this.maxShape}`;
    this.newShapes.push(inPrefixes(noteShape(id, cell.row, cell.col), this.vmlPrefixes));
    this.shapeAt.set(key, id);
    return id;
  }

  /** Write the edited parts back; parts left without any note are removed with their links. */
  flush(): void {
    const pkg = this.pkg;
    if (this.commentsPath && this.model) {
      const text = serializeComments(this.model);
      if (this.model.comments.length === 0) this.dropPart(this.commentsPath);
      else if (text !== this.model.original || !pkg.has(this.commentsPath)) pkg.setText(this.commentsPath, text);
    }
    if (this.vmlPath && this.vml !== undefined) {
      let vml = this.vml;
      if (this.removedShapes.size) vml = vml.replace(shapeRegex(this.vmlPrefixes.v), (shape) => (this.removedShapes.has(attr(shape, 'id') ?? '') ? '' : shape));
      const added = this.newShapes.filter((s) => !this.removedShapes.has(attr(s, 'id') ?? ''));
      if (added.length) vml = insertBeforeEnd(vml, added.join(''));
      if (!new RegExp(`<${this.vmlPrefixes.v}:shape\\b`).test(vml)) {
        this.dropPart(this.vmlPath);
        this.setLegacyDrawing(undefined);
      } else if (vml !== pkg.text(this.vmlPath)) pkg.setText(this.vmlPath, vml);
    }
  }

  private dropPart(path: string): void {
    for (const r of this.pkg.rels(this.sheetPath)) if (r.path === path) this.pkg.removeRel(this.sheetPath, r.id);
    this.pkg.remove(path);
    this.pkg.removeOverride(path);
  }
}
