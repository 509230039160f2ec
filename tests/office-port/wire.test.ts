/**
 * The double's wire mode: Microsoft's office.js client in front of the double's workbook. These pin
 * what the host must get right for the client's own semantics to hold (tracked objects, ids, null
 * objects, sliced writes, errors), in both jest projects (the mode is asked for here).
 */
import { createOfficeDouble, registerWireMode } from '../office-double';
import { officeClient, wireExcelRun } from '../office-double/wire';

registerWireMode(wireExcelRun, false);

const wire = (api = 20) => createOfficeDouble({ api, mode: 'wire' });

describe('the Office double at the wire', () => {
  it("is driven by Microsoft's client: its load/sync rules and its error codes", async () => {
    const d = wire();
    d.state.addSheet('S').put(0, 0, [['x', 1]]);
    expect(officeClient().version).toMatch(/^office\.js 1\.\d+\.\d+$/);
    await d.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1');
      range.load('values');
      expect(() => range.values).toThrow(/load method/); // the client's own PropertyNotLoaded text
      await context.sync();
      expect(range.values).toEqual([['x', 1]]);
      const missing = context.workbook.worksheets.getItemOrNullObject('不存在');
      missing.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(d.stats.syncs).toHaveLength(2);
    // The bytes are the body the client serialised: its verbose object paths, not the proxy's format.
    expect(d.stats.syncs[0].requestBytes).toBeGreaterThan(300);
  });

  it('keeps a tracked range as it was when first resolved, across syncs (reference ids)', async () => {
    const d = wire();
    const s = d.state.addSheet('S').put(0, 0, [['a']]);
    await d.excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRange();
      used.load('address');
      await context.sync();
      expect(used.address).toBe('S!A1');
      context.workbook.worksheets.getItem('S').getRange('C3').values = [['later']];
      await context.sync();
      used.load('address'); // the same range object: still A1, as Excel keeps it by reference
      await context.sync();
      expect(used.address).toBe('S!A1');
      used.values = [['changed']];
    });
    expect(s.cell(0, 0)?.v).toBe('changed');
    expect(s.cell(2, 2)?.v).toBe('later');
  });

  it('reaches a sheet made by add or copy in later syncs by its id, also after a rename', async () => {
    const d = wire();
    d.state.addSheet('S').put(0, 0, [['a']]);
    await d.excel.run(async (context) => {
      const added = context.workbook.worksheets.add('新表');
      const copy = context.workbook.worksheets.getItem('S').copy('End');
      await context.sync();
      added.name = '改名';
      await context.sync();
      added.getRange('A1').values = [['到了']];
      copy.getRange('B1').values = [['副本']];
    });
    expect(d.state.sheets.map((x) => x.name)).toEqual(['S', '改名', 'S (2)']);
    expect(d.state.sheet('改名')!.cell(0, 0)?.v).toBe('到了');
    expect(d.state.sheet('S (2)')!.cell(0, 1)?.v).toBe('副本');
    expect(d.stats.calls.get('Worksheet.copy')).toBe(1);
  });

  it("takes the client's sliced write of a large array whole (ExcelApi 1.3+), and a single one below", async () => {
    for (const api of [20, 1]) {
      const d = wire(api);
      const s = d.state.addSheet('S');
      const values = Array.from({ length: 4000 }, (_, i) => [`r${i}`, i]);
      await d.excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B4000').values = values;
      });
      expect([api, s.cell(3999, 0)?.v, s.cell(3999, 1)?.v, s.usedBlock(true)]).toEqual([api, 'r3999', 3999, { row: 0, col: 0, rows: 4000, cols: 2 }]);
      // 8,000 cells: six slices of 750 rows at 1.3+, one set below.
      expect([api, d.stats.syncs[0].commands > 20]).toEqual([api, api >= 3]);
    }
  });

  it('answers a failing action with its code; what ran before it stays, as in Excel', async () => {
    const d = wire();
    const s = d.state.addSheet('S');
    await expect(
      d.excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = [['before']];
        context.workbook.worksheets.getItem('没有这个表').getRange('A1').values = [['never']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(s.cell(0, 0)?.v).toBe('before');
    expect(d.state.sheets).toHaveLength(1);
  });

  it('refuses a request over 5 MB by the bytes the client sent, before running any of it', async () => {
    const d = wire();
    const s = d.state.addSheet('S');
    await expect(
      d.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        for (let i = 0; i < 12_000; i++) sheet.getRange(`A${i + 1}`).format.fill.color = '#FFC7CE';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(s.cells.size).toBe(0);
    expect(d.stats.syncs[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });
});
