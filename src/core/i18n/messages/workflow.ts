import type { DomainMessages } from '../index';

/** The whole-workbook upkeep (`apply`, the pane's "全部更新"): what it adds to the other domains' words. */
export const workflow: DomainMessages = {
  'zh-CN': {
    'workflow.findings.others': '帮扶人员、结对帮扶、设置、谈心记录及活动、签到、基金、培训记录中另有 {count} 个问题：{errors} 个错误，{warnings} 个警告（列在花名册问题之后）。',
  },
  'en-US': {
    'workflow.findings.others':
      "{count, plural, one {{count} more problem} other {{count} more problems}} in 帮扶人员, 结对帮扶, 设置, 谈心记录 and the activity, roll-call, fund and training sheets: {errors, plural, one {{errors} error} other {{errors} errors}}, {warnings, plural, one {{warnings} warning} other {{warnings} warnings}} (listed after the roster's).",
  },
};
