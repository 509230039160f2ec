/**
 * The command line, as a function: parse, dispatch to the command table, turn every failure into one
 * line in the user's language. main.ts is the process around it.
 */
import '../core/i18n/all';
import { t, type Lang } from '../core/i18n';
import { parseArgs, type ParsedArgs } from './args';
import type { CliCommand, CliContext } from './command';
import { COMMANDS } from './commands';
import { CliError, EXIT } from './errors';
import { langFromArgv } from './lang';
import { localToday } from './today';

export { langFromArgv };

export function usage(lang: Lang, commands: readonly CliCommand[] = COMMANDS): string {
  const lines = [t(lang, 'cli.usage.title'), '', t(lang, 'cli.usage.commands')];
  for (const c of commands) lines.push(`  ${t(lang, c.synopsisKey)}`, `      ${t(lang, c.summaryKey)}`);
  lines.push('', t(lang, 'cli.usage.common'), '', t(lang, 'cli.usage.exit'));
  return lines.join('\n') + '\n';
}

export function errorLine(lang: Lang, e: CliError): string {
  const params = { ...e.params };
  if (typeof params.synopsisKey === 'string') params.synopsis = t(lang, params.synopsisKey);
  // One line, whatever a parameter holds (a path with a newline must not split the message).
  return t(lang, 'cli.error.prefix', { message: t(lang, e.key, params) }).replace(/[\r\n]+/g, ' ');
}

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly today?: () => string;
}

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const { lang, bad } = langFromArgv(argv);
  try {
    if (bad !== undefined) throw new CliError('cli.error.badLang', { value: bad });
    const [name, ...rest] = argv;
    const names = COMMANDS.map((c) => c.name).join(', ');
    if (name === undefined) throw new CliError('cli.error.noCommand', { commands: names });
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout(usage(lang));
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliError('cli.error.unknownCommand', { command: name, commands: names });
    const args: ParsedArgs = parseArgs(rest, { command: command.name, positionals: command.positionals, options: command.options, synopsisKey: command.synopsisKey });
    if (args.options.has('help')) {
      io.stdout(usage(lang, [command]));
      return EXIT.ok;
    }
    const ctx: CliContext = { lang, stdout: io.stdout, stderr: io.stderr, today: io.today ?? (() => localToday()) };
    return await command.run(args, ctx);
  } catch (e) {
    io.stderr((e instanceof CliError ? errorLine(lang, e) : t(lang, 'cli.error.prefix', { message: t(lang, 'cli.error.unexpected') })) + '\n');
    return e instanceof CliError ? e.exitCode : EXIT.cannotRun;
  }
}
