import '../i18n/all';
import { formatShare, periodLabel, periodWhen } from './labels';
import { periodFor, type PeriodChoice } from './period';

function label(choice: PeriodChoice, today: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const r = periodFor(choice, today);
  if (!r.ok) throw new Error(r.messageKey);
  return periodLabel(r.period, lang);
}

describe('period labels', () => {
  it('names months, terms, years and custom spans', () => {
    expect(label({ kind: 'month' }, '2026-11-29')).toBe('2026年11月');
    expect(label({ kind: 'month' }, '2026-11-29', 'en-US')).toBe('11/2026');
    expect(label({ kind: 'term' }, '2026-11-29')).toBe('2026–2027学年第1学期（2026-09-01 至 2027-01-31）');
    expect(label({ kind: 'term' }, '2027-03-02')).toBe('2026–2027学年第2学期（2027-02-01 至 2027-08-31）');
    expect(label({ kind: 'year' }, '2027-03-02', 'en-US')).toBe('School year 2026–2027 (2026-09-01 to 2027-08-31)');
    expect(label({ kind: 'custom', from: '2026-10-01', to: '2026-12-31' }, '2027-03-02')).toBe('2026-10-01 至 2026-12-31');
  });

  it('starts report sentences with the period', () => {
    const r = periodFor({ kind: 'custom', from: '2026-10-01', to: '2026-12-31' }, '2027-03-02');
    if (!r.ok) throw new Error();
    expect(periodWhen(r.period, 'zh-CN')).toBe('2026-10-01至2026-12-31期间');
    const y = periodFor({ kind: 'year' }, '2027-03-02');
    if (!y.ok) throw new Error();
    expect(periodWhen(y.period, 'zh-CN')).toBe('本学年');
  });
});

describe('formatShare', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [2 / 3, '66.7%'],
    [0.5, '50%'],
    [0.1234, '12.3%'],
  ])('%d -> %s', (x, s) => {
    expect(formatShare(x)).toBe(s);
  });
});
