import type { CellValue } from '../cells';
import { JUNIOR_GOALS_SETTING, SCHOOL_CONTACT_SETTING } from '../cards/settings';
import { parseDateCell, parseDateRanges } from '../contacts/dateCell';
import { CADENCE_LABELS, CALENDAR_LABELS, KEY_FOCUS_LABELS, parseCadence } from '../contacts/settings';
import { CAPACITY_SETTINGS, parseCount } from '../pairing/settings';
import type { IsoDate } from '../dates';
import type { PlanOp } from '../plan/types';
import { cellText } from '../roster/normalize';
import { readSettings, settingsOpsOrThrow } from '../settings';
import type { WorkbookSnapshot } from '../snapshot';
import { maintainedSettingDefs, SCHOOL_NAME_SETTING } from './index';

/**
 * The 设置 screen of the pane (and the standalone page, whose grid is read-only): the school, the term and
 * its holidays, the contact cadences, as a form over the 设置 sheet's rows. Saving writes only the values
 * the teacher changed, each into its own row (found by label wherever it is), and appends a row the sheet
 * lacks; every other row, and whatever the school added to the sheet, stays as it is. Every 设置 row a
 * feature reads is here, except the roster's sheets and columns (the screen's roster section saves those).
 */

/**
 * How a field is read: `cadence` as the contact cadences (blank: no reminders), `keyFocusCadence` as a
 * key-focus child's tighter one (blank: the usual cadence), `count` as a default 可帮扶人数 (blank: the
 * add-in's default).
 */
export type SettingsFieldKind = 'text' | 'date' | 'range' | 'ranges' | 'cadence' | 'keyFocusCadence' | 'count';
export type SettingsSection = 'school' | 'cadence' | 'keyFocus' | 'capacity';

export interface SettingsField {
  /** Names the field in the catalogue (settings.field.<id>). */
  readonly id: string;
  /** The 设置 row's label (Chinese data: the sheet is read by it). */
  readonly label: string;
  readonly kind: SettingsFieldKind;
  readonly section: SettingsSection;
}

/** The screen's sections in order. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ['school', 'cadence', 'keyFocus', 'capacity'];

/** keyFocusTalk for talk: the field ids of the key-focus cadences. */
const keyFocusId = (kind: string) => `keyFocus${kind[0].toUpperCase()}${kind.slice(1)}`;

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  { id: 'schoolName', label: SCHOOL_NAME_SETTING, kind: 'text', section: 'school' },
  { id: 'schoolPhone', label: SCHOOL_CONTACT_SETTING, kind: 'text', section: 'school' },
  { id: 'termStart', label: CALENDAR_LABELS.termStart, kind: 'date', section: 'school' },
  { id: 'termEnd', label: CALENDAR_LABELS.termEnd, kind: 'date', section: 'school' },
  { id: 'winter', label: CALENDAR_LABELS.winter, kind: 'range', section: 'school' },
  { id: 'summer', label: CALENDAR_LABELS.summer, kind: 'range', section: 'school' },
  { id: 'holidays', label: CALENDAR_LABELS.holidays, kind: 'ranges', section: 'school' },
  { id: 'makeUp', label: CALENDAR_LABELS.makeUp, kind: 'ranges', section: 'school' },
  ...Object.entries(CADENCE_LABELS).map(([id, label]): SettingsField => ({ id, label, kind: 'cadence', section: 'cadence' })),
  ...Object.entries(KEY_FOCUS_LABELS).map(([kind, label]): SettingsField => ({ id: keyFocusId(kind), label, kind: 'keyFocusCadence', section: 'keyFocus' })),
  { id: 'juniorGoals', label: JUNIOR_GOALS_SETTING, kind: 'text', section: 'keyFocus' },
  ...CAPACITY_SETTINGS.map(({ id, label }): SettingsField => ({ id: `capacity.${id}`, label, kind: 'count', section: 'capacity' })),
];

/** The form's values: text per field id. */
export type SettingsValues = Readonly<Record<string, string>>;

/** A field the sheet would not read as meant; `messageKey` is in the catalogue (settings.invalid.*). */
export interface SettingsProblem {
  readonly id: string;
  readonly messageKey: string;
}

/**
 * A cell as the form shows it: a date (also a date serial) as 2026-09-01, text as typed (full-width
 * punctuation kept: 初中帮扶目标 prints as written), a number as its digits.
 */
function shownValue(field: SettingsField, value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'date') {
    const d = parseDateCell(value);
    if (d.ok) return d.date;
  }
  return typeof value === 'string' ? value.trim() : cellText(value);
}

/** What the form starts from: the sheet's value of each row, or the default a new 设置 would get. */
export function readSettingsForm(workbook: WorkbookSnapshot, today: IsoDate): Record<string, string> {
  const entries = readSettings(workbook);
  const defaults = new Map(maintainedSettingDefs(today).map((d) => [d.label, d.defaultValue]));
  const out: Record<string, string> = {};
  for (const f of SETTINGS_FIELDS) {
    const e = entries.get(f.label);
    out[f.id] = shownValue(f, e ? e.value : defaults.get(f.label));
  }
  return out;
}

/** What is wrong with the form, field by field; blank is allowed everywhere (the default applies). */
export function settingsProblems(values: SettingsValues): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const f of SETTINGS_FIELDS) {
    const v = (values[f.id] ?? '').trim();
    if (!v) continue;
    if (f.kind === 'date' && !parseDateCell(v).ok) problems.push({ id: f.id, messageKey: 'settings.invalid.date' });
    if ((f.kind === 'range' || f.kind === 'ranges') && (parseDateRanges(v) === null || (f.kind === 'range' && parseDateRanges(v)!.length !== 1)))
      problems.push({ id: f.id, messageKey: 'settings.invalid.range' });
    if (f.kind === 'cadence' && parseCadence(v) === 'invalid') problems.push({ id: f.id, messageKey: 'settings.invalid.cadence' });
    if (f.kind === 'keyFocusCadence' && parseCadence(v) === 'invalid') problems.push({ id: f.id, messageKey: 'settings.invalid.keyFocusCadence' });
    if (f.kind === 'count' && parseCount(v) === null) problems.push({ id: f.id, messageKey: 'settings.invalid.count' });
  }
  const start = parseDateCell((values.termStart ?? '').trim());
  const end = parseDateCell((values.termEnd ?? '').trim());
  if (start.ok && end.ok && end.date <= start.date) problems.push({ id: 'termEnd', messageKey: 'settings.invalid.termOrder' });
  return problems;
}

/** A value as the sheet should hold it: a cadence of whole days as a number (as the defaults are), dates as 2026-09-01 text. */
function cellOf(field: SettingsField, text: string): CellValue {
  const s = text.trim();
  if ((field.kind === 'cadence' || field.kind === 'keyFocusCadence' || field.kind === 'count') && /^\d{1,4}$/.test(s)) return Number(s);
  if (field.kind === 'date') {
    const d = parseDateCell(s);
    if (d.ok) return d.date;
  }
  return s;
}

/** The fields whose value differs from what the form started from, with before and after, in form order. */
export function settingsChanges(workbook: WorkbookSnapshot, today: IsoDate, values: SettingsValues): { field: SettingsField; before: string; after: string }[] {
  const current = readSettingsForm(workbook, today);
  return SETTINGS_FIELDS.filter((f) => values[f.id] !== undefined && values[f.id].trim() !== current[f.id].trim()).map((f) => ({
    field: f,
    before: current[f.id],
    after: values[f.id].trim(),
  }));
}

/**
 * The plan that saves the form: the changed values only, in their rows of 设置 (appended where the sheet
 * lacks the row), or a new 设置 with every default and these values when the workbook has none. A 设置
 * laid out otherwise than the template gets no row appended: SettingsLayoutError names the rows to add.
 */
export function settingsFormOps(workbook: WorkbookSnapshot, today: IsoDate, values: SettingsValues): PlanOp[] {
  const problems = settingsProblems(values);
  if (problems.length) throw new Error(`settingsFormOps: ${problems[0].id} is invalid`); // the form refuses first
  const defs = maintainedSettingDefs(today);
  const notes = new Map(defs.map((d) => [d.label, d.note]));
  const changed = new Map<string, { value: CellValue; note?: string }>();
  for (const { field, after } of settingsChanges(workbook, today, values)) changed.set(field.label, { value: cellOf(field, after), note: notes.get(field.label) });
  if (changed.size === 0) return [];
  // A 设置 the school laid out itself gets no appended row: the teacher is told which rows to add.
  return settingsOpsOrThrow(workbook, defs, changed);
}
