/**
 * The whole-workbook upkeep, one orchestration for the command line's `apply` and the pane alike:
 * roster check -> pairing -> contact settings, log and reminders -> summary and report -> findings.
 * Later steps take the earlier steps' results from memory (the reminders use the pairing just
 * computed, the summary the pairs and log just read), so one run needs one snapshot and gives one plan.
 *
 * Pure: the calendar arrives as a parameter (hosts create the tyme-backed one; the pane loads it on
 * demand), `today` is a string, nothing here reads a clock or a file.
 */
import type { CellValue } from '../cells';
import type { ChineseCalendar } from '../calendar/types';
import { contactSettingDefs, readContactSettings, type ContactSettings } from '../contacts/settings';
import { logSheetOp, readLog, type ListSource, type LogRead } from '../contacts/log';
import type { SheetFinding } from '../contacts/findings';
import type { IsoDate } from '../dates';
import type { Lang, Params } from '../i18n';
import {
  awardsSheetOp,
  LIFE_SHEETS,
  quarterOf,
  quarterlySheetOp,
  lifeChildren,
  lifeFigures,
  lifeJson,
  lifeTemplateOp,
  readLife,
  type LifeFigures,
  type LifeFinding,
  type LifeJson,
  type LifeRead,
} from '../life';
import { mentorsTemplateOp, planPairing, PAIRING_SETTING_DEFS, type PairingPlan } from '../pairing';
import { planCellValue, type PlanOp, type SheetContent, type WorkbookPlan } from '../plan/types';
import { buildReminders, lifeReminderItems, remindersSheetOp, type ReminderResult } from '../reminders';
import { checkRoster, columnSetting, overrideFromSettings, refreshedMappingValues, ROSTER_SHEET_SETTING } from '../roster';
import { FIELD_KEYS, recordKey, type RosterCheck, type RosterRecord } from '../roster/types';
import { headerTextsFound, lastUsedRow, planSettings, readSettings, looseHeaderKey, settingsColumnsText, settingsLayout, settingsOps, type SettingDef } from '../settings';
import { sheetOfPart, SHEETS } from '../sheets';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import {
  childrenFromRecords,
  computeSummary,
  recordedFacts,
  type RecordedFacts,
  periodFor,
  periodLabel,
  reportSheetOp,
  summaryJson,
  summarySheetOp,
  type Period,
  type PeriodChoice,
  type SummaryFigures,
  type SummaryFinding,
  type SummaryJson,
  type SummaryLogEntry,
} from '../summary';
import { allFindingsSheetOp, countFindings, type FindingCounts, type SheetIssue } from './findings';
import { CARD_SETTING_DEFS, planChildFiles, supportPlanFindings, type ChildFilesPlan } from '../cards';
import { classNormalizer } from '../pairing';

export { allFindingsSheetOp, countFindings, type FindingCounts, type FindingDomain, type SheetIssue } from './findings';

/** 设置 row naming the school, for the roll-up's sheet names and titles. */
export const SCHOOL_NAME_SETTING = '学校名称';
const SCHOOL_NAME_DEF: SettingDef = { label: SCHOOL_NAME_SETTING, defaultValue: '', note: '汇总到乡镇或县时显示的学校名称；留空则用文件名。' };

/** Every 设置 row the add-in offers, in the order a new sheet lists them. */
export function maintainedSettingDefs(today: IsoDate): SettingDef[] {
  return [SCHOOL_NAME_DEF, ...contactSettingDefs(today), ...PAIRING_SETTING_DEFS, ...CARD_SETTING_DEFS];
}

/** The school's name as 设置 gives it, or null when the row is missing or blank. */
export function schoolNameOf(workbook: WorkbookSnapshot): string | null {
  const v: CellValue | undefined = readSettings(workbook).get(SCHOOL_NAME_SETTING)?.value;
  const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  return text || null;
}

/** The summary period could not be formed (a bad custom date, from after to). Hosts show t(lang, messageKey, params). */
export class WorkflowError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Params = {},
  ) {
    super(`workflow failed (${messageKey})`);
    this.name = 'WorkflowError';
  }
}

export interface MaintenanceOptions {
  readonly today: IsoDate;
  readonly lang: Lang;
  readonly calendar: ChineseCalendar;
  /** The summary's period; the current term (as 设置 gives it) by default. */
  readonly period?: PeriodChoice;
  /** An explicit roster sheet, winning over the mapping saved in 设置. */
  readonly rosterSheet?: string;
  /** The roster's sheets named now (the command line's --sheet, several), winning over `rosterSheet` and 设置. */
  readonly rosterSheets?: readonly string[];
  /**
   * Put 联系卡 and 成长记录 in the plan. Off by default: for 2,000 children they are ≈ 137,000 rows and
   * 8,300 page breaks, so they are written on demand (the pane's 档案 view, `apply --cards`), not on every
   * run (bench/README.md, docs/ARCHITECTURE.md §3). `childFiles` holds them either way.
   */
  readonly printSheets?: boolean;
  /**
   * The sheets the caller writes from this plan (its ops are theirs alone; a print sheet's parts go with
   * it); every maintained sheet by default. Without 结对帮扶 among them (更新统计 writes 统计汇总 and
   * 工作报告; `summary` and `cards` write none) nothing generates the pairs, so the summary, the report,
   * 提醒事项's 负责人 and the cards take the pairs 结对帮扶 holds (none without the sheet), not those
   * 生成结对 would write (issue 15).
   */
  readonly writeOnly?: readonly string[];
}

/** Every finding of the workbook by where it came from, with the one count of them all. */
export interface WorkbookFindings {
  readonly roster: RosterCheck['findings'];
  readonly pairing: PairingPlan['findings'];
  readonly contacts: readonly SheetFinding[];
  readonly life: readonly LifeFinding[];
  /** What 校验结果 lists after the roster's: pairing, 帮扶计划, contacts, life. */
  readonly others: readonly SheetIssue[];
  readonly counts: FindingCounts;
}

export interface MaintenancePlan {
  readonly roster: RosterCheck;
  /** Pairing result, stats and diff for the 结对 view (the ops are part of `plan`). */
  readonly pairing: PairingPlan;
  readonly contacts: {
    readonly settings: ContactSettings;
    readonly log: LogRead;
    /** The items and calendar notes behind 提醒事项; todayView(items, teacher) gives the 今日 view. */
    readonly reminders: ReminderResult;
  };
  /** 联系卡, 成长记录 and 帮扶计划 (issue 16): the children, the plans' findings and due reviews (the ops are part of `plan`). */
  readonly childFiles: ChildFilesPlan;
  /** 活动记录, 兴趣小组, 留守之家签到, 基金收支, 培训记录 as read, and their figures for the summary's period. */
  readonly life: { readonly read: LifeRead; readonly figures: LifeFigures };
  /** The JSON of `summary --json`: the summary's, with the life figures added (issue 17; additions only). */
  readonly summary: { readonly period: Period; readonly figures: SummaryFigures; readonly json: SummaryJson & LifeJson };
  readonly findings: WorkbookFindings;
  /**
   * One plan bringing every maintained sheet up to date, in this order: 设置, 帮扶人员, 谈心记录, 活动记录,
   * 兴趣小组, 留守之家签到, 基金收支, 培训记录, 帮扶计划 (the user-kept ones, created or completed), 结对帮扶, 提醒事项, 统计汇总, 工作报告, 评比参考, 季度会议材料, 联系卡 and 成长记录 (with `printSheets`), 校验结果
   * (rebuilt); only those `writeOnly` names when it is given.
   * The roster is never in it.
   */
  readonly plan: WorkbookPlan;
}

/** The 谈心记录 dropdowns: 学生 from the roster's name column, 记录人 from 帮扶人员's (as it will be after this run). */
function logListSources(check: RosterCheck, pairing: PairingPlan): { students?: ListSource; recorders?: ListSource } {
  const nameCol = check.layout.columns.name;
  // A dropdown lists one range: a roster of several class sheets gets none rather than one class's names.
  const students = nameCol === undefined || check.layouts.length > 1 ? undefined : { sheet: check.layout.sheet, col: nameCol, firstRow: check.layout.firstDataRow };
  const layout = pairing.result.mentorLayout;
  const layoutName = layout?.columns.name;
  const recorders = layout && layoutName !== undefined ? { sheet: layout.sheet, col: layoutName, firstRow: layout.headerRow + 1 } : undefined;
  return { ...(students ? { students } : {}), ...(recorders ? { recorders } : {}) };
}

/** Labels of 设置 the add-in knows: a sheet holding none of them, and no header, is not one it can read. */
function knownSetting(defs: readonly SettingDef[]): (label: string) => boolean {
  const keys = new Set([...defs.map((d) => d.label), ROSTER_SHEET_SETTING, ...FIELD_KEYS.map(columnSetting)].map(looseHeaderKey));
  return (label) => keys.has(looseHeaderKey(label));
}

/**
 * 设置 created with every default, or completed with the rows it lacks (values people set are kept), and a
 * stale saved column mapping rewritten with the columns this run used. A 设置 the school laid out its own
 * way gets its value cells written but no rows appended (a finding lists them); one the add-in cannot
 * read at all is left alone, with a finding naming the columns it expected and those it found.
 */
function settingsPlan(workbook: WorkbookSnapshot, today: IsoDate, roster: RosterCheck): { ops: PlanOp[]; findings: SheetFinding[] } {
  const defs = maintainedSettingDefs(today);
  const sheet = findSheet(workbook, SHEETS.settings);
  if (!sheet) return { ops: settingsOps(workbook, defs, new Map()), findings: [] };
  const existing = readSettings(workbook);
  const layout = settingsLayout(sheet);
  const known = knownSetting(defs);
  const empty = lastUsedRow(workbook, SHEETS.settings) < 0;
  if (layout.headerRow < 0 && !empty && ![...existing.values()].some((e) => known(e.label))) {
    const finding: SheetFinding = {
      sheet: SHEETS.settings,
      row: sheet.origin.row,
      col: null,
      rule: 'settings-header-missing',
      severity: 'error',
      messageKey: 'contacts.settings.headerMissing',
      params: { found: headerTextsFound(sheet) || '—' },
    };
    return { ops: [], findings: [finding] };
  }
  const values = new Map<string, { value: CellValue; note?: string }>(defs.filter((d) => !existing.has(d.label)).map((d) => [d.label, { value: d.defaultValue, note: d.note }]));
  for (const [label, v] of refreshedMappingValues(roster)) values.set(label, v);
  const { ops, notWritten } = planSettings(workbook, defs, values);
  if (!notWritten) return { ops, findings: [] };
  const finding: SheetFinding = {
    sheet: SHEETS.settings,
    row: notWritten.layout.headerRow,
    col: null,
    rule: 'settings-layout-foreign',
    severity: 'warning',
    messageKey: 'contacts.settings.layoutForeign',
    params: { ...settingsColumnsText(notWritten.layout), labels: notWritten.labels.join('；') },
  };
  return { ops, findings: [finding] };
}

/** A sheet's values as a port writes `content`: title lines in column A, the header row, the rows. */
function contentValues(content: SheetContent): CellValue[][] {
  return [...(content.titleLines ?? []).map((line) => [line]), content.columns.map((c) => c.header), ...content.rows.map((r) => r.map(planCellValue))];
}

/** The snapshot as it will be once `ops` have created the sheets they create when missing. */
function withCreatedSheets(workbook: WorkbookSnapshot, ops: readonly PlanOp[]): WorkbookSnapshot {
  const created = ops.flatMap((op) =>
    op.kind === 'createSheetIfMissing' && !findSheet(workbook, op.sheet) ? [{ name: op.sheet, origin: { row: 0, col: 0 }, values: contentValues(op.content) }] : [],
  );
  return created.length ? { sheets: [...workbook.sheets, ...created] } : workbook;
}

/**
 * Who answers for each child, only from what the workbook will hold: when this plan writes 结对帮扶
 * (`pairsWritten`), the pairs it writes — but a 结对帮扶 that cannot be rewritten (the school's own, with
 * columns the add-in does not write) is not replaced, so its pairs are unknown; otherwise the pairs the
 * sheet holds now. Rows repeat from class sheet to class sheet: a child is its sheet and row (recordKey).
 */
function responsibilities(pairing: PairingPlan, pairsWritten = true) {
  const writtenPairs = !pairsWritten ? pairing.held.rows : pairing.existing.readable ? pairing.result.rows : [];
  const mentorByChild = new Map<string, string>();
  for (const row of writtenPairs) if (row.teacher.mentor) mentorByChild.set(recordKey(row.child), row.teacher.mentor);
  const classTeachers = new Map<string, string>();
  for (const m of pairing.result.mentors) if (m.kind === '班主任' && m.classes[0] && !classTeachers.has(m.classes[0])) classTeachers.set(m.classes[0], m.name);
  return { writtenPairs, mentorByChild, classTeachers };
}

/** The summary's input: children, findings, the pairs written, mentors, the log and the parent-call cadence. */
function summaryInputOf(
  records: readonly RosterRecord[],
  findings: SummaryFinding[],
  writtenPairs: PairingPlan['result']['rows'],
  pairing: PairingPlan,
  entries: ReturnType<typeof readLog>['entries'],
  parentCall: ReturnType<typeof readContactSettings>['settings']['cadence']['parentCall'],
  recorded: RecordedFacts,
) {
  const log: SummaryLogEntry[] = entries.map((e) => ({
    date: e.date,
    childKey: recordKey(records[e.child]),
    classLabel: records[e.child].classLabel,
    kind: e.kind,
    target: e.target,
    recorder: e.recorder,
    followUp: e.followUp,
    followUpDue: e.followUpDue,
  }));
  return {
    children: childrenFromRecords(records, recordKey),
    recorded,
    findings,
    pairs: writtenPairs.map((r) => ({ childKey: recordKey(r.child), teacher: r.teacher.mentor ?? '', buddy: r.buddy.mentor ?? '', proxy: r.proxy.mentor ?? '' })),
    mentors: pairing.result.mentors.map((m) => ({ name: m.name, kind: m.kind, capacity: m.capacity })),
    log,
    cadences: { parentCallDays: parentCall && 'days' in parentCall ? parentCall.days : 14 },
  };
}

/**
 * 提醒事项's items: contacts, follow-ups, birthdays and the calendar, the school's life, and 帮扶计划's due
 * reviews (`planReviews`), all in one sort, with responsibilities from the pairs the workbook will hold.
 */
function remindersFor(input: {
  today: IsoDate;
  calendar: ChineseCalendar;
  records: readonly RosterRecord[];
  settings: ContactSettings;
  log: LogRead;
  life: LifeRead;
  pairing: PairingPlan;
  responsible: Pick<ReturnType<typeof responsibilities>, 'mentorByChild' | 'classTeachers'>;
  planReviews: ReminderResult['items'];
}): ReminderResult {
  const { today, calendar, records, settings, pairing } = input;
  const { mentorByChild, classTeachers } = input.responsible;
  const lifeItems = lifeReminderItems({
    today,
    termStart: settings.terms.termStart,
    termEnd: settings.terms.termEnd,
    children: records,
    activities: input.life.activities,
    training: input.life.training,
    mentors: pairing.result.mentors,
    calendar,
    mentorByChild,
    classTeachers,
  });
  return buildReminders({ today, children: records, log: input.log.entries, settings, calendar, mentorByChild, classTeachers, extraItems: [...lifeItems, ...input.planReviews] });
}

/**
 * Plan the upkeep of every sheet the add-in maintains. Throws RosterNotFoundError (from the roster
 * module) when the workbook has no roster, and WorkflowError when the period is not valid.
 */
/**
 * What every later step reads: the user-kept sheets as this run will leave them (the ops that create or
 * complete them, and the snapshot with them in), the pairing, the contact settings and log, the life sheets.
 */
function readParts(workbook: WorkbookSnapshot, roster: RosterCheck, today: IsoDate, lang: Lang) {
  const records: readonly RosterRecord[] = roster.records;
  // The user-kept sheets first: what this run creates is read back as if already there, so the run
  // after it (which finds them) computes the same generated sheets.
  const settingsUpkeep = settingsPlan(workbook, today, roster);
  const keptOps: PlanOp[] = [...settingsUpkeep.ops];
  if (!findSheet(workbook, SHEETS.mentors)) keptOps.push(mentorsTemplateOp());
  const withMentors = withCreatedSheets(workbook, keptOps);
  const pairing = planPairing(withMentors, records, lang, { today });
  if (!findSheet(workbook, SHEETS.log)) keptOps.push(logSheetOp(logListSources(roster, pairing)));
  for (const sheet of LIFE_SHEETS) if (!findSheet(workbook, sheet)) keptOps.push(lifeTemplateOp(sheet));
  const planned = withCreatedSheets(workbook, keptOps);
  const settings = readContactSettings(planned, today);
  const log = readLog(planned, records, today);
  const life = readLife(planned, lifeChildren(records), today);
  const contactFindings: SheetFinding[] = [...settingsUpkeep.findings, ...settings.findings, ...log.findings];
  return { records, keptOps, pairing, planned, settings, log, life, contactFindings };
}

/** Every finding of the add-in's own sheets, in 校验结果's order (after the roster's). */
function otherFindings(parts: ReturnType<typeof readParts>, planFindings: readonly SheetIssue[]): SheetIssue[] {
  return [...parts.pairing.findings, ...planFindings, ...parts.contactFindings, ...parts.life.findings];
}

function findingsOf(roster: RosterCheck, parts: ReturnType<typeof readParts>, planFindings: readonly SheetIssue[]): WorkbookFindings {
  const others = otherFindings(parts, planFindings);
  return {
    roster: roster.findings,
    pairing: parts.pairing.findings,
    contacts: parts.contactFindings,
    life: parts.life.findings,
    others,
    counts: countFindings(roster.findings, [...parts.pairing.findings, ...planFindings], parts.contactFindings, parts.life.findings),
  };
}

/**
 * The findings `planMaintenance` lists in 校验结果, without planning the sheets: what the pane's check
 * shows and counts, so its count is the sheet's and the report's. `roster` is the check already made.
 */
export function workbookFindings(workbook: WorkbookSnapshot, roster: RosterCheck, options: { readonly today: IsoDate; readonly lang: Lang }): WorkbookFindings {
  const { today, lang } = options;
  const parts = readParts(workbook, roster, today, lang);
  const plans = supportPlanFindings(parts.planned, {
    records: parts.records,
    pairing: { ...parts.pairing.result, rows: responsibilities(parts.pairing).writtenPairs },
    today,
    schoolNameLabel: SCHOOL_NAME_SETTING,
    normalizeClass: classNormalizer(today),
  });
  return findingsOf(roster, parts, plans);
}

export function planMaintenance(workbook: WorkbookSnapshot, options: MaintenanceOptions): MaintenancePlan {
  const { today, lang, calendar } = options;
  const roster = checkRoster(workbook, { today, sheet: options.rosterSheet, sheets: options.rosterSheets, override: overrideFromSettings(workbook) });
  const parts = readParts(workbook, roster, today, lang);
  const { records, keptOps, pairing, planned, settings, log, life } = parts;
  const writeOnly = options.writeOnly && new Set(options.writeOnly);
  const responsible = responsibilities(pairing, !writeOnly || writeOnly.has(SHEETS.pairing));
  const { writtenPairs } = responsible;
  const childFiles = planChildFiles(planned, {
    records,
    pairing: { ...pairing.result, rows: writtenPairs },
    log: log.entries,
    life,
    today,
    lang,
    schoolNameLabel: SCHOOL_NAME_SETTING,
    normalizeClass: classNormalizer(today),
  });
  const findings = findingsOf(roster, parts, childFiles.supportPlans.findings);
  const reminders = remindersFor({ today, calendar, records, settings: settings.settings, log, life, pairing, responsible, planReviews: childFiles.supportPlans.reminders });

  const chosen = periodFor(options.period ?? { kind: 'term' }, today, [{ from: settings.settings.terms.termStart, to: settings.settings.terms.termEnd }]);
  if (!chosen.ok) throw new WorkflowError(chosen.messageKey, chosen.params);
  const period = chosen.period;
  // The report counts what 校验结果 lists: every domain's findings (its type names the roster's ids, the figures only group by the text).
  const qualityFindings = [...roster.findings, ...findings.others] as unknown as SummaryFinding[];
  const summaryInput = summaryInputOf(records, qualityFindings, writtenPairs, pairing, log.entries, settings.settings.cadence.parentCall, recordedFacts(roster.layouts));
  const figures = computeSummary(summaryInput, period);

  const lifeNumbers = lifeFigures(life, records.length, period);
  // 季度会议材料: the same figures for the calendar quarter today is in.
  const quarter = quarterOf(today);
  const quarterPeriod = periodFor({ kind: 'custom', from: quarter.from, to: quarter.to }, today, [
    { from: settings.settings.terms.termStart, to: settings.settings.terms.termEnd },
  ]);
  const quarterFigures = quarterPeriod.ok ? computeSummary(summaryInput, quarterPeriod.period) : figures;
  const overdueContacts = reminders.items.filter((i) => i.kind === 'contact' && i.status === 'overdue').length;

  const ops: PlanOp[] = [
    ...keptOps,
    ...childFiles.supportPlans.ops,
    // The template is already in keptOps; planPairing saw it in `withMentors` and adds only 结对帮扶.
    ...pairing.ops.filter((o) => o.sheet !== SHEETS.mentors),
    remindersSheetOp(reminders.items, lang, today, reminders.calendarNotes),
    summarySheetOp(figures, lang, period, lifeNumbers),
    reportSheetOp(figures, lang, period, lifeNumbers),
    awardsSheetOp(
      {
        children: records,
        life,
        range: period,
        periodLabel: periodLabel(period, lang),
        talks: log.entries.filter((e) => e.kind === 'talk').map((e) => ({ child: e.child, date: e.date })),
        teachers: figures.contact.byTeacher.filter((x) => x.teacher).map((x) => ({ name: x.teacher, paired: x.paired.children, onTimeShare: x.paired.callCadenceShare })),
      },
      lang,
    ),
    quarterlySheetOp({ quarter, asOf: today, figures: quarterFigures, life: lifeFigures(life, records.length, quarter), overdueContacts }, lang),
    ...(options.printSheets ? [...childFiles.cardSheets, ...childFiles.recordSheets] : []),
    allFindingsSheetOp(roster, findings.others, lang, today),
  ];
  return {
    roster,
    pairing,
    contacts: { settings: settings.settings, log, reminders },
    childFiles,
    life: { read: life, figures: lifeNumbers },
    summary: { period, figures, json: { ...summaryJson(figures), ...lifeJson(lifeNumbers) } },
    findings,
    plan: { ops: writeOnly ? ops.filter((op) => writeOnly.has(sheetOfPart(op.sheet))) : ops },
  };
}
