import { useRef, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import type { CellRef } from '../core/plan/types';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: '4px 8px',
    padding: '4px 8px',
    flexShrink: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  address: { minWidth: '48px', fontWeight: tokens.fontWeightSemibold, lineHeight: '24px' },
  // The whole text, wrapped; long report sentences scroll inside three lines.
  text: {
    flexGrow: 1,
    flexBasis: '160px',
    minWidth: 0,
    maxHeight: '4.5em',
    overflowY: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    lineHeight: '1.5em',
    padding: '0 4px',
    userSelect: 'text',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  empty: { color: tokens.colorNeutralForeground3 },
  note: { flexBasis: '100%', color: tokens.colorPaletteRedForeground1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface CellBarProps {
  readonly lang: Lang;
  readonly address: string;
  readonly text: string;
  readonly note: string | null;
  readonly link: CellRef | null;
  readonly onFollow: (ref: CellRef) => void;
}

/**
 * The chosen cell's whole text, like Excel's formula bar: a report sentence or a title cut off in the
 * grid is read here in full, selected or copied with one button; its note and where its link goes too.
 */
export function CellBar({ lang, address, text, note, link, onFollow }: CellBarProps) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  // What was copied last: the button says 已复制 only while that cell is still the one shown.
  const [copiedFrom, setCopiedFrom] = useState<string | null>(null);
  const copied = copiedFrom === `${address}\n${text}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (an older browser, a policy): select the text and copy it the old way.
      const range = document.createRange();
      if (box.current) range.selectNodeContents(box.current);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.execCommand('copy');
    }
    setCopiedFrom(`${address}\n${text}`);
  };
  return (
    <div className={styles.bar} role="group" aria-label={t(lang, 'standalone.cell.label')} data-testid="cell-bar">
      <Text className={styles.address} data-testid="cell-address">
        {address}
      </Text>
      <div
        ref={box}
        className={styles.text}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={`${t(lang, 'standalone.cell.label')} ${address}`}
        tabIndex={0}
        data-testid="cell-text"
      >
        {text || <span className={styles.empty}>{t(lang, 'standalone.cell.empty')}</span>}
      </div>
      <Button size="small" disabled={!text} onClick={() => void copy()}>
        {copied ? t(lang, 'standalone.cell.copied') : t(lang, 'standalone.cell.copy')}
      </Button>
      {link && (
        <Button size="small" appearance="transparent" onClick={() => onFollow(link)} data-testid="cell-link">
          {t(lang, 'standalone.cell.link', { sheetName: link.sheet, cell: `${columnLetter(link.col)}${link.row + 1}` })}
        </Button>
      )}
      {note && (
        <Text className={styles.note} data-testid="cell-note">
          {t(lang, 'standalone.cell.note', { note })}
        </Text>
      )}
    </div>
  );
}
