/**
 * Small string helpers for editing OOXML parts in place. We edit text surgically instead of parsing to a
 * DOM and serialising back, so every byte we do not touch stays as the other tool wrote it.
 */
import { PortError } from '../port';
import { FAST_DEFLATE_FROM, PartDeflater, type DeflatedPart, type ZipCodec } from './zip';

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/FFFF, lone surrogates).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbidden(s: string): string {
  return s.replace(FORBIDDEN, '');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Anything esc or escCellText would change but an underscore: entities, CR, forbidden characters, any surrogate. */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escape for element text or a double-quoted attribute value. */
export function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return stripForbidden(s).replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/**
 * Escape for a cell string (ST_Xstring): Excel decodes `_xHHHH_` sequences, so a literal one gets its
 * underscore escaped, and CR is written as `_x000D_` (XML parsers would turn a raw CR into LF).
 */
export function escCellText(s: string): string {
  if (!NEEDS_ESCAPE.test(s) && !s.includes('_')) return s;
  const x = stripForbidden(s)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/\r/g, '_x000D_');
  return x.replace(/[&<>"']/g, (c) => ENTITY[c]);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(?:(amp)|(lt)|(gt)|(quot)|(apos)|#x([0-9A-Fa-f]+)|#(\d+));/g, (_m, amp, lt, gt, quot, apos, hex: string | undefined, dec: string) => {
    if (amp) return '&';
    if (lt) return '<';
    if (gt) return '>';
    if (quot) return '"';
    if (apos) return "'";
    return String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10));
  });
}

/** Attribute value of a start tag (`<c r="A1" s="3">`), unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[1] ?? m[2]);
}

/** Set (or with undefined, remove) an attribute on a start tag, leaving the rest of the tag untouched. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === undefined ? '' : ` ${name}="${esc(value)}"`);
  if (value === undefined) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${esc(value)}"${tag.slice(end)}`;
}

/** The namespace prefix (with colon) a part uses for its root element, e.g. 'x:' or '': new elements in the main namespace use it. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Every complete element `<p:name …/>` or `<p:name …>…</p:name>` (non-nesting names only). */
export function elementRegex(prefix: string, name: string, flags = 'g'): RegExp {
  const p = prefix.replace(/[.]/g, '\\.');
  return new RegExp(`<${p}${name}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}${name}>)`, flags);
}

/** Locate a container element; returns its start-tag span, inner span and whether it was self-closing. */
export interface Found {
  readonly start: number;
  readonly end: number; // after the closing tag
  readonly openTag: string;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

export function findElement(xml: string, prefix: string, name: string, from = 0): Found | null {
  const open = new RegExp(`<${prefix}${name}(?=[\\s>/])[^>]*>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  const openTag = m[0];
  const start = m.index;
  if (openTag.endsWith('/>')) {
    const end = start + openTag.length;
    return { start, end, openTag, innerStart: end, innerEnd: end, selfClosing: true };
  }
  const close = `</${prefix}${name}>`;
  const closeAt = xml.indexOf(close, start + openTag.length);
  if (closeAt < 0) return null;
  return { start, end: closeAt + close.length, openTag, innerStart: start + openTag.length, innerEnd: closeAt, selfClosing: false };
}

/** Quote a sheet name for a formula or hyperlink location: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
/** UTF-8 bytes of a string. encodeInto into a buffer is many times faster than encode() in V8. */
export function utf8(s: string): Uint8Array {
  const buf = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, buf);
  return buf.slice(0, written);
}

/**
 * How a part was encoded, so an edited part goes back the way its producer wrote it: most parts are
 * UTF-8 without a byte-order mark, some tools add one (UTF-8 BOM), and Excel Mobile wrote UTF-16.
 */
export interface PartEncoding {
  readonly bom: boolean;
  readonly utf16?: 'le' | 'be';
}

export const PLAIN_UTF8: PartEncoding = { bom: false };

/** A part's text and encoding, from its BOM (or, without one, from how '<' is spelled in UTF-16). */
export function decodePart(b: Uint8Array): { text: string; encoding: PartEncoding } {
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x00 && b[1] === 0x3c);
  if (le || be) {
    const bom = b[0] === 0xff || b[0] === 0xfe;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bom ? b.subarray(2) : b);
    return { text, encoding: { bom, utf16: le ? 'le' : 'be' } };
  }
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  return { text: decoder.decode(bom ? b.subarray(3) : b), encoding: bom ? { bom: true } : PLAIN_UTF8 };
}

/** Bytes of an edited part in the encoding it was read in. */
export function encodePart(text: string, encoding: PartEncoding): Uint8Array {
  if (!encoding.utf16) {
    if (!encoding.bom) return utf8(text);
    const body = utf8(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const start = encoding.bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  const le = encoding.utf16 === 'le';
  if (encoding.bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[start + i * 2 + (le ? 0 : 1)] = c & 0xff;
    out[start + i * 2 + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** A part's text whatever its encoding; the editing code expects '<?xml' or '<' first, so no BOM. */
export function fromUtf8(b: Uint8Array): string {
  return decodePart(b).text;
}

// ---- namespaces ----

/** The root element of a part: its start tag, where it starts, and its prefix ('x:' or ''). */
export interface RootTag {
  readonly start: number;
  readonly tag: string;
  readonly prefix: string;
  readonly localName: string;
}

export function rootElement(xml: string): RootTag | null {
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(?=[\s>/])[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    if (m[2] !== undefined) return { start: m.index, tag: m[0], prefix: m[1] ? `${m[1]}:` : '', localName: m[2] };
  }
  return null;
}

/** The namespace declarations on one start tag: prefix ('' for the default namespace) to URI. */
export function namespaceDeclarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1] ?? '', unescapeXml(m[2] ?? m[3]));
  return out;
}

/** Is `prefix` bound anywhere in these texts to a URI other than `uri`? Then it cannot be trusted to mean `uri`. */
function boundElsewhere(texts: readonly string[], prefix: string, uri: string): boolean {
  const re = new RegExp(`\\sxmlns:${prefix.replace(/\./g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  return texts.some((t) => [...t.matchAll(re)].some((m) => unescapeXml(m[1] ?? m[2]) !== uri));
}

/**
 * The one place a prefixed name the port writes gets its namespace: returns a prefix bound to `uri` on
 * the part's root element, declaring it there when the producer did not (openpyxl declares the
 * relationships namespace on each <sheet>, others under their own prefix, some nowhere). `accept` lists
 * URIs that mean the same (the strict twin); `rest` is text of the same part held apart (a sheet's
 * tail), checked so a prefix rebound anywhere in the part is never used.
 */
export function ensureRootNamespace(
  xml: string,
  uri: string,
  preferred: string,
  options: { accept?: readonly string[]; rest?: readonly string[] } = {},
): { xml: string; prefix: string } {
  const root = rootElement(xml);
  if (!root) throw new PortError('file.damaged');
  const texts = [xml, ...(options.rest ?? [])];
  const declared = namespaceDeclarations(root.tag);
  const accept = [uri, ...(options.accept ?? [])];
  for (const [p, u] of declared) if (p && accept.includes(u) && !boundElsewhere(texts, p, u)) return { xml, prefix: p };
  for (let n = 0; ; n++) {
    const p = n === 0 ? preferred : `${preferred}${n}`;
    if (declared.has(p) || /^xml/i.test(p) || boundElsewhere(texts, p, uri)) continue;
    const tag = setAttr(root.tag, `xmlns:${p}`, uri);
    return { xml: xml.slice(0, root.start) + tag + xml.slice(root.start + root.tag.length), prefix: p };
  }
}

/** Where a cell's text goes: markup as it is, and cell text escaped as escCellText does (a string or bytes). */
export interface XmlOut {
  push(s: string): void;
  cellText(s: string): void;
}

/** Builds a short part or one cell as a string (the in-place sheet editor's cells). */
export class StringOut implements XmlOut {
  text = '';

  push(s: string): void {
    this.text += s;
  }

  cellText(s: string): void {
    this.text += escCellText(s);
  }
}

// The entity bytes escCellText writes for & < > " ', by character code.
const ENTITY_BYTES: (Uint8Array | undefined)[] = Array.from({ length: 128 }, () => undefined);
for (const [c, e] of Object.entries(ENTITY)) ENTITY_BYTES[c.charCodeAt(0)] = encoder.encode(e);

/** A string this long or longer goes through TextEncoder.encodeInto (one native call) instead of the byte loop. */
const ENCODE_INTO_FROM = 64;

/**
 * Writes XML as UTF-8 bytes straight into its buffer, which grows to the part (or, made with
 * `deflateLarge`, stays a few megabytes and is deflated as it fills once past FAST_DEFLATE_FROM: a
 * 750,000-row sheet, 联系卡 of 50,000 children, 217 MB of XML, then never exists whole). No string is
 * built for a row or a sheet: apply on 50,000 children writes 2 million cells, and joining them into
 * strings before encoding cost a second of CPU and as much again in garbage collection.
 */
export class ByteSink implements XmlOut {
  private buf = new Uint8Array(1 << 16);
  private used = 0;
  private deflater?: PartDeflater;
  /** Bytes written so far. */
  size = 0;

  constructor(
    private readonly deflateLarge = false,
    private readonly codec?: ZipCodec,
  ) {}

  /** Markup (or text already escaped), as UTF-8. */
  push(s: string): void {
    const n = s.length;
    this.reserve(n * 3);
    const buf = this.buf;
    let at = this.used;
    let i = 0;
    if (n < ENCODE_INTO_FROM) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at++] = c;
      }
    }
    if (i < n) at += encoder.encodeInto(i ? s.slice(i) : s, buf.subarray(at)).written;
    this.size += at - this.used;
    this.used = at;
  }

  /**
   * Cell text, escaped exactly as escCellText would and encoded in the same pass. What the pass does not
   * handle itself (control characters, a CR, an underscore that may start `_xHHHH_`, a lone surrogate,
   * U+FFFE/FFFF) sends the whole text through escCellText: rare in the sheets' text.
   */
  cellText(s: string): void {
    const n = s.length;
    this.reserve(n * 6);
    const buf = this.buf;
    const start = this.used;
    let at = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        const entity = ENTITY_BYTES[c];
        if (entity) {
          buf.set(entity, at);
          at += entity.length;
        } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x5f) {
          return this.escapedText(s, start);
        } else buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d < 0xdc00 || d > 0xdfff) return this.escapedText(s, start);
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[at++] = 0xf0 | (cp >> 18);
        buf[at++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[at++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[at++] = 0x80 | (cp & 0x3f);
        i++;
      } else if (c >= 0xfffe) {
        return this.escapedText(s, start);
      } else {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.size += at - start;
    this.used = at;
  }

  /** Back to `start`, then the text through escCellText. */
  private escapedText(s: string, start: number): void {
    this.used = start;
    this.push(escCellText(s));
  }

  pushBytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.used);
    this.used += b.length;
    this.size += b.length;
  }

  /** The largest buffer the sink has held (for tests that guard the bound). */
  get bufferLength(): number {
    return this.buf.length;
  }

  /**
   * Room for `extra` more bytes: the buffer doubles from 64 KB (most sheets, and every sheet's links, are
   * small), and a sink that deflates hands it to the deflater instead of growing past FAST_DEFLATE_FROM
   * (so parts up to that size stay plain bytes).
   */
  private reserve(extra: number): void {
    if (this.used + extra <= this.buf.length) return;
    if (this.deflateLarge && this.used && this.used + extra > FAST_DEFLATE_FROM) {
      this.deflater ??= new PartDeflater(this.codec);
      this.deflater.push(this.buf.subarray(0, this.used));
      this.used = 0;
      if (extra <= this.buf.length) return;
    }
    let n = this.buf.length * 2;
    while (n < this.used + extra) n *= 2;
    const next = new Uint8Array(n);
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }

  /** The bytes of a sink that never deflated. */
  bytes(): Uint8Array {
    if (this.deflater) throw new Error('ByteSink: deflated, use part()');
    return this.buf.slice(0, this.used);
  }

  /** The part: plain bytes up to FAST_DEFLATE_FROM, deflated beyond. */
  part(): Uint8Array | DeflatedPart {
    if (!this.deflater) return this.buf.slice(0, this.used);
    if (this.used) this.deflater.push(this.buf.subarray(0, this.used));
    this.used = 0;
    return this.deflater.finish();
  }
}
