import '../../src/core/i18n/all';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { computeSummary, periodFor, rollupPlan } from '../../src/core/summary';
import { INPUT } from '../../src/core/summary/fixture.test-data';
import { newWorkbookWith } from '../../src/workbook/file';
import { createOfficePort } from '../../src/workbook/office';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble, OfficeDoubleError, type OfficeDouble } from '../office-double';
import * as doubleInsert from '../office-double/insert';

/**
 * The roll-up inside Excel: where the host has ExcelApi 1.13 the sheets built from the plan are inserted
 * whole from the prebuilt file; elsewhere, and whenever a sheet of the plan is already there, the plan is
 * written as usual. Both ways must leave the same figures in the workbook.
 */

const period = (() => {
  const r = periodFor({ kind: 'term' }, '2026-11-29');
  if (!r.ok) throw new Error(r.messageKey);
  return r.period;
})();

function rollup(): WorkbookPlan {
  const figures = computeSummary(INPUT, period);
  const result = rollupPlan(
    [
      { school: '青曲镇中心小学', figures },
      { school: '白鹤村小学', figures },
    ],
    'zh-CN',
  );
  if (!result.ok) throw new Error(result.messageKey);
  return result.plan;
}

const plan = rollup();
const sheetNames = plan.ops.map((op) => op.sheet);
let prebuilt: Uint8Array;
beforeAll(async () => {
  prebuilt = (await newWorkbookWith(plan)).save();
});

function teacherWorkbook(api: number): OfficeDouble {
  const d = createOfficeDouble({ api });
  d.state.addSheet('花名册').put(0, 0, [
    ['姓名', '班级'],
    ['张三', '四(1)班'],
  ]);
  return d;
}

/** Every value cell of a sheet as row,col → value and type (what a reader of the workbook sees). */
function valuesOf(d: OfficeDouble, sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [r, line] of d.state.sheet(sheet)!.cells) for (const [c, cell] of line) if (cell.v !== undefined) out.set(`${r},${c}`, [cell.v, cell.t]);
  return out;
}

const chartsWanted = (sheet: string) => {
  const op = plan.ops.find((o) => o.sheet === sheet);
  return op?.kind === 'replaceSheet' ? (op.content.charts?.length ?? 0) : 0;
};

describe('the double\'s insertWorksheetsFromBase64 on Excel on the web (Learn: "Work with workbooks")', () => {
  it('refuses a file holding charts with UnsupportedFeature and inserts nothing; desktop takes it', async () => {
    expect(sheetNames.some((s) => chartsWanted(s) > 0)).toBe(true); // the roll-up file holds charts
    const insert = (d: OfficeDouble) =>
      d.excel.run(async (context) => {
        context.workbook.insertWorksheetsFromBase64(Buffer.from(prebuilt).toString('base64'), { sheetNamesToInsert: sheetNames, positionType: 'End' });
        await context.sync();
      });
    const web = createOfficeDouble({ api: 20, platform: 'OfficeOnline' });
    await expect(insert(web)).rejects.toMatchObject({ code: 'UnsupportedFeature' });
    expect(web.state.sheets).toHaveLength(0);
    const desktop = createOfficeDouble({ api: 20, platform: 'PC' });
    await insert(desktop);
    expect(desktop.state.sheets.map((s) => s.name)).toEqual(sheetNames);
  });
});

describe('roll-up sheets inserted from the prebuilt file (ExcelApi 1.13)', () => {
  it('inserts every sheet in one request, with the same figures a cell-by-cell write gives, and the charts Excel on the web leaves out', async () => {
    const inserted = teacherWorkbook(20);
    inserted.resetStats();
    const result = await createOfficePort(inserted.excel, inserted.office).apply(plan, { prebuilt });
    expect(inserted.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBe(1);
    expect(inserted.state.sheets.map((s) => s.name)).toEqual(['花名册', ...sheetNames]);
    expect(result.written.map((w) => [w.sheet, w.what])).toEqual(sheetNames.map((s) => [s, 'created']));
    // Look, insert, check, charts: a constant number of syncs, whatever the number of schools.
    expect(inserted.stats.syncs).toHaveLength(4);
    // Outside Excel's undo group: the port keeps the undo.
    expect(result.undo).toBe('port');
    expect(inserted.stats.runs[0].options?.mergeUndoGroup).toBeUndefined();

    const written = teacherWorkbook(20);
    await createOfficePort(written.excel, written.office).apply(plan);
    expect(written.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBeUndefined();
    for (const sheet of sheetNames) {
      expect(valuesOf(inserted, sheet).size).toBeGreaterThan(10);
      expect(valuesOf(inserted, sheet)).toEqual(valuesOf(written, sheet));
      expect(inserted.state.sheet(sheet)!.charts).toHaveLength(chartsWanted(sheet));
    }
    expect(sheetNames.some((s) => chartsWanted(s) > 0)).toBe(true);
    // The tables of the file came along, under their own names.
    expect(inserted.state.tables.filter((t) => sheetNames.includes(t.sheet.name)).length).toBeGreaterThan(0);
  });

  it('adds no charts where the host inserted them itself (desktop Excel)', async () => {
    const d = teacherWorkbook(20);
    d.resetStats();
    // The sync after the insert looks at the charts: by then desktop Excel has brought them along.
    d.beforeSync = (i) => {
      if (i !== 2) return;
      for (const name of sheetNames) {
        const sheet = d.state.sheet(name)!;
        for (let n = 0; n < chartsWanted(name); n++)
          sheet.charts.push({ name: `Chart ${n}`, type: 'ColumnClustered', source: { sheet, block: { row: 0, col: 0, rows: 1, cols: 1 } }, seriesBy: 'Columns', series: [] });
      }
    };
    await createOfficePort(d.excel, d.office).apply(plan, { prebuilt });
    expect(d.stats.calls.get('ChartCollection.add')).toBeUndefined();
    expect(d.stats.syncs).toHaveLength(3);
  });

  it("undo removes the inserted sheets and leaves the teacher's sheets alone", async () => {
    const d = teacherWorkbook(20);
    const port = createOfficePort(d.excel, d.office);
    await port.apply(plan, { prebuilt });
    expect(port.canUndo!()).toBe(true);
    await port.undoLast!();
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册']);
    expect(valuesOf(d, '花名册').get('1,0')).toEqual(['张三', 'String']);
  });

  it('undo refuses when a colleague typed into an inserted sheet since', async () => {
    const d = teacherWorkbook(20);
    const port = createOfficePort(d.excel, d.office);
    await port.apply(plan, { prebuilt });
    d.state.sheet(sheetNames[1])!.put(40, 0, [['王老师的备注']]);
    await expect(port.undoLast!()).rejects.toMatchObject({ key: 'office.undoConflict' });
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册', ...sheetNames]);
  });

  it('replaces sheets already there in place (formulas pointing at them keep working), by writing the plan', async () => {
    const d = teacherWorkbook(20);
    const port = createOfficePort(d.excel, d.office);
    await port.apply(plan);
    d.resetStats();
    const result = await port.apply(plan, { prebuilt });
    expect(d.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBeUndefined();
    expect(d.stats.calls.get('Worksheet.delete')).toBeUndefined();
    expect(result.written.every((w) => w.what === 'replaced')).toBe(true);
    expect(result.undo).toBe('host');
  });

  it('writes the plan on hosts below ExcelApi 1.13, to the same figures', async () => {
    const old = teacherWorkbook(12);
    const result = await createOfficePort(old.excel, old.office).apply(plan, { prebuilt });
    expect(old.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBeUndefined();
    expect(result.written.map((w) => w.what)).toEqual(sheetNames.map(() => 'created'));
    const inserted = teacherWorkbook(20);
    await createOfficePort(inserted.excel, inserted.office).apply(plan, { prebuilt });
    for (const sheet of sheetNames) expect(valuesOf(old, sheet)).toEqual(valuesOf(inserted, sheet));
  });

  it('on Excel on the web writes the plan, charts drawn, without sending a file the web would refuse (it holds charts)', async () => {
    const d = createOfficeDouble({ api: 20, platform: 'OfficeOnline' });
    d.state.addSheet('花名册').put(0, 0, [
      ['姓名', '班级'],
      ['张三', '四(1)班'],
    ]);
    const port = createOfficePort(d.excel, d.office);
    expect(port.capabilities().insertSheets).toBe(false); // the pane then builds no file at all
    const result = await port.apply(plan, { prebuilt });
    expect(d.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBeUndefined();
    expect(result.written.map((w) => [w.sheet, w.what])).toEqual(sheetNames.map((s) => [s, 'created']));
    for (const sheet of sheetNames) expect(d.state.sheet(sheet)!.charts).toHaveLength(chartsWanted(sheet));
  });

  it('writes the plan when the file would not fit one request', async () => {
    const d = teacherWorkbook(20);
    await createOfficePort(d.excel, d.office, { budgetBytes: Math.floor(prebuilt.length / 2) }).apply(plan, { prebuilt });
    expect(d.stats.calls.get('Workbook.insertWorksheetsFromBase64')).toBeUndefined();
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册', ...sheetNames]);
  });

  it('writes the plan when this Excel reports ExcelApi 1.13 but refuses the insert, after taking out what arrived', async () => {
    const d = teacherWorkbook(20);
    const refuse = jest.spyOn(doubleInsert, 'insertWorksheetsFromBase64').mockImplementation((state) => {
      state.addSheet(sheetNames[0]); // one sheet half arrived, then the host gave up
      throw new OfficeDoubleError('GeneralException', 'This operation is not allowed due to the extension hardening policy.');
    });
    try {
      const result = await createOfficePort(d.excel, d.office).apply(plan, { prebuilt });
      expect(refuse).toHaveBeenCalledTimes(1);
      expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册', ...sheetNames]);
      expect(result.written.map((w) => w.what)).toEqual(sheetNames.map(() => 'created'));
      expect(valuesOf(d, sheetNames[0]).size).toBeGreaterThan(10);
    } finally {
      refuse.mockRestore();
    }
  });

  it('takes out what arrived when Excel leaves a sheet out, and says which', async () => {
    const d = teacherWorkbook(20);
    d.resetStats();
    d.beforeSync = (i) => {
      if (i === 2)
        d.state.sheets.splice(
          d.state.sheets.findIndex((s) => s.name === sheetNames[2]),
          1,
        );
    };
    const error = await createOfficePort(d.excel, d.office)
      .apply(plan, { prebuilt })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ key: 'office.insertIncomplete', params: { sheet: sheetNames[2] } });
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册']);
  });
});
