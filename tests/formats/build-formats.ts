/**
 * Writes the other-format fixtures from the project's own sample roster (assets/sample-roster.xlsx,
 * written by tests/fixtures/build-samples.ts), each with a real writer where one runs here:
 *
 *   node_modules/.bin/tsx tests/formats/build-formats.ts
 *
 * Needs LibreOffice (soffice) and iconv (glibc). LibreOffice stamps the time into what it writes, so
 * the bytes change on every run; the tests compare what the files read as, never their bytes.
 *
 * - sample-roster.xls  LibreOffice, filter "MS Excel 97" (BIFF8 in a compound file, as Excel 97–2003).
 * - sample-roster.et   LibreOffice's --convert-to et. WPS 表格's .et is the same container: a compound
 *                      file whose "Workbook" stream holds BIFF8 records. LibreOffice's type detection
 *                      lists "et" among the extensions of its calc_MS_Excel_97 type (share/registry/
 *                      calc.xcd), so converting to .et picks that same filter; readers that support .et
 *                      (calamine through anydoc, LibreOffice itself) open it as .xls.
 * - sample-roster.ods  LibreOffice, filter calc8.
 * - sample-roster.utf8.csv      LibreOffice CSV export, UTF-8 without a byte-order mark.
 * - sample-roster.utf8-bom.csv  the same with a BOM, as Excel's "CSV UTF-8" writes it.
 * - sample-roster.gbk.csv       the same text in GBK, as Excel and WPS on Chinese Windows write "CSV".
 * - sample-roster.utf16.txt     tab-separated UTF-16LE with a BOM, as Excel's "Unicode 文本" writes it.
 * - sample-roster.html.xls  LibreOffice's HTML export under an .xls name, as web systems export "Excel".
 * - sample-roster.xml.xls   SpreadsheetML 2003 ("XML 表格") under an .xls name, by SheetJS's xlml writer
 *                      (LibreOffice 7.4 here fails to export it).
 * - sample-roster.xlsb  SheetJS's .xlsb writer (LibreOffice cannot write .xlsb).
 * - macro.xlsm         LibreOffice's "Calc MS Excel 2007 VBA XML" (macro-enabled workbook content type) with
 *                      a VBA project added as Excel stores one (ECMA-376 Part 1 §15.2.9 relationship
 *                      from the workbook, vbaProject.bin with content type application/vnd.ms-office.
 *                      vbaProject): LibreOffice 7.4 writes no project of its own; vba-project.ts builds it.
 * - encrypted.xls      the .xls above with a FilePass record ([MS-XLS] 2.4.117, XOR obfuscation) after
 *                      the workbook's BOF, the BoundSheet8 offsets moved to match. Only the marker is
 *                      made: the records after it are left readable, which no reader gets to, since a
 *                      reader stops at FilePass without the password (no tool here writes a
 *                      password-protected .xls).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { convert } from '../interop/soffice';
import { vbaProjectBin } from './vba-project';

export const FORMATS_DIR = __dirname;
export const SAMPLE_XLSX = path.resolve(__dirname, '..', '..', 'assets', 'sample-roster.xlsx');

/** The fixtures of the sample roster in another format, and the format each must be read as. */
export const SAMPLE_FILES = {
  'sample-roster.xls': 'xls',
  'sample-roster.et': 'et',
  'sample-roster.ods': 'ods',
  'sample-roster.utf8.csv': 'csv',
  'sample-roster.utf8-bom.csv': 'csv',
  'sample-roster.gbk.csv': 'csv',
  'sample-roster.utf16.txt': 'csv',
  'sample-roster.html.xls': 'xls',
  'sample-roster.xml.xls': 'xls',
} as const;

/** The fixtures that carry text, not typed cells: a number is what was shown (the damaged ID as 3.4…E+017). */
export const TEXT_FILES: readonly string[] = ['sample-roster.utf8.csv', 'sample-roster.utf8-bom.csv', 'sample-roster.gbk.csv', 'sample-roster.utf16.txt', 'sample-roster.html.xls'];

/** LibreOffice's CSV filter: separator, quote, character set 76 (UTF-8), from line 1. */
const csvFilter = (separator: number) => `csv:Text - txt - csv (StarCalc):${separator},34,76,1,,0,false,true,false,false`;

function iconv(bytes: Uint8Array, to: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: bytes }));
}

interface CompoundFiles {
  read(data: Uint8Array, options: { type: 'array' }): { FileIndex: { name: string; content: Uint8Array | number[] }[] };
  find(container: unknown, path: string): { content: Uint8Array | number[] } | null;
  write(container: unknown, options: { type: 'array' }): ArrayBuffer;
}
const CFB = XLSX.CFB as CompoundFiles;

/** An .xls whose workbook globals carry a FilePass record, so that every reader asks for a password. */
export function withFilePass(xls: Uint8Array): Uint8Array {
  const cfb = CFB.read(xls, { type: 'array' });
  const entry = CFB.find(cfb, 'Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(entry.content);
  const bofLength = stream[2] | (stream[3] << 8);
  const insertAt = 4 + bofLength;
  // FilePass: type 0x002F, 6 bytes: wEncryptionType 0 (XOR), key, verifier.
  const filePass = Uint8Array.of(0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56);
  const out = new Uint8Array(stream.length + filePass.length);
  out.set(stream.subarray(0, insertAt));
  out.set(filePass, insertAt);
  out.set(stream.subarray(insertAt), insertAt + filePass.length);
  // BoundSheet8 (0x0085) holds each sheet's stream position (lbPlyPos): every one moves by the insert.
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length;) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (type === 0x0085) view.setUint32(at + 4, view.getUint32(at + 4, true) + filePass.length, true);
    if (type === 0x000a) break;
    at += 4 + length;
  }
  entry.content = out;
  return new Uint8Array(CFB.write(cfb, { type: 'array' }));
}

export const VBA_REL_TYPE = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';
export const VBA_CONTENT_TYPE = 'application/vnd.ms-office.vbaProject';

/** An .xlsm from LibreOffice with a VBA project part, relationship and content type added. */
function withVbaProject(xlsm: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsm);
  const ct = strFromU8(parts['[Content_Types].xml']);
  if (!/macroEnabled\.main\+xml/.test(ct)) throw new Error('LibreOffice did not write a macro-enabled workbook');
  parts['[Content_Types].xml'] = strToU8(ct.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="bin" ContentType="${VBA_CONTENT_TYPE}"/>`));
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdVba1" Type="${VBA_REL_TYPE}" Target="vbaProject.bin"/></Relationships>`));
  parts['xl/vbaProject.bin'] = vbaProjectBin();
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(parts)) entries[name] = data;
  return zipSync(entries);
}

/** What makes an .xlsm one: the project part, its relationship and content type, the workbook's content type. */
export function macroParts(bytes: Uint8Array) {
  const parts = unzipSync(bytes);
  const ct = strFromU8(parts['[Content_Types].xml']);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  return {
    project: parts['xl/vbaProject.bin'],
    binDefault: new RegExp(`<Default Extension="bin" ContentType="${VBA_CONTENT_TYPE}"/>`).test(ct),
    workbookType: /<Override PartName="\/xl\/workbook\.xml" ContentType="([^"]*)"/.exec(ct)?.[1],
    projectRel: new RegExp(`<Relationship Id="[^"]*" Type="${VBA_REL_TYPE}" Target="vbaProject\\.bin"/>`).exec(rels)?.[0],
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'formats-'));
  try {
    const input = path.join(work, 'sample-roster.xlsx');
    copyFileSync(SAMPLE_XLSX, input);
    const out = (name: string) => path.join(FORMATS_DIR, name);
    const made = (name: string) => path.join(work, name);

    await convert([input], 'xls:MS Excel 97', work);
    copyFileSync(made('sample-roster.xls'), out('sample-roster.xls'));
    await convert([input], 'et', work);
    copyFileSync(made('sample-roster.et'), out('sample-roster.et'));
    await convert([input], 'ods:calc8', work);
    copyFileSync(made('sample-roster.ods'), out('sample-roster.ods'));

    await convert([input], csvFilter(44), work);
    const utf8 = new Uint8Array(readFileSync(made('sample-roster.csv')));
    writeFileSync(out('sample-roster.utf8.csv'), utf8);
    writeFileSync(out('sample-roster.utf8-bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]));
    writeFileSync(out('sample-roster.gbk.csv'), iconv(utf8, 'GBK'));

    const tsvDir = path.join(work, 'tsv');
    await convert([input], csvFilter(9), tsvDir);
    const tsv = new Uint8Array(readFileSync(path.join(tsvDir, 'sample-roster.csv')));
    writeFileSync(out('sample-roster.utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv(tsv, 'UTF-16LE')]));

    await convert([input], 'html:HTML (StarCalc)', work);
    copyFileSync(made('sample-roster.html'), out('sample-roster.html.xls'));

    const wb = XLSX.read(readFileSync(SAMPLE_XLSX), { type: 'buffer', cellNF: true, cellStyles: true });
    writeFileSync(out('sample-roster.xml.xls'), XLSX.write(wb, { type: 'string', bookType: 'xlml' }) as string);
    writeFileSync(out('sample-roster.xlsb'), new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsb' }) as ArrayBuffer));

    const xlsmDir = path.join(work, 'xlsm');
    await convert([input], 'xlsm:Calc MS Excel 2007 VBA XML', xlsmDir);
    writeFileSync(out('macro.xlsm'), withVbaProject(new Uint8Array(readFileSync(path.join(xlsmDir, 'sample-roster.xlsm')))));

    writeFileSync(out('encrypted.xls'), withFilePass(new Uint8Array(readFileSync(out('sample-roster.xls')))));
    console.log(`wrote the other-format fixtures into ${path.relative(process.cwd(), FORMATS_DIR) || '.'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
