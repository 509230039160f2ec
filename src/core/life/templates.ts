import type { PlanColumn, PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import { ACTIVITY_TYPES, FUND_KINDS, type LifeField, type LifeSheetName } from './types';

/**
 * The five sheets' columns. Headers are Chinese data (teachers type them, the reader reads them back
 * whatever the interface language); the aliases are what a school's own sheet may say instead.
 */
export const ACTIVITY_FIELDS = [
  { key: 'date', header: '日期', aliases: ['活动日期', '时间', '活动时间'] },
  { key: 'name', header: '活动名称', aliases: ['活动', '活动内容', '名称', '活动主题', '主题'] },
  { key: 'type', header: '类型', aliases: ['活动类型', '类别', '形式'] },
  { key: 'leader', header: '负责人', aliases: ['组织者', '负责教师', '辅导教师', '组织教师'] },
  { key: 'children', header: '参加学生', aliases: ['参加人员', '参与学生', '参加对象', '参加儿童', '学生', '参加者'] },
  { key: 'note', header: '备注', aliases: ['说明'] },
] as const satisfies readonly LifeField[];

export const GROUP_FIELDS = [
  { key: 'group', header: '小组', aliases: ['小组名称', '兴趣小组', '社团', '社团名称', '组别'] },
  { key: 'teacher', header: '指导教师', aliases: ['辅导教师', '负责教师', '教师', '负责人'] },
  { key: 'time', header: '活动时间', aliases: ['时间', '活动安排'] },
  { key: 'members', header: '成员', aliases: ['组员', '学生', '参加学生', '成员名单'] },
] as const satisfies readonly LifeField[];

export const ROLL_CALL_FIELDS = [
  { key: 'date', header: '日期', aliases: ['签到日期', '活动日期'] },
  { key: 'child', header: '学生', aliases: ['学生姓名', '姓名', '儿童姓名'] },
  { key: 'signIn', header: '签到时间', aliases: ['签到', '到校时间', '送达时间'] },
  { key: 'signOut', header: '签退时间', aliases: ['签退', '离校时间', '接走时间'] },
  { key: 'pickup', header: '接送人', aliases: ['接送人姓名', '接孩子人', '接送家长', '接人'] },
  { key: 'relation', header: '与学生关系', aliases: ['关系', '与儿童关系', '接送人关系'] },
  { key: 'teacher', header: '值班教师', aliases: ['值班干部', '值班人', '值班老师', '签到教师'] },
] as const satisfies readonly LifeField[];

export const FUND_FIELDS = [
  { key: 'date', header: '日期', aliases: ['时间', '收支日期'] },
  { key: 'kind', header: '收支', aliases: ['收支类型', '类型', '类别', '收/支'] },
  { key: 'amount', header: '金额', aliases: ['金额(元)', '金额（元）', '数额', '金额元'] },
  { key: 'purpose', header: '来源或用途', aliases: ['来源', '用途', '摘要', '事由', '来源/用途'] },
  { key: 'children', header: '受助学生', aliases: ['受助儿童', '资助学生', '受助对象'] },
  { key: 'handler', header: '经手人', aliases: ['经办人', '经手'] },
  { key: 'voucher', header: '凭证号', aliases: ['凭证', '凭证编号', '单据号', '票据号'] },
] as const satisfies readonly LifeField[];

export const TRAINING_FIELDS = [
  { key: 'date', header: '日期', aliases: ['培训日期', '时间'] },
  { key: 'teachers', header: '教师', aliases: ['姓名', '参训教师', '参加教师', '培训教师'] },
  { key: 'content', header: '培训内容', aliases: ['内容', '培训主题', '主题', '培训项目'] },
  { key: 'hours', header: '学时', aliases: ['课时', '时长', '培训学时'] },
  { key: 'credits', header: '学分', aliases: ['继续教育学分'] },
] as const satisfies readonly LifeField[];

/** Which fields a sheet cannot be read without. */
export const REQUIRED: Readonly<Record<LifeSheetName, readonly string[]>> = {
  [SHEETS.activities]: ['date', 'children'],
  [SHEETS.groups]: ['group', 'members'],
  [SHEETS.rollCall]: ['date', 'child'],
  [SHEETS.fund]: ['date', 'kind', 'amount'],
  [SHEETS.training]: ['date', 'teachers', 'hours'],
};

const TITLES: Readonly<Record<LifeSheetName, string>> = {
  [SHEETS.activities]: '活动记录：参加学生可填姓名（用顿号、逗号或空格分开）、班级（如 三(1)班）或“全体留守儿童”。类型从下拉列表中选择。',
  [SHEETS.groups]: '兴趣小组：每个小组一行，成员填姓名（用顿号分开）或班级。',
  [SHEETS.rollCall]: '留守之家签到：每名学生每次一行。孩子由监护人接送，签退时填写签退时间和接送人；接送人不是登记的监护人或父母时，请填写与学生关系。',
  [SHEETS.fund]: '留守儿童基金收支：金额填数字（元）。支出须填写经手人和凭证号；资助到人的填写受助学生。',
  [SHEETS.training]: '培训记录：每次培训一行，教师可填多人（用顿号分开）；学时和学分填数字，计入继续教育学分。',
};

const TABLE_NAMES: Readonly<Record<LifeSheetName, string>> = {
  [SHEETS.activities]: 'ActivitiesTable',
  [SHEETS.groups]: 'InterestGroupsTable',
  [SHEETS.rollCall]: 'RollCallTable',
  [SHEETS.fund]: 'FundTable',
  [SHEETS.training]: 'TrainingTable',
};

type Cols = Readonly<Record<string, Omit<PlanColumn, 'header'>>>;
const COLUMNS: Readonly<Record<LifeSheetName, { fields: readonly LifeField[]; cols: Cols }>> = {
  [SHEETS.activities]: {
    fields: ACTIVITY_FIELDS,
    cols: {
      date: { width: 12, format: 'date' },
      name: { width: 18, format: 'text' },
      type: { width: 11, format: 'text', validation: { list: ACTIVITY_TYPES } },
      leader: { width: 10, format: 'text' },
      children: { width: 40, format: 'text', wrap: true },
      note: { width: 20, format: 'text' },
    },
  },
  [SHEETS.groups]: {
    fields: GROUP_FIELDS,
    cols: { group: { width: 12, format: 'text' }, teacher: { width: 10, format: 'text' }, time: { width: 16, format: 'text' }, members: { width: 48, format: 'text', wrap: true } },
  },
  [SHEETS.rollCall]: {
    fields: ROLL_CALL_FIELDS,
    cols: {
      date: { width: 12, format: 'date' },
      child: { width: 10, format: 'text' },
      signIn: { width: 9, format: 'text' },
      signOut: { width: 9, format: 'text' },
      pickup: { width: 10, format: 'text' },
      relation: { width: 10, format: 'text', validation: { list: ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他亲属', '其他'] } },
      teacher: { width: 10, format: 'text' },
    },
  },
  [SHEETS.fund]: {
    fields: FUND_FIELDS,
    cols: {
      date: { width: 12, format: 'date' },
      kind: { width: 8, format: 'text', validation: { list: FUND_KINDS } },
      amount: { width: 10, format: 'decimal' },
      purpose: { width: 24, format: 'text' },
      children: { width: 20, format: 'text' },
      handler: { width: 10, format: 'text' },
      voucher: { width: 10, format: 'text' },
    },
  },
  [SHEETS.training]: {
    fields: TRAINING_FIELDS,
    cols: {
      date: { width: 12, format: 'date' },
      teachers: { width: 20, format: 'text' },
      content: { width: 30, format: 'text' },
      hours: { width: 8, format: 'decimal' },
      credits: { width: 8, format: 'decimal' },
    },
  },
};

/** Title lines above a template's header: the header is this 0-based row, the first record the next. */
export const LIFE_TEMPLATE_TITLE_LINES = 1;

export const LIFE_SHEETS: readonly LifeSheetName[] = [SHEETS.activities, SHEETS.groups, SHEETS.rollCall, SHEETS.fund, SHEETS.training];

/** A life sheet's template, created only when missing: a title line, the header, an Excel table with dropdowns. */
export function lifeTemplateOp(sheet: LifeSheetName): PlanOp {
  const { fields, cols } = COLUMNS[sheet];
  return {
    kind: 'createSheetIfMissing',
    sheet,
    content: {
      titleLines: [TITLES[sheet]],
      columns: fields.map((f) => ({ header: f.header, ...cols[f.key] })),
      rows: [],
      table: { name: TABLE_NAMES[sheet], style: 'TableStyleMedium2' },
      freezeHeader: true,
    },
  };
}
