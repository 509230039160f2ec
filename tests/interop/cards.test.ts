/**
 * 联系卡 and 成长记录 of the sample, printed by LibreOffice to PDF as a school would print them (issue 16):
 * the pages planned (two cards a page, a page per child and more for a long record), no card cut across a
 * page, every child once, each card's name and guardian phone on the same page, the column header on
 * every page of the records. Skipped, with a note, on a machine without LibreOffice.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CellValue } from '../../src/core/cells';
import { createTymeCalendar } from '../../src/core/calendar/tyme';
import { BLANK_LINE, CARDS_PER_PAGE } from '../../src/core/cards';
import { SHEETS } from '../../src/core/sheets';
import { planMaintenance } from '../../src/core/workflow';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { demoWorkbooks, TODAY } from './demo-workbook';
import { convert, missingTools, pdfPages } from './soffice';

const missing = missingTools();
if (missing.length)
  console.warn(`LibreOffice card tests skipped: ${missing.join(', ')} not found on PATH. Install with: apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk`);
const withLibreOffice = missing.length ? describe.skip : describe;
jest.setTimeout(600_000);

/** A long record: 40 talks with 廖雅静, some long enough to wrap over three lines. */
const LONG_LOG: CellValue[][] = Array.from({ length: 40 }, (_, i) => [
  `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
  '廖雅静',
  '三(1)班',
  '谈心',
  '学生',
  '王老师',
  // A long entry ends in a marker of its own, to find its last line on the page of its first.
  i % 5 === 0 ? `第${i + 1}次谈心：${'孩子说起在外打工的父母，情绪有些低落，约定下周再聊，并请学习帮手多陪伴。'.repeat(3)} END${i + 1}` : `第${i + 1}次谈心`,
  '否',
  '',
]);

withLibreOffice('联系卡 and 成长记录 printed by LibreOffice', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interop-cards-'));
  let cardPages: string[];
  let recordPages: string[];
  let plan: ReturnType<typeof planMaintenance>;

  beforeAll(async () => {
    const demo = await demoWorkbooks();
    const port = openXlsx(demo.applied);
    await port.apply({ ops: [{ kind: 'appendRows', sheet: SHEETS.log, rows: LONG_LOG }] });
    plan = planMaintenance(await port.read(), { today: TODAY, lang: 'zh-CN', calendar: createTymeCalendar() });
    const ops = [...plan.childFiles.cardSheets, ...plan.childFiles.recordSheets];
    expect(ops.map((op) => op.sheet)).toEqual([SHEETS.cards, SHEETS.records]);
    mkdirSync(path.join(dir, 'pdf'));
    for (const op of ops) {
      const file = path.join(dir, `${op.sheet}.xlsx`);
      writeFileSync(file, (await newWorkbookWith({ ops: [op] })).save());
      await convert([file], 'pdf', path.join(dir, 'pdf'));
    }
    cardPages = await pdfPages(path.join(dir, 'pdf', `${SHEETS.cards}.pdf`));
    recordPages = await pdfPages(path.join(dir, 'pdf', `${SHEETS.records}.pdf`));
  });

  it('prints two whole cards a page, every child once, with the guardian phone on the page of the card', () => {
    const children = plan.childFiles.chosen;
    expect(children.length).toBe(48);
    expect(cardPages).toHaveLength(Math.ceil(children.length / CARDS_PER_PAGE));
    cardPages.forEach((page, i) => {
      const titles = page.match(/留守儿童联系卡 · /g) ?? [];
      // A card's first and last rows on the same page: as many titles as 代理家长 lines, two a page.
      expect([i, titles.length]).toEqual([i, i === cardPages.length - 1 && children.length % 2 ? 1 : 2]);
      expect([i, (page.match(/代理家长/g) ?? []).length]).toEqual([i, titles.length]);
    });
    for (const c of children) {
      const pagesWithCard = cardPages.map((p, i) => (p.includes(`留守儿童联系卡 · ${c.name}\n`) || p.includes(`留守儿童联系卡 · ${c.name} `) ? i : -1)).filter((i) => i >= 0);
      expect([c.name, pagesWithCard.length]).toEqual([c.name, 1]);
      const page = cardPages[pagesWithCard[0]];
      // The sample leaves a few guardian phones blank: their cards print a line to fill instead.
      const phoneShown = c.guardian.phone !== null ? page.includes(c.guardian.phone) : new RegExp(`监护人电话\\s+${BLANK_LINE}`).test(page);
      expect([c.name, c.guardian.phone, phoneShown]).toEqual([c.name, c.guardian.phone, true]);
    }
  });

  it("prints each child's record from a new page, the long one over several pages each headed, every entry once", () => {
    const [op] = plan.childFiles.recordSheets;
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    expect(recordPages).toHaveLength(1 + op.content.print!.breaksBefore!.length);
    const first = (p: string) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    recordPages.forEach((page, i) => {
      const lines = first(page);
      // The column header on every page (print titles), then a child's header line.
      const header = lines.findIndex((l) => /^日期\s+类型\s+对象\s+记录人\s+内容/.test(l));
      expect([i, header >= 0]).toEqual([i, true]);
      expect([i, lines[header + 1], /^\S+ · \S+/.test(lines[header + 1] ?? '')]).toEqual([i, lines[header + 1], true]);
    });
    const liao = recordPages.filter((p) => /^\s*廖雅静 · /m.test(p));
    expect(liao.length).toBeGreaterThan(1);
    for (let n = 1; n <= 40; n++) {
      const found = recordPages.filter((p) => new RegExp(`第${n}次谈心(?!\\d)`).test(p));
      expect([n, found.length]).toEqual([n, 1]);
    }
    // No entry cut across pages: a long entry's last line is on the page of its first.
    for (let n = 1; n <= 40; n += 5) {
      const page = recordPages.find((p) => p.includes(`第${n}次谈心：`));
      expect([n, page !== undefined && new RegExp(`END${n}(?!\\d)`).test(page)]).toEqual([n, true]);
    }
    // Every child has a record of their own.
    for (const c of plan.childFiles.chosen) expect([c.name, recordPages.some((p) => new RegExp(`^\\s*${c.name} · `, 'm').test(p))]).toEqual([c.name, true]);
  });
});
