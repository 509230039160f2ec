/**
 * 记一笔 for the school's life (issue 17): an activity for 活动记录 and a roll-call day for 留守之家签到, as
 * one plan each — the template first when the sheet is missing, then one appendRows under the last used
 * row, each value in the column the sheet's own header names (a school's sheet may order or name its
 * columns differently). The pane hands over the children it resolved against a fresh read; the plan is
 * the only thing that reaches the workbook, never a range address.
 */
import { parseIso } from '../dates';
import type { Params } from '../i18n';
import { dateCell, type PlanCell, type PlanOp, type WorkbookPlan } from '../plan/types';
import { normalizeName } from '../roster/normalize';
import type { RosterRecord } from '../roster/types';
import { lastUsedRow } from '../settings';
import { SHEETS } from '../sheets';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import type { NamedChild } from './names';
import { lifeChildren, lifeLayout } from './read';
import { ACTIVITY_FIELDS, LIFE_TEMPLATE_TITLE_LINES, REQUIRED, ROLL_CALL_FIELDS, lifeTemplateOp } from './templates';
import type { ActivityType, LifeField, LifeSheetName } from './types';

/** A message for the pane to render: a refusal, or a line of the preview. */
export interface EntryMsg {
  readonly key: string;
  readonly params?: Params;
}

export type LifeEntryPlan =
  | {
      readonly ok: true;
      readonly plan: WorkbookPlan;
      /** Headers of fields the sheet has no column for: what was typed there is not written (said in the preview). */
      readonly dropped: readonly string[];
      /** What the readers will find in the new rows (a missing pickup, an unregistered collector), said before writing. */
      readonly warnings: readonly EntryMsg[];
    }
  | { readonly ok: false; readonly error: EntryMsg };

export interface NewActivity {
  readonly date: string;
  readonly name: string;
  readonly type: ActivityType;
  readonly leader: string;
  readonly children: readonly NamedChild[];
  readonly note: string;
}

export interface NewPickup {
  readonly child: RosterRecord;
  /** As typed, e.g. 11:30; blank when the child has not been collected yet. */
  readonly signOut: string;
  readonly pickup: string;
  readonly relation: string;
}

export interface NewRollCall {
  readonly date: string;
  readonly teacher: string;
  readonly signIn: string;
  readonly rows: readonly NewPickup[];
}

/** An adult the roster registers for a child: who may collect the child without a stated relation. */
export interface RegisteredAdult {
  readonly name: string;
  readonly relation: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The guardian (with the relation the roster gives, else 监护人), then the father and the mother, each once. */
export function registeredAdults(record: RosterRecord): RegisteredAdult[] {
  const out: RegisteredAdult[] = [];
  const add = (name: string, relation: string) => {
    const n = name.trim();
    if (n && !out.some((a) => normalizeName(a.name) === normalizeName(n))) out.push({ name: n, relation });
  };
  add(record.guardianName, record.guardianRelation.trim() || '监护人');
  add(text(record.raw.fatherName), '父亲');
  add(text(record.raw.motherName), '母亲');
  return out;
}

/**
 * How a child is written into a names cell: the name, or — when another child on the roster has the same
 * name — the name with its class in brackets (王芳(三(1)班)), which the NameIndex reads back as that child.
 */
export function childCellName(child: NamedChild, roster: readonly NamedChild[]): string {
  const key = normalizeName(child.name);
  const namesakes = roster.filter((c) => normalizeName(c.name) === key).length;
  return namesakes > 1 && child.classLabel ? `${child.name}(${child.classLabel})` : child.name;
}

/** 8:30, 08:30, 8：30 or 11点30; blank is allowed (not collected yet). */
const TIME = /^([01]?\d|2[0-3])[:：点]([0-5]\d)分?$/;
export function normalizeTime(v: string): string | null {
  const s = v.normalize('NFKC').trim();
  if (!s) return '';
  const m = TIME.exec(s);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
}

/** Where each field goes: the sheet's own header when it has one, the template's when the sheet is missing. */
function placement(
  workbook: WorkbookSnapshot,
  sheet: LifeSheetName,
  fields: readonly LifeField[],
): { ops: PlanOp[]; cols: Record<string, number | undefined>; expectedLastRow: number } | EntryMsg {
  if (!findSheet(workbook, sheet)) {
    const cols = Object.fromEntries(fields.map((f, i) => [f.key, i]));
    // The template's header sits under its title line; the rows go straight below it.
    return { ops: [lifeTemplateOp(sheet)], cols, expectedLastRow: LIFE_TEMPLATE_TITLE_LINES };
  }
  const layout = lifeLayout(workbook, sheet);
  if (!layout) {
    const columns = REQUIRED[sheet].map((k) => fields.find((f) => f.key === k)!.header).join('、');
    return { key: 'life.entry.noHeader', params: { sheet, columns } };
  }
  return { ops: [], cols: { ...layout.cols }, expectedLastRow: lastUsedRow(workbook, sheet) };
}

/** Rows of values by field key -> rows of cells at their columns; fields the sheet lacks are listed as dropped. */
function placeRows(
  rows: readonly Readonly<Record<string, PlanCell>>[],
  cols: Record<string, number | undefined>,
  fields: readonly LifeField[],
): { rows: PlanCell[][]; dropped: string[] } {
  const dropped = new Set<string>();
  const width = Math.max(...Object.values(cols).map((c) => (c ?? -1) + 1));
  const out = rows.map((values) => {
    const line: PlanCell[] = new Array<PlanCell>(width).fill(null);
    for (const [key, value] of Object.entries(values)) {
      const col = cols[key];
      if (col !== undefined) line[col] = value;
      else if (value !== '' && value !== null) dropped.add(fields.find((f) => f.key === key)!.header);
    }
    return line;
  });
  return { rows: out, dropped: [...dropped] };
}

function plan(
  sheet: LifeSheetName,
  fields: readonly LifeField[],
  workbook: WorkbookSnapshot,
  rows: readonly Readonly<Record<string, PlanCell>>[],
  warnings: EntryMsg[],
): LifeEntryPlan {
  const where = placement(workbook, sheet, fields);
  if ('key' in where) return { ok: false, error: where };
  const placed = placeRows(rows, where.cols, fields);
  const append: PlanOp = { kind: 'appendRows', sheet, rows: placed.rows, expectedLastRow: where.expectedLastRow };
  return { ok: true, plan: { ops: [...where.ops, append] }, dropped: placed.dropped, warnings };
}

/** One row of 活动记录: 参加学生 lists every child picked (a namesake with the class), so the record says who took part. */
export function activityEntryPlan(entry: NewActivity, workbook: WorkbookSnapshot, roster: readonly NamedChild[]): LifeEntryPlan {
  if (!parseIso(entry.date)) return { ok: false, error: { key: 'views.entry.badDate', params: { value: entry.date } } };
  if (!entry.name.trim()) return { ok: false, error: { key: 'life.entry.noName' } };
  if (entry.children.length === 0) return { ok: false, error: { key: 'views.entry.noChild' } };
  const row = {
    date: dateCell(entry.date),
    name: entry.name.trim(),
    type: entry.type,
    leader: entry.leader.trim(),
    children: entry.children.map((c) => childCellName(c, roster)).join('、'),
    note: entry.note.trim(),
  };
  return plan(SHEETS.activities, ACTIVITY_FIELDS, workbook, [row], []);
}

/**
 * One row of 留守之家签到 per child present. The rules the reader applies (pickup-missing,
 * pickup-unregistered) are said as warnings before anything is written: a child may be recorded before
 * being collected, but the teacher should know the row will show as a missing pickup until then.
 */
export function rollCallEntryPlan(entry: NewRollCall, workbook: WorkbookSnapshot, roster: readonly RosterRecord[]): LifeEntryPlan {
  if (!parseIso(entry.date)) return { ok: false, error: { key: 'views.entry.badDate', params: { value: entry.date } } };
  if (!entry.teacher.trim()) return { ok: false, error: { key: 'views.entry.noTeacher' } };
  if (entry.rows.length === 0) return { ok: false, error: { key: 'views.entry.noChild' } };
  const signIn = normalizeTime(entry.signIn);
  if (signIn === null) return { ok: false, error: { key: 'life.entry.badTime', params: { value: entry.signIn } } };
  const warnings: EntryMsg[] = [];
  const rows: Record<string, PlanCell>[] = [];
  for (const r of entry.rows) {
    const signOut = normalizeTime(r.signOut);
    if (signOut === null) return { ok: false, error: { key: 'life.entry.badTime', params: { value: r.signOut } } };
    const pickup = r.pickup.trim();
    const relation = r.relation.trim();
    const child = childCellName(r.child, roster);
    if (!signOut || !pickup) warnings.push({ key: 'life.entry.warnMissing', params: { child } });
    else if (!relation && !lifeChildren([r.child])[0].registered.includes(normalizeName(pickup))) warnings.push({ key: 'life.entry.warnUnregistered', params: { child } });
    rows.push({ date: dateCell(entry.date), child, signIn, signOut, pickup, relation, teacher: entry.teacher.trim() });
  }
  return plan(SHEETS.rollCall, ROLL_CALL_FIELDS, workbook, rows, warnings);
}
