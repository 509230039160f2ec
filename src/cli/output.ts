import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IsoDate } from '../core/dates';
import { isConverted, savedExtension, savedFileName, type SourceFormat } from '../workbook/file/sniff';
import { stringOption, type OptionSpec, type ParsedArgs } from './args';
import type { CliCommand, CliContext } from './command';
import { CliError } from './errors';
import { refuseSameFile, writeOutputFile } from './io';
import type { WorkbookSnapshot } from '../core/snapshot';
import { givenToday, todayFor } from './today';

/** --sheet, repeatable: the roster's sheets (one per class), for every command that reads the roster. */
export const SHEET_OPTION: Readonly<Record<'sheet', OptionSpec>> = { sheet: { takesValue: true, repeatable: true } };

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

/** What a writing command works from: its input files and the reference date. */
export interface OutputJob {
  readonly inputs: readonly string[];
  /** --today, or the host's date: one day for every input (rollup). */
  readonly today: IsoDate;
  /** Today for one input: --today, else its 示例日期 (the bundled sample's), else the host's date. */
  readonly todayOf: (snapshot: WorkbookSnapshot) => IsoDate;
  /** The command's arguments, for its own options (--sheet). */
  readonly args: ParsedArgs;
}

/** What it made: the new workbook's bytes, what to tell the user once it is written, the exit code. */
export interface MadeWorkbook {
  readonly bytes: Uint8Array;
  /** The text for the user, given the path the workbook was written to. */
  readonly report: (output: string) => string;
  readonly exit: number;
  /**
   * The format of the input the workbook was made from (`apply`): it decides the extension (.xlsm
   * keeps its macros, all else is .xlsx) and whether it may be saved beside the input without -o.
   * Absent for a new workbook (export, rollup), which is always an .xlsx.
   */
  readonly source?: SourceFormat;
}

export interface WritingOptions {
  /**
   * Without -o, save beside the input under its own name with the saved extension — allowed only
   * when the input is in a format that is converted (an .xls gives a new .xlsx), since an .xlsx
   * would name the input itself.
   */
  readonly besideInput?: boolean;
}

const OOXML_OUTPUT = /\.(xlsx|xlsm)$/i;

/** The output's extension fits what is written: .xlsm for a macro workbook, .xlsx for everything else. */
function checkOutputName(output: string, source: SourceFormat | undefined): void {
  const expected = savedExtension(source ?? 'xlsx');
  if (output.toLowerCase().endsWith(expected)) return;
  if (source === 'xlsm') throw new CliError('cli.error.macroOutput', { path: output });
  throw new CliError('cli.error.outputFormat', { path: output, expected });
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The `run` of a command that reads workbooks and writes a new one (apply, export, rollup): -o and
 * --today read, an output naming any input or a format we never write (.xls, .csv …) refused before
 * any work (the teachers' files are never written), the workbook made by `make`, its output name
 * checked against what it holds, written through a temporary file, and only then reported.
 */
export function writesWorkbook(make: (job: OutputJob, ctx: CliContext) => Promise<MadeWorkbook>, options: WritingOptions = {}): CliCommand['run'] {
  return async (args, ctx) => {
    const inputs = args.positionals;
    const given = options.besideInput ? stringOption(args, 'output') : outputFrom(args);
    const givenDay = givenToday(args);
    const today = givenDay ?? ctx.today();
    if (given !== undefined) {
      await refuseSameFile(inputs, given);
      if (!OOXML_OUTPUT.test(given)) throw new CliError('cli.error.outputFormat', { path: given, expected: '.xlsx' });
    }
    const made = await make({ inputs, today, todayOf: (snapshot) => todayFor(givenDay, snapshot, ctx), args }, ctx);
    let output = given;
    if (output === undefined) {
      if (!made.source || !isConverted(made.source)) throw new CliError('cli.error.missingOutput');
      output = path.join(path.dirname(inputs[0]), savedFileName(path.basename(inputs[0]), made.source));
      // Never replace a file the user did not name.
      if (await exists(output)) throw new CliError('cli.error.outputExists', { path: output });
    }
    checkOutputName(output, made.source);
    await writeOutputFile(inputs, output, made.bytes);
    ctx.stdout(made.report(output));
    return made.exit;
  };
}
