import { useMemo, useState } from 'react';
import type { IsoDate } from '../../core/dates';
import { t, type Lang } from '../../core/i18n';
import type { LifeEntryPlan, RegisteredAdult } from '../../core/life';
import type { ActivityType } from '../../core/life/types';
import type { RosterRecord } from '../../core/roster/types';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { describePlan } from '../planPreview';
import type { ViewsCore } from './core';
import { activityFromForm, childKey, initialPickup, rollCallFromForm, type LifeProposal, type LifeProposer, type PickupState } from './lifeLogic';
import { pickedKey, type PickedChild } from './logic';

export interface LifeEntryProps {
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly core: ViewsCore;
  readonly children: readonly PickedChild[];
  /** The roster as last read: the registered adults offered as collectors. */
  readonly roster: readonly RosterRecord[];
  /** The teacher chosen in 今日: the activity's 负责人 and the day's 值班教师 unless changed. */
  readonly teacher: string;
  readonly disabled: boolean;
  readonly propose: LifeProposer;
}

/** The ticked children, by roster row, in the roster's order. */
export interface Ticks {
  /** By childKey. */
  readonly ticked: ReadonlySet<string>;
  readonly setTicked: (keys: ReadonlySet<string>) => void;
  readonly picked: readonly PickedChild[];
}

function useTicks(children: readonly PickedChild[]): Ticks {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const picked = useMemo(() => children.filter((c) => ticked.has(childKey(c))), [children, ticked]);
  return { ticked, setTicked, picked };
}

/** The plan's lines, then the form's own, then what will not be written and what the readers will find. */
function proposal(result: LifeEntryPlan, snapshot: WorkbookSnapshot, lang: Lang, titleKey: string, sheet: string, own: readonly string[]): LifeProposal {
  if (!result.ok) return { ok: false, messageKey: result.error.key, params: result.error.params };
  const lines = [
    ...describePlan(result.plan, snapshot, lang)
      .filter((l) => l.kind !== 'keep')
      .map((l) => l.text),
    ...own,
    ...result.dropped.map((column) => t(lang, 'life.entry.dropped', { sheet, column })),
    ...result.warnings.map((w) => t(lang, w.key, w.params ?? {})),
  ];
  return { ok: true, write: { titleKey, plan: result.plan, lines, changes: true } };
}

export interface ActivityState extends Ticks {
  readonly date: string;
  readonly name: string;
  readonly type: ActivityType;
  readonly leader: string;
  readonly note: string;
  readonly setDate: (v: string) => void;
  readonly setName: (v: string) => void;
  readonly setType: (v: ActivityType) => void;
  readonly setLeader: (v: string) => void;
  readonly setNote: (v: string) => void;
  readonly record: () => void;
  readonly reset: () => void;
}

export function useActivityForm({ lang, today, core, children, teacher, propose }: LifeEntryProps): ActivityState {
  const ticks = useTicks(children);
  const [date, setDate] = useState<string>(today);
  const [name, setName] = useState('');
  const [type, setType] = useState<ActivityType>('文体活动');
  const [leader, setLeader] = useState(teacher);
  const [note, setNote] = useState('');
  const record = () =>
    void propose(({ snapshot, records }) => {
      const form = activityFromForm({ date, name, type, leader, note, children: ticks.picked }, records);
      if (!form.ok) return { ok: false, messageKey: form.messageKey };
      const e = form.entry;
      const result = core.activityEntryPlan(e, snapshot, records);
      const line = t(lang, 'life.entry.activityLine', { date: e.date, name: e.name.trim(), type: e.type, count: e.children.length });
      return proposal(result, snapshot, lang, 'life.entry.previewActivity', core.SHEETS.activities, [line]);
    });
  const reset = () => {
    ticks.setTicked(new Set());
    setName('');
    setNote('');
  };
  return { ...ticks, date, name, type, leader, note, setDate, setName, setType, setLeader, setNote, record, reset };
}

export interface RollCallState extends Ticks {
  readonly date: string;
  readonly teacher: string;
  readonly signIn: string;
  readonly signOut: string;
  readonly setDate: (v: string) => void;
  readonly setTeacher: (v: string) => void;
  readonly setSignIn: (v: string) => void;
  readonly setSignOut: (v: string) => void;
  /** The registered adults of a child on the roster as last read. */
  readonly adultsOf: (child: PickedChild) => readonly RegisteredAdult[];
  readonly pickupOf: (child: PickedChild) => PickupState;
  readonly setPickup: (child: PickedChild, state: PickupState) => void;
  readonly record: () => void;
  readonly reset: () => void;
}

export function useRollCallForm({ lang, today, core, children, roster, teacher: me, propose }: LifeEntryProps): RollCallState {
  const ticks = useTicks(children);
  const [date, setDate] = useState<string>(today);
  const [teacher, setTeacher] = useState(me);
  const [signIn, setSignIn] = useState('');
  const [signOut, setSignOut] = useState('');
  const [pickups, setPickups] = useState<ReadonlyMap<string, PickupState>>(new Map());
  // A child is its record key (sheet and row: rosters across class sheets repeat rows) and name, as resolveChildren matches it.
  const byChild = useMemo(() => new Map(roster.map((r) => [`${pickedKey(r)}|${r.name}`, r])), [roster]);
  const adultsOf = (child: PickedChild): readonly RegisteredAdult[] => {
    const r = byChild.get(`${pickedKey(child)}|${child.name}`);
    return r ? core.registeredAdults(r) : [];
  };
  const pickupOf = (child: PickedChild) => pickups.get(childKey(child)) ?? initialPickup(adultsOf(child));
  const setPickup = (child: PickedChild, state: PickupState) => setPickups(new Map(pickups).set(childKey(child), state));
  const record = () =>
    void propose(({ snapshot, records }) => {
      const form = rollCallFromForm({ date, teacher, signIn, signOut, children: ticks.picked, pickups }, records, core.registeredAdults);
      if (!form.ok) return { ok: false, messageKey: form.messageKey };
      const e = form.entry;
      const result = core.rollCallEntryPlan(e, snapshot, records);
      const blank = t(lang, 'life.entry.blank');
      const own = [
        t(lang, 'life.entry.rollCallLine', { date: e.date, count: e.rows.length, teacher: e.teacher.trim() }),
        ...e.rows.map((r) =>
          t(lang, 'life.entry.pickupLine', {
            child: r.child.name,
            signOut: r.signOut || blank,
            pickup: r.pickup ? (r.relation ? `${r.pickup}（${r.relation}）` : r.pickup) : blank,
          }),
        ),
      ];
      return proposal(result, snapshot, lang, 'life.entry.previewRollCall', core.SHEETS.rollCall, own);
    });
  const reset = () => {
    ticks.setTicked(new Set());
    setPickups(new Map());
  };
  return { ...ticks, date, teacher, signIn, signOut, setDate, setTeacher, setSignIn, setSignOut, adultsOf, pickupOf, setPickup, record, reset };
}
