/** 联系卡, 成长记录 and 帮扶计划 through the whole upkeep, from plain sheets (issue 16). */
import '../i18n/all';
import type { CellValue } from '../cells';
import { createTymeCalendar } from '../calendar/tyme';
import { planCellValue, type PlanCell, type PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { findSheet } from '../snapshot';
import { planMaintenance } from '../workflow';
import { deidentifyWorkbook } from '../summary/deidentify';
import { classNormalizer } from '../pairing';
import { BLANK_LINE, CARD_ROWS, GRADE_BAND_GOALS, idBirthPart, planChildFiles, PLAN_HEADERS, RECORD_LINES_PER_PAGE } from './index';

const TODAY = '2026-11-30';
const calendar = createTymeCalendar();

const sheet = (name: string, values: CellValue[][]): SheetSnapshot => ({ name, origin: { row: 0, col: 0 }, values });

const FULL_ROSTER = sheet('花名册', [
  [
    '姓名',
    '性别',
    '出生日期',
    '身份证号',
    '班级',
    '家庭住址',
    '父亲姓名',
    '父亲电话',
    '父亲务工地点',
    '母亲姓名',
    '母亲电话',
    '母亲务工地点',
    '监护人',
    '与学生关系',
    '监护人电话',
    '监护人年龄',
    '监护人职业',
    '是否寄宿',
    '是否重点帮扶',
  ],
  [
    '张小明',
    '男',
    '2017-03-05',
    '522401201703051234',
    '三(1)班',
    '青山镇石桥村3组',
    '张建国',
    '13800001111',
    '广东东莞',
    '李梅',
    '13900002222',
    '浙江宁波',
    '张大山',
    '祖父',
    '13812345678',
    68,
    '务农',
    '否',
    '是',
  ],
  ['李小红', '女', '2015-06-01', '', '五(2)班', '青山镇石桥村5组', '', '', '', '', '', '', '李秀英', '祖母', '13912345678', '', '', '是', ''],
  ['王小刚', '男', '2012-02-02', '', '初一(1)班', '青山镇柳树村1组', '', '', '', '', '', '', '王春花', '外婆', '15012345678', 60, '', '', '是'],
]);

/** A roster without workplaces, guardian age, parents or IDs. */
const THIN_ROSTER = sheet('花名册', [
  ['姓名', '班级', '监护人', '监护人电话'],
  ['赵小丽', '五(2)班', '赵德明', '15112345678'],
]);

const MENTORS = sheet(SHEETS.mentors, [
  ['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注'],
  ['陈老师', '班主任', '三(1)班', '13700003333', '', 3, ''],
  ['刘老师', '班主任', '五(2)班', '', '', 3, ''],
  ['周老师', '班主任', '初一(1)班', '13700004444', '', 3, ''],
]);

function valuesOf(op: PlanOp): CellValue[][] {
  if (op.kind !== 'replaceSheet' && op.kind !== 'createSheetIfMissing') throw new Error(op.kind);
  const c = op.content;
  return [...(c.titleLines ?? []).map((l) => [l]), c.columns.map((x) => x.header), ...c.rows.map((r) => r.map(planCellValue))];
}

function opOf(ops: readonly PlanOp[], name: string, kind?: PlanOp['kind']): PlanOp {
  const op = ops.find((o) => o.sheet === name && (!kind || o.kind === kind));
  if (!op) throw new Error(`no op for ${name}`);
  return op;
}

/** The workbook after a plan: created sheets added, appended rows below the last row, replaced sheets rebuilt. */
function applied(wb: WorkbookSnapshot, ops: readonly PlanOp[]): WorkbookSnapshot {
  let sheets = [...wb.sheets];
  for (const op of ops) {
    const existing = sheets.find((s) => s.name === op.sheet);
    if (op.kind === 'replaceSheet' || (op.kind === 'createSheetIfMissing' && !existing)) {
      sheets = [...sheets.filter((s) => s.name !== op.sheet), sheet(op.sheet, valuesOf(op))];
    } else if (op.kind === 'appendRows' && existing) {
      const rows = op.rows.map((r) => r.map((c: PlanCell) => planCellValue(c)));
      sheets = sheets.map((s) => (s === existing ? { ...s, values: [...s.values, ...rows] } : s));
    } else if (op.kind === 'setCells' && existing) {
      const values = existing.values.map((r) => [...r]);
      for (const c of op.cells) {
        while (values.length <= c.row) values.push([]);
        values[c.row][c.col] = planCellValue(c.value);
      }
      sheets = sheets.map((s) => (s === existing ? { ...s, values } : s));
    }
  }
  return { sheets };
}

describe('联系卡', () => {
  it('prints one card per child with the facts of roster, 帮扶人员 and 结对帮扶, two cards a page', () => {
    const wb: WorkbookSnapshot = { sheets: [FULL_ROSTER, MENTORS] };
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const op = opOf(plan.plan.ops, SHEETS.cards);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    expect(op.content.rows).toHaveLength(3 * CARD_ROWS);
    // Two cards a page: a break before the third card only.
    expect(op.content.print).toMatchObject({ paper: 'A4', orientation: 'portrait', breaksBefore: [2 * CARD_ROWS], fitToWidth: true });
    const card = op.content.rows.slice(0, CARD_ROWS).map((r) => r.map(planCellValue));
    const flat = card.flat().map(String);
    for (const v of [
      '张小明',
      '三(1)班',
      '2017-03-05',
      '******20170305****',
      '青山镇石桥村3组',
      '张建国',
      '13800001111',
      '广东东莞',
      '李梅',
      '浙江宁波',
      '张大山',
      '祖父',
      '13812345678',
      '68',
    ])
      expect(flat).toContain(v);
    // The whole ID never prints.
    expect(flat.join('|')).not.toContain('522401201703051234');
    // The mentor with their phone from 帮扶人员.
    expect(flat.some((v) => v.includes('陈老师') && v.includes('13700003333'))).toBe(true);
    // 户籍 named from the ID's first six digits (522401: 毕节, renumbered since), beside the roster's own 户籍 (none here).
    const hukouRow = card.find((r) => r[0] === '户籍地（据证件）')!;
    expect(hukouRow).toEqual(['户籍地（据证件）', '贵州省毕节地区毕节市', '户籍所在地', BLANK_LINE]);
    // The guardian's occupation where the roster has it (监护人职业), a line to fill where the cell is blank.
    const occupationOf = (i: number) => op.content.rows.slice(i * CARD_ROWS, (i + 1) * CARD_ROWS).find((r) => r[0] === '监护人职业')![1];
    expect([occupationOf(0), occupationOf(1)]).toEqual(['务农', BLANK_LINE]);
  });

  it('prints a line to fill, never 0, where the roster lacks a column', () => {
    const plan = planMaintenance({ sheets: [THIN_ROSTER, MENTORS] }, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const rows = valuesOf(opOf(plan.plan.ops, SHEETS.cards)).slice(2);
    const byLabel = new Map<string, CellValue>();
    for (const r of rows) {
      byLabel.set(String(r[0]), r[1]);
      byLabel.set(String(r[2]), r[3]);
    }
    for (const label of [
      '父亲务工地',
      '母亲务工地',
      '监护人年龄',
      '监护人职业',
      '户籍地（据证件）',
      '户籍所在地',
      '父亲姓名',
      '父亲电话',
      '出生日期',
      '身份证号',
      '性别',
      '寄宿',
      '家庭住址',
      '学校电话',
    ]) {
      expect([label, byLabel.get(label)]).toEqual([label, BLANK_LINE]);
    }
    expect(rows.flat()).not.toContain(0);
    expect(rows.flat()).not.toContain('0');
    expect(byLabel.get('监护人电话')).toBe('15112345678');
  });

  it('prints the school contact line from 设置 and keeps the ID to its birth date', () => {
    expect(idBirthPart('52240120170305123X')).toBe('******20170305****');
    expect(idBirthPart('522401170305123')).toBe('***************');
    expect(idBirthPart(null)).toBeNull();
    const settings = sheet(SHEETS.settings, [
      ['设置项', '值', '说明'],
      ['学校名称', '青山小学', ''],
      ['学校联系电话', '0855-1234567', ''],
    ]);
    const plan = planMaintenance({ sheets: [THIN_ROSTER, MENTORS, settings] }, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const values = valuesOf(opOf(plan.plan.ops, SHEETS.cards)).flat().map(String);
    expect(values).toContain('0855-1234567');
    expect(values.some((v) => v.startsWith('青山小学'))).toBe(true);
  });
});

describe('成长记录', () => {
  const log = (rows: CellValue[][]) => sheet(SHEETS.log, [['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'], ...rows]);

  it('lists every entry of each child in date order, a page per child, the header again on each page', () => {
    const many: CellValue[][] = [];
    for (let i = 0; i < 50; i++) many.push([`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, '李小红', '五(2)班', '谈心', '学生', '刘老师', `第${i}次谈心`, '', '']);
    const wb: WorkbookSnapshot = {
      sheets: [
        FULL_ROSTER,
        MENTORS,
        log([
          ['2026-11-02', '张小明', '三(1)班', '家访', '监护人', '陈老师', '家访了解近况', '是', '2026-12-05'],
          ['2026-10-08', '张小明', '三(1)班', '谈心', '学生', '陈老师', '学习进步', '否', ''],
          ...many,
        ]),
      ],
    };
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const op = opOf(plan.plan.ops, SHEETS.records);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    const rows = op.content.rows.map((r) => r.map(planCellValue));
    // 张小明: header, then the October talk before the November visit.
    expect(String(rows[0][0])).toContain('张小明');
    expect(rows[1][4]).toBe('学习进步');
    expect(rows[2][4]).toBe('家访了解近况');
    expect(rows[2][1]).toBe('家访');
    // Every entry once.
    expect(rows.filter((r) => typeof r[4] === 'string' && r[4].startsWith('第')).length).toBe(50);
    const breaks = op.content.print!.breaksBefore!;
    expect(op.content.print!.repeatHeader).toBe(true);
    // A break before each child after the first, and 李小红's 50 entries over two pages, each headed.
    const headed = breaks.map((b) => String(rows[b][0]));
    expect(headed.filter((h) => h.startsWith('李小红'))).toHaveLength(2);
    expect(headed.some((h) => h.startsWith('王小刚'))).toBe(true);
    for (let i = 0; i < breaks.length; i++) expect(breaks[i + 1] ?? rows.length).toBeGreaterThan(breaks[i]);
    // No page holds more than the budget.
    const starts = [0, ...breaks, rows.length];
    for (let i = 0; i + 1 < starts.length; i++) expect(starts[i + 1] - starts[i]).toBeLessThanOrEqual(RECORD_LINES_PER_PAGE);
  });
});

describe('成长记录 beyond 谈心记录', () => {
  const wb: WorkbookSnapshot = {
    sheets: [
      FULL_ROSTER,
      MENTORS,
      sheet(SHEETS.log, [
        ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'],
        ['2026-10-08', '张小明', '三(1)班', '谈心', '学生', '陈老师', '学习进步', '否', ''],
      ]),
      sheet(SHEETS.activities, [
        ['日期', '活动名称', '类型', '负责人', '参加学生', '备注'],
        ['2026-10-01', '国庆联欢', '节日慰问', '陈老师', '全体留守儿童', ''],
        ['2026-11-12', '十一月集体生日会', '生日会', '刘老师', '张小明、李小红', ''],
      ]),
      sheet(SHEETS.rollCall, [
        ['日期', '学生', '签到时间', '签退时间', '接送人', '与学生关系', '值班教师'],
        ['2026-10-09', '张小明', '16:30', '18:00', '张大山', '', '陈老师'],
        ['2026-10-20', '张小明', '16:30', '', '', '', '陈老师'],
        ['2026-11-03', '张小明', '16:30', '18:00', '张大山', '', '陈老师'],
      ]),
      sheet(SHEETS.fund, [
        ['日期', '收支', '金额', '来源或用途', '受助学生', '经手人', '凭证号'],
        ['2026-09-10', '收入', 2000, '爱心企业捐款', '', '王会计', 'P1'],
        ['2026-10-15', '支出', 300, '冬衣', '张小明', '王会计', 'P2'],
      ]),
    ],
  };
  const linesOf = (plan: ReturnType<typeof planMaintenance>, name: string) => {
    const op = opOf(plan.plan.ops, SHEETS.records);
    if (op.kind !== 'replaceSheet') throw new Error(op.kind);
    const rows = op.content.rows.map((r) => r.map(planCellValue));
    const start = rows.findIndex((r) => String(r[0]).startsWith(name));
    const end = rows.findIndex((r, i) => i > start && typeof r[0] === 'string' && r[0] !== '' && !String(r[0]).startsWith(name));
    return rows.slice(start + 1, end < 0 ? undefined : end).map((r) => [r[0], r[1], r[4]]);
  };
  const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

  it('adds activities, a line a month of 留守之家签到, aid paid to the child and the dated pairing, all in date order', () => {
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    expect(linesOf(plan, '张小明')).toEqual([
      [serial('2026-10-01'), '活动', '国庆联欢（节日慰问）'],
      [serial('2026-10-08'), '谈心', '学习进步'],
      [serial('2026-10-09'), '留守之家', '2026-10 在留守之家签到 2 次（2026-10-09 至 2026-10-20），其中 1 次未记录签退或接送人'],
      [serial('2026-10-15'), '资助', '基金资助：冬衣，300.00 元'],
      [serial('2026-11-03'), '留守之家', '2026-11 在留守之家签到 1 次（2026-11-03 至 2026-11-03）'],
      [serial('2026-11-12'), '活动', '十一月集体生日会（生日会）'],
      // 结对帮扶 is written today: the record dates the pairing by the day in 上次生成.
      [serial(TODAY), '结对', '结对：帮扶教师 陈老师'],
    ]);
    // The school's income is nobody's record; a whole-school activity is everyone's.
    expect(linesOf(plan, '王小刚')).toEqual([
      [serial('2026-10-01'), '活动', '国庆联欢（节日慰问）'],
      [serial(TODAY), '结对', '结对：帮扶教师 周老师'],
    ]);
  });

  it('keeps to a period, and the pairing day holds on the next run (上次生成), so the record is the same', () => {
    const first = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const after = applied(wb, first.plan.ops);
    const next = planMaintenance(after, { today: '2026-12-02', lang: 'zh-CN', calendar, printSheets: true });
    expect(linesOf(next, '张小明').at(-1)).toEqual([serial(TODAY), '结对', '结对：帮扶教师 陈老师']);
    const files = planChildFiles(after, {
      records: next.roster.records,
      pairing: next.pairing.result,
      log: next.contacts.log.entries,
      life: next.life.read,
      today: '2026-12-02',
      lang: 'en-US',
      schoolNameLabel: '学校名称',
      normalizeClass: classNormalizer('2026-12-02'),
      filter: { child: '张小明' },
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    const zhang = files.entries.get(files.chosen[0].index)!;
    expect(zhang.map((e) => [e.date, e.kind, e.content])).toEqual([
      ['2026-11-03', 'After-school home', '2026-11: signed in at the after-school home once (2026-11-03 to 2026-11-03)'],
      ['2026-11-12', 'Activity', '十一月集体生日会 (生日会)'],
      ['2026-11-30', 'Pairing', 'Paired: Mentor teacher 陈老师'],
    ]);
    const [records] = files.recordSheets;
    if (records.kind !== 'replaceSheet') throw new Error(records.kind);
    expect(files.recordSheets).toHaveLength(1);
    expect(records.content.titleLines).toEqual([expect.stringContaining('2026-11-01 to 2026-11-30')]);
  });

  it('leaves 联系卡 and 成长记录 out of the everyday plan (on demand only), and plans them all the same', () => {
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar });
    expect(plan.plan.ops.filter((o) => o.sheet === SHEETS.cards || o.sheet === SHEETS.records)).toEqual([]);
    expect(plan.childFiles.cardSheets.map((o) => o.sheet)).toEqual([SHEETS.cards]);
    expect(plan.childFiles.chosen).toHaveLength(3);
  });
});

describe('帮扶计划', () => {
  it("adds a row per key-focus child with the grade band goals, keeps teachers' text, reminds of due reviews, and finds plans without measures", () => {
    const wb: WorkbookSnapshot = { sheets: [FULL_ROSTER, MENTORS] };
    const first = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const create = opOf(first.plan.ops, SHEETS.supportPlans);
    expect(create.kind).toBe('createSheetIfMissing');
    const values = valuesOf(create);
    expect(values[0]).toEqual([...PLAN_HEADERS]);
    expect(values.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['张小明', '三(1)班', '陈老师', GRADE_BAND_GOALS.lower],
      ['王小刚', '初一(1)班', '周老师', ''], // 初中: 设置 has no goals yet
    ]);
    expect(first.childFiles.supportPlans.findings.map((f) => [f.rule, f.row])).toEqual([
      ['support-plan-missing', 1],
      ['support-plan-missing', 2],
    ]);
    expect(first.findings.counts.byDomain.pairing).toBe(first.findings.pairing.length + 2);
    const findings = valuesOf(opOf(first.plan.ops, SHEETS.findings)).flat().map(String);
    expect(findings.some((v) => v.includes('重点帮扶对象尚无帮扶计划'))).toBe(true);

    // A teacher fills in 张小明's plan with a review date soon; the next run keeps every word and adds nothing.
    let after = applied(wb, first.plan.ops);
    const plans = findSheet(after, SHEETS.supportPlans)!;
    const edited = plans.values.map((r) => [...r]);
    edited[1] = ['张小明', '三(1)班', '陈老师', '心理', '我的目标', '每周谈心一次', '每周五', '有进步', '2026-12-03'];
    after = { sheets: after.sheets.map((s) => (s.name === SHEETS.supportPlans ? { ...s, values: edited } : s)) };
    const second = planMaintenance(after, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    expect(second.plan.ops.filter((o) => o.sheet === SHEETS.supportPlans)).toEqual([]);
    const third = applied(after, second.plan.ops);
    expect(findSheet(third, SHEETS.supportPlans)!.values).toEqual(edited);
    // Only 王小刚's plan lacks measures now.
    const missing = second.childFiles.supportPlans.findings;
    expect(missing.map((f) => f.row)).toEqual([2]);
    // The review due on 12-03 is in 提醒事项.
    const due = second.contacts.reminders.items.filter((i) => i.what.key === 'cards.plan.reviewDue');
    expect(due.map((i) => [i.child?.name, i.due, i.owner])).toEqual([['张小明', '2026-12-03', '陈老师']]);
    const reminders = valuesOf(opOf(second.plan.ops, SHEETS.reminders)).flat().map(String);
    expect(reminders).toContain('帮扶计划评估');

    // A new key-focus child gets a row appended below the teachers' rows.
    const roster = findSheet(third, '花名册')!;
    const withNew = {
      ...roster,
      values: [...roster.values.map((r) => [...r]), ['孙小芳', '女', '2018-01-01', '', '三(1)班', '', '', '', '', '', '', '', '孙奶奶', '祖母', '13612345678', 70, '', '', '是']],
    };
    const fourth = planMaintenance({ sheets: third.sheets.map((s) => (s.name === '花名册' ? withNew : s)) }, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const append = opOf(fourth.plan.ops, SHEETS.supportPlans);
    expect(append).toMatchObject({ kind: 'appendRows', expectedLastRow: 2 });
    if (append.kind !== 'appendRows') throw new Error(append.kind);
    expect(append.rows.map((r) => r[0])).toEqual(['孙小芳']);
  });

  it('suggests the junior goals 设置 sets for grades 7–9', () => {
    const settings = sheet(SHEETS.settings, [
      ['设置项', '值', '说明'],
      ['初中帮扶目标', '学会自主学习；平稳度过青春期', ''],
    ]);
    const plan = planMaintenance({ sheets: [FULL_ROSTER, MENTORS, settings] }, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const rows = valuesOf(opOf(plan.plan.ops, SHEETS.supportPlans)).slice(1);
    expect(rows.find((r) => r[0] === '王小刚')![4]).toBe('学会自主学习；平稳度过青春期');
  });
});

describe('脱敏导出 of the cards and records', () => {
  it('masks names, phones, IDs and addresses on 联系卡 and 成长记录', () => {
    const log = sheet(SHEETS.log, [
      ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'],
      ['2026-11-02', '张小明', '三(1)班', '家长电话', '父亲', '陈老师', '父亲电话 13800001111 打不通', '否', ''],
    ]);
    const wb: WorkbookSnapshot = { sheets: [FULL_ROSTER, MENTORS, log] };
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const after = applied(wb, plan.plan.ops);
    const result = deidentifyWorkbook(after, plan.roster.layout);
    if (!result.ok) throw new Error(result.messageKey);
    for (const name of [SHEETS.cards, SHEETS.records]) {
      const text = valuesOf(opOf(result.plan.ops, name))
        .flat()
        .map((v) => (v === null ? '' : String(v)))
        .join('|');
      expect([name, /\d{11}/.test(text)]).toEqual([name, false]);
      for (const secret of ['张小明', '张建国', '张大山', '石桥村3组', '20170305', '13700003333']) expect([name, secret, text.includes(secret)]).toEqual([name, secret, false]);
    }
  });

  it("masks a part of 联系卡 (联系卡（2）, past Excel's page breaks a sheet) like 联系卡, and never reads it as the roster", () => {
    const wb: WorkbookSnapshot = { sheets: [FULL_ROSTER, MENTORS] };
    const plan = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    const after = applied(wb, plan.plan.ops);
    const part = { ...findSheet(after, SHEETS.cards)!, name: '联系卡（2）' };
    const withPart = { sheets: [part, ...after.sheets.filter((s) => s.name !== SHEETS.cards)] };
    const again = planMaintenance(withPart, { today: TODAY, lang: 'zh-CN', calendar });
    expect(again.roster.layout.sheet).toBe('花名册');
    const result = deidentifyWorkbook(withPart, again.roster.layout);
    if (!result.ok) throw new Error(result.messageKey);
    const text = valuesOf(opOf(result.plan.ops, '联系卡（2）'))
      .flat()
      .map((v) => (v === null ? '' : String(v)))
      .join('|');
    expect(text).toContain('父亲电话');
    expect(/\d{11}/.test(text)).toBe(false);
    for (const secret of ['张建国', '石桥村3组', '13900002222']) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  });
});

describe('the printed sheets stay out of the roster and the summary', () => {
  it('reads the same roster and figures from a workbook that already holds 联系卡, 成长记录 and 帮扶计划', () => {
    const wb: WorkbookSnapshot = { sheets: [FULL_ROSTER, MENTORS] };
    const first = planMaintenance(wb, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    // 联系卡 holds 姓名 / 班级 / 性别 labels a roster detector could take for a header: put it first.
    const after = applied(wb, first.plan.ops);
    const cardsFirst = { sheets: [findSheet(after, SHEETS.cards)!, ...after.sheets.filter((s) => s.name !== SHEETS.cards)] };
    const second = planMaintenance(cardsFirst, { today: TODAY, lang: 'zh-CN', calendar, printSheets: true });
    expect(second.roster.layout.sheet).toBe('花名册');
    expect(second.summary.json).toEqual(first.summary.json);
    expect(JSON.stringify(second.summary.json)).not.toMatch(/13800001111|石桥村|张小明/);
  });
});
