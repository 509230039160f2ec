import { buildSchoolCalendar, type SchoolCalendar } from '../calendar/school';
import { calendarNotes, type CalendarNote, type ChineseCalendar } from '../calendar/types';
import { dayNumber, daysInMonth, fromDayNumber, isLeapYear, parseIso, toIso, type IsoDate } from '../dates';
import type { Params } from '../i18n';
import type { ChildRecord, LogEntry } from '../contacts/log';
import { recordKey } from '../roster/types';
import { KIND_IDS, pausesOffSchool, type ContactKind } from '../contacts/kinds';
import type { Cadence, ContactSettings } from '../contacts/settings';
import { LOOKAHEAD_DAYS, QUARTERLY_MEETING_KEY, YEARLY_SCHEDULE, festivalNameKey, festivalSuggestionKey, quarterlyMeetingMonth } from './plans';
import { statusOfDay, statusRank, weekWindow, type ReminderStatus, type WeekWindow } from './status';

export type ReminderKind = 'contact' | 'followUp' | 'birthday' | 'festival' | 'schoolDay' | 'schedule' | 'meeting';
export type OwnerRole = 'mentor' | 'classTeacher' | 'recorder' | 'school' | 'leadership' | 'unassigned';

/** Text to render later in the user's language. */
export interface Msg {
  readonly key: string;
  readonly params?: Params;
  /** Parameters that are themselves message keys (a kind's or a holiday's name), rendered first. */
  readonly refs?: Readonly<Record<string, string>>;
}

export interface ReminderItem {
  readonly kind: ReminderKind;
  readonly status: ReminderStatus;
  readonly due: IsoDate;
  /** The child, for child items; null for school-wide ones. */
  readonly child: { readonly row: number; readonly sheet?: string; readonly name: string; readonly classLabel: string | null } | null;
  readonly contactKind: ContactKind | null;
  /** The responsible person's name; '' for the whole school, the leadership group or nobody yet. */
  readonly owner: string;
  readonly ownerRole: OwnerRole;
  readonly what: Msg;
  readonly notes: readonly Msg[];
  /** The 谈心记录 row of a follow-up, so the pane can go to it. */
  readonly logRow?: number;
}

export interface ReminderInput {
  readonly today: IsoDate;
  readonly children: readonly ChildRecord[];
  /** Parsed 谈心记录 rows; `child` indexes `children`. */
  readonly log: readonly LogEntry[];
  readonly settings: ContactSettings;
  readonly calendar: ChineseCalendar;
  /** recordKey(child) (its sheet and row) -> the child's mentor (帮扶教师) from 结对帮扶. */
  readonly mentorByChild: ReadonlyMap<string, string>;
  /** Class label -> its class teacher (班主任) from 帮扶人员. */
  readonly classTeachers: ReadonlyMap<string, string>;
  /**
   * Items from elsewhere (the school's life, 帮扶计划's reviews), sorted in with these: one sort of all,
   * the order `sortItems([...built, ...extra])` gives (equal items: these first, then `extra` as given).
   */
  readonly extraItems?: readonly ReminderItem[];
}

export interface ReminderResult {
  readonly items: ReminderItem[];
  readonly calendarNotes: CalendarNote[];
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Every reminder for today, sorted by urgency, then date, class and name. */
export function buildReminders(input: ReminderInput): ReminderResult {
  const { today, settings, calendar } = input;
  const week = weekWindow(today);
  const school = buildSchoolCalendar(settings.terms, calendar);
  const items: ReminderItem[] = [];

  // A child has several items (five contact kinds, a birthday, follow-ups): its reference and its owner
  // are built once and shared by them, which matters when the plan holds 250,000 items.
  const owners = new Map<ChildRecord, { owner: string; ownerRole: OwnerRole }>();
  const owner = (child: ChildRecord): { owner: string; ownerRole: OwnerRole } => {
    let found = owners.get(child);
    if (found) return found;
    const mentor = input.mentorByChild.get(recordKey(child));
    const teacher = mentor || !child.classLabel ? undefined : input.classTeachers.get(child.classLabel);
    found = mentor ? { owner: mentor, ownerRole: 'mentor' } : teacher ? { owner: teacher, ownerRole: 'classTeacher' } : { owner: '', ownerRole: 'unassigned' };
    owners.set(child, found);
    return found;
  };
  const refs = new Map<ChildRecord, NonNullable<ReminderItem['child']>>();
  const childRef = (c: ChildRecord) => {
    let found = refs.get(c);
    if (!found) refs.set(c, (found = { row: c.row, name: c.name, classLabel: c.classLabel, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}) }));
    return found;
  };

  contactItems(input, school, week, owner, childRef, items);
  followUpItems(input, week, owner, childRef, items);
  birthdayItems(input, week, owner, childRef, items);
  calendarItems(input, school, week, items);
  if (input.extraItems) for (const it of input.extraItems) items.push(it);

  const sorted = sortItems(items);
  const lastDay = fromDayNumber(Math.max(dayNumber(settings.terms.termEnd), week.today + LOOKAHEAD_DAYS));
  const firstDay = settings.terms.termStart < today ? settings.terms.termStart : today;
  return { items: sorted, calendarNotes: calendarNotes(calendar, firstDay, lastDay) };
}

/**
 * The same order as compareItems, faster for thousands of items: classes and names are ranked once
 * with the collator, then compared as numbers.
 */
export function sortItems(items: readonly ReminderItem[]): ReminderItem[] {
  const rank = (values: string[]) => {
    const unique = [...new Set(values)].sort(collator.compare);
    return new Map(unique.map((v, i) => [v, i]));
  };
  const classRank = rank(items.map((i) => i.child?.classLabel ?? ''));
  const nameRank = rank(items.map((i) => i.child?.name ?? ''));
  const keyed = items.map((it) => ({
    it,
    s: statusRank(it.status),
    c: classRank.get(it.child?.classLabel ?? '')!,
    n: nameRank.get(it.child?.name ?? '')!,
    k: KIND_ORDER.indexOf(it.kind) * 100 + (it.contactKind ? KIND_IDS.indexOf(it.contactKind) : 0),
  }));
  keyed.sort((a, b) => a.s - b.s || (a.it.due < b.it.due ? -1 : a.it.due > b.it.due ? 1 : 0) || a.c - b.c || a.n - b.n || a.k - b.k);
  return keyed.map((x) => x.it);
}

export function compareItems(a: ReminderItem, b: ReminderItem): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    collator.compare(a.child?.classLabel ?? '', b.child?.classLabel ?? '') ||
    collator.compare(a.child?.name ?? '', b.child?.name ?? '') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.contactKind ? KIND_IDS.indexOf(a.contactKind) : -1) - (b.contactKind ? KIND_IDS.indexOf(b.contactKind) : -1)
  );
}
const KIND_ORDER: readonly ReminderKind[] = ['contact', 'followUp', 'birthday', 'festival', 'schoolDay', 'schedule', 'meeting'];

type OwnerOf = (c: ChildRecord) => { owner: string; ownerRole: OwnerRole };
type RefOf = (c: ChildRecord) => NonNullable<ReminderItem['child']>;

function cadenceFor(settings: ContactSettings, kind: ContactKind, keyFocus: boolean): Cadence | undefined {
  return (keyFocus ? settings.keyFocusCadence[kind] : undefined) ?? settings.cadence[kind];
}

/**
 * Due = last done + cadence; never done: from term start, or from joining when later. Once-a-term kinds
 * are due halfway through what is left of the term when not yet done this term. School-based kinds
 * move to the next school day.
 */
function contactItems(input: ReminderInput, school: SchoolCalendar, week: WeekWindow, ownerOf: OwnerOf, ref: RefOf, out: ReminderItem[]): void {
  const { children, settings, log } = input;
  const kinds = KIND_IDS.filter((k) => settings.cadence[k] || settings.keyFocusCadence[k]);
  if (!kinds.length) return;
  const slot = new Map(kinds.map((k, i) => [k, i]));
  const last = new Int32Array(children.length * kinds.length).fill(-2147483648);
  for (const e of log) {
    const s = slot.get(e.kind);
    if (s === undefined) continue;
    const at = e.child * kinds.length + s;
    if (e.day > last[at]) last[at] = e.day;
  }
  const termStart = dayNumber(settings.terms.termStart);
  const termEnd = dayNumber(settings.terms.termEnd);
  // Items are read, never changed: equal texts, dates and note lists are built once and shared.
  const shared = sharedMessages(week);
  const what = new Map(kinds.map((k) => [k, { key: `reminders.contact.${k}` }]));
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const joined = child.joinDate && parseIso(child.joinDate) ? dayNumber(child.joinDate) : -Infinity;
    const base = Math.max(termStart, joined);
    for (let s = 0; s < kinds.length; s++) {
      const kind = kinds[s];
      const cadence = cadenceFor(settings, kind, child.keyFocus);
      if (!cadence) continue;
      const lastDay = last[i * kinds.length + s];
      const done = lastDay !== -2147483648;
      let due: number;
      if ('days' in cadence) due = (done ? lastDay : base) + cadence.days;
      else {
        if (done && lastDay >= termStart) continue; // visited this term: next due next term
        due = base + Math.max(0, Math.floor((termEnd - base) / 2));
      }
      if (pausesOffSchool(kind)) due = school.nextSchoolDayNumber(due) ?? due;
      if (due > week.endNextWeek) continue;
      const status = statusOfDay(due, week);
      const notes = shared.notes(done ? lastDay : null, base, status === 'overdue' ? week.today - due : null, !!(child.keyFocus && settings.keyFocusCadence[kind]));
      out.push({ kind: 'contact', status, due: shared.iso(due), child: ref(child), contactKind: kind, ...ownerOf(child), what: what.get(kind)!, notes });
    }
  }
}

/** Contact items' dates and note lists, one object per distinct value (a few hundred for 50,000 children). */
function sharedMessages(week: WeekWindow) {
  const isoOf = new Map<number, IsoDate>();
  const iso = (day: number): IsoDate => {
    let found = isoOf.get(day);
    if (found === undefined) isoOf.set(day, (found = fromDayNumber(day)));
    return found;
  };
  const lists = new Map<string, readonly Msg[]>();
  const keyFocus: Msg = { key: 'reminders.note.keyFocus' };
  /** lastDay: the last time done, null if never (then counted from base); overdue: days past due, null if not. */
  const notes = (lastDay: number | null, base: number, overdue: number | null, keyFocusNote: boolean): readonly Msg[] => {
    const key = `${lastDay ?? `n${base}`}|${overdue ?? ''}|${keyFocusNote ? 1 : 0}`;
    let found = lists.get(key);
    if (found) return found;
    const list: Msg[] = [
      lastDay !== null
        ? { key: 'reminders.note.lastDone', params: { date: iso(lastDay), days: week.today - lastDay } }
        : { key: 'reminders.note.never', params: { date: iso(base) } },
    ];
    if (overdue !== null) list.push({ key: 'reminders.note.overdueDays', params: { days: overdue } });
    if (keyFocusNote) list.push(keyFocus);
    lists.set(key, (found = list));
    return found;
  };
  return { iso, notes };
}

/** Open follow-ups (需跟进 = 是) by their deadline, whoever wrote them first. */
function followUpItems(input: ReminderInput, week: WeekWindow, ownerOf: OwnerOf, ref: RefOf, out: ReminderItem[]): void {
  for (const e of input.log) {
    if (!e.followUp || !e.followUpDue) continue;
    const child = input.children[e.child];
    const due = dayNumber(e.followUpDue);
    const who = e.recorder ? { owner: e.recorder, ownerRole: 'recorder' as const } : ownerOf(child);
    const snippet = e.content.length > 40 ? `${e.content.slice(0, 40)}…` : e.content;
    out.push({
      kind: 'followUp',
      status: statusOfDay(due, week),
      due: e.followUpDue,
      child: ref(child),
      contactKind: e.kind,
      ...who,
      what: { key: 'reminders.followUp', refs: { kind: `reminders.kind.${e.kind}` } },
      notes: [{ key: 'reminders.note.followUpFrom', params: { date: e.date, row: e.row + 1, content: snippet } }, { key: 'reminders.note.followUpClose' }],
      logRow: e.row,
    });
  }
}

/**
 * Birthdays in the next two weeks (plan 5: 给留守儿童过生日). The roster's birth date is the solar one
 * (the ID card's); a child marked 农历 celebrates on the same lunar month and day each year (a birth in
 * a leap month is celebrated in the regular month of that number, as families do).
 */
function birthdayItems(input: ReminderInput, week: WeekWindow, ownerOf: OwnerOf, ref: RefOf, out: ReminderItem[]): void {
  const thisYear = Number(fromDayNumber(week.today).slice(0, 4));
  const horizon = week.today + LOOKAHEAD_DAYS;
  for (const child of input.children) {
    const b = child.birthDate ? parseIso(child.birthDate) : null;
    if (!b) continue;
    const lunar = child.lunarBirthday ? input.calendar.solarToLunar(child.birthDate!) : null;
    const born = lunar ?? { year: b.y, month: b.m, day: b.d };
    for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
      if (year <= born.year) continue;
      let date: IsoDate | null;
      if (lunar) date = input.calendar.lunarToSolar(year, lunar.month, lunar.day);
      else date = b.m === 2 && b.d === 29 && !isLeapYear(year) ? toIso(year, 2, 28) : toIso(year, b.m, b.d);
      if (!date) continue;
      const day = dayNumber(date);
      if (day < week.today || day > horizon) continue;
      const notes: Msg[] = [
        { key: lunar ? 'reminders.note.birthdayLunar' : 'reminders.note.birthdaySolar', params: { age: year - born.year, month: born.month, day: born.day } },
        { key: 'reminders.suggest.birthday' },
      ];
      out.push({
        kind: 'birthday',
        status: statusOfDay(day, week),
        due: date,
        child: ref(child),
        contactKind: null,
        ...ownerOf(child),
        what: { key: 'reminders.birthday' },
        notes,
      });
    }
  }
}

/** Festivals, holidays, make-up days, term dates, the yearly schedule and the quarterly meeting. */
function calendarItems(input: ReminderInput, school: SchoolCalendar, week: WeekWindow, out: ReminderItem[]): void {
  const { calendar, settings } = input;
  const horizon = week.today + LOOKAHEAD_DAYS;
  const first = fromDayNumber(week.today);
  const y0 = Number(first.slice(0, 4));
  const years = y0 === Number(fromDayNumber(horizon).slice(0, 4)) ? [y0] : [y0, y0 + 1];
  const inWindow = (d: IsoDate) => {
    const n = dayNumber(d);
    return n >= week.today && n <= horizon;
  };
  const schoolWide = (kind: ReminderKind, due: IsoDate, what: Msg, notes: Msg[], role: OwnerRole = 'school'): ReminderItem => ({
    kind,
    status: statusOfDay(dayNumber(due), week),
    due,
    child: null,
    contactKind: null,
    owner: '',
    ownerRole: role,
    what,
    notes,
  });

  for (const y of years) {
    for (const f of calendar.festivals(y)) {
      if (!inWindow(f.date)) continue;
      out.push(schoolWide('festival', f.date, { key: festivalNameKey(f.key) }, [{ key: festivalSuggestionKey(f.key) }]));
    }
    const days = calendar.statutoryDays(y);
    if (days) {
      // One item per break (its first day off) and one per make-up working day.
      for (let i = 0; i < days.length; i++) {
        const d = days[i];
        if (d.workday) {
          if (inWindow(d.date))
            out.push(schoolWide('schoolDay', d.date, { key: 'reminders.makeUpDay', refs: { holiday: `reminders.holiday.${d.holiday}` } }, [{ key: 'reminders.note.makeUpDay' }]));
          continue;
        }
        const prev = days[i - 1];
        if (prev && !prev.workday && dayNumber(prev.date) === dayNumber(d.date) - 1) continue;
        let end = i;
        while (end + 1 < days.length && !days[end + 1].workday && dayNumber(days[end + 1].date) === dayNumber(days[end].date) + 1) end++;
        if (inWindow(d.date))
          out.push(
            schoolWide(
              'schoolDay',
              d.date,
              { key: 'reminders.holidayBreak', params: { start: d.date, end: days[end].date }, refs: { holiday: `reminders.holiday.${d.holiday}` } },
              [{ key: 'reminders.note.holidayBreak' }],
            ),
          );
      }
    }
  }
  for (const r of settings.terms.extraHolidays) {
    if (inWindow(r.start))
      out.push(schoolWide('schoolDay', r.start, { key: 'reminders.schoolHoliday', params: { start: r.start, end: r.end } }, [{ key: 'reminders.note.holidayBreak' }]));
  }
  for (const d of settings.terms.makeUpDays) {
    if (inWindow(d)) out.push(schoolWide('schoolDay', d, { key: 'reminders.schoolMakeUpDay' }, [{ key: 'reminders.note.makeUpDay' }]));
  }
  for (const v of settings.terms.vacations) {
    if (inWindow(v.start))
      out.push(schoolWide('schoolDay', v.start, { key: 'reminders.vacationStart', params: { start: v.start, end: v.end } }, [{ key: 'reminders.note.vacationStart' }]));
  }
  if (inWindow(school.termStart)) out.push(schoolWide('schoolDay', school.termStart, { key: 'reminders.termStart' }, [{ key: 'reminders.note.termStart' }]));
  if (inWindow(school.termEnd)) out.push(schoolWide('schoolDay', school.termEnd, { key: 'reminders.termEnd' }, [{ key: 'reminders.note.termEnd' }]));

  // Plan 3's monthly work: this month's task (due at its end) and next month's once it is near.
  const t = parseIso(first)!;
  const months: [number, number][] = [[t.y, t.m], t.m === 12 ? [t.y + 1, 1] : [t.y, t.m + 1]];
  months.forEach(([y, m], i) => {
    const key = YEARLY_SCHEDULE[m];
    if (!key) return;
    if (i === 1 && dayNumber(toIso(y, m, 1)) > horizon) return;
    out.push(schoolWide('schedule', toIso(y, m, daysInMonth(y, m)), { key }, [{ key: 'reminders.note.schedule', params: { month: m } }]));
  });
  // Plan 5: the leadership group meets once a quarter: shown in the quarter's meeting month (its first,
  // or the first outside the vacations), due by that month's end; never in the other two months.
  const quarter = Math.ceil(t.m / 3);
  if (quarterlyMeetingMonth(t.y, quarter, settings.terms.vacations) === t.m) {
    out.push(schoolWide('meeting', toIso(t.y, t.m, daysInMonth(t.y, t.m)), { key: QUARTERLY_MEETING_KEY, params: { quarter } }, [{ key: 'reminders.note.meeting' }], 'leadership'));
  }
}
