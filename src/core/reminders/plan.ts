import type { CalendarNote, ChineseCalendar } from '../calendar/types';
import type { SheetFinding } from '../contacts/findings';
import { logSheetOp, readLog, type ChildRecord, type ListSource } from '../contacts/log';
import { contactSettingsOps, readContactSettings } from '../contacts/settings';
import type { IsoDate } from '../dates';
import type { Lang } from '../i18n';
import type { PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { buildReminders, type ReminderItem } from './build';
import { remindersSheetOp } from './sheet';

export interface ContactsPlanInput {
  readonly workbook: WorkbookSnapshot;
  readonly today: IsoDate;
  readonly lang: Lang;
  /** The roster's children (RosterRecord fits). */
  readonly children: readonly ChildRecord[];
  readonly calendar: ChineseCalendar;
  /** recordKey(child) (its sheet and row) -> mentor (帮扶教师) from 结对帮扶. */
  readonly mentorByChild: ReadonlyMap<string, string>;
  /** Class label -> class teacher (班主任). */
  readonly classTeachers: ReadonlyMap<string, string>;
  /** Where the 谈心记录 dropdowns for 学生 and 记录人 take their lists from. */
  readonly listSources?: { readonly students?: ListSource; readonly recorders?: ListSource };
}

export interface ContactsPlan {
  readonly ops: PlanOp[];
  readonly findings: SheetFinding[];
  readonly items: ReminderItem[];
  readonly calendarNotes: CalendarNote[];
}

/**
 * Everything `apply` does for contacts in one go: 设置 rows created or completed, 谈心记录 created when
 * missing, 提醒事项 rebuilt. Note for whoever merges plans: when 设置 is missing, this and any other
 * module's settings op each create it; merge their rows into one createSheetIfMissing.
 */
export function contactsPlan(input: ContactsPlanInput): ContactsPlan {
  const { workbook, today, lang } = input;
  const settings = readContactSettings(workbook, today);
  const log = readLog(workbook, input.children, today);
  const result = buildReminders({
    today,
    children: input.children,
    log: log.entries,
    settings: settings.settings,
    calendar: input.calendar,
    mentorByChild: input.mentorByChild,
    classTeachers: input.classTeachers,
  });
  const ops: PlanOp[] = [...contactSettingsOps(workbook, today)];
  if (!findSheet(workbook, SHEETS.log)) ops.push(logSheetOp(input.listSources));
  ops.push(remindersSheetOp(result.items, lang, today, result.calendarNotes));
  return { ops, findings: [...settings.findings, ...log.findings], items: result.items, calendarNotes: result.calendarNotes };
}
