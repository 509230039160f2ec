/** The WorkbookPort over .xlsx files, shared by the standalone page and the command line. */
export { openXlsx, type FileWorkbook, type OpenOptions } from './workbook';
export { readXlsxBare, READ_OPTIONS } from './read';
export { MARKS_NS } from './marks';
export { newWorkbookWith } from './newWorkbook';
