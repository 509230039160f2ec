/**
 * Page breaks past what a sheet holds, through the Office port: Excel keeps 1,026 horizontal page breaks a
 * sheet (the double refuses the 1,027th, tests/office-double/RULES.md), the port adds at most MAX_PAGE_BREAKS,
 * and a whole school's 成长记录 arrives from the core in parts that each fit.
 */
import '../../src/core/i18n/all';
import { growthRecordSheetOps } from '../../src/core/cards';
import { MAX_PAGE_BREAKS } from '../../src/core/plan/print';
import type { PlanOp, SheetContent } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/sheets';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble } from '../office-double';
import { MAX_HORIZONTAL_PAGE_BREAKS } from '../office-double/api';
import { schoolChildren } from '../fixtures/card-children';

jest.setTimeout(120_000);

const contentOf = (op: PlanOp): SheetContent => {
  if (op.kind !== 'replaceSheet') throw new Error(op.kind);
  return op.content;
};

function doubleWithRoster() {
  const d = createOfficeDouble({ api: 9 });
  d.state.addSheet('花名册').put(0, 0, [['姓名'], ['张三']]);
  return d;
}

describe('page breaks past what an Excel sheet holds', () => {
  it(`the double refuses the ${MAX_HORIZONTAL_PAGE_BREAKS + 1}th break on a sheet, as Excel documents`, async () => {
    const d = doubleWithRoster();
    d.state.addSheet('表');
    const add = (from: number, count: number) =>
      d.excel.run(async (ctx) => {
        const breaks = ctx.workbook.worksheets.getItem('表').horizontalPageBreaks;
        for (let r = from; r < from + count; r++) breaks.add(`A${r}`);
        await ctx.sync();
      });
    await add(2, MAX_HORIZONTAL_PAGE_BREAKS);
    expect(d.state.sheet('表')!.rowBreaks).toHaveLength(MAX_HORIZONTAL_PAGE_BREAKS);
    // The same break again is no new break; one more is refused.
    await add(2, 1);
    await expect(add(MAX_HORIZONTAL_PAGE_BREAKS + 2, 1)).rejects.toThrow(/GeneralException|at most 1026/);
  });

  it("writes a whole school's 成长记录 as parts, each sheet's breaks as planned and within the limit", async () => {
    // 2,100 children without entries: a page each, 2,100 pages, cut where classes of 50 start.
    const ops = growthRecordSheetOps(schoolChildren(2100, 50), new Map(), { lang: 'zh-CN', today: '2026-11-30' });
    expect(ops.map((op) => op.sheet)).toEqual([SHEETS.records, '成长记录（2）', '成长记录（3）']);
    const d = doubleWithRoster();
    const result = await createOfficePort(d.excel, d.office).apply({ ops });
    expect(result.degraded).toEqual([]);
    let pages = 0;
    for (const op of ops) {
      const breaks = d.state.sheet(op.sheet)!.rowBreaks;
      // Content rows sit below two title lines and the header.
      expect([op.sheet, breaks]).toEqual([op.sheet, contentOf(op).print!.breaksBefore!.map((r) => r + 3)]);
      expect(breaks.length).toBeLessThanOrEqual(MAX_PAGE_BREAKS);
      pages += breaks.length + 1;
    }
    expect(pages).toBe(2100);
  });

  it(`adds at most ${MAX_PAGE_BREAKS} breaks from a plan that asks for more, so Excel never refuses the sheet`, async () => {
    const d = doubleWithRoster();
    const content: SheetContent = {
      columns: [{ header: '内容' }],
      rows: Array.from({ length: 2000 }, (_, i) => [`第${i + 1}页`]),
      print: { paper: 'A4', orientation: 'portrait', breaksBefore: Array.from({ length: 1999 }, (_, i) => i + 1) },
    };
    const result = await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: '打印', content }] });
    expect(result.degraded).toEqual([]);
    // The header is sheet row 0: content row r is sheet row r + 1.
    expect(d.state.sheet('打印')!.rowBreaks).toEqual(Array.from({ length: MAX_PAGE_BREAKS }, (_, i) => i + 2));
  });
});
