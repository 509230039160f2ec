/**
 * The number format of each numeric cell (SheetSnapshot.numberFormats), read from files written by
 * SheetJS (another writer) and by the port itself, and shown by the standalone grid as Excel shows it.
 */
import * as XLSX from '@e965/xlsx';
import { FORMAT_CODE } from '../../src/core/plan/formats';
import { numberFormatAt } from '../../src/core/numberFormat';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { newWorkbookWith } from '../../src/workbook/file/newWorkbook';
import { displayAt } from '../../src/standalone/SheetGrid';

function sheetJsWorkbook(cells: Record<string, XLSX.CellObject>): Uint8Array {
  const ws: XLSX.WorkSheet = { ...cells, '!ref': 'A1:C4' };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '统计');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('number formats in the file port snapshot', () => {
  it('lists each formatted number by column as runs, built-in and custom codes alike, and leaves General and text out', async () => {
    const bytes = sheetJsWorkbook({
      A1: { t: 's', v: '覆盖率' },
      B1: { t: 's', v: '金额' },
      C1: { t: 's', v: '人数' },
      A2: { t: 'n', v: 0.020833333333333332, z: '0.0%' },
      A3: { t: 'n', v: 0.5, z: '0.0%' },
      A4: { t: 'n', v: 0.25, z: '0.00%' }, // built-in id 10
      B2: { t: 'n', v: 1234.5, z: '#,##0.00' }, // built-in id 4
      C2: { t: 'n', v: 12 },
    });
    const sheet = findSheet(await openXlsx(bytes).read(), '统计')!;
    expect(sheet.numberFormats).toEqual({
      0: [
        { firstRow: 1, lastRow: 2, code: '0.0%' },
        { firstRow: 3, lastRow: 3, code: '0.00%' },
      ],
      1: [{ firstRow: 1, lastRow: 1, code: '#,##0.00' }],
    });
    expect([numberFormatAt(sheet, 0, 0), numberFormatAt(sheet, 1, 2)]).toEqual([null, null]);
    expect([displayAt(sheet, 1, 0), displayAt(sheet, 2, 0), displayAt(sheet, 3, 0), displayAt(sheet, 1, 1), displayAt(sheet, 1, 2)]).toEqual([
      '2.1%',
      '50.0%',
      '25.00%',
      '1,234.50',
      '12',
    ]);
  });

  it('reads back the formats the port writes for percent, integer and decimal columns', async () => {
    const port = await newWorkbookWith({
      ops: [
        {
          kind: 'replaceSheet',
          sheet: '统计汇总',
          content: {
            columns: [
              { header: '项目', format: 'text' },
              { header: '谈心覆盖率', format: 'percent' },
              { header: '人数', format: 'integer' },
              { header: '平均', format: 'decimal' },
            ],
            rows: [['全校', 1 / 48, 48, 2.5]],
          },
        },
      ],
    });
    const sheet = findSheet(await port.read(), '统计汇总')!;
    expect(numberFormatAt(sheet, 1, 1)).toBe(FORMAT_CODE.percent);
    expect([1, 2, 3].map((c) => displayAt(sheet, 1, c))).toEqual(['2.1%', '48', '2.50']);
  });
});
