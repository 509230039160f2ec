import { useMemo, useState } from 'react';
import type { ContactKind, ContactTarget } from '../../core/contacts/kinds';
import type { IsoDate } from '../../core/dates';
import type { ViewsCore } from './core';
import { classesOf, defaultFollowUpDue, matchChildren, pickedKey, tickedChildren, type EntryForm as Form, type PickedChild } from './logic';

/** What "记一笔" on a reminder puts into the form. */
export interface EntryPrefill {
  readonly child: PickedChild;
  readonly kind: ContactKind;
  /** Changes on every prefill, so a second click on the same reminder fills the form again. */
  readonly nonce: number;
}

export interface EntryFormProps {
  readonly today: IsoDate;
  readonly core: ViewsCore;
  readonly children: readonly PickedChild[];
  readonly recorder: string;
  readonly prefill: EntryPrefill | null;
  readonly onRecord: (form: Form) => void;
}

/** 记一笔's fields and what they derive: the matches for the typed name, the ticked children of a 班会. */
export interface EntryFormState {
  readonly query: string;
  /** The child picked from the matches (one-child mode). */
  readonly chosen: PickedChild | null;
  readonly matches: readonly PickedChild[];
  /** 班会 mode: several children of one class. */
  readonly meeting: boolean;
  readonly classes: readonly string[];
  readonly klass: string;
  readonly inClass: readonly PickedChild[];
  /** The ticked children, by pickedKey (sheet and row: rows repeat across class sheets). */
  readonly ticked: ReadonlySet<string>;
  /** The children the entry is for, in either mode. */
  readonly picked: readonly PickedChild[];
  readonly kind: ContactKind;
  readonly target: ContactTarget | '';
  readonly date: string;
  readonly content: string;
  readonly followUp: boolean;
  /** The deadline as typed, or the default days after the date. */
  readonly followUpDue: string;
  readonly typeQuery: (query: string) => void;
  readonly choose: (child: PickedChild) => void;
  readonly setMeeting: (on: boolean) => void;
  /** Pick a class for the 班会 and tick all its children. */
  readonly chooseClass: (label: string) => void;
  readonly setTicked: (keys: ReadonlySet<string>) => void;
  readonly setKind: (kind: ContactKind) => void;
  readonly setTarget: (target: ContactTarget | '') => void;
  readonly setDate: (date: string) => void;
  readonly setContent: (content: string) => void;
  readonly setFollowUp: (on: boolean) => void;
  readonly setFollowUpDue: (date: string) => void;
  readonly record: () => void;
  /** Clear the child and the words; kind, target and date stay. */
  readonly reset: () => void;
}

export function useEntryForm({ today, core, children, recorder, prefill, onRecord }: EntryFormProps): EntryFormState {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PickedChild | null>(null);
  const [meeting, setMeeting] = useState(false);
  const classes = useMemo(() => classesOf(children), [children]);
  const [klass, setKlass] = useState(classes[0] ?? '');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [kind, setKind] = useState<ContactKind>('talk');
  const [target, setTarget] = useState<ContactTarget | ''>('');
  const [date, setDate] = useState(today);
  const [content, setContent] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [followUpDue, setFollowUpDue] = useState('');
  const [applied, setApplied] = useState<number | null>(null);

  if (prefill && prefill.nonce !== applied) {
    // A reminder's "记一笔": its child and kind, everything else as the teacher left it.
    setApplied(prefill.nonce);
    setMeeting(false);
    setChosen(prefill.child);
    setQuery(prefill.child.name);
    setKind(prefill.kind);
  }

  const matches = chosen ? [] : matchChildren(children, query);
  const inClass = children.filter((c) => c.classLabel === klass);
  const picked = meeting ? tickedChildren(inClass, ticked) : chosen ? [chosen] : [];
  const due = followUpDue || defaultFollowUpDue(date, core.FOLLOW_UP_DEFAULT_DAYS);

  const chooseClass = (label: string) => {
    setKlass(label);
    setTicked(new Set(children.filter((c) => c.classLabel === label).map(pickedKey)));
  };
  const toggleMeeting = (on: boolean) => {
    setMeeting(on);
    if (on) {
      chooseClass(klass || classes[0] || '');
      setKind('activity');
    }
  };
  const record = () => onRecord({ children: picked, kind, target, date, content, followUp, followUpDue: followUp ? due : '', recorder });
  const reset = () => {
    setChosen(null);
    setQuery('');
    setContent('');
    setFollowUp(false);
    setFollowUpDue('');
  };

  return {
    query,
    chosen,
    matches,
    meeting,
    classes,
    klass,
    inClass,
    ticked,
    picked,
    kind,
    target,
    date,
    content,
    followUp,
    followUpDue: due,
    typeQuery: (q) => {
      setQuery(q);
      setChosen(null);
    },
    choose: (c) => {
      setChosen(c);
      setQuery(c.name);
    },
    setMeeting: toggleMeeting,
    chooseClass,
    setTicked,
    setKind,
    setTarget,
    setDate,
    setContent,
    setFollowUp,
    setFollowUpDue,
    record,
    reset,
  };
}
