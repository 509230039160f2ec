import { createTymeCalendar } from '../calendar/tyme';
import type { ChildRecord } from '../contacts/log';
import '../i18n/all';
import { recordKey } from '../roster/types';
import { renderMsg } from './sheet';
import { lifeReminderItems, type LifeReminderInput } from './life';

const child = (name: string, row: number, birthDate: string | null, extra: Partial<ChildRecord> = {}): ChildRecord => ({
  row,
  name,
  classLabel: '三(1)班',
  birthDate,
  lunarBirthday: false,
  joinDate: null,
  keyFocus: false,
  ...extra,
});
const CHILDREN = [child('甲', 1, '2017-11-20'), child('乙', 2, '2017-03-01'), child('丙', 3, '2016-11-02'), child('丁', 4, null)];
const base = (over: Partial<LifeReminderInput> = {}): LifeReminderInput => ({
  today: '2026-11-30',
  termStart: '2026-09-01',
  termEnd: '2027-01-20',
  children: CHILDREN,
  activities: [
    { date: '2026-10-01', children: [0] },
    { date: '2026-08-20', children: [1] },
  ],
  training: [
    { date: '2026-10-12', teachers: ['陈老师'] },
    { date: '2026-06-01', teachers: ['刘老师'] },
  ],
  mentors: [
    { name: '陈老师', kind: '班主任' },
    { name: '刘老师', kind: '班主任' },
    { name: '周同学', kind: '学生' },
  ],
  calendar: createTymeCalendar(),
  mentorByChild: new Map([[recordKey({ row: 3 }), '刘老师']]),
  classTeachers: new Map([['三(1)班', '陈老师']]),
  ...over,
});
const whats = (items: ReturnType<typeof lifeReminderItems>) => items.map((i) => `${i.what.key}:${i.child?.name ?? ''}:${i.owner}`);

it('once half the term is over, lists each child in no activity this term, owned by the mentor or class teacher', () => {
  const items = lifeReminderItems(base());
  expect(whats(items).filter((w) => w.startsWith('reminders.life.noActivity'))).toEqual([
    'reminders.life.noActivity:乙:陈老师',
    'reminders.life.noActivity:丙:刘老师',
    'reminders.life.noActivity:丁:陈老师',
  ]);
  expect(items.find((i) => i.child?.name === '乙')?.due).toBe('2027-01-20');
  // Before the half-way day there is no such item.
  expect(whats(lifeReminderItems(base({ today: '2026-10-20' }))).some((w) => w.startsWith('reminders.life.noActivity'))).toBe(false);
});

it('says once, for the school, that 活动记录 names no child this term, instead of one item per child', () => {
  // Last term's activity only, or this term's rows naming nobody the roster knows: the same single line.
  for (const activities of [[{ date: '2026-08-20', children: [1] }], [{ date: '2026-10-01', children: [] }], []]) {
    const items = lifeReminderItems(base({ activities })).filter((i) => i.what.key.startsWith('reminders.life.noActivity'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ child: null, owner: '', ownerRole: 'school', due: '2027-01-20', what: { key: 'reminders.life.noActivityLogged', params: { count: 4 } } });
    expect(renderMsg('zh-CN', items[0].what)).toBe('本学期活动记录里还没有留守儿童参加活动（共 4 名）');
    expect(renderMsg('en-US', items[0].what)).toBe('The 活动记录 (activities) sheet shows no child in any activity yet this term (4 children)');
    expect(renderMsg('zh-CN', items[0].notes[0])).toMatch(/^学期已过半：请组织集体活动/);
  }
  // One child taking part is enough for the list by name.
  expect(whats(lifeReminderItems(base({ activities: [{ date: '2026-11-02', children: [3] }] }))).filter((w) => w.startsWith('reminders.life.noActivity'))).toEqual([
    'reminders.life.noActivity:甲:陈老师',
    'reminders.life.noActivity:乙:陈老师',
    'reminders.life.noActivity:丙:刘老师',
  ]);
  // No children, nothing to say; before the half-way day, nothing either.
  expect(lifeReminderItems(base({ children: [], activities: [] })).some((i) => i.what.key.startsWith('reminders.life.noActivity'))).toBe(false);
  expect(lifeReminderItems(base({ today: '2026-10-20', activities: [] })).some((i) => i.what.key.startsWith('reminders.life.noActivity'))).toBe(false);
});

it("gives the month's birthdays as one 生日会 item", () => {
  const party = lifeReminderItems(base()).filter((i) => i.what.key === 'reminders.life.birthdayParty');
  expect(party).toHaveLength(1);
  expect(party[0].what.params).toEqual({ count: 2, month: 11 });
  expect(renderMsg('zh-CN', party[0].what)).toBe('11月生日会：本月过生日的留守儿童 2 名');
  expect(renderMsg('en-US', party[0].what)).toBe('Birthday party for month 11: 2 children have birthdays this month');
  expect(lifeReminderItems(base({ today: '2026-12-05' })).filter((i) => i.what.key === 'reminders.life.birthdayParty')).toEqual([]);
});

it("names each adult mentor with no training this school year (last school year's does not count)", () => {
  expect(whats(lifeReminderItems(base())).filter((w) => w.startsWith('reminders.life.mentorTraining'))).toEqual(['reminders.life.mentorTraining::刘老师']);
});
