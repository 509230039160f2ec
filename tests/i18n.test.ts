import { catalogue, LANGS, t } from '../src/core/i18n';
import '../src/core/i18n/all';

describe('message catalogue', () => {
  it('has every key in both languages', () => {
    const zh = Object.keys(catalogue('zh-CN')).sort();
    const en = Object.keys(catalogue('en-US')).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.length).toBeGreaterThan(5);
  });

  it('uses the same placeholders in both languages', () => {
    const zh = catalogue('zh-CN');
    const en = catalogue('en-US');
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const key of Object.keys(zh)) expect([key, holes(en[key] ?? '')]).toEqual([key, holes(zh[key])]);
  });

  it('has no empty message', () => {
    for (const lang of LANGS) for (const [k, v] of Object.entries(catalogue(lang))) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  it('fills placeholders and shows unknown keys visibly', () => {
    expect(t('en-US', 'app.name')).toMatch(/Care/);
    expect(t('zh-CN', 'no.such.key')).toBe('no.such.key');
  });
});
