/**
 * No jargon in what a teacher reads (issue 15): "ExcelApi 1.1" said nothing to a teacher. The catalogue
 * says in words what this Excel cannot do and what to do; the API level stays in the one line for IT.
 */
import { catalogue, LANGS, t } from '../src/core/i18n';
import '../src/core/i18n/all';

describe.each(LANGS)('the catalogue (%s)', (lang) => {
  it('names the Excel API level only in the details line for IT', () => {
    const jargon = Object.entries(catalogue(lang))
      .filter(([, text]) => /ExcelApi|requirement set|API 1\.\d/i.test(text))
      .map(([key]) => key);
    expect(jargon).toEqual(['host.limits.details']);
    expect(t(lang, 'host.limits.details', { level: 7 })).toContain('ExcelApi 1.7');
  });

  it('says what to do about an older Excel: update Office, Excel on the web, or the standalone page', () => {
    const advice = t(lang, 'host.limits.whatToDo');
    for (const way of lang === 'zh-CN' ? ['更新 Office', '网页版 Excel', '独立网页版'] : ['update Office', 'Excel on the web', 'standalone page']) expect(advice).toContain(way);
    expect(t(lang, 'host.limits.title', { count: 3 })).toContain('3');
    expect(t(lang, 'office.printLayout')).toMatch(lang === 'zh-CN' ? /更新 Office/ : /update Office/);
  });
});
