import type { SheetContent, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const SUMMARY = '统计汇总';

/** A summary as the core builds it: a total row, a block of classes, a block of months; share in column F. */
function summary(): SheetContent {
  return {
    titleLines: ['统计汇总', '统计期间 2026-09-01 至 2027-01-31'],
    columns: [
      { header: '类别' },
      { header: '项目' },
      { header: '人数', format: 'integer' },
      { header: '占比', format: 'percent' },
      { header: '谈心次数' },
      { header: '谈心覆盖率', format: 'percent' },
    ],
    rows: [
      ['总体', '全部', 40, 1, 52, 0.8],
      ['班级', '一年级1班', 12, 0.3, null, null],
      ['班级', '一年级2班', 15, 0.375, null, null],
      ['班级', '二年级1班', 13, 0.325, null, null],
      ['月份', '2026-09', null, null, 20, 0.5],
      ['月份', '2026-10', null, null, 32, 0.75],
    ],
    table: { name: 'SummaryTable' },
    charts: [
      { type: 'column', title: '各班留守儿童人数', rows: { first: 1, last: 3 }, categoryCol: 1, valueCols: [2] },
      { type: 'line', title: '每月谈心覆盖率', rows: { first: 4, last: 5 }, categoryCol: 1, valueCols: [5] },
    ],
  };
}

const plan = (content: SheetContent = summary()): WorkbookPlan => ({ ops: [{ kind: 'replaceSheet', sheet: SUMMARY, content }] });

function chartsOf(d: OfficeDouble) {
  return d.state.sheet(SUMMARY)!.charts.map((c) => ({
    type: c.type,
    title: c.title,
    source: c.source.block,
    series: c.series.map((s) => s.name),
    categories: c.categoryNames?.block,
    position: c.position,
  }));
}

describe('OfficePort: charts for SheetContent.charts', () => {
  it('draws each chart from its block of rows, named and titled, beside the data, in the same write batch (ExcelApi 1.7+)', async () => {
    const d = createOfficeDouble({ api: 7 });
    const withCharts = await createOfficePort(d.excel, d.office).apply(plan());
    expect(withCharts.degraded).toEqual([]);
    // Data starts on sheet row 3 (two title lines, the header): class rows 1..3 are sheet rows 4..6.
    expect(chartsOf(d)).toEqual([
      {
        type: 'ColumnClustered',
        title: '各班留守儿童人数',
        source: { row: 4, col: 1, rows: 3, cols: 2 },
        series: ['人数'],
        categories: undefined,
        position: { from: { row: 2, col: 7 }, to: { row: 16, col: 14 } },
      },
      // Months in B, share in F: drawn from F with the labels set on the category axis.
      {
        type: 'Line',
        title: '每月谈心覆盖率',
        source: { row: 7, col: 5, rows: 2, cols: 1 },
        series: ['谈心覆盖率'],
        categories: { row: 7, col: 1, rows: 2, cols: 1 },
        position: { from: { row: 18, col: 7 }, to: { row: 32, col: 14 } },
      },
    ]);
    const syncsWith = d.stats.syncs.length;
    const plain = createOfficeDouble({ api: 7 });
    await createOfficePort(plain.excel, plain.office).apply(plan({ ...summary(), charts: undefined }));
    expect(syncsWith).toBe(plain.stats.syncs.length);
    expect(plain.state.sheet(SUMMARY)!.charts).toEqual([]);
  });

  it('leaves one chart per planned chart when the sheet is replaced again, not two', async () => {
    const d = createOfficeDouble({ api: 20 });
    const port = createOfficePort(d.excel, d.office);
    await port.apply(plan());
    await port.apply(plan());
    await port.apply(plan({ ...summary(), charts: [summary().charts![0]] }));
    expect(chartsOf(d).map((c) => c.title)).toEqual(['各班留守儿童人数']);
    await port.apply(plan({ ...summary(), charts: [] }));
    expect(chartsOf(d)).toEqual([]);
  });

  it('on ExcelApi 1.1 draws the charts whose labels sit beside the values and leaves the others out, saying so', async () => {
    const d = createOfficeDouble({ api: 1 });
    const result = await createOfficePort(d.excel, d.office).apply(plan());
    expect(result.degraded).toContain('office.chartsLeftOut');
    expect(chartsOf(d).map((c) => [c.title, c.series])).toEqual([['各班留守儿童人数', ['人数']]]);
  });

  it('leaves out a chart whose rows or columns lie outside the content rather than drawing the wrong cells', async () => {
    const d = createOfficeDouble({ api: 20 });
    const result = await createOfficePort(d.excel, d.office).apply(
      plan({ ...summary(), charts: [{ type: 'column', title: '越界', rows: { first: 4, last: 9 }, categoryCol: 1, valueCols: [2] }] }),
    );
    expect(result.degraded).toEqual(['office.chartsLeftOut']);
    expect(chartsOf(d)).toEqual([]);
  });

  it('writes a chart title that looks like a formula as the title, never into a cell', async () => {
    const d = createOfficeDouble({ api: 20 });
    await createOfficePort(d.excel, d.office).apply(plan({ ...summary(), charts: [{ ...summary().charts![0], title: '=cmd|calc' }] }));
    expect(chartsOf(d)[0].title).toBe('=cmd|calc');
    const formulas = [...d.state.sheet(SUMMARY)!.cells.values()].flatMap((line) => [...line.values()]).filter((c) => c.f);
    expect(formulas).toEqual([]);
  });
});

describe('OfficePort: hidden columns (PlanColumn.hidden)', () => {
  const pairing = (hidden: boolean): SheetContent => ({
    columns: [{ header: '学生' }, { header: '帮扶教师' }, { header: '上次生成', hidden }],
    rows: [['张三', '王老师', '2026-11-29']],
  });

  it.each([2, 20])('hides them on ExcelApi 1.%i, and shows them again when a later plan no longer hides them', async (api) => {
    const d = createOfficeDouble({ api });
    const port = createOfficePort(d.excel, d.office);
    const result = await port.apply({ ops: [{ kind: 'replaceSheet', sheet: '结对帮扶', content: pairing(true) }] });
    expect(result.degraded).toEqual([]);
    expect([...d.state.sheet('结对帮扶')!.hiddenColumns]).toEqual([2]);
    expect(d.state.sheet('结对帮扶')!.cell(1, 2)?.v).toBe('2026-11-29');
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: '结对帮扶', content: pairing(false) }] });
    expect([...d.state.sheet('结对帮扶')!.hiddenColumns]).toEqual([]);
  });

  it('leaves them visible on ExcelApi 1.1 and reports nothing (cosmetic)', async () => {
    const d = createOfficeDouble({ api: 1 });
    const result = await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: '结对帮扶', content: pairing(true) }] });
    expect(result.degraded).toEqual([]);
    expect([...d.state.sheet('结对帮扶')!.hiddenColumns]).toEqual([]);
    expect(d.state.sheet('结对帮扶')!.cell(1, 2)?.v).toBe('2026-11-29');
  });
});
