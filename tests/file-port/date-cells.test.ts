/** Date cells and the one number-format table through the file port, checked with another reader (SheetJS). */
import * as XLSX from '@e965/xlsx';
import { LOG_HEADERS, logEntryOp, readLog, type ChildRecord } from '../../src/core/contacts/log';
import { toExcelSerial } from '../../src/core/dates';
import { DATE_FORMAT_CODE, FORMAT_CODE } from '../../src/core/plan/formats';
import type { SheetContent } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/sheets';
import { dateFormatAt, findSheet } from '../../src/core/snapshot';
import { openXlsx } from '../../src/workbook/file';
import { savedNumberFormat, seedXlsx } from './seed';

const children: ChildRecord[] = ['张三', '李四'].map((name, row) => ({ row, name, classLabel: '三(1)班', birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false }));
const typed = [toExcelSerial('2026-11-20'), '张三', '三(1)班', '谈心', '学生', '陈老师', '学习', '否'];

function logBook() {
  return openXlsx(seedXlsx({ sheets: [{ name: SHEETS.log, rows: [[...LOG_HEADERS], typed] }] }));
}

function cellOf(bytes: Uint8Array, sheet: string, ref: string, cellDates = false): XLSX.CellObject {
  return XLSX.read(bytes, { type: 'array', cellNF: true, cellDates }).Sheets[sheet][ref];
}

describe('file port: date cells', () => {
  it('appends the talk log as numbers with the date format, read back by the core as the same days', async () => {
    const wb = logBook();
    const op = logEntryOp(
      [{ date: '2026-11-29', children: [children[1]], kind: 'parentCall', target: '母亲', recorder: '陈老师', content: '=期末', followUp: true, followUpDue: '2026-12-06' }],
      await wb.read(),
    );
    await wb.apply({ ops: [op] });
    const bytes = wb.save();
    expect([cellOf(bytes, SHEETS.log, 'A3').t, cellOf(bytes, SHEETS.log, 'A3').v]).toEqual(['n', toExcelSerial('2026-11-29')]);
    expect(savedNumberFormat(bytes, SHEETS.log, 2, 0)).toBe(DATE_FORMAT_CODE);
    expect(savedNumberFormat(bytes, SHEETS.log, 2, 8)).toBe(DATE_FORMAT_CODE);
    // The text next to it is still literal text in its own format.
    expect([cellOf(bytes, SHEETS.log, 'G3').t, cellOf(bytes, SHEETS.log, 'G3').v]).toEqual(['s', '=期末']);
    expect(savedNumberFormat(bytes, SHEETS.log, 2, 6)).not.toBe(DATE_FORMAT_CODE);
    // Reopened, the port's own reader reports the cells as dates and the core reads the same days.
    const book = await openXlsx(bytes).read();
    const log = findSheet(book, SHEETS.log)!;
    expect(dateFormatAt(log, 2, 0)).toBe('date');
    const read = readLog(book, children, '2026-12-01');
    expect(read.findings).toEqual([]);
    expect(read.entries.map((e) => [e.date, e.child, e.followUpDue])).toEqual([
      ['2026-11-20', 0, null],
      ['2026-11-29', 1, '2026-12-06'],
    ]);
  });

  it('undo of an append with date cells returns the package as it was', async () => {
    const wb = logBook();
    const before = wb.save();
    await wb.apply({ ops: [logEntryOp([{ date: '2026-11-29', children, kind: 'talk', recorder: '陈老师', content: '谈心' }], await wb.read())] });
    expect(cellOf(wb.save(), SHEETS.log, 'A4').v).toBe(toExcelSerial('2026-11-29'));
    await wb.undoLast!();
    expect(wb.save()).toEqual(before);
  });

  it('replaceSheet and setCells write date cells as dates over a text column', async () => {
    const wb = openXlsx(
      seedXlsx({
        sheets: [
          {
            name: '设置',
            rows: [
              ['设置项', '值'],
              ['学期开始', '2026-09-01'],
            ],
          },
        ],
      }),
    );
    const content: SheetContent = {
      columns: [
        { header: '到期日', format: 'text', wrap: true },
        { header: '占比', format: 'percent' },
      ],
      rows: [
        [{ date: '2026-12-04' }, 0.063],
        [{ date: 'not-a-date' }, 1],
      ],
    };
    await wb.apply({
      ops: [
        { kind: 'replaceSheet', sheet: SHEETS.reminders, content },
        { kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 1, value: { date: '2026-09-01' } }] },
      ],
    });
    const bytes = wb.save();
    expect([cellOf(bytes, SHEETS.reminders, 'A2').t, cellOf(bytes, SHEETS.reminders, 'A2').v]).toEqual(['n', toExcelSerial('2026-12-04')]);
    expect(savedNumberFormat(bytes, SHEETS.reminders, 1, 0)).toBe(DATE_FORMAT_CODE);
    // Not a real day: written as its text, never a wrong date.
    expect([cellOf(bytes, SHEETS.reminders, 'A3').t, cellOf(bytes, SHEETS.reminders, 'A3').v]).toEqual(['s', 'not-a-date']);
    expect(savedNumberFormat(bytes, SHEETS.reminders, 2, 0)).toBe('@');
    // The one percent format, as the Office port writes it.
    expect(savedNumberFormat(bytes, SHEETS.reminders, 1, 1)).toBe(FORMAT_CODE.percent);
    expect(cellOf(bytes, SHEETS.reminders, 'B2').w).toBe('6.3%');
    expect([cellOf(bytes, '设置', 'B2').t, cellOf(bytes, '设置', 'B2').v]).toEqual(['n', toExcelSerial('2026-09-01')]);
    expect(savedNumberFormat(bytes, '设置', 1, 1)).toBe(DATE_FORMAT_CODE);
  });

  it('writes the day the plan says in a workbook of the 1904 date system', async () => {
    const seed = XLSX.read(seedXlsx({ sheets: [{ name: SHEETS.log, rows: [[...LOG_HEADERS]] }] }), { type: 'array' });
    seed.Workbook = { ...(seed.Workbook ?? {}), WBProps: { ...(seed.Workbook?.WBProps ?? {}), date1904: true } };
    const wb = openXlsx(new Uint8Array(XLSX.write(seed, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    await wb.apply({
      ops: [
        { kind: 'appendRows', sheet: SHEETS.log, rows: [[{ date: '2026-11-29' }, '张三']] },
        { kind: 'replaceSheet', sheet: SHEETS.reminders, content: { columns: [{ header: '到期日', format: 'date' }], rows: [[{ date: '2026-12-04' }]] } },
      ],
    });
    const bytes = wb.save();
    expect(cellOf(bytes, SHEETS.log, 'A2').v).toBe(toExcelSerial('2026-11-29') - 1462);
    // SheetJS, honouring the workbook's date system, shows the same calendar day.
    const shown = (sheet: string, ref: string) => cellOf(bytes, sheet, ref, true).v as Date;
    const ymd = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    expect(ymd(shown(SHEETS.log, 'A2'))).toEqual([2026, 11, 29]);
    expect(ymd(shown(SHEETS.reminders, 'A2'))).toEqual([2026, 12, 4]);
  });
});
