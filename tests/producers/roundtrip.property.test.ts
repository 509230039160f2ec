/**
 * Round-trip property: random plans applied to random corpus files never produce a part that fails the
 * namespace-aware parse. Plans mix every kind of write the port makes into other writers' packages:
 * new and replaced sheets (tables, charts, hyperlinks, dates, dropdowns), cells and links written into
 * the teacher's sheets, rows appended to the roster, marks with notes, and marks cleared. Bounded to a
 * few dozen runs so it takes seconds.
 */
import fc from 'fast-check';
import type { PlanCell, PlanOp, SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { CORPUS, packageNamespaceProblems } from './corpus';
import { ROSTER_SHEET, TEACHER_SHEET } from './roster';

jest.setTimeout(120_000);

const FILES = CORPUS.filter((e) => !e.strict);
const inputs = new Map(FILES.map((e) => [e.file, e.bytes()]));

// Text with everything XML and Excel treat specially: markup characters, a formula look-alike, _x000D_, CR, CJK, an astral character.
const text = fc.oneof(fc.constantFrom('<b>&"\'', '=SUM(A1)', '_x000D_', 'a\r\nb', '花名册', '𠀀', 'x:sheet r:id'), fc.string({ maxLength: 12 }));
const sheetName = fc.constantFrom('统计汇总', 'Results & <Notes>', "O'Brien", '新 表', 'Sheet1', TEACHER_SHEET.repeat(2));
const link = fc.record({
  text,
  link: fc.record({ sheet: fc.constantFrom(ROSTER_SHEET, TEACHER_SHEET), row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 4 }) }),
});
const cell: fc.Arbitrary<PlanCell> = fc.oneof(
  text,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constant(null),
  fc.constant(true),
  link,
  fc.record({ date: fc.constantFrom('2025-09-15', '1904-01-02', '2030-02-28') }),
);

const content: fc.Arbitrary<SheetContent> = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    titleLines: fc.array(text, { maxLength: 2 }),
    columns: fc.array(
      fc.record({
        header: text,
        format: fc.constantFrom('text', 'date', 'integer', 'percent', 'general' as const),
        validation: fc.option(fc.constant({ list: ['是', '否'] }), { nil: undefined }),
      }),
      { minLength: width, maxLength: width },
    ),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
    table: fc.option(fc.record({ name: fc.constantFrom('名单', 'Table 1', 'A1') }), { nil: undefined }),
    charts: fc.option(fc.constant([{ type: 'column' as const, title: '图', rows: { first: 0, last: 0 }, categoryCol: 0, valueCols: [width - 1] }]), { nil: undefined }),
  }),
);

const op: fc.Arbitrary<PlanOp> = fc.oneof(
  fc.record({ kind: fc.constant('replaceSheet' as const), sheet: sheetName, content, activate: fc.boolean() }),
  fc.record({ kind: fc.constant('createSheetIfMissing' as const), sheet: sheetName, content }),
  fc.record({
    kind: fc.constant('setCells' as const),
    sheet: fc.constantFrom(TEACHER_SHEET, ROSTER_SHEET),
    cells: fc.array(fc.record({ row: fc.integer({ min: 0, max: 20 }), col: fc.integer({ min: 0, max: 20 }), value: cell }), { minLength: 1, maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('appendRows' as const), sheet: fc.constant(ROSTER_SHEET), rows: fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('markCells' as const),
    sheet: fc.constantFrom(ROSTER_SHEET, TEACHER_SHEET),
    marks: fc.array(
      fc.record({
        sheet: fc.constant(ROSTER_SHEET),
        row: fc.integer({ min: 1, max: 14 }),
        col: fc.integer({ min: 0, max: 15 }),
        note: text,
        fill: fc.constantFrom('#FFC7CE', '#FFEB9C'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('clearMarks' as const), sheet: fc.constantFrom(ROSTER_SHEET, TEACHER_SHEET) }),
);

it('random plans on random corpus files leave every XML part namespace-well-formed', async () => {
  let applied = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FILES.map((e) => e.file)), fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }), async (file, plans) => {
      const port = openXlsx(inputs.get(file)!);
      for (const ops of plans) {
        try {
          await port.apply({ ops });
          applied++;
        } catch (e) {
          // A refused plan (a sheet name Excel forbids, a protected sheet) changes nothing; that is a fine outcome.
          if (!(e instanceof PortError)) throw e;
        }
      }
      expect([file, packageNamespaceProblems(port.save())]).toEqual([file, []]);
    }),
    { numRuns: 40, seed: 20251205 },
  );
  // The property is only worth something if most plans were actually written.
  expect(applied).toBeGreaterThan(30);
});
