/**
 * Printing through the Office port (issue 16): on ExcelApi 1.9 a sheet's plan sets A4, orientation,
 * margins, print titles and page breaks through Worksheet.pageLayout and horizontalPageBreaks; below
 * 1.9 the sheet is written without them and the result says so. Rebuilding a sheet drops its old breaks.
 */
import type { SheetContent, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, WEB_PAYLOAD_LIMIT } from '../office-double';
import { toExcelSerial } from '../../src/core/dates';
import { DATE_FORMAT_CODE } from '../../src/core/plan/formats';

const SHEET = '成长记录';

function content(rows: number, breaksBefore: number[]): SheetContent {
  return {
    titleLines: ['成长记录'],
    columns: [
      { header: '日期', width: 11 },
      { header: '内容', width: 42, wrap: true },
    ],
    rows: Array.from({ length: rows }, (_, i) => [`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, `第${i + 1}条`]),
    print: {
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      repeatHeader: true,
      breaksBefore,
      fitToWidth: true,
    },
  };
}
const plan = (c: SheetContent): WorkbookPlan => ({ ops: [{ kind: 'replaceSheet', sheet: SHEET, content: c }] });

describe('print settings through the Office port', () => {
  it('sets paper, orientation, margins in points, the repeated header and the page breaks on ExcelApi 1.9', async () => {
    const d = createOfficeDouble({ api: 9 });
    d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
    const port = createOfficePort(d.excel, d.office);
    const result = await port.apply(plan(content(10, [4, 7, 0, 99])));
    expect(result.degraded).toEqual([]);
    const s = d.state.sheet(SHEET)!;
    expect(s.print).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      centerHorizontally: true,
      margins: { left: 36, right: 36, top: 36, bottom: 36, header: 21.6, footer: 21.6 },
      titleRows: '$2:$2',
    });
    // Content rows 4 and 7 sit below the title line and the header: sheet rows 6 and 9 (0-based).
    expect(s.rowBreaks).toEqual([6, 9]);

    // Rebuilt with other breaks: the old ones go.
    await port.apply(plan(content(10, [2])));
    expect(d.state.sheet(SHEET)!.rowBreaks).toEqual([4]);
  });

  it('writes the sheet without print settings below ExcelApi 1.9 and says so', async () => {
    const d = createOfficeDouble({ api: 8 });
    d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
    const port = createOfficePort(d.excel, d.office);
    const result = await port.apply(plan(content(10, [4])));
    expect(result.degraded).toEqual(['office.printLayout']);
    const s = d.state.sheet(SHEET)!;
    expect(s.cell(11, 1)?.v).toBe('第10条');
    expect(s.print).toEqual({ margins: {} });
    expect(s.rowBreaks).toEqual([]);
  });

  it('the double refuses what Excel refuses: a break above the first row, an unknown orientation, pageLayout below 1.9', async () => {
    const d = createOfficeDouble({ api: 9 });
    d.state.addSheet('表');
    await expect(
      d.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').horizontalPageBreaks.add('A1');
        await ctx.sync();
      }),
    ).rejects.toThrow();
    await expect(
      d.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').pageLayout.orientation = 'Sideways' as Excel.PageOrientation;
        await ctx.sync();
      }),
    ).rejects.toThrow();
    const old = createOfficeDouble({ api: 8 });
    old.state.addSheet('表');
    await expect(
      old.excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').pageLayout.orientation = 'Portrait';
        await ctx.sync();
      }),
    ).rejects.toThrow();
  });
});

describe('a long 成长记录 through the Office port', () => {
  it('sizes its syncs with a numberFormat write per run of dates, so every request stays under 5 MB', async () => {
    // 10,000 children with one dated entry each under a header line (no date): 10,000 runs of dates in the column.
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      [`学生${i} · 三(1)班`, ''],
      [{ date: i % 2 ? '2026-11-02' : '2026-10-08' }, '谈心'],
    ]).flat();
    const d = createOfficeDouble({ api: 20, requestLimit: Number.MAX_SAFE_INTEGER });
    const port = createOfficePort(d.excel, d.office);
    await port.apply(plan({ ...content(0, []), rows }));
    const largest = Math.max(...d.stats.syncs.map((s) => s.requestBytes));
    expect(largest).toBeLessThan(WEB_PAYLOAD_LIMIT);
    // The dates are dates, every run of them: 6,000 serials with the date format.
    const s = d.state.sheet(SHEET)!;
    expect([s.cell(3, 0)?.v, s.cell(3, 0)?.nf]).toEqual([toExcelSerial('2026-10-08'), DATE_FORMAT_CODE]);
    expect([s.cell(2 + rows.length - 1, 0)?.v, s.cell(2 + rows.length - 1, 0)?.nf]).toEqual([toExcelSerial('2026-11-02'), DATE_FORMAT_CODE]);
    expect(s.cell(2 + 2, 0)?.v).toBe('学生1 · 三(1)班');
  });
});
