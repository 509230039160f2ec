import { PortError } from '../port';

/**
 * One level of undo for the file host: the package as it was before the last apply. A committed parts
 * map is never changed afterwards (each apply works on a copy, see Pkg), so keeping the previous one
 * costs a reference, not a copy of the workbook. Nobody else edits the file in memory, so restoring it
 * cannot overwrite anyone's work.
 */
export class PackageUndo<P> {
  private previous: P | undefined;

  /** Keep `parts` as the state an undo returns to (called with the package as it was before an apply). */
  remember(parts: P): void {
    this.previous = parts;
  }

  canUndo(): boolean {
    return this.previous !== undefined;
  }

  /** The package to return to; afterwards there is nothing left to undo (one level). */
  take(): P {
    const parts = this.previous;
    if (parts === undefined) throw new PortError('office.nothingToUndo');
    this.previous = undefined;
    return parts;
  }
}
