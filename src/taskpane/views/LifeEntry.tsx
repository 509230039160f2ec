import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { t, type Lang } from '../../core/i18n';
import type { ActivityType } from '../../core/life/types';
import { childKey, PICKER_LIMIT, pickerList, tickAll, type PickupChoice } from './lifeLogic';
import { classesOf, type PickedChild } from './logic';
import { useViewStyles } from './styles';
import { useActivityForm, useRollCallForm, type LifeEntryProps, type RollCallState, type Ticks } from './useLifeEntry';
import { HeadedSection } from './HeadedSection';

/**
 * 记一笔's other two records (issue 17), loaded on demand when chosen: an activity for 活动记录 (children
 * picked by class or by name), and a day of the Saturday 留守之家 for 留守之家签到 (tick the children
 * present, then who collected each — the registered guardian or a parent offered first). "记录…" reads
 * the workbook afresh and shows the preview; nothing is written before the teacher confirms.
 */
export default function LifeEntry(props: LifeEntryProps & { mode: 'activity' | 'rollCall' }) {
  return props.mode === 'activity' ? <ActivityEntry {...props} /> : <RollCallEntry {...props} />;
}

const classText = (lang: Lang, c: PickedChild) => c.classLabel ?? t(lang, 'views.entry.noClass');

function ActivityEntry(props: LifeEntryProps) {
  const { lang, core, children, disabled } = props;
  const styles = useViewStyles();
  const s = useActivityForm(props);
  return (
    <div className={styles.section} data-testid="activity-form">
      <Text weight="semibold">{t(lang, 'life.entry.activityTitle')}</Text>
      <Field label={t(lang, 'life.entry.date')}>
        <Input type="date" value={s.date} onChange={(_, d) => s.setDate(d.value)} />
      </Field>
      <Field label={t(lang, 'life.entry.activityName')} required>
        <Input value={s.name} onChange={(_, d) => s.setName(d.value)} />
      </Field>
      <Field label={t(lang, 'life.entry.type')}>
        <Select value={s.type} onChange={(_, d) => s.setType(d.value as ActivityType)}>
          {core.ACTIVITY_TYPES.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'life.entry.leader')}>
        <Input value={s.leader} onChange={(_, d) => s.setLeader(d.value)} />
      </Field>
      <ChildPicker lang={lang} children={children} ticks={s} legend={t(lang, 'life.entry.children')} />
      <Field label={t(lang, 'life.entry.note')}>
        <Textarea value={s.note} onChange={(_, d) => s.setNote(d.value)} resize="vertical" />
      </Field>
      <Actions lang={lang} disabled={disabled || s.picked.length === 0} onRecord={s.record} onClear={s.reset} />
    </div>
  );
}

function RollCallEntry(props: LifeEntryProps) {
  const { lang, children, disabled } = props;
  const styles = useViewStyles();
  const s = useRollCallForm(props);
  return (
    <div className={styles.section} data-testid="rollcall-form">
      <Text weight="semibold">{t(lang, 'life.entry.rollCallTitle')}</Text>
      <Field label={t(lang, 'life.entry.date')}>
        <Input type="date" value={s.date} onChange={(_, d) => s.setDate(d.value)} />
      </Field>
      <Field label={t(lang, 'life.entry.dutyTeacher')}>
        <Input value={s.teacher} onChange={(_, d) => s.setTeacher(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t(lang, 'life.entry.signIn')}>
          <Input type="time" value={s.signIn} onChange={(_, d) => s.setSignIn(d.value)} />
        </Field>
        <Field label={t(lang, 'life.entry.signOutDay')}>
          <Input type="time" value={s.signOut} onChange={(_, d) => s.setSignOut(d.value)} />
        </Field>
      </div>
      <ChildPicker lang={lang} children={children} ticks={s} legend={t(lang, 'life.entry.present')} />
      {s.picked.length > 0 && <Pickups s={s} lang={lang} />}
      <Actions lang={lang} disabled={disabled || s.picked.length === 0} onRecord={s.record} onClear={s.reset} />
    </div>
  );
}

function Actions({ lang, disabled, onRecord, onClear }: { lang: Lang; disabled: boolean; onRecord: () => void; onClear: () => void }) {
  const styles = useViewStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={disabled} onClick={onRecord}>
        {t(lang, 'life.entry.record')}
      </Button>
      <Button onClick={onClear}>{t(lang, 'views.entry.clear')}</Button>
    </div>
  );
}

/** A class (or all), a name typed, and the children listed ticked one by one or all at once; ticks in other classes stay. */
function ChildPicker({ lang, children, ticks, legend }: { lang: Lang; children: readonly PickedChild[]; ticks: Ticks; legend: string }) {
  const styles = useViewStyles();
  const [klass, setKlass] = useState('');
  const [query, setQuery] = useState('');
  const classes = classesOf(children);
  const listed = pickerList(children, klass, query);
  const shown = listed.slice(0, PICKER_LIMIT);
  const allTicked = listed.length > 0 && listed.every((c) => ticks.ticked.has(childKey(c)));
  const someTicked = listed.some((c) => ticks.ticked.has(childKey(c)));
  return (
    <fieldset className={styles.section} data-testid="child-picker">
      <legend>{legend}</legend>
      <Field label={t(lang, 'life.entry.classFilter')}>
        <Select value={klass} onChange={(_, d) => setKlass(d.value)}>
          <option value="">{t(lang, 'life.entry.allClasses')}</option>
          {classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'life.entry.search')}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {listed.length === 0 ? (
        <Text>{t(lang, 'life.entry.noneShown')}</Text>
      ) : (
        <Checkbox
          label={t(lang, 'life.entry.tickShown', { count: listed.length })}
          checked={allTicked ? true : someTicked ? 'mixed' : false}
          onChange={(_, d) => ticks.setTicked(tickAll(ticks.ticked, listed, d.checked === true))}
        />
      )}
      {shown.map((c) => (
        <Checkbox
          key={childKey(c)}
          label={klass ? c.name : `${c.name}（${classText(lang, c)}）`}
          checked={ticks.ticked.has(childKey(c))}
          onChange={(_, d) => ticks.setTicked(tickAll(ticks.ticked, [c], d.checked === true))}
        />
      ))}
      {listed.length > shown.length && <Text size={200}>{t(lang, 'life.entry.more', { count: listed.length - shown.length })}</Text>}
      <Text weight="semibold" data-testid="picked-count">
        {t(lang, 'life.entry.picked', { count: ticks.picked.length })}
      </Text>
    </fieldset>
  );
}

/** For each child present: who collected the child (registered adults first), and when if not the day's time. */
function Pickups({ s, lang }: { s: RollCallState; lang: Lang }) {
  const styles = useViewStyles();
  return (
    <HeadedSection id="pickups-title" title={t(lang, 'life.entry.pickups')} level="h3" data-testid="pickups">
      <ul className={styles.plainList}>
        {s.picked.map((c) => (
          <PickupRow key={childKey(c)} s={s} child={c} lang={lang} />
        ))}
      </ul>
    </HeadedSection>
  );
}

const choiceValue = (c: PickupChoice) => (c.kind === 'adult' ? String(c.index) : c.kind);

function PickupRow({ s, child, lang }: { s: RollCallState; child: PickedChild; lang: Lang }) {
  const styles = useViewStyles();
  const adults = s.adultsOf(child);
  const state = s.pickupOf(child);
  const choice = state.choice;
  const choose = (value: string) => {
    const next: PickupChoice = value === 'none' ? { kind: 'none' } : value === 'other' ? { kind: 'other', name: '', relation: '' } : { kind: 'adult', index: Number(value) };
    s.setPickup(child, { ...state, choice: next });
  };
  const label = `${child.name}（${classText(lang, child)}）`;
  return (
    <li className={styles.item} data-testid="pickup-row">
      <Text weight="semibold">{label}</Text>
      {adults.length === 0 && <Text size={200}>{t(lang, 'life.entry.noAdult')}</Text>}
      <Field label={t(lang, 'life.entry.pickup')}>
        <Select aria-label={`${label} ${t(lang, 'life.entry.pickup')}`} value={choiceValue(choice)} onChange={(_, d) => choose(d.value)}>
          {adults.map((a, i) => (
            <option key={i} value={String(i)}>{`${a.name}（${a.relation}）`}</option>
          ))}
          <option value="other">{t(lang, 'life.entry.pickupOther')}</option>
          <option value="none">{t(lang, 'life.entry.pickupNone')}</option>
        </Select>
      </Field>
      {choice.kind === 'other' && (
        <div className={styles.row}>
          <Field label={t(lang, 'life.entry.pickupName')}>
            <Input value={choice.name} onChange={(_, d) => s.setPickup(child, { ...state, choice: { ...choice, name: d.value } })} />
          </Field>
          <Field label={t(lang, 'life.entry.relation')}>
            <Input value={choice.relation} onChange={(_, d) => s.setPickup(child, { ...state, choice: { ...choice, relation: d.value } })} />
          </Field>
        </div>
      )}
      {choice.kind !== 'none' && (
        <Field label={t(lang, 'life.entry.signOut')}>
          <Input type="time" value={state.signOut ?? s.signOut} onChange={(_, d) => s.setPickup(child, { ...state, signOut: d.value })} />
        </Field>
      )}
    </li>
  );
}
