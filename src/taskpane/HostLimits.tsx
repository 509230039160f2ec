import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { HostCapabilities } from '../workbook/port';

/**
 * What this Excel cannot do, said before the teacher runs into it (issue 7, reach): one line per missing
 * feature and what the add-in does instead. Empty outside Excel and on current Excel.
 */
export function hostLimitKeys(caps: HostCapabilities): string[] {
  if (caps.host !== 'excel') return [];
  const level = caps.excelApi ?? 0;
  const keys: string[] = [];
  if (!caps.hyperlinks) keys.push('host.limit.hyperlinks');
  if (!caps.conditionalFormats) keys.push('host.limit.conditionalFormats');
  if (!caps.notes) keys.push('host.limit.notes');
  if (!caps.dataValidation) keys.push('host.limit.dataValidation');
  // Freeze panes, the category axis of line charts and (reliably) column widths come with ExcelApi 1.7.
  if (level < 7) keys.push('host.limit.layout');
  // Paper, margins, print titles and page breaks of the printed sheets come with ExcelApi 1.9.
  if (level < 9) keys.push('host.limit.print');
  if (!caps.newWorkbook) keys.push('host.limit.newWorkbook');
  if (!caps.undoGroup) keys.push('host.limit.undo');
  if (!caps.insertSheets) keys.push('host.limit.insertSheets');
  // Merged areas (a class merged down its rows) are read from ExcelApi 1.13 (Range.getMergedAreasOrNullObject).
  if (level < 13) keys.push('host.limit.merges');
  return keys;
}

const useStyles = makeStyles({
  box: { color: tokens.colorNeutralForeground2 },
  list: { margin: '4px 0 0', paddingLeft: '20px' },
});

export function HostLimits({ caps, lang }: { caps: HostCapabilities; lang: Lang }) {
  const styles = useStyles();
  const keys = hostLimitKeys(caps);
  if (keys.length === 0) return null;
  return (
    <details className={styles.box} data-testid="host-limits">
      <summary>
        <Text size={200}>{t(lang, 'host.limits.title', { count: keys.length })}</Text>
      </summary>
      <ul className={styles.list}>
        {keys.map((k) => (
          <li key={k}>
            <Text size={200}>{t(lang, k)}</Text>
          </li>
        ))}
      </ul>
      <Text as="p" size={200}>
        {t(lang, 'host.limits.whatToDo')}
      </Text>
      {/* The API level is jargon to a teacher; it stays in one line for the school's IT person. */}
      <Text as="p" size={200} data-testid="host-limits-details">
        {t(lang, 'host.limits.details', { level: caps.excelApi ?? 0 })}
      </Text>
    </details>
  );
}
