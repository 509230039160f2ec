import type { Params } from '../i18n';

/**
 * A problem found in a sheet the contacts core reads (谈心记录, 设置). Rule ids are stable, like the
 * roster's (docs/ARCHITECTURE.md §5); the text comes from the catalogue. Params never hold names, IDs or phones.
 */
export const CONTACT_RULE_IDS = [
  'setting-invalid',
  'setting-term-order',
  'setting-term-stale',
  'log-header-missing',
  'log-date-invalid',
  'log-date-assumed-year',
  'log-date-future',
  'log-child-missing',
  'log-child-unknown',
  'log-child-ambiguous',
  'log-kind-unknown',
  'log-follow-up-date-invalid',
  // A 设置 the school made itself (issue 14): laid out otherwise than the template, or not readable at all.
  'settings-layout-foreign',
  'settings-header-missing',
] as const;
export type ContactRuleId = (typeof CONTACT_RULE_IDS)[number];

export interface SheetFinding {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** 0-based column, or null when the finding is about the whole row or sheet. */
  readonly col: number | null;
  readonly rule: ContactRuleId;
  readonly severity: 'error' | 'warning';
  readonly messageKey: string;
  readonly params: Params;
}
