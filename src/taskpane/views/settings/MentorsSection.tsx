import { useState } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../../core/i18n';
import type { MentorRow } from '../../../core/pairing/mentorEdits';
import type { MentorColumn } from '../../../core/pairing/types';
import { useViewStyles } from '../styles';
import type { MentorEditing, SettingsData, SettingsState } from '../useSettings';
import { Fold, type Folds } from './Fold';
import { OperationStatus } from '../../StatusArea';

/** 帮扶人员: who is on the sheet (add, edit, remove), and the form for one mentor. */
export function MentorsSection({ s, data, lang, folds }: { s: SettingsState; data: SettingsData; lang: Lang; folds: Folds }) {
  const styles = useViewStyles();
  const [editing, setEditing] = useState<MentorEditing>(null);
  const rows = data.mentors.rows;
  const itemText = (r: MentorRow) =>
    t(lang, 'settings.mentors.item', { name: r.fields.name || '—', kind: r.fields.kind || '—', class: r.fields.className ? ` · ${r.fields.className}` : '' });
  return (
    <Fold id="mentors" title={t(lang, 'settings.section.mentors')} folds={folds}>
      <Text size={200}>{rows.length ? t(lang, 'settings.mentors.count', { count: rows.length }) : t(lang, 'settings.mentors.empty')}</Text>
      {rows.length > 0 && (
        <ul className={styles.plainList}>
          {rows.map((r) => (
            <li key={r.row} className={styles.item} data-mentor={r.fields.name}>
              <Text>{itemText(r)}</Text>
              <div className={styles.row}>
                <Button size="small" disabled={s.busy} onClick={() => setEditing({ kind: 'edit', row: r.row, name: r.fields.name })}>
                  {t(lang, 'settings.mentors.edit')}
                </Button>
                <Button size="small" disabled={s.busy || !r.fields.name} onClick={() => void s.proposeRemove(r.row, r.fields.name)}>
                  {t(lang, 'settings.mentors.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <MentorForm key={editing.kind === 'edit' ? editing.row : 'add'} s={s} data={data} lang={lang} editing={editing} onClose={() => setEditing(null)} />
      ) : (
        <div className={styles.row}>
          <Button disabled={s.busy || (data.mentors.exists && !data.mentors.layout)} onClick={() => setEditing({ kind: 'add' })}>
            {t(lang, 'settings.mentors.add')}
          </Button>
        </div>
      )}
      <OperationStatus origin="settings-mentors" />
    </Fold>
  );
}

const HINTS: Partial<Record<MentorColumn, string>> = { className: 'settings.mentors.classHint', capacity: 'settings.mentors.capacityHint' };

/** One mentor's fields; a column the school's sheet does not have cannot be filled (nothing would hold it). */
function MentorForm({ s, data, lang, editing, onClose }: { s: SettingsState; data: SettingsData; lang: Lang; editing: Exclude<MentorEditing, null>; onClose: () => void }) {
  const styles = useViewStyles();
  const start = editing.kind === 'edit' ? data.mentors.rows.find((r) => r.row === editing.row)?.fields : undefined;
  const [fields, setFields] = useState<Record<string, string>>({ ...(start ?? {}) });
  const [tried, setTried] = useState(false);
  const problems = data.core.mentorProblems(data.mentors, fields, editing.kind === 'edit' ? editing.row : undefined);
  const missing = (c: MentorColumn) => data.mentors.exists && data.mentors.layout !== null && data.mentors.layout.columns[c] === undefined;

  const submit = async () => {
    setTried(true);
    if (problems.length > 0) return;
    // The form stays open with what was typed when the plan is refused (someone changed the sheet meanwhile).
    if (await s.proposeMentor(editing, fields)) onClose();
  };
  const field = (c: MentorColumn) => {
    const problem = tried ? problems.find((p) => p.field === c) : undefined;
    const hint = missing(c) ? 'settings.mentors.noColumnHint' : HINTS[c];
    const set = (value: string) => setFields({ ...fields, [c]: value });
    return (
      <Field
        key={c}
        label={t(lang, `settings.mentor.${c}`)}
        required={c === 'name' || c === 'kind'}
        hint={hint ? t(lang, hint) : undefined}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ? t(lang, problem.messageKey, problem.params) : undefined}
      >
        {c === 'kind' ? (
          <Select value={fields.kind ?? ''} disabled={s.busy} data-mentor-field={c} onChange={(_, d) => set(d.value)}>
            <option value="">{t(lang, 'settings.mentors.kindNone')}</option>
            {data.core.MENTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
            {fields.kind && !(data.core.MENTOR_KINDS as readonly string[]).includes(fields.kind) && <option value={fields.kind}>{fields.kind}</option>}
          </Select>
        ) : (
          <Input
            value={fields[c] ?? ''}
            disabled={s.busy || (missing(c) && !fields[c])}
            data-mentor-field={c}
            inputMode={c === 'capacity' ? 'numeric' : undefined}
            onChange={(_, d) => set(d.value)}
          />
        )}
      </Field>
    );
  };
  const general = problems.find((p) => p.field === null);
  return (
    <section className={styles.form} aria-labelledby="mentor-form-title" data-testid="mentor-form">
      <Text as="h4" id="mentor-form-title" weight="semibold">
        {editing.kind === 'edit' ? t(lang, 'settings.mentors.editTitle', { name: editing.name }) : t(lang, 'settings.mentors.addTitle')}
      </Text>
      {data.core.MENTOR_FORM_COLUMNS.map(field)}
      {general && <Text>{t(lang, general.messageKey, general.params)}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={s.busy} onClick={() => void submit()}>
          {t(lang, 'settings.mentors.preview')}
        </Button>
        <Button disabled={s.busy} onClick={onClose}>
          {t(lang, 'settings.mentors.cancel')}
        </Button>
      </div>
    </section>
  );
}
