import { evaluationEnd, monthsOf, periodFor, schoolYearOf, termOf, type Period, type PeriodChoice } from './period';

function period(choice: PeriodChoice, today: string, terms = [] as { from: string; to: string }[]): Period {
  const r = periodFor(choice, today, terms);
  if (!r.ok) throw new Error(r.messageKey);
  return r.period;
}

describe('periods from today', () => {
  it('this month runs over the whole calendar month', () => {
    expect(period({ kind: 'month' }, '2026-11-29')).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-29' });
    expect(period({ kind: 'month' }, '2028-02-10')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('the default terms are autumn 09-01 – 01-31 and spring 02-01 – 08-31', () => {
    expect(termOf('2026-11-29')).toEqual({ from: '2026-09-01', to: '2027-01-31' });
    expect(termOf('2027-01-15')).toEqual({ from: '2026-09-01', to: '2027-01-31' });
    expect(termOf('2027-02-01')).toEqual({ from: '2027-02-01', to: '2027-08-31' });
    expect(termOf('2027-08-31')).toEqual({ from: '2027-02-01', to: '2027-08-31' });
    expect(termOf('2026-09-01')).toEqual({ from: '2026-09-01', to: '2027-01-31' });
  });

  it('configured terms win, and a holiday belongs to the term that just ended', () => {
    const terms = [
      { from: '2026-08-31', to: '2027-01-22' },
      { from: '2027-02-22', to: '2027-07-02' },
    ];
    expect(termOf('2026-11-29', terms)).toEqual(terms[0]);
    expect(termOf('2027-02-05', terms)).toEqual(terms[0]);
    expect(termOf('2027-03-01', terms)).toEqual(terms[1]);
    expect(termOf('2027-08-10', terms)).toEqual(terms[1]);
    // A date no configured term speaks for falls back to the default calendar.
    expect(termOf('2027-09-10', terms)).toEqual({ from: '2027-09-01', to: '2028-01-31' });
    // Broken settings rows are ignored rather than trusted.
    expect(
      termOf('2026-11-29', [
        { from: '2026-13-01', to: '2027-01-01' },
        { from: '2027-01-01', to: '2026-09-01' },
      ]),
    ).toEqual({ from: '2026-09-01', to: '2027-01-31' });
  });

  it('the school year runs 09-01 to 08-31', () => {
    expect(schoolYearOf('2026-11-29')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(schoolYearOf('2027-08-31')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(period({ kind: 'year' }, '2027-03-01')).toMatchObject({ kind: 'year', from: '2026-09-01', to: '2027-08-31', term: { from: '2027-02-01', to: '2027-08-31' } });
  });

  it('a custom period keeps its dates and takes the term of its end when it is over', () => {
    const p = period({ kind: 'custom', from: '2026-03-01', to: '2026-04-30' }, '2026-11-29');
    expect(p).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-04-30', asOf: '2026-11-29', term: { from: '2026-02-01', to: '2026-08-31' } });
    expect(evaluationEnd(p)).toBe('2026-04-30');
    expect(evaluationEnd(period({ kind: 'term' }, '2026-11-29'))).toBe('2026-11-29');
  });

  it('says what is wrong with bad dates', () => {
    expect(periodFor({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' }, '2026-11-29')).toEqual({
      ok: false,
      messageKey: 'summary.period.badDate',
      params: { value: '2026-02-30' },
    });
    expect(periodFor({ kind: 'custom', from: '2026-03-01', to: '2026-02-01' }, '2026-11-29')).toEqual({
      ok: false,
      messageKey: 'summary.period.reversed',
      params: { from: '2026-03-01', to: '2026-02-01' },
    });
    expect(periodFor({ kind: 'month' }, '29/11/2026')).toEqual({ ok: false, messageKey: 'summary.period.badToday', params: { value: '29/11/2026' } });
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf({ from: '2026-11-15', to: '2026-11-16' })).toEqual(['2026-11']);
  });
});
