/**
 * A small VBA project storage (vbaProject.bin) for the .xlsm fixture, built per [MS-OVBA] because no
 * program here writes one (LibreOffice 7.4 writes an .xlsm with the macro-enabled content type but no
 * project). It holds one standard module, Module1, and the ThisWorkbook document module:
 *
 *   PROJECT              2.3.1  the project's text properties (ID, modules, name, CMG/DPB/GC)
 *   PROJECTwm            2.3.3  module names, MBCS and UTF-16
 *   VBA/_VBA_PROJECT     2.3.4.1 version header, no performance cache
 *   VBA/dir              2.3.4.2 project and module records, compressed (2.4.1)
 *   VBA/Module1 …        2.3.4.3 each module's source, compressed, at offset 0
 *
 * Compression writes literal tokens only (a valid CompressedContainer that never copies), each module
 * well under one 4096-byte chunk. LibreOffice's VBA import reads it back (converting the .xlsm to .ods
 * gives Basic/VBAProject/Module1.xml with the source below); the tests check that the port carries the
 * part byte for byte.
 */
import * as XLSX from '@e965/xlsx';

interface CompoundWriter {
  utils: { cfb_new(): unknown; cfb_add(container: unknown, path: string, content: Uint8Array): void };
  write(container: unknown, options: { type: 'array'; fileType?: 'cfb' }): ArrayBuffer;
}
const CFB = XLSX.CFB as CompoundWriter;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const u16 = (n: number) => Uint8Array.of(n & 0xff, (n >> 8) & 0xff);
const u32 = (n: number) => Uint8Array.of(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** [MS-OVBA] 2.4.1.3.7: a CompressedContainer of literal-only token sequences (one chunk per 4096 bytes). */
export function ovbaCompress(data: Uint8Array): Uint8Array {
  const out: number[] = [0x01];
  for (let start = 0; start < data.length || start === 0; start += 4096) {
    const chunk = data.subarray(start, start + 4096);
    const body: number[] = [];
    for (let i = 0; i < chunk.length; i += 8) {
      body.push(0x00); // flag byte: the next eight tokens are literals
      for (let j = i; j < Math.min(i + 8, chunk.length); j++) body.push(chunk[j]);
    }
    if (body.length + 2 > 4098) throw new Error('chunk too large for literal-only compression');
    // Header: size - 3 in bits 0-11, signature 0b011 in bits 12-14, compressed flag in bit 15.
    const header = ((body.length + 2 - 3) & 0x0fff) | (0b011 << 12) | 0x8000;
    out.push(header & 0xff, header >> 8, ...body);
    if (data.length === 0) break;
  }
  return Uint8Array.from(out);
}

const record = (id: number, payload: Uint8Array) => concat(u16(id), u32(payload.length), payload);

interface Module {
  readonly name: string;
  readonly document: boolean;
  readonly source: string;
}

/** [MS-OVBA] 2.3.4.2: the dir stream's records, before compression. */
function dirStream(modules: readonly Module[]): Uint8Array {
  const information = concat(
    record(0x0001, u32(0x00000001)), // PROJECTSYSKIND: 32-bit Windows
    record(0x0002, u32(0x0409)), // PROJECTLCID
    record(0x0014, u32(0x0409)), // PROJECTLCIDINVOKE
    record(0x0003, u16(1252)), // PROJECTCODEPAGE
    record(0x0004, ascii('VBAProject')), // PROJECTNAME
    record(0x0005, new Uint8Array(0)),
    record(0x0040, new Uint8Array(0)), // PROJECTDOCSTRING (+ unicode)
    record(0x0006, new Uint8Array(0)),
    record(0x003d, new Uint8Array(0)), // PROJECTHELPFILEPATH (both)
    record(0x0007, u32(0)), // PROJECTHELPCONTEXT
    record(0x0008, u32(0)), // PROJECTLIBFLAGS
    concat(u16(0x0009), u32(4), u32(1), u16(0)), // PROJECTVERSION: reserved 4, major 1, minor 0
    record(0x000c, new Uint8Array(0)),
    record(0x003c, new Uint8Array(0)), // PROJECTCONSTANTS (+ unicode)
  );
  const moduleRecords = modules.map((m) =>
    concat(
      record(0x0019, ascii(m.name)), // MODULENAME
      record(0x0047, utf16(m.name)), // MODULENAMEUNICODE
      record(0x001a, ascii(m.name)),
      record(0x0032, utf16(m.name)), // MODULESTREAMNAME (+ unicode)
      record(0x001c, new Uint8Array(0)),
      record(0x0048, new Uint8Array(0)), // MODULEDOCSTRING (+ unicode)
      record(0x0031, u32(0)), // MODULEOFFSET: the source starts the stream
      record(0x001e, u32(0)), // MODULEHELPCONTEXT
      record(0x002c, u16(0xffff)), // MODULECOOKIE
      concat(u16(m.document ? 0x0022 : 0x0021), u32(0)), // MODULETYPE: document or procedural
      concat(u16(0x002b), u32(0)), // module terminator
    ),
  );
  return concat(
    information,
    concat(u16(0x000f), u32(2), u16(modules.length)), // PROJECTMODULES: count
    record(0x0013, u16(0xffff)), // PROJECTCOOKIE
    ...moduleRecords,
    concat(u16(0x0010), u32(0)), // dir terminator
  );
}

/** [MS-OVBA] 2.4.3.2: Data Encryption of a PROJECT property (CMG, DPB, GC), as upper-case hex. */
function encryptProperty(projectId: string, data: Uint8Array, seed: number): string {
  const projKey = [...ascii(projectId)].reduce((a, b) => (a + b) & 0xff, 0);
  const out: number[] = [seed, seed ^ 2, seed ^ projKey];
  let unencrypted1 = projKey;
  let encrypted1 = seed ^ projKey;
  let encrypted2 = seed ^ 2;
  const push = (byte: number) => {
    const enc = byte ^ ((encrypted2 + unencrypted1) & 0xff);
    out.push(enc);
    encrypted2 = encrypted1;
    encrypted1 = enc;
    unencrypted1 = byte;
  };
  for (let i = 0; i < (seed & 6) / 2; i++) push(7);
  for (const b of u32(data.length)) push(b);
  for (const b of data) push(b);
  return out.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

const THIS_WORKBOOK = [
  'Attribute VB_Name = "ThisWorkbook"',
  'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"',
  'Attribute VB_GlobalNameSpace = False',
  'Attribute VB_Creatable = False',
  'Attribute VB_PredeclaredId = True',
  'Attribute VB_Exposed = True',
  'Attribute VB_TemplateDerived = False',
  'Attribute VB_Customizable = True',
  '',
].join('\r\n');

/** The macro the fixture carries: it only counts the roster's rows, so it is harmless to run. */
export const MODULE1_SOURCE = ['Attribute VB_Name = "Module1"', 'Sub CountRows()', '    MsgBox ActiveSheet.UsedRange.Rows.Count', 'End Sub', ''].join('\r\n');

/** The vbaProject.bin compound file. */
export function vbaProjectBin(): Uint8Array<ArrayBuffer> {
  const modules: Module[] = [
    { name: 'ThisWorkbook', document: true, source: THIS_WORKBOOK },
    { name: 'Module1', document: false, source: MODULE1_SOURCE },
  ];
  const id = '{5F1C6D2A-3B4E-4C7D-9A8B-1E2F3A4B5C6D}';
  const project = [
    `ID="${id}"`,
    'Document=ThisWorkbook/&H00000000',
    'Module=Module1',
    'Name="VBAProject"',
    'HelpContextID="0"',
    'VersionCompatible32="393222000"',
    `CMG="${encryptProperty(id, u32(0), 0x15)}"`, // ProjectProtectionState: not protected
    `DPB="${encryptProperty(id, Uint8Array.of(0), 0x23)}"`, // ProjectPassword: none
    `GC="${encryptProperty(id, Uint8Array.of(0xff), 0x31)}"`, // ProjectVisibilityState: visible
    '',
    '[Host Extender Info]',
    '&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000',
    '',
    '[Workspace]',
    'ThisWorkbook=0, 0, 0, 0, C',
    'Module1=0, 0, 0, 0, C',
    '',
  ].join('\r\n');
  const wm = concat(...modules.map((m) => concat(ascii(m.name), Uint8Array.of(0), utf16(m.name), Uint8Array.of(0, 0))), Uint8Array.of(0, 0));

  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'PROJECT', ascii(project));
  CFB.utils.cfb_add(cfb, 'PROJECTwm', wm);
  // Version 0xFFFF: no performance cache to trust, so Office compiles from the source.
  CFB.utils.cfb_add(cfb, 'VBA/_VBA_PROJECT', Uint8Array.of(0xcc, 0x61, 0xff, 0xff, 0x00, 0x00, 0x00));
  CFB.utils.cfb_add(cfb, 'VBA/dir', ovbaCompress(dirStream(modules)));
  for (const m of modules) CFB.utils.cfb_add(cfb, `VBA/${m.name}`, ovbaCompress(ascii(m.source)));
  return new Uint8Array(CFB.write(cfb, { type: 'array', fileType: 'cfb' }));
}
