/**
 * Delete a backup sheet (very hidden, see undo.ts). Excel refuses Worksheet.delete on a VeryHidden sheet
 * with InvalidOperation ("You should first change its visibility to hidden or visible": Microsoft Learn,
 * Excel.Worksheet.delete; @types/office-js), so it is made Hidden first, in the same request — Hidden,
 * not Visible, so it never shows among the teacher's tabs. Setting visibility needs ExcelApi 1.2.
 */
export function deleteVeryHidden(ws: Excel.Worksheet): void {
  ws.visibility = 'Hidden';
  ws.delete();
}
