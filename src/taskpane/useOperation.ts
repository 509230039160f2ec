import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../core/i18n';
import { PortError, type ApplyProgress } from '../workbook/port';
import { errorMessage, isAbort, pointsToSettings } from './errors';
import type { StatusOrigin } from './statusPlaces';
import type { UndoEntry } from './undo';

export interface Notice {
  readonly intent: 'error' | 'warning' | 'success' | 'info';
  readonly lines: readonly string[];
  /** The message sends the teacher to 设置: the notice offers a button that opens that screen. */
  readonly settings?: boolean;
  /** Where the teacher started what it reports: drawn beside that control while its slot is on screen, else at the top. */
  readonly origin?: StatusOrigin;
}

export interface OperationContext {
  readonly signal: AbortSignal;
  readonly onProgress: (p: ApplyProgress) => void;
}

/** The pane's one running operation: at most one at a time, cancellable, with progress and a notice. */
export interface Operation {
  /** i18n key naming what is running, or null when idle. */
  readonly running: string | null;
  /** Where the running operation was started (its progress and Cancel are drawn there); null: the top area. */
  readonly runningOrigin: StatusOrigin | null;
  readonly progress: ApplyProgress | null;
  readonly notice: Notice | null;
  /**
   * Runs `work` unless something is already running (then returns undefined at once). `origin` names the
   * control that started it, whose slot draws its progress and failure; null (the check on open): the top area.
   */
  run<T>(labelKey: string, origin: StatusOrigin | null, work: (ctx: OperationContext) => Promise<T>): Promise<T | undefined>;
  cancel: () => void;
  /** A notice without an origin, given while an operation runs, belongs to that operation's origin. */
  notify(notice: Notice | null): void;
  /** The last write's way back, for the whole pane (not per view): it survives tab changes until the next write. */
  readonly undoable: UndoEntry | null;
  /** Every write sets it (null when that write cannot be undone); an undo clears it. */
  setUndoable(entry: UndoEntry | null): void;
}

export function useOperation(lang: Lang): Operation {
  const [running, setRunning] = useState<string | null>(null);
  const [runningOrigin, setRunningOrigin] = useState<StatusOrigin | null>(null);
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoable, setUndoable] = useState<UndoEntry | null>(null);
  // A ref, not state: a second click in the same frame sees it before React re-renders the disabled button.
  const busy = useRef(false);
  const controller = useRef<AbortController | null>(null);
  const origin = useRef<StatusOrigin | undefined>(undefined);

  const run = useCallback(
    async <T>(labelKey: string, from: StatusOrigin | null, work: (ctx: OperationContext) => Promise<T>) => {
      if (busy.current) return undefined;
      busy.current = true;
      origin.current = from ?? undefined;
      // On the performance timeline (not the console): tests count starts to prove a double click runs once.
      performance.mark(`op-start:${labelKey}`);
      const abort = new AbortController();
      controller.current = abort;
      setRunning(labelKey);
      setRunningOrigin(from);
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
          ...(from ? { origin: from } : {}),
        });
        return undefined;
      } finally {
        busy.current = false;
        controller.current = null;
        origin.current = undefined;
        setRunning(null);
        setRunningOrigin(null);
        setProgress(null);
      }
    },
    [lang],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const notify = useCallback((next: Notice | null) => setNotice(next && next.origin === undefined && origin.current ? { ...next, origin: origin.current } : next), []);
  return useMemo(
    () => ({ running, runningOrigin, progress, notice, run, cancel, notify, undoable, setUndoable }),
    [running, runningOrigin, progress, notice, run, cancel, notify, undoable],
  );
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
