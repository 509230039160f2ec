import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  fold: { minWidth: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  summary: {
    cursor: 'pointer',
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // The heading stays inline, beside the disclosure triangle.
  heading: { display: 'inline' },
  body: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '0 12px 12px', minWidth: 0 },
});

/**
 * A section of the 设置 screen that folds, so that at 350 px the screen is a list of headings: a native
 * details/summary (keyboard and screen readers for free, no script added to the page), open as `folds` says,
 * and the teacher's own toggling kept there.
 */
export function Fold({ id, title, folds, children }: { id: string; title: string; folds: Folds; children: ReactNode }) {
  const styles = useStyles();
  return (
    <details className={styles.fold} open={folds.isOpen(id)} onToggle={(e) => folds.toggle(id, e.currentTarget.open)} data-testid={`settings-${id}`}>
      <summary className={styles.summary}>
        <Text as="h3" id={`settings-${id}-title`} weight="semibold" className={styles.heading}>
          {title}
        </Text>
      </summary>
      <section className={styles.body} aria-labelledby={`settings-${id}-title`}>
        {children}
      </section>
    </details>
  );
}

/** Which folds of the screen are open: kept above the sections, so a fresh read (which remounts a form) keeps them. */
export interface Folds {
  readonly isOpen: (id: string) => boolean;
  readonly toggle: (id: string, open: boolean) => void;
  /** Open these (a section with a problem to show, a section a notice sent the teacher to). */
  readonly open: (ids: readonly string[]) => void;
}

export function useFolds(initiallyOpen: readonly string[]): Folds {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(initiallyOpen));
  const toggle = useCallback(
    (id: string, to: boolean) => setOpen((was) => (was.has(id) === to ? was : to ? new Set([...was, id]) : new Set([...was].filter((x) => x !== id)))),
    [],
  );
  const openAll = useCallback((ids: readonly string[]) => setOpen((was) => (ids.every((id) => was.has(id)) ? was : new Set([...was, ...ids]))), []);
  return useMemo(() => ({ isOpen: (id: string) => open.has(id), toggle, open: openAll }), [open, toggle, openAll]);
}
