/**
 * The message catalogue. Every user-facing string goes through `t(lang, key, params)`.
 * Each domain keeps its own messages file (messages/<domain>.ts) exporting `{ 'zh-CN': {...}, 'en-US': {...} }`;
 * this index merges them. tests/i18n.test.ts fails when a key is in one language and not the other.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { common } from './messages/common';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export type Catalogue = Record<string, string>;
export interface DomainMessages {
  readonly 'zh-CN': Catalogue;
  readonly 'en-US': Catalogue;
}

const domains: DomainMessages[] = [common];

/** Called by each domain module at import time is avoided on purpose: registration is explicit here. */
export function registerMessages(domain: DomainMessages): void {
  if (!domains.includes(domain)) domains.push(domain);
}

export function catalogue(lang: Lang): Catalogue {
  const merged: Catalogue = {};
  for (const d of domains) Object.assign(merged, d[lang]);
  return merged;
}

export type Params = Record<string, string | number>;

/** Messages as ICU MessageFormat, compiled once per language and text. */
const compiled: Record<Lang, Map<string, IntlMessageFormat | null>> = { 'zh-CN': new Map(), 'en-US': new Map() };

function compile(lang: Lang, text: string): IntlMessageFormat | null {
  let f = compiled[lang].get(text);
  if (f === undefined) {
    // Plain text needs no parser; a message the parser refuses is caught by tests/i18n.test.ts.
    try {
      f = text.includes('{') ? new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }) : null;
    } catch {
      f = null;
    }
    compiled[lang].set(text, f);
  }
  return f;
}

/**
 * Look a key up and format it as an ICU message: `{name}` placeholders, and plurals where a count
 * decides the word (`{count, plural, one {{count} row} other {{count} rows}}`, the language's
 * Intl.PluralRules choosing). The count is written as a plain argument, not `#`, so 12345 stays 12345 as
 * everywhere else in the sheets, not 12,345. An unknown key returns
 * the key itself, visibly; a placeholder without a value stays as it is written.
 */
export function t(lang: Lang, key: string, params: Params = {}): string {
  let text: string | undefined;
  for (let i = domains.length - 1; i >= 0 && text === undefined; i--) text = domains[i][lang][key];
  if (text === undefined) return key;
  const f = compile(lang, text);
  if (!f) return text;
  const values: Record<string, string | number> = { ...params };
  // A placeholder without a value stays visible as {name}, as a missing word should, instead of failing.
  for (let tries = 0; tries < 20; tries++) {
    try {
      return String(f.format(values));
    } catch (e) {
      // intl-messageformat's MISSING_VALUE error names the variable only in its message.
      const missing = /context variable "(\w+)"/.exec((e as Error).message)?.[1];
      if (!missing || missing in values) return text;
      values[missing] = `{${missing}}`;
    }
  }
  return text;
}

/** Pick zh-CN or en-US from a BCP 47 tag such as Office's displayLanguage or navigator.language. */
export function langFromTag(tag: string | undefined | null): Lang {
  if (!tag) return 'zh-CN';
  return /^zh/i.test(tag) ? 'zh-CN' : /^en/i.test(tag) ? 'en-US' : 'zh-CN';
}

export function langFromFlag(flag: string | undefined): Lang {
  return flag && /^en/i.test(flag) ? 'en-US' : 'zh-CN';
}
