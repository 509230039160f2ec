import { makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { ApplyResult, WorkbookPort } from '../workbook/port';
import type { StatusOrigin } from './statusPlaces';
import { undoEntryOf } from './undo';
import type { Operation } from './useOperation';

/** What the check tab's preview (PreviewPanel) and the other tabs' (views/WritePreview) share. */

export const usePreviewStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: '20px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

/** The message after a write: done, then each sheet written, then what this host could not do. */
export function notifyWritten(result: ApplyResult, lang: Lang, operation: Operation, origin: StatusOrigin): void {
  const written = result.written.map((w) => t(lang, `ui.written.${w.what}`, { sheet: w.sheet, count: w.rows }));
  const degraded = result.degraded.map((key) => t(lang, key));
  operation.notify({ intent: degraded.length ? 'warning' : 'success', lines: [t(lang, 'ui.written.done'), ...written, ...degraded], origin });
}

/**
 * After a write: say what was written and leave the pane's one undo entry naming it (or none, when this
 * write cannot be undone: the previous entry no longer applies either, since the port keeps one level).
 */
export function afterWrite(result: ApplyResult, lang: Lang, operation: Operation, port: WorkbookPort, origin: StatusOrigin, after?: () => Promise<unknown>): void {
  notifyWritten(result, lang, operation, origin);
  operation.setUndoable(undoEntryOf(result, port, lang, after));
}
