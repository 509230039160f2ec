import { toExcelSerial } from '../dates';
import { parseDateCell, parseDateRanges } from './dateCell';

describe('parseDateCell', () => {
  it.each([
    [toExcelSerial('2026-03-05'), '2026-03-05'],
    [toExcelSerial('2026-03-05') + 0.5, '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['20260305', '2026-03-05'],
    [20260305, '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    [' 2026/3/5 10:30 ', '2026-03-05'],
    ['2026/3/5 下午 3:30', '2026-03-05'],
  ])('reads %p', (value, iso) => {
    expect(parseDateCell(value, '2026-11-29')).toEqual({ ok: true, date: iso, yearAssumed: false });
  });

  it('reads a date without a year as the latest such day not after today', () => {
    expect(parseDateCell('3月5日', '2026-11-29')).toEqual({ ok: true, date: '2026-03-05', yearAssumed: true });
    expect(parseDateCell('12月5日', '2026-11-29')).toEqual({ ok: true, date: '2025-12-05', yearAssumed: true });
    expect(parseDateCell('2月29日', '2026-11-29')).toEqual({ ok: true, date: '2024-02-29', yearAssumed: true });
    expect(parseDateCell('3月5日')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it.each([['昨天'], ['2026.2.30'], ['26.3.5'], ['2026.3'], [2026], [true], [{ error: '#N/A' }], ['13月1日'], [-5]])('refuses %p without throwing', (value) => {
    expect(parseDateCell(value as never, '2026-11-29')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it.each([[null], [''], ['   '], [undefined]])('calls %p blank', (value) => {
    expect(parseDateCell(value as never, '2026-11-29')).toEqual({ ok: false, reason: 'blank' });
  });
});

describe('parseDateRanges', () => {
  it('reads lists of dates and ranges in the forms schools write', () => {
    expect(parseDateRanges('2026-10-01~2026-10-07; 2026-11-20')).toEqual([
      { start: '2026-10-01', end: '2026-10-07' },
      { start: '2026-11-20', end: '2026-11-20' },
    ]);
    expect(parseDateRanges('2027年1月21日至2月19日')).toEqual([{ start: '2027-01-21', end: '2027-02-19' }]);
    expect(parseDateRanges('2026.12.30-1.3')).toEqual([{ start: '2026-12-30', end: '2027-01-03' }]);
    expect(parseDateRanges('2026-10-01-2026-10-07，2026/11/20、2026.11.21')).toHaveLength(3);
    expect(parseDateRanges(toExcelSerial('2026-11-20'))).toEqual([{ start: '2026-11-20', end: '2026-11-20' }]);
    expect(parseDateRanges('')).toEqual([]);
    expect(parseDateRanges(null)).toEqual([]);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(parseDateRanges('国庆放假')).toBeNull();
    expect(parseDateRanges('2026-10-07~2026-10-01')).toBeNull();
    expect(parseDateRanges('10.1~10.7')).toBeNull();
    expect(parseDateRanges('2026-02-30')).toBeNull();
    expect(parseDateRanges('2026-10-01~2026-10-07 运动会')).toBeNull();
    expect(parseDateRanges(true)).toBeNull();
  });
});
