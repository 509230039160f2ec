/**
 * Reach: the same representative plan through the Office port on the ExcelApi level of each Excel
 * schools run, and what each level did and did not do. The table in the README is this test's EXPECTED.
 */
import type { PlanCell, SheetContent, WorkbookPlan } from '../../src/core/plan/types';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const ROSTER = '花名册';
const FINDINGS = '校验结果';
const SUMMARY = '统计汇总';
const PAIRING = '结对帮扶';

function findings(): SheetContent {
  const rows: PlanCell[][] = [1, 2].map((r) => [ROSTER, { text: `B${r + 1}`, link: { sheet: ROSTER, row: r, col: 1 } }, r === 1 ? 'error' : 'warning', '身份证号校验位错误']);
  return {
    titleLines: ['校验结果'],
    columns: [{ header: '工作表', width: 10 }, { header: '单元格' }, { header: '严重程度' }, { header: '说明', width: 40 }],
    rows,
    table: { name: 'FindingsTable' },
    highlights: [{ col: 2, equals: 'error', fill: '#FDE7E9' }],
    freezeHeader: true,
  };
}

function summary(): SheetContent {
  return {
    titleLines: ['统计汇总'],
    columns: [{ header: '类别' }, { header: '项目' }, { header: '人数', format: 'integer' }, { header: '谈心覆盖率', format: 'percent' }],
    rows: [
      ['班级', '一年级1班', 12, null],
      ['班级', '一年级2班', 15, null],
      ['月份', '2026-09', null, 0.5],
      ['月份', '2026-10', null, 0.75],
    ],
    charts: [
      // Labels beside the values: any Excel.
      { type: 'column', title: '各班留守儿童人数', rows: { first: 0, last: 1 }, categoryCol: 1, valueCols: [2] },
      // Labels two columns away: needs the category axis (ExcelApi 1.7).
      { type: 'line', title: '每月谈心覆盖率', rows: { first: 2, last: 3 }, categoryCol: 1, valueCols: [3] },
    ],
  };
}

function pairing(): SheetContent {
  return {
    columns: [
      { header: '学生' },
      { header: '帮扶类型', validation: { list: ['学习', '生活', '心理'] } },
      { header: '帮扶教师', validation: { sourceSheet: '帮扶人员', sourceCol: 0, firstRow: 1 } },
      { header: '上次生成', hidden: true },
    ],
    rows: [['张三', '学习', '王老师', '2026-11-29']],
    freezeHeader: true,
  };
}

const PLAN: WorkbookPlan = {
  ops: [
    { kind: 'replaceSheet', sheet: FINDINGS, content: findings() },
    { kind: 'markCells', sheet: ROSTER, marks: [{ sheet: ROSTER, row: 1, col: 1, fill: '#FFC7CE', note: '身份证号校验位错误' }] },
    { kind: 'replaceSheet', sheet: SUMMARY, content: summary() },
    { kind: 'replaceSheet', sheet: PAIRING, content: pairing() },
  ],
};

interface Observed {
  readonly degraded: readonly string[];
  readonly links: 'hyperlink' | 'HYPERLINK formula';
  readonly highlights: 'conditional format' | 'plain fill';
  readonly notes: boolean;
  readonly dropdowns: number;
  readonly hiddenColumn: boolean;
  readonly charts: readonly string[];
  readonly frozenHeader: boolean;
  readonly columnWidths: boolean;
  /** ApplyResult.undo: 'host' (Excel's Ctrl+Z) or 'port' (the pane's 撤销上次操作). */
  readonly undo: string | undefined;
  /** After undoLast (where the port undoes), the workbook is as before the plan: sheets, cells, fills, notes. */
  readonly undoneExactly: boolean | 'by Excel';
}

async function observe(api: number): Promise<Observed> {
  const d: OfficeDouble = createOfficeDouble({ api });
  d.state.addSheet(ROSTER).put(0, 0, [
    ['姓名', '身份证号'],
    ['张三', "'11010120150312001X"],
    ['李四', "'110101201503120019"],
  ]);
  d.state.addSheet('帮扶人员').put(0, 0, [['姓名'], ['王老师']]);
  const port = createOfficePort(d.excel, d.office);
  const book = await port.read({ sheets: [ROSTER] });
  if (book.sheets[0].values[1][1] !== '11010120150312001X') throw new Error('the roster did not read back');
  const picture = () => JSON.stringify(d.state.sheets.map((s) => [s.name, [...s.cells].map(([r, line]) => [r, [...line]]), [...s.notes]]));
  const start = picture();
  const result = await port.apply(PLAN);
  const f = d.state.sheet(FINDINGS)!;
  const p = d.state.sheet(PAIRING)!;
  const observed: Omit<Observed, 'undoneExactly'> = {
    degraded: [...result.degraded].sort(),
    links: f.cell(2, 1)?.link ? 'hyperlink' : 'HYPERLINK formula',
    highlights: f.conditionalFormats.length > 0 ? 'conditional format' : 'plain fill',
    notes: d.state.sheet(ROSTER)!.notes.size > 0,
    dropdowns: p.validations.length,
    hiddenColumn: p.hiddenColumns.has(3),
    charts: d.state.sheet(SUMMARY)!.charts.map((c) => c.title ?? ''),
    frozenHeader: f.frozenRows === 2,
    columnWidths: f.columnWidths.size > 0,
    undo: result.undo,
  };
  if (result.undo !== 'port') return { ...observed, undoneExactly: 'by Excel' };
  await port.undoLast!();
  return { ...observed, undoneExactly: picture() === start };
}

const BOTH = ['各班留守儿童人数', '每月谈心覆盖率'];

/** What each Excel does with the plan. Office 2019 is counted at 1.7 (1.8 arrives only with updates). */
const EXPECTED: readonly [string, number, Observed][] = [
  [
    'Office 2016 (volume licence)',
    1,
    {
      degraded: ['host.noConditionalFormats', 'host.noDataValidation', 'host.noHyperlinks', 'host.noNotes', 'office.chartsLeftOut'],
      links: 'HYPERLINK formula',
      highlights: 'plain fill',
      notes: false,
      dropdowns: 0,
      hiddenColumn: false,
      charts: ['各班留守儿童人数'],
      frozenHeader: false,
      columnWidths: false,
      undo: 'port',
      undoneExactly: true,
    },
  ],
  [
    'Office 2019',
    7,
    {
      degraded: ['host.noDataValidation', 'host.noNotes'],
      links: 'hyperlink',
      highlights: 'conditional format',
      notes: false,
      dropdowns: 0,
      hiddenColumn: true,
      charts: BOTH,
      frozenHeader: true,
      columnWidths: true,
      undo: 'port',
      undoneExactly: true,
    },
  ],
  ...(['Office 2021', 'Office 2024'] as const).map((name, i): [string, number, Observed] => [
    name,
    [14, 17][i],
    {
      degraded: ['host.noNotes'],
      links: 'hyperlink',
      highlights: 'conditional format',
      notes: false,
      dropdowns: 2,
      hiddenColumn: true,
      charts: BOTH,
      frozenHeader: true,
      columnWidths: true,
      undo: 'port',
      undoneExactly: true,
    },
  ]),
  [
    'Microsoft 365',
    20,
    {
      degraded: [],
      links: 'hyperlink',
      highlights: 'conditional format',
      notes: true,
      dropdowns: 2,
      hiddenColumn: true,
      charts: BOTH,
      frozenHeader: true,
      columnWidths: true,
      undo: 'host',
      undoneExactly: 'by Excel',
    },
  ],
];

describe('Reach: one representative plan on the Excel of each school', () => {
  it.each(EXPECTED)('%s (ExcelApi 1.%i) does what it can and names what it cannot', async (_name, api, expected) => {
    expect(await observe(api)).toEqual(expected);
  });

  it('degrades less, never more, as the level rises', async () => {
    const levels = EXPECTED.map(([, api]) => api);
    const degraded = await Promise.all(levels.map(async (api) => (await observe(api)).degraded));
    for (let i = 1; i < degraded.length; i++) for (const key of degraded[i]) expect(degraded[i - 1]).toContain(key);
  });
});
