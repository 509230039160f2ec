import { Button, Checkbox, Field, Input, Select, Spinner, Text, Textarea } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { t, type Lang } from '../../core/i18n';
import type { ContactKind, ContactTarget } from '../../core/contacts/kinds';
import type { ViewsCore } from './core';
import { pickedKey, type PickedChild } from './logic';
import { useViewStyles } from './styles';
import { useEntryForm, type EntryFormProps, type EntryFormState } from './useEntryForm';
import type { LifeProposer } from './lifeLogic';
import type { RosterRecord } from '../../core/roster/types';
import { OperationStatus } from '../StatusArea';

export type { EntryPrefill } from './useEntryForm';

// The activity and roll-call forms (issue 17) come in their own chunk, fetched when first chosen.
const LifeEntry = lazy(() => import(/* webpackChunkName: "view-life-entry" */ './LifeEntry'));
type EntryMode = 'contact' | 'activity' | 'rollCall';
const MODES: readonly EntryMode[] = ['contact', 'activity', 'rollCall'];

/** What the activity and roll-call forms need from the 今日 view: the roster as read, and the way to a preview. */
export interface LifeEntryHost {
  readonly roster: readonly RosterRecord[];
  readonly propose: LifeProposer;
}

/**
 * 记一笔: one child found by typing part of the name, or (班会) several children of one class ticked;
 * kind, target, date (today), a few words, follow-up. "记录…" hands the form to the view, which previews
 * the row(s) and appends them in one write.
 */
export function EntryForm(props: EntryFormProps & { lang: Lang; disabled: boolean; life?: LifeEntryHost }) {
  const { lang, core, disabled, life } = props;
  const styles = useViewStyles();
  const s = useEntryForm(props);
  const [mode, setMode] = useState<EntryMode>('contact');
  const [prefilled, setPrefilled] = useState(props.prefill?.nonce);
  if (props.prefill?.nonce !== prefilled) {
    // A reminder's "记一笔" is a contact: back to that form.
    setPrefilled(props.prefill?.nonce);
    setMode('contact');
  }
  return (
    <section className={styles.form} aria-labelledby="entry-title" data-testid="entry-form">
      <Text as="h2" id="entry-title" weight="semibold">
        {t(lang, 'views.entry.title')}
      </Text>
      {life && (
        <Field label={t(lang, 'life.entry.mode')}>
          <Select value={mode} onChange={(_, d) => setMode(d.value as EntryMode)} data-testid="entry-mode">
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(lang, `life.entry.mode.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {life && mode !== 'contact' ? (
        <Suspense fallback={<Spinner size="tiny" label={t(lang, 'life.entry.loading')} />}>
          <LifeEntry
            mode={mode}
            lang={lang}
            today={props.today}
            core={core}
            children={props.children}
            roster={life.roster}
            teacher={props.recorder}
            disabled={disabled}
            propose={life.propose}
          />
        </Suspense>
      ) : (
        <ContactEntry s={s} core={core} lang={lang} disabled={disabled} />
      )}
      {/* Under either form's 记录 button: a refused entry says why here; the preview opens at the top of 今日. */}
      <OperationStatus origin="today-entry" />
    </section>
  );
}

/** The talk or contact: one child, or a 班会's class ticked; kind, target, date, words, follow-up. */
function ContactEntry({ s, core, lang, disabled }: { s: EntryFormState; core: ViewsCore; lang: Lang; disabled: boolean }) {
  const styles = useViewStyles();
  return (
    <>
      <Checkbox checked={s.meeting} onChange={(_, d) => s.setMeeting(Boolean(d.checked))} label={t(lang, 'views.entry.meeting')} />
      {!s.meeting && <ChildSearch s={s} lang={lang} />}
      {s.meeting && <MeetingChildren s={s} lang={lang} />}
      <ContactFields s={s} core={core} lang={lang} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || s.picked.length === 0} onClick={s.record}>
          {t(lang, 'views.entry.record')}
        </Button>
        <Button disabled={disabled} onClick={s.reset}>
          {t(lang, 'views.entry.clear')}
        </Button>
      </div>
    </>
  );
}

const classText = (lang: Lang, c: PickedChild) => c.classLabel ?? t(lang, 'views.entry.noClass');

/** One child: typed part of the name, then picked from the matches. */
function ChildSearch({ s, lang }: { s: EntryFormState; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <>
      <Field label={t(lang, 'views.entry.child')}>
        <Input value={s.query} onChange={(_, d) => s.typeQuery(d.value)} />
      </Field>
      {s.chosen && <Text data-testid="entry-chosen">{t(lang, 'views.entry.chosen', { child: s.chosen.name, class: classText(lang, s.chosen) })}</Text>}
      {!s.chosen &&
        s.query.trim() !== '' &&
        (s.matches.length === 0 ? (
          <Text>{t(lang, 'views.entry.noMatch', { query: s.query.trim() })}</Text>
        ) : (
          <ul className={styles.plainList} aria-label={t(lang, 'views.entry.matches')}>
            {s.matches.map((c) => (
              <li key={pickedKey(c)}>
                <Button size="small" onClick={() => s.choose(c)}>{`${c.name}（${classText(lang, c)}）`}</Button>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

/** 班会: a class, and its children ticked (all at first). */
function MeetingChildren({ s, lang }: { s: EntryFormState; lang: Lang }) {
  const styles = useViewStyles();
  const { inClass, ticked } = s;
  return (
    <>
      <Field label={t(lang, 'views.entry.class')}>
        <Select value={s.klass} onChange={(_, d) => s.chooseClass(d.value)}>
          {s.classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.section}>
        <legend>{t(lang, 'views.entry.pickChildren')}</legend>
        <Checkbox
          label={t(lang, 'views.entry.all')}
          checked={inClass.length > 0 && inClass.every((c) => ticked.has(pickedKey(c))) ? true : ticked.size > 0 ? 'mixed' : false}
          onChange={(_, d) => s.setTicked(new Set(d.checked ? inClass.map(pickedKey) : []))}
        />
        {inClass.map((c) => (
          <Checkbox
            key={pickedKey(c)}
            label={c.name}
            checked={ticked.has(pickedKey(c))}
            onChange={(_, d) => {
              const next = new Set(ticked);
              if (d.checked) next.add(pickedKey(c));
              else next.delete(pickedKey(c));
              s.setTicked(next);
            }}
          />
        ))}
      </fieldset>
    </>
  );
}

/** Kind, target, date, the words, and the follow-up with its deadline. */
function ContactFields({ s, core, lang }: { s: EntryFormState; core: ViewsCore; lang: Lang }) {
  return (
    <>
      <Field label={t(lang, 'views.entry.kind')}>
        <Select value={s.kind} onChange={(_, d) => s.setKind(d.value as ContactKind)}>
          {core.CONTACT_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {t(lang, `reminders.kind.${k.id}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'views.entry.target')}>
        <Select value={s.target} onChange={(_, d) => s.setTarget(d.value as ContactTarget | '')}>
          <option value="">{t(lang, 'views.entry.targetDefault')}</option>
          {core.TARGETS.map((x) => (
            <option key={x} value={x}>
              {t(lang, `views.target.${x}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'views.entry.date')}>
        <Input type="date" value={s.date} onChange={(_, d) => s.setDate(d.value)} />
      </Field>
      <Field label={t(lang, 'views.entry.content')}>
        <Textarea value={s.content} onChange={(_, d) => s.setContent(d.value)} resize="vertical" />
      </Field>
      <Checkbox checked={s.followUp} onChange={(_, d) => s.setFollowUp(Boolean(d.checked))} label={t(lang, 'views.entry.followUp')} />
      {s.followUp && (
        <Field label={t(lang, 'views.entry.followUpDue')}>
          <Input type="date" value={s.followUpDue} onChange={(_, d) => s.setFollowUpDue(d.value)} />
        </Field>
      )}
    </>
  );
}
