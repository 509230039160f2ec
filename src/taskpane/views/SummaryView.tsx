import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { t } from '../../core/i18n';
import './messages';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { MaintenancePlan } from '../../core/workflow';
import { errorMessage } from '../errors';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError, periodChoiceFrom, type PeriodKindChoice } from './logic';
import { useViewStyles } from './styles';
import { WritePreview, type ProposedWrite } from './WritePreview';

interface Computed {
  readonly snapshot: WorkbookSnapshot;
  readonly plan: MaintenancePlan;
  readonly core: ViewsCore;
}

const PERIODS: readonly PeriodKindChoice[] = ['month', 'term', 'year', 'custom'];

// Only the standalone page (the file host) builds new workbooks; Excel never fetches the xlsx library.
const loadFileTools = () => import(/* webpackChunkName: "view-file-tools" */ './fileTools');

/**
 * 汇总: the headline figures for a period; "更新统计" writes 统计汇总 and 工作报告, "一键更新全部" every
 * maintained sheet (both after a preview). The roll-up of several schools: a download in the standalone
 * page, sheets added to the open workbook in Excel. The de-identified copy: a download in the standalone
 * page, a new workbook in Excel (ExcelApi 1.8; below, a sentence saying where it is made).
 */
export default function SummaryView({ port, lang, today, operation }: ViewProps) {
  const styles = useViewStyles();
  const [kind, setKind] = useState<PeriodKindChoice>('term');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const [data, setData] = useState<Computed | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const busy = operation.running !== null;
  const fileHost = port.capabilities().host === 'file';

  const compute = useCallback(async (signal: AbortSignal): Promise<Computed> => {
    const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
    if (signal.aborted) throw abortError();
    const plan = await core.maintain(snapshot, { today, lang, period: periodChoiceFrom(kind, from, to) });
    const next = { snapshot, plan, core };
    setData(next);
    return next;
  }, [port, today, lang, kind, from, to]);

  const refresh = useCallback(() => operation.run('views.op.read', ({ signal }) => compute(signal)), [operation, compute]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  useEffect(() => { void refresh(); }, []);

  const propose = (titleKey: string, onlySheets: readonly string[] | null) => operation.run('ui.op.prepare', async ({ signal }) => {
    setPending(null);
    const { snapshot, plan: m } = await compute(signal);
    const plan = { ops: m.plan.ops.filter((op) => !onlySheets || onlySheets.includes(op.sheet)) };
    const lines = describePlan(plan, snapshot, lang).filter((l) => l.kind !== 'keep');
    setPending({ titleKey, plan, lines: lines.map((l) => l.text), changes: lines.length > 0, after: refresh });
  });

  // The standalone page downloads the copy; Excel opens it as a new workbook (ExcelApi 1.8) for the
  // teacher to save: the open workbook is only read either way.
  const exportCopy = () => operation.run('views.op.export', async ({ signal }) => {
    const [snapshot, core, tools] = await Promise.all([port.read(), loadViewsCore(), loadFileTools()]);
    if (signal.aborted) throw abortError();
    const { bytes, message } = await tools.deidentifiedCopy(core, snapshot, today);
    if (!fileHost && port.openNewWorkbook) {
      await port.openNewWorkbook(bytes);
      operation.notify({ intent: 'success', lines: [t(lang, 'views.summary.exportedExcel'), t(lang, message.messageKey, message.params)] });
      return;
    }
    const file = t(lang, 'views.summary.exportFile');
    tools.download(bytes, file);
    operation.notify({ intent: 'success', lines: [t(lang, 'views.summary.exported', { file }), t(lang, message.messageKey, message.params)] });
  });

  // The standalone page downloads the roll-up as a new workbook; Excel adds its sheets to the open one,
  // after the usual preview (inserted whole where the host can, see ApplyOptions.prebuilt).
  const rollup = (files: readonly File[]) => operation.run('views.op.rollup', async ({ signal }) => {
    setPending(null);
    const [core, tools] = await Promise.all([loadViewsCore(), loadFileTools()]);
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    if (signal.aborted) throw abortError();
    const done = await tools.schoolsRollup(core, read, today, lang, (e) => errorMessage(e, lang));
    if (fileHost) {
      const file = t(lang, 'views.summary.rollupFile');
      tools.download(await tools.workbookWith(done.plan), file);
      operation.notify({ intent: 'success', lines: [t(lang, 'views.summary.rollupDone', { schools: done.schools, children: done.children, file })] });
      return;
    }
    const snapshot = await port.read({ namesOnly: true });
    if (signal.aborted) throw abortError();
    const lines = describePlan(done.plan, snapshot, lang).filter((l) => l.kind !== 'keep').map((l) => l.text);
    const counted = t(lang, 'views.summary.rollupCounted', { schools: done.schools, children: done.children });
    // The file is built only for an Excel that can insert whole sheets from it; others write the plan.
    const prebuilt = port.capabilities().insertSheets ? await tools.workbookWith(done.plan) : undefined;
    setPending({ titleKey: 'views.summary.rollupPreviewTitle', plan: done.plan, prebuilt, lines: [counted, ...lines], changes: lines.length > 0 });
  });

  const j = data?.plan.summary.json;
  const share = (part: number, whole: number) => (data ? data.core.formatShare(data.core.share(part, whole)) : '');
  const figure = (key: string, value: string) => (
    <>
      <dt className={styles.term}>{t(lang, key)}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );

  return (
    <div className={styles.box}>
      <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as PeriodKindChoice)} aria-labelledby="summary-period" layout="horizontal">
        <Text id="summary-period" weight="semibold">{t(lang, 'views.summary.period')}</Text>
        {PERIODS.map((p) => <Radio key={p} value={p} label={t(lang, `views.summary.period.${p}`)} />)}
      </RadioGroup>
      {kind === 'custom' && (
        <div className={styles.row}>
          <Field label={t(lang, 'views.summary.from')}><Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} /></Field>
          <Field label={t(lang, 'views.summary.to')}><Input type="date" value={to} onChange={(_, d) => setTo(d.value)} /></Field>
        </div>
      )}
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void refresh()}>{t(lang, 'views.summary.compute')}</Button>
        <Button appearance="primary" disabled={busy} onClick={() => void propose('views.summary.previewTitle', [data?.core.SHEETS.summary ?? '统计汇总', data?.core.SHEETS.report ?? '工作报告'])}>{t(lang, 'views.summary.update')}</Button>
        <Button disabled={busy} onClick={() => void propose('views.summary.previewAllTitle', null)}>{t(lang, 'views.summary.updateAll')}</Button>
      </div>
      <WritePreview change={pending} port={port} lang={lang} operation={operation} onClose={() => setPending(null)} />
      {data && j && (
        <section className={styles.section} aria-labelledby="summary-headline" data-testid="summary-figures">
          <Text as="h2" id="summary-headline" weight="semibold">{t(lang, 'views.summary.headline', { label: data.core.periodLabel(data.plan.summary.period, lang) })}</Text>
          <dl className={styles.figures}>
            {figure('views.summary.children', String(j.children))}
            {figure('views.summary.talks', String(j.talks))}
            {figure('views.summary.parentCalls', String(j.parentCalls))}
            {figure('views.summary.homeVisits', String(j.homeVisits))}
            {figure('views.summary.talkCoverage', t(lang, 'views.summary.shareValue', { count: j.childrenWithTalk, share: share(j.childrenWithTalk, j.children) }))}
            {figure('views.summary.pairCoverage', t(lang, 'views.summary.shareValue', { count: j.pairing.withTeacher, share: share(j.pairing.withTeacher, j.children) }))}
            {figure('views.summary.withoutTalk', String(j.childrenWithoutTalk))}
          </dl>
        </section>
      )}
      <section className={styles.section} aria-labelledby="summary-export">
        <Text as="h2" id="summary-export" weight="semibold">{t(lang, 'views.summary.export')}</Text>
        {fileHost || port.capabilities().newWorkbook ? (
          <>
            <Text>{t(lang, fileHost ? 'views.summary.exportIntro' : 'views.summary.exportIntroExcel')}</Text>
            <div className={styles.row}><Button disabled={busy} onClick={() => void exportCopy()}>{t(lang, 'views.summary.exportButton')}</Button></div>
          </>
        ) : <Text>{t(lang, 'views.summary.exportExcel')}</Text>}
      </section>
      <section className={styles.section} aria-labelledby="summary-rollup">
        <Text as="h2" id="summary-rollup" weight="semibold">{t(lang, 'views.summary.rollup')}</Text>
        <Text>{t(lang, fileHost ? 'views.summary.rollupIntro' : 'views.summary.rollupExcel')}</Text>
        <input ref={picker} type="file" hidden multiple accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="rollup-files"
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length) void rollup(files); }} />
        <div className={styles.row}><Button disabled={busy} onClick={() => picker.current?.click()}>{t(lang, 'views.summary.rollupPick')}</Button></div>
      </section>
    </div>
  );
}
