import type { DomainMessages } from '../index';

/** The whole-workbook upkeep (`apply`, the pane's "全部更新"): what it adds to the other domains' words. */
export const workflow: DomainMessages = {
  'zh-CN': {
    'workflow.findings.title':
      '校验结果（花名册：工作表{sheet}，{children} 名儿童）：共 {count} 个问题，错误 {errors} 个，警告 {warnings} 个；其中花名册 {roster} 个，帮扶人员、结对帮扶、帮扶计划、设置、谈心记录及活动、签到、基金、培训记录 {others} 个（列在花名册问题之后）。检查日期 {date}。',
  },
  'en-US': {
    'workflow.findings.title':
      "Check results (roster: {sheet}, {children, plural, one {{children} child} other {{children} children}}): {count, plural, one {{count} problem} other {{count} problems}}, {errors, plural, one {{errors} error} other {{errors} errors}} and {warnings, plural, one {{warnings} warning} other {{warnings} warnings}}; {roster} in the roster, {others} in the 帮扶人员 (mentors), 结对帮扶 (pairing), 帮扶计划 (support plans), 设置 (settings), 谈心记录 (contact log), 活动记录 (activities), 留守之家签到 (sign-in), 基金收支 (fund) and 培训记录 (training) sheets (listed after the roster's). Checked on {date}.",
  },
};
