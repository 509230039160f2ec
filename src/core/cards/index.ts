/**
 * Each child's file on paper (issue 16): 联系卡 (contact cards, two to an A4 page), 成长记录 (the record
 * card: each child's log in date order, a page per child) and 帮扶计划 (key-focus children's individual
 * plans, kept by teachers). Pure: the roster, pairing and log arrive already read; `today` is a parameter.
 */
import type { LogEntry } from '../contacts/log';
import type { IsoDate } from '../dates';
import type { Lang } from '../i18n';
import type { PairingResult } from '../pairing/types';
import type { PlanOp } from '../plan/types';
import type { RosterRecord } from '../roster/types';
import type { WorkbookSnapshot } from '../snapshot';
import { cardChildren, entriesByChild, filterChildren, mentorPhones, type CardChild, type CardFilter } from './child';
import { contactCardsSheetOp } from './contactCards';
import { growthRecordSheetOp, type RecordPeriod } from './records';
import { readCardSettings } from './settings';
import { planSupportPlans, type SupportPlanResult } from './supportPlans';

export * from './child';
export * from './contactCards';
export * from './records';
export * from './settings';
export * from './supportPlans';

export interface ChildFilesInput {
  readonly records: readonly RosterRecord[];
  readonly pairing: Pick<PairingResult, 'rows' | 'mentors' | 'mentorLayout'>;
  readonly log: readonly LogEntry[];
  readonly today: IsoDate;
  readonly lang: Lang;
  /** 设置's label of the school's name (the workflow owns it). */
  readonly schoolNameLabel: string;
  readonly normalizeClass: (text: string) => string | null;
  readonly filter?: CardFilter;
  readonly period?: RecordPeriod;
}

export interface ChildFilesPlan {
  readonly children: readonly CardChild[];
  /** The children the filter chose, in roster order. */
  readonly chosen: readonly CardChild[];
  readonly cards: PlanOp;
  readonly records: PlanOp;
  readonly supportPlans: SupportPlanResult;
}

export function planChildFiles(workbook: WorkbookSnapshot, input: ChildFilesInput): ChildFilesPlan {
  const settings = readCardSettings(workbook, input.schoolNameLabel);
  const children = cardChildren(input.records, input.pairing, mentorPhones(workbook, input.pairing));
  const chosen = filterChildren(children, input.filter ?? {}, input.normalizeClass);
  const { lang, today } = input;
  return {
    children,
    chosen,
    cards: contactCardsSheetOp(chosen, { lang, today, settings }),
    records: growthRecordSheetOp(chosen, entriesByChild(input.log), { lang, today, period: input.period, schoolName: settings.schoolName }),
    supportPlans: planSupportPlans(workbook, children, today, settings.juniorGoals, input.normalizeClass),
  };
}
