import { useState } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import { useViewStyles } from './styles';

const OTHER = '\u0000other';

/**
 * "我是 …": a name from 帮扶人员 or the reminders, or one typed by hand when the list is empty or lacks it.
 * The caller remembers the choice in this browser only.
 */
export function TeacherPicker({
  lang,
  teachers,
  current,
  onChoose,
  disabled,
  onFillMentors,
}: {
  lang: Lang;
  teachers: readonly string[];
  current: string | null;
  onChoose: (name: string | null) => void;
  disabled: boolean;
  /** Opens 设置 at the 帮扶人员 form: offered when the list is empty, so the names can come from there next time. */
  onFillMentors?: () => void;
}) {
  const styles = useViewStyles();
  const [editing, setEditing] = useState(current === null);
  const [picked, setPicked] = useState(current && teachers.includes(current) ? current : teachers.length ? teachers[0] : OTHER);
  const [typed, setTyped] = useState(current && !teachers.includes(current) ? current : '');

  if (!editing && current) {
    return (
      <div className={styles.row}>
        <Text>
          {t(lang, 'views.today.teacher')}{' '}
          <Text weight="semibold" data-testid="today-teacher">
            {current}
          </Text>
        </Text>
        <Button
          size="small"
          disabled={disabled}
          onClick={() => {
            setEditing(true);
            onChoose(null);
          }}
        >
          {t(lang, 'views.today.teacherChange')}
        </Button>
      </div>
    );
  }
  const name = picked === OTHER ? typed.trim() : picked;
  const save = () => {
    if (name) {
      onChoose(name);
      setEditing(false);
    }
  };
  return (
    <div className={styles.form}>
      {teachers.length === 0 && (
        <div className={styles.row} data-testid="today-no-teachers">
          <Text>{t(lang, 'views.today.teacherNone')}</Text>
          {onFillMentors && (
            <Button size="small" onClick={onFillMentors}>
              {t(lang, 'views.pairing.fillMentors')}
            </Button>
          )}
        </div>
      )}
      {teachers.length > 0 && (
        <Field label={t(lang, 'views.today.teacherPick')}>
          <Select value={picked} onChange={(_, d) => setPicked(d.value)}>
            {teachers.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            <option value={OTHER}>{t(lang, 'views.today.teacherOther')}</option>
          </Select>
        </Field>
      )}
      {picked === OTHER && (
        <Field label={t(lang, 'views.today.teacherInput')}>
          <Input
            value={typed}
            onChange={(_, d) => setTyped(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
            }}
          />
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!name} onClick={save}>
          {t(lang, 'views.today.teacherSave')}
        </Button>
      </div>
      <Text size={200} className={styles.muted}>
        {t(lang, 'views.today.teacherNote')}
      </Text>
    </div>
  );
}
