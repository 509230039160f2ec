import { LegalHoliday, LunarDay, LunarFestival, LunarMonth, SolarDay, SolarFestival } from 'tyme4ts';
import { isLeapYear, parseIso, toIso, type IsoDate } from '../dates';
import type { ChineseCalendar, FestivalDay, FestivalKey, HolidayKey, LunarDate, StatutoryDay } from './types';

/**
 * The one place tyme4ts is imported. The pane loads this module on demand (it pulls in the library's
 * tables); the rest of the core receives the result as a ChineseCalendar.
 */

const LUNAR_FESTIVALS: Readonly<Record<string, FestivalKey>> = {
  春节: 'springFestival',
  元宵节: 'lantern',
  清明节: 'qingming',
  端午节: 'dragonBoat',
  七夕节: 'qixi',
  中秋节: 'midAutumn',
  重阳节: 'doubleNinth',
  冬至节: 'winterSolstice',
  腊八节: 'laba',
  除夕: 'newYearsEve',
};
const SOLAR_FESTIVALS: Readonly<Record<string, FestivalKey>> = { 儿童节: 'childrensDay', 国庆节: 'nationalDay' };
const HOLIDAYS: Readonly<Record<string, HolidayKey>> = {
  元旦: 'newYear',
  春节: 'springFestival',
  清明节: 'qingming',
  劳动节: 'labourDay',
  端午节: 'dragonBoat',
  中秋节: 'midAutumn',
  国庆节: 'nationalDay',
  国庆中秋: 'nationalDay',
  抗战胜利日: 'victoryDay',
};

function iso(day: SolarDay): IsoDate {
  return toIso(day.getYear(), day.getMonth(), day.getDay());
}

export function createTymeCalendar(): ChineseCalendar {
  const festivalCache = new Map<number, readonly FestivalDay[]>();
  const holidayCache = new Map<number, readonly StatutoryDay[] | null>();
  // Birthdays ask for the same few hundred lunar days over and over; the library's lookups are slow.
  const lunarCache = new Map<number, IsoDate | null>();

  function lunarToSolar(lunarYear: number, month: number, day: number): IsoDate | null {
    if (!Number.isInteger(lunarYear) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
    if (month < 1 || month > 12 || day < 1 || day > 30) return null;
    const key = (lunarYear * 13 + month) * 31 + day;
    const cached = lunarCache.get(key);
    if (cached !== undefined) return cached;
    let result: IsoDate | null;
    try {
      const last = LunarMonth.fromYm(lunarYear, month).getDayCount();
      result = iso(LunarDay.fromYmd(lunarYear, month, Math.min(day, last)).getSolarDay());
    } catch {
      result = null; // out of the library's range
    }
    lunarCache.set(key, result);
    return result;
  }

  const solarCache = new Map<IsoDate, LunarDate | null>();
  function solarToLunar(date: IsoDate): LunarDate | null {
    const cached = solarCache.get(date);
    if (cached !== undefined) return cached;
    const p = parseIso(date);
    let result: LunarDate | null = null;
    if (p) {
      try {
        const l = SolarDay.fromYmd(p.y, p.m, p.d).getLunarDay();
        const m = l.getLunarMonth();
        result = { year: m.getYear(), month: m.getMonth(), day: l.getDay(), leap: m.isLeap() };
      } catch {
        result = null;
      }
    }
    solarCache.set(date, result);
    return result;
  }

  function festivals(year: number): readonly FestivalDay[] {
    const cached = festivalCache.get(year);
    if (cached) return cached;
    const out: FestivalDay[] = [];
    try {
      // A lunar year straddles two solar years: 腊八 and 除夕 of lunar year Y-1 fall in January/February of Y.
      for (const ly of [year - 1, year]) {
        for (let i = 0; i < LunarFestival.NAMES.length; i++) {
          const f = LunarFestival.fromIndex(ly, i);
          const key = f && LUNAR_FESTIVALS[f.getName()];
          if (!f || !key) continue;
          const date = iso(f.getDay().getSolarDay());
          if (Number(date.slice(0, 4)) === year) out.push({ date, key, lunar: true });
        }
      }
      for (let i = 0; i < SolarFestival.NAMES.length; i++) {
        const f = SolarFestival.fromIndex(year, i);
        const key = f && SOLAR_FESTIVALS[f.getName()];
        if (f && key) out.push({ date: iso(f.getDay()), key, lunar: false });
      }
    } catch {
      // Out of the library's range: no festivals rather than a crash.
    }
    out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    festivalCache.set(year, out);
    return out;
  }

  function statutoryDays(year: number): readonly StatutoryDay[] | null {
    if (holidayCache.has(year)) return holidayCache.get(year)!;
    const out: StatutoryDay[] = [];
    const daysIn = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let nationalDay = false;
    try {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysIn[m - 1]; d++) {
          const h = LegalHoliday.fromYmd(year, m, d);
          if (!h) continue;
          const key = HOLIDAYS[h.getName()];
          if (!key) continue;
          if (key === 'nationalDay') nationalDay = true;
          out.push({ date: toIso(year, m, d), holiday: key, workday: h.isWork() });
        }
      }
    } catch {
      nationalDay = false;
    }
    // Every published year has a National Day break; a year without one (only the next year's 元旦
    // spilling into late December, or nothing at all) has no arrangement in the library.
    const result = nationalDay ? out : null;
    holidayCache.set(year, result);
    return result;
  }

  return { lunarToSolar, solarToLunar, festivals, statutoryDays };
}
