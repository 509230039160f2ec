/** Date cells and the one number-format table through the Office port, over the Excel double. */
import { LOG_HEADERS, logEntryOp, logSheetOp, readLog, type ChildRecord } from '../../src/core/contacts/log';
import { toExcelSerial } from '../../src/core/dates';
import { DATE_FORMAT_CODE, FORMAT_CODE } from '../../src/core/plan/formats';
import type { SheetContent } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/sheets';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, type OfficeDouble } from '../office-double';

const children: ChildRecord[] = ['张三', '李四'].map((name, row) => ({ row, name, classLabel: '三(1)班', birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false }));

/**
 * A 谈心记录 set up by a teacher, with one row typed by hand. From ExcelApi 1.2 (used range of values)
 * the rows below are formatted as text, as teachers often do; on 1.1 formatted cells count as used, so
 * the append would (rightly) stop there.
 */
function teacherLog(d: OfficeDouble, api: number) {
  const s = d.state.addSheet(SHEETS.log).put(0, 0, [[...LOG_HEADERS], [toExcelSerial('2026-11-20'), '张三', '三(1)班', '谈心', '学生', '陈老师', '学习', '否']]);
  if (api >= 2) for (let r = 2; r < 20; r++) for (let c = 0; c < LOG_HEADERS.length; c++) s.ensure(r, c).nf = '@';
  return s;
}

describe.each([1, 20])('Office port date cells (ExcelApi 1.%i)', (api) => {
  it('appends the talk log with real dates that the core reads back as the same days', async () => {
    const d = createOfficeDouble({ api });
    const s = teacherLog(d, api);
    const port = createOfficePort(d.excel, d.office);
    const op = logEntryOp(
      [{ date: '2026-11-29', children: [children[1]], kind: 'parentCall', target: '母亲', recorder: '陈老师', content: '=期末', followUp: true, followUpDue: '2026-12-06' }],
      await port.read(),
    );
    await port.apply({ ops: [op] });
    // A number with the date format, even though the teacher's column was formatted as text.
    expect([s.cell(2, 0)?.v, s.cell(2, 0)?.t, s.cell(2, 0)?.nf]).toEqual([toExcelSerial('2026-11-29'), 'Double', DATE_FORMAT_CODE]);
    expect([s.cell(2, 8)?.v, s.cell(2, 8)?.t, s.cell(2, 8)?.nf]).toEqual([toExcelSerial('2026-12-06'), 'Double', DATE_FORMAT_CODE]);
    // Text cells keep the column's format and stay literal text.
    expect([s.cell(2, 6)?.v, s.cell(2, 6)?.t, s.cell(2, 6)?.nf ?? 'General']).toEqual(['=期末', 'String', api >= 2 ? '@' : 'General']);
    const log = readLog(await port.read(), children, '2026-12-01');
    expect(log.findings).toEqual([]);
    expect(log.entries.map((e) => [e.date, e.child, e.followUpDue])).toEqual([
      ['2026-11-20', 0, null],
      ['2026-11-29', 1, '2026-12-06'],
    ]);
  });

  it('a new 谈心记录 from the template gets date columns, and its first entry is a date', async () => {
    const d = createOfficeDouble({ api });
    const port = createOfficePort(d.excel, d.office);
    await port.apply({ ops: [logSheetOp(), logEntryOp([{ date: '2026-11-29', children: [children[0]], kind: 'talk', recorder: '陈老师', content: '谈心' }], { sheets: [] })] });
    const s = d.state.sheet(SHEETS.log)!;
    expect([s.cell(1, 0)?.v, s.cell(1, 0)?.nf]).toEqual([toExcelSerial('2026-11-29'), DATE_FORMAT_CODE]);
    // No follow-up: the deadline cell stays empty, with no date format forced on it.
    expect(s.cell(1, 8)?.v).toBeUndefined();
  });

  it('setCells and replaceSheet write date cells as dates, over a column formatted as text', async () => {
    const d = createOfficeDouble({ api });
    d.state.addSheet('设置').put(0, 0, [
      ['设置项', '值'],
      ['学期开始', '2026-09-01'],
    ]);
    const port = createOfficePort(d.excel, d.office);
    const content: SheetContent = {
      columns: [
        { header: '到期日', format: 'text' },
        { header: '占比', format: 'percent' },
      ],
      rows: [
        [{ date: '2026-12-04' }, 0.063],
        [{ date: 'not-a-date' }, 1],
      ],
    };
    await port.apply({
      ops: [
        { kind: 'replaceSheet', sheet: SHEETS.reminders, content },
        { kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 1, value: { date: '2026-09-01' } }] },
      ],
    });
    const r = d.state.sheet(SHEETS.reminders)!;
    expect([r.cell(1, 0)?.v, r.cell(1, 0)?.nf]).toEqual([toExcelSerial('2026-12-04'), DATE_FORMAT_CODE]);
    // A date cell whose date is not a real day is written as its text, never a wrong day.
    expect([r.cell(2, 0)?.v, r.cell(2, 0)?.t, r.cell(2, 0)?.nf]).toEqual(['not-a-date', 'String', '@']);
    // The one percent format, as the file port writes it.
    expect([r.cell(1, 1)?.nf, r.cell(2, 1)?.nf]).toEqual(['0.0%', '0.0%']);
    expect(FORMAT_CODE.percent).toBe('0.0%');
    const settings = d.state.sheet('设置')!;
    expect([settings.cell(1, 1)?.v, settings.cell(1, 1)?.nf]).toEqual([toExcelSerial('2026-09-01'), DATE_FORMAT_CODE]);
  });
});

// Below ExcelApi 1.20 the port keeps its own undo record (from 1.20 Excel's undo stack does it).
describe.each([1, 12])('Office port undo of date cells (ExcelApi 1.%i)', (api) => {
  it('undo of an append with date cells finds what it wrote and clears it', async () => {
    const d = createOfficeDouble({ api });
    const s = teacherLog(d, api);
    const port = createOfficePort(d.excel, d.office);
    const op = logEntryOp([{ date: '2026-11-29', children, kind: 'talk', recorder: '陈老师', content: '谈心' }], await port.read());
    const result = await port.apply({ ops: [op] });
    expect(result.undo).toBe('port');
    expect(s.cell(3, 0)?.v).toBe(toExcelSerial('2026-11-29'));
    const undone = await port.undoLast!();
    expect(undone.written).toEqual([{ sheet: SHEETS.log, what: 'cells', rows: 2 }]);
    expect([s.cell(2, 0)?.v, s.cell(3, 0)?.v, s.cell(2, 1)?.v]).toEqual([undefined, undefined, undefined]);
    // The cells get back the format they had before the append.
    const before = api >= 2 ? '@' : 'General';
    expect([s.cell(2, 0)?.nf ?? 'General', s.cell(3, 0)?.nf ?? 'General', s.cell(3, 8)?.nf ?? 'General']).toEqual([before, before, before]);
    expect(s.cell(1, 0)?.v).toBe(toExcelSerial('2026-11-20'));
    // Nothing left behind counts as used: the next entry goes where the undone one was.
    await port.apply({ ops: [logEntryOp([{ date: '2026-11-30', children: [children[0]], kind: 'talk', recorder: '陈老师', content: '补记' }], await port.read())] });
    expect([s.cell(2, 0)?.v, s.cell(2, 6)?.v]).toEqual([toExcelSerial('2026-11-30'), '补记']);
  });
});

describe.each([2, 20])('Office port in a 1904-date workbook (old Mac files; ExcelApi 1.%i)', (api) => {
  it("writes date cells in the workbook's own serials, 1,462 days smaller, and reads them back as the same days", async () => {
    const d = createOfficeDouble({ api });
    d.state.date1904 = true;
    const s = teacherLog(d, api);
    // The teacher's row as a 1904 workbook holds 2026-11-20: a date-formatted serial of its own system.
    s.put(1, 0, [[toExcelSerial('2026-11-20') - 1462]]);
    s.ensure(1, 0).nf = DATE_FORMAT_CODE;
    const port = createOfficePort(d.excel, d.office);
    const op = logEntryOp(
      [{ date: '2026-11-29', children: [children[1]], kind: 'talk', target: '学生', recorder: '陈老师', content: '谈心', followUp: true, followUpDue: '2026-12-06' }],
      await port.read(),
    );
    await port.apply({ ops: [op] });
    expect([s.cell(2, 0)?.v, s.cell(2, 8)?.v]).toEqual([toExcelSerial('2026-11-29') - 1462, toExcelSerial('2026-12-06') - 1462]);
    const log = readLog(await port.read(), children, '2026-12-01');
    expect(log.entries.map((e) => [e.date, e.followUpDue])).toEqual([
      ['2026-11-20', null],
      ['2026-11-29', '2026-12-06'],
    ]);
    // Undo compares what it finds with what it wrote, in the same system, and takes the row out.
    if (api < 20) {
      if (!port.undoLast) throw new Error('the Office port undoes below ExcelApi 1.20');
      await port.undoLast();
      expect(s.cell(2, 0)?.v ?? null).toBeNull();
    }
  });

  it('asks for the date system only when the plan writes dates', async () => {
    const d = createOfficeDouble({ api });
    d.state.date1904 = true;
    const port = createOfficePort(d.excel, d.office);
    const before = d.stats.syncs.length;
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: '无日期', content: { columns: [{ header: 'x' }], rows: [['a']] } }] });
    const looked = d.stats.syncs.slice(before);
    await port.apply({ ops: [{ kind: 'replaceSheet', sheet: '有日期', content: { columns: [{ header: 'x', format: 'date' }], rows: [[{ date: '2026-11-29' }]] } }] });
    expect(d.stats.syncs.length - before - looked.length).toBe(looked.length); // the probe rides in the look: no extra sync
    expect(d.state.sheet('有日期')?.cell(1, 0)?.v).toBe(toExcelSerial('2026-11-29') - 1462);
  });
});
