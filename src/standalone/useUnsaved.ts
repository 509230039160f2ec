import { useCallback, useEffect, useState } from 'react';
import { t, type Lang } from '../core/i18n';

/** What would replace the open workbook: another file (picker or drop), or the bundled sample. */
export type ReplaceAction = 'open' | 'sample';

/** How the teacher answered "放弃未保存的更改？". */
export type ReplaceAnswer = 'save' | 'discard' | 'cancel';

export interface UnsavedState {
  /** The workbook in the page was written to since it was opened or last saved. */
  readonly dirty: boolean;
  /** What 保存 said last (the file name and where it went), until the next change or file. */
  readonly saved: string | null;
  /** A replacement waiting for the teacher's answer. */
  readonly pending: ReplaceAction | null;
  readonly markChanged: () => void;
  readonly markSaved: (file: string) => void;
  /** A new workbook is open: nothing unsaved, nothing saved yet. */
  readonly reset: () => void;
  /** Run `proceed` at once when nothing is unsaved; otherwise ask first (see `answer`). */
  readonly guard: (action: ReplaceAction, proceed: () => void) => void;
  /** Go on with the waiting replacement, or drop it. */
  readonly answer: (choice: 'proceed' | 'cancel') => void;
}

/**
 * Work is never lost in the page: a mark in the title while changes are unsaved, the browser's own
 * prompt before the tab closes or reloads, and a question before another file or the sample replaces
 * changed work (the mark in the title: useUnsavedTitle).
 */
export function useUnsaved(lang: Lang): UnsavedState {
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<{ action: ReplaceAction; proceed: () => void } | null>(null);

  const markChanged = useCallback(() => {
    setDirty(true);
    setSaved(null);
  }, []);
  const markSaved = useCallback(
    (file: string) => {
      setDirty(false);
      setSaved(t(lang, 'standalone.saved', { file }));
    },
    [lang],
  );
  const reset = useCallback(() => {
    setDirty(false);
    setSaved(null);
  }, []);
  const guard = (action: ReplaceAction, proceed: () => void) => {
    if (dirty) setPending({ action, proceed });
    else proceed();
  };
  const answer = (choice: 'proceed' | 'cancel') => {
    const waiting = pending;
    setPending(null);
    if (waiting && choice === 'proceed') waiting.proceed();
  };

  // The browser asks "leave the site?" itself (its own words; pages may no longer set the text).
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [dirty]);

  return { dirty, saved, pending: pending?.action ?? null, markChanged, markSaved, reset, guard, answer };
}

/** The page's title says when the open file has unsaved changes: "* 花名册.xlsx — 未保存 · 留守儿童关爱助手". */
export function useUnsavedTitle(lang: Lang, dirty: boolean, name: string | null): void {
  useEffect(() => {
    document.title = dirty && name ? `${t(lang, 'standalone.unsaved.title', { name })} · ${t(lang, 'app.name')}` : t(lang, 'app.name');
  }, [dirty, name, lang]);
}
