import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import { nextUsualTermStart, usualSchoolYear, type SchoolTerms } from '../calendar/school';
import type { DateRange } from '../calendar/types';
import { dayNumber, fromDayNumber, type IsoDate } from '../dates';
import type { PlanOp } from '../plan/types';
import { readSettings, settingsOps, type SettingDef } from '../settings';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type WorkbookSnapshot } from '../snapshot';
import { parseDateCell, parseDateRanges } from './dateCell';
import type { SheetFinding } from './findings';
import type { ContactKind } from './kinds';

/** How often a kind of contact is due: every n days, or once a term. */
export type Cadence = { readonly days: number } | { readonly perTerm: true };

export interface ContactSettings {
  /** Kinds without a cadence get no reminders (the school left the row blank). */
  readonly cadence: Readonly<Partial<Record<ContactKind, Cadence>>>;
  /** Tighter cadences for key-focus children (重点帮扶对象); a missing kind uses the usual one. */
  readonly keyFocusCadence: Readonly<Partial<Record<ContactKind, Cadence>>>;
  readonly terms: SchoolTerms;
}

/** 设置 labels: the school sees and edits these, so they are Chinese data, found by label. */
export const CADENCE_LABELS: Readonly<Partial<Record<ContactKind, string>>> = {
  talk: '谈心周期（天）',
  parentCall: '家长电话周期（天）',
  guardianContact: '监护人联系周期（天）',
  familyCall: '亲情电话周期（天）',
  homeVisit: '家访周期',
  tutoring: '学习辅导周期（天）',
};
export const KEY_FOCUS_LABELS: Readonly<Partial<Record<ContactKind, string>>> = {
  talk: '重点帮扶对象谈心周期（天）',
  parentCall: '重点帮扶对象家长电话周期（天）',
  guardianContact: '重点帮扶对象监护人联系周期（天）',
  familyCall: '重点帮扶对象亲情电话周期（天）',
};
export const CALENDAR_LABELS = {
  termStart: '本学期开始日期',
  termEnd: '本学期结束日期',
  winter: '寒假',
  summer: '暑假',
  holidays: '其他放假日期',
  makeUp: '调休上课日期',
} as const;

export const PER_TERM = '每学期';

const DEFAULT_CADENCE: Readonly<Partial<Record<ContactKind, CellValue>>> = {
  talk: 7,
  parentCall: 14,
  guardianContact: 7,
  familyCall: 7,
  homeVisit: PER_TERM,
  tutoring: '',
};
const CADENCE_NOTES: Readonly<Partial<Record<ContactKind, string>>> = {
  talk: '班主任与留守儿童谈心的间隔天数（计划二：每周一次）。只在上学日提醒，放假期间顺延。留空表示不提醒。',
  parentCall: '给在外务工家长打电话的间隔天数（计划二：每两周一次）。假期照常提醒。留空表示不提醒。',
  guardianContact: '与监护人或寄居亲戚联系的间隔天数（计划二：每周一次）。假期照常提醒。留空表示不提醒。',
  familyCall: '孩子在学校亲情电话与父母通话的间隔天数（计划五：每周一次）。只在上学日提醒。留空表示不提醒。',
  homeVisit: '填“每学期”或天数。每学期一次时：本学期还没有家访、学期过半即到期。只在上学日提醒。',
  tutoring: '学习辅导的间隔天数；留空表示不提醒。',
};
const KEY_FOCUS_NOTE = '重点帮扶对象可以更频繁：填天数；留空则与上面的周期相同。';

/** The 设置 rows this module owns, with defaults derived from `today` for the school calendar. */
export function contactSettingDefs(today: IsoDate): SettingDef[] {
  const usual = usualSchoolYear(today);
  const defs: SettingDef[] = [];
  for (const [kind, label] of Object.entries(CADENCE_LABELS) as [ContactKind, string][]) {
    defs.push({ label, defaultValue: DEFAULT_CADENCE[kind] ?? '', note: CADENCE_NOTES[kind] ?? '' });
  }
  for (const label of Object.values(KEY_FOCUS_LABELS)) defs.push({ label, defaultValue: '', note: KEY_FOCUS_NOTE });
  defs.push(
    { label: CALENDAR_LABELS.termStart, defaultValue: usual.termStart, note: '本学期第一天。从未记录的联系从这一天（或孩子入学之日）起算。' },
    { label: CALENDAR_LABELS.termEnd, defaultValue: usual.termEnd, note: '本学期最后一天。新学期开始时请更新这两项。' },
    { label: CALENDAR_LABELS.winter, defaultValue: rangeText(usual.winter), note: '寒假起止日期，如 2027-01-21~2027-02-19。放假期间谈心、家访等在校工作暂停，电话联系照常。' },
    { label: CALENDAR_LABELS.summer, defaultValue: rangeText(usual.summer), note: '暑假起止日期，写法同上。' },
    {
      label: CALENDAR_LABELS.holidays,
      defaultValue: '',
      note: '学校另外放假的日期，多个用分号隔开，范围用 ~ 连接，如 2026-11-20; 2027-10-01~2027-10-07。日历库没有法定节假日数据的年份，请在这里填写当年的法定假日。',
    },
    { label: CALENDAR_LABELS.makeUp, defaultValue: '', note: '调休上课的日期（周末上课），多个用分号隔开。日历库没有数据的年份请在这里填写。' },
  );
  return defs;
}

function rangeText(r: DateRange): string {
  return `${r.start}~${r.end}`;
}

/** Ops that create 设置 with the defaults when missing, or append the rows it lacks; values already there are kept. */
export function contactSettingsOps(workbook: WorkbookSnapshot, today: IsoDate): PlanOp[] {
  const defs = contactSettingDefs(today);
  const existing = readSettings(workbook);
  const sheetExists = workbook.sheets.some((s) => s.name === SHEETS.settings);
  const values = new Map<string, { value: CellValue; note?: string }>();
  if (sheetExists) for (const d of defs) if (!existing.has(d.label)) values.set(d.label, { value: d.defaultValue, note: d.note });
  return settingsOps(workbook, defs, values);
}

export interface ContactSettingsResult {
  readonly settings: ContactSettings;
  readonly findings: SheetFinding[];
}

const MAX_CADENCE_DAYS = 366;

/** Read the contact settings; an unreadable value gets a finding and its default, never a crash. */
export function readContactSettings(workbook: WorkbookSnapshot, today: IsoDate): ContactSettingsResult {
  const entries = readSettings(workbook);
  // readSettings reads an error value (#REF! …) as blank; here it must be reported, not mistaken for "no reminders".
  const sheet = findSheet(workbook, SHEETS.settings);
  if (sheet) for (const e of [...entries.values()]) if (e.value === null) entries.set(e.label, { ...e, value: cellAt(sheet, e.row, e.col) });
  const findings: SheetFinding[] = [];
  const usual = usualSchoolYear(today);

  function bad(label: string, rule: SheetFinding['rule'], key: string, extra: Record<string, string | number> = {}): void {
    const e = entries.get(label)!;
    findings.push({
      sheet: SHEETS.settings,
      row: e.row,
      col: e.col,
      rule,
      severity: 'warning',
      messageKey: key,
      params: { row: e.row + 1, label, value: shown(e.value), ...extra },
    });
  }

  const cadence: Partial<Record<ContactKind, Cadence>> = {};
  for (const [kind, label] of Object.entries(CADENCE_LABELS) as [ContactKind, string][]) {
    const fallback = parseCadence(DEFAULT_CADENCE[kind] ?? '');
    const e = entries.get(label);
    let c = e ? parseCadence(e.value) : fallback;
    if (c === 'invalid') {
      bad(label, 'setting-invalid', 'contacts.settings.cadenceInvalid', { fallback: cadenceText(fallback) });
      c = fallback;
    }
    if (c && c !== 'invalid') cadence[kind] = c;
  }
  const keyFocusCadence: Partial<Record<ContactKind, Cadence>> = {};
  for (const [kind, label] of Object.entries(KEY_FOCUS_LABELS) as [ContactKind, string][]) {
    const e = entries.get(label);
    if (!e) continue;
    const c = parseCadence(e.value);
    if (c === 'invalid') bad(label, 'setting-invalid', 'contacts.settings.cadenceInvalid', { fallback: cadenceText(cadence[kind] ?? null) });
    else if (c) keyFocusCadence[kind] = c;
  }

  function date(label: string, fallback: IsoDate): IsoDate {
    const e = entries.get(label);
    if (!e) return fallback;
    const r = parseDateCell(e.value);
    if (r.ok) return r.date;
    if (r.reason === 'blank') return fallback;
    bad(label, 'setting-invalid', 'contacts.settings.dateInvalid', { fallback });
    return fallback;
  }
  function ranges(label: string, fallback: DateRange[]): DateRange[] {
    const e = entries.get(label);
    if (!e || e.value === null || e.value === '') return fallback;
    const r = parseDateRanges(isCellError(e.value) ? null : e.value);
    if (r) return r;
    bad(label, 'setting-invalid', 'contacts.settings.rangesInvalid', { fallback: fallback.map(rangeText).join('; ') || '—' });
    return fallback;
  }

  let termStart = date(CALENDAR_LABELS.termStart, usual.termStart);
  let termEnd = date(CALENDAR_LABELS.termEnd, usual.termEnd);
  if (termEnd <= termStart) {
    const e = entries.get(CALENDAR_LABELS.termEnd) ?? entries.get(CALENDAR_LABELS.termStart);
    findings.push({
      sheet: SHEETS.settings,
      row: e?.row ?? 0,
      col: e?.col ?? 1,
      rule: 'setting-term-order',
      severity: 'warning',
      messageKey: 'contacts.settings.termOrder',
      params: { row: (e?.row ?? 0) + 1, start: termStart, end: termEnd, usualStart: usual.termStart, usualEnd: usual.termEnd },
    });
    [termStart, termEnd] = [usual.termStart, usual.termEnd];
  } else if (today >= nextUsualTermStart(termEnd)) {
    const e = entries.get(CALENDAR_LABELS.termEnd);
    findings.push({
      sheet: SHEETS.settings,
      row: e?.row ?? 0,
      col: e?.col ?? 1,
      rule: 'setting-term-stale',
      severity: 'warning',
      messageKey: 'contacts.settings.termStale',
      params: { row: (e?.row ?? 0) + 1, start: termStart, end: termEnd },
    });
  }
  const vacations = [...ranges(CALENDAR_LABELS.winter, [usual.winter]), ...ranges(CALENDAR_LABELS.summer, [usual.summer])];
  const extraHolidays = ranges(CALENDAR_LABELS.holidays, []);
  const makeUpDays = ranges(CALENDAR_LABELS.makeUp, []).flatMap(expand);
  return { settings: { cadence, keyFocusCadence, terms: { termStart, termEnd, vacations, extraHolidays, makeUpDays } }, findings };
}

function expand(r: DateRange): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = dayNumber(r.start); d <= dayNumber(r.end) && out.length < 400; d++) out.push(fromDayNumber(d));
  return out;
}

/** A cadence from a cell: 7, '7', '7天', '每周', '每两周', '每月', '每学期'; null for blank (no reminders). */
export function parseCadence(value: CellValue): Cadence | null | 'invalid' {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_CADENCE_DAYS ? { days: value } : 'invalid';
  if (typeof value !== 'string') return 'invalid';
  const s = value.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return null;
  const words: Record<string, Cadence> = {
    每周: { days: 7 },
    每周一次: { days: 7 },
    一周: { days: 7 },
    每两周: { days: 14 },
    两周: { days: 14 },
    每两周一次: { days: 14 },
    每月: { days: 30 },
    每月一次: { days: 30 },
    每学期: { perTerm: true },
    每学期一次: { perTerm: true },
    学期: { perTerm: true },
    一学期一次: { perTerm: true },
  };
  if (words[s]) return words[s];
  const m = /^每?(\d{1,3})天?(一次)?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= MAX_CADENCE_DAYS ? { days: n } : 'invalid';
  }
  return 'invalid';
}

function cadenceText(c: Cadence | null | 'invalid'): string {
  if (!c || c === 'invalid') return '—';
  return 'days' in c ? String(c.days) : PER_TERM;
}

function shown(v: CellValue): string {
  if (v === null) return '';
  const s = typeof v === 'object' ? v.error : String(v);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
