import { weekdayOf } from '../calendar/school';
import type { CalendarNote } from '../calendar/types';
import { dayNumber, type IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import { dateCell, type PlanCell, type PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import { recordKey } from '../roster/types';
import type { Msg, ReminderItem } from './build';
import type { ReminderStatus } from './status';

export function renderMsg(lang: Lang, msg: Msg): string {
  const params = { ...(msg.params ?? {}) };
  for (const [name, key] of Object.entries(msg.refs ?? {})) params[name] = t(lang, key);
  return t(lang, msg.key, params);
}

export function statusText(lang: Lang, status: ReminderStatus): string {
  return t(lang, `reminders.status.${status}`);
}

export function ownerText(lang: Lang, item: ReminderItem): string {
  if (item.owner) return item.owner;
  return t(lang, `reminders.owner.${item.ownerRole}`);
}

export function calendarNoteText(lang: Lang, note: CalendarNote): string {
  return t(lang, 'reminders.noHolidayData', { year: note.year });
}

export const REMINDER_COLUMNS = ['status', 'due', 'child', 'class', 'what', 'owner', 'notes'] as const;
const WIDTHS = [8, 12, 10, 10, 30, 12, 60];
const FILLS: Partial<Record<ReminderStatus, { fill: string; font: string }>> = {
  overdue: { fill: '#FDE2E1', font: '#9C0006' },
  today: { fill: '#FFF4CE', font: '#7A4B00' },
};

/** Above this many items the sheet opens with one overview row per class (a large school's 250,000 rows are unreadable as a list). */
export const OVERVIEW_FROM = 1000;

const CLASS_ORDER = new Intl.Collator('zh-CN', { numeric: true });

/**
 * One row per class, above the items and in the same table: 状态 says 汇总, 事项 gives the class's
 * counts, so filtering 班级 shows a class's overview and its items together, and 负责人 its teachers'.
 */
function classOverview(items: readonly ReminderItem[], lang: Lang): PlanCell[][] {
  const byClass = new Map<string, { total: number; overdue: number; week: number }>();
  for (const it of items) {
    if (!it.child) continue;
    const label = it.child.classLabel ?? '';
    let c = byClass.get(label);
    if (!c) byClass.set(label, (c = { total: 0, overdue: 0, week: 0 }));
    c.total++;
    if (it.status === 'overdue') c.overdue++;
    else if (it.status === 'today' || it.status === 'thisWeek') c.week++;
  }
  const status = t(lang, 'reminders.overview.status');
  return [...byClass]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : CLASS_ORDER.compare(a, b)))
    .map(([label, c]) => [status, null, '', label, t(lang, 'reminders.overview.class', c), '', '']);
}

/** The 提醒事项 sheet, rebuilt every run: a title line with today's date and any calendar warning, then the items. */
export function remindersSheetOp(items: readonly ReminderItem[], lang: Lang, today: IsoDate, calendarNotes: readonly CalendarNote[]): PlanOp {
  const sep = t(lang, 'reminders.noteSeparator');
  const titleLines = [
    t(lang, 'reminders.title', { today, weekday: t(lang, `reminders.weekday.${weekdayOf(dayNumber(today))}`), count: items.length }),
    ...calendarNotes.map((n) => calendarNoteText(lang, n)),
  ];
  // Thousands of rows share a few dozen fixed texts: render each once. Messages with parameters are
  // shared objects when their values repeat (buildReminders' contact notes): render each object once.
  const fixed = new Map<string, string>();
  const withParams = new Map<Msg, string>();
  const render = (m: Msg) => {
    if (m.params) {
      let text = withParams.get(m);
      if (text === undefined) withParams.set(m, (text = renderMsg(lang, m)));
      return text;
    }
    const key = m.refs ? `${m.key}|${JSON.stringify(m.refs)}` : m.key;
    let text = fixed.get(key);
    if (text === undefined) fixed.set(key, (text = renderMsg(lang, m)));
    return text;
  };
  const overview = items.length > OVERVIEW_FROM ? classOverview(items, lang) : [];
  if (overview.length) titleLines.push(t(lang, 'reminders.overview.hint', { classes: overview.length }));
  // A status's or a role's text, once each rather than once a row.
  const texts = new Map<string, string>();
  const once = (key: string) => {
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = t(lang, key)));
    return text;
  };
  // Cells are read, never changed: one date cell per distinct day (a few hundred for 100,000 rows).
  const dates = new Map<string, PlanCell>();
  const dueCell = (due: IsoDate) => {
    let cell = dates.get(due);
    if (cell === undefined) dates.set(due, (cell = dateCell(due)));
    return cell;
  };
  // A joined 事项 or 说明 is mostly one of a few texts (every child never talked to has the same five
  // kinds and the same note): one string each, not a copy per row held until the sheet is written
  // (10 MB at 50,000 children).
  const joined = new Map<string, string>();
  const shared = (text: string) => {
    const held = joined.get(text);
    if (held !== undefined) return held;
    joined.set(text, text);
    return text;
  };
  const line = (it: ReminderItem, what: string, notes: string): PlanCell[] => [
    once(`reminders.status.${it.status}`),
    dueCell(it.due),
    it.child?.name ?? '',
    it.child?.classLabel ?? '',
    what,
    it.owner || once(`reminders.owner.${it.ownerRole}`),
    notes,
  ];
  let rows: PlanCell[][];
  if (overview.length) {
    // A large school: a child's contact items of one urgency and one responsible person share a row
    // (谈心、家长电话、家访 … all overdue is one line, not five), at its earliest due date, so 50,000
    // children give about 50,000 rows rather than 250,000. Other items keep a row each.
    const groups = new Map<string, { first: ReminderItem; whats: string[]; notes: string[] }>();
    const list: { first: ReminderItem; whats: string[]; notes: string[] }[] = [];
    for (const it of items) {
      const key = it.kind === 'contact' && it.child ? `${recordKey(it.child)}|${it.status}|${it.owner}|${it.ownerRole}` : undefined;
      let g = key === undefined ? undefined : groups.get(key);
      if (!g) {
        g = { first: it, whats: [], notes: [] };
        list.push(g);
        if (key !== undefined) groups.set(key, g);
      }
      g.whats.push(render(it.what));
      for (const n of it.notes) {
        const text = render(n);
        if (!g.notes.includes(text)) g.notes.push(text);
      }
    }
    const kindSeparator = t(lang, 'reminders.kindSeparator');
    rows = list.map((g) => line(g.first, shared(g.whats.join(kindSeparator)), shared(g.notes.join(sep))));
  } else {
    rows = items.map((it) => line(it, render(it.what), shared(it.notes.map(render).join(sep))));
  }
  return {
    kind: 'replaceSheet',
    sheet: SHEETS.reminders,
    content: {
      titleLines,
      // 截止日期 is a real date so the teacher can sort and filter by it; the rest is text.
      columns: REMINDER_COLUMNS.map((c, i) => ({ header: t(lang, `reminders.column.${c}`), width: WIDTHS[i], format: c === 'due' ? ('date' as const) : ('text' as const) })),
      rows: overview.length ? [...overview, ...rows] : rows,
      table: { name: 'RemindersTable', style: 'TableStyleLight9' },
      highlights: (Object.entries(FILLS) as [ReminderStatus, { fill: string; font: string }][]).map(([s, f]) => ({
        col: 0,
        equals: statusText(lang, s),
        fill: f.fill,
        font: f.font,
      })),
      freezeHeader: true,
    },
  };
}

export interface TodayView {
  readonly teacher: string;
  /** The teacher's child items past due. */
  readonly overdue: number;
  /** The teacher's child items due today or later this week. */
  readonly dueThisWeek: number;
  /** The teacher's items and the school-wide ones, in the sheet's order. */
  readonly items: readonly ReminderItem[];
}

/** What the pane's 今日 view shows for one teacher. */
export function todayView(items: readonly ReminderItem[], teacher: string): TodayView {
  const who = teacher.normalize('NFKC').replace(/\s+/g, '');
  const mine = (it: ReminderItem) => it.owner !== '' && it.owner.normalize('NFKC').replace(/\s+/g, '') === who;
  const list = items.filter((it) => mine(it) || it.child === null);
  let overdue = 0;
  let dueThisWeek = 0;
  for (const it of items) {
    if (!mine(it)) continue;
    if (it.status === 'overdue') overdue++;
    else if (it.status === 'today' || it.status === 'thisWeek') dueThisWeek++;
  }
  return { teacher, overdue, dueThisWeek, items: list };
}
