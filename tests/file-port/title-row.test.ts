/**
 * The first title line is set in a 14 pt font; its row must be tall enough for it. LibreOffice keeps a
 * row without a height at the sheet's 15 pt default and printed 统计汇总's title with the tops of its
 * glyphs cut off (found by tests/interop). Later title lines are body text and keep the default.
 */
import type { SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { partText, unzipParts } from './ooxml';
import { richWorkbook } from './richWorkbook';

const content: SheetContent = {
  titleLines: ['留守儿童工作统计汇总', '统计期间：本学期'],
  columns: [{ header: '项目' }, { header: '数量', format: 'integer' }],
  rows: [['全部儿童', 48]],
};

it('gives the title row a height that fits the title font, and leaves the other rows to the default', async () => {
  const wb = openXlsx(richWorkbook());
  await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '统计汇总', content }] });
  const parts = unzipParts(wb.save());
  const sheetPath = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && partText(parts, p).includes('留守儿童工作统计汇总'))!;
  const xml = partText(parts, sheetPath);
  const rows = [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [Number(m[1]), m[2]] as const);
  const title = rows.find(([r]) => r === 1)![1];
  expect(Number(/ht="([\d.]+)"/.exec(title)![1])).toBeGreaterThanOrEqual(18);
  expect(title).toContain('customHeight="1"');
  for (const [r, attrs] of rows.filter(([r]) => r > 1)) expect([r, attrs]).toEqual([r, '']);
  expect((await openXlsx(wb.save()).read()).sheets.find((s) => s.name === '统计汇总')!.values[0][0]).toBe('留守儿童工作统计汇总');
});
