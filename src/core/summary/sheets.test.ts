import '../i18n/all';
import fc from 'fast-check';
import type { PlanCell, PlanOp, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import { computeSummary } from './figures';
import { INPUT } from './fixture.test-data';
import { inputArb, periodArb } from './generate.test-data';
import { summaryJson } from './json';
import { periodFor, type Period } from './period';
import { formatShare } from './labels';
import { NAMES_LISTED_UP_TO, reportParagraphs, reportSheetOp, summarySheetOp } from './sheets';

function term(today: string): Period {
  const r = periodFor({ kind: 'term' }, today);
  if (!r.ok) throw new Error(r.messageKey);
  return r.period;
}

const figures = computeSummary(INPUT, term('2026-11-29'));

function content(op: PlanOp): SheetContent {
  if (op.kind !== 'replaceSheet') throw new Error(op.kind);
  return op.content;
}

const cellText = (c: PlanCell) => (c === null ? '' : typeof c === 'object' ? ('text' in c ? c.text : '') : String(c));
const allText = (s: SheetContent) => [...(s.titleLines ?? []), ...s.columns.map((c) => c.header), ...s.rows.flatMap((r) => r.map(cellText))].join('\n');

describe('统计汇总', () => {
  const op = summarySheetOp(figures, 'zh-CN', figures.period);
  const sheet = content(op);
  const find = (section: string, item: string) => sheet.rows.find((r) => r[0] === section && r[1] === item);

  it("names the data-quality rules in the user's language, not by their ids", () => {
    const quality = sheet.rows.filter((r) => r[0] === '数据质量').map((r) => r[1]);
    expect(figures.quality.byRule.length).toBeGreaterThan(0);
    for (const r of figures.quality.byRule) expect(quality).not.toContain(r.rule);
    expect(quality).toEqual(expect.arrayContaining(['必填项为空', '电话号码格式']));
  });

  it('replaces the 统计汇总 sheet with one table whose columns have number formats', () => {
    expect(op).toMatchObject({ kind: 'replaceSheet', sheet: SHEETS.summary });
    expect(sheet.table?.name).toBe('SummaryTable');
    expect(sheet.columns.map((c) => c.format)).toEqual([
      'text',
      'text',
      'integer',
      'percent',
      'integer',
      'percent',
      'integer',
      'percent',
      'integer',
      'integer',
      'integer',
      'integer',
      'text',
    ]);
    for (const r of sheet.rows) expect(r).toHaveLength(sheet.columns.length);
    expect(sheet.titleLines?.[1]).toBe('统计期间：2026–2027学年第1学期（2026-09-01 至 2027-01-31）；数据截至 2026-11-29');
  });

  it('writes the hand-counted figures in their blocks', () => {
    // 总体: 6 children, 4 talked with, 1 on call cadence, 6 talks, 8 calls, 1 visit, 2 open follow-ups.
    expect(find('总体', '全部儿童')).toEqual(['总体', '全部儿童', 6, 1, 4, 4 / 6, 1, 1 / 6, 6, 8, 1, 2, null]);
    expect(find('年级', '三年级')?.slice(2, 4)).toEqual([3, 0.5]);
    expect(find('年级', '未填')?.[2]).toBe(1);
    expect(find('班级', '三(1)班')?.slice(2, 12)).toEqual([2, 2 / 6, 2, 1, 1, 0.5, 3, 8, 0, 1]);
    expect(find('留守类型', '父母均外出')?.[2]).toBe(3);
    expect(find('监护情况', '祖辈监护（祖父母、外祖父母）')?.[2]).toBe(2);
    expect(find('结对帮扶', '有帮扶教师')?.[2]).toBe(2);
    expect(find('帮扶人员', '张老师')).toEqual(['帮扶人员', '张老师', 2, null, null, null, null, null, null, null, null, null, '班主任；上限 1 名；超出上限']);
    expect(find('月度', '2026-10')?.slice(2, 11)).toEqual([6, null, 1, 1 / 6, null, null, 1, 3, 1]);
    expect(find('联系情况', '待跟进事项')?.[11]).toBe(2);
    expect(find('数据质量', '必填项为空')?.[2]).toBe(2);
  });

  it('lists the children without a talk by name and class only', () => {
    const rows = sheet.rows.filter((r) => r[0] === '未谈心儿童');
    expect(rows.map((r) => [r[1], r[2], r[12]])).toEqual([
      ['全部儿童', 2, null],
      ['张强', null, '五(1)班'],
      ['刘洋', null, '未填班级'],
    ]);
  });

  it('counts the children without a talk per class instead of naming them once there are more than the bound', () => {
    const classes = ['一(1)班', '一(2)班', null];
    const list = classes.flatMap((classLabel, k) => Array.from({ length: 100 + k }, (_, i) => ({ classLabel, name: `学生${k}-${i}` })));
    const many = { ...figures, children: 1000, contact: { ...figures.contact, childrenWithoutTalk: { count: list.length, list } } };
    const big = content(summarySheetOp(many, 'zh-CN', many.period));
    const rows = big.rows.filter((r) => r[0] === '未谈心儿童');
    expect(list.length).toBeGreaterThan(NAMES_LISTED_UP_TO);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['全部儿童', 303, 0.303],
      ['一(1)班', 100, 0.1],
      ['一(2)班', 101, 0.101],
      ['未填班级', 102, 0.102],
    ]);
    expect(rows[0][12]).toContain('提醒事项');
    expect(allText(big)).not.toContain('学生0-0');
    // At the bound, still one row per name as in a small school.
    const atBound = { ...many, contact: { ...many.contact, childrenWithoutTalk: { count: NAMES_LISTED_UP_TO, list: list.slice(0, NAMES_LISTED_UP_TO) } } };
    expect(content(summarySheetOp(atBound, 'zh-CN', atBound.period)).rows.filter((r) => r[0] === '未谈心儿童')).toHaveLength(NAMES_LISTED_UP_TO + 1);
  });

  it('asks for a column chart of children by class and a line chart of monthly talk coverage', () => {
    const [byClass, monthly] = sheet.charts ?? [];
    expect(byClass).toMatchObject({ type: 'column', title: '各班留守儿童人数', categoryCol: 1, valueCols: [2] });
    const classRows = sheet.rows.slice(byClass.rows.first, byClass.rows.last + 1);
    expect(classRows.map((r) => r[1])).toEqual(['三(1)班', '三(2)班', '五(1)班', '七(1)班', '四(1)班', '未填班级']);
    expect(monthly).toMatchObject({ type: 'line', title: '每月谈心覆盖率', categoryCol: 1, valueCols: [5] });
    expect(sheet.columns[5].format).toBe('percent');
    const monthRows = sheet.rows.slice(monthly.rows.first, monthly.rows.last + 1);
    expect(monthRows.map((r) => r[1])).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('speaks English when asked', () => {
    const en = content(summarySheetOp(figures, 'en-US'));
    expect(en.columns[0].header).toBe('Section');
    expect(en.rows[0].slice(0, 3)).toEqual(['Overall', 'All children', 6]);
    expect(allText(en)).not.toMatch(/summary\./); // no message key left untranslated
  });
});

describe('工作报告', () => {
  it('builds the sentences from the figures', () => {
    const [roster, pairing, contact, gaps, quality] = reportParagraphs(figures, 'zh-CN');
    expect(roster).toBe('本学期共有留守儿童6名，其中父母均外出3名、父母一方外出2名；男生2名、女生3名；寄宿生3名；由祖辈监护2名；确定重点帮扶对象2名。');
    expect(pairing).toBe('学校为2名儿童配备了帮扶教师（占33.3%），为1名儿童安排了学习帮手，为2名儿童落实了代理家长，共有3名帮扶人员参与结对。'); // 张老师, 王阿姨 and the buddy 小红
    expect(contact).toBe('本学期开展谈心6次、家长电话8次、家访1次；4名儿童至少谈心一次，谈心覆盖率66.7%；1名儿童的家长电话间隔未超过14天，按期率16.7%；本学期累计家访1次。');
    expect(gaps).toBe('本学期仍有2名儿童未谈心，另有2项跟进事项待落实，下一阶段将重点跟进。');
    expect(quality).toBe('数据校验发现3个问题（其中错误2个），列在“校验结果”表中，需逐项核对更正。');
  });

  it('writes English sentences for en-US and a month when the period is a month', () => {
    const r = periodFor({ kind: 'month' }, '2026-10-31');
    if (!r.ok) throw new Error();
    const [roster, , contact] = reportParagraphs(computeSummary(INPUT, r.period), 'en-US');
    expect(roster).toMatch(/^This month the school had 6 left-behind children: 3 with both parents working away/);
    expect(contact).toMatch(/^This month teachers held 1 talk, made 3 parent calls and 1 home visit;/);
  });

  it('replaces 工作报告 with the paragraphs above a table of figures', () => {
    const sheet = content(reportSheetOp(figures, 'zh-CN', figures.period));
    expect(reportSheetOp(figures, 'zh-CN')).toMatchObject({ kind: 'replaceSheet', sheet: SHEETS.report });
    expect(sheet.titleLines).toContain(reportParagraphs(figures, 'zh-CN')[0]);
    expect(sheet.columns.map((c) => c.format)).toEqual(['text', 'integer', 'percent']);
    expect(sheet.rows[0]).toEqual(['留守儿童总数', 6, null]);
    expect(sheet.rows.find((r) => r[0] === '父母均外出')).toEqual(['父母均外出', 3, 0.5]);
  });

  it('gives the paragraph column a wide, wrapped width so the sentences print whole', () => {
    const sheet = content(reportSheetOp(figures, 'zh-CN', figures.period));
    expect(sheet.columns[0]).toMatchObject({ wrap: true });
    expect(sheet.columns[0].width).toBeGreaterThanOrEqual(60);
    expect(sheet.columns.slice(1).every((c) => !c.wrap)).toBe(true);
  });

  it('rounds a share in its table as its sentence does: 1 in 16 is 6.3% in both', () => {
    // 16 children, 1 with a teacher: 0.0625, which a sentence rounds to 6.3% and a raw cell would show as 6.25%.
    const f = { ...figures, children: 16, pairing: { ...figures.pairing, withTeacher: 1 } };
    const sheet = content(reportSheetOp(f, 'zh-CN', f.period));
    const cell = sheet.rows.find((r) => r[0] === '有帮扶教师')![2] as number;
    expect(cell).toBe(0.063);
    expect(reportParagraphs(f, 'zh-CN')[1]).toContain('占6.3%');
    expect(formatShare(cell)).toBe('6.3%');
  });
});

describe('no ID numbers or phone numbers on the summary sheets', () => {
  it('holds for generated rosters whose records carry IDs and phones (and are keyed by them)', () => {
    fc.assert(
      fc.property(inputArb, periodArb, fc.constantFrom('zh-CN' as const, 'en-US' as const), (input, period, lang) => {
        // The worst wiring: the child key is the ID number itself.
        const children = input.children.map((c) => ({ ...c, key: (c as unknown as { idNumber: string }).idNumber }));
        const keyMap = new Map(input.children.map((c, i) => [c.key, children[i].key]));
        const log = input.log.map((e) => ({ ...e, childKey: keyMap.get(e.childKey) ?? e.childKey }));
        const f = computeSummary({ ...input, children, log }, period);
        const secrets = input.children.flatMap((c) => {
          const x = c as unknown as { idNumber: string; guardianPhone: string };
          return [x.idNumber, x.guardianPhone];
        });
        for (const op of [summarySheetOp(f, lang), reportSheetOp(f, lang)]) {
          const sheet = content(op);
          // Numbers on the sheets are counts and shares, never an ID or a phone stored as a number.
          for (const c of sheet.rows.flat()) if (typeof c === 'number') expect(Number.isInteger(c) ? c < 1e10 : c <= 1).toBe(true);
          const text = [...(sheet.titleLines ?? []), ...sheet.columns.map((c) => c.header), ...sheet.rows.flat().filter((c) => typeof c === 'string')].join('\n');
          expect(text).not.toMatch(/\d{11}/);
          expect(text).not.toMatch(/summary\./); // every label found in the catalogue
          for (const s of secrets) expect(text.includes(s)).toBe(false);
        }
        const json = JSON.stringify(summaryJson(f));
        expect(json).not.toMatch(/\d{11}/);
        for (const c of children) expect(json.includes(c.name)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('summaryJson', () => {
  it('has the fields the CLI promises', () => {
    const json = summaryJson(figures);
    expect(json).toMatchObject({
      children: 6,
      byGrade: { '1': 0, '2': 0, '3': 3, '4': 0, '5': 1, '6': 0, '7': 1, '8': 0, '9': 0 },
      byGender: { 男: 2, 女: 3 },
      byClass: { '三(1)班': 2, '三(2)班': 1, '五(1)班': 1, '七(1)班': 1, '四(1)班': 0, '': 1 },
      talks: 6,
      parentCalls: 8,
      homeVisits: 1,
      childrenWithoutTalk: 2,
      period: { kind: 'term', from: '2026-09-01', to: '2027-01-31', asOf: '2026-11-29' },
    });
    // Round-trips as plain JSON.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
