/**
 * 提醒事项 items from the school's life (issue 17), added beside buildReminders' own: children with no
 * activity this term once half of it is over (plan 3: 活动上优先安排; one line for the school when 活动记录
 * names no child this term), the month's birthdays as one 生日会
 * (plan 5: 给留守儿童过生日), and mentors with no training this school year (plan 1: 参与帮扶的教师要经过培训).
 * Pure: the caller passes what it read; items are sorted with the others by sortItems.
 */
import type { ChineseCalendar } from '../calendar/types';
import type { ChildRecord } from '../contacts/log';
import { dayNumber, daysInMonth, parseIso, toIso, type IsoDate } from '../dates';
import { schoolYearStart } from '../roster/normalize';
import { recordKey } from '../roster/types';
import type { OwnerRole, ReminderItem } from './build';
import { statusOf } from './status';

export interface LifeReminderInput {
  readonly today: IsoDate;
  readonly termStart: IsoDate;
  readonly termEnd: IsoDate;
  readonly children: readonly ChildRecord[];
  /** Dates and children (indexes into `children`) of the 活动记录 rows. */
  readonly activities: readonly { readonly date: IsoDate; readonly children: readonly number[] }[];
  /** Dates and teachers (normalised names) of the 培训记录 rows. */
  readonly training: readonly { readonly date: IsoDate; readonly teachers: readonly string[] }[];
  /** Mentors on 帮扶人员 who are adults (students are helpers, not trained). */
  readonly mentors: readonly { readonly name: string; readonly kind: string }[];
  readonly calendar: ChineseCalendar;
  /** The child (recordKey: sheet and row) -> its mentor; class label -> its class teacher (as buildReminders takes them). */
  readonly mentorByChild: ReadonlyMap<string, string>;
  readonly classTeachers: ReadonlyMap<string, string>;
}

export function lifeReminderItems(input: LifeReminderInput): ReminderItem[] {
  const { today } = input;
  const t = parseIso(today)!;
  const monthEnd = toIso(t.y, t.m, daysInMonth(t.y, t.m));
  const out: ReminderItem[] = [];
  const item = (
    due: IsoDate,
    what: ReminderItem['what'],
    notes: ReminderItem['notes'],
    owner = '',
    ownerRole: OwnerRole = 'school',
    child: ReminderItem['child'] = null,
  ): ReminderItem => ({
    kind: 'schedule',
    status: statusOf(due, today),
    due,
    child,
    contactKind: null,
    owner,
    ownerRole,
    what,
    notes,
  });

  // Half the term gone and still in no activity: due at the term's end, so it stays in view until then.
  const start = dayNumber(input.termStart);
  const end = dayNumber(input.termEnd);
  const now = dayNumber(today);
  if (now >= start + (end - start) / 2 && now <= end) out.push(...noActivityItems(input));

  // One 生日会 for the month's birthdays (a lunar birthday counts in the month it falls in this year).
  let birthdays = 0;
  for (const c of input.children) {
    const b = c.birthDate ? parseIso(c.birthDate) : null;
    if (!b) continue;
    let month = b.m;
    if (c.lunarBirthday) {
      const lunar = input.calendar.solarToLunar(c.birthDate!);
      const solar = lunar ? input.calendar.lunarToSolar(t.y, lunar.month, lunar.day) : null;
      month = solar ? parseIso(solar)!.m : b.m;
    }
    if (month === t.m) birthdays++;
  }
  if (birthdays > 0) out.push(item(monthEnd, { key: 'reminders.life.birthdayParty', params: { count: birthdays, month: t.m } }, [{ key: 'reminders.life.birthdayPartyNote' }]));

  // Mentors untrained this school year (from 1 September).
  const yearStart = toIso(schoolYearStart(today), 9, 1);
  const trained = new Set<string>();
  for (const tr of input.training) if (tr.date >= yearStart && tr.date <= today) for (const n of tr.teachers) trained.add(n);
  for (const m of input.mentors) {
    if (m.kind === '学生' || trained.has(m.name)) continue;
    out.push(item(monthEnd, { key: 'reminders.life.mentorTraining' }, [{ key: 'reminders.life.mentorTrainingNote' }], m.name, 'mentor'));
  }
  return out;
}

/**
 * The children in no activity this term. When 活动记录 names no child at all this term (the school keeps
 * no activity log, or has not written this term's), that is one item for the school, not one per child
 * (50,000 rows saying the same thing at a large school): the children who missed out can only be told
 * apart once some took part. Otherwise one item per child left out, owned by their mentor or class teacher.
 */
function noActivityItems(input: LifeReminderInput): ReminderItem[] {
  const taking = new Set<number>();
  for (const a of input.activities) if (a.date >= input.termStart && a.date <= input.today) for (const c of a.children) taking.add(c);
  const status = statusOf(input.termEnd, input.today);
  if (taking.size === 0) {
    if (input.children.length === 0) return [];
    return [
      {
        kind: 'schedule',
        status,
        due: input.termEnd,
        child: null,
        contactKind: null,
        owner: '',
        ownerRole: 'school',
        what: { key: 'reminders.life.noActivityLogged', params: { count: input.children.length } },
        notes: [{ key: 'reminders.life.noActivityLoggedNote' }],
      },
    ];
  }
  // Up to one item per child: the status, text and note are the same for all of them, built once.
  const what: ReminderItem['what'] = { key: 'reminders.life.noActivity' };
  const notes: ReminderItem['notes'] = [{ key: 'reminders.life.noActivityNote' }];
  const out: ReminderItem[] = [];
  input.children.forEach((c, i) => {
    if (taking.has(i)) return;
    const mentor = input.mentorByChild.get(recordKey(c));
    const teacher = c.classLabel ? input.classTeachers.get(c.classLabel) : undefined;
    const [owner, ownerRole]: [string, OwnerRole] = mentor ? [mentor, 'mentor'] : teacher ? [teacher, 'classTeacher'] : ['', 'unassigned'];
    const child = { row: c.row, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}), name: c.name, classLabel: c.classLabel };
    out.push({ kind: 'schedule', status, due: input.termEnd, child, contactKind: null, owner, ownerRole, what, notes });
  });
  return out;
}
