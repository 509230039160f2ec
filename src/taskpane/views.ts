import type { ComponentType } from 'react';
import type { Lang } from '../core/i18n';
import type { IsoDate } from '../core/dates';
import type { WorkbookPort } from '../workbook/port';
import type { Operation } from './useOperation';

/** What every pane view receives: the workbook, the language, today, and the shared operation runner. */
export interface ViewProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly operation: Operation;
}

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

export const EXTRA_VIEWS: readonly ExtraView[] = [];
