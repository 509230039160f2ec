import { Button, Field, ProgressBar, makeStyles } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { Operation } from './useOperation';

const useStyles = makeStyles({
  running: { display: 'flex', alignItems: 'flex-end', gap: '8px' },
  grow: { flexGrow: 1 },
});

/** The running operation: its name, a progress bar (with "done / total" when the port reports it) and Cancel. */
export default function RunningStatus({ operation, lang }: { operation: Operation; lang: Lang }) {
  const styles = useStyles();
  const { running, progress } = operation;
  if (!running) return null;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.running}>
      <Field
        className={styles.grow}
        label={t(lang, running)}
        validationMessage={progress ? t(lang, 'ui.progress', { done: progress.done, total: progress.total }) : undefined}
        validationState="none"
      >
        <ProgressBar value={fraction} thickness="large" />
      </Field>
      <Button onClick={operation.cancel}>{t(lang, 'ui.action.cancel')}</Button>
    </div>
  );
}
