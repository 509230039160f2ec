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
  /** Decide again from a fresh snapshot (every check reads the whole workbook): returns the day it used. */
  readonly decide: (snapshot: WorkbookSnapshot) => Promise<IsoDate>;
}

/**
 * When `fromWorkbook`, the workbook's 设置 may say what today is (the sample's 示例日期): read once after
 * the first paint, and again with every check, so deleting the row returns the pane to the clock.
 * Otherwise the host's `clock` (a date the page was told) stands.
 */
export function useWorkbookDay(port: WorkbookPort, clock: IsoDate, fromWorkbook: boolean): WorkbookDayState {
  const [day, setDay] = useState<WorkbookDay | null>(null);
  useEffect(() => {
    if (!fromWorkbook) return;
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
  }, [port, clock, fromWorkbook]);
  const decide = useCallback(
    async (snapshot: WorkbookSnapshot) => {
      if (!fromWorkbook) return clock;
      const found = (await loadWorkbookDay()).dayOf(snapshot, clock);
      setDay(found);
      return found.today;
    },
    [clock, fromWorkbook],
  );
  const used = fromWorkbook ? day : null;
  return { today: used?.today ?? clock, sample: used?.sample ?? false, decide };
}
