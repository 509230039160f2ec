import type { CellValue } from '../cells';
import { columnLetter, isCellError } from '../cells';
import { parseDateCell } from '../contacts/dateCell';
import type { IsoDate } from '../dates';
import type { PlanOp, SheetContent } from '../plan/types';
import { normalizeHeader } from '../roster/detect';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';

/**
 * The 设置 sheet: a user-kept list of 设置项 | 值 | 说明 rows, one row per setting, found by its label
 * wherever it is (teachers may reorder or add rows). The add-in only creates the sheet, appends missing
 * settings, and rewrites values it owns (such as the roster column mapping).
 *
 * A 设置 the school made itself is read the same way when its columns can be told: a header naming the
 * label and value columns (设置项 / 项目 …, 值 / 设置值 …) anywhere in its top rows, in any columns, with
 * a title above it and columns of its own beside; without a header, labels in column A and values in B.
 * Labels compare as headers do (full-width, spaces, a trailing colon, a note in brackets: 谈心周期(天) is
 * 谈心周期（天）). Rows are appended only where the sheet is laid out as the template (label in A, value
 * in B): elsewhere `planSettings` lists what it would have added instead of writing.
 */
export interface SettingDef {
  /** Label in column A: the key as the school sees it, e.g. '谈心周期（天）'. */
  readonly label: string;
  readonly defaultValue: CellValue;
  readonly note: string;
}

export interface SettingEntry {
  /** The label as the sheet has it. */
  readonly label: string;
  readonly value: CellValue;
  /** 0-based sheet row. */
  readonly row: number;
  /** 0-based column of the value (B in the template). */
  readonly col: number;
}

export const SETTINGS_HEADER = ['设置项', '值', '说明'] as const;
/** Headers a school's own 设置 may give its label, value and note columns. */
const LABEL_HEADERS = ['设置项', '设置项目', '项目', '名称', '设置名称', '参数', '参数名称', '设置内容'];
const VALUE_HEADERS = ['值', '设置值', '数值', '取值', '参数值', '设定值', '内容', '填写'];
const NOTE_HEADERS = ['说明', '备注', '注释'];
const HEADER_SCAN_ROWS = 20;

/** Where a 设置 sheet keeps its labels and values. */
export interface SettingsLayout {
  /** 0-based header row, or -1 when the sheet has none (labels in column A, values in B). */
  readonly headerRow: number;
  readonly labelCol: number;
  readonly valueCol: number;
  readonly noteCol: number | null;
  /** Laid out as the template (label in A, value in B): missing settings can be appended as rows. */
  readonly appendable: boolean;
}

/**
 * A header or a setting's label as compared in the sheets people make (设置, 谈心记录): the roster's
 * normalizeHeader (full-width folded, no spaces, no required marks, no trailing colon), then no note in brackets.
 */
export function looseHeaderKey(label: string): string {
  return normalizeHeader(label).replace(/\([^)]*\)/g, '');
}

/** The entries of 设置 by label; `get` and `has` take a label however it is written. */
export class SettingEntries extends Map<string, SettingEntry> {
  override get(label: string): SettingEntry | undefined {
    return super.get(looseHeaderKey(label));
  }
  override has(label: string): boolean {
    return super.has(looseHeaderKey(label));
  }
  override set(label: string, entry: SettingEntry): this {
    return super.set(looseHeaderKey(label), entry);
  }
}

const headerIn = (list: readonly string[], v: CellValue) => typeof v === 'string' && list.includes(looseHeaderKey(v));

/** The layout of a 设置 sheet: its header row if it has one, else the template's columns. */
export function settingsLayout(sheet: SheetSnapshot): SettingsLayout {
  const last = Math.min(sheet.origin.row + sheet.values.length, sheet.origin.row + HEADER_SCAN_ROWS);
  for (let row = sheet.origin.row; row < last; row++) {
    const line = sheet.values[row - sheet.origin.row] ?? [];
    const labelAt = line.findIndex((v) => headerIn(LABEL_HEADERS, v));
    if (labelAt < 0) continue;
    const valueAt = line.findIndex((v, i) => i > labelAt && headerIn(VALUE_HEADERS, v));
    if (valueAt < 0) continue;
    const noteAt = line.findIndex((v, i) => i !== labelAt && i !== valueAt && headerIn(NOTE_HEADERS, v));
    const labelCol = sheet.origin.col + labelAt;
    const valueCol = sheet.origin.col + valueAt;
    return { headerRow: row, labelCol, valueCol, noteCol: noteAt < 0 ? null : sheet.origin.col + noteAt, appendable: labelCol === 0 && valueCol === 1 };
  }
  return { headerRow: -1, labelCol: 0, valueCol: 1, noteCol: 2, appendable: true };
}

export function readSettings(workbook: WorkbookSnapshot): SettingEntries {
  const out = new SettingEntries();
  const sheet = findSheet(workbook, SHEETS.settings);
  if (!sheet) return out;
  const layout = settingsLayout(sheet);
  const last = sheet.origin.row + sheet.values.length;
  for (let row = Math.max(sheet.origin.row, layout.headerRow + 1); row < last; row++) {
    const label = cellAt(sheet, row, layout.labelCol);
    if (typeof label !== 'string' || !label.trim() || label.trim() === SETTINGS_HEADER[0]) continue;
    const value = cellAt(sheet, row, layout.valueCol);
    // The first row of a label wins, as a person reading down the sheet would take it.
    if (!out.has(label)) out.set(label, { label: label.trim(), value: isCellError(value) ? null : value, row, col: layout.valueCol });
  }
  return out;
}

export function settingsTemplate(defs: readonly SettingDef[]): SheetContent {
  return {
    columns: [
      { header: SETTINGS_HEADER[0], width: 28, format: 'text' },
      { header: SETTINGS_HEADER[1], width: 24 },
      { header: SETTINGS_HEADER[2], width: 60, format: 'text' },
    ],
    rows: defs.map((d) => [d.label, d.defaultValue, d.note]),
  };
}

/** What planSettings would have appended to a 设置 laid out otherwise than the template, and where it looked. */
export interface SettingsNotWritten {
  readonly labels: readonly string[];
  readonly layout: SettingsLayout;
}

/**
 * Ops that make sure 设置 exists and holds `values` (label -> value). Existing rows get their value cell
 * rewritten in place, whatever the sheet's layout; labels not yet on the sheet are appended below its
 * last used row when the sheet is laid out as the template, and otherwise listed in `notWritten` (the
 * teacher's sheet is not rearranged); a missing sheet is created with `defs` first.
 */
export function planSettings(
  workbook: WorkbookSnapshot,
  defs: readonly SettingDef[],
  values: ReadonlyMap<string, { value: CellValue; note?: string }>,
): { ops: PlanOp[]; notWritten: SettingsNotWritten | null } {
  const sheet = findSheet(workbook, SHEETS.settings);
  if (!sheet) {
    const known = new Set(defs.map((d) => d.label));
    const rows = defs.map((d) => [d.label, values.get(d.label)?.value ?? d.defaultValue, d.note] as CellValue[]);
    for (const [label, v] of values) if (!known.has(label)) rows.push([label, v.value, v.note ?? '']);
    return { ops: [{ kind: 'createSheetIfMissing', sheet: SHEETS.settings, content: { ...settingsTemplate([]), rows } }], notWritten: null };
  }
  const layout = settingsLayout(sheet);
  const existing = readSettings(workbook);
  const ops: PlanOp[] = [];
  const cells = [] as { row: number; col: number; value: CellValue }[];
  const append: CellValue[][] = [];
  for (const [label, v] of values) {
    const at = existing.get(label);
    if (at) {
      if (at.value !== v.value) cells.push({ row: at.row, col: at.col, value: v.value });
    } else append.push([label, v.value, v.note ?? '']);
  }
  if (cells.length) ops.push({ kind: 'setCells', sheet: SHEETS.settings, cells });
  if (append.length && layout.appendable) ops.push({ kind: 'appendRows', sheet: SHEETS.settings, rows: append, expectedLastRow: lastUsedRow(workbook, SHEETS.settings) });
  const notWritten = append.length && !layout.appendable ? { labels: append.map((r) => r[0] as string), layout } : null;
  return { ops, notWritten };
}

/** Values that cannot be saved in a 设置 laid out otherwise than the template: hosts show t(lang, messageKey, params). */
export class SettingsLayoutError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string>,
  ) {
    super(`设置 is laid out otherwise (${messageKey})`);
    this.name = 'SettingsLayoutError';
  }
}

/**
 * planSettings' ops when every value has its place: throws SettingsLayoutError, writing nothing, when a
 * value needs a row the school's own 设置 lacks (a choice the teacher made now must not vanish).
 */
export function settingsOpsOrThrow(workbook: WorkbookSnapshot, defs: readonly SettingDef[], values: ReadonlyMap<string, { value: CellValue; note?: string }>): PlanOp[] {
  const { ops, notWritten } = planSettings(workbook, defs, values);
  if (notWritten) throw new SettingsLayoutError('contacts.settings.cannotSave', { ...settingsColumnsText(notWritten.layout), labels: notWritten.labels.join('；') });
  return ops;
}

/** planSettings' ops alone, for callers that have no finding to give (what is not written stays unwritten). */
export function settingsOps(workbook: WorkbookSnapshot, defs: readonly SettingDef[], values: ReadonlyMap<string, { value: CellValue; note?: string }>): PlanOp[] {
  return planSettings(workbook, defs, values).ops;
}

/** The columns of a 设置 layout as a person reads them: 设置项 in B, 值 in D. */
export function settingsColumnsText(layout: SettingsLayout): { labelCol: string; valueCol: string } {
  return { labelCol: columnLetter(layout.labelCol), valueCol: columnLetter(layout.valueCol) };
}

/** 0-based last row holding any value, or -1 for an empty or missing sheet. */
export function lastUsedRow(workbook: WorkbookSnapshot, sheetName: string): number {
  const sheet = findSheet(workbook, sheetName);
  if (!sheet) return -1;
  for (let i = sheet.values.length - 1; i >= 0; i--) {
    if (sheet.values[i].some((v) => v !== null && v !== '')) return sheet.origin.row + i;
  }
  return -1;
}

/**
 * The header a person would read on a sheet the add-in could not make out, to quote back: the first of the
 * top 20 rows with two text cells or more (a title above has one; the rows below the header hold the
 * children, whose names are never quoted), else the first with any; its texts joined by 、 (at most 10; a
 * cell with six digits or more — a phone, an ID — is never quoted), or '' when the sheet has no text.
 */
export function headerTextsFound(sheet: SheetSnapshot): string {
  const rows = sheet.values
    .slice(0, HEADER_SCAN_ROWS)
    .map((line) => line.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !/\d{6,}/.test(v)).map((v) => v.trim().replace(/\s+/g, ' ')));
  const best = rows.find((texts) => texts.length >= 2) ?? rows.find((texts) => texts.length > 0) ?? [];
  return best
    .slice(0, 10)
    .map((s) => (s.length > 12 ? `${s.slice(0, 12)}…` : s))
    .join('、');
}

/**
 * The 设置 label of a demo workbook's own day. The bundled sample is a term seen on one day; a host
 * given no date takes this one as "today", so the sample shows the same pairs, overdue items and
 * birthdays whenever it is opened. A school's workbook has no such row (the sample's 说明 says to
 * delete it when the sample becomes the school's own).
 */
export const SAMPLE_DATE_SETTING = '示例日期';

/** The day a demo workbook is to be seen on (设置's 示例日期), or null when it has none or it cannot be read. */
export function sampleDate(workbook: WorkbookSnapshot): IsoDate | null {
  const entry = readSettings(workbook).get(SAMPLE_DATE_SETTING);
  if (!entry) return null;
  const parsed = parseDateCell(entry.value);
  return parsed.ok && !parsed.yearAssumed ? parsed.date : null;
}

/**
 * What "today" is for a workbook, the one rule of every host (the command line, the standalone page, the
 * Excel pane): the date the host was told (--today, ?today=), else the workbook's 示例日期 (the sample is
 * a term seen on one day), else the host's clock. The core reads no clock: the host passes its date in.
 */
export function workbookToday(workbook: WorkbookSnapshot, clock: IsoDate, given?: IsoDate | null): IsoDate {
  return given ?? sampleDate(workbook) ?? clock;
}

/**
 * The workbook is the bundled sample: its 设置 gives a 示例日期. The pane shows its numbered first steps
 * only there (src/taskpane/FirstSteps.tsx) — a teacher's own workbook gets no tutorial — told by a setting
 * rather than guessed from the sample's made-up school, so it holds however the sample is rebuilt.
 */
export function isSampleWorkbook(workbook: WorkbookSnapshot): boolean {
  return sampleDate(workbook) !== null;
}
