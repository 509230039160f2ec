import { Suspense, createContext, lazy, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AnnounceProvider, Button, MessageBar, MessageBarBody, makeStyles, useAnnounce } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import { NO_SLOTS, placeOf, slotsAfter, type MountedSlots, type StatusOrigin } from './statusPlaces';
import type { Notice, Operation } from './useOperation';

const useStyles = makeStyles({
  slot: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  lines: { margin: 0, paddingLeft: 0, listStyleType: 'none' },
});

/** What the top area and the slots share: the operation, and which slots are mounted. */
interface Places {
  readonly operation: Operation;
  readonly lang: Lang;
  readonly onOpenSettings?: () => void;
  readonly mounted: MountedSlots;
  /** Registers a slot of `origin`; returns its unregistering. */
  readonly mount: (origin: StatusOrigin) => () => void;
}

const PlacesContext = createContext<Places | null>(null);

// The progress bar and its field are only drawn while something runs: not on the first load (fetched soon after it).
const RunningStatus = lazy(() => import(/* webpackChunkName: "running", webpackPrefetch: true */ './RunningStatus'));

/** Around the pane: lets the views' `OperationStatus` slots take their operations' progress and notices from the top area. */
export function StatusPlaces({ operation, lang, onOpenSettings, children }: { operation: Operation; lang: Lang; onOpenSettings?: () => void; children: ReactNode }) {
  const [mounted, setMounted] = useState<MountedSlots>(NO_SLOTS);
  const mount = useCallback((origin: StatusOrigin) => {
    setMounted((m) => slotsAfter(m, origin, 1));
    return () => setMounted((m) => slotsAfter(m, origin, -1));
  }, []);
  const value = useMemo(() => ({ operation, lang, onOpenSettings, mounted, mount }), [operation, lang, onOpenSettings, mounted, mount]);
  return <PlacesContext.Provider value={value}>{children}</PlacesContext.Provider>;
}

/** What `here` draws (null: the top area): the running operation and the notice whose origin's slot that is. */
function shownAt(places: Places, here: StatusOrigin | null): { running: boolean; notice: Notice | null } {
  const { operation, mounted } = places;
  return {
    running: operation.running !== null && placeOf(operation.runningOrigin, mounted) === here,
    notice: operation.notice && placeOf(operation.notice.origin, mounted) === here ? operation.notice : null,
  };
}

/** The pane's top area: progress and outcome of operations with no slot on screen (the check on open, a view left). */
export function StatusArea() {
  const places = useContext(PlacesContext);
  if (!places) return null;
  const shown = shownAt(places, null);
  return <StatusBody places={places} running={shown.running} notice={shown.notice} />;
}

/**
 * Beside the button(s) of `origin`: the progress (with Cancel) and the notice of what they started, scrolled
 * into view when off-screen (the focus stays where it is). One slot per origin on screen.
 */
export function OperationStatus({ origin }: { origin: StatusOrigin }) {
  const styles = useStyles();
  const places = useContext(PlacesContext);
  const mount = places?.mount;
  // Before paint: the top area never flashes what a slot about to mount will draw.
  useLayoutEffect(() => mount?.(origin), [mount, origin]);
  const box = useRef<HTMLDivElement>(null);
  const shown = places ? shownAt(places, origin) : { running: false, notice: null };
  useEffect(() => {
    if (shown.running || shown.notice) box.current?.scrollIntoView({ block: 'nearest' });
  }, [shown.running, shown.notice]);
  if (!places || (!shown.running && !shown.notice)) return null;
  return (
    <div ref={box} className={styles.slot} data-status-origin={origin}>
      <StatusBody places={places} running={shown.running} notice={shown.notice} />
    </div>
  );
}

/** Progress of the running operation with its Cancel button, and the last operation's outcome. */
function StatusBody({ places, running, notice }: { places: Places; running: boolean; notice: Notice | null }) {
  const styles = useStyles();
  const { operation, lang, onOpenSettings } = places;
  return (
    <>
      {running && (
        <Suspense fallback={null}>
          <RunningStatus operation={operation} lang={lang} />
        </Suspense>
      )}
      {notice && (
        <AnnouncedOnce notice={notice} message={[...notice.lines, ...(notice.settings && onOpenSettings ? [t(lang, 'views.tab.settings')] : [])].join('\n')}>
          {/* An error's politeness is left to the intent: Fluent 9.74 reads any given politeness as polite
            ((politeness ?? intent === 'info') ? 'polite' : 'assertive'), and an error unset is assertive. */}
          <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === 'error' ? undefined : 'polite'} data-testid="notice">
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
        </AnnouncedOnce>
      )}
    </>
  );
}

const announced = new WeakSet<Notice>();

/**
 * A MessageBar announces itself when it mounts (and when its announce changes). A notice is said once: not
 * again when it moves to the top area (its view left) or back, and a new notice in a MessageBar that stays
 * mounted is said too (the announce below changes with the notice). What is said is `message`, its lines
 * apart: Fluent takes the body's textContent, which runs a list's lines together ("Done.Created the…").
 */
function AnnouncedOnce({ notice, message, children }: { notice: Notice; message: string; children: ReactNode }) {
  const { announce } = useAnnounce();
  const value = useMemo(
    () => ({
      announce: (_body: string, options?: Parameters<typeof announce>[1]) => {
        if (announced.has(notice)) return;
        announced.add(notice);
        announce(message, options);
      },
    }),
    [announce, notice, message],
  );
  return <AnnounceProvider value={value}>{children}</AnnounceProvider>;
}
