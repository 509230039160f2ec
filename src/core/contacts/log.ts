import { isCellError, type CellValue } from '../cells';
import { addDays, dayNumber, type IsoDate } from '../dates';
import { dateCell, type PlanCell, type PlanOp, type SheetContent } from '../plan/types';
import type { RosterRecord } from '../roster/types';
import { cellText, classLabel, normalizeName, parseClass, stripSpaces } from '../roster/normalize';
import { headerTextsFound, lastUsedRow, looseHeaderKey } from '../settings';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { parseDateCell } from './dateCell';
import type { SheetFinding } from './findings';
import { KIND_LABELS, NO, TARGETS, YES, isYes, kindLabel, parseKind, type ContactKind, type ContactTarget } from './kinds';

/** What the contacts core needs of a roster child; plain data so it can be tested without the roster engine. */
export type ChildRecord = Pick<RosterRecord, 'row' | 'name' | 'classLabel' | 'birthDate' | 'lunarBirthday' | 'joinDate' | 'keyFocus'> & { readonly sheet?: string };

/** The 谈心记录 columns, in order. Teachers read and type them, so they are Chinese data. */
export const LOG_HEADERS = ['日期', '学生', '班级', '类型', '对象', '记录人', '内容', '需跟进', '跟进期限'] as const;
type LogField = 'date' | 'child' | 'className' | 'kind' | 'target' | 'recorder' | 'content' | 'followUp' | 'followUpDue';
const FIELDS: readonly LogField[] = ['date', 'child', 'className', 'kind', 'target', 'recorder', 'content', 'followUp', 'followUpDue'];
/**
 * Headers teachers write for the same column in a sheet they set up themselves, compared loosely
 * (looseHeaderKey: full-width, spaces, a trailing colon or a note in brackets do not matter).
 */
const HEADER_WORDS: Readonly<Record<LogField, readonly string[]>> = {
  date: ['日期', '时间', '谈心日期', '联系日期', '记录日期', '谈话日期', '家访日期', '谈心时间', '联系时间'],
  child: ['学生', '学生姓名', '姓名', '儿童姓名', '留守儿童姓名', '留守儿童', '儿童', '学生名字'],
  className: ['班级', '班别', '所在班级'],
  kind: ['类型', '方式', '联系方式', '类别', '形式', '联系类型', '记录类型', '帮扶方式'],
  target: ['对象', '联系对象', '谈话对象'],
  recorder: ['记录人', '教师', '帮扶教师', '记录教师', '负责人', '谈心教师', '填写人', '记录者', '帮扶人'],
  content: ['内容', '谈话内容', '摘要', '记录', '主要内容', '谈心内容', '情况记录', '内容摘要', '谈话记录'],
  followUp: ['需跟进', '是否跟进', '是否需要跟进', '是否需跟进'],
  followUpDue: ['跟进期限', '跟进日期', '跟进时间'],
};
/** Each header word as compared, with the field it names. */
const HEADER_KEYS: ReadonlyMap<string, LogField> = new Map(FIELDS.flatMap((f) => HEADER_WORDS[f].map((w) => [looseHeaderKey(w), f] as const)));
/** The columns 谈心记录 cannot be read without. */
const REQUIRED_LOG_HEADERS = `${LOG_HEADERS[0]}、${LOG_HEADERS[1]}、${LOG_HEADERS[3]}`;

/** A 谈心记录 the add-in cannot add to: the pane shows t(lang, messageKey, params). */
export class LogSheetError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string> = {},
  ) {
    super(`谈心记录 cannot take the entry (${messageKey})`);
    this.name = 'LogSheetError';
  }
}
export const LOG_TABLE_NAME = 'ContactLogTable';
/** A follow-up without a deadline is due this many days after the entry. */
export const FOLLOW_UP_DEFAULT_DAYS = 7;

/** A column of another sheet whose values feed a dropdown. */
export interface ListSource {
  readonly sheet: string;
  readonly col: number;
  readonly firstRow: number;
}

/** The 谈心记录 template: created when missing, then only appended to. */
export function logSheetOp(sources: { readonly students?: ListSource; readonly recorders?: ListSource } = {}): PlanOp {
  const from = (s?: ListSource) => (s ? { validation: { sourceSheet: s.sheet, sourceCol: s.col, firstRow: s.firstRow } } : {});
  const content: SheetContent = {
    columns: [
      // Dates are real dates (the pane writes serials with a date format), so the columns sort and filter by day.
      { header: LOG_HEADERS[0], width: 12, format: 'date' },
      { header: LOG_HEADERS[1], width: 10, format: 'text', ...from(sources.students) },
      { header: LOG_HEADERS[2], width: 10, format: 'text' },
      { header: LOG_HEADERS[3], width: 11, format: 'text', validation: { list: KIND_LABELS } },
      { header: LOG_HEADERS[4], width: 8, format: 'text', validation: { list: TARGETS } },
      { header: LOG_HEADERS[5], width: 10, format: 'text', ...from(sources.recorders) },
      { header: LOG_HEADERS[6], width: 48, format: 'text' },
      { header: LOG_HEADERS[7], width: 8, format: 'text', validation: { list: [YES, NO] } },
      { header: LOG_HEADERS[8], width: 12, format: 'date' },
    ],
    rows: [],
    table: { name: LOG_TABLE_NAME, style: 'TableStyleMedium2' },
    freezeHeader: true,
  };
  return { kind: 'createSheetIfMissing', sheet: SHEETS.log, content };
}

/** Whom a kind of contact is usually with, when the pane does not say; a parent call may be either parent. */
const DEFAULT_TARGET: Readonly<Partial<Record<ContactKind, ContactTarget>>> = {
  talk: '学生',
  familyCall: '学生',
  tutoring: '学生',
  care: '学生',
  activity: '学生',
  guardianContact: '监护人',
  homeVisit: '监护人',
};

/** One contact to record from the pane; a class-meeting entry lists several children. */
export interface NewLogEntry {
  readonly date: IsoDate;
  readonly children: readonly ChildRecord[];
  readonly kind: ContactKind;
  readonly target?: ContactTarget;
  readonly recorder: string;
  readonly content: string;
  readonly followUp?: boolean;
  readonly followUpDue?: IsoDate | null;
}

/** What an entry writes in each column of 谈心记录. */
type LogLine = Record<LogField, PlanCell>;

/** Columns whose value may be left out when the school's own sheet has no such column (the roster says the class; 对象 and 否 say little). */
function droppable(field: LogField, value: PlanCell): boolean {
  return field === 'className' || field === 'target' || (field === 'followUp' && value === NO) || value === '' || value === null;
}

/**
 * One appendRows op for all the entries (one row per child, the class taken from the roster).
 * `expectedLastRow` lets the port refuse when someone added rows since the snapshot. When 谈心记录 is
 * missing, put logSheetOp() before this op in the same plan: its header is row 0.
 *
 * A 谈心记录 the school made itself gets each value under its own header, wherever that column is (its
 * other columns stay blank on the new rows). Throws LogSheetError, writing nothing, when the sheet's
 * header cannot be found or it lacks a column for something the entry says (记录人, 内容, a follow-up).
 */
export function logEntryOp(entries: readonly NewLogEntry[], workbook: WorkbookSnapshot): PlanOp {
  const lines: LogLine[] = [];
  for (const e of entries) {
    for (const child of e.children) {
      lines.push({
        date: dateCell(e.date),
        child: child.name,
        className: child.classLabel ?? '',
        kind: kindLabel(e.kind),
        target: e.target ?? DEFAULT_TARGET[e.kind] ?? '',
        recorder: e.recorder,
        content: e.content,
        followUp: e.followUp ? YES : NO,
        followUpDue: e.followUp ? dateCell(e.followUpDue) : '',
      });
    }
  }
  const sheet = findSheet(workbook, SHEETS.log);
  const lastRow = lastUsedRow(workbook, SHEETS.log);
  const template = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as LogColumns;
  const cols = sheet && lastRow >= 0 ? appendColumns(sheet, lastRow, lines) : template;
  const width = Math.max(...Object.values<number>(cols)) + 1;
  const rows = lines.map((line) => {
    // Columns are the sheet's own (0 is column A): the school's 序号 or 家长签字 stay blank on new rows.
    const row = new Array<PlanCell>(width).fill(null);
    for (const f of FIELDS) if (cols[f] !== undefined) row[cols[f]] = line[f];
    return row;
  });
  return { kind: 'appendRows', sheet: SHEETS.log, rows, expectedLastRow: sheet ? lastRow : 0 };
}

/** Where new rows of an existing 谈心记录 put each field; throws LogSheetError when that cannot be done safely. */
function appendColumns(sheet: SheetSnapshot, lastRow: number, lines: readonly LogLine[]): LogColumns {
  const { headerRow, cols } = findLogHeader(sheet, lastRow);
  if (headerRow < 0 || cols.kind === undefined) {
    throw new LogSheetError('contacts.log.cannotAppend', { columns: REQUIRED_LOG_HEADERS, found: headerTextsFound(sheet) || '—' });
  }
  const lost = FIELDS.filter((f) => cols[f] === undefined && lines.some((line) => !droppable(f, line[f])));
  if (lost.length) throw new LogSheetError('contacts.log.columnsMissing', { columns: lost.map((f) => LOG_HEADERS[FIELDS.indexOf(f)]).join('、') });
  return cols;
}

export interface LogEntry {
  /** 0-based sheet row. */
  readonly row: number;
  readonly date: IsoDate;
  readonly day: number;
  /** Index of the child in the `children` array given to readLog. */
  readonly child: number;
  readonly kind: ContactKind;
  /** 对象 as typed (学生, 父亲, 母亲, 监护人, 其他 from the dropdown). */
  readonly target: string;
  readonly recorder: string;
  readonly content: string;
  readonly followUp: boolean;
  readonly followUpDue: IsoDate | null;
}

export interface LogRead {
  readonly entries: LogEntry[];
  readonly findings: SheetFinding[];
  /** 0-based header row, or -1 when the sheet is missing or has no header. */
  readonly headerRow: number;
}

/** A class as typed (三年级1班, 三（1）班) in the roster's canonical form (三(1)班) when it can be read. */
function classKey(v: CellValue, today: IsoDate): string {
  const c = parseClass(v, today);
  return (c?.ok ? classLabel(c.grade, c.classNo) : null) ?? stripSpaces(cellText(v));
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/**
 * Read 谈心记录: rows typed by hand count the same as rows the pane wrote. Bad rows become findings and
 * count for nothing; rows stay in the sheet whatever happens. A row whose child is no longer on the
 * roster (left, or renamed) is reported once per name, never by name.
 */
export function readLog(workbook: WorkbookSnapshot, children: readonly ChildRecord[], today: IsoDate): LogRead {
  const sheet = findSheet(workbook, SHEETS.log);
  if (!sheet) return { entries: [], findings: [], headerRow: -1 };
  const lastRow = sheet.origin.row + sheet.values.length - 1;
  const { headerRow, cols } = findLogHeader(sheet, lastRow);
  if (headerRow < 0 || cols.kind === undefined) {
    const finding: SheetFinding = {
      sheet: SHEETS.log,
      row: headerRow < 0 ? sheet.origin.row : headerRow,
      col: null,
      rule: 'log-header-missing',
      severity: 'error',
      messageKey: 'contacts.log.headerMissingFound',
      params: { columns: REQUIRED_LOG_HEADERS, found: headerTextsFound(sheet) || '—' },
    };
    return { entries: [], findings: [finding], headerRow };
  }
  const scan = newLogScan(sheet, cols, children, today);
  for (let row = headerRow + 1; row <= lastRow; row++) readLogRow(scan, row);
  for (const u of scan.unknown.values()) {
    scan.findings.push({
      sheet: SHEETS.log,
      row: u.row,
      col: cols.child ?? null,
      rule: 'log-child-unknown',
      severity: 'warning',
      messageKey: 'contacts.log.childUnknown',
      params: { row: u.row + 1, count: u.count },
    });
  }
  scan.findings.sort((a, b) => a.row - b.row);
  return { entries: scan.entries, findings: scan.findings, headerRow };
}

type LogColumns = Partial<Record<LogField, number>>;

/** The header: the first of the top 20 rows naming at least the date and the child (-1: none does). */
function findLogHeader(sheet: SheetSnapshot, lastRow: number): { headerRow: number; cols: LogColumns } {
  const lastCol = sheet.origin.col + Math.max(0, ...sheet.values.slice(0, 20).map((r) => r.length)) - 1;
  for (let r = sheet.origin.row; r <= Math.min(lastRow, sheet.origin.row + 19); r++) {
    const found: LogColumns = {};
    for (let c = sheet.origin.col; c <= lastCol; c++) {
      const v = cellAt(sheet, r, c);
      const h = typeof v === 'string' ? looseHeaderKey(v) : '';
      const field = HEADER_KEYS.get(h);
      if (field && found[field] === undefined) found[field] = c;
    }
    if (found.date !== undefined && found.child !== undefined) return { headerRow: r, cols: found };
  }
  return { headerRow: -1, cols: {} };
}

/** What reading the rows shares: the sheet, the roster by name, the caches, and what has been read so far. */
interface LogScan {
  readonly sheet: SheetSnapshot;
  readonly cols: LogColumns;
  readonly today: IsoDate;
  readonly todayDay: number;
  /** Normalized name → indexes in children (several when names repeat across classes). */
  readonly byName: ReadonlyMap<string, readonly number[]>;
  readonly cells: LogCellCache;
  /** Names not on the roster: the last row naming each, and how many rows did. */
  readonly unknown: Map<string, { row: number; count: number }>;
  readonly entries: LogEntry[];
  readonly findings: SheetFinding[];
}

function newLogScan(sheet: SheetSnapshot, cols: LogColumns, children: readonly ChildRecord[], today: IsoDate): LogScan {
  const byName = new Map<string, number[]>();
  children.forEach((ch, i) => {
    const key = normalizeName(ch.name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  return { sheet, cols, today, todayDay: dayNumber(today), byName, cells: newLogCellCache(children, today), unknown: new Map(), entries: [], findings: [] };
}

/** A log repeats the same few hundred dates and classes: read each distinct cell once. */
interface LogCellCache {
  date(v: CellValue): ReturnType<typeof parseDateCell> & { day: number };
  /** A class cell in the roster's canonical form. */
  className(v: CellValue): string;
  /** The canonical class of the i-th roster child. */
  childClass(i: number): string | null;
  kind(text: string): ContactKind | null;
  name(v: CellValue): string;
  yes(v: CellValue): boolean;
}

function newLogCellCache(children: readonly ChildRecord[], today: IsoDate): LogCellCache {
  const dateCache = new Map<CellValue, ReturnType<typeof parseDateCell> & { day: number }>();
  const classCache = new Map<string, string>();
  const kindCache = new Map<string, ContactKind | null>();
  const nameCache = new Map<string, string>();
  const yesCache = new Map<string, boolean>();
  const childClasses = new Array<string | null | undefined>(children.length);
  const className = (v: CellValue) => {
    const key = typeof v === 'string' || typeof v === 'number' ? `${typeof v}:${v}` : '';
    let r = classCache.get(key);
    if (r === undefined) {
      r = classKey(v, today);
      classCache.set(key, r);
    }
    return r;
  };
  return {
    date(v) {
      const key = v !== null && typeof v === 'object' ? null : v;
      let r = key === null ? undefined : dateCache.get(key);
      if (!r) {
        const p = parseDateCell(v, today);
        r = { ...p, day: p.ok ? dayNumber(p.date) : NaN };
        if (key !== null) dateCache.set(key, r);
      }
      return r;
    },
    className,
    childClass(i) {
      if (childClasses[i] === undefined) childClasses[i] = children[i].classLabel === null ? null : className(children[i].classLabel);
      return childClasses[i];
    },
    kind: (t) => memo(kindCache, t, parseKind),
    name: (v) => (typeof v === 'string' ? memo(nameCache, v, normalizeName) : normalizeName(v)),
    yes: (v) => (typeof v === 'string' ? memo(yesCache, v, isYes) : isYes(v)),
  };
}

function cellOf(scan: LogScan, row: number, f: LogField): CellValue {
  return scan.cols[f] === undefined ? null : cellAt(scan.sheet, row, scan.cols[f]);
}

function addFinding(
  scan: LogScan,
  row: number,
  f: LogField | null,
  rule: SheetFinding['rule'],
  severity: SheetFinding['severity'],
  key: string,
  params: Record<string, string | number> = {},
): void {
  const col = f && scan.cols[f] !== undefined ? scan.cols[f] : null;
  scan.findings.push({ sheet: SHEETS.log, row, col, rule, severity, messageKey: key, params: { row: row + 1, ...params } });
}

/** One sheet row: an entry per child it names, or a finding saying why it counts for nothing. */
function readLogRow(scan: LogScan, row: number): void {
  const line = scan.sheet.values[row - scan.sheet.origin.row];
  if (!line || line.every((v) => v === null || v === '' || (typeof v === 'string' && !v.trim()))) return;

  const d = scan.cells.date(cellOf(scan, row, 'date'));
  if (!d.ok) {
    const value = dateLike(cellOf(scan, row, 'date'));
    const key = d.reason === 'blank' ? 'contacts.log.dateBlank' : value === null ? 'contacts.log.dateNotDate' : 'contacts.log.dateInvalid';
    addFinding(scan, row, 'date', 'log-date-invalid', 'warning', key, value === null ? {} : { value });
    return;
  }
  if (d.day > scan.todayDay) {
    addFinding(scan, row, 'date', 'log-date-future', 'warning', 'contacts.log.dateFuture', { date: d.date });
    return;
  }
  if (d.yearAssumed) addFinding(scan, row, 'date', 'log-date-assumed-year', 'warning', 'contacts.log.dateAssumedYear', { date: d.date });

  const kindText = text(cellOf(scan, row, 'kind'));
  const kind = scan.cells.kind(kindText);
  if (!kind) {
    addFinding(scan, row, 'kind', 'log-kind-unknown', 'warning', kindText ? 'contacts.log.kindUnknown' : 'contacts.log.kindBlank', { kinds: KIND_LABELS.join('、') });
    return;
  }

  const nameText = scan.cells.name(cellOf(scan, row, 'child'));
  if (!nameText) {
    addFinding(scan, row, 'child', 'log-child-missing', 'warning', 'contacts.log.childBlank');
    return;
  }
  // A class-meeting row typed by hand may list several children in one cell.
  const names = scan.byName.has(nameText)
    ? [nameText]
    : nameText
        .split(/[、,，;；/]+/)
        .map((n) => n.trim())
        .filter(Boolean);
  const followUp = scan.cells.yes(cellOf(scan, row, 'followUp'));
  const followUpDue = followUp ? followUpDueOf(scan, row, d.date) : null;
  const recorder = text(cellOf(scan, row, 'recorder'));
  const target = text(cellOf(scan, row, 'target'));
  const content = text(cellOf(scan, row, 'content'));

  for (const name of names) {
    const child = rosterChildOf(scan, row, name);
    if (child !== null) scan.entries.push({ row, date: d.date, day: d.day, child, kind, target, recorder, content, followUp, followUpDue });
  }
}

/** The follow-up deadline as typed, or the default days after the entry (with a finding when the cell was not a date). */
function followUpDueOf(scan: LogScan, row: number, date: IsoDate): IsoDate {
  const f = parseDateCell(cellOf(scan, row, 'followUpDue'), scan.today);
  if (f.ok) return f.date;
  const due = addDays(date, FOLLOW_UP_DEFAULT_DAYS);
  const value = dateLike(cellOf(scan, row, 'followUpDue'));
  if (f.reason !== 'blank')
    addFinding(
      scan,
      row,
      'followUpDue',
      'log-follow-up-date-invalid',
      'warning',
      value === null ? 'contacts.log.followUpDateNotDate' : 'contacts.log.followUpDateInvalid',
      value === null ? { date: due } : { value, date: due },
    );
  return due;
}

/**
 * The roster child a name on this row means, the row's class telling namesakes apart; null when the
 * name is not on the roster (counted in scan.unknown) or stays ambiguous (a finding).
 */
function rosterChildOf(scan: LogScan, row: number, name: string): number | null {
  const candidates = scan.byName.get(name);
  if (!candidates) {
    const u = scan.unknown.get(name);
    if (u) {
      u.row = row;
      u.count++;
    } else scan.unknown.set(name, { row, count: 1 });
    return null;
  }
  if (candidates.length === 1) return candidates[0];
  const classText = scan.cells.className(cellOf(scan, row, 'className'));
  const inClass = candidates.filter((i) => scan.cells.childClass(i) === classText);
  if (inClass.length !== 1) {
    addFinding(scan, row, 'className', 'log-child-ambiguous', 'warning', classText ? 'contacts.log.childAmbiguousClass' : 'contacts.log.childAmbiguous', {
      count: candidates.length,
    });
    return null;
  }
  return inClass[0];
}

function memo<V>(cache: Map<string, V>, key: string, compute: (k: string) => V): V {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    v = compute(key);
    cache.set(key, v);
  }
  return v as V;
}

/**
 * A bad date cell's text, to quote back only when it is made of date characters: a shifted column can
 * put a name or a phone number here, and those never go into a message.
 */
function dateLike(v: CellValue): string | null {
  const s = isCellError(v) ? v.error : text(v);
  if (!s || s.length > 20 || /\d{9,}/.test(s)) return null;
  return /^[\d０-９\s年月日号.\-/:：#A-Z!?]+$/.test(s) ? s : null;
}
