import type { CellValue } from '../cells';
import { parseDateCell } from '../contacts/dateCell';
import { addDays, dayNumber, type IsoDate } from '../dates';
import type { Params } from '../i18n';
import { dateCell, type PlanCell, type PlanOp, type SheetContent } from '../plan/types';
import type { Msg, ReminderItem } from '../reminders/build';
import { LOOKAHEAD_DAYS } from '../reminders/plans';
import { statusOf } from '../reminders/status';
import { cellText, normalizeName, stripSpaces } from '../roster/normalize';
import { lastUsedRow } from '../settings';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type WorkbookSnapshot } from '../snapshot';
import type { CardChild } from './child';

/**
 * 帮扶计划 (plan 3's 个别教育管理方案 / 学习帮扶计划): one row per key-focus child, kept by teachers. The
 * add-in creates the sheet and appends a row for each key-focus child without one, with plan 1's goals
 * for the child's grade band as a suggestion; it never rewrites a row (user-kept: append only).
 */
export const PLAN_HEADERS = ['学生', '班级', '帮扶教师', '重点原因', '目标', '措施', '时间安排', '阶段性效果', '下次评估日期'] as const;
export const FOCUS_REASONS = ['学习', '心理', '行为', '生活', '安全'] as const;
const COL = { child: 0, className: 1, teacher: 2, reason: 3, goals: 4, measures: 5, schedule: 6, effect: 7, nextReview: 8 } as const;

/** Plan 1's stage goals (seed plan 1, 分阶段资料), as a suggestion for the 目标 cell. */
export const GRADE_BAND_GOALS = {
  lower: '适应新环境；养成学习好习惯；初步培养生活自理能力；乐于与教师、同学交往',
  upper: '掌握学习方法，提高学习效率；生活自理，关爱家人；合作意识与抗挫能力；初步学会情绪调节；接纳自我与他人',
} as const;

/** The suggested goals for a grade (1–3, 4–6; 7–9 from 设置), or '' when there is none. */
export function suggestedGoals(grade: number | null, juniorGoals: string | null): string {
  if (grade === null) return '';
  if (grade <= 3) return GRADE_BAND_GOALS.lower;
  if (grade <= 6) return GRADE_BAND_GOALS.upper;
  return juniorGoals ?? '';
}

export interface PlanRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly name: string;
  readonly className: string;
  readonly teacher: string;
  readonly measures: string;
  readonly nextReview: IsoDate | null;
}

export interface PlanSheetRead {
  readonly exists: boolean;
  /** 0-based header row, or -1. */
  readonly headerRow: number;
  readonly rows: readonly PlanRow[];
  readonly columns: Readonly<Partial<Record<keyof typeof COL, number>>>;
}

const text = (v: CellValue | undefined) => cellText(v);

/** Read 帮扶计划 wherever its header is (the first of the top rows naming 学生 and 措施); columns found by header. */
export function readSupportPlans(workbook: WorkbookSnapshot, today: IsoDate): PlanSheetRead {
  const sheet = findSheet(workbook, SHEETS.supportPlans);
  if (!sheet) return { exists: false, headerRow: -1, rows: [], columns: {} };
  const last = sheet.origin.row + sheet.values.length - 1;
  let headerRow = -1;
  const columns: Partial<Record<keyof typeof COL, number>> = {};
  for (let r = sheet.origin.row; r <= Math.min(last, sheet.origin.row + 9) && headerRow < 0; r++) {
    const line = sheet.values[r - sheet.origin.row] ?? [];
    const found: Partial<Record<keyof typeof COL, number>> = {};
    line.forEach((v, i) => {
      const h = stripSpaces(text(v));
      const k = (Object.keys(COL) as (keyof typeof COL)[]).find((key) => PLAN_HEADERS[COL[key]] === h);
      if (k && found[k] === undefined) found[k] = sheet.origin.col + i;
    });
    if (found.child !== undefined) {
      headerRow = r;
      Object.assign(columns, found);
    }
  }
  const rows: PlanRow[] = [];
  if (headerRow < 0) return { exists: true, headerRow, rows, columns };
  const at = (r: number, k: keyof typeof COL) => (columns[k] === undefined ? null : cellAt(sheet, r, columns[k]));
  for (let r = headerRow + 1; r <= last; r++) {
    const name = normalizeName(at(r, 'child'));
    if (!name) continue;
    const review = parseDateCell(at(r, 'nextReview') ?? null, today);
    rows.push({
      row: r,
      name,
      className: text(at(r, 'className') ?? null),
      teacher: text(at(r, 'teacher') ?? null),
      measures: text(at(r, 'measures') ?? null),
      nextReview: review.ok ? review.date : null,
    });
  }
  return { exists: true, headerRow, rows, columns };
}

function newRow(c: CardChild, juniorGoals: string | null): PlanCell[] {
  return [c.name, c.classLabel ?? '', c.teacher?.name ?? '', '', suggestedGoals(c.grade, juniorGoals), '', '', '', dateCell(null)];
}

function template(rows: PlanCell[][]): SheetContent {
  return {
    columns: [
      { header: PLAN_HEADERS[0], width: 10, format: 'text' },
      { header: PLAN_HEADERS[1], width: 10, format: 'text' },
      { header: PLAN_HEADERS[2], width: 10, format: 'text' },
      { header: PLAN_HEADERS[3], width: 10, format: 'text', validation: { list: FOCUS_REASONS } },
      // Widths sum to what A4 landscape holds at 100 % (hosts without fit-to-width print it whole).
      { header: PLAN_HEADERS[4], width: 30, format: 'text', wrap: true },
      { header: PLAN_HEADERS[5], width: 30, format: 'text', wrap: true },
      { header: PLAN_HEADERS[6], width: 14, format: 'text', wrap: true },
      { header: PLAN_HEADERS[7], width: 20, format: 'text', wrap: true },
      { header: PLAN_HEADERS[8], width: 13, format: 'date' },
    ],
    rows,
    freezeHeader: true,
    print: { paper: 'A4', orientation: 'landscape', margins: { top: 0.5, bottom: 0.5, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 }, repeatHeader: true, fitToWidth: true },
  };
}

/** Items by a name, each list in its original order: a lookup per child or row instead of a scan of all (7,500 key-focus children and as many rows at 50,000). */
function byName<T>(items: readonly T[], nameOf: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const name = nameOf(x);
    const list = out.get(name);
    if (list) list.push(x);
    else out.set(name, [x]);
  }
  return out;
}

/** A child's plan row: same name, and same class when the row gives one (`rows` by name). */
function planFor(c: CardChild, rows: ReadonlyMap<string, readonly PlanRow[]>, normalizeClass: (s: string) => string | null): PlanRow | undefined {
  return rows.get(normalizeName(c.name))?.find((p) => !p.className || (normalizeClass(p.className) ?? stripSpaces(p.className)) === c.classLabel);
}

export interface PlanFinding {
  readonly sheet: string;
  readonly row: number;
  readonly col: number | null;
  readonly rule: 'support-plan-missing';
  readonly severity: 'warning';
  readonly messageKey: string;
  readonly params: Params;
}

export interface SupportPlanResult {
  /** createSheetIfMissing (with the new rows) or appendRows; none when every key-focus child has a row. */
  readonly ops: PlanOp[];
  readonly findings: PlanFinding[];
  /** Reviews due within the reminders' lookahead (or overdue), for 提醒事项. */
  readonly reminders: ReminderItem[];
}

/**
 * Rows to add, findings (a key-focus child whose plan has no 措施 yet — the row the add-in adds counts as
 * none), and the reviews that are due. `children` are the roster's children, in roster order — all of
 * them, or at least the key-focus ones and those named on a row of 帮扶计划 (`read`, when the caller has
 * read it already).
 */
export function planSupportPlans(
  workbook: WorkbookSnapshot,
  children: readonly CardChild[],
  today: IsoDate,
  juniorGoals: string | null,
  normalizeClass: (s: string) => string | null,
  read: PlanSheetRead = readSupportPlans(workbook, today),
): SupportPlanResult {
  const rowsByName = byName(read.rows, (p) => p.name);
  const findings: PlanFinding[] = [];
  const added: PlanCell[][] = [];
  const canAppend = !read.exists || read.headerRow >= 0;
  for (const c of children) {
    if (!c.keyFocus) continue;
    const plan = planFor(c, rowsByName, normalizeClass);
    if (!plan && canAppend) added.push(newRow(c, juniorGoals));
    if (!plan || !plan.measures) {
      const sheetRow = plan ? plan.row : !read.exists ? added.length : lastUsedRowOf(workbook, read) + added.length;
      findings.push({
        sheet: SHEETS.supportPlans,
        row: sheetRow,
        col: read.columns.measures ?? COL.measures,
        rule: 'support-plan-missing',
        severity: 'warning',
        messageKey: 'cards.plan.missing',
        params: { row: sheetRow + 1 },
      });
    }
  }
  const ops: PlanOp[] = [];
  if (!read.exists) ops.push({ kind: 'createSheetIfMissing', sheet: SHEETS.supportPlans, content: template(added) });
  else if (added.length) ops.push({ kind: 'appendRows', sheet: SHEETS.supportPlans, rows: added, expectedLastRow: lastUsedRow(workbook, SHEETS.supportPlans) });

  const horizon = dayNumber(addDays(today, LOOKAHEAD_DAYS));
  const reminders: ReminderItem[] = [];
  const childrenByName = byName(children, (c) => c.name);
  for (const p of read.rows) {
    if (!p.nextReview || dayNumber(p.nextReview) > horizon) continue;
    const child = childrenByName.get(p.name)?.find((c) => !p.className || c.classLabel === (normalizeClass(p.className) ?? p.className));
    const what: Msg = { key: 'cards.plan.reviewDue' };
    reminders.push({
      kind: 'schedule',
      status: statusOf(p.nextReview, today),
      due: p.nextReview,
      child: child
        ? { row: child.row, ...(child.sheet !== undefined ? { sheet: child.sheet } : {}), name: child.name, classLabel: child.classLabel }
        : { row: -1, name: p.name, classLabel: p.className || null },
      contactKind: null,
      owner: p.teacher || child?.teacher?.name || '',
      ownerRole: p.teacher || child?.teacher ? 'mentor' : 'unassigned',
      what,
      notes: [{ key: 'cards.plan.reviewNote', params: { row: p.row + 1 } }],
    });
  }
  return { ops, findings, reminders };
}

function lastUsedRowOf(workbook: WorkbookSnapshot, read: PlanSheetRead): number {
  return Math.max(read.headerRow, lastUsedRow(workbook, SHEETS.supportPlans));
}
