import type { Lang } from '../core/i18n';

/** --lang, looked for before full parsing so that even argument errors speak the user's language. */
export function langFromArgv(argv: readonly string[]): { lang: Lang; bad?: string } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    if (/^zh(-cn)?$/i.test(value)) return { lang: 'zh-CN' };
    if (/^en(-us)?$/i.test(value)) return { lang: 'en-US' };
    return { lang: 'zh-CN', bad: value };
  }
  return { lang: 'zh-CN' };
}
