import { columnLetter, type CellValue } from '../cells';
import { parseDateCell } from '../contacts/dateCell';
import type { IsoDate } from '../dates';
import { headerKey } from '../pairing/text';
import { cellText, isBlank, normalizeName, toHalfWidth } from '../roster/normalize';
import type { RosterRecord } from '../roster/types';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { NameIndex, type NameMatch } from './names';
import { ACTIVITY_FIELDS, FUND_FIELDS, GROUP_FIELDS, REQUIRED, ROLL_CALL_FIELDS, TRAINING_FIELDS } from './templates';
import { ACTIVITY_TYPES, LIFE_SEVERITY, type ActivityType, type LifeField, type LifeFinding, type LifeRuleId, type LifeSheetName } from './types';

/** What the life readers need of a roster child: its name and class to match, its registered adults for pickups. */
export interface LifeChild {
  readonly name: string;
  readonly classLabel: string | null;
  /** Names of the guardian and the parents, normalised; who may collect the child without a stated relation. */
  readonly registered: readonly string[];
}

export function lifeChildren(records: readonly RosterRecord[]): LifeChild[] {
  return records.map((r) => ({
    name: r.name,
    classLabel: r.classLabel,
    registered: [r.guardianName, r.raw.fatherName, r.raw.motherName].map((v) => normalizeName(typeof v === 'string' ? v : null)).filter(Boolean),
  }));
}

export interface ActivityEntry {
  readonly row: number;
  readonly date: IsoDate;
  readonly type: ActivityType;
  /** 活动名称 as typed ('' when blank): what a child's 成长记录 prints. */
  readonly name: string;
  readonly leader: string;
  /** Indexes into the children. */
  readonly children: readonly number[];
}
export interface GroupEntry {
  readonly row: number;
  readonly group: string;
  readonly teacher: string;
  readonly children: readonly number[];
}
export interface RollCallEntry {
  readonly row: number;
  readonly date: IsoDate;
  readonly children: readonly number[];
  /** Names in the cell that match no roster child or several: still attendances, with no child to count them for. */
  readonly unmatched: number;
  /** No 签退时间 or no 接送人. */
  readonly pickupMissing: boolean;
}
export interface FundEntry {
  readonly row: number;
  readonly date: IsoDate;
  readonly kind: 'income' | 'spending';
  /** In fen (分), so sums are exact. */
  readonly amountFen: number;
  /** The balance after this row, in fen, entries taken in date order (then row order). */
  readonly balanceFen: number;
  /** 来源或用途 as typed ('' when blank): what a child's 成长记录 prints for aid. */
  readonly purpose: string;
  readonly children: readonly number[];
}
export interface TrainingEntry {
  readonly row: number;
  readonly date: IsoDate;
  readonly teachers: readonly string[];
  readonly hours: number;
  readonly credits: number;
}

export interface LifeRead {
  readonly activities: readonly ActivityEntry[];
  readonly groups: readonly GroupEntry[];
  readonly rollCall: readonly RollCallEntry[];
  readonly fund: readonly FundEntry[];
  readonly training: readonly TrainingEntry[];
  readonly findings: readonly LifeFinding[];
}

const HEADER_SCAN_ROWS = 20;

interface Layout {
  readonly sheet: SheetSnapshot;
  readonly headerRow: number;
  readonly cols: Readonly<Record<string, number | undefined>>;
}

/** Collects one sheet's findings with the row (1-based) and column letter in the params. */
class Findings {
  readonly list: LifeFinding[] = [];
  add(sheet: string, row: number, col: number | null | undefined, rule: LifeRuleId, messageKey: string, params: Record<string, string | number> = {}): void {
    const c = col ?? null;
    this.list.push({
      sheet,
      row,
      col: c,
      rule,
      severity: LIFE_SEVERITY[rule],
      messageKey,
      params: { sheet, row: row + 1, ...(c === null ? {} : { col: columnLetter(c) }), ...params },
    });
  }
}

/** The header: the first of the top rows naming every required field (by its header or an alias). */
function findLayout(workbook: WorkbookSnapshot, name: LifeSheetName, fields: readonly LifeField[], out: Findings): Layout | null {
  const sheet = findSheet(workbook, name);
  if (!sheet) return null;
  const required = REQUIRED[name];
  const last = Math.min(sheet.origin.row + sheet.values.length, sheet.origin.row + HEADER_SCAN_ROWS);
  for (let row = sheet.origin.row; row < last; row++) {
    const cols: Record<string, number> = {};
    (sheet.values[row - sheet.origin.row] ?? []).forEach((v, i) => {
      const key = headerKey(v);
      if (!key) return;
      const f = fields.find((f) => cols[f.key] === undefined && (f.header === key || f.aliases.includes(key)));
      if (f) cols[f.key] = sheet.origin.col + i;
    });
    if (required.every((k) => cols[k] !== undefined)) return { sheet, headerRow: row, cols };
  }
  const headers = required.map((k) => fields.find((f) => f.key === k)!.header).join('、');
  out.add(name, sheet.origin.row, null, 'life-header-missing', 'life.headerMissing', { columns: headers });
  return null;
}

/**
 * Where a life sheet's header is and which column holds each field, for writing rows the reader will read
 * back (entries.ts); null when the sheet is missing or has no header naming its required columns.
 */
export function lifeLayout(workbook: WorkbookSnapshot, name: LifeSheetName): { readonly headerRow: number; readonly cols: Readonly<Record<string, number | undefined>> } | null {
  const fields = {
    [SHEETS.activities]: ACTIVITY_FIELDS,
    [SHEETS.groups]: GROUP_FIELDS,
    [SHEETS.rollCall]: ROLL_CALL_FIELDS,
    [SHEETS.fund]: FUND_FIELDS,
    [SHEETS.training]: TRAINING_FIELDS,
  }[name];
  const layout = findLayout(workbook, name, fields, new Findings());
  return layout && { headerRow: layout.headerRow, cols: layout.cols };
}

/** Each non-blank row under the header, with a reader of its fields. */
function* rowsOf(layout: Layout): Generator<{ row: number; at: (key: string) => CellValue }> {
  const { sheet, headerRow, cols } = layout;
  const end = sheet.origin.row + sheet.values.length;
  for (let row = headerRow + 1; row < end; row++) {
    const line = sheet.values[row - sheet.origin.row];
    if (!line || line.every((v) => isBlank(v))) continue;
    yield { row, at: (key: string) => (cols[key] === undefined ? null : cellAt(sheet, row, cols[key])) };
  }
}

/** A number as typed: 200, "200元", "￥1,200.50", "２学时". Null when blank, NaN when unreadable. */
export function parseAmount(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  const s = cellText(v);
  if (!s) return null;
  const plain = toHalfWidth(s).replace(/[¥￥,，\s]|元|学时|课时|小时|学分|分$/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
}

const INCOME = new Set(['收入', '收', '入', '捐款', '捐赠', '拨款', '收入款']);
const SPENDING = new Set(['支出', '支', '出', '资助', '慰问', '支出款', '开支']);
const TYPE_SYNONYMS: Readonly<Record<string, ActivityType>> = {
  班会: '主题班会',
  文体: '文体活动',
  文艺活动: '文体活动',
  体育活动: '文体活动',
  生日: '生日会',
  集体生日会: '生日会',
  节日: '节日慰问',
  慰问: '节日慰问',
  兴趣活动: '兴趣小组',
  社团活动: '兴趣小组',
  外出: '外出活动',
  春游: '外出活动',
  研学: '外出活动',
  竞赛: '比赛',
  专题讲座: '讲座',
  座谈: '座谈会',
};
export function parseActivityType(v: CellValue): ActivityType {
  const s = headerKey(v);
  return (ACTIVITY_TYPES as readonly string[]).includes(s) ? (s as ActivityType) : (TYPE_SYNONYMS[s] ?? '其他');
}

/**
 * Read the five sheets. A missing sheet is simply empty (the template is created by the upkeep); every
 * row stays in its sheet whatever happens, and a row that cannot be used is a finding.
 */
export function readLife(workbook: WorkbookSnapshot, children: readonly LifeChild[], today: IsoDate): LifeRead {
  const out = new Findings();
  const names = new NameIndex(children, today);
  const dateOf = (sheet: string, row: number, col: number | undefined, v: CellValue): IsoDate | null => {
    const d = parseDateCell(v, today);
    if (d.ok) return d.date;
    out.add(sheet, row, col, 'life-date-invalid', d.reason === 'blank' ? 'life.dateBlank' : 'life.dateInvalid');
    return null;
  };
  const matched = (sheet: string, row: number, col: number | undefined, v: CellValue): NameMatch => {
    const m = names.match(v);
    if (m.unknown) out.add(sheet, row, col, 'name-unknown', 'life.nameUnknown', { count: m.unknown });
    if (m.ambiguous) out.add(sheet, row, col, 'name-ambiguous', 'life.nameAmbiguous', { count: m.ambiguous });
    return m;
  };

  const activities: ActivityEntry[] = [];
  const a = findLayout(workbook, SHEETS.activities, ACTIVITY_FIELDS, out);
  if (a) {
    for (const { row, at } of rowsOf(a)) {
      const date = dateOf(SHEETS.activities, row, a.cols.date, at('date'));
      const m = matched(SHEETS.activities, row, a.cols.children, at('children'));
      if (date) activities.push({ row, date, type: parseActivityType(at('type')), name: cellText(at('name')), leader: normalizeName(at('leader')), children: m.children });
    }
  }

  const groups: GroupEntry[] = [];
  const g = findLayout(workbook, SHEETS.groups, GROUP_FIELDS, out);
  if (g) {
    for (const { row, at } of rowsOf(g)) {
      const m = matched(SHEETS.groups, row, g.cols.members, at('members'));
      groups.push({ row, group: cellText(at('group')), teacher: normalizeName(at('teacher')), children: m.children });
    }
  }

  const rollCall: RollCallEntry[] = [];
  const r = findLayout(workbook, SHEETS.rollCall, ROLL_CALL_FIELDS, out);
  if (r) {
    for (const { row, at } of rowsOf(r)) {
      const date = dateOf(SHEETS.rollCall, row, r.cols.date, at('date'));
      const m = matched(SHEETS.rollCall, row, r.cols.child, at('child'));
      const unmatched = m.unknown + m.ambiguous;
      if (!date || m.children.length + unmatched === 0) continue;
      // The one safety failure that matters (plan 5): signed in, and nobody wrote down who took the child
      // home. A name not on the roster (or matching two children) is a finding of its own, and the pickup
      // is still checked: a child signed in and not collected is a failure whoever the child is.
      const noSignOut = isBlank(at('signOut'));
      const pickup = normalizeName(at('pickup'));
      const pickupMissing = noSignOut || !pickup;
      if (pickupMissing)
        out.add(SHEETS.rollCall, row, noSignOut ? r.cols.signOut : r.cols.pickup, 'pickup-missing', noSignOut ? 'life.signOutMissing' : 'life.pickupMissing', { date });
      else if (isBlank(at('relation')) && m.ambiguous === 0 && (m.unknown > 0 || !m.children.every((i) => children[i].registered.includes(pickup)))) {
        // A child not on the roster has nobody registered, so an unexplained collector is unregistered too;
        // for a name matching two children the adults cannot be told apart (name-ambiguous says so).
        out.add(SHEETS.rollCall, row, r.cols.relation ?? r.cols.pickup, 'pickup-unregistered', 'life.pickupUnregistered', { date });
      }
      rollCall.push({ row, date, children: m.children, unmatched, pickupMissing });
    }
  }

  const fund = readFund(workbook, out, dateOf, matched);

  const training: TrainingEntry[] = [];
  const tr = findLayout(workbook, SHEETS.training, TRAINING_FIELDS, out);
  if (tr) {
    for (const { row, at } of rowsOf(tr)) {
      const date = dateOf(SHEETS.training, row, tr.cols.date, at('date'));
      const teachers = cellText(at('teachers'))
        .split(/[、,，;；/\s]+/)
        .map((n) => normalizeName(n))
        .filter(Boolean);
      let hours = parseAmount(at('hours'));
      if (hours === null || Number.isNaN(hours) || hours < 0) {
        out.add(SHEETS.training, row, tr.cols.hours, 'training-hours-invalid', 'life.hoursInvalid');
        hours = 0;
      }
      const credits = parseAmount(at('credits'));
      if (date) training.push({ row, date, teachers, hours, credits: credits !== null && credits >= 0 ? credits : 0 });
    }
  }

  const findings = [...out.list].sort((x, y) => LIFE_ORDER(x.sheet) - LIFE_ORDER(y.sheet) || x.row - y.row);
  return { activities, groups, rollCall, fund, training, findings };
}

const ORDER: readonly string[] = [SHEETS.activities, SHEETS.groups, SHEETS.rollCall, SHEETS.fund, SHEETS.training];
const LIFE_ORDER = (sheet: string) => ORDER.indexOf(sheet);

/** 基金收支 with its running balance, in date order; the first row that takes it below zero each time is an error. */
function readFund(
  workbook: WorkbookSnapshot,
  out: Findings,
  dateOf: (sheet: string, row: number, col: number | undefined, v: CellValue) => IsoDate | null,
  matched: (sheet: string, row: number, col: number | undefined, v: CellValue) => NameMatch,
): FundEntry[] {
  const f = findLayout(workbook, SHEETS.fund, FUND_FIELDS, out);
  if (!f) return [];
  const S = SHEETS.fund;
  const rows: Omit<FundEntry, 'balanceFen'>[] = [];
  for (const { row, at } of rowsOf(f)) {
    const date = dateOf(S, row, f.cols.date, at('date'));
    const kindText = headerKey(at('kind'));
    const amount = parseAmount(at('amount'));
    let kind: FundEntry['kind'] | null = INCOME.has(kindText) ? 'income' : SPENDING.has(kindText) ? 'spending' : null;
    // A negative amount without a kind is money out, as a ledger with one signed column writes it.
    if (!kind && !kindText && amount !== null && amount < 0) kind = 'spending';
    if (!kind) {
      out.add(S, row, f.cols.kind, 'fund-entry-invalid', 'life.fundKindInvalid');
      continue;
    }
    if (amount === null || Number.isNaN(amount)) {
      out.add(S, row, f.cols.amount, 'fund-entry-invalid', 'life.fundAmountInvalid');
      continue;
    }
    const m = isBlank(at('children')) ? { children: [] as number[] } : matched(S, row, f.cols.children, at('children'));
    if (kind === 'spending') {
      const handlerBlank = isBlank(at('handler'));
      if (handlerBlank || isBlank(at('voucher'))) {
        out.add(S, row, handlerBlank ? f.cols.handler : f.cols.voucher, 'fund-incomplete', handlerBlank ? 'life.fundHandlerMissing' : 'life.fundVoucherMissing');
      }
    }
    if (date) rows.push({ row, date, kind, amountFen: Math.round(Math.abs(amount) * 100), purpose: cellText(at('purpose')), children: m.children });
  }
  rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.row - y.row));
  let balance = 0;
  return rows.map((e) => {
    const before = balance;
    balance += e.kind === 'income' ? e.amountFen : -e.amountFen;
    if (balance < 0 && before >= 0) out.add(S, e.row, f.cols.amount, 'fund-negative', 'life.fundNegative', { date: e.date, balance: balance / 100 });
    return { ...e, balanceFen: balance };
  });
}
