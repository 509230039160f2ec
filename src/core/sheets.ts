/** The sheets the add-in owns or keeps (docs/ARCHITECTURE.md §3). One place for their names. */
export const SHEETS = {
  findings: '校验结果',
  mentors: '帮扶人员',
  pairing: '结对帮扶',
  log: '谈心记录',
  reminders: '提醒事项',
  summary: '统计汇总',
  report: '工作报告',
  settings: '设置',
  // The school's life around the children (issue 17): user-kept, created as templates, read back.
  activities: '活动记录',
  groups: '兴趣小组',
  rollCall: '留守之家签到',
  fund: '基金收支',
  training: '培训记录',
  /** Generated: facts for the school's awards, never a decision. */
  awards: '评比参考',
  /** Generated: the quarter's figures for the leadership group's meeting, one A4 page. */
  quarterly: '季度会议材料',
  // Issue 16: each child's file on paper.
  cards: '联系卡',
  records: '成长记录',
  supportPlans: '帮扶计划',
} as const;

export type OwnedSheet = (typeof SHEETS)[keyof typeof SHEETS];

/** Sheets the add-in generates (rebuilt every run); everything else it reads or appends to only. */
export const GENERATED_SHEETS: readonly string[] = [
  SHEETS.findings,
  SHEETS.pairing,
  SHEETS.reminders,
  SHEETS.summary,
  SHEETS.report,
  SHEETS.awards,
  SHEETS.quarterly,
  SHEETS.cards,
  SHEETS.records,
];

export function isAddinSheet(name: string): boolean {
  return (Object.values(SHEETS) as string[]).includes(name);
}
