/**
 * The roster engine: find the roster sheet and its header, read the records, run the rules.
 * Pure: the workbook arrives as a snapshot, `today` as a parameter.
 */
import { parseIso } from '../dates';
import type { Params } from '../i18n';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { applyOverride, detectSheetLayout, findRosterLayouts } from './detect';
import { isBlank } from './normalize';
import { forEachRecord } from './records';
import { RosterRules } from './rules';
import type { CheckOptions, RosterCheck, RosterLayout, RosterRecord } from './types';

export * from './types';
export { findRosterLayouts, matchHeader, normalizeHeader } from './detect';
export { checkIdNumber, idCheckChar, isValidIdNumber, type IdCheck } from './idNumber';
export {
  classLabel, normalizeName, normalizePhone, parseClass, parseDate, parseGender, parseLeftBehindType, parsePhone, parseYesNo,
  toHalfWidth, type ClassParse, type DateParse, type PhoneParse,
} from './normalize';
export { fieldLabel, renderFinding, ruleLabel, severityLabel } from './render';
export { REQUIRED_FIELDS, ruleSeverity } from './rules';
export { clearMarksOp, findingsSheetPlan, markOps, overrideFromSettings, overrideSettingsOps, ROSTER_SHEET_SETTING, columnSetting } from './plans';

export type RosterNotFoundReason = 'noRoster' | 'emptyWorkbook' | 'sheetMissing' | 'sheetNoHeader';

/**
 * No sheet looks like a roster (or the one asked for is missing or has no header). Hosts show
 * `t(lang, messageKey, params)`; `message` is a plain English line with no data from the sheet but its name.
 */
export class RosterNotFoundError extends Error {
  readonly messageKey: string;
  constructor(readonly reason: RosterNotFoundReason, readonly params: Params = {}) {
    super(`roster not found (${reason})`);
    this.name = 'RosterNotFoundError';
    this.messageKey = `roster.notFound.${reason}`;
  }
}

function isEmptyWorkbook(workbook: WorkbookSnapshot): boolean {
  return workbook.sheets.every((s) => s.values.every((line) => !line || line.every((v) => isBlank(v))));
}

/** Which sheet and layout to check: an explicit sheet, else the saved one, else the best detected. */
export function resolveLayout(workbook: WorkbookSnapshot, options: Pick<CheckOptions, 'sheet' | 'override'>): RosterLayout {
  const override = options.override;
  const wanted = options.sheet ?? override?.sheet;
  if (wanted !== undefined) {
    const sheet = findSheet(workbook, wanted);
    if (sheet) {
      // Saved column pins belong to the saved sheet; an explicitly chosen other sheet is detected afresh.
      const pins = override && (override.sheet === undefined || override.sheet === wanted) ? override : undefined;
      const layout = applyOverride(sheet, detectSheetLayout(sheet), pins);
      if (!layout) throw new RosterNotFoundError('sheetNoHeader', { sheet: wanted });
      return override?.sheet === wanted && !layout.fromSaved ? { ...layout, fromSaved: true } : layout;
    }
    // A saved sheet that was renamed or deleted is not fatal: detect again. A sheet the user names now is.
    if (options.sheet !== undefined) throw new RosterNotFoundError('sheetMissing', { sheet: wanted });
  }
  const best = findRosterLayouts(workbook)[0];
  if (!best) throw new RosterNotFoundError(isEmptyWorkbook(workbook) ? 'emptyWorkbook' : 'noRoster');
  const sheet = findSheet(workbook, best.sheet)!;
  const pins = override && override.sheet === undefined ? override : undefined;
  return applyOverride(sheet, best, pins) ?? best;
}

/** Check the roster in a workbook. Throws RosterNotFoundError when there is nothing to check. */
export function checkRoster(workbook: WorkbookSnapshot, options: CheckOptions): RosterCheck {
  if (!parseIso(options.today)) throw new RangeError('today must be YYYY-MM-DD');
  const layout = resolveLayout(workbook, options);
  const sheet = findSheet(workbook, layout.sheet)!;
  const rules = new RosterRules(layout, options.today);
  const records: RosterRecord[] = [];
  const skipped = forEachRecord(sheet, layout, options.today, (parsed) => {
    records.push(parsed.record);
    rules.check(parsed);
  });
  return { layout, records, findings: rules.finish(records), skipped };
}
