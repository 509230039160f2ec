/**
 * The roster engine: find the roster sheet and its header, read the records, run the rules.
 * Pure: the workbook arrives as a snapshot, `today` as a parameter.
 */
import { parseIso, type IsoDate } from '../dates';
import type { Params } from '../i18n';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { applyOverride, detectSheetLayout, findRosterLayouts, headerSignature, HEADER_SCAN_ROWS } from './detect';
import { splitSheetNames } from './detect';
import { classInText, isBlank } from './normalize';
import { forEachRecord } from './records';
import { RosterRules } from './rules';
import type { CheckOptions, MappingOverride, RosterCheck, RosterLayout, RosterRecord, SkippedRow } from './types';

export * from './types';
import type { SheetSnapshot } from '../snapshot';
import { cellAt } from '../snapshot';
export { findRosterLayouts, headerSignature, matchHeader, normalizeHeader, splitSheetNames } from './detect';
export { checkIdNumber, idCheckChar, isValidIdNumber, type IdCheck } from './idNumber';
export {
  classInText,
  classLabel,
  normalizeName,
  normalizePhone,
  parseClass,
  parseDate,
  parseGender,
  parseLeftBehindType,
  parsePhone,
  parseYesNo,
  toHalfWidth,
  type ClassParse,
  type DateParse,
  type PhoneParse,
} from './normalize';
export { fieldLabel, renderFinding, ruleLabel, severityLabel } from './render';
export { REQUIRED_FIELDS, ruleSeverity } from './rules';
export {
  clearMarksOp,
  clearMarksOps,
  rosterSheetsText,
  findingsSheetPlan,
  markOps,
  overrideFromSettings,
  overrideSettingsOps,
  refreshedMappingValues,
  ROSTER_SHEET_SETTING,
  columnSetting,
} from './plans';

export type RosterNotFoundReason = 'noRoster' | 'emptyWorkbook' | 'sheetMissing' | 'sheetNoHeader';

/**
 * No sheet looks like a roster (or the one asked for is missing or has no header). Hosts show
 * `t(lang, messageKey, params)`; `message` is a plain English line with no data from the sheet but its name.
 */
export class RosterNotFoundError extends Error {
  readonly messageKey: string;
  constructor(
    readonly reason: RosterNotFoundReason,
    readonly params: Params = {},
  ) {
    super(`roster not found (${reason})`);
    this.name = 'RosterNotFoundError';
    this.messageKey = `roster.notFound.${reason}`;
  }
}

function isEmptyWorkbook(workbook: WorkbookSnapshot): boolean {
  return workbook.sheets.every((s) => s.values.every((line) => !line || line.every((v) => isBlank(v))));
}

/**
 * Which sheet and layout to check: an explicit sheet, else the saved one, else the best detected.
 * `detected` gives findRosterLayouts(workbook), for a caller that needs it again (resolveLayouts).
 */
export function resolveLayout(
  workbook: WorkbookSnapshot,
  options: Pick<CheckOptions, 'sheet' | 'override'>,
  detected: () => readonly RosterLayout[] = () => findRosterLayouts(workbook),
): RosterLayout {
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
  const best = detected()[0];
  if (!best) throw new RosterNotFoundError(isEmptyWorkbook(workbook) ? 'emptyWorkbook' : 'noRoster');
  const sheet = findSheet(workbook, best.sheet)!;
  const pins = override && override.sheet === undefined ? override : undefined;
  return applyOverride(sheet, best, pins) ?? best;
}

/**
 * The class a sheet stands for, where it has neither a class nor a grade column: its name (一年级一班),
 * else a title line above its header (一年级一班留守儿童花名册).
 */
export function sheetClassOf(sheet: SheetSnapshot, layout: RosterLayout, today: IsoDate): RosterLayout['sheetClass'] {
  const texts = [sheet.name];
  for (let r = sheet.origin.row; r < layout.headerRows[0] && r < sheet.origin.row + HEADER_SCAN_ROWS; r++) {
    const line = sheet.values[r - sheet.origin.row] ?? [];
    for (let c = 0; c < line.length; c++) {
      const v = cellAt(sheet, r, sheet.origin.col + c);
      if (typeof v === 'string' && v.trim()) texts.push(v.trim());
    }
  }
  for (const text of texts) {
    const parsed = classInText(text, today);
    if (parsed) return { text, grade: parsed.grade, classNo: parsed.classNo };
  }
  return undefined;
}

function withSheetClass(workbook: WorkbookSnapshot, layout: RosterLayout, today: IsoDate): RosterLayout {
  if (layout.columns.className !== undefined || layout.columns.grade !== undefined) return layout;
  const sheetClass = sheetClassOf(findSheet(workbook, layout.sheet)!, layout, today);
  return sheetClass ? { ...layout, sheetClass } : layout;
}

/** Workbook order: the roster reads its sheets as the tabs stand, whatever their size. */
function inWorkbookOrder(workbook: WorkbookSnapshot, layouts: RosterLayout[]): RosterLayout[] {
  const index = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  return layouts.sort((a, b) => (index.get(a.sheet) ?? 0) - (index.get(b.sheet) ?? 0));
}

/** One named sheet's layout with the saved pins, or a RosterNotFoundError naming it. */
function namedLayout(workbook: WorkbookSnapshot, name: string, override: MappingOverride | undefined, reference: RosterLayout | undefined, today: IsoDate): RosterLayout {
  const sheet = findSheet(workbook, name);
  if (!sheet) throw new RosterNotFoundError('sheetMissing', { sheet: name });
  const layout = applyOverride(sheet, detectSheetLayout(sheet), override, reference);
  if (!layout) throw new RosterNotFoundError('sheetNoHeader', { sheet: name });
  return withSheetClass(workbook, layout, today);
}

/**
 * Every sheet of the roster. Sheets named now (`sheets`) are exactly the roster; one named sheet
 * (`sheet`) is the roster alone; else the sheets saved in 设置; else the best detected sheet together
 * with every visible sheet of the same header layout, when each of them is named for a class or grade
 * (一年级一班, 一年级二班 …, 三年级 …), so a 填表说明 or last year's copy never joins.
 */
export function resolveLayouts(workbook: WorkbookSnapshot, options: Pick<CheckOptions, 'sheet' | 'sheets' | 'override'>, today: IsoDate): RosterLayout[] {
  const override = options.override;
  const named = options.sheets ? splitSheetNames(workbook, options.sheets) : [];
  if (named.length > 0) {
    // Column pins were saved for the saved sheets: they follow their header text onto the sheets named now.
    const first = namedLayout(workbook, named[0], override, undefined, today);
    return inWorkbookOrder(workbook, [first, ...named.slice(1).map((n) => namedLayout(workbook, n, override, first, today))]);
  }
  const saved = options.sheet === undefined && override?.sheets && override.sheets.length > 1 ? override.sheets.filter((n) => findSheet(workbook, n)) : [];
  if (saved.length > 0) {
    const layouts: RosterLayout[] = [];
    for (const name of saved) {
      try {
        layouts.push(namedLayout(workbook, name, override, layouts[0], today));
      } catch (e) {
        // A saved sheet emptied since is passed over; the others are still the roster.
        if (!(e instanceof RosterNotFoundError)) throw e;
      }
    }
    if (layouts.length > 0)
      return inWorkbookOrder(
        workbook,
        layouts.map((l) => (l.fromSaved ? l : { ...l, fromSaved: true })),
      );
  }
  // Every sheet's header is scanned once (40 class sheets: each scan reads 40 rows across every column).
  let found: RosterLayout[] | undefined;
  const detected = () => (found ??= findRosterLayouts(workbook));
  const primary = withSheetClass(workbook, resolveLayout(workbook, options, detected), today);
  if (options.sheet !== undefined || override?.sheet !== undefined) return [primary];
  return inWorkbookOrder(workbook, classSheetsLike(workbook, primary, override, today, detected()));
}

/** The primary sheet and its siblings, when every one of them is named (or titled) for a class or grade; else the primary alone. */
function classSheetsLike(
  workbook: WorkbookSnapshot,
  primary: RosterLayout,
  override: MappingOverride | undefined,
  today: IsoDate,
  detected: readonly RosterLayout[],
): RosterLayout[] {
  // The primary was detected (an explicit or saved sheet never gets here): its layout is among `detected`.
  const signature = headerSignature(detected.find((l) => l.sheet === primary.sheet) ?? detectSheetLayout(findSheet(workbook, primary.sheet)!) ?? primary);
  const classLike = (l: RosterLayout) => sheetClassOf(findSheet(workbook, l.sheet)!, l, today) !== undefined;
  if (!classLike(primary)) return [primary];
  const siblings = detected.filter((l) => l.sheet !== primary.sheet && findSheet(workbook, l.sheet)!.visible !== false && headerSignature(l) === signature && classLike(l));
  if (siblings.length === 0) return [primary];
  return [primary, ...siblings.map((l) => withSheetClass(workbook, applyOverride(findSheet(workbook, l.sheet)!, l, override, primary) ?? l, today))];
}

/** Check the roster in a workbook (every sheet of it). Throws RosterNotFoundError when there is nothing to check. */
export function checkRoster(workbook: WorkbookSnapshot, options: CheckOptions): RosterCheck {
  if (!parseIso(options.today)) throw new RangeError('today must be YYYY-MM-DD');
  const layouts = resolveLayouts(workbook, options, options.today);
  const rules = new RosterRules(layouts, options.today);
  const records: RosterRecord[] = [];
  const skipped: SkippedRow[] = [];
  for (const layout of layouts) {
    const sheet = findSheet(workbook, layout.sheet)!;
    skipped.push(
      ...forEachRecord(sheet, layout, options.today, (parsed) => {
        records.push(parsed.record);
        rules.check(parsed);
      }),
    );
  }
  return { layout: layouts[0], layouts, records, findings: rules.finish(records), skipped };
}
