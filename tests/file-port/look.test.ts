/**
 * What the standalone grid shows beyond values (FileWorkbook.look): the links, hidden columns and charts
 * the port writes into generated sheets, and the fills and notes it puts on a teacher's cells; a link
 * written as Excel's own =HYPERLINK formula is read too.
 */
import * as XLSX from '@e965/xlsx';
import { cellKey } from '../../src/core/cellKey';
import { openXlsx } from '../../src/workbook/file';
import { parseLocation } from '../../src/workbook/file/look';

function roster(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['姓名', '监护人电话'],
    ['王小明', '1380000'],
  ]);
  // A link Excel writes from the Office port: a HYPERLINK formula with a cached value.
  ws['C2'] = { t: 's', v: 'B2', f: 'HYPERLINK("#\'花名册\'!B2","B2")' };
  ws['!ref'] = 'A1:C2';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('the look of a sheet in the file port', () => {
  it('reads back links, hidden columns, charts, fills and notes the port wrote', async () => {
    const port = openXlsx(roster());
    await port.apply({
      ops: [
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 1, col: 1, note: '电话号码位数不对', fill: '#FFC7CE' }] },
        {
          kind: 'replaceSheet',
          sheet: '校验结果',
          content: {
            titleLines: ['校验结果'],
            columns: [{ header: '单元格' }, { header: '覆盖率', format: 'percent' }, { header: '上次生成', hidden: true }],
            rows: [
              [{ text: 'B2', link: { sheet: '花名册', row: 1, col: 1 } }, 0.25, 'x'],
              ['一年级', 0.5, 'y'],
            ],
            charts: [{ type: 'column', title: '谈心覆盖率', rows: { first: 0, last: 1 }, categoryCol: 0, valueCols: [1] }],
          },
        },
      ],
    });
    const look = port.look('校验结果');
    expect(look.hiddenCols).toEqual([2]);
    // Title line in row 1, header in row 2, the link in A3.
    expect([...look.links]).toEqual([[cellKey(2, 0), { sheet: '花名册', row: 1, col: 1 }]]);
    expect(look.charts).toEqual([
      {
        type: 'column',
        title: '谈心覆盖率',
        categories: ['B2', '一年级'],
        series: [{ name: '覆盖率', values: [0.25, 0.5], formatCode: '0.0%' }],
        anchor: { row: 1, col: 4 },
      },
    ]);
    const marked = port.look('花名册');
    expect(marked.fills.get(cellKey(1, 1))).toBe('#FFC7CE');
    expect(marked.notes.get(cellKey(1, 1))).toContain('电话号码位数不对');
    expect(marked.fills.has(cellKey(1, 0))).toBe(false);
    expect(marked.links.get(cellKey(1, 2))).toEqual({ sheet: '花名册', row: 1, col: 1 });
    expect(marked.charts).toEqual([]);

    // Taken back: the look follows the workbook.
    await port.apply({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] });
    expect(port.look('花名册').fills.size).toBe(0);
    expect(port.look('花名册').notes.size).toBe(0);
  });

  it('reads the locations Excel and other writers use', () => {
    expect(parseLocation("'My ''Sheet'''!$B$7")).toEqual({ sheet: "My 'Sheet'", row: 6, col: 1 });
    expect(parseLocation('#花名册!C3')).toEqual({ sheet: '花名册', row: 2, col: 2 });
    expect(parseLocation('花名册!A1:B2')).toEqual({ sheet: '花名册', row: 0, col: 0 });
    expect(parseLocation('https://example.invalid/')).toBeNull();
    expect(parseLocation('名单')).toBeNull(); // a defined name: no cell to go to
  });
});
