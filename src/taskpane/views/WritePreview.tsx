import { useEffect, useRef } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { t, type Lang } from '../../core/i18n';
import type { WorkbookPlan } from '../../core/plan/types';
import type { WorkbookPort } from '../../workbook/port';
import { afterWrite, usePreviewStyles } from '../previewParts';
import { OperationStatus } from '../StatusArea';
import type { StatusOrigin } from '../statusPlaces';
import type { Operation } from '../useOperation';

/** A write the user asked for; nothing reaches the workbook until they confirm (issue 7). */
export interface ProposedWrite {
  readonly titleKey: string;
  readonly plan: WorkbookPlan;
  /** What will change, one sentence each (sheets created/replaced/appended, pairs, rows). */
  readonly lines: readonly string[];
  /** False when the plan would change nothing: confirming is then disabled. */
  readonly changes: boolean;
  /** After a successful write or undo: read again so the view shows the workbook as it is now. */
  readonly after?: () => Promise<unknown>;
  /** The plan already built as an .xlsx (the roll-up): Excel may insert its sheets whole (ApplyOptions.prebuilt). */
  readonly prebuilt?: Uint8Array;
}

/**
 * The preview of a proposed write. Once written, the way back is the pane's one undo (UndoBar), which
 * names this write and stays when the tab changes. Below it, always there, the slot of `origin` (the view's
 * buttons beside it and 确认写入 share it): the write's progress, then what was written once the preview closes.
 */
export function WritePreview({
  change,
  port,
  lang,
  operation,
  origin,
  onClose,
}: {
  change: ProposedWrite | null;
  port: WorkbookPort;
  lang: Lang;
  operation: Operation;
  origin: StatusOrigin;
  onClose: () => void;
}) {
  const styles = usePreviewStyles();
  const busy = operation.running !== null;
  // A new preview takes the focus, which also scrolls it into view: in a narrow pane a preview asked for
  // at the bottom (the roll-up) would otherwise open unseen above.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (change) box.current?.focus();
  }, [change]);

  const confirm = async () => {
    if (!change) return;
    const result = await operation.run('ui.op.write', origin, ({ signal, onProgress }) => port.apply(change.plan, { signal, onProgress, prebuilt: change.prebuilt }));
    onClose();
    if (!result) return; // failure or cancel: the notice says so; the next preview starts from a fresh read
    if (change.after) await change.after();
    afterWrite(result, lang, operation, port, origin, change.after);
  };

  return (
    <>
      {change && (
        <section ref={box} tabIndex={-1} className={styles.box} aria-labelledby="views-preview-title" data-testid="write-preview">
          <Text as="h2" id="views-preview-title" weight="semibold">
            {t(lang, change.titleKey)}
          </Text>
          {change.changes ? (
            <ul className={styles.list}>
              {change.lines.map((l, i) => (
                <li key={i}>
                  <Text>{l}</Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text>{t(lang, 'ui.preview.nothing')}</Text>
          )}
          <Text size={200}>{t(lang, 'ui.preview.note')}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || !change.changes} onClick={() => void confirm()}>
              {t(lang, 'ui.action.confirm')}
            </Button>
            <Button disabled={busy} onClick={onClose}>
              {t(lang, 'ui.action.cancelPreview')}
            </Button>
          </div>
        </section>
      )}
      <OperationStatus origin={origin} />
    </>
  );
}
