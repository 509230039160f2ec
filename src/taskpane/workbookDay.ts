/**
 * The day the pane shows a workbook on, decided from its 设置 by the one rule every host uses
 * (workbookToday in src/core/settings). Loaded on demand: the pane paints on the clock's date first.
 */
import type { IsoDate } from '../core/dates';
import { registerMessages } from '../core/i18n';
import { firstSteps } from '../core/i18n/messages/firstSteps';
import { isSampleWorkbook, workbookToday } from '../core/settings';
import { SHEETS } from '../core/sheets';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookPort } from '../workbook/port';

// The pane's line about the sample's day is shown only once this module has said it is the sample.
registerMessages(firstSteps);

export interface WorkbookDay {
  readonly today: IsoDate;
  /** The workbook is the sample, and `today` is its 示例日期 (the pane says so in one line). */
  readonly sample: boolean;
}

/** The day for a snapshot (the whole workbook, or only its 设置) when the host's own date is `clock`. */
export function dayOf(workbook: WorkbookSnapshot, clock: IsoDate): WorkbookDay {
  return { today: workbookToday(workbook, clock), sample: isSampleWorkbook(workbook) };
}

/** Reads only 设置 (a port caches what it read, and 设置 is small). */
export async function readDay(port: WorkbookPort, clock: IsoDate): Promise<WorkbookDay> {
  return dayOf(await port.read({ sheets: [SHEETS.settings] }), clock);
}
