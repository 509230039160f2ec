/**
 * Telling a spreadsheet file's format by its content and opening what the port edits in place, without
 * loading SheetJS: only a file in a format it converts (.xls, .et, .ods, .csv, an HTML or XML table
 * under an .xls name) needs convert.ts and the library behind it, which costs a command-line process
 * about 30 MB it would otherwise carry through a whole apply.
 */
import type * as Convert from './convert';
import { PortError } from '../port';
import { isCompoundFile, isCsvName, isEtName, isXlsName, isZip, packageKind } from './sniff';
import { openPackage, type FileWorkbook, type OpenOptions } from './workbook';
import { isEncryptedOoxml, requireOoxml, unzipPackage, unzipParts } from './zip';

export interface SpreadsheetOptions extends OpenOptions {
  /** The file's name: says a text file is CSV and names the CSV's sheet; an .et name says WPS. */
  readonly name?: string;
}

/** What convert.ts offers: each format SheetJS reads, into an .xlsx package. */
export type Converters = Pick<typeof Convert, 'biffToXlsx' | 'csvToXlsx' | 'markupToXlsx' | 'odsToXlsx'>;

/** The port over a file that must be converted first, once the converters are at hand. */
export type NeedsConverting = (convert: Converters) => FileWorkbook;

/** The sheet name Excel gives a CSV it opens: the file name without its extension, cut to 31 characters. */
function csvSheetName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[\\/?*[\]:]/g, '_')
    .replace(/^'+|'+$/g, '');
  return (base || 'Sheet1').slice(0, 31);
}

/**
 * The file port over an .xlsx or .xlsm (or WPS's OOXML .et), or for another format the step that
 * converts it (see openSpreadsheet in open.ts for the formats). Throws PortError for anything it
 * cannot read (see openXlsx, plus 'file.xlsb').
 */
export function openOrConvert(bytes: Uint8Array, options: SpreadsheetOptions = {}): FileWorkbook | NeedsConverting {
  if (isCompoundFile(bytes)) {
    if (isEncryptedOoxml(bytes)) throw new PortError('file.encrypted');
    return (c) => openPackage(unzipPackage(c.biffToXlsx(bytes), options.zip), options, isEtName(options.name) ? 'et' : 'xls');
  }
  if (isZip(bytes)) {
    const parts = unzipParts(bytes, options.zip);
    if (packageKind(parts) === 'ods') return (c) => openPackage(unzipPackage(c.odsToXlsx(bytes), options.zip), options, 'ods');
    // Everything else is judged by the .xlsx opener, with its own messages for what is not a workbook.
    // WPS can also save an .et as an OOXML package: edited like an .xlsx, but its result is a new .xlsx.
    return openPackage(requireOoxml(parts), options, isEtName(options.name) ? 'et' : undefined);
  }
  if (isCsvName(options.name)) return (c) => openPackage(unzipPackage(c.csvToXlsx(bytes, csvSheetName(options.name!)), options.zip), options, 'csv');
  // An HTML table or an XML 表格 saved under an .xls name, as web systems export them.
  if (isXlsName(options.name) || isEtName(options.name))
    return (c) => openPackage(unzipPackage(c.markupToXlsx(bytes), options.zip), options, isEtName(options.name) ? 'et' : 'xls');
  throw new PortError('file.notXlsx');
}
