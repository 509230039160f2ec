import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { WorkbookPlan } from '../core/plan/types';
import type { WorkbookPort } from '../workbook/port';
import type { PreviewLine } from './planPreview';
import type { Operation } from './useOperation';

/** A change the user asked for, shown as a preview; nothing is written until they confirm. */
export interface PendingChange {
  readonly titleKey: string;
  readonly plan: WorkbookPlan;
  readonly lines: readonly PreviewLine[];
  /** Runs after a successful write (e.g. check again with the saved mapping). */
  readonly after?: () => Promise<unknown>;
}

const useStyles = makeStyles({
  box: {
    display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: '20px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export default function PreviewPanel({ change, lang, port, operation, onDone, onCancel }: {
  change: PendingChange; lang: Lang; port: WorkbookPort; operation: Operation;
  onDone: () => void; onCancel: () => void;
}) {
  const styles = useStyles();
  const busy = operation.running !== null;
  const confirm = async () => {
    const result = await operation.run('ui.op.write', ({ signal, onProgress }) => port.apply(change.plan, { signal, onProgress }));
    onDone();
    if (!result) return; // failure or cancel: the notice says so; a new preview starts from a fresh read
    if (change.after) await change.after();
    const written = result.written.map((w) => t(lang, `ui.written.${w.what}`, { sheet: w.sheet, count: w.rows }));
    const degraded = result.degraded.map((key) => t(lang, key));
    operation.notify({ intent: degraded.length ? 'warning' : 'success', lines: [t(lang, 'ui.written.done'), ...written, ...degraded] });
  };
  const changes = change.lines.filter((l) => l.kind !== 'keep');
  return (
    <section className={styles.box} aria-labelledby="preview-title">
      <Text as="h2" id="preview-title" weight="semibold">{t(lang, change.titleKey)}</Text>
      {changes.length === 0
        ? <Text>{t(lang, 'ui.preview.nothing')}</Text>
        : <ul className={styles.list}>{change.lines.map((l, i) => <li key={i}><Text>{l.text}</Text></li>)}</ul>}
      <Text size={200}>{t(lang, 'ui.preview.note')}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || changes.length === 0} onClick={confirm}>{t(lang, 'ui.action.confirm')}</Button>
        <Button disabled={busy} onClick={onCancel}>{t(lang, 'ui.action.cancelPreview')}</Button>
      </div>
    </section>
  );
}
