import { lazy, Suspense } from 'react';
import { Button, Spinner, Text, makeStyles } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { WorkbookPort } from '../workbook/port';
import type { Checked } from './Pane';
import type { PendingChange } from './PreviewPanel';
import { OperationStatus } from './StatusArea';
import type { StatusOrigin } from './statusPlaces';
import type { Operation } from './useOperation';

// Results, mapping editor and findings appear only after a check: fetched with the roster engine, not before.
const CheckResults = lazy(() => import(/* webpackChunkName: "check-results" */ './CheckResults'));

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export interface CheckViewProps {
  readonly checked: Checked | null;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly port: WorkbookPort;
  readonly operation: Operation;
  /** Check again; `sheets` picks the roster's sheets (one per class), else the last pick, the saved or the detected ones. */
  readonly onCheck: (sheets?: readonly string[], origin?: StatusOrigin) => Promise<unknown>;
  readonly onPropose: (change: PendingChange) => void;
}

/** 检查花名册: run the check, show the sheet and mapping found (editable), then the findings by rule. */
export function CheckView(props: CheckViewProps) {
  const styles = useStyles();
  const { checked, lang, busy, onCheck } = props;
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void onCheck(undefined, 'check')}>
          {t(lang, 'ui.action.check')}
        </Button>
      </div>
      <OperationStatus origin="check" />
      {!checked && <Text>{t(lang, 'ui.check.intro')}</Text>}
      {checked && (
        <Suspense fallback={<Spinner size="small" />}>
          <CheckResults {...props} checked={checked} />
        </Suspense>
      )}
    </>
  );
}
