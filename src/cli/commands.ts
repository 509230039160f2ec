import type { CliCommand } from './command';
import { applyCommand } from './apply';
import { exportCommand } from './export';
import { rollupCommand } from './rollup';
import { summaryCommand } from './summary';
import { validateCommand } from './validate';

/**
 * Every subcommand, in the order the usage text lists them. Later work adds `apply` (which writes
 * through io.writeOutputFile, refusing to overwrite its input) and `summary` here.
 */
export const COMMANDS: readonly CliCommand[] = [validateCommand, applyCommand, summaryCommand, rollupCommand, exportCommand];
