import type { Params } from '../i18n';
import { SHEETS } from '../sheets';

/**
 * Findings of the five sheets of the school's life (活动记录, 兴趣小组, 留守之家签到, 基金收支, 培训记录).
 * Ids are stable like every rule id (docs/ARCHITECTURE.md §5); params never hold a name, ID or phone.
 */
export const LIFE_RULE_IDS = [
  'life-header-missing',
  'life-date-invalid',
  'name-unknown',
  'name-ambiguous',
  'pickup-missing',
  'pickup-unregistered',
  'fund-negative',
  'fund-incomplete',
  'fund-entry-invalid',
  'training-hours-invalid',
] as const;
export type LifeRuleId = (typeof LIFE_RULE_IDS)[number];

export const LIFE_SEVERITY: Readonly<Record<LifeRuleId, 'error' | 'warning'>> = {
  'life-header-missing': 'error',
  'life-date-invalid': 'warning',
  'name-unknown': 'warning',
  'name-ambiguous': 'warning',
  'pickup-missing': 'error',
  'pickup-unregistered': 'warning',
  'fund-negative': 'error',
  'fund-incomplete': 'warning',
  'fund-entry-invalid': 'warning',
  'training-hours-invalid': 'warning',
};

export interface LifeFinding {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** 0-based column, or null when the finding is about the whole row or sheet. */
  readonly col: number | null;
  readonly rule: LifeRuleId;
  readonly severity: 'error' | 'warning';
  readonly messageKey: string;
  readonly params: Params;
}

/** A column of a life sheet: its template header and the other headers teachers write for it. */
export interface LifeField {
  readonly key: string;
  readonly header: string;
  readonly aliases: readonly string[];
}

export type LifeSheetName = (typeof SHEETS)['activities' | 'groups' | 'rollCall' | 'fund' | 'training'];

export const ACTIVITY_TYPES = ['主题班会', '文体活动', '生日会', '节日慰问', '兴趣小组', '外出活动', '比赛', '讲座', '座谈会', '其他'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const FUND_KINDS = ['收入', '支出'] as const;
