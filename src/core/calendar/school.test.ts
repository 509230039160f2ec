import { buildSchoolCalendar, nextUsualTermStart, usualSchoolYear, weekdayOf, type SchoolTerms } from './school';
import { createTymeCalendar } from './tyme';
import type { ChineseCalendar } from './types';
import { dayNumber } from '../dates';

const tyme = createTymeCalendar();
/** A calendar with no holiday data at all, to see what the school's own entries do. */
const bare: ChineseCalendar = { lunarToSolar: () => null, solarToLunar: () => null, festivals: () => [], statutoryDays: () => null };

const autumn2026: SchoolTerms = {
  termStart: '2026-09-01',
  termEnd: '2027-01-20',
  vacations: [
    { start: '2027-01-21', end: '2027-02-19' },
    { start: '2027-07-11', end: '2027-08-31' },
  ],
  extraHolidays: [],
  makeUpDays: [],
};

describe('the usual school year', () => {
  it.each([
    ['2026-11-29', '2026-09-01', '2027-01-20'],
    ['2026-08-15', '2026-09-01', '2027-01-20'],
    ['2027-01-10', '2026-09-01', '2027-01-20'],
    ['2027-03-01', '2027-02-20', '2027-07-10'],
    ['2027-02-05', '2027-02-20', '2027-07-10'],
    ['2027-07-20', '2027-02-20', '2027-07-10'],
  ])('on %s the term is %s to %s', (today, start, end) => {
    const y = usualSchoolYear(today);
    expect([y.termStart, y.termEnd]).toEqual([start, end]);
  });

  it('derives the vacations of the school year', () => {
    expect(usualSchoolYear('2026-11-29')).toMatchObject({ winter: { start: '2027-01-21', end: '2027-02-19' }, summer: { start: '2027-07-11', end: '2027-08-31' } });
  });

  it('knows when the next term starts', () => {
    expect(nextUsualTermStart('2027-01-20')).toBe('2027-02-20');
    expect(nextUsualTermStart('2027-07-10')).toBe('2027-09-01');
    expect(nextUsualTermStart('2026-12-31')).toBe('2027-02-20');
  });

  it('counts weekdays from 1970-01-01, a Thursday', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(dayNumber('2026-11-29'))).toBe(0);
    expect(weekdayOf(dayNumber('2026-11-30'))).toBe(1);
  });
});

describe('school days', () => {
  const school = buildSchoolCalendar(autumn2026, tyme);

  it('skips statutory holidays and keeps make-up working days', () => {
    expect(school.isSchoolDay('2026-09-30')).toBe(true); // Wednesday
    expect(school.isSchoolDay('2026-10-01')).toBe(false);
    expect(school.isSchoolDay('2026-09-26')).toBe(false); // 中秋, a Saturday
    expect(school.isSchoolDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(school.isSchoolDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(school.isSchoolDay('2026-10-17')).toBe(false); // an ordinary Saturday
    expect(school.nextSchoolDay('2026-10-01')).toBe('2026-10-08');
    expect(school.nextSchoolDay('2026-10-09')).toBe('2026-10-09');
  });

  it('has no school before the term and in the vacation; the next term starts after it', () => {
    expect(school.isSchoolDay('2026-08-31')).toBe(false);
    expect(school.nextSchoolDay('2026-08-20')).toBe('2026-09-01');
    expect(school.isSchoolDay('2027-01-20')).toBe(true);
    expect(school.isSchoolDay('2027-01-21')).toBe(false);
    // 2027-02-20 is a Saturday: the first school day after the winter vacation is Monday the 22nd.
    expect(school.nextSchoolDay('2027-01-21')).toBe('2027-02-22');
  });

  it('uses the dates the school entered for a year without holiday data', () => {
    // 2027 has no data in the library: 元旦 is an ordinary Friday unless the school enters it.
    expect(school.isSchoolDay('2027-01-01')).toBe(true);
    const entered = buildSchoolCalendar({ ...autumn2026, extraHolidays: [{ start: '2027-01-01', end: '2027-01-03' }], makeUpDays: ['2027-01-09'] }, tyme);
    expect(entered.isSchoolDay('2027-01-01')).toBe(false);
    expect(entered.isSchoolDay('2027-01-09')).toBe(true); // a Saturday
    expect(entered.nextSchoolDay('2026-12-31')).toBe('2026-12-31');
    expect(entered.nextSchoolDay('2027-01-01')).toBe('2027-01-04');
  });

  it('works with no calendar data at all: weekends only', () => {
    const plain = buildSchoolCalendar(autumn2026, bare);
    expect(plain.isSchoolDay('2026-10-01')).toBe(true);
    expect(plain.isSchoolDay('2026-10-03')).toBe(false);
  });

  it('gives up after 400 days instead of looping for ever', () => {
    const closed = buildSchoolCalendar({ ...autumn2026, vacations: [{ start: '2026-01-01', end: '2030-12-31' }] }, bare);
    expect(closed.nextSchoolDay('2026-10-01')).toBeNull();
  });
});
