import { Suspense, lazy, useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Button, Tab, TabList, makeStyles, mergeClasses } from '@fluentui/react-components';
import { fitTabs } from './tabsFit';

// The menu itself (its keys, its look) is fetched when first opened: the row and its button are what the first screen needs.
const TabsMenu = lazy(() => import(/* webpackChunkName: "tabs-menu" */ './TabsMenu'));

export interface PaneTab {
  readonly id: string;
  readonly label: string;
}

const useStyles = makeStyles({
  row: { position: 'relative', display: 'flex', alignItems: 'center', minWidth: 0 },
  // Until the tabs are measured (the first layout) they wrap rather than leave the pane.
  list: { flexWrap: 'wrap', rowGap: '2px', minWidth: 0 },
  // Out of the row, of sight and of the keyboard, but still laid out: its width is measured as the pane's fonts and theme settle.
  hidden: { position: 'absolute', left: 0, top: 0, visibility: 'hidden', pointerEvents: 'none' },
  more: { position: 'relative', flexShrink: 0 },
  // As narrow as its word: a button's usual 64 px minimum would push one more tab into the menu.
  moreButton: { minWidth: 'auto', paddingLeft: '6px', paddingRight: '6px' },
});

interface Sizes {
  readonly available: number;
  readonly widths: readonly number[];
  readonly more: number;
}
const sameSizes = (a: Sizes | null, b: Sizes) => !!a && a.available === b.available && a.more === b.more && a.widths.every((w, i) => w === b.widths[i]);

/**
 * Which tabs fit the row. Every tab and the 更多 button stay laid out (those not in the row hidden), so their
 * widths are measured whenever they change — the theme's sizes arrive after the first layout, fonts later —
 * as is the row's width when the pane is resized.
 */
function useTabFit(rowRef: RefObject<HTMLDivElement>, tabs: readonly PaneTab[], selected: string): { shown: number[]; hidden: number[] } {
  const [sizes, setSizes] = useState<Sizes | null>(null);
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row) return;
    const width = (el: Element | null) => el?.getBoundingClientRect().width ?? 0;
    const measure = () => {
      const next = {
        available: row.clientWidth,
        widths: tabs.map((tab) => width(row.querySelector(`#tab-${tab.id}`))),
        more: width(row.querySelector('[data-testid="tabs-more"]')),
      };
      setSizes((was) => (sameSizes(was, next) ? was : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    for (const el of [row, ...Array.from(row.querySelectorAll('[role="tab"], [data-testid="tabs-more"]'))]) observer.observe(el);
    return () => observer.disconnect();
  }, [rowRef, tabs]);
  if (!sizes) return { shown: tabs.map((_, i) => i), hidden: [] };
  return fitTabs(
    sizes.widths,
    sizes.available,
    sizes.more,
    tabs.findIndex((tab) => tab.id === selected),
  );
}

/**
 * The pane's tabs in one row at any width (350 px is the design width, issue 15): the tabs that do not fit
 * go into a 更多 (More) menu at the row's end, and the selected one always stays in the row.
 */
export function PaneTabs({
  tabs,
  selected,
  onSelect,
  label,
  moreLabel,
}: {
  tabs: readonly PaneTab[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  moreLabel: string;
}) {
  const styles = useStyles();
  const rowRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const { shown, hidden } = useTabFit(rowRef, tabs, selected);
  return (
    <div ref={rowRef} className={styles.row}>
      <TabList selectedValue={selected} onTabSelect={(_, d) => onSelect(String(d.value))} aria-label={label} size="small" className={styles.list}>
        {tabs.map((tab, i) => (
          <Tab key={tab.id} id={`tab-${tab.id}`} value={tab.id} aria-controls="panel" className={shown.includes(i) ? undefined : styles.hidden}>
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <MoreButton items={hidden.map((i) => tabs[i])} label={moreLabel} buttonRef={moreRef} rowRef={rowRef} onSelect={onSelect} />
    </div>
  );
}

/** The 更多 button at the row's end (laid out but hidden while every tab fits), and the menu of the others once it is pressed. */
function MoreButton({
  items,
  label,
  buttonRef,
  rowRef,
  onSelect,
}: {
  items: readonly PaneTab[];
  label: string;
  buttonRef: RefObject<HTMLButtonElement>;
  rowRef: RefObject<HTMLDivElement>;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const none = items.length === 0;
  // Stable, so that the open menu's focus and outside-click setup runs once, not on every render of the row.
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className={mergeClasses(styles.more, none && styles.hidden)} aria-hidden={none || undefined}>
      <Button
        ref={buttonRef}
        className={styles.moreButton}
        size="small"
        appearance="subtle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'tabs-more-menu' : undefined}
        onClick={() => setOpen((was) => !was)}
        data-testid="tabs-more"
      >
        {label}
        <span aria-hidden="true">&nbsp;▾</span>
      </Button>
      {open && !none && (
        <Suspense fallback={null}>
          <TabsMenu items={items} label={label} buttonRef={buttonRef} rowRef={rowRef} onSelect={onSelect} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
