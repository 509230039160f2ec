/**
 * A small school built in the test, so every figure can be counted by hand: five children on a roster,
 * two class teachers and a study buddy on 帮扶人员, and a few 谈心记录 rows typed as teachers type them
 * (text dates and real dates, one row with a date nobody can read, one before the term).
 */
import { workbookBytes, worksheet, type Cell } from '../fixtures/roster-gen';

export const TODAY = '2026-11-30';

const ROSTER: Cell[][] = [
  ['序号', '姓名', '性别', '出生日期', '班级', '家庭住址', '监护人姓名', '与学生关系', '监护人电话', '是否重点帮扶'],
  [1, '张小明', '男', { date: '2017-03-05' }, '三(1)班', '青山镇石桥村3组', '张大山', '祖父', '13812345678', '是'],
  [2, '李小红', '女', { date: '2017-06-01' }, '三(1)班', '青山镇石桥村5组', '李秀英', '祖母', '13912345678', ''],
  [3, '王小刚', '男', { date: '2015-02-02' }, '五(2)班', '青山镇柳树村1组', '王春花', '外婆', '15012345678', ''],
  [4, '赵小丽', '女', { date: '2015-08-08' }, '五(2)班', '青山镇柳树村2组', '赵德明', '祖父', '15112345678', ''],
  [5, '陈小军', '男', { date: '2019-10-10' }, '一(1)班', '青山镇石桥村7组', '陈桂兰', '祖母', '18712345678', ''],
];

const MENTORS: Cell[][] = [
  ['姓名', '类别', '班级', '电话', '住址', '可帮扶人数', '备注'],
  ['陈老师', '班主任', '三(1)班', '', '', 3, ''],
  ['刘老师', '班主任', '五(2)班', '', '', 3, ''],
  ['孙老师', '班主任', '一(1)班', '', '', 3, ''],
  ['周同学', '学生', '三(1)班', '', '', 1, ''],
];

/** The rows a teacher typed; the header is the template's. */
export const LOG_ROWS: Cell[][] = [
  ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'],
  ['2026-10-08', '张小明', '三(1)班', '谈心', '学生', '陈老师', '学习进步', '否', ''],
  [{ date: '2026-11-02' }, '张小明', '三(1)班', '谈心', '学生', '陈老师', '想念父母', '是', '2026-12-05'],
  ['2026-11-10', '李小红', '三(1)班', '谈心', '学生', '陈老师', '交了新朋友', '', ''],
  ['2026-10-15', '王小刚', '五(2)班', '家长电话', '父亲', '刘老师', '反映近况', '', ''],
  ['2026-11-20', '王小刚', '五(2)班', '家访', '监护人', '刘老师', '家访', '', ''],
  ['2026-11-25', '赵小丽', '五(2)班', '家长电话', '母亲', '刘老师', '沟通作业', '', ''],
  ['2026-08-20', '陈小军', '一(1)班', '谈心', '学生', '孙老师', '暑假谈心（学期前）', '', ''],
  ['昨天', '赵小丽', '五(2)班', '谈心', '学生', '刘老师', '日期写错', '', ''],
];

/**
 * Hand count for the current term (2026-09-01 on, as of 2026-11-30): 5 children, grades 1:1, 3:2, 5:2,
 * 3 boys and 2 girls; talks 3 (张小明 twice, 李小红 once; 陈小军's is before the term, the 昨天 row
 * unreadable), parent calls 2, home visits 1; children without a talk: 王小刚, 赵小丽, 陈小军 = 3.
 */
export const EXPECTED = {
  children: 5,
  byGrade: { '1': 1, '2': 0, '3': 2, '4': 0, '5': 2, '6': 0, '7': 0, '8': 0, '9': 0 },
  byGender: { 男: 3, 女: 2 },
  talks: 3,
  parentCalls: 2,
  homeVisits: 1,
  childrenWithoutTalk: 3,
} as const;

/**
 * A term of the school's life (issue 17), typed as teachers type it. Hand count for the term (2026-09-01 on):
 * activities 3 (the August one is before the term) with 张小明, 李小红, 王小刚 taking part, so 2 without;
 * in November 1 activity (王小刚). One group with 2 members. Roll call: 3 days, 4 attendances, 1 pickup
 * missing (李小红 on 11-07, no sign-out: 签到!D3), 王小刚 collected by someone unregistered (签到!F4).
 * Fund: income 2000, spent 800 (aid to 3 children), balance 1200; the November aid lacks its handler
 * (基金收支!F4). Training: 3 teachers, 2×2 + 3 = 7 hours and 2×1 + 1.5 = 3.5 credits (counted per teacher). 活动记录!E5 names someone not on the roster.
 */
export const LIFE_SHEETS: { name: string; rows: Cell[][] }[] = [
  {
    name: '活动记录',
    rows: [
      ['活动记录（本学期）'],
      ['日期', '活动名称', '类型', '负责人', '参加学生', '备注'],
      ['2026-09-30', '中秋节慰问', '节日慰问', '陈老师', '张小明、李小红，王小刚', ''],
      ['2026年10月16日', '故事会', '主题班会', '陈老师', '三（1）班', ''],
      [{ date: '2026-11-13' }, '集体生日会', '生日会', '刘老师', '王小刚 赵无名', ''],
      ['2026-08-25', '暑期活动', '外出活动', '孙老师', '陈小军', ''],
    ],
  },
  {
    name: '兴趣小组',
    rows: [
      ['小组', '指导教师', '活动时间', '成员'],
      ['竖笛组', '陈老师', '周三下午', '张小明、李小红'],
    ],
  },
  {
    name: '留守之家签到',
    rows: [
      ['日期', '学生', '签到时间', '签退时间', '接送人', '与学生关系', '值班教师'],
      ['2026-11-07', '张小明', '8:00', '11:30', '张大山', '', '陈老师'],
      ['2026-11-07', '李小红', '8:00', '', '', '', '陈老师'],
      ['2026-11-14', '王小刚', '8:00', '11:30', '王某', '', '刘老师'],
      ['２０２６．１０．１０', '赵小丽', '8:00', '11:30', '赵德明', '祖父', '刘老师'],
    ],
  },
  {
    name: '基金收支',
    rows: [
      ['日期', '收支', '金额', '来源或用途', '受助学生', '经手人', '凭证号'],
      ['2026-09-01', '收入', 2000, '爱心捐款', '', '校长', 'P001'],
      ['2026-10-01', '支出', 500, '中秋慰问', '张小明、李小红', '陈老师', 'P002'],
      ['2026-11-20', '支出', '300元', '助学', '王小刚', '', ''],
    ],
  },
  {
    name: '培训记录',
    rows: [
      ['日期', '教师', '培训内容', '学时', '学分'],
      ['2026-10-12', '陈老师、刘老师', '心理健康教育', 2, 1],
      ['2026-11-05', '孙老师', '安全教育', 3, 1.5],
    ],
  },
];

export const LIFE_EXPECTED = {
  term: {
    activities: { count: 3, childrenTakingPart: 3, childrenWithout: 2 },
    interestGroups: { groups: 1, members: 2, childrenInNone: 3 },
    fund: { income: 2000, spent: 800, balance: 1200, childrenAided: 3 },
    training: { teachers: 3, hours: 7 },
    rollCall: { days: 3, attendances: 4, pickupsMissing: 1 },
  },
  november: {
    activities: { count: 1, childrenTakingPart: 1, childrenWithout: 4 },
    fund: { income: 0, spent: 300, balance: 1200, childrenAided: 1 },
    training: { teachers: 1, hours: 3 },
    rollCall: { days: 2, attendances: 3, pickupsMissing: 1 },
  },
  /** sheet, 1-based row, column letter, rule, severity */
  findings: [
    ['活动记录', 5, 'E', 'name-unknown', 'warning'],
    ['留守之家签到', 3, 'D', 'pickup-missing', 'error'],
    ['留守之家签到', 4, 'F', 'pickup-unregistered', 'warning'],
    ['基金收支', 4, 'F', 'fund-incomplete', 'warning'],
  ],
} as const;

export function smallSchool(options: { schoolName?: string; withLog?: boolean; withLife?: boolean } = {}): Uint8Array {
  const sheets = [
    { name: '花名册', sheet: worksheet(ROSTER) },
    { name: '帮扶人员', sheet: worksheet(MENTORS) },
  ];
  if (options.withLog !== false) sheets.push({ name: '谈心记录', sheet: worksheet(LOG_ROWS) });
  if (options.withLife) for (const s of LIFE_SHEETS) sheets.push({ name: s.name, sheet: worksheet(s.rows) });
  if (options.schoolName)
    sheets.push({
      name: '设置',
      sheet: worksheet([
        ['设置项', '值', '说明'],
        ['学校名称', options.schoolName, ''],
      ]),
    });
  return workbookBytes(sheets);
}
