/** The WorkbookPort over .xlsx files (and the formats read into one), shared by the standalone page and the command line. */
export { openXlsx, type FileWorkbook, type OpenOptions } from './workbook';
export { openSpreadsheet, type SpreadsheetOptions } from './open';
export { isConverted, savedExtension, savedFileName, type SourceFormat } from './sniff';
export { MARKS_NS } from './marks';
export { newWorkbookWith } from './newWorkbook';
export type { ChartLook, ChartSeriesLook, SheetLook } from './look';
