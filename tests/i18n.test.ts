import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, LANGS, registerMessages, t } from '../src/core/i18n';
import { formatIcu, icuArguments, parseIcu } from '../src/core/i18n/icu';
import '../src/core/i18n/all';

/** The argument names of a message, from our parser (icu.ts). */
function argumentsOf(text: string): string[] {
  return icuArguments(parseIcu(text));
}

/** English nouns whose plural must not follow a count of 1 ("1 warnings"). */
const PLURAL_NOUNS =
  /\b1 (?:(?:ID|parent|home|left-behind|more|study|key-focus|new|problem|other|birth) )?(errors|warnings|rows|places|boys|girls|talks|schools|sheets|items|days|digits|boarders|mentors|issues|phones|addresses|cells|problems|fields|columns|files|children|names|calls|visits|entries|findings|pairs|changes|dates|numbers)\b/;

describe('message catalogue', () => {
  it('has every key in both languages', () => {
    const zh = Object.keys(catalogue('zh-CN')).sort();
    const en = Object.keys(catalogue('en-US')).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.length).toBeGreaterThan(5);
  });

  it('is ICU MessageFormat that parses, with the same arguments in both languages', () => {
    const zh = catalogue('zh-CN');
    const en = catalogue('en-US');
    for (const key of Object.keys(zh)) expect([key, argumentsOf(en[key] ?? '')]).toEqual([key, argumentsOf(zh[key])]);
  });

  it('says "1 row", never "1 rows", in English (every count as 1)', () => {
    const en = catalogue('en-US');
    for (const [key, text] of Object.entries(en)) {
      const ones = Object.fromEntries(argumentsOf(text).map((a) => [a, 1]));
      const out = t('en-US', key, ones);
      // A literal "1" in the text is no count ("Exit codes: … 1 errors found").
      const found = PLURAL_NOUNS.test(text) ? null : (PLURAL_NOUNS.exec(out)?.[0] ?? null);
      expect([key, found]).toEqual([key, null]);
    }
    expect(t('en-US', 'ui.count.warnings', { count: 1 })).toBe('1 warning');
    expect(t('en-US', 'ui.count.warnings', { count: 2 })).toBe('2 warnings');
    expect(t('en-US', 'ui.count.warnings', { count: 12345 })).toBe('12345 warnings');
  });

  it("formats every message exactly as FormatJS's intl-messageformat does", () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(catalogue(lang))) {
        const args = argumentsOf(text);
        for (const n of [0, 1, 2, 5]) {
          const values = Object.fromEntries(args.map((a) => [a, n]));
          const reference = String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format(values));
          expect([lang, key, formatIcu(parseIcu(text), lang, values)]).toEqual([lang, key, reference]);
        }
      }
    }
    // And the subset's own corners: an exact-number branch, '#', arguments inside branches, nesting.
    const msg = '{n, plural, =0 {no row} one {# row of {sheet}} other {{n} rows, {m, plural, one {# warning} other {# warnings}}}}';
    for (const [n, m] of [
      [0, 1],
      [1, 1],
      [3, 1],
      [3, 2],
    ]) {
      const values = { n, m, sheet: '花名册' };
      expect(formatIcu(parseIcu(msg), 'en-US', values)).toBe(String(new IntlMessageFormat(msg, 'en-US').format(values)));
    }
    // select: the branch named by the value, else other; plurals inside it, and it inside a plural (where '#' is text).
    const sel =
      '{known, select, no {寄宿情况未登记} other {{n, plural, one {# boarder} other {# boarders}}}} {m, plural, one {{known, select, no {# (?)} other {# row}}} other {# rows}}';
    for (const [known, n, m] of [
      ['no', 1, 1],
      ['yes', 1, 2],
      ['yes', 3, 1],
      ['other', 0, 5],
      ['no', 2, 2],
    ] as const) {
      const values = { known, n, m };
      expect(formatIcu(parseIcu(sel), 'en-US', values)).toBe(String(new IntlMessageFormat(sel, 'en-US').format(values)));
    }
    expect(formatIcu(parseIcu(sel), 'en-US', { known: 'no', n: 3, m: 1 })).toBe('寄宿情况未登记 # (?)');
    expect(formatIcu(parseIcu(sel), 'en-US', { known: 'yes', n: 3, m: 1 })).toBe('3 boarders # row');
    expect(icuArguments(parseIcu(sel))).toEqual(['known', 'm', 'n']);
    expect(() => parseIcu('{n, select, a {x}}')).toThrow(SyntaxError);
    expect(() => parseIcu('{n, selectordinal, one {x} other {y}}')).toThrow(SyntaxError);
    expect(() => parseIcu('{n, plural, one {x}}')).toThrow(SyntaxError);
  });

  it('leaves a placeholder without a value visible instead of failing', () => {
    expect(t('en-US', 'ui.count.warnings', {})).toBe('{count} warnings');
    expect(t('zh-CN', 'roster.required', { row: 3 })).toContain('第 3 行的“{field}”');
  });

  it('has no empty message', () => {
    for (const lang of LANGS) for (const [k, v] of Object.entries(catalogue(lang))) expect([k, v.trim().length > 0]).toEqual([k, true]);
  });

  it('fills placeholders and shows unknown keys visibly', () => {
    expect(t('en-US', 'app.name')).toMatch(/Care/);
    expect(t('zh-CN', 'no.such.key')).toBe('no.such.key');
  });

  it('gives every key the text of the domain registered last, also after a lookup (the merged table is rebuilt)', () => {
    for (const lang of LANGS) for (const [key, text] of Object.entries(catalogue(lang))) if (!text.includes('{')) expect([key, t(lang, key)]).toEqual([key, text]);
    expect(t('en-US', 'test.i18n.late')).toBe('test.i18n.late');
    registerMessages({ 'zh-CN': { 'test.i18n.late': '后加', 'app.name': '另一个名字' }, 'en-US': { 'test.i18n.late': 'late {n}', 'app.name': 'Another name' } });
    expect([t('zh-CN', 'test.i18n.late'), t('en-US', 'test.i18n.late', { n: 2 }), t('en-US', 'app.name')]).toEqual(['后加', 'late 2', 'Another name']);
  });
});
