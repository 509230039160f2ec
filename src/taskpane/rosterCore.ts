/**
 * The roster engine, loaded on first use: the pane's first screen is interactive before the checking
 * code has even been fetched (bench/pane.ts measures it).
 */
export type RosterCore = typeof import('../core/roster');

let loading: Promise<RosterCore> | null = null;

export function loadRosterCore(): Promise<RosterCore> {
  loading ??= import(/* webpackChunkName: "roster" */ '../core/roster').catch((error) => {
    loading = null; // a failed chunk load (flaky network in Excel) may succeed on the next click
    throw error;
  });
  return loading;
}
