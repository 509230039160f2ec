/**
 * One word per severity (issue 15): the pane said 提醒 where 校验结果 said 警告 and 统计汇总 said 提示 for the
 * same warnings, and 提醒 is also 提醒事项 (reminders). Every message that counts findings by severity uses
 * the words of `severity.<id>`, in both languages.
 */
import { catalogue, LANGS, t, type Lang } from '../src/core/i18n';
import { icuArguments, parseIcu } from '../src/core/i18n/icu';
import '../src/core/i18n/all';
import { SEVERITIES, severityLabel } from '../src/core/severity';

/** A count of each severity as a message names it: {errors}, {warnings}; ui.count.<severity>s with {count}. */
const COUNT_ARGS = { error: 'errors', warning: 'warnings' } as const;
const ODD = { error: 37, warning: 41 } as const; // numbers no message holds by itself

/** The severity's word as it stands beside a count: 警告 / warning(s). */
function wordNear(lang: Lang, severity: (typeof SEVERITIES)[number], n: number): RegExp {
  const word = severityLabel(severity, lang);
  if (lang === 'zh-CN') return new RegExp(`${word}\\s*${n}|${n}\\s*[个处条]?${word}`);
  return new RegExp(`\\b${n} ${word.toLowerCase()}s?\\b`);
}

describe.each(LANGS)('severity words (%s)', (lang) => {
  const messages = Object.entries(catalogue(lang));

  it('has one word per severity, and not the name of the reminders', () => {
    const words = SEVERITIES.map((s) => severityLabel(s, lang));
    expect(new Set(words).size).toBe(SEVERITIES.length);
    if (lang === 'zh-CN') expect(words).toEqual(['错误', '警告']);
    for (const w of words) expect(w).not.toContain('提醒');
  });

  it.each(SEVERITIES)('says every count of %s findings with that word', (severity) => {
    const arg = COUNT_ARGS[severity];
    const counted = messages.filter(([, text]) => icuArguments(parseIcu(text)).includes(arg));
    counted.push([`ui.count.${arg}`, catalogue(lang)[`ui.count.${arg}`]]);
    expect(counted.length).toBeGreaterThan(5);
    for (const [key] of counted) {
      const n = ODD[severity];
      const params: Record<string, number> = key.startsWith('ui.count.') ? { count: n } : { errors: ODD.error, warnings: ODD.warning };
      const out = t(lang, key, params);
      expect([key, wordNear(lang, severity, n).test(out)]).toEqual([key, true]);
    }
  });

  it('uses no other word for a warning beside a count (提醒 N, 提示 N 处)', () => {
    if (lang !== 'zh-CN') return;
    for (const [key, text] of messages) expect([key, /(提醒|提示)\s*\{(warnings|count)\}|\{warnings\}\s*[个处条]?(提醒|提示)/.test(text)]).toEqual([key, false]);
  });
});
