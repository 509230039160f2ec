import { CONTENT_TYPE, Pkg, REL, REL_NS, relIs } from './pkg';
import type { SheetEditor } from './sheetEdit';
import { parseRef } from './sheetEdit';
import { attr, elementRegex, esc, escCellText, findElement, rootPrefix, setAttr } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Elements that must come after legacyDrawing in a worksheet (schema order). */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: string, row: number, col: number): string {
  return (
    `<v:shape id="${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:72pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Insert before the closing </xml>, keeping whatever follows it. */
function insertBeforeEnd(vml: string, el: string): string {
  const at = vml.lastIndexOf('</xml>');
  return at < 0 ? vml + el : vml.slice(0, at) + el + vml.slice(at);
}

/**
 * The legacy notes of one worksheet: the comments part (text) and the VML drawing (the yellow boxes).
 * A sheet has at most one of each, so the add-in's notes go into the teacher's existing parts when
 * there are some; each note the add-in writes is found again by its author and cell.
 */
export class SheetNotes {
  private commentsPath?: string;
  private vmlPath?: string;
  private comments?: string;
  private vml?: string;

  constructor(private readonly pkg: Pkg, private readonly sheetPath: string, private readonly sheet: SheetEditor) {
    const rels = pkg.rels(sheetPath);
    const c = rels.find((r) => relIs(r.type, 'comments') && !r.external && pkg.has(r.path));
    if (c) {
      this.commentsPath = c.path;
      this.comments = pkg.requireText(c.path);
    }
    const legacy = new RegExp(`<${sheet.p}legacyDrawing\\b[^>]*>`).exec(sheet.tail);
    const rid = legacy ? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(legacy[0])?.[1] : undefined;
    const v = rels.find((r) => r.id === rid && !r.external && pkg.has(r.path));
    if (v) {
      this.vmlPath = v.path;
      this.vml = pkg.requireText(v.path);
    }
  }

  private authorId(author: string, create: boolean): number {
    const xml = this.comments!;
    const p = rootPrefix(xml, 'comments');
    const authors = findElement(xml, p, 'authors');
    const list = authors && !authors.selfClosing ? (xml.slice(authors.innerStart, authors.innerEnd).match(elementRegex(p, 'author')) ?? []) : [];
    const names = list.map((a) => a.replace(/^<[^>]*>|<\/[^>]*>$/g, ''));
    const i = names.indexOf(esc(author));
    if (i >= 0 || !create) return i;
    const el = `<${p}author>${esc(author)}</${p}author>`;
    if (!authors) {
      const at = xml.indexOf('>', xml.search(new RegExp(`<${p}comments[\\s>]`))) + 1;
      this.comments = `${xml.slice(0, at)}<${p}authors>${el}</${p}authors>${xml.slice(at)}`;
    } else if (authors.selfClosing) {
      this.comments = `${xml.slice(0, authors.start)}<${p}authors>${el}</${p}authors>${xml.slice(authors.end)}`;
    } else {
      this.comments = `${xml.slice(0, authors.innerEnd)}${el}${xml.slice(authors.innerEnd)}`;
    }
    return names.length;
  }

  /** Our author entry goes too when nobody uses it and it is last (removing it shifts no other id). */
  private dropAuthorIfUnused(id: number): void {
    if (id < 0 || this.commentEls().some((c) => c.authorId === id)) return;
    const xml = this.comments!;
    const p = rootPrefix(xml, 'comments');
    const authors = findElement(xml, p, 'authors');
    if (!authors || authors.selfClosing) return;
    const inner = xml.slice(authors.innerStart, authors.innerEnd);
    const list = inner.match(elementRegex(p, 'author')) ?? [];
    if (list.length !== id + 1) return;
    const last = inner.lastIndexOf(list[id]);
    this.comments = xml.slice(0, authors.innerStart) + inner.slice(0, last) + inner.slice(last + list[id].length) + xml.slice(authors.innerEnd);
  }

  private commentEls(): { xml: string; ref: string; authorId: number }[] {
    if (!this.comments) return [];
    const p = rootPrefix(this.comments, 'comments');
    return (this.comments.match(elementRegex(p, 'comment')) ?? []).map((xml) => ({ xml, ref: (attr(xml, 'ref') ?? '').toUpperCase(), authorId: Number(attr(xml, 'authorId') ?? -1) }));
  }

  /** Is there a note or threaded comment on this cell written by someone other than `author`? */
  foreignNoteAt(ref: string, author: string): boolean {
    const mine = this.comments ? this.authorId(author, false) : -1;
    return this.commentEls().some((c) => c.ref === ref && c.authorId !== mine);
  }

  /** Write (or rewrite) the add-in's note on a cell. Returns the VML shape id used. */
  setNote(ref: string, text: string, author: string): string {
    this.ensureParts();
    const p = rootPrefix(this.comments!, 'comments');
    const id = this.authorId(author, true);
    const el = `<${p}comment ref="${ref}" authorId="${id}"><${p}text><${p}r><${p}t xml:space="preserve">${escCellText(text)}</${p}t></${p}r></${p}text></${p}comment>`;
    const existing = this.commentEls().find((c) => c.ref === ref && c.authorId === id);
    if (existing) this.comments = this.comments!.replace(existing.xml, el);
    else {
      const xml = this.comments!;
      const list = findElement(xml, p, 'commentList');
      if (!list) this.comments = xml.replace(new RegExp(`</${p}comments>`), `<${p}commentList>${el}</${p}commentList></${p}comments>`);
      else if (list.selfClosing) this.comments = `${xml.slice(0, list.start)}<${p}commentList>${el}</${p}commentList>${xml.slice(list.end)}`;
      else this.comments = `${xml.slice(0, list.innerEnd)}${el}${xml.slice(list.innerEnd)}`;
    }
    return this.ensureShape(ref);
  }

  /** Remove the add-in's notes on these cells; drops parts left empty. */
  removeNotes(refs: ReadonlySet<string>, shapeIds: ReadonlySet<string>, author: string): void {
    if (this.comments) {
      const mine = this.authorId(author, false);
      if (mine >= 0) for (const c of this.commentEls()) if (c.authorId === mine && refs.has(c.ref)) this.comments = this.comments.replace(c.xml, '');
      this.dropAuthorIfUnused(mine);
    }
    if (this.vml) {
      this.vml = this.vml.replace(/<v:shape\b[^>]*?(?:\/>|>[\s\S]*?<\/v:shape>)/g, (shape) => (shapeIds.has(attr(shape, 'id') ?? '') ? '' : shape));
    }
  }

  private ensureParts(): void {
    const pkg = this.pkg;
    if (!this.comments) {
      this.commentsPath = pkg.freePartName('xl/comments', '.xml');
      this.comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
      pkg.addRel(this.sheetPath, REL.comments, this.commentsPath);
      pkg.setOverride(this.commentsPath, CONTENT_TYPE.comments);
    }
    if (!this.vml) {
      let block = 0;
      for (const path of pkg.paths()) if (/\.vml$/i.test(path)) for (const m of pkg.text(path)!.matchAll(/data="([\d,\s]+)"/g)) for (const n of m[1].split(/[,\s]+/)) block = Math.max(block, Number(n) || 0);
      this.vmlPath = pkg.freePartName('xl/drawings/vmlDrawing', '.vml');
      this.vml =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block + 1}"/></o:shapelayout>${SHAPE_TYPE}</xml>`;
      const rid = pkg.addRel(this.sheetPath, REL.vmlDrawing, this.vmlPath);
      pkg.ensureDefault('vml', CONTENT_TYPE.vml);
      this.setLegacyDrawing(rid);
    } else if (!this.vml.includes('_x0000_t202')) {
      this.vml = insertBeforeEnd(this.vml, SHAPE_TYPE);
    }
  }

  private setLegacyDrawing(rid: string | undefined): void {
    const s = this.sheet;
    const p = s.p;
    s.tail = s.tail.replace(new RegExp(`<${p}legacyDrawing\\b[^>]*>`), '');
    if (!rid) return;
    let rp = /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(s.head)?.[1];
    if (!rp) {
      rp = 'r';
      const root = new RegExp(`<${p}worksheet\\b[^>]*>`).exec(s.head)!;
      s.head = s.head.slice(0, root.index) + setAttr(root[0], 'xmlns:r', REL_NS) + s.head.slice(root.index + root[0].length);
    }
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
    const shapes = [...this.vml!.matchAll(/<v:shape\b[^>]*?(?:\/>|>[\s\S]*?<\/v:shape>)/g)].map((m) => m[0]);
    const mine = shapes.find((s) => s.includes(`<x:Row>${cell.row}</x:Row>`) && s.includes(`<x:Column>${cell.col}</x:Column>`) && /ObjectType="Note"/.test(s));
    if (mine) return attr(mine, 'id') ?? '';
    let max = 0;
    for (const s of shapes) max = Math.max(max, Number(/_x0000_s(\d+)/.exec(attr(s, 'id') ?? '')?.[1] ?? 0));
    const block = Number(/data="(\d+)/.exec(this.vml!)?.[1] ?? 1);
    const id = `_x0000_s${Math.max(max + 1, block * 1024 + 1)}`;
    this.vml = insertBeforeEnd(this.vml!, noteShape(id, cell.row, cell.col));
    return id;
  }

  /** Write the edited parts back; parts left without any note are removed with their links. */
  flush(): void {
    const pkg = this.pkg;
    const commentsEmpty = this.comments !== undefined && this.commentEls().length === 0;
    const vmlEmpty = this.vml !== undefined && !/<v:shape\b/.test(this.vml);
    if (this.commentsPath && this.comments !== undefined) {
      if (commentsEmpty) this.dropPart(this.commentsPath);
      else if (pkg.text(this.commentsPath) !== this.comments) pkg.setText(this.commentsPath, this.comments);
    }
    if (this.vmlPath && this.vml !== undefined) {
      if (vmlEmpty) {
        this.dropPart(this.vmlPath);
        this.setLegacyDrawing(undefined);
      } else if (pkg.text(this.vmlPath) !== this.vml) pkg.setText(this.vmlPath, this.vml);
    }
  }

  private dropPart(path: string): void {
    for (const r of this.pkg.rels(this.sheetPath)) if (r.path === path) this.pkg.removeRel(this.sheetPath, r.id);
    this.pkg.remove(path);
    this.pkg.removeOverride(path);
  }
}
