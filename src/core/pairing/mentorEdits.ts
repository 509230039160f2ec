import type { CellValue } from '../cells';
import type { Params } from '../i18n';
import type { PlanCell, PlanOp } from '../plan/types';
import { cellText } from '../roster/normalize';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type WorkbookSnapshot } from '../snapshot';
import { lastUsedRow } from '../settings';
import { findMentorHeader, MENTOR_HEADERS, mentorNameKey, mentorsTemplateOp, parseMentorKind } from './mentors';
import { parseCount } from './settings';
import type { MentorColumn, MentorSheetLayout } from './types';

/**
 * Adding, editing and removing one mentor of 帮扶人员 from a form (the pane; the standalone page, whose grid
 * is read-only). 帮扶人员 is the school's sheet: an edit writes only the cells of that mentor's row in the
 * columns the sheet already has, an added mentor is appended below the last used row, a removed one has
 * those cells emptied. No row or column is moved, inserted or deleted, so whatever else the teacher keeps on
 * the sheet (their own columns, notes, order) stays as it is.
 */

export const MENTOR_FORM_COLUMNS: readonly MentorColumn[] = ['name', 'kind', 'className', 'phone', 'address', 'capacity', 'note'];

/** What the form holds: text per column as the teacher typed it. */
export type MentorFields = Readonly<Partial<Record<MentorColumn, string>>>;

/** One filled row of 帮扶人员 as text, for the form's list and its edit fields. */
export interface MentorRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly fields: Readonly<Record<MentorColumn, string>>;
}

export interface MentorSheetRows {
  readonly exists: boolean;
  /** Null when the sheet is missing or no row names 姓名 and 类别 (the form can only add to a new sheet then). */
  readonly layout: MentorSheetLayout | null;
  readonly rows: readonly MentorRow[];
}

/** A form value the sheet would not accept; `messageKey` is in the catalogue (pairing.edit.*). */
export interface MentorProblem {
  readonly field: MentorColumn | null;
  readonly messageKey: string;
  readonly params: Params;
}

/** The plan could not be made (the form was stale or invalid). Hosts show t(lang, messageKey, params). */
export class MentorEditError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Params = {},
  ) {
    super(`mentor edit refused (${messageKey})`);
    this.name = 'MentorEditError';
  }
}

/** Every row below the header with anything in a known column, in sheet order (also rows the reader rejects, so they can be fixed). */
export function readMentorRows(workbook: WorkbookSnapshot): MentorSheetRows {
  const sheet = findSheet(workbook, SHEETS.mentors);
  if (!sheet) return { exists: false, layout: null, rows: [] };
  const layout = findMentorHeader(sheet);
  if (!layout) return { exists: true, layout: null, rows: [] };
  const rows: MentorRow[] = [];
  const end = sheet.origin.row + sheet.values.length;
  for (let row = layout.headerRow + 1; row < end; row++) {
    const fields = {} as Record<MentorColumn, string>;
    for (const c of MENTOR_FORM_COLUMNS) {
      const col = layout.columns[c];
      fields[c] = col === undefined ? '' : cellText(cellAt(sheet, row, col));
    }
    if (MENTOR_FORM_COLUMNS.some((c) => fields[c] !== '')) rows.push({ row, fields });
  }
  return { exists: true, layout, rows };
}

/**
 * What is wrong with the form before anything is planned: a name and a known 类别 are needed, a name may
 * not repeat another mentor's (the reader would drop the second), 可帮扶人数 is blank or a whole number.
 * `editing` is the row being edited (its own name is no duplicate).
 */
export function mentorProblems(sheet: MentorSheetRows, fields: MentorFields, editing?: number): MentorProblem[] {
  const problems: MentorProblem[] = [];
  const name = mentorNameKey(fields.name ?? '');
  if (!name) problems.push({ field: 'name', messageKey: 'pairing.edit.nameMissing', params: {} });
  else {
    const other = sheet.rows.find((r) => r.row !== editing && mentorNameKey(r.fields.name) === name);
    if (other) problems.push({ field: 'name', messageKey: 'pairing.edit.nameTaken', params: { row: other.row + 1 } });
  }
  if (!parseMentorKind(fields.kind ?? '')) problems.push({ field: 'kind', messageKey: 'pairing.edit.kindMissing', params: {} });
  const capacity = (fields.capacity ?? '').trim();
  if (capacity && parseCount(capacity) === null) problems.push({ field: 'capacity', messageKey: 'pairing.edit.capacityInvalid', params: {} });
  if (sheet.exists && sheet.layout) {
    for (const c of MENTOR_FORM_COLUMNS) {
      if (sheet.layout.columns[c] === undefined && (fields[c] ?? '').trim())
        problems.push({ field: c, messageKey: 'pairing.edit.noColumn', params: { column: MENTOR_HEADERS[c] } });
    }
  } else if (sheet.exists) problems.push({ field: null, messageKey: 'pairing.edit.noHeader', params: {} });
  return problems;
}

/** A cell as the sheet should hold it: 可帮扶人数 as a number when it is one, everything else as the typed text. */
function cellOf(column: MentorColumn, text: string): PlanCell {
  const s = text.trim();
  if (!s) return null;
  if (column === 'capacity') return parseCount(s) ?? s;
  if (column === 'kind') return parseMentorKind(s) ?? s;
  return s;
}

function refuseProblems(problems: readonly MentorProblem[]): void {
  if (problems.length) throw new MentorEditError(problems[0].messageKey, problems[0].params);
}

/** Add a mentor: appended below the last used row of 帮扶人员, or the sheet is created from its template holding them. */
export function addMentorOps(workbook: WorkbookSnapshot, fields: MentorFields): PlanOp[] {
  const sheet = readMentorRows(workbook);
  refuseProblems(mentorProblems(sheet, fields));
  if (!sheet.exists) {
    const template = mentorsTemplateOp();
    if (template.kind !== 'createSheetIfMissing') throw new Error('the 帮扶人员 template is not a createSheetIfMissing op');
    return [{ ...template, content: { ...template.content, rows: [MENTOR_FORM_COLUMNS.map((c) => cellOf(c, fields[c] ?? ''))] } }];
  }
  const layout = sheet.layout!;
  const width = Math.max(...Object.values<number>(layout.columns)) + 1;
  const row: PlanCell[] = Array.from({ length: width }, () => null);
  for (const c of MENTOR_FORM_COLUMNS) {
    const col = layout.columns[c];
    if (col !== undefined) row[col] = cellOf(c, fields[c] ?? '');
  }
  // appendRows writes from column A: a row shorter than the header leaves the teacher's later columns blank, never shifted.
  return [{ kind: 'appendRows', sheet: SHEETS.mentors, rows: [row], expectedLastRow: Math.max(lastUsedRow(workbook, SHEETS.mentors), layout.headerRow) }];
}

/** The row as the form last saw it must still be there (same name), or the plan would change someone else's cells. */
function rowStill(sheet: MentorSheetRows, row: number, expectedName: string): MentorRow {
  const found = sheet.rows.find((r) => r.row === row);
  if (!found || mentorNameKey(found.fields.name) !== mentorNameKey(expectedName)) throw new MentorEditError('pairing.edit.moved', { name: expectedName });
  return found;
}

/** Edit a mentor: only the cells whose text changed, in that mentor's row. */
export function editMentorOps(workbook: WorkbookSnapshot, row: number, expectedName: string, fields: MentorFields): PlanOp[] {
  const sheet = readMentorRows(workbook);
  const before = rowStill(sheet, row, expectedName);
  refuseProblems(mentorProblems(sheet, { ...before.fields, ...fields }, row));
  const cells: { row: number; col: number; value: PlanCell }[] = [];
  for (const c of MENTOR_FORM_COLUMNS) {
    const col = sheet.layout!.columns[c];
    const next = fields[c];
    if (col === undefined || next === undefined || next.trim() === before.fields[c].trim()) continue;
    cells.push({ row, col, value: cellOf(c, next) });
  }
  return cells.length ? [{ kind: 'setCells', sheet: SHEETS.mentors, cells }] : [];
}

/** Remove a mentor: the cells of their row in 帮扶人员's known columns are emptied; the row itself and other columns stay. */
export function removeMentorOps(workbook: WorkbookSnapshot, row: number, expectedName: string): PlanOp[] {
  const sheet = readMentorRows(workbook);
  const before = rowStill(sheet, row, expectedName);
  const cells: { row: number; col: number; value: CellValue }[] = [];
  for (const c of MENTOR_FORM_COLUMNS) {
    const col = sheet.layout!.columns[c];
    if (col !== undefined && before.fields[c] !== '') cells.push({ row, col, value: null });
  }
  return [{ kind: 'setCells', sheet: SHEETS.mentors, cells }];
}
