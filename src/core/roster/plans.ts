/**
 * Plans from a roster check: the 校验结果 sheet, marks on bad cells, and the saved column mapping in
 * the 设置 sheet. Data only; the ports write it.
 */
import type { CellValue } from '../cells';
import { columnIndex, columnLetter } from '../cells';
import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { CellMark, PlanCell, PlanOp } from '../plan/types';
import { readSettings, settingsOpsOrThrow } from '../settings';
import { SHEETS } from '../sheets';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { detectSheetLayout, splitSheetNames } from './detect';
import { fieldLabel, renderFinding, ruleLabel, severityLabel } from './render';
import { countBySeverity } from '../severity';
import { FIELD_KEYS, type FieldKey, type MappingOverride, type RosterCheck } from './types';

export const ERROR_FILL = '#FFC7CE';
export const ERROR_FONT = '#9C0006';
export const WARNING_FILL = '#FFEB9C';
const SEVERITY_COL = 5;

/** The roster's sheet names as one label: 花名册, or 一年级一班、一年级二班 for a roster of class sheets. */
export function rosterSheetsText(check: Pick<RosterCheck, 'layout'> & { readonly layouts?: RosterCheck['layouts'] }): string {
  return (check.layouts ?? [check.layout]).map((l) => l.sheet).join('、');
}

/** The 校验结果 sheet: a title line with counts and date, then one row per finding with a link to its cell. */
export function findingsSheetPlan(check: RosterCheck, lang: Lang, today: IsoDate): PlanOp {
  const { total, errors, warnings } = countBySeverity(check.findings);
  const counts = { sheet: rosterSheetsText(check), children: check.records.length, count: total, errors, warnings, date: today };
  const title = check.findings.length ? t(lang, 'roster.findings.title', counts) : t(lang, 'roster.findings.none', counts);
  const rows: PlanCell[][] = check.findings.map((f) => {
    const where = f.col === null ? null : `${columnLetter(f.col)}${f.row + 1}`;
    return [
      f.sheet,
      where ? { text: where, link: { sheet: f.sheet, row: f.row, col: f.col! } } : '',
      f.row + 1,
      f.field ? fieldLabel(f.field, lang) : '',
      ruleLabel(f.rule, lang),
      severityLabel(f.severity, lang),
      renderFinding(f, lang),
    ];
  });
  const col = (key: string) => t(lang, `roster.findings.col.${key}`);
  return {
    kind: 'replaceSheet',
    sheet: SHEETS.findings,
    activate: true,
    content: {
      titleLines: [title, t(lang, 'roster.findings.hint')],
      columns: [
        { header: col('sheet'), width: 14, format: 'text' },
        { header: col('cell'), width: 8, format: 'text' },
        { header: col('row'), width: 6, format: 'integer' },
        { header: col('field'), width: 14, format: 'text' },
        { header: col('rule'), width: 20, format: 'text' },
        { header: col('severity'), width: 9, format: 'text' },
        { header: col('message'), width: 90, format: 'text' },
      ],
      rows,
      table: { name: 'RosterFindings', style: 'TableStyleLight9' },
      highlights: [{ col: SEVERITY_COL, equals: severityLabel('error', lang), fill: ERROR_FILL, font: ERROR_FONT }],
      freezeHeader: true,
    },
  };
}

/**
 * Marks on the roster: one per bad cell (findings about a missing column have no cell). Several findings
 * on one cell share a mark: the notes are joined and an error's fill wins over a warning's.
 */
export function markOps(check: RosterCheck, lang: Lang): PlanOp[] {
  const byCell = new Map<string, { mark: CellMark; notes: string[]; error: boolean }>();
  for (const f of check.findings) {
    if (f.col === null) continue;
    const key = `${f.row}:${f.col}`;
    const text = renderFinding(f, lang);
    const at = byCell.get(key);
    if (at) {
      at.notes.push(text);
      at.error ||= f.severity === 'error';
    } else byCell.set(key, { mark: { sheet: f.sheet, row: f.row, col: f.col, note: '', fill: '' }, notes: [text], error: f.severity === 'error' });
  }
  if (byCell.size === 0) return [];
  // One op per roster sheet: a roster of class sheets is marked on each.
  const bySheet = new Map<string, CellMark[]>();
  for (const m of byCell.values()) {
    const mark = { ...m.mark, note: m.notes.join('\n'), fill: m.error ? ERROR_FILL : WARNING_FILL };
    const list = bySheet.get(mark.sheet);
    if (list) list.push(mark);
    else bySheet.set(mark.sheet, [mark]);
  }
  return [...bySheet].map(([sheet, marks]) => ({ kind: 'markCells', sheet, marks }));
}

export function clearMarksOp(sheet: string): PlanOp {
  return { kind: 'clearMarks', sheet };
}

/** Take back the marks on every sheet of the roster. */
export function clearMarksOps(check: Pick<RosterCheck, 'layout'> & { readonly layouts?: RosterCheck['layouts'] }): PlanOp[] {
  return (check.layouts ?? [check.layout]).map((l) => clearMarksOp(l.sheet));
}

// ---------------------------------------------------------------------------------------------
// The saved mapping in 设置: '花名册工作表' -> sheet name; '花名册列：姓名' -> 'B' or '无'.

export const ROSTER_SHEET_SETTING = '花名册工作表';
const NONE = '无';

/** The 设置 label of a field's column; uses the Chinese field label, as the sheet is in Chinese. */
export function columnSetting(field: FieldKey): string {
  return `花名册列：${fieldLabel(field, 'zh-CN')}`;
}

function settingText(v: CellValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** A saved column: 'E', or 'E（联系电话）' with the header text the column had when it was saved. */
const SAVED_COLUMN = /^([A-Za-z]{1,3})\s*(?:[（(]([\s\S]*)[）)])?$/;

/**
 * The user's saved correction, or undefined when 设置 says nothing about the roster. 花名册工作表 may
 * name several sheets (一年级一班、一年级二班); a column may carry its header text (E（联系电话）), so a
 * column inserted later does not shift the mapping (docs/ARCHITECTURE.md §3).
 */
export function overrideFromSettings(workbook: WorkbookSnapshot): MappingOverride | undefined {
  const settings = readSettings(workbook);
  const sheetText = settingText(settings.get(ROSTER_SHEET_SETTING)?.value);
  const sheets = sheetText ? splitSheetNames(workbook, [sheetText]) : [];
  const columns: Partial<Record<FieldKey, number | null>> = {};
  const headers: Partial<Record<FieldKey, string>> = {};
  let pinned = 0;
  for (const field of FIELD_KEYS) {
    const entry = settings.get(columnSetting(field)) ?? settings.get(columnSetting(field).replace('：', ':'));
    const text = settingText(entry?.value);
    if (!text) continue;
    if (text === NONE) columns[field] = null;
    else {
      const m = SAVED_COLUMN.exec(text);
      const col = m ? columnIndex(m[1].toUpperCase()) : -1;
      if (col < 0) continue; // not a column letter: ignore rather than guess
      columns[field] = col;
      if (m![2]?.trim()) headers[field] = m![2].trim();
    }
    pinned++;
  }
  if (sheets.length === 0 && pinned === 0) return undefined;
  return {
    ...(sheets.length ? { sheet: sheets[0] } : {}),
    ...(sheets.length > 1 ? { sheets } : {}),
    ...(pinned ? { columns } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
}

/** The header text over a column of a sheet, as the roster detector composes it ("父亲 / 姓名"), or ''. */
function headerTextOf(workbook: WorkbookSnapshot, sheetName: string | undefined, col: number): string {
  const sheet = sheetName ? findSheet(workbook, sheetName) : undefined;
  const layout = sheet ? detectSheetLayout(sheet) : null;
  return layout?.headers.find((h) => h.col === col)?.text ?? '';
}

/**
 * Ops that save `override` in 设置: the sheet names, and each pinned column as its letter with the
 * header text it has now. Fields no longer pinned are cleared (left blank = detect) where the sheet
 * already has their row; new pins are appended — and where the school's own 设置 is laid out otherwise,
 * SettingsLayoutError says which rows to add instead of a save that would silently keep nothing.
 */
export function overrideSettingsOps(workbook: WorkbookSnapshot, override: MappingOverride): PlanOp[] {
  const existing = readSettings(workbook);
  const values = new Map<string, { value: CellValue; note?: string }>();
  const sheetNote = t('zh-CN', 'roster.settings.sheetNote');
  const columnNote = t('zh-CN', 'roster.settings.columnNote');
  const sheets = override.sheets?.length ? override.sheets : override.sheet ? [override.sheet] : [];
  if (sheets.length || settingText(existing.get(ROSTER_SHEET_SETTING)?.value)) values.set(ROSTER_SHEET_SETTING, { value: sheets.join('、'), note: sheetNote });
  for (const field of FIELD_KEYS) {
    const label = columnSetting(field);
    const pin = override.columns?.[field];
    if (pin === undefined) {
      if (settingText(existing.get(label)?.value) || typeof existing.get(label)?.value === 'number') values.set(label, { value: '', note: columnNote });
    } else if (pin === null) values.set(label, { value: NONE, note: columnNote });
    else values.set(label, { value: savedColumnText(pin, override.headers?.[field] ?? headerTextOf(workbook, sheets[0], pin)), note: columnNote });
  }
  return settingsOpsOrThrow(workbook, [], values);
}

/** A pinned column as 设置 keeps it: its letter with the header text it has, E（监护人电话）, or the bare letter. */
function savedColumnText(col: number, header: string): string {
  return header ? `${columnLetter(col)}（${header}）` : columnLetter(col);
}

/**
 * The 设置 values that bring a stale saved mapping (mapping-stale) up to date with the columns this check
 * used: a pin that followed its header to another column is saved at that column with the same header
 * text; a pin whose header is gone is saved as the column detection found (with its header text), or
 * cleared (blank = detect) when detection found none. Empty when nothing is stale, so a run after the
 * one that wrote these is quiet.
 */
export function refreshedMappingValues(check: Pick<RosterCheck, 'layouts'>): Map<string, { value: CellValue; note: string }> {
  const values = new Map<string, { value: CellValue; note: string }>();
  const note = t('zh-CN', 'roster.settings.columnNote');
  for (const layout of check.layouts) {
    for (const s of layout.stale ?? []) {
      const col = s.col ?? layout.columns[s.field];
      const header = s.col !== null ? s.header : (layout.headers.find((h) => h.col === col)?.text ?? '');
      values.set(columnSetting(s.field), { value: col === undefined ? '' : savedColumnText(col, header), note });
    }
  }
  return values;
}
