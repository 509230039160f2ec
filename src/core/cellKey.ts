/**
 * A cell's key in a Map of cells by position (0-based row and column): the file port's SheetLook and the
 * standalone grid. A module of its own, not in cells.ts, which the Excel pane loads first: this one is
 * only needed where a sheet's look is read or shown.
 */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}
