/**
 * Everything the 结对 / 今日 / 汇总 views compute with, in one chunk fetched when a view is first opened
 * (never on the pane's first screen). The Chinese calendar (tyme4ts) is a further chunk, fetched only
 * by the whole-workbook run that needs it.
 */
import '../../core/i18n/all';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { planMaintenance, type MaintenanceOptions, type MaintenancePlan } from '../../core/workflow';

export { checkRoster, overrideFromSettings, overrideSettingsOps } from '../../core/roster';
export { planPairing } from '../../core/pairing';
export { planMaintenance, schoolNameOf, workbookFindings, allFindingsSheetOp } from '../../core/workflow';
export { findingRuleLabel } from '../../core/summary/labels';
export { CONTACT_KINDS, TARGETS, FOLLOW_UP_DEFAULT_DAYS, logEntryOp } from '../../core/contacts';
export { todayView, renderMsg, statusText } from '../../core/reminders';
export { periodLabel, formatShare, share, deidentifyWorkbook, deidentifyMessage, rollupPlan } from '../../core/summary';
export { SHEETS } from '../../core/sheets';
export { activityEntryPlan, rollCallEntryPlan, registeredAdults, ACTIVITY_TYPES } from '../../core/life';
// 档案 (issue 16): the cards and records as the sheets print them.
export { planChildFiles, cardRows, recordEntryCells, childHeaderText, recordColumnHeaders, readCardSettings, printSplitNote } from '../../core/cards';
export { classNormalizer } from '../../core/pairing';
export { SCHOOL_NAME_SETTING } from '../../core/workflow';
export { periodFor } from '../../core/summary';

let calendar: Promise<typeof import('../../core/calendar/tyme')> | null = null;

/** The workflow over `snapshot` with the tyme4ts calendar (loaded on first use). */
export async function maintain(snapshot: WorkbookSnapshot, options: Omit<MaintenanceOptions, 'calendar'>): Promise<MaintenancePlan> {
  calendar ??= import(/* webpackChunkName: "calendar" */ '../../core/calendar/tyme').catch((e) => {
    calendar = null;
    throw e;
  });
  const { createTymeCalendar } = await calendar;
  return planMaintenance(snapshot, { ...options, calendar: createTymeCalendar() });
}
// The 设置 screen: the 帮扶人员 form and the 设置 form plan their writes here.
export { readMentorRows, mentorProblems, addMentorOps, editMentorOps, removeMentorOps, MENTOR_FORM_COLUMNS } from '../../core/pairing/mentorEdits';
export { MENTOR_KINDS } from '../../core/pairing/types';
export { SETTINGS_FIELDS, SETTINGS_SECTIONS, readSettingsForm, settingsProblems, settingsChanges, settingsFormOps } from '../../core/workflow/settingsForm';
