import type { CliCommand } from './command';
import { applyCommand } from './apply';
import { cardsCommand } from './cards';
import { exportCommand } from './export';
import { rollupCommand } from './rollup';
import { summaryCommand } from './summary';
import { validateCommand } from './validate';

/**
 * Every subcommand, in the order the usage text lists them. Those that write a new workbook (apply,
 * rollup, export) run through output.writesWorkbook, which never writes over an input.
 */
export const COMMANDS: readonly CliCommand[] = [validateCommand, applyCommand, summaryCommand, rollupCommand, exportCommand, cardsCommand];
