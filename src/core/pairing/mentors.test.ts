import type { CellValue } from '../cells';
import { t } from '../i18n';
import '../i18n/all';
import { SHEETS } from '../sheets';
import { classNormalizer } from './index';
import { mentorsTemplateOp, readMentors } from './mentors';
import { PAIRING_SETTING_DEFS } from './settings';
import { mentorSheet, simpleClass, workbookOf } from './testkit';
import { MENTOR_KINDS } from './types';

const settingsSheet = (rows: CellValue[][]) => ({ name: SHEETS.settings, origin: { row: 0, col: 0 }, values: [['设置项', '值', '说明'], ...rows] });

describe('readMentors', () => {
  it('finds the header below a title, in any column order, under other common labels', () => {
    const sheet = {
      name: SHEETS.mentors,
      origin: { row: 0, col: 0 },
      values: [
        ['某某小学帮扶人员名单'],
        [],
        ['备注', '帮扶人数', '类型', '所在班级', '联系电话', '姓名'],
        ['', 4, '任课老师', '三（1）班、三（2）班', '13800000000', '李 老师'],
        ['', '', '学生', '三(1)班', '', '王小明'],
      ] as CellValue[][],
    };
    const { mentors, findings, layout } = readMentors(workbookOf(sheet), simpleClass);
    expect(findings).toEqual([]);
    expect(layout).toMatchObject({ headerRow: 2, columns: { name: 5, kind: 2, className: 3, capacity: 1, note: 0, phone: 4 } });
    expect(mentors).toEqual([
      { name: '李老师', kind: '任课教师', classes: ['三(1)班', '三(2)班'], village: null, capacity: 4, capacityDefaulted: false, row: 3 },
      { name: '王小明', kind: '学生', classes: ['三(1)班'], village: null, capacity: 1, capacityDefaulted: true, row: 4 },
    ]);
  });

  it('gives a blank capacity the default of its kind (teachers 3, party members … 2, students 1)', () => {
    const rows = MENTOR_KINDS.map((kind, i) => [`人${i}`, kind, kind === '学生' || kind === '班主任' || kind === '任课教师' ? '一(1)班' : '', '', '', '', '']);
    const { mentors } = readMentors(workbookOf(mentorSheet(rows)), simpleClass);
    expect(Object.fromEntries(mentors.map((m) => [m.kind, m.capacity]))).toEqual({ 班主任: 3, 任课教师: 3, 党员: 2, 领导: 2, 代理家长: 2, 志愿者: 2, 学生: 1 });
  });

  it('reads default overrides from 设置 and reports an unreadable one', () => {
    const labels = PAIRING_SETTING_DEFS.map((d) => d.label);
    const wb = workbookOf(
      mentorSheet([
        ['甲', '班主任', '一(1)班', '', '', '', ''],
        ['乙', '学生', '一(1)班', '', '', '', ''],
        ['丙', '志愿者', '', '', '', '', ''],
      ]),
      settingsSheet([
        [labels[0], '５'],
        [labels[3], 2],
        [labels[2], '很多'],
      ]),
    );
    const { mentors, findings } = readMentors(wb, simpleClass);
    expect(mentors.map((m) => m.capacity)).toEqual([5, 2, 2]);
    expect(findings).toEqual([expect.objectContaining({ sheet: SHEETS.settings, row: 3, rule: 'setting-invalid', params: { row: 4, fallback: 2 } })]);
  });

  it('turns bad rows into findings, never crashes, and uses what it can', () => {
    const rows: CellValue[][] = [
      ['甲', '校工', '', '', '', '', ''], // unknown kind
      ['乙', '学生', '', '', '', '', ''], // student without class
      ['丙', '党员', '', '', '', -2, ''], // negative
      ['丁', '党员', '', '', '', '两个', ''], // not a number
      ['甲', '领导', '', '', '', '', ''], // duplicate of an unused row is still a different person: allowed
      ['丙', '志愿者', '', '', '', '', ''], // duplicate name
      ['', '学生', '一(1)班', '', '', '', ''], // no name
      [null, null, null, null, null, null, null], // blank row
      ['合计', '', '', '', '', 12, ''], // totals row
      ['戊', '班主任', '一班二组', '', '', { error: '#N/A' }, ''], // class not readable, error capacity
    ];
    const { mentors, findings } = readMentors(workbookOf(mentorSheet(rows)), simpleClass);
    expect(findings.map((f) => [f.rule, f.row])).toEqual([
      ['mentor-kind-unknown', 1],
      ['mentor-class-missing', 2],
      ['mentor-capacity-negative', 3],
      ['mentor-capacity-invalid', 4],
      ['mentor-duplicate', 6],
      ['mentor-name-missing', 7],
      ['mentor-class-invalid', 10],
      ['mentor-class-missing', 10],
    ]);
    expect(mentors.map((m) => [m.name, m.kind, m.capacity])).toEqual([
      ['乙', '学生', 1],
      ['丙', '党员', 0],
      ['丁', '党员', 2],
      ['甲', '领导', 2],
      ['戊', '班主任', 3],
    ]);
    for (const f of findings) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const text = t(lang, f.messageKey, f.params);
        expect(text).not.toBe(f.messageKey);
        expect(text).not.toMatch(/\{\w+\}/);
        for (const name of ['甲', '乙', '丙', '丁', '戊']) expect(text).not.toContain(name);
      }
    }
  });

  it('says so when the sheet or its header is missing', () => {
    expect(readMentors(workbookOf(), simpleClass)).toMatchObject({ mentors: [], layout: null, findings: [{ rule: 'mentor-sheet-missing' }] });
    const noHeader = { name: SHEETS.mentors, origin: { row: 0, col: 0 }, values: [['张三', '李四']] as CellValue[][] };
    expect(readMentors(workbookOf(noHeader), simpleClass)).toMatchObject({ mentors: [], findings: [{ rule: 'mentor-header-missing', severity: 'error' }] });
  });

  it('takes the village from 住址, else from 备注', () => {
    const rows: CellValue[][] = [
      ['甲', '代理家长', '', '', '六都寨镇石桥村3组', '', ''],
      ['乙', '志愿者', '', '', '', '', '大水村'],
    ];
    expect(readMentors(workbookOf(mentorSheet(rows)), simpleClass).mentors.map((m) => m.village)).toEqual(['石桥村', '大水村']);
  });

  it('normalises classes with the roster normaliser so they meet the children’s labels', () => {
    const rows: CellValue[][] = [
      ['甲', '学生', '三年级1班', '', '', '', ''],
      ['乙', '任课教师', '3-2班，初一（3）班', '', '', '', ''],
    ];
    const { mentors } = readMentors(workbookOf(mentorSheet(rows)), classNormalizer('2025-09-15'));
    expect(mentors.map((m) => m.classes)).toEqual([['三(1)班'], ['三(2)班', '初一(3)班']]);
  });
});

describe('mentorsTemplateOp', () => {
  it('creates the sheet only when missing, as a table with a 类别 dropdown', () => {
    const op = mentorsTemplateOp();
    expect(op.kind).toBe('createSheetIfMissing');
    if (op.kind !== 'createSheetIfMissing') return;
    expect(op.sheet).toBe(SHEETS.mentors);
    expect(op.content.columns.map((c) => c.header)).toEqual(['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注']);
    expect(op.content.columns[1].validation).toEqual({ list: MENTOR_KINDS });
    expect(op.content.table).toBeDefined();
    // What the template writes reads back as an empty, header-complete list.
    const sheet = { name: op.sheet, origin: { row: 0, col: 0 }, values: [...(op.content.titleLines ?? []).map((l) => [l]), op.content.columns.map((c) => c.header)] };
    expect(readMentors(workbookOf(sheet), simpleClass)).toMatchObject({ mentors: [], findings: [], layout: { headerRow: 1 } });
  });
});
