/**
 * The views' pure logic, kept out of the components so plain jest can test it: who the teacher can be,
 * which children match what was typed, a form -> the log entry the core appends, the period chosen.
 */
import { addDays, parseIso } from '../../core/dates';
import type { ContactKind, ContactTarget } from '../../core/contacts/kinds';
import type { ChildRecord, NewLogEntry } from '../../core/contacts/log';
import type { Lang } from '../../core/i18n';
import type { PeriodChoice } from '../../core/summary/period';
import { recordKey } from '../../core/roster/types';

/** Where the 今日 view remembers the chosen teacher: this browser only, never the workbook. */
export const TEACHER_STORAGE_KEY = 'liushou-care.today.teacher';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Names compared the way the reminders compare owners: NFKC, no spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Whom the 今日 view offers as "I am": every adult on 帮扶人员 (students are buddies, not recorders)
 * and anyone the reminders name as responsible (a class teacher, say), once each, in Chinese order.
 */
export function teacherChoices(mentors: readonly { readonly name: string; readonly kind: string }[], owners: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const add = (name: string) => {
    const trimmed = name.trim();
    const key = nameKey(trimmed);
    if (key && !seen.has(key)) seen.set(key, trimmed);
  };
  for (const m of mentors) if (m.kind !== '学生') add(m.name);
  for (const o of owners) add(o);
  return [...seen.values()].sort(collator.compare);
}

/** The remembered teacher, if it is still a name (a blank or whitespace-only value is no choice). */
/**
 * How the greeting names the teacher: 王 becomes 王老师, but a name the school already wrote with its title
 * (王老师, 李校长, 张主任) is used as it is, so no one is greeted as 王老师 老师. English greets by the name alone.
 */
export function teacherAddress(name: string, lang: Lang): string {
  const trimmed = name.trim();
  if (lang !== 'zh-CN' || /(老师|教师|校长|主任|书记)$/.test(trimmed)) return trimmed;
  return `${trimmed}老师`;
}

export function rememberedTeacher(stored: string | null | undefined): string | null {
  const name = stored?.trim();
  return name ? name : null;
}

/** Children whose name contains what was typed (full-width and spaces ignored); the exact name first. */
export function matchChildren<T extends { readonly name: string }>(children: readonly T[], query: string, limit = 8): T[] {
  const q = nameKey(query);
  if (!q) return [];
  const hits = children.filter((c) => nameKey(c.name).includes(q));
  hits.sort((a, b) => Number(nameKey(b.name) === q) - Number(nameKey(a.name) === q) || nameKey(a.name).indexOf(q) - nameKey(b.name).indexOf(q));
  return hits.slice(0, limit);
}

/** The classes on the roster, for the class-meeting mode; children without a class are left out. */
export function classesOf(children: readonly { readonly classLabel: string | null }[]): string[] {
  return [...new Set(children.map((c) => c.classLabel).filter((c): c is string => !!c))].sort(collator.compare);
}

/** A child as the form holds it between reads: roster sheet and row plus what identifies it to a person. */
export interface PickedChild {
  /** The roster sheet the child is on: rows repeat from class sheet to class sheet. */
  readonly sheet?: string;
  readonly row: number;
  readonly name: string;
  readonly classLabel: string | null;
}

/** A picked child's identity in the form (lists, ticks): the core's recordKey, sheet and row. */
export function pickedKey(c: { readonly sheet?: string; readonly row: number }): string {
  return recordKey(c);
}

/** The roster's children as the form lists them: each with its sheet, so equal rows of two class sheets stay two children. */
export function pickedChildrenOf(records: readonly { readonly sheet?: string; readonly row: number; readonly name: string; readonly classLabel: string | null }[]): PickedChild[] {
  return records.map((r) => ({ ...(r.sheet === undefined ? {} : { sheet: r.sheet }), row: r.row, name: r.name, classLabel: r.classLabel }));
}

/** The children of a class meeting that are ticked (keys from pickedKey), in the class's order. */
export function tickedChildren<T extends PickedChild>(inClass: readonly T[], ticked: ReadonlySet<string>): T[] {
  return inClass.filter((c) => ticked.has(pickedKey(c)));
}

export interface EntryForm {
  readonly children: readonly PickedChild[];
  readonly kind: ContactKind;
  readonly target: ContactTarget | '';
  readonly date: string;
  readonly content: string;
  readonly followUp: boolean;
  readonly followUpDue: string;
  readonly recorder: string;
}

export type EntryResult = { readonly ok: true; readonly entry: NewLogEntry } | { readonly ok: false; readonly messageKey: string; readonly params?: Record<string, string> };

/**
 * The picked children in a fresh read of the roster: the same sheet and row with the same name, else
 * the one child of that name and class (on the same sheet when the class is on several). A child who
 * cannot be found again is an error, never a guess.
 */
export function resolveChildren<T extends ChildRecord>(picked: readonly PickedChild[], fresh: readonly T[]): T[] | null {
  const out: T[] = [];
  for (const p of picked) {
    const key = pickedKey(p);
    const same = fresh.find((r) => pickedKey(r) === key && nameKey(r.name) === nameKey(p.name));
    if (same) {
      out.push(same);
      continue;
    }
    let byName = fresh.filter((r) => nameKey(r.name) === nameKey(p.name) && r.classLabel === p.classLabel);
    if (byName.length > 1) byName = byName.filter((r) => (r.sheet ?? '') === (p.sheet ?? ''));
    if (byName.length !== 1) return null;
    out.push(byName[0]);
  }
  return out;
}

/** The form -> one NewLogEntry for logEntryOp, against a fresh read of the roster. */
export function entryFromForm(form: EntryForm, fresh: readonly ChildRecord[]): EntryResult {
  const recorder = form.recorder.trim();
  if (!recorder) return { ok: false, messageKey: 'views.entry.noTeacher' };
  if (form.children.length === 0) return { ok: false, messageKey: 'views.entry.noChild' };
  if (!parseIso(form.date)) return { ok: false, messageKey: 'views.entry.badDate', params: { value: form.date } };
  if (form.followUp && form.followUpDue && !parseIso(form.followUpDue)) return { ok: false, messageKey: 'views.entry.badDate', params: { value: form.followUpDue } };
  const children = resolveChildren(form.children, fresh);
  if (!children) return { ok: false, messageKey: 'views.entry.rosterChanged' };
  return {
    ok: true,
    entry: {
      date: form.date,
      children,
      kind: form.kind,
      ...(form.target ? { target: form.target } : {}),
      recorder,
      content: form.content.trim(),
      followUp: form.followUp,
      followUpDue: form.followUp ? form.followUpDue || null : null,
    },
  };
}

/** The default follow-up date: a week after the contact, as the log does when 跟进期限 is blank. */
export function defaultFollowUpDue(date: string, days: number): string {
  return parseIso(date) ? addDays(date, days) : '';
}

export type PeriodKindChoice = 'month' | 'term' | 'year' | 'custom';

/** The radio buttons and the two dates -> what periodFor takes (it validates the dates and says what is wrong). */
export function periodChoiceFrom(kind: PeriodKindChoice, from: string, to: string): PeriodChoice {
  return kind === 'custom' ? { kind, from: from.trim(), to: to.trim() } : { kind };
}

// How a write can be undone lives with the pane's one undo entry (../undo.ts).
export { undoWayOf, type UndoWay } from '../undo';

/** The error an operation throws when Cancel was pressed before it wrote anything. */
export function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}
