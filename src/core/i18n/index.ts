/**
 * The message catalogue. Every user-facing string goes through `t(lang, key, params)`.
 * Each domain keeps its own messages file (messages/<domain>.ts) exporting `{ 'zh-CN': {...}, 'en-US': {...} }`;
 * this index merges them. tests/i18n.test.ts fails when a key is in one language and not the other.
 */
import { formatIcu, parseIcu } from './icu';
import { common } from './messages/common';
import { SHEETS, sheetOfPart } from '../sheets';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export type Catalogue = Record<string, string>;
export interface DomainMessages {
  readonly 'zh-CN': Catalogue;
  readonly 'en-US': Catalogue;
}

const domains: DomainMessages[] = [common];

/**
 * Each language's keys across the domains, the domain registered last winning, built on first use after a
 * registration: `t` runs once per row of the largest sheets (hundreds of thousands of calls for 50,000
 * children), and one Map lookup replaces a miss in every domain's object before the hit.
 */
const textsByLang = new Map<Lang, Map<string, string>>();

function textOf(lang: Lang, key: string): string | undefined {
  let texts = textsByLang.get(lang);
  if (!texts) {
    texts = new Map();
    for (const d of domains) for (const [k, v] of Object.entries(d[lang])) texts.set(k, v);
    textsByLang.set(lang, texts);
  }
  return texts.get(key);
}

/** Called by each domain module at import time is avoided on purpose: registration is explicit here. */
export function registerMessages(domain: DomainMessages): void {
  if (!domains.includes(domain)) domains.push(domain);
  textsByLang.clear();
}

export function catalogue(lang: Lang): Catalogue {
  const merged: Catalogue = {};
  for (const d of domains) Object.assign(merged, d[lang]);
  return merged;
}

export type Params = Record<string, string | number>;

/** Messages parsed once per text (ICU MessageFormat, the subset icu.ts reads). */
const parsed = new Map<string, ReturnType<typeof parseIcu> | null>();

function parsedMessage(text: string): ReturnType<typeof parseIcu> | null {
  let p = parsed.get(text);
  if (p === undefined) {
    // A message the parser refuses is caught by tests/i18n.test.ts; at run time it shows as written.
    try {
      p = parseIcu(text);
    } catch {
      p = null;
    }
    parsed.set(text, p);
  }
  return p;
}

/**
 * Look a key up and format it as an ICU message: `{name}` placeholders, and plurals where a count
 * decides the word (`{count, plural, one {{count} row} other {{count} rows}}`, the language's
 * Intl.PluralRules choosing). A {sheet} is put as `sheetInSentence` says it. An unknown key returns the
 * key itself, visibly; a placeholder without a value stays as it is written.
 */
export function t(lang: Lang, key: string, params: Params = {}): string {
  const text = textOf(lang, key);
  if (text === undefined) return key;
  if (!text.includes('{')) return text;
  const p = parsedMessage(text);
  if (!p) return text;
  return formatIcu(p, lang, typeof params.sheet === 'string' ? { ...params, sheet: sheetInSentence(params.sheet, lang) } : params);
}

const SHEET_KEY_OF_NAME = new Map<string, string>(Object.entries(SHEETS).map(([key, name]) => [name, key]));

/**
 * A sheet inside a sentence, in the one form every message uses (issue 15): “结对帮扶” in Chinese; in
 * English "the 结对帮扶 (pairing) sheet" for the add-in's own sheets (their names stay Chinese in every
 * language; each is glossed once, in messages/sheets.ts) and "the sheet “花名册”" for any other, the
 * teacher's own; a part of a split print sheet (联系卡（2）) is glossed as its sheet. `t` says a message's {sheet} so: callers pass the bare name, and a message writes {sheet}
 * without quotes or "sheet" around it (tests/i18n-sheets.test.ts). A bare name for a cell reference
 * (花名册!B3) or a list of names goes in another parameter ({sheetName}, {sheets}).
 */
export function sheetInSentence(sheet: string, lang: Lang): string {
  const key = `sheet.inSentence.${SHEET_KEY_OF_NAME.get(sheetOfPart(sheet)) ?? 'other'}`;
  const text = t(lang, key, { name: sheet });
  // The glosses come with the roster engine (all.ts); a sheet named before that is named as any other.
  return text === key ? t(lang, 'sheet.inSentence.other', { name: sheet }) : text;
}

/** Pick zh-CN or en-US from a BCP 47 tag such as Office's displayLanguage or navigator.language. */
export function langFromTag(tag: string | undefined | null): Lang {
  if (!tag) return 'zh-CN';
  return /^zh/i.test(tag) ? 'zh-CN' : /^en/i.test(tag) ? 'en-US' : 'zh-CN';
}

export function langFromFlag(flag: string | undefined): Lang {
  return flag && /^en/i.test(flag) ? 'en-US' : 'zh-CN';
}
