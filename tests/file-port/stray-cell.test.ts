/**
 * A single stray value in the last cell of a sheet (XFD1048576) costs nothing: the file port reads the
 * cells that exist, not the rectangle from A1 to the stray cell, and validation gives the same findings.
 * Work is measured by what the snapshot holds, never by wall time.
 */
import '../../src/core/i18n/all';
import { checkRoster, overrideFromSettings } from '../../src/core/roster';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { deidentifyWorkbook } from '../../src/core/summary';
import { openXlsx } from '../../src/workbook/file';
import { FIXTURES, FIXTURE_TODAY, layoutFixture } from '../fixtures/build-samples';
import { withStrayCell, workbookBytes, worksheet } from '../fixtures/roster-gen';

/** Cells the snapshot holds in its row arrays, each distinct array counted once (blank rows share one). */
function cellsHeld(sheet: SheetSnapshot): number {
  const distinct = new Set(sheet.values);
  let n = 0;
  for (const line of distinct) n += line.length;
  return n;
}

async function readRoster(stray: boolean): Promise<{ book: WorkbookSnapshot; sheet: SheetSnapshot }> {
  const f = FIXTURES.defective();
  const { rows, merges } = layoutFixture(f);
  const bytes = workbookBytes([{ name: f.sheet, sheet: worksheet(rows, merges) }]);
  const book = await openXlsx(stray ? withStrayCell(bytes, 'XFD1048576', '备注') : bytes).read();
  return { book, sheet: book.sheets.find((s) => s.name === f.sheet)! };
}

it('reads a roster with a value in XFD1048576 without filling the rectangle, with the same findings', async () => {
  const plain = await readRoster(false);
  const stray = await readRoster(true);

  // The stray value is there, at its place …
  const last = stray.sheet.values[stray.sheet.values.length - 1];
  expect(stray.sheet.origin.row + stray.sheet.values.length - 1).toBe(1_048_575);
  expect(stray.sheet.origin.col + last.length - 1).toBe(16_383);
  expect(last[last.length - 1]).toBe('备注');
  // … but the snapshot holds the roster's own cells plus that one row, not 1,048,576 × 16,384 cells.
  expect(cellsHeld(stray.sheet)).toBeLessThanOrEqual(cellsHeld(plain.sheet) + 16_384);
  // Every row between the roster and the stray cell is the one shared empty line.
  expect(new Set(stray.sheet.values.slice(plain.sheet.values.length, -1)).size).toBe(1);
  expect(stray.sheet.values[plain.sheet.values.length]).toHaveLength(0);

  const check = (book: WorkbookSnapshot) => checkRoster(book, { today: FIXTURE_TODAY, override: overrideFromSettings(book) });
  const before = check(plain.book);
  const after = check(stray.book);
  expect(before.findings.length).toBeGreaterThan(0);
  expect(after.findings).toEqual(before.findings);
  expect(after.records.length).toBe(before.records.length);

  // The de-identified copy (export) copies the cells that exist too: the stray row, not a rectangle.
  const copyCells = (book: WorkbookSnapshot, layout: typeof before.layout) => {
    const copy = deidentifyWorkbook(book, layout);
    if (!copy.ok) throw new Error(copy.messageKey);
    return copy.plan.ops.reduce((n, op) => n + (op.kind === 'replaceSheet' ? op.content.rows.reduce((m, row) => m + row.length, 0) : 0), 0);
  };
  expect(copyCells(stray.book, after.layout)).toBeLessThanOrEqual(copyCells(plain.book, before.layout) + 16_384);
});
