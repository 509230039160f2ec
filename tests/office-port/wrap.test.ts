/** PlanColumn.wrap: the Office port sets RangeFormat.wrapText (ExcelApi 1.1) on the whole column. */
import type { SheetContent } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble } from '../office-double';

const report = (wrap: boolean): SheetContent => ({
  titleLines: ['工作报告', '本学期共有留守儿童48名，其中父母均外出37名……'],
  columns: [
    { header: '项目', width: 80, wrap },
    { header: '数值', format: 'integer' },
  ],
  rows: [['留守儿童', 48]],
});

it.each([1, 20])('wraps the columns the plan asks to wrap on ExcelApi 1.%i, and only those', async (api) => {
  const d = createOfficeDouble({ api });
  const result = await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: '工作报告', content: report(true) }] });
  expect(result.degraded).toEqual([]);
  expect([...d.state.sheet('工作报告')!.wrappedColumns]).toEqual([0]);
  expect(d.state.sheet('工作报告')!.cell(1, 0)?.v).toBe('本学期共有留守儿童48名，其中父母均外出37名……');
});

it('wraps nothing when no column asks for it', async () => {
  const d = createOfficeDouble({ api: 20 });
  await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: '工作报告', content: report(false) }] });
  expect([...d.state.sheet('工作报告')!.wrappedColumns]).toEqual([]);
});
