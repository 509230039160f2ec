/**
 * The part of ICU MessageFormat the catalogue uses: `{name}` arguments,
 * `{name, plural, =0 {…} one {…} other {…}}` with `#` and arguments nested in the branches, the branch
 * chosen by the language's Intl.PluralRules, and `{name, select, key {…} other {…}}`, the branch whose
 * key is the value as text (a sentence that says a fact or that it is not recorded). A full formatter (FormatJS's intl-messageformat) would add
 * about 12 KB gzipped to the Excel pane's first load, most of it a parser for syntax no message uses;
 * tests/i18n.test.ts holds this one to intl-messageformat's output on every message of the catalogue.
 * Apostrophe quoting and rich-text tags are not used by the catalogue and are read as plain text.
 */

type Part =
  | string
  | { readonly arg: string }
  | { readonly plural: string; readonly branches: ReadonlyMap<string, Part[]> }
  | { readonly select: string; readonly branches: ReadonlyMap<string, Part[]> }
  | { readonly pound: true };

export type IcuValues = Readonly<Record<string, string | number>>;

/** A parsed message: format it with `formatIcu`. Throws a SyntaxError on text it cannot read. */
export function parseIcu(text: string): Part[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${i} in "${text}"`);
  };
  const name = (): string => {
    const m = /^\s*(\w+)\s*/.exec(text.slice(i));
    if (!m) fail('argument name expected');
    i += m![0].length;
    return m![1];
  };
  const parts = (inPlural: boolean): Part[] => {
    const out: Part[] = [];
    let literal = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '}') break;
      if (c === '#' && inPlural) {
        if (literal) out.push(literal);
        literal = '';
        out.push({ pound: true });
        i++;
      } else if (c === '{') {
        if (literal) out.push(literal);
        literal = '';
        i++;
        out.push(argument());
      } else {
        literal += c;
        i++;
      }
    }
    if (literal) out.push(literal);
    return out;
  };
  const argument = (): Part => {
    const arg = name();
    if (text[i] === '}') {
      i++;
      return { arg };
    }
    if (text[i] !== ',') fail('"}" or "," expected');
    i++;
    const kind = name();
    if ((kind !== 'plural' && kind !== 'select') || text[i] !== ',') fail('only "plural" and "select" are supported');
    i++;
    // Plural keys are exact numbers and the plural categories; select keys are any identifier.
    // '#' is the count only directly inside a plural's branches; inside a nested select it is text, as in ICU.
    const key = kind === 'plural' ? /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/ : /^\s*(\w+)\s*\{/;
    const branches = new Map<string, Part[]>();
    for (;;) {
      const m = key.exec(text.slice(i));
      if (!m) break;
      i += m[0].length;
      branches.set(m[1], parts(kind === 'plural'));
      if (text[i] !== '}') fail('"}" expected');
      i++;
    }
    const end = /^\s*\}/.exec(text.slice(i));
    if (!end || !branches.has('other')) fail(`${kind} needs an "other" branch and a closing "}"`);
    i += end![0].length;
    return kind === 'plural' ? { plural: arg, branches } : { select: arg, branches };
  };
  const result = parts(false);
  if (i !== text.length) fail('unexpected "}"');
  return result;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(lang: string, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/**
 * Format a parsed message. An argument without a value is written back as `{name}`, so a missing word
 * is visible rather than an error; a plural count that is not a number, and a select value without a
 * branch of its own, take the "other" branch.
 */
export function formatIcu(parts: readonly Part[], lang: string, values: IcuValues, pound?: number): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if ('pound' in p) out += pound === undefined ? '#' : String(pound);
    else if ('arg' in p) out += p.arg in values ? String(values[p.arg]) : `{${p.arg}}`;
    else if ('select' in p) {
      const v = values[p.select];
      out += formatIcu(p.branches.get(v === undefined ? 'other' : String(v)) ?? p.branches.get('other')!, lang, values, pound);
    } else {
      const v = values[p.plural];
      const n = typeof v === 'number' ? v : NaN;
      const branch = p.branches.get(`=${n}`) ?? (Number.isNaN(n) ? undefined : p.branches.get(pluralCategory(lang, n))) ?? p.branches.get('other')!;
      out += formatIcu(branch, lang, values, Number.isNaN(n) ? undefined : n);
    }
  }
  return out;
}

/** The argument names a parsed message uses, plural counts included. */
export function icuArguments(parts: readonly Part[]): string[] {
  const names = new Set<string>();
  const walk = (ps: readonly Part[]) => {
    for (const p of ps) {
      if (typeof p === 'string' || 'pound' in p) continue;
      if ('arg' in p) names.add(p.arg);
      else {
        names.add('select' in p ? p.select : p.plural);
        for (const b of p.branches.values()) walk(b);
      }
    }
  };
  walk(parts);
  return [...names].sort();
}
