import { useMemo, useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import type { ContactKind, ContactTarget } from '../../core/contacts/kinds';
import type { ViewsCore } from './core';
import { classesOf, defaultFollowUpDue, matchChildren, type EntryForm as Form, type PickedChild } from './logic';
import { useViewStyles } from './styles';

/** What "记一笔" on a reminder puts into the form. */
export interface EntryPrefill {
  readonly child: PickedChild;
  readonly kind: ContactKind;
  /** Changes on every prefill, so a second click on the same reminder fills the form again. */
  readonly nonce: number;
}

/**
 * 记一笔: one child found by typing part of the name, or (班会) several children of one class ticked;
 * kind, target, date (today), a few words, follow-up. "记录…" hands the form to the view, which previews
 * the row(s) and appends them in one write.
 */
export function EntryForm({ lang, today, core, children, recorder, prefill, disabled, onRecord }: {
  lang: Lang; today: string; core: ViewsCore; children: readonly PickedChild[]; recorder: string;
  prefill: EntryPrefill | null; disabled: boolean; onRecord: (form: Form) => void;
}) {
  const styles = useViewStyles();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PickedChild | null>(null);
  const [meeting, setMeeting] = useState(false);
  const classes = useMemo(() => classesOf(children), [children]);
  const [klass, setKlass] = useState(classes[0] ?? '');
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
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
  const picked = meeting ? inClass.filter((c) => ticked.has(c.row)) : chosen ? [chosen] : [];
  const classText = (c: PickedChild) => c.classLabel ?? t(lang, 'views.entry.noClass');

  const chooseClass = (label: string) => {
    setKlass(label);
    setTicked(new Set(children.filter((c) => c.classLabel === label).map((c) => c.row)));
  };
  const toggleMeeting = (on: boolean) => {
    setMeeting(on);
    if (on) {
      chooseClass(klass || classes[0] || '');
      setKind('activity');
    }
  };
  const record = () => onRecord({
    children: picked, kind, target, date, content, followUp,
    followUpDue: followUp ? (followUpDue || defaultFollowUpDue(date, core.FOLLOW_UP_DEFAULT_DAYS)) : '', recorder,
  });
  const reset = () => { setChosen(null); setQuery(''); setContent(''); setFollowUp(false); setFollowUpDue(''); };

  return (
    <section className={styles.form} aria-labelledby="entry-title" data-testid="entry-form">
      <Text as="h2" id="entry-title" weight="semibold">{t(lang, 'views.entry.title')}</Text>
      <Checkbox checked={meeting} onChange={(_, d) => toggleMeeting(Boolean(d.checked))} label={t(lang, 'views.entry.meeting')} />
      {!meeting && (
        <>
          <Field label={t(lang, 'views.entry.child')}>
            <Input value={query} onChange={(_, d) => { setQuery(d.value); setChosen(null); }} />
          </Field>
          {chosen && <Text data-testid="entry-chosen">{t(lang, 'views.entry.chosen', { child: chosen.name, class: classText(chosen) })}</Text>}
          {!chosen && query.trim() !== '' && (matches.length === 0
            ? <Text>{t(lang, 'views.entry.noMatch', { query: query.trim() })}</Text>
            : (
              <ul className={styles.plainList} aria-label={t(lang, 'views.entry.matches')}>
                {matches.map((c) => (
                  <li key={c.row}><Button size="small" onClick={() => { setChosen(c); setQuery(c.name); }}>{`${c.name}（${classText(c)}）`}</Button></li>
                ))}
              </ul>
            ))}
        </>
      )}
      {meeting && (
        <>
          <Field label={t(lang, 'views.entry.class')}>
            <Select value={klass} onChange={(_, d) => chooseClass(d.value)}>
              {classes.map((c) => <option key={c} value={c}>{c}</option>)}
            </Select>
          </Field>
          <fieldset className={styles.section}>
            <legend>{t(lang, 'views.entry.pickChildren')}</legend>
            <Checkbox label={t(lang, 'views.entry.all')} checked={inClass.length > 0 && inClass.every((c) => ticked.has(c.row)) ? true : ticked.size > 0 ? 'mixed' : false}
              onChange={(_, d) => setTicked(new Set(d.checked ? inClass.map((c) => c.row) : []))} />
            {inClass.map((c) => (
              <Checkbox key={c.row} label={c.name} checked={ticked.has(c.row)} onChange={(_, d) => {
                const next = new Set(ticked);
                if (d.checked) next.add(c.row); else next.delete(c.row);
                setTicked(next);
              }} />
            ))}
          </fieldset>
        </>
      )}
      <Field label={t(lang, 'views.entry.kind')}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as ContactKind)}>
          {core.CONTACT_KINDS.map((k) => <option key={k.id} value={k.id}>{t(lang, `reminders.kind.${k.id}`)}</option>)}
        </Select>
      </Field>
      <Field label={t(lang, 'views.entry.target')}>
        <Select value={target} onChange={(_, d) => setTarget(d.value as ContactTarget | '')}>
          <option value="">{t(lang, 'views.entry.targetDefault')}</option>
          {core.TARGETS.map((x) => <option key={x} value={x}>{t(lang, `views.target.${x}`)}</option>)}
        </Select>
      </Field>
      <Field label={t(lang, 'views.entry.date')}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label={t(lang, 'views.entry.content')}>
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} resize="vertical" />
      </Field>
      <Checkbox checked={followUp} onChange={(_, d) => setFollowUp(Boolean(d.checked))} label={t(lang, 'views.entry.followUp')} />
      {followUp && (
        <Field label={t(lang, 'views.entry.followUpDue')}>
          <Input type="date" value={followUpDue || defaultFollowUpDue(date, core.FOLLOW_UP_DEFAULT_DAYS)} onChange={(_, d) => setFollowUpDue(d.value)} />
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || picked.length === 0} onClick={record}>{t(lang, 'views.entry.record')}</Button>
        <Button disabled={disabled} onClick={reset}>{t(lang, 'views.entry.clear')}</Button>
      </div>
    </section>
  );
}
