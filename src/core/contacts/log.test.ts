import fc from 'fast-check';
import type { CellValue } from '../cells';
import { toExcelSerial } from '../dates';
import { t } from '../i18n';
import '../i18n/all';
import { isDateCell, planCellValue } from '../plan/types';
import { SHEETS } from '../sheets';
import type { WorkbookSnapshot } from '../snapshot';
import { LOG_HEADERS, logEntryOp, logSheetOp, readLog, type ChildRecord } from './log';

const TODAY = '2026-11-29';

function child(name: string, classLabel: string | null, row: number, extra: Partial<ChildRecord> = {}): ChildRecord {
  return { row, name, classLabel, birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false, ...extra };
}

const roster: ChildRecord[] = [
  child('张三', '三(1)班', 2),
  child('李四', '三(1)班', 3),
  child('王芳', '三(1)班', 4),
  child('王芳', '四(2)班', 5),
  child('阿依古丽·买买提', '四(2)班', 6),
];

function logBook(rows: CellValue[][], above: CellValue[][] = []): WorkbookSnapshot {
  return { sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [...above, [...LOG_HEADERS], ...rows] }] };
}
const row = (date: CellValue, name: CellValue, kind: CellValue = '谈心', extra: CellValue[] = []): CellValue[] => [date, name, '', kind, '学生', '陈老师', '聊了学习', ...extra];

describe('the 谈心记录 template', () => {
  it('is a table with the nine columns and the dropdowns', () => {
    const op = logSheetOp({ students: { sheet: '花名册', col: 1, firstRow: 3 }, recorders: { sheet: SHEETS.mentors, col: 0, firstRow: 1 } });
    if (op.kind !== 'createSheetIfMissing') throw new Error(op.kind);
    expect(op.sheet).toBe(SHEETS.log);
    expect(op.content.columns.map((c) => c.header)).toEqual(['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限']);
    expect(op.content.table?.name).toBeTruthy();
    const v = (i: number) => op.content.columns[i].validation;
    expect(v(1)).toEqual({ sourceSheet: '花名册', sourceCol: 1, firstRow: 3 });
    expect(v(3)).toEqual({ list: ['谈心', '家长电话', '监护人联系', '家访', '亲情电话', '学习辅导', '生活照顾', '活动', '其他'] });
    expect(v(4)).toEqual({ list: ['学生', '父亲', '母亲', '监护人', '其他'] });
    expect(v(5)).toEqual({ sourceSheet: SHEETS.mentors, sourceCol: 0, firstRow: 1 });
    expect(op.content.rows).toEqual([]);
    // Without sources the roster-fed dropdowns are simply absent.
    const bare = logSheetOp();
    if (bare.kind !== 'createSheetIfMissing') throw new Error(bare.kind);
    expect(bare.content.columns[1].validation).toBeUndefined();
  });
});

describe('logEntryOp', () => {
  it('appends one row per child in one op, the class from the roster', () => {
    const wb = logBook([row('2026-11-20', '张三')]);
    const op = logEntryOp([{ date: '2026-11-29', children: [roster[0], roster[1], roster[3]], kind: 'activity', recorder: '陈老师', content: '主题班会' }], wb);
    if (op.kind !== 'appendRows') throw new Error(op.kind);
    expect(op.sheet).toBe(SHEETS.log);
    expect(op.expectedLastRow).toBe(1);
    // The date is a date cell (a port writes a serial with a date format), not ISO text.
    expect(op.rows).toEqual([
      [{ date: '2026-11-29' }, '张三', '三(1)班', '活动', '学生', '陈老师', '主题班会', '否', ''],
      [{ date: '2026-11-29' }, '李四', '三(1)班', '活动', '学生', '陈老师', '主题班会', '否', ''],
      [{ date: '2026-11-29' }, '王芳', '四(2)班', '活动', '学生', '陈老师', '主题班会', '否', ''],
    ]);
    expect(op.rows.every((r) => isDateCell(r[0]))).toBe(true);
  });

  it("fills the usual 对象 for the kind, leaving a parent call's to the teacher", () => {
    const op = logEntryOp(
      (['talk', 'homeVisit', 'parentCall'] as const).map((kind) => ({ date: '2026-11-29', children: [roster[0]], kind, recorder: '陈老师', content: '' })),
      { sheets: [] },
    );
    if (op.kind !== 'appendRows') throw new Error(op.kind);
    expect(op.rows.map((r) => r[4])).toEqual(['学生', '监护人', '']);
  });

  it('records follow-ups and targets, and counts from the template header when the sheet is new', () => {
    const op = logEntryOp(
      [{ date: '2026-11-29', children: [roster[0]], kind: 'parentCall', target: '母亲', recorder: '陈老师', content: '=孩子感冒', followUp: true, followUpDue: '2026-12-03' }],
      { sheets: [] },
    );
    if (op.kind !== 'appendRows') throw new Error(op.kind);
    expect(op.expectedLastRow).toBe(0);
    // Text is passed as data; the port writes it literally (never a formula).
    expect(op.rows[0]).toEqual([{ date: '2026-11-29' }, '张三', '三(1)班', '家长电话', '母亲', '陈老师', '=孩子感冒', '是', { date: '2026-12-03' }]);
  });

  it('reads back what it writes', () => {
    const op = logEntryOp([{ date: '2026-11-28', children: [roster[2], roster[3]], kind: 'talk', recorder: '陈老师', content: '谈心' }], { sheets: [] });
    if (op.kind !== 'appendRows') throw new Error(op.kind);
    // As a port leaves it: the date cells become serials.
    const read = readLog(logBook(op.rows.map((r) => r.map(planCellValue))), roster, TODAY);
    expect(read.findings).toEqual([]);
    expect(planCellValue(op.rows[0][0])).toBe(toExcelSerial('2026-11-28'));
    expect(read.entries.map((e) => [e.child, e.kind, e.date, e.target, e.recorder])).toEqual([
      [2, 'talk', '2026-11-28', '学生', '陈老师'],
      [3, 'talk', '2026-11-28', '学生', '陈老师'],
    ]);
  });
});

describe('readLog', () => {
  it('reads dates typed by hand in any common form', () => {
    const read = readLog(
      logBook([row(toExcelSerial('2026-03-05'), '张三'), row('2026.3.6', '张三'), row('2026年3月7日', '张三'), row('2026/3/8', '张三'), row('２０２６－０３－０９', '张三')]),
      roster,
      TODAY,
    );
    expect(read.findings).toEqual([]);
    expect(read.entries.map((e) => e.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    expect(read.entries.map((e) => e.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('turns odd dates into findings, never a crash, and those rows count for nothing', () => {
    const read = readLog(
      logBook([
        row('上周三', '张三'),
        row({ error: '#VALUE!' }, '张三'),
        row('', '张三'),
        row('2026.2.30', '张三'),
        row('2027-01-05', '张三'),
        row('3月5日', '李四'),
        row('2026-11-01', '张三'),
      ]),
      roster,
      TODAY,
    );
    expect(read.entries.map((e) => [e.row, e.date])).toEqual([
      [6, '2026-03-05'],
      [7, '2026-11-01'],
    ]);
    expect(read.findings.map((f) => [f.row, f.rule, f.col])).toEqual([
      [1, 'log-date-invalid', 0],
      [2, 'log-date-invalid', 0],
      [3, 'log-date-invalid', 0],
      [4, 'log-date-invalid', 0],
      [5, 'log-date-future', 0],
      [6, 'log-date-assumed-year', 0],
    ]);
    const f = read.findings[0];
    expect(t('zh-CN', f.messageKey, f.params)).toBe('谈心记录 第2行：日期一栏填的不是日期（可能是列错位了），此行不计入提醒。');
    const g = read.findings[3];
    expect(t('zh-CN', g.messageKey, g.params)).toBe('谈心记录 第5行：无法识别日期「2026.2.30」，此行不计入提醒。请写成 2026-03-05 或 2026年3月5日。');
    expect(t('en-US', read.findings[4].messageKey, read.findings[4].params)).toContain('2027-01-05');
  });

  it('keeps a row whose child left the roster out of the count, with one finding per name and no name in it', () => {
    const read = readLog(logBook([row('2026-11-01', '赵六'), row('2026-11-08', '赵六'), row('2026-11-02', '张三')]), roster, TODAY);
    expect(read.entries.map((e) => e.row)).toEqual([3]);
    expect(read.findings).toHaveLength(1);
    expect(read.findings[0]).toMatchObject({ row: 2, rule: 'log-child-unknown', params: { row: 3, count: 2 } });
    expect(JSON.stringify(read.findings)).not.toContain('赵六');
  });

  it('tells repeated names apart by class, typed in any form', () => {
    const read = readLog(
      logBook([
        ['2026-11-01', '王芳', '三年级1班', '谈心'],
        ['2026-11-02', '王芳', '四（2）班', '谈心'],
        ['2026-11-03', '王芳', '', '谈心'],
        ['2026-11-04', '王芳', '五(1)班', '谈心'],
        ['2026-11-05', '王 芳', '三(1)班', '家访'],
      ]),
      roster,
      TODAY,
    );
    expect(read.entries.map((e) => [e.row, e.child])).toEqual([
      [1, 2],
      [2, 3],
      [5, 2],
    ]);
    expect(read.findings.map((f) => [f.row, f.rule, f.messageKey])).toEqual([
      [3, 'log-child-ambiguous', 'contacts.log.childAmbiguous'],
      [4, 'log-child-ambiguous', 'contacts.log.childAmbiguousClass'],
    ]);
  });

  it('reads kinds by synonym, several children in one cell, follow-ups, and a header under a title', () => {
    const read = readLog(
      logBook(
        [
          ['2026-11-01', '张三、李四', '', '主题班会', '学生', '陈老师', '班会', '否'],
          ['2026-11-02', '阿依古丽•买买提', '', '电话', '母亲', '陈老师', '感冒', '是', '2026-11-05'],
          ['2026-11-03', '张三', '', '聊天', '学生', '陈老师', '', ''],
          ['2026-11-04', '张三', '', '', '学生'],
          ['2026-11-04', '', '', '谈心'],
          ['2026-11-06', '李四', '', '家访', '监护人', '', '', 'Y', '下周'],
          [null, null, null, null],
          ['合计', 3],
        ],
        [['谈心记录（三年级）'], []],
      ),
      roster,
      TODAY,
    );
    expect(read.headerRow).toBe(2);
    expect(read.entries.map((e) => [e.row, e.child, e.kind, e.followUp, e.followUpDue])).toEqual([
      [3, 0, 'activity', false, null],
      [3, 1, 'activity', false, null],
      [4, 4, 'parentCall', true, '2026-11-05'],
      [8, 1, 'homeVisit', true, '2026-11-13'],
    ]);
    expect(read.findings.map((f) => [f.row, f.rule])).toEqual([
      [5, 'log-kind-unknown'],
      [6, 'log-kind-unknown'],
      [7, 'log-child-missing'],
      [8, 'log-follow-up-date-invalid'],
      [10, 'log-date-invalid'],
    ]);
  });

  it('never quotes a name or a phone number from a shifted column', () => {
    const read = readLog(
      logBook([
        ['张三', '2026-11-01', '', '谈心'],
        [13912345678, '张三', '', '谈心'],
        ['2026-11-01', '张三', '', '李四'],
        ['2026-11-01', '张三', '', '谈心', '学生', '', '', '是', '13912345678'],
      ]),
      roster,
      TODAY,
    );
    expect(read.findings.map((f) => f.rule)).toEqual(['log-date-invalid', 'log-date-invalid', 'log-kind-unknown', 'log-follow-up-date-invalid']);
    const texts = read.findings.map((f) => t('zh-CN', f.messageKey, f.params) + t('en-US', f.messageKey, f.params)).join('\n');
    expect(texts).not.toMatch(/张三|李四|13912345678/);
  });

  it('says so when there is no header, and reads nothing', () => {
    const read = readLog({ sheets: [{ name: SHEETS.log, origin: { row: 0, col: 0 }, values: [['随便写写'], ['2026-11-01', '张三']] }] }, roster, TODAY);
    expect(read.entries).toEqual([]);
    expect(read.findings.map((f) => f.rule)).toEqual(['log-header-missing']);
    expect(readLog({ sheets: [] }, roster, TODAY)).toEqual({ entries: [], findings: [], headerRow: -1 });
  });

  it('never throws, whatever is in the cells', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant({ error: '#N/A' }),
      fc.constantFrom('2026.3.5', '3月5日', '张三', '王芳', '谈心', '是', '2099-01-01', '三(1)班'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }), (rows) => {
        const read = readLog(logBook(rows), roster, TODAY);
        for (const e of read.entries) expect(e.date <= TODAY).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
