/**
 * Opening whatever spreadsheet file a school has: .xlsx and .xlsm are edited in place; .xls, .et, .ods
 * and .csv are read once into an .xlsx package (convert.ts) and their results saved as a new .xlsx.
 */
import * as convert from './convert';
import { openOrConvert, type SpreadsheetOptions } from './sniffOpen';
import type { FileWorkbook } from './workbook';

export type { SpreadsheetOptions } from './sniffOpen';

/**
 * The file port over any supported file. The format is told by content — a compound file (.xls, .et,
 * or a password-protected .xlsx), a zip (.xlsx, .xlsm, .ods, .xlsb) — and text by its name: .csv, or
 * an .xls that is really an HTML table or SpreadsheetML 2003.
 * Throws PortError for anything it cannot read (see openXlsx, plus 'file.xlsb').
 */
export function openSpreadsheet(bytes: Uint8Array, options: SpreadsheetOptions = {}): FileWorkbook {
  const opened = openOrConvert(bytes, options);
  return typeof opened === 'function' ? opened(convert) : opened;
}
