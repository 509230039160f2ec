import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { Operation } from './useOperation';

const useStyles = makeStyles({
  running: { display: 'flex', alignItems: 'flex-end', gap: '8px' },
  grow: { flexGrow: 1 },
  lines: { margin: 0, paddingLeft: 0, listStyleType: 'none' },
});

/** Progress of the running operation with its Cancel button, and the last operation's outcome. */
export function StatusArea({ operation, lang, onOpenSettings }: { operation: Operation; lang: Lang; onOpenSettings?: () => void }) {
  const styles = useStyles();
  const { running, progress, notice } = operation;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <>
      {running && (
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
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === 'error' ? 'assertive' : 'polite'} data-testid="notice">
          <MessageBarBody>
            {notice.lines.length === 1 ? (
              notice.lines[0]
            ) : (
              <ul className={styles.lines}>
                {notice.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {notice.settings && onOpenSettings && (
              <>
                {' '}
                <Button size="small" appearance="transparent" onClick={onOpenSettings} data-testid="open-settings">
                  {t(lang, 'views.tab.settings')}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
