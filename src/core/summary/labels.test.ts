import '../i18n/all';
import { CONTACT_RULE_IDS } from '../contacts/findings';
import { LANGS } from '../i18n';
import { PAIRING_RULES } from '../pairing/types';
import { RULE_IDS } from '../roster/types';
import { findingRuleLabel, formatShare, periodLabel, periodWhen } from './labels';
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

describe('findingRuleLabel', () => {
  it("names the roster's rules as the roster module does", () => {
    expect(findingRuleLabel('guardian-age', 'zh-CN')).toBe('监护人年龄');
    expect(findingRuleLabel('id-checksum', 'en-US')).toBe('ID number check character');
  });

  it('names every pairing and contact rule in both languages, never by its id', () => {
    for (const lang of LANGS) {
      for (const rule of [...RULE_IDS, ...PAIRING_RULES, ...CONTACT_RULE_IDS]) {
        const label = findingRuleLabel(rule, lang);
        expect(label).not.toBe(rule);
        expect(label).not.toMatch(/^(roster|summary)\.rule\./);
      }
    }
    expect(findingRuleLabel('mentor-kind-unknown', 'zh-CN')).toBe('帮扶人员类别无法识别');
    expect(findingRuleLabel('log-date-invalid', 'en-US')).toBe('Invalid entry date');
  });

  it('falls back to the id only for a rule no catalogue knows', () => {
    expect(findingRuleLabel('some-future-rule', 'zh-CN')).toBe('some-future-rule');
  });
});
