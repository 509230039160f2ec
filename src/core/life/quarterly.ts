/**
 * 季度会议材料 (issue 17, plan 5: the leadership group meets every quarter to hear the report): the
 * quarter's figures and what needs a decision — open and overdue follow-ups, overdue contacts, key-focus
 * children without a teacher, pickups missing, the fund's balance — as one short two-column table that
 * prints on one A4 page. Generated every run for the calendar quarter `today` falls in.
 */
import { A4_MARGINS } from '../cards/contactCards';
import { daysInMonth, parseIso, toIso, type IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { PlanCell, PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import type { SummaryFigures } from '../summary/figures';
import type { LifeFigures } from './figures';

export interface Quarter {
  readonly year: number;
  readonly quarter: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function quarterOf(today: IsoDate): Quarter {
  const p = parseIso(today)!;
  const quarter = Math.ceil(p.m / 3);
  const last = quarter * 3;
  return { year: p.y, quarter, from: toIso(p.y, last - 2, 1), to: toIso(p.y, last, daysInMonth(p.y, last)) };
}

export interface QuarterlyInput {
  readonly quarter: Quarter;
  readonly asOf: IsoDate;
  /** The summary computed for the quarter. */
  readonly figures: SummaryFigures;
  /** The life figures for the quarter (fund balance at its end). */
  readonly life: LifeFigures;
  /** 提醒事项's overdue contact items as of today. */
  readonly overdueContacts: number;
}

const pct = (x: number) => Math.round(x * 1000) / 1000;

export function quarterlySheetOp(input: QuarterlyInput, lang: Lang): PlanOp {
  const { figures: f, life, quarter: q } = input;
  const c = f.contact;
  const item = (key: string, value: PlanCell, note = ''): PlanCell[] => [t(lang, `quarterly.item.${key}`), value, note];
  const rows: PlanCell[][] = [
    item('children', f.children),
    item('keyFocus', f.keyFocus),
    item('talks', c.talks),
    item('talkShare', `${Math.round(pct(c.talkShare) * 1000) / 10}%`),
    item('parentCalls', c.parentCalls),
    item('homeVisits', c.homeVisits),
    item('activities', life.activities.count),
    item('takingPart', life.activities.childrenTakingPart),
    item('attendances', life.rollCall.attendances),
    item('trained', life.training.teachers),
    item('openFollowUps', c.openFollowUps, t(lang, 'quarterly.note.decide')),
    item('overdueFollowUps', c.overdueFollowUps, t(lang, 'quarterly.note.decide')),
    item('overdueContacts', input.overdueContacts, t(lang, 'quarterly.note.decide')),
    item('unpairedKeyFocus', f.pairing.keyFocusWithoutTeacher, t(lang, 'quarterly.note.decide')),
    item('pickupsMissing', life.rollCall.pickupsMissing, t(lang, 'quarterly.note.decide')),
    item(
      'fundBalance',
      t(lang, 'summary.life.yuan', { amount: life.fund.balance.toFixed(2) }),
      t(lang, 'quarterly.note.fund', { income: life.fund.income.toFixed(2), spent: life.fund.spent.toFixed(2) }),
    ),
    item('findings', f.quality.errors),
  ];
  return {
    kind: 'replaceSheet',
    sheet: SHEETS.quarterly,
    content: {
      titleLines: [t(lang, 'quarterly.title', { year: q.year, quarter: q.quarter }), t(lang, 'quarterly.period', { from: q.from, to: q.to, asOf: input.asOf })],
      // Narrow enough for a portrait A4 page (about 90 characters across).
      columns: [
        { header: t(lang, 'quarterly.col.item'), format: 'text', width: 30 },
        { header: t(lang, 'quarterly.col.value'), format: 'general', width: 14 },
        { header: t(lang, 'quarterly.col.note'), format: 'text', width: 40, wrap: true },
      ],
      rows,
      table: { name: 'QuarterlyTable', style: 'TableStyleLight9' },
      // One A4 page for the meeting: portrait, scaled to the page's width if a host's fonts run wide.
      print: { paper: 'A4', orientation: 'portrait', margins: A4_MARGINS, fitToWidth: true },
    },
  };
}
