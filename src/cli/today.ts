import { parseIso, toIso, type IsoDate } from '../core/dates';
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

/** --today, or the host's date when absent. */
export function todayFrom(args: ParsedArgs, ctx: CliContext): IsoDate {
  const flag = stringOption(args, 'today');
  return flag === undefined ? ctx.today() : dateOption('--today', flag);
}
