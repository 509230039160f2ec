import { useCallback, useEffect, useState } from 'react';
import type { IsoDate } from '../core/dates';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookPort } from '../workbook/port';
import type { WorkbookDay } from './workbookDay';

type DayModule = typeof import('./workbookDay');
let loading: Promise<DayModule> | null = null;

/** The rule's code, fetched after the first paint (it pulls in the 设置 reader). */
export function loadWorkbookDay(): Promise<DayModule> {
  loading ??= import(/* webpackChunkName: "workbook-day" */ './workbookDay').catch((error) => {
    loading = null; // a failed chunk load may succeed next time
    throw error;
  });
  return loading;
}

export interface WorkbookDayState {
  /** The day the pane computes with: the host's `clock` until 设置 is read, then the rule's answer. */
  readonly today: IsoDate;
  /** `today` is the sample's 示例日期. */
  readonly sample: boolean;
  /** The workbook is the sample (its 设置 has 示例日期), whether or not its day is used: the first steps show. */
  readonly isSample: boolean;
  /** Decide again from a fresh snapshot (every check reads the whole workbook): returns the day it used. */
  readonly decide: (snapshot: WorkbookSnapshot) => Promise<IsoDate>;
}

/**
 * The workbook's 设置, read once after the first paint and again with every check (so deleting the row
 * returns the pane to the clock), says whether this is the sample and, when `fromWorkbook`, what today is
 * (the sample's 示例日期). Otherwise the host's `clock` (a date the page was told) stands.
 */
export function useWorkbookDay(port: WorkbookPort, clock: IsoDate, fromWorkbook: boolean): WorkbookDayState {
  const [day, setDay] = useState<WorkbookDay | null>(null);
  useEffect(() => {
    let live = true;
    loadWorkbookDay()
      .then((m) => m.readDay(port, clock))
      .then(
        (found) => live && setDay(found),
        () => undefined, // 设置 unreadable: the clock's date stands, and the check will say what is wrong
      );
    return () => {
      live = false;
    };
  }, [port, clock]);
  const decide = useCallback(
    async (snapshot: WorkbookSnapshot) => {
      const found = (await loadWorkbookDay()).dayOf(snapshot, clock);
      setDay(found);
      return fromWorkbook ? found.today : clock;
    },
    [clock, fromWorkbook],
  );
  const used = fromWorkbook ? day : null;
  return { today: used?.today ?? clock, sample: used?.sample ?? false, isSample: day?.sample ?? false, decide };
}
