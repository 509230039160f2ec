/**
 * Body merges written by other programs: the merged-class roster (班级 merged per class, twins' merged
 * family cells) saved by openpyxl, and that file saved again by LibreOffice (tests/producers/files/merged,
 * made by build.sh; the data and the expected findings are files/merged/merged-class.json). The file port
 * reads their <mergeCells>, the check finds exactly the planted findings (no child without a class or a
 * guardian), and the de-identified copy keeps the merges.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { columnLetter, type CellRange } from '../../src/core/cells';
import { checkRoster } from '../../src/core/roster';
import { findSheet } from '../../src/core/snapshot';
import { deidentifyWorkbook } from '../../src/core/summary';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import type { Expected } from '../fixtures/build-samples';

const DIR = path.join(__dirname, 'files', 'merged');
const DATA: { sheet: string; merges: { r0: number; c0: number; r1: number; c1: number }[]; expected: Expected } = JSON.parse(
  readFileSync(path.join(DIR, 'merged-class.json'), 'utf8'),
);
const MERGES: CellRange[] = DATA.merges.map((m) => ({ row: m.r0, col: m.c0, rowCount: m.r1 - m.r0 + 1, colCount: m.c1 - m.c0 + 1 }));
const byPosition = (list: readonly CellRange[]) => [...list].sort((a, b) => a.row - b.row || a.col - b.col);

describe.each(['openpyxl-merged-class.xlsx', 'libreoffice-merged-class.xlsx'])('%s', (file) => {
  const open = () => openXlsx(new Uint8Array(readFileSync(path.join(DIR, file))));

  it('reads every merged area, below the header too', async () => {
    const sheet = findSheet(await open().read(), DATA.sheet)!;
    expect(MERGES.filter((m) => m.rowCount > 1).length).toBeGreaterThan(20);
    expect(byPosition(sheet.merges!)).toEqual(byPosition(MERGES));
  });

  it('finds exactly the planted findings, each merged one once, and every child in a class', async () => {
    const check = checkRoster(await open().read(), { today: DATA.expected.today });
    expect(check.records).toHaveLength(DATA.expected.children);
    const key = (row: number, column: string | null, rule: string) => `${row} ${column ?? '-'} ${rule}`;
    expect(check.findings.map((f) => key(f.row + 1, f.col === null ? null : columnLetter(f.col), f.rule)).sort()).toEqual(
      DATA.expected.issues.map((i) => key(i.row, i.column, i.rule)).sort(),
    );
    expect(check.records.every((r) => r.classLabel !== null && r.guardianName !== '')).toBe(true);
  });

  it('keeps the merges in the de-identified copy', async () => {
    const snapshot = await open().read();
    const copy = deidentifyWorkbook(snapshot, checkRoster(snapshot, { today: DATA.expected.today }).layouts);
    if (!copy.ok) throw new Error('copy failed');
    const written = findSheet(await openXlsx((await newWorkbookWith(copy.plan)).save()).read(), DATA.sheet)!;
    expect(byPosition(written.merges!)).toEqual(byPosition(MERGES));
  });
});
