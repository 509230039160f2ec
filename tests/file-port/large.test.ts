/**
 * A 100,000-row findings sheet goes in and comes back whole, and appends and marks work on it.
 * Correctness only: timings live in the benchmarks, never in tests.
 */
import type { PlanCell } from '../../src/core/plan/types';
import { findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { packageProblems, unzipParts } from './ooxml';
import { richWorkbook, RICH_SHEETS } from './richWorkbook';

jest.setTimeout(300_000);

const N = 100_000;

it('writes, saves, reopens and reads a 100,000-row sheet with links, then appends and marks on it', async () => {
  const rows: PlanCell[][] = Array.from({ length: N }, (_, i) => [
    RICH_SHEETS.roster,
    { text: `D${i + 3}`, link: { sheet: RICH_SHEETS.roster, row: i + 2, col: 3 } },
    i % 3 ? 'warning' : 'error',
    i % 7 === 0 ? `=攻击${i}` : `第 ${i + 3} 行的身份证号校验位错误`,
    46000 + (i % 300),
  ]);
  const wb = openXlsx(richWorkbook());
  const result = await wb.apply({
    ops: [
      {
        kind: 'replaceSheet',
        sheet: '校验结果',
        content: {
          titleLines: ['校验结果'],
          columns: [{ header: '工作表' }, { header: '单元格' }, { header: '严重程度' }, { header: '说明' }, { header: '日期', format: 'date' }],
          rows,
          table: { name: '校验结果表' },
          highlights: [{ col: 2, equals: 'error', fill: '#FFC7CE' }],
          freezeHeader: true,
        },
      },
    ],
  });
  expect(result.written).toEqual([{ sheet: '校验结果', what: 'replaced', rows: N }]);

  const reopened = openXlsx(wb.save());
  const sheet = findSheet(await reopened.read({ sheets: ['校验结果'] }), '校验结果')!;
  expect(sheet.values).toHaveLength(N + 2);
  expect(sheet.values[2]).toEqual([RICH_SHEETS.roster, 'D3', 'error', '=攻击0', 46000]);
  expect(sheet.values[N + 1]).toEqual([RICH_SHEETS.roster, `D${N + 2}`, (N - 1) % 3 ? 'warning' : 'error', `第 ${N + 2} 行的身份证号校验位错误`, 46000 + ((N - 1) % 300)]);

  await reopened.apply({
    ops: [
      { kind: 'appendRows', sheet: '校验结果', rows: [['追加', 'X1', 'warning', '最后一行', 46001]], expectedLastRow: N + 1 },
      { kind: 'markCells', sheet: '校验结果', marks: Array.from({ length: 5000 }, (_, i) => ({ sheet: '校验结果', row: 2 + i * 20, col: 3, note: `标记 ${i}`, fill: '#FFEB9C' })) },
    ],
  });
  const saved = reopened.save();
  expect(packageProblems(unzipParts(saved))).toEqual([]);
  const last = findSheet(await openXlsx(saved).read({ sheets: ['校验结果'] }), '校验结果')!;
  expect(last.values).toHaveLength(N + 3);
  expect(last.values[N + 2]).toEqual(['追加', 'X1', 'warning', '最后一行', 46001]);
});
