import { Button, Text, makeStyles } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { WorkbookPort } from '../workbook/port';
import './undo';
import type { Operation } from './useOperation';

const useStyles = makeStyles({
  // The label names a sheet and a count: let it wrap in a 350 px pane rather than overflow.
  button: { justifyContent: 'flex-start', textAlign: 'start', height: 'auto', maxWidth: '100%' },
});

/**
 * The pane's one undo, under the status line on every tab: "撤销：写入“结对帮扶”（96 行）" while the port can
 * take the last write back, or the sentence pointing at Excel's Ctrl+Z when Excel's own undo covers it.
 */
export default function UndoBar({ operation, port, lang }: { operation: Operation; port: WorkbookPort; lang: Lang }) {
  const styles = useStyles();
  const entry = operation.undoable;
  if (!entry) return null;
  if (entry.way === 'host') return <Text size={200}>{t(lang, 'undo.host', { what: entry.what })}</Text>;
  // The port keeps one level: when it has nothing (a later failed write rolled it back), offer nothing.
  if (!port.undoLast || port.canUndo?.() === false) return null;

  const undo = async () => {
    // Cancel is honoured until undo starts writing; after that it finishes, as apply does.
    const done = await operation.run('undo.running', 'undo', async ({ signal }) => {
      await port.undoLast!({ signal });
      return true;
    });
    if (!done) return;
    operation.setUndoable(null);
    if (entry.after) await entry.after();
    operation.notify({ intent: 'success', lines: [t(lang, 'undo.done', { what: entry.what })], origin: 'undo' });
  };

  return (
    <Button className={styles.button} disabled={operation.running !== null} onClick={() => void undo()} data-testid="undo-button">
      {t(lang, 'undo.button', { what: entry.what })}
    </Button>
  );
}
