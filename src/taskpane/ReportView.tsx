import { useState } from 'react';
import { Button, Checkbox, Text, makeStyles } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { IsoDate } from '../core/dates';
import { SHEETS } from '../core/sheets';
import type { Checked } from './Pane';
import type { PendingChange } from './PreviewPanel';
import { asPlan, describePlan } from './planPreview';
import { OperationStatus } from './StatusArea';
import type { Operation } from './useOperation';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '12px', alignItems: 'flex-start' },
});

/**
 * 生成校验结果: write the 校验结果 sheet (and, if asked, marks on the roster's bad cells), or remove the
 * marks. Each starts with a fresh read and check and shows a preview; nothing is written until confirmed.
 */
export default function ReportView({
  checked,
  lang,
  today,
  busy,
  operation,
  onPropose,
  freshCheck,
}: {
  checked: Checked | null;
  lang: Lang;
  today: IsoDate;
  busy: boolean;
  operation: Operation;
  onPropose: (change: PendingChange) => void;
  freshCheck: (signal: AbortSignal, sheets?: readonly string[]) => Promise<Checked>;
}) {
  const styles = useStyles();
  const [mark, setMark] = useState(false);

  const prepareReport = () =>
    operation.run('ui.op.prepare', 'report', async ({ signal }) => {
      const fresh = await freshCheck(signal);
      const { core, check, snapshot, views, workbook } = fresh;
      // The same 校验结果 as the whole-workbook run writes: the roster's findings, then the add-in's own sheets'.
      const plan = asPlan(views.allFindingsSheetOp(check, workbook.others, lang, today), mark ? core.markOps(check, lang) : null);
      onPropose({ titleKey: 'ui.preview.title.report', plan, lines: describePlan(plan, snapshot, lang) });
    });

  const prepareUnmark = () =>
    operation.run('ui.op.prepare', 'report', async ({ signal }) => {
      const fresh = await freshCheck(signal);
      const plan = asPlan(fresh.core.clearMarksOps(fresh.check));
      onPropose({ titleKey: 'ui.preview.title.unmark', confirmKey: 'ui.action.confirmUnmark', plan, lines: describePlan(plan, fresh.snapshot, lang) });
    });

  return (
    <div className={styles.box}>
      <Text>{t(lang, 'ui.report.intro', { sheet: SHEETS.findings })}</Text>
      {checked && <Text size={200}>{t(lang, 'ui.report.lastCheck', { sheet: checked.core.rosterSheetsText(checked.check), count: checked.workbook.counts.total })}</Text>}
      <Checkbox checked={mark} disabled={busy} onChange={(_, d) => setMark(Boolean(d.checked))} label={t(lang, 'ui.report.mark')} />
      <Button appearance="primary" disabled={busy} onClick={() => void prepareReport()}>
        {t(lang, 'ui.action.report')}
      </Button>
      <Button disabled={busy} onClick={() => void prepareUnmark()}>
        {t(lang, 'ui.action.unmark')}
      </Button>
      <OperationStatus origin="report" />
    </div>
  );
}
