/**
 * Severities of findings and how they are counted: one function gives the count the pane's badges,
 * 校验结果's title, the report and the command line all show (issue 15: the pane said 5 where the sheet
 * and the report said 6). The words for each severity are `severity.<id>` in the catalogue.
 */
import { t, type Lang } from './i18n';

export type Severity = 'error' | 'warning';
export const SEVERITIES: readonly Severity[] = ['error', 'warning'];

export interface SeverityCounts {
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
}

/** How many findings there are, and how many of them are errors and warnings. */
export function countBySeverity(findings: readonly { readonly severity: string }[]): SeverityCounts {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { total: findings.length, errors, warnings: findings.length - errors };
}

/** The one word for a severity in every place a user reads it: 错误 / 警告, Error / Warning. */
export function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, `severity.${severity}`);
}
