import { recordKey } from '../roster/types';
import { createTymeCalendar } from '../calendar/tyme';
import type { ChineseCalendar } from '../calendar/types';
import type { ChildRecord, LogEntry } from '../contacts/log';
import { addDays, dayNumber } from '../dates';
import type { ContactKind } from '../contacts/kinds';
import type { ContactSettings } from '../contacts/settings';
import { t } from '../i18n';
import '../i18n/all';
import fc from 'fast-check';
import { buildSchoolCalendar } from '../calendar/school';
import { buildReminders, compareItems, sortItems, type ReminderInput, type ReminderItem } from './build';
import { renderMsg } from './sheet';
import { statusOf } from './status';

const tyme = createTymeCalendar();
const bare: ChineseCalendar = { lunarToSolar: () => null, solarToLunar: () => null, festivals: () => [], statutoryDays: () => [] };

const SETTINGS: ContactSettings = {
  cadence: { talk: { days: 7 }, parentCall: { days: 14 }, guardianContact: { days: 7 }, familyCall: { days: 7 }, homeVisit: { perTerm: true } },
  keyFocusCadence: {},
  terms: {
    termStart: '2026-09-01',
    termEnd: '2027-01-20',
    vacations: [
      { start: '2027-01-21', end: '2027-02-19' },
      { start: '2027-07-11', end: '2027-08-31' },
    ],
    extraHolidays: [],
    makeUpDays: [],
  },
};

function child(name: string, classLabel: string | null, row: number, extra: Partial<ChildRecord> = {}): ChildRecord {
  return { row, name, classLabel, birthDate: null, lunarBirthday: false, joinDate: null, keyFocus: false, ...extra };
}
function entry(childIndex: number, kind: ContactKind, date: string, extra: Partial<LogEntry> = {}): LogEntry {
  return { row: 10, date, day: dayNumber(date), child: childIndex, kind, target: '学生', recorder: '', content: '', followUp: false, followUpDue: null, ...extra };
}
function run(today: string, children: ChildRecord[], log: LogEntry[] = [], over: Partial<ReminderInput> = {}) {
  return buildReminders({ today, children, log, settings: SETTINGS, calendar: tyme, mentorByChild: new Map(), classTeachers: new Map(), ...over });
}
const contact = (items: ReminderItem[], kind: ContactKind, name?: string) =>
  items.filter((i) => i.kind === 'contact' && i.contactKind === kind && (name === undefined || i.child?.name === name));
const dueOf = (items: ReminderItem[], kind: ContactKind, name?: string) => contact(items, kind, name).map((i) => i.due);

describe('cadence arithmetic', () => {
  const kids = [child('张三', '三(1)班', 2)];

  it('crosses month and year ends for phone contacts, which go on in vacations', () => {
    expect(
      dueOf(
        run('2026-02-05', kids, [entry(0, 'parentCall', '2026-01-25')], { settings: { ...SETTINGS, terms: { ...SETTINGS.terms, termStart: '2025-09-01', termEnd: '2026-01-20' } } })
          .items,
        'parentCall',
      ),
    ).toEqual(['2026-02-08']);
    expect(dueOf(run('2026-12-28', kids, [entry(0, 'guardianContact', '2026-12-25')]).items, 'guardianContact')).toEqual(['2027-01-01']);
  });

  it('lands on leap days', () => {
    const leap: ContactSettings = { ...SETTINGS, terms: { ...SETTINGS.terms, termStart: '2028-02-21', termEnd: '2028-07-10' } };
    const r = run('2028-02-26', kids, [entry(0, 'parentCall', '2028-02-15'), entry(0, 'guardianContact', '2028-02-22')], { settings: leap, calendar: bare });
    expect(dueOf(r.items, 'parentCall')).toEqual(['2028-02-29']);
    expect(dueOf(r.items, 'guardianContact')).toEqual(['2028-02-29']);
    // 2028-02-29 is a Tuesday, a school day: a talk due then stays there.
    expect(dueOf(run('2028-02-26', kids, [entry(0, 'talk', '2028-02-22')], { settings: leap, calendar: bare }).items, 'talk')).toEqual(['2028-02-29']);
  });

  it('moves school-based contacts past holidays and make-up days, not phone ones', () => {
    const r = run('2026-09-28', kids, [entry(0, 'talk', '2026-09-24'), entry(0, 'guardianContact', '2026-09-24')]);
    expect(dueOf(r.items, 'talk')).toEqual(['2026-10-08']); // 10-01 is National Day
    expect(dueOf(r.items, 'guardianContact')).toEqual(['2026-10-01']);
    // Due on a Sunday that is a make-up working day: stays.
    expect(dueOf(run('2026-09-14', kids, [entry(0, 'talk', '2026-09-13')]).items, 'talk')).toEqual(['2026-09-20']);
    // Due on an ordinary Sunday: Monday.
    expect(dueOf(run('2026-11-20', kids, [entry(0, 'talk', '2026-11-15')]).items, 'talk')).toEqual(['2026-11-23']);
  });

  it('pauses school-based contacts in the winter vacation and resumes them with the term', () => {
    const spring: ContactSettings = { ...SETTINGS, terms: { ...SETTINGS.terms, termStart: '2026-09-01', termEnd: '2027-01-20' } };
    const r = run('2027-02-15', kids, [entry(0, 'talk', '2027-01-18'), entry(0, 'parentCall', '2027-01-18'), entry(0, 'familyCall', '2027-01-19')], { settings: spring });
    expect(dueOf(r.items, 'talk')).toEqual(['2027-02-22']);
    expect(dueOf(r.items, 'familyCall')).toEqual(['2027-02-22']);
    expect(contact(r.items, 'parentCall').map((i) => [i.due, i.status])).toEqual([['2027-02-01', 'overdue']]);
    expect(contact(r.items, 'talk')[0].status).toBe('nextWeek');
  });

  it('counts a child who joined mid-term from the day they joined', () => {
    const r = run('2026-10-28', [child('张三', '三(1)班', 2), child('新生', '三(1)班', 3, { joinDate: '2026-10-20' })]);
    expect(dueOf(r.items, 'talk', '新生')).toEqual(['2026-10-27']);
    expect(dueOf(r.items, 'parentCall', '新生')).toEqual(['2026-11-03']);
    expect(dueOf(r.items, 'talk', '张三')).toEqual(['2026-09-08']);
    const note = contact(r.items, 'talk', '新生')[0].notes[0];
    expect(renderMsg('zh-CN', note)).toBe('本学期还没有记录（从 2026-10-20 起算）');
  });

  it('uses the tighter cadence for key-focus children', () => {
    const tight: ContactSettings = { ...SETTINGS, keyFocusCadence: { talk: { days: 3 } } };
    const kids2 = [child('张三', '三(1)班', 2), child('重点', '三(1)班', 3, { keyFocus: true })];
    const r = run('2026-11-30', kids2, [entry(0, 'talk', '2026-11-26'), entry(1, 'talk', '2026-11-26')], { settings: tight });
    expect(dueOf(r.items, 'talk', '张三')).toEqual(['2026-12-03']);
    expect(dueOf(r.items, 'talk', '重点')).toEqual(['2026-11-30']);
  });

  it('asks for a home visit once a term, by the middle of what is left of it', () => {
    // 2026-09-01 + 70 of the term's 141 days.
    expect(dueOf(run('2026-11-20', kids).items, 'homeVisit')).toEqual(['2026-11-10']);
    expect(dueOf(run('2026-11-20', kids, [entry(0, 'homeVisit', '2026-10-03')]).items, 'homeVisit')).toEqual([]);
    // Last term's visit does not count for this one.
    expect(dueOf(run('2026-11-20', kids, [entry(0, 'homeVisit', '2026-05-03')]).items, 'homeVisit')).toEqual(['2026-11-10']);
    // Joined 12-01: halfway to 01-20 is Saturday 12-26, so Monday 12-28.
    expect(dueOf(run('2026-12-22', [child('新生', null, 2, { joinDate: '2026-12-01' })]).items, 'homeVisit')).toEqual(['2026-12-28']);
  });

  it('leaves a kind without a cadence alone and hides what is due after next week', () => {
    const r = run('2026-11-30', kids, [entry(0, 'talk', '2026-11-30'), entry(0, 'tutoring', '2026-09-01')]);
    expect(dueOf(r.items, 'tutoring')).toEqual([]);
    expect(dueOf(r.items, 'talk')).toEqual(['2026-12-07']);
    expect(dueOf(run('2026-11-23', kids, [entry(0, 'talk', '2026-11-23')], { settings: { ...SETTINGS, cadence: { talk: { days: 30 } } } }).items, 'talk')).toEqual([]);
  });
});

describe('who and whose', () => {
  it('gives each child to the mentor, else the class teacher', () => {
    const kids = [child('张三', '三(1)班', 2), child('李四', '三(1)班', 3), child('王五', '五(1)班', 4)];
    const r = run('2026-11-30', kids, [], { mentorByChild: new Map([[recordKey({ row: 2 }), '刘老师']]), classTeachers: new Map([['三(1)班', '陈老师']]) });
    const owners = new Map(contact(r.items, 'talk').map((i) => [i.child!.name, [i.owner, i.ownerRole]]));
    expect(Object.fromEntries(owners)).toEqual({ 张三: ['刘老师', 'mentor'], 李四: ['陈老师', 'classTeacher'], 王五: ['', 'unassigned'] });
  });

  it('stops reminding about a child who left; the renamed child starts afresh', () => {
    // The log was read against today's roster: 赵六 left, 王小明 was renamed 王晓明, so their rows
    // matched nobody and are not in `log` (readLog reported them). Nothing refers to them any more.
    const kids = [child('张三', '三(1)班', 2), child('王晓明', '三(1)班', 3)];
    const r = run('2026-11-30', kids, [entry(0, 'talk', '2026-11-27')]);
    expect(r.items.some((i) => i.child?.name === '赵六' || i.child?.name === '王小明')).toBe(false);
    expect(renderMsg('zh-CN', contact(r.items, 'talk', '王晓明')[0].notes[0])).toMatch(/还没有记录/);
  });
});

describe('follow-ups', () => {
  it('lists open follow-ups by their deadline, for whoever wrote them', () => {
    const kids = [child('张三', '三(1)班', 2)];
    const log = [
      entry(0, 'parentCall', '2026-11-20', { row: 7, followUp: true, followUpDue: '2026-11-25', recorder: '陈老师', content: '孩子说想妈妈' }),
      entry(0, 'talk', '2026-11-21', { followUp: false }),
    ];
    const r = run('2026-11-30', kids, log, { mentorByChild: new Map([[recordKey({ row: 2 }), '刘老师']]) });
    const f = r.items.filter((i) => i.kind === 'followUp');
    expect(f.map((i) => [i.due, i.status, i.owner, i.logRow])).toEqual([['2026-11-25', 'overdue', '陈老师', 7]]);
    expect(renderMsg('zh-CN', f[0].what)).toBe('跟进（家长电话）');
    expect(renderMsg('zh-CN', f[0].notes[0])).toBe('来自 2026-11-20 的记录（谈心记录 第8行）：孩子说想妈妈');
  });
});

describe('birthdays', () => {
  it('lists solar and lunar birthdays in the next two weeks', () => {
    const kids = [
      child('张三', '三(1)班', 2, { birthDate: '2016-12-05' }),
      child('李四', '三(1)班', 3, { birthDate: '2016-12-20' }),
      // Born on 中秋 2015 (2015-09-27, lunar 8/15) and celebrating the lunar birthday: 中秋 2026 is 2026-09-25.
      child('王五', '三(1)班', 4, { birthDate: '2015-09-27', lunarBirthday: true }),
    ];
    const r = run('2026-11-30', kids);
    expect(r.items.filter((i) => i.kind === 'birthday').map((i) => [i.child!.name, i.due])).toEqual([['张三', '2026-12-05']]);
    const lunar = run('2026-09-20', kids).items.filter((i) => i.kind === 'birthday');
    expect(lunar.map((i) => [i.child!.name, i.due])).toEqual([['王五', '2026-09-25']]);
    expect(renderMsg('zh-CN', lunar[0].notes[0])).toBe('11 岁生日（农历8月15日）');
    expect(tyme.solarToLunar('2015-09-27')).toEqual({ year: 2015, month: 8, day: 15, leap: false });
    expect(tyme.lunarToSolar(2026, 8, 15)).toBe('2026-09-25');
    // Unmarked, the same child's birthday is the solar one.
    expect(
      run('2026-09-20', [{ ...kids[2], lunarBirthday: false }])
        .items.filter((i) => i.kind === 'birthday')
        .map((i) => i.due),
    ).toEqual(['2026-09-27']);
  });

  it('celebrates a birth in a leap month in the regular month of that number', () => {
    // 2020-06-01 is 闰四月初十; in 2026 the birthday is on lunar 4/10.
    const kids = [child('闰月', null, 2, { birthDate: '2020-06-01', lunarBirthday: true })];
    const want = tyme.lunarToSolar(2026, 4, 10)!;
    expect(
      run(addDays(want, -3), kids)
        .items.filter((i) => i.kind === 'birthday')
        .map((i) => i.due),
    ).toEqual([want]);
  });

  it('celebrates 2-29 birthdays on 2-28 in other years, and across the new year', () => {
    const kids = [child('闰日', null, 2, { birthDate: '2016-02-29' }), child('元旦', null, 3, { birthDate: '2016-01-03' })];
    expect(
      run('2027-02-20', kids)
        .items.filter((i) => i.kind === 'birthday')
        .map((i) => i.due),
    ).toEqual(['2027-02-28']);
    expect(
      run('2028-02-20', kids)
        .items.filter((i) => i.kind === 'birthday')
        .map((i) => i.due),
    ).toEqual(['2028-02-29']);
    expect(
      run('2026-12-25', kids)
        .items.filter((i) => i.kind === 'birthday')
        .map((i) => i.due),
    ).toEqual(['2027-01-03']);
  });
});

describe('the calendar in the reminders', () => {
  it("brings 中秋 and 国庆 with the plans' home visits, the holiday break and the make-up day", () => {
    const r = run('2026-09-20', []);
    const school = r.items.filter((i) => i.child === null).map((i) => [i.status, i.due, renderMsg('zh-CN', i.what)]);
    expect(school).toEqual(
      expect.arrayContaining([
        ['today', '2026-09-20', '国庆节调休上课'],
        ['nextWeek', '2026-09-25', '中秋节'],
        ['nextWeek', '2026-09-25', '中秋节放假（2026-09-25 至 2026-09-27）'],
        ['later', '2026-10-01', '国庆节'],
        ['later', '2026-10-01', '国庆节放假（2026-10-01 至 2026-10-07）'],
        ['later', '2026-09-30', '讨论并制定学校关爱留守儿童工作计划'],
      ]),
    );
    const midAutumn = r.items.find((i) => i.kind === 'festival' && i.due === '2026-09-25')!;
    expect(renderMsg('zh-CN', midAutumn.notes[0])).toMatch(/家访/);
  });

  it("follows plan 3's monthly schedule and the quarterly meeting", () => {
    const what = (today: string, kind: string) =>
      run(today, [])
        .items.filter((i) => i.kind === kind)
        .map((i) => [i.due, renderMsg('zh-CN', i.what)]);
    expect(what('2026-10-10', 'schedule')).toEqual([['2026-10-31', '中秋、国庆开展教师家访和学生谈心活动']]);
    expect(what('2026-11-20', 'schedule')).toEqual([
      ['2026-11-30', '开展师生结对帮扶活动'],
      ['2026-12-31', '继续开展师生结对帮扶活动'],
    ]);
    expect(what('2026-12-25', 'schedule')).toEqual([
      ['2026-12-31', '继续开展师生结对帮扶活动'],
      ['2027-01-31', '班级及学校留守儿童工作总结，整理留守儿童工作档案'],
    ]);
    expect(what('2027-03-10', 'schedule')).toEqual([]);
    expect(what('2026-10-29', 'meeting')).toEqual([['2026-10-31', '第4季度领导小组专题会议']]);
    expect(run('2026-10-29', []).items.find((i) => i.kind === 'meeting')!.ownerRole).toBe('leadership');
  });

  describe('the quarterly meeting (plan 5: every quarter, in its first month)', () => {
    const meeting = (today: string, settings: ContactSettings = SETTINGS) =>
      run(today, [], [], { settings })
        .items.filter((i) => i.kind === 'meeting')
        .map((i) => [i.status, i.due, renderMsg('zh-CN', i.what)]);

    it("appears on the quarter's first day, due by its first month's end, and not in the other two months", () => {
      expect(meeting('2026-12-31')).toEqual([]);
      expect(meeting('2027-01-01')).toEqual([['later', '2027-01-31', '第1季度领导小组专题会议']]);
      expect(meeting('2027-01-31')).toEqual([['today', '2027-01-31', '第1季度领导小组专题会议']]);
      expect(meeting('2027-02-01')).toEqual([]);
      expect(meeting('2027-03-31')).toEqual([]);
      expect(meeting('2027-04-01')).toEqual([['later', '2027-04-30', '第2季度领导小组专题会议']]);
      expect(meeting('2027-05-15')).toEqual([]);
      expect(meeting('2027-06-30')).toEqual([]);
      expect(meeting('2027-07-01')).toEqual([['later', '2027-07-31', '第3季度领导小组专题会议']]);
      expect(meeting('2026-09-30')).toEqual([]);
      expect(meeting('2026-10-01')).toEqual([['later', '2026-10-31', '第4季度领导小组专题会议']]);
      expect(meeting('2026-11-30')).toEqual([]);
    });

    it('in a term that starts mid-quarter: no second meeting at the term start; a quarter whose first months are all vacation meets when the term starts', () => {
      // The usual calendar: the autumn term starts 09-01, in the quarter's third month; the summer vacation
      // starts 07-11, so the third quarter met in July and September has no meeting.
      const autumn: ContactSettings = {
        ...SETTINGS,
        terms: { ...SETTINGS.terms, termStart: '2027-09-01', termEnd: '2028-01-20', vacations: [{ start: '2027-07-11', end: '2027-08-31' }] },
      };
      expect(meeting('2027-07-05', autumn)).toEqual([['later', '2027-07-31', '第3季度领导小组专题会议']]);
      expect(meeting('2027-09-01', autumn)).toEqual([]);
      expect(meeting('2027-10-08', autumn)).toEqual([['later', '2027-10-31', '第4季度领导小组专题会议']]);
      // A school whose 暑假 in 设置 is the whole of July and August: the third quarter meets in September.
      const longSummer: ContactSettings = { ...autumn, terms: { ...autumn.terms, vacations: [{ start: '2027-07-01', end: '2027-08-31' }] } };
      expect(meeting('2027-07-15', longSummer)).toEqual([]);
      expect(meeting('2027-08-31', longSummer)).toEqual([]);
      expect(meeting('2027-09-01', longSummer)).toEqual([['later', '2027-09-30', '第3季度领导小组专题会议']]);
      expect(meeting('2027-10-01', longSummer)).toEqual([['later', '2027-10-31', '第4季度领导小组专题会议']]);
      // The spring term starts 02-20, mid-quarter; January was still the autumn term (its winter vacation
      // starts 01-21), so the first quarter met in January and not again in February.
      const spring: ContactSettings = { ...SETTINGS, terms: { ...SETTINGS.terms, termStart: '2027-02-20', termEnd: '2027-07-10' } };
      expect(meeting('2027-01-10', spring)).toEqual([['later', '2027-01-31', '第1季度领导小组专题会议']]);
      expect(meeting('2027-02-22', spring)).toEqual([]);
    });
  });

  it("shows the school's own days off and the term's end", () => {
    const own: ContactSettings = { ...SETTINGS, terms: { ...SETTINGS.terms, extraHolidays: [{ start: '2027-01-01', end: '2027-01-03' }], makeUpDays: ['2027-01-09'] } };
    const r = run('2026-12-28', [], [], { settings: own });
    const texts = r.items.filter((i) => i.kind === 'schoolDay').map((i) => [i.due, renderMsg('zh-CN', i.what)]);
    expect(texts).toEqual([
      ['2027-01-01', '学校放假（2027-01-01 至 2027-01-03）'],
      ['2027-01-09', '学校调休上课'],
    ]);
    const end = run('2027-01-10', [])
      .items.filter((i) => i.kind === 'schoolDay')
      .map((i) => renderMsg('zh-CN', i.what));
    expect(end).toEqual(['学期结束', '放假（2027-01-21 至 2027-02-19）']);
  });

  it('warns about years without holiday data', () => {
    expect(run('2026-11-29', []).calendarNotes).toEqual([{ kind: 'noHolidayData', year: 2027 }]);
    expect(run('2026-05-10', [], [], { settings: { ...SETTINGS, terms: { ...SETTINGS.terms, termStart: '2026-02-20', termEnd: '2026-07-10' } } }).calendarNotes).toEqual([]);
  });
});

describe('status and order', () => {
  it('places the week edges on Monday', () => {
    // 2026-11-29 is a Sunday.
    expect(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-06', '2026-12-07'].map((d) => statusOf(d, '2026-11-29'))).toEqual([
      'overdue',
      'today',
      'nextWeek',
      'nextWeek',
      'later',
    ]);
    // Monday 2026-11-30.
    expect(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-06', '2026-12-07', '2026-12-13', '2026-12-14'].map((d) => statusOf(d, '2026-11-30'))).toEqual([
      'overdue',
      'today',
      'thisWeek',
      'thisWeek',
      'nextWeek',
      'nextWeek',
      'later',
    ]);
  });

  it('sorts by urgency, then date, class and name', () => {
    const kids = [child('乙', '三(10)班', 2), child('甲', '三(2)班', 3), child('丙', '三(2)班', 4)];
    const settings: ContactSettings = { ...SETTINGS, cadence: { guardianContact: { days: 7 } } };
    const log = [entry(0, 'guardianContact', '2026-11-20'), entry(1, 'guardianContact', '2026-11-20'), entry(2, 'guardianContact', '2026-11-19')];
    const r = run('2026-11-30', kids, log, { settings });
    const rows = r.items.filter((i) => i.child).map((i) => `${i.status} ${i.due} ${i.child!.classLabel} ${i.child!.name}`);
    expect(rows).toEqual(['overdue 2026-11-26 三(2)班 丙', 'overdue 2026-11-27 三(2)班 甲', 'overdue 2026-11-27 三(10)班 乙']);
    const statuses = run('2026-11-30', kids).items.map((i) => i.status);
    const rank = ['overdue', 'today', 'thisWeek', 'nextWeek', 'later'];
    expect(statuses.map((s) => rank.indexOf(s))).toEqual([...statuses.map((s) => rank.indexOf(s))].sort((a, b) => a - b));
    expect(t('zh-CN', 'reminders.status.overdue')).toBe('逾期');
  });
});

describe('properties', () => {
  it('puts a talk on the first school day on or after last + cadence, and a call exactly there', () => {
    const school = buildSchoolCalendar(SETTINGS.terms, tyme);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 30 }), (offset, days) => {
        const last = addDays('2026-08-20', offset);
        const today = addDays(last, 1);
        const settings: ContactSettings = { ...SETTINGS, cadence: { talk: { days }, parentCall: { days } } };
        const r = run(today, [child('张三', null, 2)], [entry(0, 'talk', last), entry(0, 'parentCall', last)], { settings });
        const raw = addDays(last, days);
        const call = dueOf(r.items, 'parentCall');
        if (call.length) expect(call).toEqual([raw]);
        const talk = dueOf(r.items, 'talk');
        if (talk.length) {
          expect(school.isSchoolDay(talk[0])).toBe(true);
          for (let d = raw; d < talk[0]; d = addDays(d, 1)) expect(school.isSchoolDay(d)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sorts the fast way exactly as the comparator does', () => {
    const kids = Array.from({ length: 40 }, (_, i) =>
      child(`${'甲乙丙丁'[i % 4]}${i % 7}`, `${'三四'[i % 2]}(${(i % 11) + 1})班`, i + 2, { birthDate: `2016-12-${String((i % 9) + 1).padStart(2, '0')}` }),
    );
    const log = kids.map((_, i) => entry(i, (['talk', 'parentCall', 'guardianContact'] as const)[i % 3], addDays('2026-11-01', i % 25)));
    const items = run('2026-11-30', kids, log).items;
    expect(items.length).toBeGreaterThan(60);
    expect(sortItems([...items].reverse())).toEqual([...items].sort(compareItems));
    // Items that compare equal (told apart here by logRow only) keep the order they were given in.
    const twins = [...items].reverse().flatMap((it, i) => [
      { ...it, logRow: i },
      { ...it, logRow: -1 - i },
    ]);
    expect(sortItems(twins).map((it) => it.logRow)).toEqual([...twins].sort(compareItems).map((it) => it.logRow));
  });
});
