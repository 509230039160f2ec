import type { IsoDate } from '../core/dates';
import { stringOption, type OptionSpec, type ParsedArgs } from './args';
import type { CliCommand, CliContext } from './command';
import { CliError } from './errors';
import { refuseSameFile, writeOutputFile } from './io';
import { todayFrom } from './today';

/** -o and --today: the options of every command that writes a new workbook. */
export const WORKBOOK_OUTPUT_OPTIONS: Readonly<Record<'output' | 'today', OptionSpec>> = {
  output: { takesValue: true, short: 'o' },
  today: { takesValue: true },
};

/** -o, which commands that write a new workbook require. */
export function outputFrom(args: ParsedArgs): string {
  const output = stringOption(args, 'output');
  if (output === undefined) throw new CliError('cli.error.missingOutput');
  return output;
}

/** What a writing command works from: its input files, the output it was given, the reference date. */
export interface OutputJob {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly today: IsoDate;
}

/** What it made: the new workbook's bytes, what to tell the user once it is written, the exit code. */
export interface MadeWorkbook {
  readonly bytes: Uint8Array;
  readonly report: string;
  readonly exit: number;
}

/**
 * The `run` of a command that reads workbooks and writes a new one (apply, export, rollup): -o and
 * --today read, an output naming any input refused before any work (the teachers' files are never
 * written), the workbook made by `make`, written through a temporary file, and only then reported.
 */
export function writesWorkbook(make: (job: OutputJob, ctx: CliContext) => Promise<MadeWorkbook>): CliCommand['run'] {
  return async (args, ctx) => {
    const inputs = args.positionals;
    const output = outputFrom(args);
    const today = todayFrom(args, ctx);
    await refuseSameFile(inputs, output);
    const made = await make({ inputs, output, today }, ctx);
    await writeOutputFile(inputs, output, made.bytes);
    ctx.stdout(made.report);
    return made.exit;
  };
}
