import { SolarDay } from 'tyme4ts';
import { addDays, parseIso } from '../dates';
import { createTymeCalendar } from './tyme';
import { calendarNotes, FESTIVAL_KEYS, type FestivalKey } from './types';

const cal = createTymeCalendar();

function lunarOf(iso: string): { month: number; day: number; leap: boolean } {
  const p = parseIso(iso)!;
  const l = SolarDay.fromYmd(p.y, p.m, p.d).getLunarDay();
  const m = l.getLunarMonth();
  return { month: m.getMonth(), day: l.getDay(), leap: m.isLeap() };
}

const LUNAR_DATES: Partial<Record<FestivalKey, [number, number]>> = {
  springFestival: [1, 1],
  lantern: [1, 15],
  dragonBoat: [5, 5],
  qixi: [7, 7],
  midAutumn: [8, 15],
  doubleNinth: [9, 9],
  laba: [12, 8],
};

describe('festivals 1990–2030, checked against the library', () => {
  for (let year = 1990; year <= 2030; year++) {
    it(`${year}`, () => {
      const fs = cal.festivals(year);
      const dates = fs.map((f) => f.date);
      expect([...dates].sort()).toEqual(dates);
      for (const f of fs) expect(f.date.slice(0, 4)).toBe(String(year));
      // Each festival but 腊八 (which can fall in December of the year before) once a year.
      for (const key of FESTIVAL_KEYS.filter((k) => k !== 'laba')) expect([key, fs.filter((f) => f.key === key).length]).toEqual([key, 1]);
      for (const f of fs) {
        const want = LUNAR_DATES[f.key];
        if (want) expect([f.key, lunarOf(f.date)]).toEqual([f.key, { month: want[0], day: want[1], leap: false }]);
      }
      const byKey = (k: FestivalKey) => fs.find((f) => f.key === k)!.date;
      // 除夕 is the day before 春节; 六一 and 国庆 are solar; 清明 and 冬至 are solar terms.
      expect(addDays(byKey('newYearsEve'), 1)).toBe(byKey('springFestival'));
      expect(byKey('childrensDay')).toBe(`${year}-06-01`);
      expect(byKey('nationalDay')).toBe(`${year}-10-01`);
      expect([`${year}-04-04`, `${year}-04-05`, `${year}-04-06`]).toContain(byKey('qingming'));
      expect([`${year}-12-21`, `${year}-12-22`, `${year}-12-23`]).toContain(byKey('winterSolstice'));
      expect(
        SolarDay.fromYmd(year, Number(byKey('qingming').slice(5, 7)), Number(byKey('qingming').slice(8)))
          .getTermDay()
          .getSolarTerm()
          .getName(),
      ).toBe('清明');
    });
  }

  it('matches known dates, including the years Intl gets wrong', () => {
    const spring = (y: number) => cal.festivals(y).find((f) => f.key === 'springFestival')!.date;
    const midAutumn = (y: number) => cal.festivals(y).find((f) => f.key === 'midAutumn')!.date;
    expect([1990, 2000, 2008, 2020, 2024, 2027, 2030].map(spring)).toEqual(['1990-01-27', '2000-02-05', '2008-02-07', '2020-01-25', '2024-02-10', '2027-02-06', '2030-02-03']);
    expect([2008, 2020, 2023, 2024, 2026].map(midAutumn)).toEqual(['2008-09-14', '2020-10-01', '2023-09-29', '2024-09-17', '2026-09-25']);
  });
});

describe('lunar dates', () => {
  it('converts a lunar month/day of a lunar year to its solar date', () => {
    expect(cal.lunarToSolar(2026, 1, 1)).toBe('2026-02-17');
    expect(cal.lunarToSolar(2026, 8, 15)).toBe('2026-09-25');
    for (let y = 1990; y <= 2030; y++) {
      const d = cal.lunarToSolar(y, 3, 12)!;
      expect(lunarOf(d)).toEqual({ month: 3, day: 12, leap: false });
    }
  });

  it('puts the 30th of a 29-day month on its last day', () => {
    // Lunar 2026-12 has 29 days: its last day is 除夕 2027.
    expect(cal.lunarToSolar(2026, 12, 30)).toBe(cal.festivals(2027).find((f) => f.key === 'newYearsEve')!.date);
    expect(cal.lunarToSolar(2026, 12, 30)).toBe(cal.lunarToSolar(2026, 12, 29));
  });

  it('gives the lunar date of a solar one, leap months marked', () => {
    expect(cal.solarToLunar('2015-09-27')).toEqual({ year: 2015, month: 8, day: 15, leap: false });
    expect(cal.solarToLunar('2020-06-01')).toEqual({ year: 2020, month: 4, day: 10, leap: true });
    // Early in a solar year, before 春节, it is still the previous lunar year.
    expect(cal.solarToLunar('2027-02-05')).toEqual({ year: 2026, month: 12, day: 29, leap: false });
    expect(cal.solarToLunar('2026-02-30')).toBeNull();
    for (let y = 1990; y <= 2030; y++) {
      const l = cal.solarToLunar(`${y}-07-01`)!;
      if (!l.leap) expect(cal.lunarToSolar(l.year, l.month, l.day)).toBe(`${y}-07-01`);
    }
  });

  it('refuses impossible input without throwing', () => {
    expect(cal.lunarToSolar(2026, 13, 1)).toBeNull();
    expect(cal.lunarToSolar(2026, 0, 1)).toBeNull();
    expect(cal.lunarToSolar(2026, 1, 31)).toBeNull();
    expect(cal.lunarToSolar(2026.5, 1, 1)).toBeNull();
  });
});

describe('statutory holidays', () => {
  it('has the 2026 arrangement with its make-up working days', () => {
    const days = cal.statutoryDays(2026)!;
    const find = (d: string) => days.find((x) => x.date === d);
    expect(find('2026-10-01')).toEqual({ date: '2026-10-01', holiday: 'nationalDay', workday: false });
    expect(find('2026-10-07')?.workday).toBe(false);
    expect(find('2026-09-20')).toEqual({ date: '2026-09-20', holiday: 'nationalDay', workday: true });
    expect(find('2026-02-17')).toEqual({ date: '2026-02-17', holiday: 'springFestival', workday: false });
    expect(find('2026-01-04')?.workday).toBe(true);
    expect(find('2026-03-10')).toBeUndefined();
  });

  it('knows which years it has data for', () => {
    for (let y = 2002; y <= 2026; y++) expect([y, cal.statutoryDays(y) !== null]).toEqual([y, true]);
    expect(cal.statutoryDays(2027)).toBeNull();
    expect(cal.statutoryDays(1999)).toBeNull();
  });

  it('notes the years without data that a window touches', () => {
    expect(calendarNotes(cal, '2026-09-01', '2026-12-31')).toEqual([]);
    expect(calendarNotes(cal, '2026-09-01', '2027-01-20')).toEqual([{ kind: 'noHolidayData', year: 2027 }]);
    expect(calendarNotes(cal, '2027-02-20', '2028-01-20')).toEqual([
      { kind: 'noHolidayData', year: 2027 },
      { kind: 'noHolidayData', year: 2028 },
    ]);
  });
});
