import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import type { PlanOp, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type WorkbookSnapshot } from '../snapshot';

/**
 * The 设置 sheet: a user-kept list of 设置项 | 值 | 说明 rows, one row per setting, found by its label
 * in column A wherever it is (teachers may reorder or add rows). The add-in only creates the sheet,
 * appends missing settings, and rewrites values it owns (such as the roster column mapping).
 */
export interface SettingDef {
  /** Label in column A: the key as the school sees it, e.g. '谈心周期（天）'. */
  readonly label: string;
  readonly defaultValue: CellValue;
  readonly note: string;
}

export interface SettingEntry {
  readonly label: string;
  readonly value: CellValue;
  /** 0-based sheet row. */
  readonly row: number;
}

export const SETTINGS_HEADER = ['设置项', '值', '说明'] as const;

export function readSettings(workbook: WorkbookSnapshot): Map<string, SettingEntry> {
  const out = new Map<string, SettingEntry>();
  const sheet = findSheet(workbook, SHEETS.settings);
  if (!sheet) return out;
  const last = sheet.origin.row + sheet.values.length;
  for (let row = sheet.origin.row; row < last; row++) {
    const label = cellAt(sheet, row, 0);
    if (typeof label !== 'string' || !label.trim() || label.trim() === SETTINGS_HEADER[0]) continue;
    const value = cellAt(sheet, row, 1);
    out.set(label.trim(), { label: label.trim(), value: isCellError(value) ? null : value, row });
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

/**
 * Ops that make sure 设置 exists and holds `values` (label -> value). Existing rows are rewritten in
 * place; labels not yet on the sheet are appended below its last used row; a missing sheet is created
 * with `defs` first.
 */
export function settingsOps(workbook: WorkbookSnapshot, defs: readonly SettingDef[], values: ReadonlyMap<string, { value: CellValue; note?: string }>): PlanOp[] {
  const sheet = findSheet(workbook, SHEETS.settings);
  if (!sheet) {
    const known = new Set(defs.map((d) => d.label));
    const rows = defs.map((d) => [d.label, values.get(d.label)?.value ?? d.defaultValue, d.note] as CellValue[]);
    for (const [label, v] of values) if (!known.has(label)) rows.push([label, v.value, v.note ?? '']);
    return [{ kind: 'createSheetIfMissing', sheet: SHEETS.settings, content: { ...settingsTemplate([]), rows } }];
  }
  const existing = readSettings(workbook);
  const ops: PlanOp[] = [];
  const cells = [] as { row: number; col: number; value: CellValue }[];
  const append: CellValue[][] = [];
  for (const [label, v] of values) {
    const at = existing.get(label);
    if (at) {
      if (at.value !== v.value) cells.push({ row: at.row, col: 1, value: v.value });
    } else append.push([label, v.value, v.note ?? '']);
  }
  if (cells.length) ops.push({ kind: 'setCells', sheet: SHEETS.settings, cells });
  if (append.length) ops.push({ kind: 'appendRows', sheet: SHEETS.settings, rows: append, expectedLastRow: lastUsedRow(workbook, SHEETS.settings) });
  return ops;
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
