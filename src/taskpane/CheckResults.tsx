import { Badge, MessageBar, MessageBarBody, Text, makeStyles } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { MappingOverride } from '../core/roster/types';
import type { CheckViewProps } from './CheckView';
import { FindingsList } from './FindingsList';
import { MappingEditor } from './MappingEditor';
import { OperationStatus } from './StatusArea';
import type { Checked } from './Pane';
import { asPlan, describePlan } from './planPreview';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

/** The outcome of a check: where the roster is, its mapping (editable), the counts and the findings. */
export default function CheckResults({ checked, lang, busy, port, operation, onCheck, onPropose }: CheckViewProps & { checked: Checked }) {
  const styles = useStyles();

  const saveMapping = (override: MappingOverride) =>
    operation.run('ui.op.prepare', 'mapping', async () => {
      const snapshot = await port.read(); // plan the 设置 write against the workbook as it is now
      const plan = asPlan(checked.core.overrideSettingsOps(snapshot, override));
      onPropose({
        titleKey: 'ui.preview.title.mapping',
        plan,
        lines: describePlan(plan, snapshot, lang),
        after: () => onCheck(override.sheets ?? (override.sheet ? [override.sheet] : undefined), 'preview'),
      });
    });

  // The one count (core/severity.ts): the same figures as 校验结果's title and the report.
  const summary = checked.workbook.counts;
  return (
    <>
      <Text as="h2" weight="semibold" size={400}>
        {t(lang, 'ui.check.resultTitle')}
      </Text>
      <Text>
        {checked.check.layouts.length > 1
          ? t(lang, 'ui.check.summarySheets', { count: checked.check.layouts.length, sheets: checked.core.rosterSheetsText(checked.check), children: checked.check.records.length })
          : t(lang, 'ui.check.summary', {
              sheet: checked.check.layout.sheet,
              headerRows: checked.check.layout.headerRows.map((r) => r + 1).join('–'),
              children: checked.check.records.length,
            })}
      </Text>
      <div className={styles.row} aria-label={t(lang, 'ui.check.countsLabel')} role="group">
        <Badge color="danger" appearance="filled">
          {t(lang, 'ui.count.errors', { count: summary.errors })}
        </Badge>
        <Badge color="warning" appearance="filled">
          {t(lang, 'ui.count.warnings', { count: summary.warnings })}
        </Badge>
      </div>
      {summary.total === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, 'ui.check.clean')}</MessageBarBody>
        </MessageBar>
      )}
      <MappingEditor key={mappingKey(checked)} checked={checked} lang={lang} busy={busy} onSave={saveMapping} onSheets={(s) => void onCheck(s, 'mapping')} />
      <OperationStatus origin="mapping" />
      <FindingsList checked={checked} lang={lang} busy={busy} port={port} operation={operation} />
    </>
  );
}

/** A new check with another mapping starts the editor afresh; the same mapping keeps the user's edits. */
function mappingKey(checked: Checked): string {
  return JSON.stringify([checked.check.layouts.map((l) => l.sheet), checked.check.layout.columns]);
}
