/**
 * 联系卡 and 成长记录 past Excel's page breaks a sheet (MAX_PAGE_BREAKS): the job is split into parts named
 * 成长记录, 成长记录（2）…, each within the limit, cut between classes where possible, every page once.
 */
import '../i18n/all';
import { planCellValue, type PlanOp, type SheetContent } from '../plan/types';
import { MAX_PAGE_BREAKS } from '../plan/print';
import { isAddinSheet, sheetOfPart, sheetPartName, SHEETS } from '../sheets';
import { schoolChildren as school } from '../../../tests/fixtures/card-children';
import { CARD_ROWS, CARDS_PER_PAGE, contactCardsSheetOps } from './contactCards';
import type { RecordEntry } from './entries';
import { partStarts, printSplitNote } from './parts';
import { growthRecordSheetOps, RECORD_LINES_PER_PAGE } from './records';

const TODAY = '2026-11-30';
const contentOf = (op: PlanOp): SheetContent => {
  if (op.kind !== 'replaceSheet') throw new Error(op.kind);
  return op.content;
};
const breaksOf = (op: PlanOp) => contentOf(op).print?.breaksBefore ?? [];
const text = (op: PlanOp) => contentOf(op).rows.map((r) => r.map((c) => String(planCellValue(c) ?? '')));

describe('partStarts: where a print job too long for one sheet is cut', () => {
  // Pages as [first child, last child]; four pages a part.
  const classOf = (classes: string[]) => (i: number) => classes[i];

  it('cuts where a class starts, the latest within reach, before where a child starts', () => {
    // Children 0–5: classes A A B B B C, one page each: the first part may run to page 4; B starts at page 2.
    const pages = [0, 1, 2, 3, 4, 5].map((i): [number, number] => [i, i]);
    expect(partStarts(pages, classOf(['A', 'A', 'B', 'B', 'B', 'C']), 4)).toEqual([0, 2]);
    // No class starts within reach: the latest child start.
    expect(partStarts(pages, classOf(['A', 'A', 'A', 'A', 'A', 'A']), 4)).toEqual([0, 4]);
    // A job that fits is one part.
    expect(partStarts(pages, classOf(['A', 'B', 'C', 'D', 'E', 'F']), 6)).toEqual([0]);
    expect(partStarts([], classOf([]), 4)).toEqual([0]);
  });

  it('cuts a record longer than a whole part between two of its pages, and never a page', () => {
    // Child 0 fills pages 0–5, child 1 page 6.
    const pages: [number, number][] = [...Array.from({ length: 6 }, (): [number, number] => [0, 0]), [1, 1]];
    expect(partStarts(pages, classOf(['A', 'B']), 4)).toEqual([0, 4]);
    // Two cards a page: where class B starts a page, the cut goes there; a page holding the last card of A
    // and the first of B is never split, so the cut falls between two pages of one class.
    const cards: [number, number][] = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ];
    expect(partStarts(cards, classOf(['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C']), 3)).toEqual([0, 2]);
    expect(partStarts(cards, classOf(['A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C']), 3)).toEqual([0, 3]);
  });
});

describe('成长记录 of a whole school', () => {
  // 2,000 children in classes of 50; child i has (i % 5) * 20 one-line entries: one to three pages each.
  const children = school(2000, 50);
  const byChild = new Map(
    children.map((c, i): [number, RecordEntry[]] => [
      c.index,
      Array.from({ length: (i % 5) * 20 }, (_, k): RecordEntry => ({
        date: '2026-10-01',
        source: 'log',
        kind: '谈心',
        target: '学生',
        recorder: '王老师',
        content: `第${k + 1}次`,
        followUp: false,
        followUpDue: null,
        row: k + 1,
      })),
    ]),
  );
  const ops = growthRecordSheetOps(children, byChild, { lang: 'zh-CN', today: TODAY });
  const headerOf = (row: string[]) => /^(学生\d{4}) · ([^\s（]+)(（续)?/.exec(row[0]);

  it('is written as parts of at most MAX_PAGE_BREAKS page breaks, named 成长记录, 成长记录（2）…', () => {
    const pages = ops.reduce((n, op) => n + breaksOf(op).length + 1, 0);
    // Pages per child: the header and the entries, RECORD_LINES_PER_PAGE lines a page.
    const expected = children.reduce((n, _c, i) => n + Math.max(1, Math.ceil(((i % 5) * 20) / (RECORD_LINES_PER_PAGE - 1))), 0);
    expect(pages).toBe(expected);
    expect(pages).toBeGreaterThan(2 * (MAX_PAGE_BREAKS + 1));
    expect(ops.map((op) => op.sheet)).toEqual(ops.map((_op, k) => sheetPartName(SHEETS.records, k)));
    expect(ops.map((op) => op.sheet).slice(0, 2)).toEqual(['成长记录', '成长记录（2）']);
    for (const op of ops) {
      const breaks = breaksOf(op);
      expect([op.sheet, breaks.length <= MAX_PAGE_BREAKS]).toEqual([op.sheet, true]);
      // Every page of the part starts with a child's header line.
      const rows = text(op);
      for (const r of [0, ...breaks]) expect([op.sheet, r, headerOf(rows[r]) !== null]).toEqual([op.sheet, r, true]);
    }
  });

  it('keeps every child once, in order, each class on one sheet, and says on each sheet which part it is', () => {
    const seen: string[] = [];
    ops.forEach((op, k) => {
      const rows = text(op);
      const firsts = rows.map(headerOf).filter((m) => m && !m[3]);
      seen.push(...firsts.map((m) => m![1]));
      // A class is never cut: the first child of a part starts its class.
      const first = firsts[0]!;
      if (k > 0) expect([op.sheet, Number(first[1].slice(2)) % 50]).toEqual([op.sheet, 0]);
      const titles = contentOf(op).titleLines!;
      expect(titles).toHaveLength(2);
      expect(titles[0]).toContain(`${firsts.length} 名学生`);
      expect(titles[1]).toContain(`第 ${k + 1} 部分，共 ${ops.length} 部分`);
      expect(titles[1]).toContain(`Excel 每张工作表最多 ${MAX_PAGE_BREAKS} 个分页符`);
      expect(titles[1]).toContain(`${first[2]} 至`);
    });
    expect(seen).toEqual(children.map((c) => c.name));
    expect(
      printSplitNote(
        'zh-CN',
        ops.map((op) => op.sheet),
      ),
    ).toBe(
      `“成长记录”分成了 ${ops.length} 张工作表（成长记录 至 成长记录（${ops.length}））：Excel 每张工作表最多 ${MAX_PAGE_BREAKS} 个分页符。尽量在班级之间分开，每张表的第二行写明它包含哪些学生。`,
    );
    expect(printSplitNote('en-US', ['成长记录'])).toBeNull();
  });

  it('stays one sheet, titled as before, while the pages fit', () => {
    const one = growthRecordSheetOps(children.slice(0, MAX_PAGE_BREAKS + 1), new Map(), { lang: 'en-US', today: TODAY });
    expect(one.map((op) => op.sheet)).toEqual([SHEETS.records]);
    expect(breaksOf(one[0])).toHaveLength(MAX_PAGE_BREAKS);
    expect(contentOf(one[0]).titleLines).toHaveLength(1);
    const two = growthRecordSheetOps(children.slice(0, MAX_PAGE_BREAKS + 2), new Map(), { lang: 'en-US', today: TODAY });
    expect(two.map((op) => op.sheet)).toEqual([SHEETS.records, '成长记录（2）']);
    expect(contentOf(two[1]).titleLines![1]).toMatch(/^Part 2 of 2: children \d+–1025 \(\d+班 to 21班\) of 1025\. Excel keeps at most 1023 page breaks/);
  });
});

describe('联系卡 of a whole school', () => {
  it('puts 2,500 cards on two sheets within the limit, two whole cards a page, cut between classes', () => {
    const children = school(2500, 50);
    const ops = contactCardsSheetOps(children, { lang: 'zh-CN', today: TODAY, settings: { schoolName: null, schoolContact: null, juniorGoals: null } });
    expect(ops.map((op) => op.sheet)).toEqual(['联系卡', '联系卡（2）']);
    const cards = ops.map((op) => contentOf(op).rows.length / CARD_ROWS);
    expect(cards.reduce((a, b) => a + b, 0)).toBe(2500);
    // The latest class start within 1,024 pages (2,048 cards) is class 41's, at card 2,000.
    expect(cards).toEqual([2000, 500]);
    for (const op of ops) {
      const breaks = breaksOf(op);
      expect(breaks.length).toBeLessThanOrEqual(MAX_PAGE_BREAKS);
      expect(breaks).toEqual(Array.from({ length: Math.ceil(contentOf(op).rows.length / CARD_ROWS / CARDS_PER_PAGE) - 1 }, (_, p) => (p + 1) * CARDS_PER_PAGE * CARD_ROWS));
    }
    expect(contentOf(ops[1]).titleLines![0]).toContain('共 500 张');
    expect(contentOf(ops[1]).titleLines![1]).toContain('第 2001–2500 名学生（41班 至 50班，全部共 2500 名）');
  });
});

describe('parts of a print sheet are the add-in’s sheets', () => {
  it('names parts from （2） on, and knows them for the sheet they belong to', () => {
    expect(sheetOfPart('成长记录（12）')).toBe(SHEETS.records);
    expect(sheetOfPart('联系卡（2）')).toBe(SHEETS.cards);
    for (const name of ['联系卡（1）', '联系卡（02）', '花名册（2）', '成长记录(2)']) expect([name, sheetOfPart(name)]).toEqual([name, name]);
    expect(isAddinSheet('联系卡（3）')).toBe(true);
    expect(isAddinSheet('三年级（2）')).toBe(false);
  });
});
