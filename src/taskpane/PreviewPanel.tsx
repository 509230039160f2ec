import { useEffect, useRef } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { WorkbookPlan } from '../core/plan/types';
import type { WorkbookPort } from '../workbook/port';
import type { PreviewLine } from './planPreview';
import { afterWrite, usePreviewStyles } from './previewParts';
import type { Operation } from './useOperation';

/** A change the user asked for, shown as a preview; nothing is written until they confirm. */
export interface PendingChange {
  readonly titleKey: string;
  readonly plan: WorkbookPlan;
  readonly lines: readonly PreviewLine[];
  /** The confirm button's words when "确认写入" would not say what it does (清除标记 removes, it writes nothing new). */
  readonly confirmKey?: string;
  /** Runs after a successful write (e.g. check again with the saved mapping). */
  readonly after?: () => Promise<unknown>;
}

export default function PreviewPanel({
  change,
  lang,
  port,
  operation,
  onDone,
  onCancel,
}: {
  change: PendingChange;
  lang: Lang;
  port: WorkbookPort;
  operation: Operation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const styles = usePreviewStyles();
  const busy = operation.running !== null;
  // As in views/WritePreview: a new preview takes the focus, which scrolls it into view. It opens at the top of
  // the tab, and the mapping editor's 保存 that asked for it may be far below at 350 px.
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), [change]);
  const confirm = async () => {
    const result = await operation.run('ui.op.write', 'preview', ({ signal, onProgress }) => port.apply(change.plan, { signal, onProgress }));
    onDone();
    if (!result) return; // failure or cancel: the notice says so; a new preview starts from a fresh read
    if (change.after) await change.after();
    afterWrite(result, lang, operation, port, 'preview', change.after);
  };
  const changes = change.lines.filter((l) => l.kind !== 'keep');
  return (
    <section ref={box} tabIndex={-1} className={styles.box} aria-labelledby="preview-title" data-testid="check-preview">
      <Text as="h2" id="preview-title" weight="semibold">
        {t(lang, change.titleKey)}
      </Text>
      {changes.length === 0 ? (
        <Text>{t(lang, 'ui.preview.nothing')}</Text>
      ) : (
        <ul className={styles.list}>
          {change.lines.map((l, i) => (
            <li key={i}>
              <Text>{l.text}</Text>
            </li>
          ))}
        </ul>
      )}
      <Text size={200}>{t(lang, 'ui.preview.note')}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || changes.length === 0} onClick={() => void confirm()}>
          {t(lang, change.confirmKey ?? 'ui.action.confirm')}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t(lang, 'ui.action.cancelPreview')}
        </Button>
      </div>
    </section>
  );
}
