/**
 * Opening whatever spreadsheet file a school has: .xlsx and .xlsm are edited in place; .xls, .et, .ods
 * and .csv are read once into an .xlsx package (convert.ts) and their results saved as a new .xlsx.
 */
import { PortError } from '../port';
import { biffToXlsx, csvToXlsx, markupToXlsx, odsToXlsx } from './convert';
import { isCompoundFile, isCsvName, isEtName, isXlsName, isZip, packageKind } from './sniff';
import { openPackage, type FileWorkbook, type OpenOptions } from './workbook';
import { isEncryptedOoxml, requireOoxml, unzipPackage, unzipParts } from './zip';

export interface SpreadsheetOptions extends OpenOptions {
  /** The file's name: says a text file is CSV and names the CSV's sheet; an .et name says WPS. */
  readonly name?: string;
}

/** The sheet name Excel gives a CSV it opens: the file name without its extension, cut to 31 characters. */
function csvSheetName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[\\/?*[\]:]/g, '_')
    .replace(/^'+|'+$/g, '');
  return (base || 'Sheet1').slice(0, 31);
}

/**
 * The file port over any supported file. The format is told by content — a compound file (.xls, .et,
 * or a password-protected .xlsx), a zip (.xlsx, .xlsm, .ods, .xlsb) — and text by its name: .csv, or
 * an .xls that is really an HTML table or SpreadsheetML 2003.
 * Throws PortError for anything it cannot read (see openXlsx, plus 'file.xlsb').
 */
export function openSpreadsheet(bytes: Uint8Array, options: SpreadsheetOptions = {}): FileWorkbook {
  if (isCompoundFile(bytes)) {
    if (isEncryptedOoxml(bytes)) throw new PortError('file.encrypted');
    return openPackage(unzipPackage(biffToXlsx(bytes), options.zip), options, isEtName(options.name) ? 'et' : 'xls');
  }
  if (isZip(bytes)) {
    const parts = unzipParts(bytes, options.zip);
    if (packageKind(parts) === 'ods') return openPackage(unzipPackage(odsToXlsx(bytes), options.zip), options, 'ods');
    // Everything else is judged by the .xlsx opener, with its own messages for what is not a workbook.
    // WPS can also save an .et as an OOXML package: edited like an .xlsx, but its result is a new .xlsx.
    return openPackage(requireOoxml(parts), options, isEtName(options.name) ? 'et' : undefined);
  }
  if (isCsvName(options.name)) return openPackage(unzipPackage(csvToXlsx(bytes, csvSheetName(options.name!)), options.zip), options, 'csv');
  // An HTML table or an XML 表格 saved under an .xls name, as web systems export them.
  if (isXlsName(options.name) || isEtName(options.name)) return openPackage(unzipPackage(markupToXlsx(bytes), options.zip), options, isEtName(options.name) ? 'et' : 'xls');
  throw new PortError('file.notXlsx');
}
