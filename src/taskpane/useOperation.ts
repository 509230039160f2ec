import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../core/i18n';
import { PortError, type ApplyProgress } from '../workbook/port';
import { errorMessage, isAbort, pointsToSettings } from './errors';
import type { UndoEntry } from './undo';

export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly lines: readonly string[];
  /** The message sends the teacher to 设置: the notice offers a button that opens that screen. */
  readonly settings?: boolean;
}

export interface OperationContext {
  readonly signal: AbortSignal;
  readonly onProgress: (p: ApplyProgress) => void;
}

/** The pane's one running operation: at most one at a time, cancellable, with progress and a notice. */
export interface Operation {
  /** i18n key naming what is running, or null when idle. */
  readonly running: string | null;
  readonly progress: ApplyProgress | null;
  readonly notice: Notice | null;
  /** Runs `work` unless something is already running (then returns undefined at once). */
  run<T>(labelKey: string, work: (ctx: OperationContext) => Promise<T>): Promise<T | undefined>;
  cancel: () => void;
  notify(notice: Notice | null): void;
  /** The last write's way back, for the whole pane (not per view): it survives tab changes until the next write. */
  readonly undoable: UndoEntry | null;
  /** Every write sets it (null when that write cannot be undone); an undo clears it. */
  setUndoable(entry: UndoEntry | null): void;
}

export function useOperation(lang: Lang): Operation {
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoable, setUndoable] = useState<UndoEntry | null>(null);
  // A ref, not state: a second click in the same frame sees it before React re-renders the disabled button.
  const busy = useRef(false);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T>(labelKey: string, work: (ctx: OperationContext) => Promise<T>) => {
      if (busy.current) return undefined;
      busy.current = true;
      // On the performance timeline (not the console): tests count starts to prove a double click runs once.
      performance.mark(`op-start:${labelKey}`);
      const abort = new AbortController();
      controller.current = abort;
      setRunning(labelKey);
      setProgress(null);
      setNotice(null);
      try {
        // Let the disabled controls and the spinner paint before synchronous work (parsing, checking) starts.
        await nextFrame();
        // A run that finished is reported as finished even if Cancel came too late: what was written was written.
        return await work({ signal: abort.signal, onProgress: setProgress });
      } catch (error) {
        const cancelled = isAbort(error) || (abort.signal.aborted && !isKeyedPortError(error));
        setNotice({
          intent: cancelled ? 'info' : 'error',
          lines: [errorMessage(cancelled ? abortError() : error, lang)],
          ...(!cancelled && pointsToSettings(error) ? { settings: true } : {}),
        });
        return undefined;
      } finally {
        busy.current = false;
        controller.current = null;
        setRunning(null);
        setProgress(null);
      }
    },
    [lang],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return useMemo(() => ({ running, progress, notice, run, cancel, notify: setNotice, undoable, setUndoable }), [running, progress, notice, run, cancel, undoable]);
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

function isKeyedPortError(error: unknown): boolean {
  return error instanceof PortError && error.key !== 'error.cancelled';
}

/** After the next paint; a hidden page (no animation frames) falls back to a short timer. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      );
  });
}
