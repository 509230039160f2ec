import { Deflate, deflateSync, Inflate, inflateSync, unzipSync } from 'fflate';
import { PortError } from '../port';

/** An OOXML package as its parts, in the order the zip held them. Paths have no leading slash. */
export type Parts = Map<string, Uint8Array>;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-16LE bytes of an ASCII string, to look for stream names inside a compound file. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  const limit = Math.min(bytes.length, 8 << 20) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A password-protected .xlsx/.xlsm: [MS-OFFCRYPTO] 2.3.4 wraps the encrypted package in a compound file
 * with the streams EncryptionInfo and EncryptedPackage (a compound file without them is an .xls or
 * another binary document).
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_MAGIC) && (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage'));
}

/**
 * Unzip an .xlsx into its parts, turning every way a file can be wrong into a PortError the user can act
 * on: an old .xls or a password-protected workbook (both compound files), a non-zip, a truncated zip.
 * `codec` inflates faster than fflate where the host has one (Node's zlib in the command line).
 */
export function unzipPackage(bytes: Uint8Array, codec?: ZipCodec): Parts {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedOoxml(bytes)) throw new PortError('file.encrypted');
    throw new PortError('file.legacyXls');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new PortError('file.notXlsx');
  return requireOoxml(unzipParts(bytes, codec));
}

/** A zip's parts that form an OOXML package (they have [Content_Types].xml), else 'file.notXlsx'. */
export function requireOoxml(parts: Parts): Parts {
  if (!findPart(parts, '[Content_Types].xml')) throw new PortError(parts.size === 0 ? 'file.damaged' : 'file.notXlsx');
  return parts;
}

/** A zip's entries as parts, whatever package it is (OOXML, OpenDocument); a damaged zip is 'file.damaged'. */
export function unzipParts(bytes: Uint8Array, codec?: ZipCodec): Parts {
  const directory = zipDirectory(bytes);
  let raw: Record<string, Uint8Array>;
  try {
    raw = (codec?.inflate && directory && unzipWith(bytes, directory, codec.inflate)) || unzipSync(bytes);
  } catch {
    throw new PortError('file.damaged');
  }
  if (directory) rememberCompressed(bytes, directory, raw, codec);
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(raw)) {
    if (/[/\\]$/.test(name)) continue; // directory entries some zippers write (ExcelJS, WPS, .NET tools)
    // Some packages from WPS, re-zipped on Windows, name their entries with backslashes (xl\workbook.xml).
    parts.set(name.replace(/\\/g, '/').replace(/^\/+/, ''), data);
  }
  return parts;
}

/** One entry of a zip's central directory (APPNOTE 4.3.12), with where its data starts after the local header (4.3.7). */
interface DirectoryEntry {
  /** Decoded as fflate decodes names: UTF-8 with general purpose bit 11, else one byte a character. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  /** The first byte of the entry's data, or -1 when its local header is not where the directory says. */
  readonly start: number;
}

/**
 * The entries of a zip's central directory, or undefined when its end record or any record is not where
 * it should be (fflate then reads the zip, or says it is damaged).
 */
function zipDirectory(bytes: Uint8Array): DirectoryEntry[] | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && end >= bytes.length - 22 - 0xffff && v.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0 || end < bytes.length - 22 - 0xffff) return undefined;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const utf8 = new TextDecoder();
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = v.getUint16(at + 8, true);
    const nameLength = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const localOk = local + 30 <= bytes.length && v.getUint32(local, true) === 0x04034b50;
    entries.push({
      name: flags & 0x800 ? utf8.decode(nameBytes) : String.fromCharCode(...nameBytes),
      flags,
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressed: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      start: localOk ? local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true) : -1,
    });
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return entries;
}

/** Whether an entry's data can be taken as the directory says: stored or deflated, not encrypted, not Zip64, inside the file. */
function plainEntry(e: DirectoryEntry, length: number): boolean {
  return (e.method === 0 || e.method === 8) && !(e.flags & 1) && e.compressed !== 0xffffffff && e.size !== 0xffffffff && e.start >= 0 && e.start + e.compressed <= length;
}

/**
 * The zip's entries inflated by the host (the same names and order as fflate's unzipSync gives), or
 * undefined when an entry is anything but plain, for fflate to read or refuse. On the output of an apply
 * there are about 154 MB to inflate; Node's zlib does it several times faster than fflate, outside the heap.
 */
function unzipWith(bytes: Uint8Array, directory: readonly DirectoryEntry[], inflate: NonNullable<ZipCodec['inflate']>): Record<string, Uint8Array> | undefined {
  if (!directory.every((e) => plainEntry(e, bytes.length))) return undefined;
  const files: Record<string, Uint8Array> = {};
  for (const e of directory) {
    const data = bytes.subarray(e.start, e.start + e.compressed);
    files[e.name] = e.method === 8 ? inflate(data, e.size) : data.slice();
  }
  return files;
}

/**
 * Each deflated entry of a file read, by the part bytes it inflated to: a part saved unchanged (a
 * teacher's class sheet that apply does not touch) goes back into the zip as it was read instead of
 * being deflated again (2.4 s for 40 class sheets of 50,000 children). Weak, so it lives as long as the
 * part does; zipPackage checks the CRC before trusting it.
 */
const compressedOriginals = new WeakMap<Uint8Array, DeflatedPart>();

/** Registers the deflated entries of a zip just read; Zip64 and encrypted entries are left out. */
function rememberCompressed(bytes: Uint8Array, directory: readonly DirectoryEntry[], inflated: Record<string, Uint8Array>, codec: ZipCodec | undefined): void {
  for (const e of directory) {
    if (e.method !== 8 || !plainEntry(e, bytes.length)) continue;
    const part = inflated[e.name];
    if (!part || part.length !== e.size) continue;
    const original = new DeflatedPart(bytes.subarray(e.start, e.start + e.compressed), e.size, e.crc, codec);
    compressedOriginals.set(part, original);
    readDeflated.add(original);
  }
}

/**
 * The package with every part of at least `minSize` bytes that is still the bytes the zip held (a
 * teacher's class sheet, the shared strings) kept deflated again, as the zip stored it, and its
 * inflated bytes left to the collector: once its values are read, the port needs such a part only to
 * edit or show it (inflated again then, on demand), and saved unchanged it goes back as read anyway.
 * The 40 class sheets and strings of 50,000 children are about 95 MB inflated, 14 MB deflated.
 */
export function keepDeflated(parts: Parts, minSize = 1 << 16): Parts {
  const out = PackageParts.copyOf(parts);
  for (const name of out.keys()) {
    if (out.deflatedPart(name)) continue;
    const raw = out.get(name)!;
    const original = raw.length >= minSize ? compressedOriginals.get(raw) : undefined;
    if (original && original.size === raw.length) out.setDeflated(name, original);
  }
  return out;
}

/**
 * The compressed bytes of parts as they were read: a package holding one of them deflated (keepDeflated)
 * still has its compression looked at on save (deflatedPoorly), as a plain part's original is.
 */
const readDeflated = new WeakSet<DeflatedPart>();

/** Part names are case-insensitive in OPC; most tools keep Excel's casing, but not all. */
export function findPart(parts: Parts, path: string): string | undefined {
  if (parts.has(path)) return path;
  const lower = path.toLowerCase();
  for (const k of parts.keys()) if (k.toLowerCase() === lower) return k;
  return undefined;
}

// A fixed timestamp keeps saved files reproducible: the same plan on the same file gives the same bytes.
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1, 12));

/**
 * Parts above this size are deflated at level 1: on a 50,000-child workbook level 6 spent seconds for
 * files about 15 % smaller (a 38 MB package: 1.2 s at level 6, 0.6 s at level 1, 6.2 against 7.1 MB).
 * Small workbooks keep level 6 throughout. A generated sheet that grows past this size is deflated as
 * it is written (PartDeflater), so it never exists whole and uncompressed.
 */
export const FAST_DEFLATE_FROM = 4 << 20;

/** CRC-32 tables for slicing by 8 (eight bytes a step): table k is the CRC of a byte followed by k zero bytes. */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 255];
  return t;
})();

/** CRC-32 (the zip's, APPNOTE 4.4.7) continued over `data`; start with 0. A 418 MB apply hashes every byte it writes. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end8 = data.length - 7; i < end8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 255)] ^
      t[1536 + ((a >>> 8) & 255)] ^
      t[1280 + ((a >>> 16) & 255)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const EMPTY = new Uint8Array(0);

/** A part kept deflated (raw DEFLATE, as the zip stores it) with what the zip's headers need. */
export class DeflatedPart {
  constructor(
    readonly data: Uint8Array,
    readonly size: number,
    readonly crc: number,
    /** The host's inflate, when it has one (a part held deflated is inflated again for each edit or look). */
    private readonly codec?: ZipCodec,
  ) {}

  inflate(): Uint8Array {
    return this.codec?.inflate ? this.codec.inflate(this.data, this.size) : inflateSync(this.data, { out: new Uint8Array(this.size) });
  }

  /** At least the first `n` bytes (fewer only when the part is shorter), inflating no more than needed. */
  prefix(n: number): Uint8Array {
    if (this.codec?.inflateStart) return this.startBy(this.codec.inflateStart, n);
    const out: Uint8Array[] = [];
    let have = 0;
    const inflater = new Inflate((chunk) => {
      out.push(chunk);
      have += chunk.length;
    });
    const step = 1 << 14;
    for (let at = 0; at < this.data.length && have < n; at += step) inflater.push(this.data.subarray(at, at + step), at + step >= this.data.length);
    return concat(out);
  }

  /**
   * The prefix by the host, from a beginning of the stream four times longer each try: fflate's stream
   * reserves 160 KB and more for each look (a sheet's 4 KB head looked at in each of 40 class sheets
   * allocated 24 MB), the host's inflate about what the look needs.
   */
  private startBy(inflateStart: NonNullable<ZipCodec['inflateStart']>, n: number): Uint8Array {
    for (let k = Math.min(this.data.length, Math.max(n >> 1, 1 << 10)); ; k = Math.min(this.data.length, k * 4)) {
      const out = inflateStart(this.data.subarray(0, k));
      if (out.length >= n || k === this.data.length) return out;
    }
  }
}

/**
 * What a host can do faster than the port's own code (fflate and a CRC in JavaScript): the command line
 * passes Node's zlib (src/cli/workbook.ts), about five times faster than fflate on sheet XML. The
 * standalone page passes none: node:zlib stays out of the browser build.
 */
export interface ZipCodec {
  /**
   * Raw DEFLATE of one piece of a part at `level`; `final` ends the stream. A piece that is not final
   * must end on a byte boundary (zlib's sync flush), so the pieces concatenate into one stream.
   */
  deflate(piece: Uint8Array, final: boolean, level: 1 | 6): Uint8Array;
  /** CRC-32 as crc32 below (zlib's runs natively); absent where the host has none (Node before 20.15). */
  readonly crc32?: (data: Uint8Array, crc: number) => number;
  /** Raw INFLATE of a whole entry the zip says inflates to `size` bytes; throws on a damaged stream. Absent: fflate. */
  readonly inflate?: (data: Uint8Array, size: number) => Uint8Array;
  /** Raw INFLATE of the beginning of a stream (`data` may stop anywhere in it): all that it decodes to. Absent: fflate. */
  readonly inflateStart?: (data: Uint8Array) => Uint8Array;
}

/** A part's CRC-32, by the host's codec when it has one. */
function crcOf(data: Uint8Array, crc: number, codec: ZipCodec | undefined): number {
  return codec?.crc32 ? codec.crc32(data, crc) : crc32(data, crc);
}

/** Deflates a part pushed in pieces (level 1, as for every large part), computing its CRC on the way. */
export class PartDeflater {
  private readonly chunks: Uint8Array[] = [];
  private readonly fflate?: Deflate;
  private size = 0;
  // The CRC so far in a typed array: as a plain field it turned from a small integer into a heap number
  // on the first piece, and the sink holding this deflater wrote each byte several times slower after
  // (V8 field representation change: 50,000-row sheets took seconds more).
  private readonly crc = new Uint32Array(1);

  constructor(private readonly codec?: ZipCodec) {
    if (!codec) this.fflate = new Deflate({ level: 1 }, (chunk) => this.chunks.push(chunk));
  }

  push(bytes: Uint8Array): void {
    this.size += bytes.length;
    this.crc[0] = crcOf(bytes, this.crc[0], this.codec);
    if (this.codec) this.chunks.push(this.codec.deflate(bytes, false, 1));
    else this.fflate!.push(bytes);
  }

  finish(): DeflatedPart {
    if (this.codec) this.chunks.push(this.codec.deflate(EMPTY, true, 1));
    else this.fflate!.push(EMPTY, true);
    return new DeflatedPart(concat(this.chunks), this.size, this.crc[0], this.codec);
  }
}

/**
 * The parts of a package being written. Large generated sheets are held deflated and inflated only
 * when something reads them (get, iteration); everything else is plain bytes, as in any Parts map.
 */
export class PackageParts extends Map<string, Uint8Array> {
  private readonly deflated = new Map<string, DeflatedPart>();

  /** A copy that keeps deflated parts deflated. */
  static copyOf(base: Parts): PackageParts {
    const out = new PackageParts();
    for (const name of base.keys()) {
      const d = base instanceof PackageParts ? base.deflated.get(name) : undefined;
      if (d) out.setDeflated(name, d);
      else out.set(name, base.get(name)!);
    }
    return out;
  }

  override get(name: string): Uint8Array | undefined {
    return this.deflated?.get(name)?.inflate() ?? super.get(name);
  }

  override set(name: string, data: Uint8Array): this {
    // Map's constructor calls set before the field exists.
    this.deflated?.delete(name);
    return super.set(name, data);
  }

  override delete(name: string): boolean {
    this.deflated.delete(name);
    return super.delete(name);
  }

  override clear(): void {
    this.deflated.clear();
    super.clear();
  }

  setDeflated(name: string, part: DeflatedPart): void {
    super.set(name, EMPTY);
    this.deflated.set(name, part);
  }

  deflatedPart(name: string): DeflatedPart | undefined {
    return this.deflated.get(name);
  }

  /** The first `n` bytes of a part or more (a whole plain part), without inflating a deflated one whole. */
  prefix(name: string, n: number): Uint8Array | undefined {
    return this.deflated.get(name)?.prefix(n) ?? super.get(name);
  }

  override *entries(): MapIterator<[string, Uint8Array]> {
    for (const name of super.keys()) yield [name, this.get(name)!];
  }

  override *values(): MapIterator<Uint8Array> {
    for (const name of super.keys()) yield this.get(name)!;
  }

  override [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }

  override forEach(fn: (value: Uint8Array, key: string, map: Map<string, Uint8Array>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

interface ZipEntry {
  readonly name: Uint8Array;
  /** The name is not ASCII: general purpose bit 11 (UTF-8 names). */
  readonly utf8: boolean;
  readonly method: 0 | 8;
  readonly data: Uint8Array;
  readonly size: number;
  readonly crc: number;
  readonly offset: number;
}

/** MS-DOS date and time (APPNOTE 4.4.6) of the fixed timestamp, in local time as fflate has always written it. */
function dosTime(d: Date): number {
  return (((d.getFullYear() - 1980) << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

/**
 * The entry's local header (30 bytes) or central directory record (46 bytes) followed by its name:
 * version 2.0, no extra field, no comment, the same bytes fflate's zipSync writes.
 */
function entryHeader(e: ZipEntry, central: boolean): Uint8Array {
  const out = new Uint8Array((central ? 46 : 30) + e.name.length);
  const v = new DataView(out.buffer);
  let at = 0;
  v.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  at += 4;
  if (central) {
    v.setUint16(at, 20, true); // made by: version 2.0, MS-DOS
    at += 2;
  }
  v.setUint16(at, 20, true);
  v.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
  v.setUint16(at + 4, e.method, true);
  v.setUint32(at + 6, dosTime(FIXED_TIME), true);
  v.setUint32(at + 10, e.crc, true);
  v.setUint32(at + 14, e.data.length, true);
  v.setUint32(at + 18, e.size, true);
  v.setUint16(at + 22, e.name.length, true);
  at += 26; // the extra field's length stays 0
  if (central) {
    at += 10; // comment length, disk, internal and external attributes: 0
    v.setUint32(at, e.offset, true);
    at += 4;
  }
  out.set(e.name, at);
  return out;
}

/** A part read deflated is looked at for its compression from this size: below it re-deflating gains little. */
const RECOMPRESS_FROM = 64 << 10;

/**
 * Whether a part read from the input was deflated clearly worse than a fresh level-1 deflate of a sample
 * of it manages: the bench's generated roster stores its class sheets at 39 % where level 1 gives 20 % and
 * level 6 16 %. Such a part is deflated again rather than copied, so the output does not keep the input's
 * poor compression (a 50,000-child apply: 22.9 MB, most of it the untouched class sheets). A part Excel or
 * this port deflated stays as it was: level 6 of the whole part beats level 1 of a sample.
 */
function deflatedPoorly(original: DeflatedPart, plain: Uint8Array, codec: ZipCodec | undefined): boolean {
  if (original.size < RECOMPRESS_FROM) return false;
  // From the middle of what is at hand: the whole part, or its first 128 KB when it is held deflated.
  const mid = plain.length >> 1;
  const sample = plain.subarray(Math.max(0, mid - RECOMPRESS_FROM / 2), mid + RECOMPRESS_FROM / 2);
  const fresh = codec ? codec.deflate(sample, true, 1).length : deflateSync(sample, { level: 1 }).length;
  return original.data.length / original.size > 1.25 * (fresh / sample.length);
}

/**
 * The package as a zip, [Content_Types].xml first (as Office writes it; some readers sniff the first
 * entry). Parts already deflated go in as they are; the others are deflated here.
 */
export function zipPackage(parts: Parts, level: 0 | 6 = 6, codec?: ZipCodec): Uint8Array {
  const ct = findPart(parts, '[Content_Types].xml');
  const names = [...(ct ? [ct] : []), ...[...parts.keys()].filter((n) => n !== ct)];
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [];
  const pieces: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const deflated = parts instanceof PackageParts ? parts.deflatedPart(name) : undefined;
    let entry: ZipEntry;
    const encodedName = encoder.encode(name);
    const common = { name: encodedName, utf8: encodedName.length !== name.length, offset };
    // A part kept deflated as it was read (keepDeflated) but deflated poorly is inflated and deflated again.
    const again = deflated && level && readDeflated.has(deflated) && deflatedPoorly(deflated, deflated.prefix(2 * RECOMPRESS_FROM), codec);
    const kept = again ? undefined : deflated;
    const raw = kept ? EMPTY : again ? deflated.inflate() : parts.get(name)!;
    const original = level ? compressedOriginals.get(raw) : undefined;
    let crc: number | undefined;
    if (kept) entry = { ...common, method: 8, data: kept.data, size: kept.size, crc: kept.crc };
    else if (original && original.size === raw.length && (crc = crcOf(raw, 0, codec)) === original.crc && !deflatedPoorly(original, raw, codec))
      entry = { ...common, method: 8, data: original.data, size: original.size, crc: original.crc };
    else {
      const l = name === ct || level === 0 || raw.length <= FAST_DEFLATE_FROM ? level : 1;
      const data = l === 0 ? raw : codec ? codec.deflate(raw, true, l) : deflateSync(raw, { level: l });
      entry = { ...common, method: l ? 8 : 0, data, size: raw.length, crc: crc ?? crcOf(raw, 0, codec) };
    }
    entries.push(entry);
    const header = entryHeader(entry, false);
    pieces.push(header, entry.data);
    offset += header.length + entry.data.length;
  }
  const directoryAt = offset;
  for (const e of entries) {
    const record = entryHeader(e, true);
    pieces.push(record);
    offset += record.length;
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, offset - directoryAt, true);
  v.setUint32(16, directoryAt, true);
  pieces.push(end);
  return concat(pieces);
}
