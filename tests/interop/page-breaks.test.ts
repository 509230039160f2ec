/**
 * A whole school's 成长记录 in parts, as another program reads it: LibreOffice, saving the workbook again as
 * .xlsx, keeps every sheet's page breaks — it writes at most 1,026 a sheet back, so a sheet with more would
 * lose the rest. (Printed to PDF the three parts give the 2,100 pages planned, but that takes LibreOffice two
 * minutes of CPU: checked by hand, not here.) Skipped, with a note, on a machine without LibreOffice.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import '../../src/core/i18n/all';
import { growthRecordSheetOps } from '../../src/core/cards';
import { newWorkbookWith } from '../../src/workbook/file';
import { schoolChildren } from '../fixtures/card-children';
import { convert, missingTools } from './soffice';
import { breakCounts } from '../helpers/pageBreaks';

const missing = missingTools();
if (missing.length)
  console.warn(`LibreOffice page-break tests skipped: ${missing.join(', ')} not found on PATH. Install with: apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk`);
const withLibreOffice = missing.length ? describe.skip : describe;
jest.setTimeout(600_000);

/** Sheet name → number of <brk> in its part, in workbook order, following workbook.xml's relationships. */
withLibreOffice("a whole school's 成长记录 in parts, read by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interop-breaks-'));
  const children = schoolChildren(2100, 50);
  const file = path.join(dir, 'records.xlsx');
  let ours: [string, number][];

  beforeAll(async () => {
    const ops = growthRecordSheetOps(children, new Map(), { lang: 'zh-CN', today: '2026-11-30' });
    const bytes = (await newWorkbookWith({ ops })).save();
    writeFileSync(file, bytes);
    ours = breakCounts(bytes);
  });

  it('keeps every page break of every part when it saves the workbook as .xlsx again', async () => {
    expect(ours.map(([name]) => name)).toEqual(['成长记录', '成长记录（2）', '成长记录（3）']);
    mkdirSync(path.join(dir, 'xlsx'));
    await convert([file], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'xlsx'));
    expect(breakCounts(new Uint8Array(readFileSync(path.join(dir, 'xlsx', 'records.xlsx'))))).toEqual(ours);
  });
});
