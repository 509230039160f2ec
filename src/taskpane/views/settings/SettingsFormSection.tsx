import { useEffect, useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { t, type Lang } from '../../../core/i18n';
import type { SettingsField, SettingsSection } from '../../../core/workflow/settingsForm';
import { useViewStyles } from '../styles';
import type { SettingsData, SettingsState } from '../useSettings';
import { Fold, type Folds } from './Fold';
import { OperationStatus } from '../../StatusArea';

const HINTS: Partial<Record<SettingsField['kind'], string>> = {
  range: 'settings.hint.range',
  ranges: 'settings.hint.ranges',
  cadence: 'settings.hint.cadence',
  keyFocusCadence: 'settings.hint.keyFocus',
  count: 'settings.hint.count',
};
const FIELD_HINTS: Readonly<Record<string, string>> = { homeVisit: 'settings.hint.homeVisit', juniorGoals: 'settings.hint.juniorGoals' };

/**
 * The school, its term and holidays, the contact cadences, the key-focus children's cadences and goals, and
 * the mentors' default capacities: one form over the 设置 rows, saved together.
 */
export function SettingsFormSection({ s, data, lang, folds }: { s: SettingsState; data: SettingsData; lang: Lang; folds: Folds }) {
  const styles = useViewStyles();
  const [values, setValues] = useState<Record<string, string>>({ ...data.form });
  const problems = data.core.settingsProblems(values);
  // A value the sheet already holds that it cannot read is shown as wrong at once, in its section opened.
  const [tried, setTried] = useState(problems.length > 0);
  const problemOf = (id: string) => problems.find((p) => p.id === id);
  const changed = data.core.SETTINGS_FIELDS.some((f) => (values[f.id] ?? '').trim() !== (data.form[f.id] ?? '').trim());
  const openProblems = () => {
    const sections = data.core.SETTINGS_FIELDS.filter((f) => problemOf(f.id)).map((f) => f.section);
    folds.open(sections);
    return problems[0]?.id;
  };
  useEffect(() => {
    if (problems.length > 0) openProblems();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only: what the sheet holds; later problems open on save
  }, []);

  const save = () => {
    setTried(true);
    if (problems.length === 0) {
      void s.proposeSettings(values);
      return;
    }
    // The first wrong field, in its section opened, takes the focus once drawn.
    const first = openProblems();
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-setting="${first}"]`)?.focus());
  };
  const field = (f: SettingsField) => {
    const problem = problemOf(f.id);
    const hint = FIELD_HINTS[f.id] ?? HINTS[f.kind];
    return (
      <Field
        key={f.id}
        label={t(lang, `settings.field.${f.id}`)}
        hint={hint ? t(lang, hint) : undefined}
        validationState={problem && (tried || (values[f.id] ?? '') !== (data.form[f.id] ?? '')) ? 'error' : 'none'}
        validationMessage={problem && (tried || (values[f.id] ?? '') !== (data.form[f.id] ?? '')) ? t(lang, problem.messageKey) : undefined}
      >
        <Input
          type={f.kind === 'date' ? 'date' : 'text'}
          value={values[f.id] ?? ''}
          disabled={s.busy}
          data-setting={f.id}
          onChange={(_, d) => setValues({ ...values, [f.id]: d.value })}
        />
      </Field>
    );
  };
  const section = (id: SettingsSection) => (
    <Fold key={id} id={id} title={t(lang, `settings.section.${id}`)} folds={folds}>
      {data.core.SETTINGS_FIELDS.filter((f) => f.section === id).map(field)}
    </Fold>
  );
  return (
    <>
      {data.core.SETTINGS_SECTIONS.map(section)}
      <div className={styles.row}>
        <Button appearance="primary" disabled={s.busy || !changed} onClick={save}>
          {t(lang, 'settings.save')}
        </Button>
        <Button disabled={s.busy || !changed} onClick={() => setValues({ ...data.form })}>
          {t(lang, 'settings.reset')}
        </Button>
      </div>
      <OperationStatus origin="settings-form" />
    </>
  );
}
