import { strToU8, zipSync } from 'fflate';
import { cellAt, findSheet } from '../../src/core/snapshot';
import { toExcelSerial } from '../../src/core/dates';
import { openXlsx } from '../../src/workbook/file';
import { readXlsxBare } from '../helpers/sheetjsRead';
import { richWorkbook, richWorkbookParts, RICH_SHEETS } from './richWorkbook';
import { seedXlsx } from './seed';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The rich workbook with its hidden sheet's part replaced by the given sheetData XML. */
function withSheet3(sheetXml: string): Uint8Array {
  const parts = richWorkbookParts();
  parts['xl/worksheets/sheet3.xml'] = strToU8(sheetXml);
  return zipSync(parts);
}

describe('reading an .xlsx into a snapshot', () => {
  it('reads values the way the core expects them', async () => {
    const book = await openXlsx(richWorkbook()).read();
    const roster = findSheet(book, RICH_SHEETS.roster)!;
    // Each row ends at its own last value (the core reads past a row's end as empty).
    expect(roster.values).toEqual([
      ['三年级留守儿童花名册'],
      ['序号', '姓名', '出生日期', '身份证号', '父母情况'],
      [1, '张小明', toExcelSerial('2015-03-12'), '双亲外出', '双亲外出', 10],
      // An 18-digit ID typed as a number arrives as the damaged number it is; text keeps its spaces.
      [2, '李华', toExcelSerial('2014-01-01'), 110101201501012000, ' 单亲外出 ', 20],
      [3, '王芳', { error: '#N/A' }, '11010120150101201X', true, 30],
      // A string formula's cached value, and rich text read as plain text.
      [4, '赵强', '无'],
      ['合计', null, null, null, null, 60],
    ]);
    expect(roster.merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 6 }]);
    expect(book.sheets.map((s) => [s.name, s.visible])).toEqual([
      [RICH_SHEETS.roster, true],
      [RICH_SHEETS.data, true],
      [RICH_SHEETS.hidden, false],
      [RICH_SHEETS.findings, true],
      [RICH_SHEETS.log, true],
    ]);
  });

  it('lists names only, or reads only the sheets asked for', async () => {
    const wb = openXlsx(richWorkbook());
    const names = await wb.read({ namesOnly: true });
    expect(names.sheets.map((s) => s.name)).toHaveLength(5);
    expect(names.sheets.every((s) => s.values.length === 0)).toBe(true);
    const one = await wb.read({ sheets: [RICH_SHEETS.data] });
    expect(findSheet(one, RICH_SHEETS.data)!.values).toEqual([
      ['月份', '谈心次数'],
      ['九月', 12],
      ['十月', 15.5],
      ['合计', 27.5],
    ]);
    expect(findSheet(one, RICH_SHEETS.roster)!.values).toEqual([]);
  });

  it('places a block that starts away from A1 at its real position, ignoring empty styled cells', async () => {
    const wb = openXlsx(
      withSheet3(
        `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData>` +
          '<row r="2"><c r="A2" s="1"/></row>' +
          '<row r="5"><c r="C5" t="inlineStr"><is><t>姓名</t></is></c><c r="D5"><v>7</v></c></row>' +
          '<row r="6"><c r="D6" t="inlineStr"><is><t></t></is></c><c r="E6" t="b"><v>0</v></c></row>' +
          '<row r="40"><c r="A40" s="1"/><c r="H40" s="1"/></row>' +
          '</sheetData></worksheet>',
      ),
    );
    const sheet = findSheet(await wb.read(), RICH_SHEETS.hidden)!;
    // The <dimension> says A1; the cells say C5:E6. Empty styled cells and '' count as empty.
    expect(sheet.origin).toEqual({ row: 4, col: 2 });
    expect(sheet.values).toEqual([
      ['姓名', 7],
      [null, null, false],
    ]);
    expect(cellAt(sheet, 4, 2)).toBe('姓名');
    // appendRows agrees on the last used row, so the conflict check does not fire falsely.
    await wb.apply({ ops: [{ kind: 'appendRows', sheet: RICH_SHEETS.hidden, rows: [['新行']], expectedLastRow: 5 }] });
    expect(cellAt(findSheet(await wb.read(), RICH_SHEETS.hidden)!, 6, 0)).toBe('新行');
  });

  it('turns ISO dates stored as t="d" into serials, as the core expects', async () => {
    const wb = openXlsx(
      withSheet3(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="d"><v>2015-03-12</v></c><c r="B1" t="d"><v>2024-02-29T12:00:00</v></c></row></sheetData></worksheet>`,
      ),
    );
    const sheet = findSheet(await wb.read(), RICH_SHEETS.hidden)!;
    expect(sheet.values[0][0]).toBe(toExcelSerial('2015-03-12'));
    expect(sheet.values[0][1]).toBeCloseTo(toExcelSerial('2024-02-29') + 0.5, 6);
  });

  it('reads a workbook whose parts use a namespace prefix, and writes into it', async () => {
    const wb = openXlsx(
      withSheet3(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`),
    );
    await wb.apply({
      ops: [
        { kind: 'appendRows', sheet: RICH_SHEETS.hidden, rows: [['追加', 2]], expectedLastRow: 0 },
        { kind: 'setCells', sheet: RICH_SHEETS.hidden, cells: [{ row: 0, col: 1, value: '旁边' }] },
      ],
    });
    const again = openXlsx(wb.save());
    expect(findSheet(await again.read(), RICH_SHEETS.hidden)!.values).toEqual([
      ['前缀', '旁边'],
      ['追加', 2],
    ]);
  });

  it('reads every sheet of a SheetJS-written workbook, shared strings included', async () => {
    const bytes = seedXlsx({
      sheets: [
        {
          name: 'A',
          rows: [
            ['x', 1],
            [true, { error: '#DIV/0!' }],
          ],
        },
        { name: 'B', rows: [[null, '全角１２３']] },
      ],
    });
    const book = await openXlsx(bytes).read();
    expect(findSheet(book, 'A')!.values).toEqual([
      ['x', 1],
      [true, { error: '#DIV/0!' }],
    ]);
    expect(findSheet(book, 'B')!.origin).toEqual({ row: 0, col: 1 });
    expect(findSheet(book, 'B')!.values).toEqual([['全角１２３']]);
  });

  it('offers the bare SheetJS read for the benchmark, with the same sheets', () => {
    const wb = readXlsxBare(richWorkbook());
    expect(wb.SheetNames).toEqual(Object.values(RICH_SHEETS));
  });
});
