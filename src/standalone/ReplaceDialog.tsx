import { useEffect, useRef } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { ReplaceAction, ReplaceAnswer } from './useUnsaved';

const useStyles = makeStyles({
  dialog: {
    maxWidth: 'min(480px, calc(100vw - 32px))',
    boxSizing: 'border-box',
    padding: '24px',
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: { display: 'block', margin: '0 0 8px' },
  body: { display: 'block', margin: '0 0 24px' },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: '8px' },
});

/**
 * Asked before another file or the sample replaces unsaved work: save first, go on without saving, or
 * stay. Fluent's look (tokens, Button, Text) on the browser's own modal <dialog> — focus kept inside, the
 * page behind inert, Escape cancels — rather than Fluent's Dialog: that component's motion code is shared
 * with the Excel pane's first load (taskpane.html embeds this page outside Office) and measured 1.0 KB
 * gzipped more there, which bench/README.md #3 does not allow.
 */
export function ReplaceDialog({ lang, pending, name, answer }: { lang: Lang; pending: ReplaceAction | null; name: string; answer: (choice: ReplaceAnswer) => void }) {
  const styles = useStyles();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (pending && !el.open) el.showModal();
    if (!pending && el.open) el.close();
  }, [pending]);
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      role="alertdialog"
      aria-labelledby="replace-title"
      aria-describedby="replace-body"
      onCancel={(e) => {
        e.preventDefault();
        answer('cancel');
      }}
    >
      {pending && (
        <>
          <Text as="h2" id="replace-title" size={500} weight="semibold" className={styles.title}>
            {t(lang, 'standalone.replace.title')}
          </Text>
          <Text as="p" id="replace-body" className={styles.body}>
            {t(lang, pending === 'sample' ? 'standalone.replace.bodySample' : 'standalone.replace.bodyOpen', { name })}
          </Text>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => answer('save')}>
              {t(lang, 'standalone.replace.save')}
            </Button>
            <Button onClick={() => answer('discard')}>{t(lang, 'standalone.replace.discard')}</Button>
            <Button onClick={() => answer('cancel')}>{t(lang, 'standalone.replace.cancel')}</Button>
          </div>
        </>
      )}
    </dialog>
  );
}
