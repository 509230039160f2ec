/**
 * What kind of spreadsheet a file is, from its bytes (and, for text, its name): the one place that
 * knows the signatures, so the strict .xlsx opener and the converting opener agree.
 */
import { Pkg, relIs } from './pkg';
import { fromUtf8 } from './xml';
import { findPart, type Parts } from './zip';

/**
 * The format a workbook came in. xlsx and xlsm are edited in place; the others are read once into an
 * .xlsx package and saved as a new .xlsx (nothing is ever written back in them).
 */
export type SourceFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'csv';

/** Formats read through a conversion: the original file cannot be updated, only saved as a new .xlsx. */
export const CONVERTED_FORMATS: readonly SourceFormat[] = ['xls', 'et', 'ods', 'csv'];

export function isConverted(format: SourceFormat): boolean {
  return CONVERTED_FORMATS.includes(format);
}

/** The extension a workbook of this source format is saved under: macros need .xlsm, all else .xlsx. */
export function savedExtension(format: SourceFormat): '.xlsx' | '.xlsm' {
  return format === 'xlsm' ? '.xlsm' : '.xlsx';
}

const SPREADSHEET_EXT = /\.(xlsx|xlsm|xlsb|xls|et|ods|csv|txt)$/i;

/** The name a result is saved under: the input's name with the extension its format is saved as. */
export function savedFileName(inputName: string, format: SourceFormat): string {
  return inputName.replace(SPREADSHEET_EXT, '') + savedExtension(format);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= CFB_MAGIC.length && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Text files are recognised by name only: any bytes decode as some text, so content cannot say. */
export function isCsvName(name: string | undefined): boolean {
  return !!name && /\.(csv|txt)$/i.test(name);
}

export function isXlsName(name: string | undefined): boolean {
  return !!name && /\.xls$/i.test(name);
}

export function isEtName(name: string | undefined): boolean {
  return !!name && /\.et$/i.test(name);
}

// ECMA-376 Part 1 and [MS-XLSB] 2.1.2: the content type of the workbook part says which kind it is.
const MACRO_WORKBOOK = /^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i;
const BINARY_WORKBOOK = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * What an unzipped package holds: an OpenDocument spreadsheet (its first entry, `mimetype`, says so),
 * an .xlsb (binary workbook part), an .xlsm (macro-enabled workbook), or else whatever the .xlsx
 * reader will make of it.
 */
export function packageKind(parts: Parts): 'ods' | 'xlsb' | 'xlsm' | 'xlsx' {
  const mime = parts.get('mimetype');
  if (mime && fromUtf8(mime).trim() === ODS_MIMETYPE) return 'ods';
  // Not an OOXML package at all: the .xlsx opener says what it is not.
  if (!findPart(parts, '[Content_Types].xml')) return 'xlsx';
  const pkg = new Pkg(parts);
  const wb = pkg.rels('').find((r) => relIs(r.type, 'officeDocument') && !r.external)?.path;
  const ct = wb ? (pkg.contentTypeOf(wb) ?? '') : '';
  if (ct === BINARY_WORKBOOK || (wb && /\.bin$/i.test(wb))) return 'xlsb';
  if (MACRO_WORKBOOK.test(ct)) return 'xlsm';
  return 'xlsx';
}
