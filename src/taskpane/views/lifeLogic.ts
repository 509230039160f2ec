/**
 * The pure part of 记一笔's activity and roll-call forms (issue 17), kept out of the components so plain
 * jest can test it: which children the picker lists, who collected each child as the form holds it, and
 * the form -> the entry the core plans against a fresh read of the roster.
 */
import type { Params } from '../../core/i18n';
import type { NewActivity, NewRollCall, RegisteredAdult } from '../../core/life';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { ActivityType } from '../../core/life/types';
import type { RosterRecord } from '../../core/roster/types';
import { nameKey, pickedKey, resolveChildren, type PickedChild } from './logic';
import type { ProposedWrite } from './WritePreview';

/** What a life form hands the 今日 view: a preview to show, or why not (the view reads afresh first). */
export type LifeProposal = { readonly ok: true; readonly write: Omit<ProposedWrite, 'after'> } | { readonly ok: false; readonly messageKey: string; readonly params?: Params };
/** The 今日 view reads the workbook afresh, asks the form for its proposal, and shows the preview (or the refusal). */
export type LifeProposer = (make: (fresh: { readonly snapshot: WorkbookSnapshot; readonly records: readonly RosterRecord[] }) => LifeProposal) => Promise<unknown>;

/** How many children the picker lists at once; beyond, the teacher narrows by class or name. */
export const PICKER_LIMIT = 40;

/** The children of a class ('' for all) whose name contains what was typed, in roster order. */
export function pickerList<T extends PickedChild>(children: readonly T[], klass: string, query: string): T[] {
  const q = nameKey(query);
  return children.filter((c) => (!klass || c.classLabel === klass) && (!q || nameKey(c.name).includes(q)));
}

/** A child in the forms' ticks: the record key (sheet and row: a roster of class sheets repeats row numbers), class and name. */
export function childKey(c: PickedChild): string {
  return `${pickedKey(c)}|${c.classLabel ?? ''}|${c.name}`;
}

/** Tick or untick every child listed, keeping the ticks of children not listed (another class). */
export function tickAll(ticked: ReadonlySet<string>, listed: readonly PickedChild[], on: boolean): Set<string> {
  const next = new Set(ticked);
  for (const c of listed) {
    if (on) next.add(childKey(c));
    else next.delete(childKey(c));
  }
  return next;
}

/** Who collected one child: one of the registered adults (by index), someone else typed, or nobody yet. */
export type PickupChoice =
  { readonly kind: 'adult'; readonly index: number } | { readonly kind: 'other'; readonly name: string; readonly relation: string } | { readonly kind: 'none' };

export interface PickupState {
  readonly choice: PickupChoice;
  /** The child's own sign-out time, or null for the day's. */
  readonly signOut: string | null;
}

/** What the form starts with for a child: the first registered adult (the guardian), else someone to type. */
export function initialPickup(adults: readonly RegisteredAdult[]): PickupState {
  return { choice: adults.length ? { kind: 'adult', index: 0 } : { kind: 'other', name: '', relation: '' }, signOut: null };
}

/** 接送人, 与学生关系 and 签退时间 of one child as they go into the row. */
export function pickupValues(state: PickupState, adults: readonly RegisteredAdult[], daySignOut: string): { pickup: string; relation: string; signOut: string } {
  const c = state.choice;
  if (c.kind === 'none') return { pickup: '', relation: '', signOut: '' };
  const signOut = state.signOut ?? daySignOut;
  if (c.kind === 'other') return { pickup: c.name.trim(), relation: c.relation.trim(), signOut };
  const adult = adults[c.index];
  return { pickup: adult?.name ?? '', relation: adult?.relation ?? '', signOut };
}

export interface ActivityForm {
  readonly date: string;
  readonly name: string;
  readonly type: ActivityType;
  readonly leader: string;
  readonly note: string;
  readonly children: readonly PickedChild[];
}

export type Resolved<T> = { readonly ok: true; readonly entry: T } | { readonly ok: false; readonly messageKey: string };

/** The activity form against a fresh read: the children picked must still be on the roster. */
export function activityFromForm(form: ActivityForm, fresh: readonly RosterRecord[]): Resolved<NewActivity> {
  if (form.children.length === 0) return { ok: false, messageKey: 'views.entry.noChild' };
  const children = resolveChildren(form.children, fresh);
  if (!children) return { ok: false, messageKey: 'views.entry.rosterChanged' };
  return { ok: true, entry: { date: form.date, name: form.name, type: form.type, leader: form.leader, note: form.note, children } };
}

export interface RollCallForm {
  readonly date: string;
  readonly teacher: string;
  readonly signIn: string;
  readonly signOut: string;
  readonly children: readonly PickedChild[];
  /** By childKey; a child without one takes initialPickup. */
  readonly pickups: ReadonlyMap<string, PickupState>;
}

/** The roll-call form against a fresh read, each child's collector taken from the registered adults of the fresh record. */
export function rollCallFromForm(form: RollCallForm, fresh: readonly RosterRecord[], adultsOf: (r: RosterRecord) => RegisteredAdult[]): Resolved<NewRollCall> {
  if (form.children.length === 0) return { ok: false, messageKey: 'views.entry.noChild' };
  const children = resolveChildren(form.children, fresh);
  if (!children) return { ok: false, messageKey: 'views.entry.rosterChanged' };
  const rows = children.map((child, i) => {
    const adults = adultsOf(child);
    const state = form.pickups.get(childKey(form.children[i])) ?? initialPickup(adults);
    return { child, ...pickupValues(state, adults, form.signOut) };
  });
  return { ok: true, entry: { date: form.date, teacher: form.teacher, signIn: form.signIn, rows } };
}
