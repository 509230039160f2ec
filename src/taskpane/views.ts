import type { ComponentType } from 'react';
import type { Lang } from '../core/i18n';
import type { IsoDate } from '../core/dates';
import type { WorkbookPort } from '../workbook/port';
import type { Operation } from './useOperation';
import { registerMessages } from '../core/i18n';
import { viewTabs } from '../core/i18n/messages/viewTabs';

// The tab labels are on the first screen; each view's other text comes with its chunk.
registerMessages(viewTabs);

/** What every pane view receives: the workbook, the language, today, and the shared operation runner. */
export interface ViewProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly operation: Operation;
  /** Opens 设置, at one of its sections (a notice or guide line that says what to fill there). */
  readonly openSettings?: (section?: SettingsSectionId) => void;
}

/** The 设置 sections a notice can send the teacher to. */
export type SettingsSectionId = 'roster' | 'mentors';

/**
 * Views beyond the roster check (结对 / 今日 / 汇总) register here once their core exists, each as a
 * lazily loaded component so the first screen stays small. A view whose core is not built yet is simply
 * not listed: the pane never shows a tab with made-up data.
 */
export interface ExtraView {
  readonly id: string;
  /** i18n key of the tab label. */
  readonly labelKey: string;
  readonly load: () => Promise<{ default: ComponentType<ViewProps> }>;
}

export const EXTRA_VIEWS: readonly ExtraView[] = [
  { id: 'pairing', labelKey: 'views.tab.pairing', load: () => import(/* webpackChunkName: "view-pairing" */ './views/PairingView') },
  { id: 'today', labelKey: 'views.tab.today', load: () => import(/* webpackChunkName: "view-today" */ './views/TodayView') },
  { id: 'summary', labelKey: 'views.tab.summary', load: () => import(/* webpackChunkName: "view-summary" */ './views/SummaryView') },
  { id: 'dossier', labelKey: 'views.tab.dossier', load: () => import(/* webpackChunkName: "view-dossier" */ './views/DossierView') },
];
