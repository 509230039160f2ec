import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { t, type Lang } from '../core/i18n';
import type { IsoDate } from '../core/dates';
import type { MappingOverride, RosterCheck } from '../core/roster/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookFindings } from '../core/workflow';
import type { WorkbookPort } from '../workbook/port';
import { CheckView } from './CheckView';
import { HostLimits } from './HostLimits';
import { PaneTabs } from './PaneTabs';
import type { PendingChange } from './PreviewPanel';
import { OperationStatus, StatusArea, StatusPlaces } from './StatusArea';
import type { StatusOrigin } from './statusPlaces';
import { loadRosterCore, type RosterCore } from './rosterCore';
import { loadViewsCore, type ViewsCore } from './views/core';
import { useOperation } from './useOperation';
import { useWorkbookDay } from './useWorkbookDay';
import { guideDismissed } from './firstSteps';
import { EXTRA_VIEWS, type SettingsSectionId, type ViewProps } from './views';

export interface PaneProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  /** The host's date: its clock, or a date the page was told. */
  readonly today: IsoDate;
  /** The workbook's 设置 may replace `today` (the sample's 示例日期; workbookToday), read after the first paint. */
  readonly dayFromWorkbook?: boolean;
  /** In Excel the pane is the whole page and carries the page heading; beside the standalone grid it does not. */
  readonly standalone?: boolean;
  /** Check the roster as soon as the pane opens (the bundled sample opens already checked). */
  readonly checkOnOpen?: boolean;
  /** Told after every check (the standalone page draws the findings on its sheet view). */
  readonly onChecked?: (checked: Checked) => void;
  /** The workbook is known to be the bundled sample (the standalone page opened it): the first steps show. */
  readonly sample?: boolean;
}

/** The last check: the snapshot it was computed from and its result. */
export interface Checked {
  readonly snapshot: WorkbookSnapshot;
  readonly check: RosterCheck;
  readonly core: RosterCore;
  /** Every finding of the workbook (the roster's and those of the add-in's own sheets) with their one count, as 校验结果 lists them. */
  readonly workbook: WorkbookFindings;
  /** The computing core the whole-workbook findings came from; it also plans 校验结果. */
  readonly views: ViewsCore;
  /** The correction saved in 设置, if any. */
  readonly saved: MappingOverride | null;
  /** The roster's sheets as the teacher picked them in the pane (not yet saved); absent: the saved or detected ones. */
  readonly chosen?: readonly string[];
}

// Not on the first screen: fetched when first shown, so the pane is interactive sooner (bench/pane.ts).
const ReportView = lazy(() => import(/* webpackChunkName: "report-view" */ './ReportView'));
const PreviewPanel = lazy(() => import(/* webpackChunkName: "preview" */ './PreviewPanel'));
// The one undo button appears only after a write, so it comes with the first write's chunks, not before.
const UndoBar = lazy(() => import(/* webpackChunkName: "undo" */ './UndoBar'));
// 设置 (and the 帮扶人员 form): a screen of its own, opened by the button beside the heading, not a sixth tab.
const SettingsView = lazy(() => import(/* webpackChunkName: "view-settings" */ './views/SettingsView'));
// The numbered path through the sample: only the sample shows it, so it is never on the first load.
const FirstSteps = lazy(() => import(/* webpackChunkName: "first-steps" */ './FirstSteps'));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', minWidth: 0, color: tokens.colorNeutralForeground1 },
  panel: { display: 'flex', flexDirection: 'column', gap: '12px' },
  head: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  settings: { marginLeft: 'auto' },
});

export function Pane({ port, lang, today: clock, dayFromWorkbook = false, standalone = false, checkOnOpen = false, onChecked, sample = false }: PaneProps) {
  const styles = useStyles();
  const operation = useOperation(lang);
  const day = useWorkbookDay(port, clock, dayFromWorkbook);
  const { today, decide } = day;
  const { tab, go, visited, pending, setPending } = useTabs();
  const [checked, setChecked] = useState<Checked | null>(null);

  /** Fresh read + check. Every write is planned from a fresh check, never from a stale one. */
  const check = useCallback(
    async (signal: AbortSignal, sheets?: readonly string[]): Promise<Checked> => {
      const [snapshot, core, views] = await Promise.all([port.read(), loadRosterCore(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      // Each check decides the day afresh from what it read (a 示例日期 added or deleted takes effect).
      const today = await decide(snapshot);
      const saved = core.overrideFromSettings(snapshot) ?? null;
      // Sheets the teacher picked stay picked across checks; otherwise the saved choice, else every class sheet detected.
      const chosen = sheets ?? checked?.chosen;
      const result = core.checkRoster(snapshot, { today, sheets: chosen, override: saved ?? undefined });
      // The count shown is 校验结果's and the report's: the add-in's own sheets' findings are counted too.
      const workbook = views.workbookFindings(snapshot, result, { today, lang });
      const next: Checked = { snapshot, check: result, core, workbook, views, saved, ...(chosen ? { chosen } : {}) };
      setChecked(next);
      onChecked?.(next);
      return next;
    },
    [port, decide, lang, checked, onChecked],
  );

  const runCheck = useCallback(
    (sheets?: readonly string[], origin?: StatusOrigin) => {
      setPending(null);
      return operation.run('ui.op.check', origin ?? null, ({ signal }) => check(signal, sheets));
    },
    [operation, check, setPending],
  );

  useCheckOnOpen(checkOnOpen, runCheck);
  const propose = useCallback((change: PendingChange) => setPending(change), [setPending]);
  const { settingsSection, openSettings, openRosterSettings } = useSettingsOpener(go);

  const view: ViewProps = { port, lang, today, operation, openSettings };
  const extra = useMemo(() => EXTRA_VIEWS.map((v) => ({ ...v, Component: lazy(v.load) as ComponentType<ViewProps> })), []);
  const busy = operation.running !== null;
  const tabs = useMemo(
    () => [
      { id: 'check', label: t(lang, 'ui.tab.check') },
      { id: 'report', label: t(lang, 'ui.tab.report') },
      ...EXTRA_VIEWS.map((v) => ({ id: v.id, label: t(lang, v.labelKey) })),
    ],
    [lang],
  );
  useInteractiveMark();

  return (
    <StatusPlaces operation={operation} lang={lang} onOpenSettings={openRosterSettings}>
      <div className={styles.pane}>
        <div className={styles.head}>
          {!standalone && (
            <Text as="h1" size={400} weight="semibold">
              {t(lang, 'app.name')}
            </Text>
          )}
          {standalone && <Text size={200}>{t(lang, 'undo.standalone')}</Text>}
          <Button id="tab-settings" className={styles.settings} size="small" aria-pressed={tab === 'settings'} aria-controls="panel" onClick={() => openSettings()}>
            {t(lang, 'views.tab.settings')}
          </Button>
        </div>
        {day.sample && <SampleDay lang={lang} day={today} />}
        {!guideDismissed() && (
          <Suspense fallback={null}>
            <FirstSteps lang={lang} sample={sample || day.isSample} tab={tab} checked={checked !== null} visited={visited} onGo={go} />
          </Suspense>
        )}
        {/* Six tabs need 380-520 px in one row; at 350 px (the design width) those that do not fit go into a 更多 menu. */}
        <PaneTabs tabs={tabs} selected={tab} onSelect={go} label={t(lang, 'ui.tabs.label')} moreLabel={t(lang, 'views.tabs.more')} />
        <StatusArea />
        {operation.undoable && (
          <Suspense fallback={null}>
            <UndoBar operation={operation} port={port} lang={lang} />
          </Suspense>
        )}
        {/* Outside the bar: it goes once its undo is done, and the notice saying so stays here. */}
        <OperationStatus origin="undo" />
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
          <Suspense fallback={<Spinner size="small" />}>
            {pending && <PreviewPanel change={pending} lang={lang} port={port} operation={operation} onDone={() => setPending(null)} onCancel={() => setPending(null)} />}
            {/* Where the preview's 确认写入 was: its progress, then what was written (the preview closes). */}
            <OperationStatus origin="preview" />
            {tab === 'check' && <CheckView checked={checked} lang={lang} busy={busy} port={port} operation={operation} onCheck={runCheck} onPropose={propose} />}
            {tab === 'report' && <ReportView checked={checked} lang={lang} today={today} busy={busy} operation={operation} onPropose={propose} freshCheck={check} />}
            {tab === 'settings' && <SettingsView {...view} checked={checked} onCheck={runCheck} openSection={settingsSection} />}
            {extra
              .filter((v) => v.id === tab)
              .map(({ id, Component }) => (
                <Component key={id} {...view} />
              ))}
          </Suspense>
        </div>
        <HostLimits caps={port.capabilities()} lang={lang} />
      </div>
    </StatusPlaces>
  );
}

/** 设置 opened at a section when a notice asks (在设置中指定花名册工作表, 结对's 填写帮扶人员): that section opens too. */
function useSettingsOpener(go: (tab: string) => void) {
  const [settingsSection, setSettingsSection] = useState<{ readonly id: SettingsSectionId } | undefined>();
  const openSettings = useCallback(
    (section?: SettingsSectionId) => {
      go('settings');
      setSettingsSection(section ? { id: section } : undefined);
    },
    [go],
  );
  const openRosterSettings = useCallback(() => openSettings('roster'), [openSettings]);
  return { settingsSection, openSettings, openRosterSettings };
}

/** The tab shown, the tabs opened so far (the first steps mark them done), and the change waiting for confirmation. */
function useTabs() {
  const [tab, setTab] = useState('check');
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [pending, setPending] = useState<PendingChange | null>(null);
  // Another screen drops a preview planned on the one left.
  const go = useCallback((next: string) => {
    setTab(next);
    setPending(null);
    setVisited((before) => (before.has(next) ? before : new Set(before).add(next)));
  }, []);
  return { tab, go, visited, pending, setPending };
}

/** bench/pane.ts reads this mark: the pane's controls are on screen and respond to input. */
function useInteractiveMark(): void {
  useEffect(() => {
    if (performance.getEntriesByName('pane-interactive').length === 0) performance.mark('pane-interactive');
  }, []);
}

/** Once per pane (one per open workbook): a check only reads, so nothing becomes unsaved by it. */
function useCheckOnOpen(checkOnOpen: boolean, runCheck: () => Promise<unknown>): void {
  const done = useRef(false);
  useEffect(() => {
    if (!checkOnOpen || done.current) return;
    done.current = true;
    void runCheck();
  }, [checkOnOpen, runCheck]);
}

/** One line: the sample is shown on its own day (设置's 示例日期), not the computer's. */
function SampleDay({ lang, day }: { lang: Lang; day: IsoDate }) {
  return (
    <Text size={200} data-testid="sample-day">
      {t(lang, 'firstSteps.sampleDay', { date: day })}
    </Text>
  );
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}
