import type { PlanPrint } from './types';

/**
 * The most manual page breaks (`PlanPrint.breaksBefore`) one printed sheet may carry. Microsoft documents two
 * figures: 1,026 for Excel's object model and the .xls file (Excel VBA, Worksheet.HPageBreaks remarks: "There is
 * a limit of 1,026 horizontal page breaks per sheet",
 * https://learn.microsoft.com/office/vba/api/excel.worksheet.hpagebreaks; [MS-XLS] 2.4.142 HorizontalPageBreaks:
 * cbrk "MUST be less than or equal to 1026") and 1,023 for the binary workbook ([MS-XLSB] 2.4.196 BrtBeginRwBrk:
 * ibrkMac "MUST be less than or equal to 1,023"). SpreadsheetML's CT_PageBreak sets no bound, yet LibreOffice
 * too writes at most 1,026 `<brk>` back to an .xlsx (it reads and prints 2,000). The smaller figure holds
 * whichever way a teacher saves the workbook. Sheets with more pages are split (src/core/cards/parts.ts).
 */
export const MAX_PAGE_BREAKS = 1023;

/**
 * The content rows a port puts a manual page break above: each once, in order, inside the sheet (a break
 * above the first row is no break), and never more than MAX_PAGE_BREAKS — the core splits its print
 * sheets before that, so the cap only guards against a plan that did not.
 */
export function pageBreakRows(print: PlanPrint, rowCount: number): number[] {
  const rows = [...new Set(print.breaksBefore ?? [])].filter((r) => r > 0 && r < rowCount).sort((a, b) => a - b);
  return rows.length > MAX_PAGE_BREAKS ? rows.slice(0, MAX_PAGE_BREAKS) : rows;
}
