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

/** Print sheets written in parts when their pages need more page breaks than Excel keeps a sheet (core/cards/parts.ts). */
export const SPLIT_PRINT_SHEETS: readonly string[] = [SHEETS.cards, SHEETS.records];

/** A print sheet's part `part` (0-based): the first keeps the sheet's name, the next are 成长记录（2）, 成长记录（3）… */
export function sheetPartName(sheet: string, part: number): string {
  return part === 0 ? sheet : `${sheet}（${part + 1}）`;
}

/** The sheet a part belongs to (成长记录（3） → 成长记录); any other name is its own. */
export function sheetOfPart(name: string): string {
  const m = /^(.+)（([1-9]\d*)）$/.exec(name);
  return m && Number(m[2]) >= 2 && SPLIT_PRINT_SHEETS.includes(m[1]) ? m[1] : name;
}

/** One of the add-in's sheets, or a part of one (成长记录（2）): never read as a roster. */
export function isAddinSheet(name: string): boolean {
  return (Object.values(SHEETS) as string[]).includes(sheetOfPart(name));
}
