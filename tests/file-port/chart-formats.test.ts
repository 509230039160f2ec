/**
 * A chart over a percent column carries the column's format in its cached values and on its value axis.
 * LibreOffice labels the axis from the cache's format, not the cells': with "General" the monthly
 * talk-coverage chart read 0.07 where the sheet says 6.25% (found by tests/interop).
 */
import { FORMAT_CODE } from '../../src/core/plan/formats';
import type { SheetContent } from '../../src/core/plan/types';
import { openXlsx } from '../../src/workbook/file';
import { partText, unzipParts, xmlProblem } from './ooxml';
import { richWorkbook } from './richWorkbook';

const content: SheetContent = {
  columns: [
    { header: '月份', format: 'text' },
    { header: '谈心覆盖率', format: 'percent' },
    { header: '谈心次数', format: 'integer' },
  ],
  rows: [
    ['2026-09', 0, 0],
    ['2026-10', 0.0208, 1],
    ['2026-11', 0.0625, 3],
  ],
  charts: [
    { type: 'line', title: '每月谈心覆盖率', rows: { first: 0, last: 2 }, categoryCol: 0, valueCols: [1] },
    { type: 'column', title: '每月谈心次数', rows: { first: 0, last: 2 }, categoryCol: 0, valueCols: [2] },
  ],
};

it('labels a share chart in percents and a count chart as plain numbers', async () => {
  const wb = openXlsx(richWorkbook());
  await wb.apply({ ops: [{ kind: 'replaceSheet', sheet: '统计汇总', content }] });
  const parts = unzipParts(wb.save());
  const charts = Object.keys(parts)
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    .map((p) => partText(parts, p));
  for (const c of charts) expect(xmlProblem(c)).toBeNull();
  const share = charts.find((c) => c.includes('每月谈心覆盖率'))!;
  // The series caches the cells' own percent format (one table: src/core/plan/formats.ts).
  expect(share).toContain(`<c:numCache><c:formatCode>${FORMAT_CODE.percent}</c:formatCode>`);
  expect(FORMAT_CODE.percent).toBe('0.0%');
  expect(/<c:valAx>[\s\S]*?<\/c:valAx>/.exec(share)![0]).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  const count = charts.find((c) => c.includes('每月谈心次数'))!;
  expect(count).toContain('<c:numCache><c:formatCode>0</c:formatCode>');
  expect(/<c:valAx>[\s\S]*?<\/c:valAx>/.exec(count)![0]).toContain('<c:numFmt formatCode="General" sourceLinked="0"/>');
});
