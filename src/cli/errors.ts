import type { Params } from '../core/i18n';

/** Exit codes of every command (README and usage text say the same). */
export const EXIT = {
  /** Checked; no errors (warnings allowed). */
  ok: 0,
  /** Checked; errors found. */
  findings: 1,
  /** Could not check: bad arguments, missing or unreadable file, no roster. */
  cannotRun: 2,
} as const;

/**
 * A failure the user can act on, told as one line in their language: an i18n key and its parameters.
 * Never carries names, ID numbers or phones — only paths and sheet names the user typed or owns.
 */
export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: Params = {},
    readonly exitCode: number = EXIT.cannotRun,
  ) {
    super(key);
    this.name = 'CliError';
  }
}
