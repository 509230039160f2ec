import { recordKey } from '../roster/types';
import type { CellValue } from '../cells';
import { createTymeCalendar } from '../calendar/tyme';
import { LOG_HEADERS, readLog, type ChildRecord } from '../contacts/log';
import { readContactSettings } from '../contacts/settings';
import '../i18n/all';
import { isDateCell } from '../plan/types';
import { SHEETS } from '../sheets';
import type { WorkbookSnapshot } from '../snapshot';
import { buildReminders } from './build';
import { OVERVIEW_FROM, remindersSheetOp, todayView } from './sheet';

const TODAY = '2026-11-30'; // a Monday
const tyme = createTymeCalendar();

function child(name: string, classLabel: string, row: number, extra: Partial<ChildRecord> = {}): ChildRecord {
  return { row, name, classLabel, birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false, ...extra };
}
const roster = [child('张三', '三(1)班', 2, { birthDate: '2016-12-03' }), child('李四', '三(1)班', 3), child('王晓明', '四(2)班', 4)];

function workbook(logRows: CellValue[][]): WorkbookSnapshot {
  return { sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [[...LOG_HEADERS], ...logRows] }] };
}

function generate(logRows: CellValue[][]) {
  const wb = workbook(logRows);
  const settings = readContactSettings(wb, TODAY);
  const log = readLog(wb, roster, TODAY);
  const result = buildReminders({
    today: TODAY,
    children: roster,
    log: log.entries,
    settings: settings.settings,
    calendar: tyme,
    mentorByChild: new Map([[recordKey({ row: 2 }), '刘老师']]),
    classTeachers: new Map([
      ['三(1)班', '陈老师'],
      ['四(2)班', '周老师'],
    ]),
  });
  return { ...result, findings: [...settings.findings, ...log.findings] };
}

describe('from the sheets to 提醒事项', () => {
  const logRows: CellValue[][] = [
    ['2026-11-27', '张三', '三(1)班', '谈心', '学生', '刘老师', '', '否'],
    ['2026.11.20', '张三', '', '家长电话', '母亲', '刘老师', '', '是', '2026-11-26'],
    ['2026年11月28日', '李四', '', '谈心', '学生', '陈老师'],
    ['2026-11-01', '王小明', '四(2)班', '谈心', '学生', '周老师'],
    ['下周一', '李四', '', '谈心'],
  ];

  it('writes a sheet that says today, warns about 2027, and marks what is overdue', () => {
    const r = generate(logRows);
    const op = remindersSheetOp(r.items, 'zh-CN', TODAY, r.calendarNotes);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    expect(op.sheet).toBe(SHEETS.reminders);
    expect(op.content.titleLines![0]).toBe(`提醒事项 · 今天 2026-11-30（星期一）· 共 ${r.items.length} 项`);
    expect(op.content.titleLines![1]).toBe('日历库没有 2027 年的法定节假日数据：2027 年的放假和调休按「设置」中学校填写的日期计算。');
    expect(op.content.columns.map((c) => c.header)).toEqual(['状态', '到期日', '学生', '班级', '事项', '负责人', '说明']);
    expect(op.content.highlights).toContainEqual(expect.objectContaining({ col: 0, equals: '逾期' }));
    // 到期日 is a date cell (sortable in Excel); show it as its ISO day here.
    const rows = op.content.rows.map((row) =>
      row
        .slice(0, 6)
        .map((c) => (isDateCell(c) ? c.date : c))
        .join(' '),
    );
    expect(op.content.rows.every((row) => isDateCell(row[1]))).toBe(true);
    expect(op.content.columns[1].format).toBe('date');
    expect(rows).toContain('逾期 2026-11-26 张三 三(1)班 跟进（家长电话） 刘老师');
    expect(rows).toContain('本周 2026-12-04 张三 三(1)班 谈心 刘老师');
    expect(rows).toContain('本周 2026-12-04 张三 三(1)班 给家长打电话 刘老师');
    expect(rows).toContain('今日 2026-11-30   开展师生结对帮扶活动 全校');
    expect(rows).toContain('本周 2026-12-03 张三 三(1)班 生日 刘老师');
    expect(rows).toContain('下周 2026-12-07 李四 三(1)班 谈心 陈老师');
    // The renamed child: the old name's row no longer counts, the new name starts from term start.
    expect(rows).toContain('逾期 2026-09-08 王晓明 四(2)班 谈心 周老师');
    expect(rows.some((x) => x.includes('王小明'))).toBe(false);
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['log-child-unknown', 'log-date-invalid']);
    const statuses = op.content.rows.map((row) => row[0]);
    expect(statuses.indexOf('逾期')).toBe(0);
    expect(statuses.lastIndexOf('逾期')).toBeLessThan(statuses.indexOf('本周'));
  });

  it('writes English when asked', () => {
    const r = generate(logRows);
    const op = remindersSheetOp(r.items, 'en-US', TODAY, r.calendarNotes);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    expect(op.content.columns.map((c) => c.header)).toEqual(['Status', 'Due', 'Child', 'Class', 'What', 'Responsible', 'Notes']);
    expect(op.content.titleLines![1]).toContain('No holiday data for 2027');
    expect(op.content.rows[0][0]).toBe('Overdue');
    expect(op.content.highlights).toContainEqual(expect.objectContaining({ equals: 'Overdue' }));
  });

  it('opens with one overview row per class once a large school has more items than the bound', () => {
    // 400 children in three classes and one without a class, none talked with yet: thousands of items.
    const many = Array.from({ length: 400 }, (_, i) => child(`学生${i}`, i % 4 === 3 ? (null as unknown as string) : ['三(1)班', '三(2)班', '四(1)班'][i % 4], 10 + i));
    const settings = readContactSettings(workbook([]), TODAY);
    const r = buildReminders({ today: TODAY, children: many, log: [], settings: settings.settings, calendar: tyme, mentorByChild: new Map(), classTeachers: new Map() });
    expect(r.items.length).toBeGreaterThan(OVERVIEW_FROM);
    const op = remindersSheetOp(r.items, 'zh-CN', TODAY, r.calendarNotes);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    const { rows, titleLines } = op.content;
    expect(titleLines).toContain('事项较多：前 4 行是各班汇总，每名学生同一状态的联系事项合为一行；在“班级”或“负责人”列筛选，查看本班或本人的明细。');
    // Below the overview, a child's contact items of one status share a row; every item is still named once.
    const contactKey = (it: (typeof r.items)[number]) => (it.kind === 'contact' && it.child ? `${recordKey(it.child)}|${it.status}` : null);
    const keys = r.items.map(contactKey);
    const expectedRows = keys.filter((k) => k === null).length + new Set(keys.filter((k) => k !== null)).size;
    expect(expectedRows).toBeLessThan(r.items.length / 2);
    expect(rows).toHaveLength(expectedRows + 4);
    expect(rows.slice(4).reduce((n, row) => n + String(row[4]).split('、').length, 0)).toBe(r.items.length);
    const first = rows.slice(4).find((row) => row[2] === '学生1' && row[0] === '逾期')!;
    expect(String(first[4]).split('、')).toEqual(expect.arrayContaining(['谈心', '给家长打电话']));
    const overview = rows.slice(0, 4);
    expect(overview.map((row) => [row[0], row[3]])).toEqual([
      ['汇总', '三(1)班'],
      ['汇总', '三(2)班'],
      ['汇总', '四(1)班'],
      ['汇总', ''],
    ]);
    const inClass = (label: string) => r.items.filter((it) => it.child && (it.child.classLabel ?? '') === label);
    const overdue = inClass('三(2)班').filter((it) => it.status === 'overdue').length;
    expect(overdue).toBeGreaterThan(0);
    expect(overview[1][4]).toBe(
      `本班共 ${inClass('三(2)班').length} 项：逾期 ${overdue} 项，本周到期 ${inClass('三(2)班').filter((it) => it.status === 'today' || it.status === 'thisWeek').length} 项`,
    );
    expect(rows.slice(4).every((row) => row[0] !== '汇总')).toBe(true);
    // A small school's sheet has no overview (the test above): the bound keeps today's layout there.
    expect(generate(logRows).items.length).toBeLessThan(OVERVIEW_FROM);
  });

  it('gives a teacher the counts and the list for the 今日 view', () => {
    const r = generate(logRows);
    const mine = todayView(r.items, ' 刘老师 ');
    const liu = r.items.filter((i) => i.owner === '刘老师');
    expect(mine.overdue).toBe(liu.filter((i) => i.status === 'overdue').length);
    expect(mine.overdue).toBeGreaterThan(0);
    expect(mine.dueThisWeek).toBe(liu.filter((i) => i.status === 'today' || i.status === 'thisWeek').length);
    expect(mine.dueThisWeek).toBeGreaterThan(0); // the birthday on 12-03
    expect(mine.items.every((i) => i.owner === '刘老师' || i.child === null)).toBe(true);
    expect(mine.items.some((i) => i.child?.name === '李四')).toBe(false);
    expect(mine.items.some((i) => i.kind === 'schedule')).toBe(true); // school-wide items reach every teacher
    expect(todayView(r.items, '无此人')).toMatchObject({ overdue: 0, dueThisWeek: 0 });
  });
});
