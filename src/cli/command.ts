import type { IsoDate } from '../core/dates';
import type { Lang } from '../core/i18n';
import type { OptionSpec, ParsedArgs } from './args';

/** What a command may use from its host: language, output streams, the clock. */
export interface CliContext {
  readonly lang: Lang;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The local date, read only when the user gave no --today. */
  readonly today: () => IsoDate;
}

/**
 * One subcommand. Adding a command is one entry in COMMANDS (commands.ts): its arguments, its
 * options (--lang and --help come free), its usage lines (i18n keys) and `run`, which returns the
 * exit code or throws CliError for a one-line failure.
 */
export interface CliCommand {
  readonly name: string;
  readonly synopsisKey: string;
  readonly summaryKey: string;
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
