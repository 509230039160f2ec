import * as XLSX from '@e965/xlsx';
import type { WorkbookPlan } from '../../core/plan/types';
import { openXlsx, type FileWorkbook } from './workbook';

/**
 * A new .xlsx holding `plan` and nothing else (the de-identified copy, a roll-up), shared by the command
 * line and the standalone page. SheetJS makes a one-sheet package named after the plan's first sheet,
 * which that sheet's replaceSheet then fills, so no stray "Sheet1" is left behind.
 */
export async function newWorkbookWith(plan: WorkbookPlan): Promise<FileWorkbook> {
  const first = plan.ops[0]?.sheet ?? 'Sheet1';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), first);
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  const port = openXlsx(new Uint8Array(bytes));
  await port.apply(plan);
  return port;
}
