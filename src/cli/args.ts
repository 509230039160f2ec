import { CliError } from './errors';

/** One option of a command. Long names are used as given (`--sheet`); `short` is a one-letter alias (`-o`). */
export interface OptionSpec {
  readonly takesValue: boolean;
  readonly short?: string;
  /** May be given more than once (`--sheet 一年级一班 --sheet 一年级二班`); read with `listOption`. */
  readonly repeatable?: boolean;
}

export interface ArgsSpec {
  /**
   * Names of the required positional arguments, in order (shown in messages, e.g. "<file.xlsx>"). A
   * last name ending in "..." takes one or more values (`rollup a.xlsx b.xlsx …`).
   */
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** i18n key of the one-line synopsis, quoted in argument errors. */
  readonly synopsisKey: string;
  readonly command: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Option name (long form, no dashes) -> value, or true for a flag. */
  readonly options: ReadonlyMap<string, string | true>;
  /** Every value of a repeatable option, in order (`options` holds the first). */
  readonly lists?: ReadonlyMap<string, readonly string[]>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { takesValue: true },
  help: { takesValue: false, short: 'h' },
};

/**
 * Parses `argv` (after the command name) against `spec`. Accepts `--name value`, `--name=value`,
 * `-x value`, and `--` to end options (for a file whose name starts with a dash). Throws CliError
 * on anything it does not know, so a typo is never silently ignored.
 */
export function parseArgs(argv: readonly string[], spec: ArgsSpec): ParsedArgs {
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  const all: Record<string, OptionSpec> = { ...COMMON_OPTIONS, ...spec.options };
  const byShort = new Map(
    Object.entries(all)
      .filter(([, o]) => o.short)
      .map(([name, o]) => [o.short as string, name]),
  );

  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!(name in all)) throw new CliError('cli.error.unknownOption', { option: `--${name}`, command: spec.command });
    } else {
      const letter = arg.slice(1);
      name = byShort.get(letter);
      if (!name) throw new CliError('cli.error.unknownOption', { option: arg, command: spec.command });
    }
    const shown = arg.startsWith('--') ? `--${name}` : arg;
    if (options.has(name) && !all[name].repeatable) throw new CliError('cli.error.repeatedOption', { option: shown });
    if (all[name].takesValue) {
      let value = inline;
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('-') && next !== '-')) throw new CliError('cli.error.missingValue', { option: shown });
        value = next;
        i++;
      }
      if (value === '') throw new CliError('cli.error.missingValue', { option: shown });
      if (!options.has(name)) options.set(name, value);
      if (all[name].repeatable) lists.set(name, [...(lists.get(name) ?? []), value]);
    } else {
      if (inline !== undefined) throw new CliError('cli.error.unexpectedValue', { option: shown });
      options.set(name, true);
    }
  }

  if (options.has('help')) return { positionals, options, lists };
  if (positionals.length < spec.positionals.length) {
    throw new CliError('cli.error.missingArgument', { argument: spec.positionals[positionals.length], synopsisKey: spec.synopsisKey });
  }
  const variadic = spec.positionals.length > 0 && spec.positionals[spec.positionals.length - 1].endsWith('...');
  if (!variadic && positionals.length > spec.positionals.length) {
    throw new CliError('cli.error.extraArgument', { value: positionals[spec.positionals.length], synopsisKey: spec.synopsisKey });
  }
  return { positionals, options, lists };
}

/** Every value of a repeatable option, each split at commas (`--sheet a,b --sheet c`): the core splits names no sheet has. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const values = args.lists?.get(name) ?? (typeof args.options.get(name) === 'string' ? [args.options.get(name) as string] : []);
  return values.length ? [...values] : undefined;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
