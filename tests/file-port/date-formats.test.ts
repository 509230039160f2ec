/**
 * Which numbers the file port reports as dates or times (SheetSnapshot.dateFormats), read from real
 * .xlsx files: written by SheetJS (another writer than the port), and written by hand where Excel
 * writes what SheetJS cannot (a format by built-in id alone, a 1904 workbook with a namespace prefix).
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { toExcelSerial } from '../../src/core/dates';
import { checkRoster } from '../../src/core/roster';
import { cellAt, dateFormatAt, findSheet, type SheetSnapshot } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { dateFormatKind } from '../../src/core/dateFormats';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

type Cells = Record<string, XLSX.CellObject>;

function sheetJsWorkbook(cells: Cells, options: { date1904?: boolean } = {}): Uint8Array {
  const ws: XLSX.WorkSheet = { ...cells };
  const refs = Object.keys(cells).map((a) => XLSX.utils.decode_cell(a));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(...refs.map((a) => a.r)), c: Math.max(...refs.map((a) => a.c)) } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  if (options.date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { ...(wb.Workbook?.WBProps ?? {}), date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A package written by hand, as Excel writes it: styles by id, optionally with an `x:` prefix everywhere. */
function handWorkbook(o: { numFmts?: string; cellXfs: string; sheetData: string; workbookPr?: string; prefix?: string }): Uint8Array {
  const p = o.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/theStyles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
    'xl/workbook.xml': HEAD + `<${p}workbook ${ns} xmlns:r="${R}">${o.workbookPr ?? ''}<${p}sheets><${p}sheet name="花名册" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels':
      HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/styles" Target="theStyles.xml"/>` +
      '</Relationships>',
    // Styles at a non-default path: the port must find them the way SheetJS does, by content type.
    'xl/theStyles.xml':
      HEAD +
      `<${p}styleSheet ${ns}>${o.numFmts ?? ''}` +
      `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
      `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
      `<${p}borders count="1"><${p}border/></${p}borders>` +
      `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
      `<${p}cellXfs>${o.cellXfs}</${p}cellXfs>` +
      // A differential format defining id 31 must not count as a definition of the cell format 31.
      `<${p}dxfs count="1"><${p}dxf><${p}numFmt numFmtId="31" formatCode="0.00"/></${p}dxf></${p}dxfs>` +
      `</${p}styleSheet>`,
    'xl/worksheets/sheet1.xml': HEAD + `<${p}worksheet ${ns}><${p}sheetData>${o.sheetData}</${p}sheetData></${p}worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const xf = (numFmtId: number, p = '') => `<${p}xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;

async function readRoster(bytes: Uint8Array): Promise<SheetSnapshot> {
  return findSheet(await openXlsx(bytes).read(), '花名册')!;
}

describe('date-formatted cells in the file port snapshot', () => {
  it('reports date, date-time and time cells as runs per column, and leaves the values as serials', async () => {
    const birth = toExcelSerial('2012-11-21');
    const cells: Cells = {
      A1: { t: 's', v: '出生日期' },
      B1: { t: 's', v: '谈心时间' },
      C1: { t: 's', v: '时刻' },
      D1: { t: 's', v: '其他' },
      A2: { t: 'n', v: birth, z: 'yyyy-mm-dd' },
      B2: { t: 'n', v: birth + 0.5, z: 'yyyy/m/d h:mm' },
      C2: { t: 'n', v: 0.75, z: 'h:mm' },
      D2: { t: 'n', v: 3.5, z: '0.00' },
      A3: { t: 'n', v: birth + 1, z: 'yyyy"年"m"月"d"日"' },
      B3: { t: 'n', v: birth + 0.25, z: 'm/d/yy h:mm' },
      C3: { t: 'n', v: 0.5, z: 'h:mm:ss AM/PM' },
      D3: { t: 'n', v: 0.5, z: '0%' },
      // Text in a date column (a teacher typed it) is not a date cell; it splits the column's run.
      A4: { t: 's', v: '2012.11.23' },
      B4: { t: 'n', v: 1.5, z: '[h]:mm:ss' },
      C4: { t: 'n', v: 0.1, z: 'mm:ss' },
      D4: { t: 'n', v: 12345, z: '0.00E+00' },
      A5: { t: 'n', v: birth + 3, z: 'yyyy-mm-dd' },
      D5: { t: 'n', v: 7 },
      // A blank row, then the same date format again: a new run.
      A7: { t: 'n', v: birth + 5, z: 'yyyy-mm-dd' },
    };
    const sheet = await readRoster(sheetJsWorkbook(cells));
    expect(sheet.dateFormats).toEqual({
      date1904: false,
      columns: {
        0: [
          { firstRow: 1, lastRow: 2, kind: 'date' },
          { firstRow: 4, lastRow: 4, kind: 'date' },
          { firstRow: 6, lastRow: 6, kind: 'date' },
        ],
        1: [{ firstRow: 1, lastRow: 2, kind: 'dateTime' }],
        2: [{ firstRow: 1, lastRow: 3, kind: 'time' }],
      },
    });
    expect(cellAt(sheet, 1, 0)).toBe(birth); // the core still works in serials
    expect(cellAt(sheet, 1, 1)).toBe(birth + 0.5);
    expect([dateFormatAt(sheet, 3, 0), dateFormatAt(sheet, 5, 0), dateFormatAt(sheet, 3, 1), dateFormatAt(sheet, 1, 3), dateFormatAt(sheet, 0, 0)]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("reads a 1904 workbook's dates in the 1900 system the core uses, and says where they came from", async () => {
    const bytes = sheetJsWorkbook({ A1: { t: 's', v: '出生日期' }, A2: { t: 'n', v: toExcelSerial('2012-11-21') - 1462, z: 'yyyy-mm-dd' } }, { date1904: true });
    const sheet = await readRoster(bytes);
    expect(sheet.dateFormats?.date1904).toBe(true);
    expect(sheet.dateFormats?.columns[0]).toEqual([{ firstRow: 1, lastRow: 1, kind: 'date' }]);
    expect(cellAt(sheet, 1, 0)).toBe(toExcelSerial('2012-11-21')); // stored counted from 1904, read as the same day
    // 1904-01-01 is 1904 serial 0, and there is no phantom leap day in that system.
    const edges = await readRoster(
      sheetJsWorkbook(
        { A1: { t: 'n', v: 0, z: 'yyyy-mm-dd' }, A2: { t: 'n', v: 60, z: 'yyyy-mm-dd' }, A3: { t: 'n', v: 0.25, z: 'hh:mm' }, A4: { t: 'n', v: 60 } },
        { date1904: true },
      ),
    );
    expect([0, 1, 2, 3].map((r) => cellAt(edges, r, 0))).toEqual([toExcelSerial('1904-01-01'), toExcelSerial('1904-03-01'), 0.25, 60]);
    const plain = await readRoster(sheetJsWorkbook({ A1: { t: 'n', v: 1, z: 'yyyy-mm-dd' } }));
    expect(plain.dateFormats?.date1904).toBe(false);
  });

  it('lets the roster check read the birth dates of a 1904 workbook as the days the teacher typed', async () => {
    const born = ['2014-03-05', '2015-12-31'];
    const cells: Cells = { A1: { t: 's', v: '姓名' }, B1: { t: 's', v: '性别' }, C1: { t: 's', v: '出生日期' }, D1: { t: 's', v: '年级' }, E1: { t: 's', v: '班级' } };
    born.forEach((d, i) => {
      const r = i + 2;
      Object.assign(cells, {
        [`A${r}`]: { t: 's', v: ['王小明', '李红'][i] },
        [`B${r}`]: { t: 's', v: ['男', '女'][i] },
        [`C${r}`]: { t: 'n', v: toExcelSerial(d) - 1462, z: 'yyyy-mm-dd' },
        [`D${r}`]: { t: 'n', v: 4 },
        [`E${r}`]: { t: 's', v: '四(1)班' },
      });
    });
    const snapshot = await openXlsx(sheetJsWorkbook(cells, { date1904: true })).read();
    const check = checkRoster(snapshot, { today: '2026-11-29' });
    expect(check.records.map((r) => r.birthDate)).toEqual(born);
  });

  it('knows the zh-CN built-in date ids Excel writes without a format code, with or without a namespace prefix', async () => {
    for (const prefix of ['', 'x:']) {
      const p = prefix;
      const bytes = handWorkbook({
        prefix,
        workbookPr: `<${p}workbookPr date1904="1"/>`,
        // 0 General, 31 yyyy"年"m"月"d"日", 32 h"时"mm"分", 58 m"月"d"日", 22 m/d/yy h:mm, 3 #,##0
        cellXfs: [0, 31, 32, 58, 22, 3].map((id) => xf(id, p)).join(''),
        sheetData:
          `<${p}row r="1"><${p}c r="A1" s="1"><${p}v>39770</${p}v></${p}c><${p}c r="B1" s="2"><${p}v>0.5</${p}v></${p}c><${p}c r="C1" s="3"><${p}v>39771</${p}v></${p}c>` +
          `<${p}c r="D1" s="4"><${p}v>39770.25</${p}v></${p}c><${p}c r="E1" s="5"><${p}v>39770</${p}v></${p}c><${p}c r="F1" s="0"><${p}v>39770</${p}v></${p}c></${p}row>`,
      });
      const sheet = await readRoster(bytes);
      expect([prefix, sheet.dateFormats]).toEqual([
        prefix,
        {
          date1904: true,
          columns: {
            0: [{ firstRow: 0, lastRow: 0, kind: 'date' }],
            1: [{ firstRow: 0, lastRow: 0, kind: 'time' }],
            2: [{ firstRow: 0, lastRow: 0, kind: 'date' }],
            3: [{ firstRow: 0, lastRow: 0, kind: 'dateTime' }],
          },
        },
      ]);
      // Dates moved into the 1900 system; a time alone, a plain number and a General cell as they are.
      expect(sheet.values).toEqual([[39770 + 1462, 0.5, 39771 + 1462, 39770.25 + 1462, 39770, 39770]]);
    }
  });

  it('supplies the built-in ids whether the styles have no numFmts, an empty one, or other formats', async () => {
    const sheetData = '<row r="1"><c r="A1" s="1"><v>39770</v></c><c r="B1" s="2"><v>39770.5</v></c></row>';
    for (const numFmts of [undefined, '<numFmts count="0"/>', '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>']) {
      const sheet = await readRoster(handWorkbook({ numFmts, cellXfs: xf(0) + xf(31) + xf(164), sheetData }));
      expect([numFmts, sheet.dateFormats?.columns]).toEqual([numFmts, { 0: [{ firstRow: 0, lastRow: 0, kind: 'date' }] }]);
    }
  });

  it('lets a format the workbook defines win over the built-in meaning of its id', async () => {
    const bytes = handWorkbook({
      numFmts: '<numFmts count="2"><numFmt numFmtId="31" formatCode="0.00"/><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>',
      cellXfs: xf(0) + xf(31) + xf(176),
      sheetData: '<row r="1"><c r="A1" s="1"><v>39770</v></c><c r="B1" s="2"><v>39770</v></c></row>',
    });
    const sheet = await readRoster(bytes);
    expect(sheet.dateFormats).toEqual({ date1904: false, columns: { 1: [{ firstRow: 0, lastRow: 0, kind: 'date' }] } });
  });

  it('keeps a 20,000-row date column as one run', async () => {
    const cells: Cells = { A1: { t: 's', v: '出生日期' } };
    for (let r = 1; r <= 20_000; r++) cells[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 'n', v: 40000 + (r % 3000), z: 'yyyy-mm-dd' };
    const sheet = await readRoster(sheetJsWorkbook(cells));
    expect(sheet.dateFormats?.columns).toEqual({ 0: [{ firstRow: 1, lastRow: 20_000, kind: 'date' }] });
    expect(dateFormatAt(sheet, 20_000, 0)).toBe('date');
    expect(dateFormatAt(sheet, 20_001, 0)).toBeNull();
  });

  it('reports no date cells for a workbook without styles', async () => {
    const bytes = sheetJsWorkbook({ A1: { t: 'n', v: 41234 } });
    const sheet = await readRoster(bytes);
    expect(sheet.dateFormats).toEqual({ date1904: false, columns: {} });
  });
});

describe('dateFormatKind', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['m/d/yy', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[$-804]yyyy"年"m"月"', 'date'],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', 'date'],
    ['d-mmm-yy', 'date'],
    ['mmmm', 'date'],
    ['dddd', 'date'],
    ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
    ['h:mm', 'time'],
    ['hh:mm:ss', 'time'],
    ['mm:ss', 'time'],
    ['h:mm AM/PM', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['[$-F400]h:mm:ss AM/PM', 'time'],
    ['yyyy/m/d h:mm', 'dateTime'],
    ['m/d/yy h:mm', 'dateTime'],
    ['yyyy-mm-dd hh:mm:ss', 'dateTime'],
    ['General', null],
    ['0', null],
    ['0.00', null],
    ['#,##0', null],
    ['0%', null],
    ['0.00E+00', null],
    ['@', null],
    ['"$"#,##0_);[Red]("$"#,##0)', null],
    ['0"天"', null],
    ['[Red]0.00', null],
    ['[h]:mm:ss', null],
    ['[mm]:ss', null],
    ['\\d0', null],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', null],
    // Only the first section counts: a number format whose negative section quotes letters stays a number.
    ['0;"d"0', null],
    ['yyyy-mm-dd;@', 'date'],
  ])('%s is %s', (code, kind) => {
    expect(dateFormatKind(code)).toBe(kind);
  });
});
