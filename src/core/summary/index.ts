/** 统计汇总, 工作报告, 脱敏导出 and the roll-up: the public surface the hosts and the CLI import. */
export * from './inputs';
export * from './period';
export * from './figures';
export { periodLabel, periodWhen, formatShare, roundShare, findingRuleLabel } from './labels';
export { summaryContent, summarySheetOp, reportContent, reportSheetOp, reportParagraphs, type SummaryContentOptions } from './sheets';
export { maskName, maskId, maskPhone, maskAddress, scrubDigits, MASK } from './mask';
export { deidentifyWorkbook, deidentifyMessage, maskerForHeader, type DeidentifyRoster, type DeidentifyResult, type DeidentifyCounts, type Masker } from './deidentify';
export { mergeFigures, rollupPlan, sheetNameFor, type SchoolFigures, type RollupResult } from './rollup';
export { summaryJson, type SummaryJson } from './json';
