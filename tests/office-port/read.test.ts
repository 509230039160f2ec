import { HEADER_SCAN_ROWS } from '../../src/core/roster/detect';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, WEB_PAYLOAD_LIMIT, type OfficeDouble } from '../office-double';

function roster(d: OfficeDouble, name: string, rows: number, cols = 12): void {
  const sheet = d.state.addSheet(name);
  sheet.put(0, 0, [['留守儿童登记表']]);
  sheet.put(1, 0, [Array.from({ length: cols }, (_, c) => `字段${c}`)]);
  const data: (string | number)[][] = [];
  for (let r = 0; r < rows; r++) {
    data.push(Array.from({ length: cols }, (_, c) => (c === 0 ? `'${110101200001011230 + r}` : c === 1 ? `学生${r}` : c === 2 ? 42000 + (r % 3000) : `三年级${c}班`)));
  }
  sheet.put(2, 0, data);
}

describe('OfficePort.read', () => {
  it('converts values and value types to plain cells: errors stay errors, text that looks like one stays text', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = d.state.addSheet('花名册');
    s.put(2, 1, [
      ['姓名', '身份证号', '出生日期', '在校'],
      ['张三', "'110101201503120011", 42075, true],
      ["'#N/A", null, '', false],
    ]);
    Object.assign(s.ensure(4, 3), { v: '#N/A', t: 'Error' });
    const snap = await createOfficePort(d.excel, d.office).read();
    const sheet = snap.sheets[0];
    expect(sheet.origin).toEqual({ row: 2, col: 1 });
    expect(sheet.values).toEqual([
      ['姓名', '身份证号', '出生日期', '在校'],
      ['张三', '110101201503120011', 42075, true],
      ['#N/A', null, { error: '#N/A' }, false],
    ]);
    expect(sheet.visible).toBe(true);
  });

  it('lists every sheet with visibility; values only for the sheets asked for', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('说明').put(0, 0, [['填表说明']]);
    roster(d, '花名册', 3);
    d.state.addSheet('旧表').visibility = 'Hidden';
    const port = createOfficePort(d.excel, d.office);
    const names = await port.read({ namesOnly: true });
    expect(names.sheets.map((s) => [s.name, s.visible, s.values.length])).toEqual([
      ['说明', true, 0],
      ['花名册', true, 0],
      ['旧表', false, 0],
    ]);
    expect(d.stats.syncs).toHaveLength(1);
    const one = await port.read({ sheets: ['花名册'] });
    expect(one.sheets.map((s) => s.values.length)).toEqual([0, 5, 0]);
  });

  it('gives a blank sheet an empty block, not a phantom A1', async () => {
    const d = createOfficeDouble({ api: 1 });
    d.state.addSheet('Sheet1');
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(snap.sheets[0].values).toEqual([]);
  });

  it('reads merged areas where ExcelApi 1.13 is there, and does not ask for them below', async () => {
    for (const api of [13, 12]) {
      const d = createOfficeDouble({ api });
      const s = d.state.addSheet("Kids' list, 2026");
      s.put(0, 0, [
        ['父亲', null, '母亲'],
        ['姓名', '电话', '姓名'],
      ]);
      s.merges = [{ row: 0, col: 0, rowCount: 1, colCount: 2 }];
      const snap = await createOfficePort(d.excel, d.office).read();
      if (api === 13) expect(snap.sheets[0].merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 2 }]);
      else expect(snap.sheets[0].merges).toBeUndefined();
    }
  });

  it('reads a roster with a merged cell on each of 2,000 rows: merges only where the header can be, in the same syncs', async () => {
    // Range.getMergedAreasOrNullObject fails over 512 merged areas (typings): asked of the whole used
    // range, a roster that merges a cell per row (备注 over two columns) could not be checked at all.
    const d = createOfficeDouble({ api: 20 });
    roster(d, '花名册', 2_000);
    const s = d.state.sheet('花名册')!;
    s.merges = [{ row: 0, col: 0, rowCount: 1, colCount: 12 }, ...Array.from({ length: 2_000 }, (_, i) => ({ row: i + 2, col: 10, rowCount: 1, colCount: 2 }))];
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(snap.sheets[0].values).toHaveLength(2_002);
    const merges = snap.sheets[0].merges!;
    expect(merges[0]).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 12 });
    expect(merges.every((m) => m.row < HEADER_SCAN_ROWS)).toBe(true);
    expect(merges).toHaveLength(HEADER_SCAN_ROWS - 1); // the title, and 备注 on rows 3–40 (row 2 is the header)
    expect(d.stats.syncs).toHaveLength(2); // the list, then sizes, merges and boxes: as without merges
  });

  it('looks row by row when the header rows alone hold more than 512 merged areas, and never fails the read', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = d.state.addSheet('花名册');
    s.put(0, 0, [Array.from({ length: 48 }, (_, c) => `字段${c}`)]);
    s.put(
      1,
      0,
      Array.from({ length: 100 }, (_, r) => Array.from({ length: 48 }, (_, c) => `${r}-${c}`)),
    );
    // 24 two-column merges on each of the first 40 rows: 960 in the header rows.
    s.merges = Array.from({ length: 40 * 24 }, (_, i) => ({ row: Math.floor(i / 24), col: (i % 24) * 2, rowCount: 1, colCount: 2 }));
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(snap.sheets[0].values).toHaveLength(101);
    expect(snap.sheets[0].merges).toHaveLength(960);
    expect(d.stats.syncs).toHaveLength(4); // + the sizes again without merges, + the merges row by row
  });

  it("reads a 1904-date workbook's dates as the days the teacher typed (in the 1900 system the core counts in), other numbers as they are", async () => {
    for (const sheets of [undefined, ['花名册']]) {
      const d = createOfficeDouble({ api: 20 });
      d.state.date1904 = true; // an old Mac workbook: 2015-03-12 is stored as 40613, not 42075
      const s = d.state.addSheet('花名册').put(0, 0, [
        ['姓名', '出生日期', '年龄', '到校时间'],
        ['张三', 40613, 11, 0.3125],
        ['李四', 41000, 10, 0.5],
      ]);
      for (const r of [1, 2]) {
        s.ensure(r, 1).nf = 'yyyy"年"m"月"d"日"';
        s.ensure(r, 3).nf = 'h:mm';
      }
      const snap = await createOfficePort(d.excel, d.office).read(sheets ? { sheets } : {});
      const sheet = snap.sheets.find((x) => x.name === '花名册')!;
      expect(sheet.values.slice(1)).toEqual([
        ['张三', 40613 + 1462, 11, 0.3125], // 2015-03-12; the age and the time of day stay as they are
        ['李四', 41000 + 1462, 10, 0.5],
      ]);
      expect(sheet.dateFormats?.date1904).toBe(true);
      expect(sheet.dateFormats?.columns[1]).toEqual([{ firstRow: 1, lastRow: 2, kind: 'date' }]);
      // All sheets: the probe rides in the list's sync (2 syncs). Named: the boxes came first, their formats take one more (2).
      expect(d.stats.syncs).toHaveLength(2);
    }
  });

  it('reads a 1900-date workbook without number formats and without an extra sync', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state
      .addSheet('花名册')
      .put(0, 0, [
        ['姓名', '出生日期'],
        ['张三', 42075],
      ])
      .ensure(1, 1).nf = 'yyyy-mm-dd';
    const snap = await createOfficePort(d.excel, d.office).read({ sheets: ['花名册'] });
    expect(snap.sheets[0].values[1]).toEqual(['张三', 42075]);
    expect(snap.sheets[0].dateFormats).toBeUndefined();
    expect(d.stats.syncs).toHaveLength(1);
  });

  it('works on ExcelApi 1.1 (no valuesOnly, no merges, no undo group; it still asks to wait out cell edit)', async () => {
    const d = createOfficeDouble({ api: 1 });
    roster(d, '花名册', 20);
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(snap.sheets[0].values).toHaveLength(22);
    // Microsoft's client sends delayForCellEdit only where the host supports it: asked for on every host.
    expect(d.stats.runs).toEqual([{ options: { delayForCellEdit: true } }]);
  });

  it('reads a named roster in ONE sync whether it has 10 rows or 2,500, on ExcelApi 1.20 and 1.1', async () => {
    for (const api of [20, 1]) {
      const counts: number[] = [];
      for (const rows of [10, 2500]) {
        const d = createOfficeDouble({ api });
        roster(d, '花名册', rows);
        d.state.addSheet('帮扶人员').put(0, 0, [
          ['姓名', '类别'],
          ['李老师', '班主任'],
        ]);
        const snap = await createOfficePort(d.excel, d.office).read({ sheets: ['花名册'] });
        expect(snap.sheets.map((s) => s.name)).toEqual(['花名册', '帮扶人员']);
        expect(snap.sheets[0].values).toHaveLength(rows + 2);
        expect(snap.sheets[0].values[rows + 1][1]).toBe(`学生${rows - 1}`);
        counts.push(d.stats.syncs.length);
      }
      expect([api, counts]).toEqual([api, [1, 1]]);
    }
  });

  it('reads every sheet in two syncs (the list, then sizes and values together) for 10 rows as for 1,250', async () => {
    const counts: number[] = [];
    for (const rows of [10, 1250]) {
      const d = createOfficeDouble({ api: 20 });
      roster(d, '花名册', rows);
      d.state.addSheet('帮扶人员').put(0, 0, [
        ['姓名', '类别'],
        ['李老师', '班主任'],
      ]);
      const snap = await createOfficePort(d.excel, d.office).read();
      expect(snap.sheets[0].values).toHaveLength(rows + 2);
      expect(snap.sheets[1].values).toEqual([
        ['姓名', '类别'],
        ['李老师', '班主任'],
      ]);
      counts.push(d.stats.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  it('still reads right, one sync later, when the box does not fit: a missing name, data far down, 80 columns, a tight response limit', async () => {
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('远处').put(3000, 2, [['姓名'], ['赵六']]);
    const wide = d.state.addSheet('宽表');
    wide.put(0, 0, [Array.from({ length: 80 }, (_, c) => `列${c}`)]);
    const port = createOfficePort(d.excel, d.office);
    const far = await port.read({ sheets: ['远处', '不存在'] });
    expect(far.sheets.map((s) => s.name)).toEqual(['远处', '宽表']);
    expect(far.sheets[0]).toMatchObject({ origin: { row: 3000, col: 2 }, values: [['姓名'], ['赵六']] });
    expect(far.sheets[1].values).toEqual([]);
    d.resetStats();
    const both = await port.read({ sheets: ['宽表'] });
    expect(both.sheets[1].values[0][79]).toBe('列79');
    expect(d.stats.syncs).toHaveLength(2);

    const tight = createOfficeDouble({ api: 20, responseLimit: 300_000 });
    roster(tight, '花名册', 5000, 12);
    const snap = await createOfficePort(tight.excel, tight.office).read({ sheets: ['花名册'] });
    expect(snap.sheets[0].values[5001][1]).toBe('学生4999');
  });

  it('asks again, smaller, when several large sheets overflow the answer together', async () => {
    const d = createOfficeDouble({ api: 20 });
    for (const name of ['一年级', '二年级', '三年级']) {
      const rows = Array.from({ length: 1200 }, (_, r) => Array.from({ length: 40 }, (_, c) => `${name}第${r}行第${c}列的家庭住址：某某省某某县某某镇某某村`));
      d.state.addSheet(name).put(0, 0, rows);
    }
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(snap.sheets.map((s) => s.values.length)).toEqual([1200, 1200, 1200]);
    expect(snap.sheets[2].values[1199][39]).toBe('三年级第1199行第39列的家庭住址：某某省某某县某某镇某某村');
    const refused = d.stats.syncs.filter((x) => x.responseBytes > WEB_PAYLOAD_LIMIT);
    expect(refused).toHaveLength(1); // the optimistic boxes, refused once, then sizes and blocks
    expect(d.stats.syncs.length).toBeLessThan(12);
  });

  it('reads 100,000 rows with every response under 5 MB, in syncs set by bytes, not rows', async () => {
    const d = createOfficeDouble({ api: 20 });
    roster(d, '花名册', 100_000, 12);
    const snap = await createOfficePort(d.excel, d.office).read();
    const values = snap.sheets[0].values;
    expect(values).toHaveLength(100_002);
    expect(values[100_001][1]).toBe('学生99999');
    expect(values[100_001][0]).toBe(String(110101200001011230 + 99_999));
    const responses = d.stats.syncs.map((s) => s.responseBytes);
    expect(Math.max(...responses)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    const total = responses.reduce((a, b) => a + b, 0);
    // At most one sync per 2 MB actually carried, plus the two small ones: far fewer than one per block of rows.
    expect(d.stats.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / 2_000_000));
    expect(d.stats.syncs.length).toBeLessThan(30);
  });

  it('splits a read so that no sync loads more cells than the limit, and stops clearly when the host returns nothing', async () => {
    const d = createOfficeDouble({ api: 20, readCellLimit: 1000 });
    roster(d, '花名册', 500, 10); // 5,020 cells
    const ok = await createOfficePort(d.excel, d.office, { maxReadCells: 1000 }).read();
    expect(ok.sheets[0].values).toHaveLength(502);
    // List, then sizes with a box of 20 rows (1,000 cells / 48 columns), then 4,820 cells in 1,000-cell syncs.
    expect(d.stats.syncs.length).toBe(2 + Math.ceil(((502 - 20) * 10) / 1000));

    const tooMuch = createOfficePort(d.excel, d.office, { maxReadCells: 10_000 });
    await expect(tooMuch.read()).rejects.toMatchObject({ key: 'office.readTooLarge', params: { sheet: '花名册' } });
  });
});
