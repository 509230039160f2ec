/**
 * A roster of 100,000 children opened with the file picker: the grid stays windowed (a few hundred cells
 * in the DOM), knows its true size, and a finding on the last rows scrolls into view.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { checkRoster } from '../../src/core/roster';
import { openXlsx } from '../../src/workbook/file';
import { screenshot, TODAY, useServedSession } from './browser';
import { button, cellName, idle, runCheck } from './flow';

const ROWS = 100_000;

function bigRoster(): Buffer {
  const header = ['序号', '姓名', '性别', '班级', '监护人姓名', '监护人电话', '家庭住址'];
  const rows: (string | number)[][] = [header];
  for (let i = 1; i <= ROWS; i++) {
    rows.push([
      i,
      `学生${String(i).padStart(6, '0')}`,
      i % 2 ? '男' : '女',
      `${(i % 6) + 1}(${(i % 4) + 1})班`,
      `监护人${i}`,
      `138${String(i).padStart(8, '0')}`,
      `某村${i % 50}组`,
    ]);
  }
  rows[ROWS - 2][5] = '1380000'; // one digit-short phones near the end, as typed by hand
  rows[ROWS][5] = '138000';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '花名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('a 100,000-row roster in the standalone page', () => {
  const served = useServedSession({ locale: 'zh-CN' });

  it('opens, stays windowed, checks, and brings a finding on the last rows into view', async () => {
    const {
      server,
      session: { page, problems },
    } = served;
    const bytes = bigRoster();
    const expected = checkRoster(await openXlsx(new Uint8Array(bytes)).read(), { today: TODAY });
    const last = [...expected.findings].sort((a, b) => b.row - a.row)[0];
    expect(last.row).toBeGreaterThan(ROWS - 5);

    await page.goto(`${server.origin}/standalone.html?today=${TODAY}`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, 'zh-CN', 'ui.standalone.open').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'big-roster-')), 'big.xlsx');
    writeFileSync(file, bytes);
    await chooser.setFiles(file, { timeout: 120_000 });
    const grid = page.getByRole('grid');
    await grid.waitFor({ timeout: 120_000 });
    expect(Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThanOrEqual(ROWS + 2);
    expect(await page.locator('[role="gridcell"]').count()).toBeLessThan(2000);

    const count = await runCheck(page, 'zh-CN');
    await idle(page, 'zh-CN');
    expect(count).toBe(expected.findings.length);
    await page.locator(`button[aria-controls="group-${last.rule}"]`).click();
    await page.locator(`button[data-finding-cell="${cellName(last.row, last.col)}"]`).click();
    const hit = page.locator('[data-highlight="true"]');
    await hit.waitFor();
    expect(await hit.getAttribute('data-cell')).toBe(cellName(last.row, last.col));
    const [cellBox, gridBox] = [await hit.boundingBox(), await grid.boundingBox()];
    expect(cellBox!.y).toBeGreaterThanOrEqual(gridBox!.y);
    expect(cellBox!.y + cellBox!.height).toBeLessThanOrEqual(gridBox!.y + gridBox!.height);
    expect(await page.locator('[role="gridcell"]').count()).toBeLessThan(2000);
    await screenshot(page, 'zh-large-roster');
    expect(problems).toEqual([]);
  });
});
