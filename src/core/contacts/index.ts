/** The contact log (谈心记录) and its settings (设置): pure functions over snapshots and plain records. */
export { CONTACT_KINDS, KIND_IDS, KIND_LABELS, TARGETS, kindLabel, parseKind, pausesOffSchool, type ContactKind, type ContactTarget } from './kinds';
export { CONTACT_RULE_IDS, type ContactRuleId, type SheetFinding } from './findings';
export { parseDateCell, parseDateRanges, type DateCellResult } from './dateCell';
export {
  CADENCE_LABELS,
  CALENDAR_LABELS,
  KEY_FOCUS_LABELS,
  contactSettingDefs,
  contactSettingsOps,
  parseCadence,
  readContactSettings,
  type Cadence,
  type ContactSettings,
  type ContactSettingsResult,
} from './settings';
export {
  LOG_HEADERS,
  LOG_TABLE_NAME,
  FOLLOW_UP_DEFAULT_DAYS,
  logEntryOp,
  logSheetOp,
  readLog,
  type ChildRecord,
  type ListSource,
  type LogEntry,
  type LogRead,
  type NewLogEntry,
} from './log';
