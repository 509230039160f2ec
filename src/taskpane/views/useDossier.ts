import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CardChild, ChildFilesPlan, RecordPeriod } from '../../core/cards';
import type { IsoDate } from '../../core/dates';
import { t, type Lang } from '../../core/i18n';
import type { CellRef } from '../../core/plan/types';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { MaintenancePlan } from '../../core/workflow';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError, periodChoiceFrom, type PeriodKindChoice } from './logic';
import type { ProposedWrite } from './WritePreview';

/** Children a search lists at most: a name typed is normally one or two children. */
export const MATCHES_SHOWN = 20;

export type DossierPeriodKind = 'all' | PeriodKindChoice;

/** What the browser prints: the card or record of one child, or a class's (or the school's) cards or records. */
export interface PrintJob {
  readonly what: 'cards' | 'records';
  readonly children: readonly CardChild[];
  /** Changes with every click, so printing the same thing twice prints twice. */
  readonly serial: number;
}

interface Loaded {
  readonly snapshot: WorkbookSnapshot;
  readonly plan: MaintenancePlan;
  readonly core: ViewsCore;
}

export interface DossierState {
  readonly loaded: Loaded | null;
  readonly files: ChildFilesPlan | null;
  /** Why the period cannot be formed (dates typed wrong), as a message key and its params; the records then cover every entry. */
  readonly periodError: { readonly key: string; readonly params: Record<string, string> } | null;
  readonly busy: boolean;
  readonly query: string;
  readonly setQuery: (q: string) => void;
  readonly matches: readonly CardChild[];
  readonly child: CardChild | null;
  readonly pick: (c: CardChild) => void;
  readonly classes: readonly string[];
  readonly className: string;
  readonly setClassName: (c: string) => void;
  readonly periodKind: DossierPeriodKind;
  readonly setPeriodKind: (k: DossierPeriodKind) => void;
  readonly from: string;
  readonly to: string;
  readonly setFrom: (d: string) => void;
  readonly setTo: (d: string) => void;
  readonly job: PrintJob | null;
  readonly print: (what: PrintJob['what'], children: readonly CardChild[]) => void;
  readonly goToRows: (c: CardChild) => void;
  readonly refresh: () => Promise<unknown>;
  readonly pending: ProposedWrite | null;
  readonly proposeWrite: () => Promise<unknown>;
  readonly closePreview: () => void;
}

/** The children whose name contains the text typed (spaces ignored), in roster order. */
export function searchChildren(children: readonly CardChild[], query: string): CardChild[] {
  const q = query.replace(/\s+/g, '');
  if (!q) return [];
  return children.filter((c) => c.name.replace(/\s+/g, '').includes(q)).slice(0, MATCHES_SHOWN);
}

/** The period the records cover, from the picker: every entry, or the month, term, year or two dates (as 汇总 and `cards --period` take them). */
function recordPeriod(loaded: Loaded, kind: DossierPeriodKind, from: string, to: string, today: IsoDate): { period?: RecordPeriod; error: DossierState['periodError'] } {
  if (kind === 'all') return { error: null };
  const terms = loaded.plan.contacts.settings.terms;
  const p = loaded.core.periodFor(periodChoiceFrom(kind, from, to), today, [{ from: terms.termStart, to: terms.termEnd }]);
  return p.ok ? { period: { from: p.period.from, to: p.period.to }, error: null } : { error: { key: p.messageKey, params: p.params } };
}

/** The records and cards for the period and class chosen, from the same plan as the sheets (one concept, one place). */
function useChildFiles(
  loaded: Loaded | null,
  choice: { periodKind: DossierPeriodKind; from: string; to: string; className: string },
  today: IsoDate,
  lang: Lang,
): { files: ChildFilesPlan | null; periodError: DossierState['periodError'] } {
  const { periodKind, from, to, className } = choice;
  const periodChoice = useMemo(
    (): ReturnType<typeof recordPeriod> => (loaded ? recordPeriod(loaded, periodKind, from, to, today) : { error: null }),
    [loaded, periodKind, from, to, today],
  );
  const files = useMemo(() => {
    if (!loaded) return null;
    const { plan, snapshot, core } = loaded;
    return core.planChildFiles(snapshot, {
      records: plan.roster.records,
      // The mentors 结对帮扶 holds now: a card printed before 生成结对 names none it has not written.
      pairing: { ...plan.pairing.result, rows: plan.pairing.held.rows },
      log: plan.contacts.log.entries,
      life: plan.life.read,
      today,
      lang,
      schoolNameLabel: core.SCHOOL_NAME_SETTING,
      normalizeClass: core.classNormalizer(today),
      period: periodChoice.period,
      ...(className ? { filter: { className } } : {}),
    });
  }, [loaded, periodChoice, className, today, lang]);

  return { files, periodError: periodChoice.error };
}

/** The browser prints once the print sheet is in the page (after the render that put it there). */
function usePrintAfterRender(job: PrintJob | null): void {
  useEffect(() => {
    if (!job) return;
    const timer = setTimeout(() => window.print(), 0);
    return () => clearTimeout(timer);
  }, [job]);
}

/** 档案's state and actions; the view only arranges them. */
export function useDossier({ port, lang, today, operation }: ViewProps): DossierState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [query, setQuery] = useState('');
  const [childIndex, setChildIndex] = useState<number | null>(null);
  const [className, setClassName] = useState('');
  const [periodKind, setPeriodKind] = useState<DossierPeriodKind>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [job, setJob] = useState<PrintJob | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const busy = operation.running !== null;

  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      const next = { snapshot, core, plan: await core.maintain(snapshot, { today, lang }) };
      setLoaded(next);
      return next;
    },
    [port, today, lang],
  );
  const refresh = useCallback(() => operation.run('views.op.read', 'dossier', ({ signal }) => load(signal)), [operation, load]);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  }, []);

  const { files, periodError } = useChildFiles(loaded, { periodKind, from, to, className }, today, lang);
  const children = useMemo(() => files?.children ?? [], [files]);
  const classes = useMemo(() => [...new Set(children.map((c) => c.classLabel).filter((c): c is string => !!c))], [children]);
  const matches = useMemo(() => searchChildren(children, query), [children, query]);
  const child = childIndex === null ? null : (children[childIndex] ?? null);

  usePrintAfterRender(job);

  const print = (what: PrintJob['what'], list: readonly CardChild[]) => setJob({ what, children: list, serial: (job?.serial ?? 0) + 1 });

  const goToRows = (c: CardChild) => {
    if (!loaded) return;
    const roster = loaded.plan.roster;
    const layout = roster.layouts.find((l) => l.sheet === c.sheet) ?? roster.layout;
    // The port selects the cell (Excel) or highlights it (standalone page): no address is built here.
    const ref: CellRef = { sheet: c.sheet ?? layout.sheet, row: c.row, col: layout.columns.name ?? 0 };
    void port.select(ref).catch(() => undefined);
  };

  const proposeWrite = () =>
    operation.run('ui.op.prepare', 'dossier-class', async ({ signal }) => {
      setPending(null);
      const next = await load(signal);
      if (!files) return;
      const plan = { ops: [...files.cardSheets, ...files.recordSheets] };
      // Past Excel's page breaks a sheet the job is in parts (联系卡（2）…): a line says so.
      const split = [files.cardSheets, files.recordSheets]
        .map((ops) =>
          next.core.printSplitNote(
            lang,
            ops.map((o) => o.sheet),
          ),
        )
        .filter((l) => l !== null);
      const lines = [...describePlan(plan, next.snapshot, lang).map((l) => l.text), ...split];
      setPending({
        titleKey: 'views.dossier.writeTitle',
        plan,
        lines: [...lines, t(lang, 'views.dossier.writeScope', { children: files.chosen.length })],
        changes: files.chosen.length > 0,
        after: refresh,
      });
    });

  return {
    loaded,
    files,
    periodError,
    busy,
    query,
    setQuery,
    matches,
    child,
    pick: (c) => {
      setChildIndex(c.index);
      setQuery('');
    },
    classes,
    className,
    setClassName,
    periodKind,
    setPeriodKind,
    from,
    to,
    setFrom,
    setTo,
    job,
    print,
    goToRows,
    refresh,
    pending,
    proposeWrite,
    closePreview: () => setPending(null),
  };
}
