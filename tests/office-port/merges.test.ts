/**
 * Merged cells below the header through the Office port: 班级 merged down each class and twins sharing
 * a merged guardian, read from Excel (the double, and Microsoft's own client in the wire project) into a
 * snapshot whose merges let the core give every child a class and a guardian.
 */
import type { CellRange } from '../../src/core/cells';
import { HEADER_SCAN_ROWS } from '../../src/core/roster/detect';
import { checkRoster } from '../../src/core/roster';
import { createOfficePort } from '../../src/workbook/office';
import { hostLimitKeys } from '../../src/taskpane/HostLimits';
import { createOfficeDouble, type OfficeDouble } from '../office-double';
import { makeId } from '../helpers/snapshot';

const TODAY = '2026-11-29';
const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号', '班级', '监护人姓名', '监护人电话'];
const CLASSES = ['三(1)班', '三(2)班', '四(1)班', '四(2)班', '五(1)班', '五(2)班', '六(1)班', '六(2)班'];

/**
 * A title, the header, then `perClass` children per class with 班级 written once and merged down the
 * class; every `twinsEvery`-th child and the next are twins with one merged 监护人 and phone cell.
 */
function mergedRoster(d: OfficeDouble, perClass: number, twinsEvery: number): { merges: CellRange[]; children: number } {
  const s = d.state.addSheet('花名册');
  s.put(0, 0, [['青石镇中心小学留守儿童花名册'], HEADER]);
  const merges: CellRange[] = [{ row: 0, col: 0, rowCount: 1, colCount: HEADER.length }];
  let row = 2;
  CLASSES.forEach((cls, c) => {
    merges.push({ row, col: 5, rowCount: perClass, colCount: 1 });
    for (let i = 0; i < perClass; i++, row++) {
      const n = c * perClass + i;
      const twin = i % twinsEvery === 1 && i > 0;
      s.put(row, 0, [
        [
          n + 1,
          `学生${n}`,
          '男',
          '2015-03-12',
          `'${makeId('20150312', String(1 + 2 * (n % 499)).padStart(3, '0'), String(410102 + Math.floor(n / 499)))}`,
          i === 0 ? cls : null,
          twin ? null : `监护人${n}`,
          twin ? null : `1381234${String(1000 + n).slice(-4)}`,
        ],
      ]);
      if (twin) merges.push({ row: row - 1, col: 6, rowCount: 2, colCount: 1 }, { row: row - 1, col: 7, rowCount: 2, colCount: 1 });
    }
  });
  s.merges = merges;
  return { merges, children: row - 2 };
}

const sorted = (list: readonly CellRange[]) => [...list].sort((a, b) => a.row - b.row || a.col - b.col);

describe('OfficePort.read: merged cells below the header', () => {
  it('reads the merges of the whole roster in one more sync, and the core gives every child a class and a guardian', async () => {
    const d = createOfficeDouble({ api: 13 });
    const { merges, children } = mergedRoster(d, 15, 5);
    const snap = await createOfficePort(d.excel, d.office).read();
    const sheet = snap.sheets[0];
    expect(sheet.values.length).toBeGreaterThan(HEADER_SCAN_ROWS * 3);
    expect(sorted(sheet.merges!)).toEqual(sorted(merges));
    expect(d.stats.syncs).toHaveLength(3); // the list; sizes, header merges and boxes; the body's merges

    const check = checkRoster(snap, { today: TODAY });
    expect(check.records).toHaveLength(children);
    expect(check.findings).toEqual([]);
    const perClass = new Map<string, number>();
    for (const r of check.records) perClass.set(r.classLabel ?? '', (perClass.get(r.classLabel ?? '') ?? 0) + 1);
    expect([...perClass]).toEqual(CLASSES.map((c) => [c, 15]));
  });

  it('asks a column again 512 rows at a time when it holds more than 512 merged areas, and reads them all', async () => {
    // 1,200 children in twin pairs: 600 merged guardian cells in one column, over Excel's 512 a look.
    const d = createOfficeDouble({ api: 20 });
    const { merges, children } = mergedRoster(d, 150, 2);
    expect(merges.filter((m) => m.col === 6).length).toBeGreaterThan(512);
    const snap = await createOfficePort(d.excel, d.office).read();
    expect(sorted(snap.sheets[0].merges!)).toEqual(sorted(merges));
    // The list; sizes, header merges and boxes; the look at whole columns, refused; the looks 512 rows each.
    expect(d.stats.syncs).toHaveLength(4);
    const check = checkRoster(snap, { today: TODAY });
    expect(check.records).toHaveLength(children);
    expect(check.findings).toEqual([]);
  });

  it('does not look where no merged area can be, nor in the add-in’s own sheets', async () => {
    const d = createOfficeDouble({ api: 20 });
    const s = d.state.addSheet('提醒事项');
    s.put(0, 0, [['状态', '事项'], ...Array.from({ length: 100 }, (_, i) => [i % 2 ? '到期' : null, `事项${i}`])]);
    const full = d.state.addSheet('花名册');
    full.put(0, 0, [
      HEADER,
      ...Array.from({ length: 100 }, (_, n) => [
        n + 1,
        `学生${n}`,
        '男',
        '2015-03-12',
        `'${makeId('20150312', String(1 + 2 * n).padStart(3, '0'))}`,
        '三(1)班',
        `监护人${n}`,
        `1381234${String(1000 + n).slice(-4)}`,
      ]),
    ]);
    await createOfficePort(d.excel, d.office).read();
    expect(d.stats.syncs).toHaveLength(2);
    expect(d.stats.calls.get('Range.getMergedAreasOrNullObject')).toBe(2); // the header rows of each sheet, nothing more
  });

  it('below ExcelApi 1.13 reads no merges, and the pane says so', async () => {
    const d = createOfficeDouble({ api: 12 });
    mergedRoster(d, 15, 5);
    const port = createOfficePort(d.excel, d.office);
    const snap = await port.read();
    expect(snap.sheets[0].merges).toBeUndefined();
    expect(hostLimitKeys(port.capabilities())).toContain('host.limit.merges');
    const current = createOfficeDouble({ api: 13 });
    expect(hostLimitKeys(createOfficePort(current.excel, current.office).capabilities())).not.toContain('host.limit.merges');
  });
});

describe('OfficePort.read: sheet visibility, which the de-identified copy keeps', () => {
  it('says which sheets are hidden and which very hidden', async () => {
    const d = createOfficeDouble({ api: 13 });
    d.state.addSheet('花名册').put(0, 0, [['姓名']]);
    d.state.addSheet('填表说明').visibility = 'Hidden';
    d.state.addSheet('选项').visibility = 'VeryHidden';
    const port = createOfficePort(d.excel, d.office);
    for (const snap of [await port.read(), await port.read({ namesOnly: true })]) {
      expect(snap.sheets.map((s) => [s.name, s.visible, s.visibility])).toEqual([
        ['花名册', true, 'visible'],
        ['填表说明', false, 'hidden'],
        ['选项', false, 'veryHidden'],
      ]);
    }
  });
});

describe('the double, as office-js #3611 reports Excel', () => {
  it('returns only the merged areas whose top-left cell is in the range asked about', async () => {
    const d = createOfficeDouble({ api: 13 });
    const s = d.state.addSheet('花名册');
    s.put(0, 0, [['a'], ['b'], ['c'], ['d']]);
    s.merges = [
      { row: 0, col: 0, rowCount: 3, colCount: 1 },
      { row: 3, col: 0, rowCount: 1, colCount: 2 },
    ];
    await d.excel.run(async (context) => {
      const below = context.workbook.worksheets.getItem('花名册').getRange('A2:B4').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(below.address).toBe("'花名册'!A4:B4"); // A1:A3 reaches into A2:B4 but starts above it
    });
  });
});
