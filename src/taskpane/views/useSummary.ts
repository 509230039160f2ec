import { useCallback, useEffect, useState } from 'react';
import { t } from '../../core/i18n';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { MaintenancePlan } from '../../core/workflow';
import { errorMessage } from '../errors';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError, periodChoiceFrom, type PeriodKindChoice } from './logic';
import type { ProposedWrite } from './WritePreview';

export interface SummaryComputed {
  readonly snapshot: WorkbookSnapshot;
  readonly plan: MaintenancePlan;
  readonly core: ViewsCore;
}

// Only the standalone page (the file host) builds new workbooks; Excel never fetches the xlsx library.
const loadFileTools = () => import(/* webpackChunkName: "view-file-tools" */ './fileTools');

/** 汇总's state and actions; the view only arranges them. */
export interface SummaryState {
  readonly kind: PeriodKindChoice;
  /** The custom period's first and last day, as typed. */
  readonly from: string;
  readonly to: string;
  readonly data: SummaryComputed | null;
  readonly pending: ProposedWrite | null;
  readonly busy: boolean;
  /** The standalone page: copies and roll-ups are downloads. */
  readonly fileHost: boolean;
  readonly setKind: (kind: PeriodKindChoice) => void;
  readonly setFrom: (date: string) => void;
  readonly setTo: (date: string) => void;
  /** Read afresh and compute the figures for the period. */
  readonly refresh: () => Promise<unknown>;
  /** Preview writing 统计汇总 and 工作报告. */
  readonly updateSummary: () => Promise<unknown>;
  /** Preview writing every maintained sheet. */
  readonly updateAll: () => Promise<unknown>;
  readonly exportCopy: () => Promise<unknown>;
  readonly rollup: (files: readonly File[]) => Promise<unknown>;
  readonly closePreview: () => void;
}

export function useSummary({ port, lang, today, operation }: ViewProps): SummaryState {
  const [kind, setKind] = useState<PeriodKindChoice>('term');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const [data, setData] = useState<SummaryComputed | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const busy = operation.running !== null;
  const fileHost = port.capabilities().host === 'file';

  const compute = useCallback(
    async (signal: AbortSignal): Promise<SummaryComputed> => {
      const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      const plan = await core.maintain(snapshot, { today, lang, period: periodChoiceFrom(kind, from, to) });
      const next = { snapshot, plan, core };
      setData(next);
      return next;
    },
    [port, today, lang, kind, from, to],
  );

  // 更新统计 writes 统计汇总 and 工作报告 alone: planned so, they count the pairs 结对帮扶 holds, not those
  // 生成结对 would write (the figures shown stay the whole upkeep's, whose pairs are labelled a preview).
  const planOnly = async (signal: AbortSignal, writeOnly: readonly string[]) => {
    const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
    if (signal.aborted) throw abortError();
    return { snapshot, plan: await core.maintain(snapshot, { today, lang, period: periodChoiceFrom(kind, from, to), writeOnly }) };
  };

  const refresh = useCallback(() => operation.run('views.op.read', 'summary', ({ signal }) => compute(signal)), [operation, compute]);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  }, []);

  const propose = (titleKey: string, onlySheets: readonly string[] | null) =>
    operation.run('ui.op.prepare', 'summary', async ({ signal }) => {
      setPending(null);
      const { snapshot, plan: m } = onlySheets ? await planOnly(signal, onlySheets) : await compute(signal);
      const { plan } = m;
      const lines = describePlan(plan, snapshot, lang).filter((l) => l.kind !== 'keep');
      setPending({ titleKey, plan, lines: lines.map((l) => l.text), changes: lines.length > 0, after: refresh });
    });

  // The standalone page downloads the copy; Excel opens it as a new workbook (ExcelApi 1.8) for the
  // teacher to save: the open workbook is only read either way.
  const exportCopy = () =>
    operation.run('views.op.export', 'summary-export', async ({ signal }) => {
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
  const rollup = (files: readonly File[]) =>
    operation.run('views.op.rollup', 'summary-rollup', async ({ signal }) => {
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
      const lines = describePlan(done.plan, snapshot, lang)
        .filter((l) => l.kind !== 'keep')
        .map((l) => l.text);
      const counted = t(lang, 'views.summary.rollupCounted', { schools: done.schools, children: done.children });
      // The file is built only for an Excel that can insert whole sheets from it; others write the plan.
      const prebuilt = port.capabilities().insertSheets ? await tools.workbookWith(done.plan) : undefined;
      setPending({ titleKey: 'views.summary.rollupPreviewTitle', plan: done.plan, prebuilt, lines: [counted, ...lines], changes: lines.length > 0 });
    });

  return {
    kind,
    from,
    to,
    data,
    pending,
    busy,
    fileHost,
    setKind,
    setFrom,
    setTo,
    refresh,
    updateSummary: () => propose('views.summary.previewTitle', [data?.core.SHEETS.summary ?? '统计汇总', data?.core.SHEETS.report ?? '工作报告']),
    updateAll: () => propose('views.summary.previewAllTitle', null),
    exportCopy,
    rollup,
    closePreview: () => setPending(null),
  };
}
