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
import { recordKey, type RosterRecord } from '../roster/types';
import type { WorkbookSnapshot } from '../snapshot';
import { cardChildren, filterChildren, mentorPhones, type CardChild, type CardFilter } from './child';
import { contactCardsSheetOps } from './contactCards';
import { recordEntriesByChild, type DatedPairing, type RecordEntry, type RecordSources } from './entries';
import { growthRecordSheetOps, type RecordPeriod } from './records';
import { readCardSettings } from './settings';
import { planSupportPlans, readSupportPlans, type SupportPlanResult } from './supportPlans';

export * from './child';
export * from './contactCards';
export * from './entries';
export * from './parts';
export * from './records';
export * from './settings';
export * from './supportPlans';

export interface ChildFilesInput {
  readonly records: readonly RosterRecord[];
  readonly pairing: Pick<PairingResult, 'rows' | 'mentors' | 'mentorLayout'>;
  readonly log: readonly LogEntry[];
  /** 活动记录, 留守之家签到 and 基金收支 as read (src/core/life): more record lines. */
  readonly life?: Pick<RecordSources, 'activities' | 'rollCall' | 'fund'>;
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
  /** Each child's record lines (by roster index) within the period, in date order: what 成长记录 and the 档案 view print. */
  readonly entries: ReadonlyMap<number, readonly RecordEntry[]>;
  /** 联系卡 of the chosen children: one sheet, or parts (联系卡（2）…) past Excel's page breaks a sheet (parts.ts). */
  readonly cardSheets: readonly PlanOp[];
  /** 成长记录 likewise. */
  readonly recordSheets: readonly PlanOp[];
  readonly supportPlans: SupportPlanResult;
}

/** Each child's helpers with the day 上次生成 says the add-in wrote them; rows without a known day print no line. */
function datedPairings(records: readonly RosterRecord[], rows: ChildFilesInput['pairing']['rows']): DatedPairing[] {
  const index = new Map(records.map((r, i) => [recordKey(r), i]));
  return rows.flatMap((row) => {
    const child = index.get(recordKey(row.child));
    if (child === undefined || !row.changedOn) return [];
    return [{ child, date: row.changedOn, helpers: { teacher: row.teacher.mentor, buddy: row.buddy.mentor, proxy: row.proxy.mentor } }];
  });
}

/** 帮扶计划's rows and children: the key-focus children and those its rows name, not every child's file. */
function supportPlanInputs(workbook: WorkbookSnapshot, input: Pick<ChildFilesInput, 'records' | 'pairing' | 'today'>, phones: ReturnType<typeof mentorPhones>) {
  const plans = readSupportPlans(workbook, input.today);
  const named = new Set(plans.rows.map((p) => p.name));
  return { plans, children: cardChildren(input.records, input.pairing, phones, (r) => r.keyFocus || named.has(r.name)) };
}

/** Only 帮扶计划's findings, as planChildFiles finds them, without building the cards and records. */
export function supportPlanFindings(
  workbook: WorkbookSnapshot,
  input: Pick<ChildFilesInput, 'records' | 'pairing' | 'today' | 'schoolNameLabel' | 'normalizeClass'>,
): SupportPlanResult['findings'] {
  const settings = readCardSettings(workbook, input.schoolNameLabel);
  const { plans, children } = supportPlanInputs(workbook, input, mentorPhones(workbook, input.pairing));
  return planSupportPlans(workbook, children, input.today, settings.juniorGoals, input.normalizeClass, plans).findings;
}

/**
 * The children's files. Every child's file, 联系卡 and 成长记录 (and the record lines behind them) are built
 * when first read: `apply` writes them only on demand, and for 50,000 children 联系卡 alone is 800,000 rows.
 */
export function planChildFiles(workbook: WorkbookSnapshot, input: ChildFilesInput): ChildFilesPlan {
  const settings = readCardSettings(workbook, input.schoolNameLabel);
  const { lang, today } = input;
  const phones = mentorPhones(workbook, input.pairing);
  let children: CardChild[] | undefined;
  let chosen: CardChild[] | undefined;
  let entries: ReadonlyMap<number, readonly RecordEntry[]> | undefined;
  let cardSheets: PlanOp[] | undefined;
  let recordSheets: PlanOp[] | undefined;
  const { plans, children: planChildren } = supportPlanInputs(workbook, input, phones);
  return {
    get children() {
      return (children ??= cardChildren(input.records, input.pairing, phones));
    },
    get chosen() {
      return (chosen ??= filterChildren(this.children, input.filter ?? {}, input.normalizeClass));
    },
    get entries() {
      return (entries ??= recordEntriesByChild(lang, { log: input.log, ...input.life, pairings: datedPairings(input.records, input.pairing.rows) }, input.period));
    },
    get cardSheets() {
      return (cardSheets ??= contactCardsSheetOps(this.chosen, { lang, today, settings }));
    },
    get recordSheets() {
      return (recordSheets ??= growthRecordSheetOps(this.chosen, this.entries, { lang, today, period: input.period, schoolName: settings.schoolName }));
    },
    supportPlans: planSupportPlans(workbook, planChildren, today, settings.juniorGoals, input.normalizeClass, plans),
  };
}
