import { parseIso, toIso, type IsoDate } from '../core/dates';
import { workbookToday } from '../core/settings';
import type { WorkbookSnapshot } from '../core/snapshot';
import { stringOption, type ParsedArgs } from './args';
import type { CliContext } from './command';
import { CliError } from './errors';

/** The machine's local calendar date. Only hosts read the clock; the core gets `today` as a parameter. */
export function localToday(now: Date = new Date()): IsoDate {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A YYYY-MM-DD option value, checked to be a real date. */
export function dateOption(option: string, value: string): IsoDate {
  if (!parseIso(value)) throw new CliError('cli.error.badDate', { option, value });
  return value;
}

/** --today as given (checked, so a bad date is refused before any file is read), or undefined. */
export function givenToday(args: ParsedArgs): IsoDate | undefined {
  const flag = stringOption(args, 'today');
  return flag === undefined ? undefined : dateOption('--today', flag);
}

/** Today for one workbook: --today, else its 示例日期, else the machine's date (the rule: workbookToday). */
export function todayFor(given: IsoDate | undefined, snapshot: WorkbookSnapshot, ctx: CliContext): IsoDate {
  return workbookToday(snapshot, ctx.today(), given);
}
