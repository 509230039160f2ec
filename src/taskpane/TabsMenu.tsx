import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PaneTab } from './PaneTabs';

const useStyles = makeStyles({
  menu: {
    position: 'absolute',
    right: 0,
    top: '100%',
    zIndex: 10,
    display: 'flex',
    flexDirection: 'column',
    minWidth: '140px',
    padding: '4px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  item: {
    padding: '6px 10px',
    textAlign: 'start',
    border: 'none',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * The menu of the tabs that did not fit the row (PaneTabs): a few buttons of our own with the keys of a
 * menu (arrows, Home, End, Escape), closed by a click elsewhere. Fluent's Menu would bring its positioning
 * library into the pane's first load (tests/browser/first-load.test.ts); this comes on demand.
 */
export default function TabsMenu({
  items,
  label,
  buttonRef,
  rowRef,
  onSelect,
  onClose,
}: {
  items: readonly PaneTab[];
  label: string;
  buttonRef: RefObject<HTMLButtonElement>;
  rowRef: RefObject<HTMLDivElement>;
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const menuRef = useRef<HTMLDivElement>(null);

  // The first item takes the focus; a click elsewhere closes the menu.
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!rowRef.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [rowRef, onClose]);

  const choose = (id: string) => {
    onClose();
    onSelect(id);
    // The chosen tab takes its place in the row; the focus follows it there.
    requestAnimationFrame(() => document.getElementById(`tab-${id}`)?.focus());
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'Tab') onClose();
    if (e.key === 'Escape') {
      onClose();
      buttonRef.current?.focus();
    } else if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={menuRef} id="tabs-more-menu" role="menu" aria-label={label} className={styles.menu} onKeyDown={keys}>
      {items.map((tab) => (
        <button key={tab.id} type="button" role="menuitem" tabIndex={-1} className={styles.item} data-tab={tab.id} onClick={() => choose(tab.id)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}
