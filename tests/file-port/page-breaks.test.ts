/**
 * Page breaks through the file port, written and read back: a whole school's 联系卡 and 成长记录 arrive from
 * the core in parts (联系卡（2）…), each sheet's <rowBreaks> as planned and within MAX_PAGE_BREAKS, which
 * the port never passes even for a plan that asks for more (Excel keeps 1,026 a sheet, [MS-XLSB] 1,023).
 */
import '../../src/core/i18n/all';
import { CARD_ROWS, contactCardsSheetOps, growthRecordSheetOps } from '../../src/core/cards';
import { MAX_PAGE_BREAKS } from '../../src/core/plan/print';
import type { PlanOp, SheetContent } from '../../src/core/plan/types';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { schoolChildren } from '../fixtures/card-children';
import { breaksBySheet } from '../helpers/pageBreaks';

const children = (n: number) => schoolChildren(n, 50);

jest.setTimeout(120_000);

const contentOf = (op: PlanOp): SheetContent => {
  if (op.kind !== 'replaceSheet') throw new Error(op.kind);
  return op.content;
};

describe('page breaks through the file port', () => {
  it("writes a whole school's 成长记录 and 联系卡 as parts, each sheet's breaks as planned and within the limit", async () => {
    const records = growthRecordSheetOps(children(2100), new Map(), { lang: 'zh-CN', today: '2026-11-30' });
    const cards = contactCardsSheetOps(children(2500), { lang: 'zh-CN', today: '2026-11-30', settings: { schoolName: null, schoolContact: null, juniorGoals: null } });
    const ops = [...cards, ...records];
    const bytes = (await newWorkbookWith({ ops })).save();

    const read = await openXlsx(bytes).read();
    expect(read.sheets.map((s) => s.name)).toEqual(['联系卡', '联系卡（2）', '成长记录', '成长记录（2）', '成长记录（3）']);
    const breaks = breaksBySheet(bytes);
    for (const op of ops) {
      const content = contentOf(op);
      // A break's id is the 1-based row above it: the content row plus the title lines and the header.
      const firstDataRow = (content.titleLines?.length ?? 0) + 1;
      expect([op.sheet, breaks.get(op.sheet)]).toEqual([op.sheet, content.print!.breaksBefore!.map((r) => r + firstDataRow)]);
      expect(breaks.get(op.sheet)!.length).toBeLessThanOrEqual(MAX_PAGE_BREAKS);
      // Each part says which it is, in its second title line, and holds what was planned.
      const values = read.sheets.find((s) => s.name === op.sheet)!.values;
      expect(String(values[1][0])).toMatch(/^第 \d 部分，共 \d 部分/);
      // Every row planned is there (a card's blank spacer row at the very end is not read back).
      expect(values.slice(firstDataRow).map((r) => String(r[0] ?? ''))).toEqual(content.rows.slice(0, values.length - firstDataRow).map((r) => String(r[0])));
      expect(content.rows.length - (values.length - firstDataRow)).toBeLessThanOrEqual(1);
    }
    const pages = (name: string) => [...breaks].filter(([s]) => s.startsWith(name)).reduce((n, [, ids]) => n + ids.length + 1, 0);
    expect(pages('成长记录')).toBe(2100);
    expect(pages('联系卡')).toBe(2500 / 2);
    // Every child's card once, over both sheets, in order, each CARD_ROWS rows long.
    const titles = read.sheets
      .filter((s) => s.name.startsWith('联系卡'))
      .flatMap((s) => s.values.map((r, i) => [String(r[0] ?? ''), i] as const).filter(([v]) => v.startsWith('留守儿童联系卡 · ')));
    expect(titles.map(([v]) => v)).toEqual(children(2500).map((c) => `留守儿童联系卡 · ${c.name}`));
    for (let k = 1; k < titles.length; k++) if (titles[k][1] > titles[k - 1][1]) expect(titles[k][1] - titles[k - 1][1]).toBe(CARD_ROWS);
  });

  it(`writes at most ${MAX_PAGE_BREAKS} breaks from a plan that asks for more`, async () => {
    const content: SheetContent = {
      columns: [{ header: '内容' }],
      rows: Array.from({ length: 2000 }, (_, i) => [`第${i + 1}页`]),
      print: { paper: 'A4', orientation: 'portrait', breaksBefore: Array.from({ length: 1999 }, (_, i) => i + 1) },
    };
    const bytes = (await newWorkbookWith({ ops: [{ kind: 'replaceSheet', sheet: '打印', content }] })).save();
    expect(breaksBySheet(bytes).get('打印')).toEqual(Array.from({ length: MAX_PAGE_BREAKS }, (_, i) => i + 2));
  });
});
