import fc from 'fast-check';
import type { CellValue } from '../cells';
import { toExcelSerial } from '../dates';
import { SHEETS } from '../sheets';
import type { WorkbookSnapshot } from '../snapshot';
import { lifeFigures } from './figures';
import { lifeTemplateOp, LIFE_SHEETS } from './templates';
import { readLife, type LifeChild } from './read';
import { ACTIVITY_TYPES } from './types';

const TODAY = '2026-11-30';
const CHILDREN: LifeChild[] = [
  { name: '张小明', classLabel: '三(1)班', registered: ['张大山', '张建国'] },
  { name: '李小红', classLabel: '三(1)班', registered: ['李秀英'] },
  { name: '王小刚', classLabel: '五(2)班', registered: ['王春花'] },
];
const book = (...sheets: [string, CellValue[][]][]): WorkbookSnapshot => ({ sheets: sheets.map(([name, values]) => ({ name, origin: { row: 0, col: 0 }, values })) });
const rules = (r: ReturnType<typeof readLife>) => r.findings.map((f) => `${f.sheet}!${f.row + 1}:${f.col}:${f.rule}`);

describe('templates', () => {
  it.each(LIFE_SHEETS)('%s is created only when missing, as a table with a title line', (sheet) => {
    const op = lifeTemplateOp(sheet);
    expect(op.kind).toBe('createSheetIfMissing');
    if (op.kind !== 'createSheetIfMissing') return;
    expect(op.sheet).toBe(sheet);
    expect(op.content.table?.name).toMatch(/Table$/);
    expect(op.content.rows).toEqual([]);
    expect(op.content.titleLines).toHaveLength(1);
  });

  it('reads back its own template: every required column found, no finding', () => {
    const values = (s: (typeof LIFE_SHEETS)[number]) => {
      const op = lifeTemplateOp(s);
      return op.kind === 'createSheetIfMissing' ? [[op.content.titleLines![0]], op.content.columns.map((c) => c.header)] : [];
    };
    const r = readLife(book(...LIFE_SHEETS.map((s): [string, CellValue[][]] => [s, values(s)])), CHILDREN, TODAY);
    expect(r.findings).toEqual([]);
  });

  it('has the dropdowns the issue names', () => {
    const op = lifeTemplateOp(SHEETS.activities);
    if (op.kind !== 'createSheetIfMissing') throw new Error('kind');
    expect(op.content.columns.find((c) => c.header === '类型')?.validation).toEqual({ list: ACTIVITY_TYPES });
    const fund = lifeTemplateOp(SHEETS.fund);
    if (fund.kind !== 'createSheetIfMissing') throw new Error('kind');
    expect(fund.content.columns.find((c) => c.header === '收支')?.validation).toEqual({ list: ['收入', '支出'] });
  });
});

describe('活动记录', () => {
  it('reads synonyms, full-width digits and dates in any form; counts children named in the period', () => {
    const r = readLife(
      book([
        SHEETS.activities,
        [
          ['活动日期', '活动内容', '活动类型', '组织者', '参加人员'],
          ['２０２６年１０月１日', '国庆联欢', '文体活动', '陈老师', '全体留守儿童'],
          [toExcelSerial('2026-11-05'), '故事会', '班会', '陈老师', '三（1）班'],
          ['2026.11.20', '生日会', '生日会', '刘老师', '张小明、赵无名'],
          ['不知道', '手抄报', '', '', '王小刚'],
          ['2026-08-01', '暑期活动', '外出', '', '王小刚'],
        ],
      ]),
      CHILDREN,
      TODAY,
    );
    expect(r.activities.map((a) => [a.date, a.type, a.children.length])).toEqual([
      ['2026-10-01', '文体活动', 3],
      ['2026-11-05', '主题班会', 2],
      ['2026-11-20', '生日会', 1],
      ['2026-08-01', '外出活动', 1],
    ]);
    expect(rules(r)).toEqual(['活动记录!4:4:name-unknown', '活动记录!5:0:life-date-invalid']);
    const nov = lifeFigures(r, 3, { from: '2026-11-01', to: '2026-11-30' });
    expect(nov.activities).toMatchObject({ count: 2, childrenTakingPart: 2, childrenWithout: 1 });
    expect(nov.activities.byType['生日会']).toBe(1);
  });

  it('reports a sheet whose header it cannot find', () => {
    const r = readLife(
      book([
        SHEETS.activities,
        [
          ['随便', '什么'],
          ['a', 'b'],
        ],
      ]),
      CHILDREN,
      TODAY,
    );
    expect(r.findings.map((f) => [f.rule, f.severity, f.params.columns])).toEqual([['life-header-missing', 'error', '日期、参加学生']]);
  });
});

describe('留守之家签到', () => {
  const sheet = (rows: CellValue[][]) => book([SHEETS.rollCall, [['日期', '学生', '签到时间', '签退时间', '接送人', '与学生关系', '值班教师'], ...rows]]);

  it('pickup-missing (error) for no sign-out or no pickup; pickup-unregistered (warning) for a stranger with no relation', () => {
    const r = readLife(
      sheet([
        ['2026-11-07', '张小明', '8:00', '11:30', '张大山', '', '陈老师'], // the guardian
        ['2026-11-07', '李小红', '8:00', '', '', '', '陈老师'], // never signed out
        ['2026-11-07', '王小刚', '8:00', '11:30', '', '', '陈老师'], // signed out, nobody named
        ['2026-11-14', '张小明', '8:00', '11:30', '张建国', '', '陈老师'], // the father
        ['2026-11-14', '李小红', '8:00', '11:30', '周某', '', '陈老师'], // unknown, no relation
        ['2026-11-14', '王小刚', '8:00', '11:30', '王某某', '舅舅', '陈老师'], // unknown, relation given
      ]),
      CHILDREN,
      TODAY,
    );
    expect(r.findings.map((f) => [f.row + 1, f.col, f.rule, f.severity])).toEqual([
      [3, 3, 'pickup-missing', 'error'],
      [4, 4, 'pickup-missing', 'error'],
      [6, 5, 'pickup-unregistered', 'warning'],
    ]);
    expect(lifeFigures(r, 3, { from: '2026-11-01', to: '2026-11-30' }).rollCall).toEqual({ days: 2, attendances: 6, pickupsMissing: 2 });
  });

  // Decided for issue 17: a name not on the roster is reported (name-unknown) and its pickup is still
  // checked — a child signed in and never collected is the safety failure whoever the child is.
  it('still checks the pickup of a child not on the roster, and reports the name', () => {
    const r = readLife(
      sheet([
        ['2026-11-21', '赵无名', '8:00', '', '', '', '陈老师'], // not on the roster, never signed out
        ['2026-11-21', '钱不详', '8:00', '11:30', '钱某', '', '陈老师'], // not on the roster, collector unexplained
        ['2026-11-21', '孙未登', '8:00', '11:30', '孙某', '姑姑', '陈老师'], // not on the roster, relation given
        ['2026-11-21', '', '8:00', '', '', '', '陈老师'], // no child named: nothing to check
      ]),
      CHILDREN,
      TODAY,
    );
    expect(r.findings.map((f) => [f.row + 1, f.col, f.rule, f.severity])).toEqual([
      [2, 1, 'name-unknown', 'warning'],
      [2, 3, 'pickup-missing', 'error'],
      [3, 1, 'name-unknown', 'warning'],
      [3, 5, 'pickup-unregistered', 'warning'],
      [4, 1, 'name-unknown', 'warning'],
    ]);
    // Three children attended (none of them on the roster), one of them never collected.
    expect(lifeFigures(r, 3, { from: '2026-11-01', to: '2026-11-30' }).rollCall).toEqual({ days: 1, attendances: 3, pickupsMissing: 1 });
  });

  it('checks only the missing pickup of a name that matches two children (the adults cannot be told apart)', () => {
    const twins = [...CHILDREN, { name: '张小明', classLabel: '四(2)班', registered: ['张二山'] }];
    const r = readLife(
      sheet([
        ['2026-11-21', '张小明', '8:00', '11:30', '刘某', '', '陈老师'],
        ['2026-11-28', '张小明', '8:00', '', '', '', '陈老师'],
      ]),
      twins,
      TODAY,
    );
    expect(r.findings.map((f) => [f.row + 1, f.rule])).toEqual([
      [2, 'name-ambiguous'],
      [3, 'name-ambiguous'],
      [3, 'pickup-missing'],
    ]);
  });
});

describe('基金收支', () => {
  const sheet = (rows: CellValue[][]) => book([SHEETS.fund, [['日期', '收支', '金额（元）', '来源或用途', '受助学生', '经手人', '凭证号'], ...rows]]);

  it('keeps a running balance in date order; below zero is an error, spending without handler or voucher a warning', () => {
    const r = readLife(
      sheet([
        ['2026-09-01', '收入', '￥1,000.50', '爱心捐款', '', '校长', 'P001'],
        ['2026-10-10', '支出', 600, '资助', '张小明、李小红', '陈老师', ''],
        ['2026-11-01', '支出', '500元', '慰问', '王小刚', '', 'P003'],
        ['2026-11-20', '收入', 200, '拨款', '', '校长', 'P004'],
        ['2026-10-01', '收', '１００', '捐款', '', '', ''], // typed later, dated earlier
        ['2026-11-25', '借出', 50, '', '', '', ''],
      ]),
      CHILDREN,
      TODAY,
    );
    expect(r.fund.map((f) => [f.date, f.balanceFen])).toEqual([
      ['2026-09-01', 100050],
      ['2026-10-01', 110050],
      ['2026-10-10', 50050],
      ['2026-11-01', 50],
      ['2026-11-20', 20050],
    ]);
    expect(rules(r)).toEqual(['基金收支!3:6:fund-incomplete', '基金收支!4:5:fund-incomplete', '基金收支!7:1:fund-entry-invalid']);
    const negative = readLife(
      sheet([
        ['2026-09-01', '收入', 100, '', '', '', ''],
        ['2026-09-02', '支出', 150, '', '', '甲', 'P1'],
        ['2026-09-03', '支出', 10, '', '', '甲', 'P2'],
      ]),
      CHILDREN,
      TODAY,
    );
    expect(negative.findings.map((f) => [f.row + 1, f.rule, f.severity, f.params.balance])).toEqual([[3, 'fund-negative', 'error', -50]]);
  });

  it("gives the period's income and spending, and the balance at its end counting every row up to it", () => {
    const r = readLife(
      sheet([
        ['2026-09-01', '收入', 1000, '', '', '', ''],
        ['2026-10-10', '支出', 600, '', '张小明、李小红', '甲', 'P1'],
        ['2026-11-01', '支出', 100, '', '王小刚', '甲', 'P2'],
        ['2026-12-01', '收入', 300, '', '', '', ''],
      ]),
      CHILDREN,
      TODAY,
    );
    expect(lifeFigures(r, 3, { from: '2026-10-01', to: '2026-10-31' }).fund).toEqual({ income: 0, spent: 600, balance: 400, childrenAided: 2, perChild: 300 });
    expect(lifeFigures(r, 3, { from: '2026-11-01', to: '2026-11-30' }).fund).toMatchObject({ income: 0, spent: 100, balance: 300, childrenAided: 1 });
  });

  it('property: the balance after the last row is income minus spending, whatever the row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), income: fc.boolean(), fen: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const r = readLife(sheet(rows.map((x) => [`2026-10-${String(x.day).padStart(2, '0')}`, x.income ? '收入' : '支出', x.fen / 100, '', '', '甲', 'P'])), CHILDREN, TODAY);
          const expected = rows.reduce((s, x) => s + (x.income ? x.fen : -x.fen), 0);
          expect(r.fund[r.fund.length - 1].balanceFen).toBe(expected);
          // One fund-negative per dip below zero, never more than rows.
          let b = 0;
          let dips = 0;
          for (const f of r.fund) {
            const before = b;
            b = f.balanceFen;
            if (b < 0 && before >= 0) dips++;
          }
          expect(r.findings.filter((f) => f.rule === 'fund-negative')).toHaveLength(dips);
        },
      ),
    );
  });
});

describe('兴趣小组 and 培训记录', () => {
  it('counts group members on their own, and training hours per teacher', () => {
    const r = readLife(
      book(
        [
          SHEETS.groups,
          [
            ['小组名称', '辅导教师', '活动时间', '组员'],
            ['竖笛组', '陈老师', '周三下午', '张小明、李小红'],
            ['绘画组', '刘老师', '周五', '张小明、无名氏'],
          ],
        ],
        [
          SHEETS.training,
          [
            ['培训日期', '参训教师', '培训内容', '课时', '学分'],
            ['2026-10-12', '陈老师、刘老师', '心理健康', '2学时', 1],
            ['2026-11-02', '陈老师', '安全', 'x', ''],
          ],
        ],
      ),
      CHILDREN,
      TODAY,
    );
    const f = lifeFigures(r, 3, { from: '2026-09-01', to: '2026-11-30' });
    expect(f.interestGroups).toEqual({ groups: 2, members: 2, childrenInNone: 1 });
    expect(f.training).toEqual({ teachers: 2, hours: 4, credits: 2 });
    expect(rules(r)).toEqual(['兴趣小组!3:3:name-unknown', '培训记录!3:3:training-hours-invalid']);
  });
});
