/**
 * The school's life (issue 17) on 统计汇总 and 工作报告: activities, interest groups, the 留守之家 roll
 * call, the fund and training, as rows and sentences beside the contact figures. Money is shown as
 * text with two decimals (the sheet's count column is whole numbers).
 */
import { t, type Lang } from '../i18n';
import type { LifeFigures } from '../life/figures';
import { ACTIVITY_TYPES } from '../life/types';
import type { PlanCell } from '../plan/types';
import { share } from './figures';
import { formatShare, roundShare } from './labels';

/** The summary sheet's row builder, as sheets.ts has it (the columns this block uses). */
export type SummaryRow = (section: string, item: string, cells: { count?: number; shareOfAll?: number; note?: string }) => PlanCell[];

export const yuanText = (amount: number, lang: Lang): string => t(lang, 'summary.life.yuan', { amount: amount.toFixed(2) });

export function lifeSummaryRows(life: LifeFigures, all: number, lang: Lang, row: SummaryRow): PlanCell[][] {
  const sec = (key: string) => t(lang, `summary.life.section.${key}`);
  const item = (key: string) => t(lang, `summary.life.item.${key}`);
  const children = (section: string, key: string, n: number) => row(section, item(key), { count: n, shareOfAll: share(n, all) });
  const a = life.activities;
  const rows: PlanCell[][] = [row(sec('activities'), item('activities'), { count: a.count })];
  // Activity types are the dropdown's Chinese values: data, shown as typed in either language.
  for (const type of ACTIVITY_TYPES) if (a.byType[type] > 0) rows.push(row(sec('activities'), type, { count: a.byType[type] }));
  rows.push(children(sec('activities'), 'takingPart', a.childrenTakingPart), children(sec('activities'), 'without', a.childrenWithout));
  const g = life.interestGroups;
  rows.push(row(sec('groups'), item('groups'), { count: g.groups }), children(sec('groups'), 'members', g.members), children(sec('groups'), 'inNone', g.childrenInNone));
  const r = life.rollCall;
  rows.push(
    row(sec('rollCall'), item('days'), { count: r.days }),
    row(sec('rollCall'), item('attendances'), { count: r.attendances }),
    row(sec('rollCall'), item('pickupsMissing'), { count: r.pickupsMissing }),
  );
  const f = life.fund;
  rows.push(
    row(sec('fund'), item('income'), { note: yuanText(f.income, lang) }),
    row(sec('fund'), item('spent'), { note: yuanText(f.spent, lang) }),
    row(sec('fund'), item('balance'), { note: yuanText(f.balance, lang) }),
    row(sec('fund'), item('aided'), {
      count: f.childrenAided,
      shareOfAll: share(f.childrenAided, all),
      note: t(lang, 'summary.life.note.perChild', { amount: f.perChild.toFixed(2) }),
    }),
  );
  const tr = life.training;
  rows.push(row(sec('training'), item('teachers'), { count: tr.teachers, note: t(lang, 'summary.life.note.hours', { hours: tr.hours, credits: tr.credits }) }));
  return rows;
}

/** 工作报告's sentences, one per kind of work the school records (a sheet with no rows says nothing). */
export function lifeParagraphs(life: LifeFigures, all: number, lang: Lang, when: string): string[] {
  const out: string[] = [];
  const a = life.activities;
  if (life.used.activities) {
    const sep = t(lang, 'summary.life.sep');
    const types = ACTIVITY_TYPES.filter((k) => a.byType[k] > 0)
      .map((k) => t(lang, 'summary.life.typeCount', { type: k, count: a.byType[k] }))
      .join(sep);
    out.push(
      t(lang, 'summary.life.p.activities', {
        when,
        count: a.count,
        types: types || '—',
        taking: a.childrenTakingPart,
        share: formatShare(share(a.childrenTakingPart, all)),
        without: a.childrenWithout,
      }),
    );
  }
  if (life.used.groups)
    out.push(t(lang, 'summary.life.p.groups', { groups: life.interestGroups.groups, members: life.interestGroups.members, none: life.interestGroups.childrenInNone }));
  if (life.used.rollCall) {
    const r = life.rollCall;
    out.push(
      t(lang, r.pickupsMissing > 0 ? 'summary.life.p.rollCall' : 'summary.life.p.rollCallSafe', { when, days: r.days, attendances: r.attendances, missing: r.pickupsMissing }),
    );
  }
  if (life.used.fund) {
    const f = life.fund;
    out.push(
      t(lang, 'summary.life.p.fund', {
        when,
        income: f.income.toFixed(2),
        spent: f.spent.toFixed(2),
        aided: f.childrenAided,
        perChild: f.perChild.toFixed(2),
        balance: f.balance.toFixed(2),
      }),
    );
  }
  if (life.used.training) out.push(t(lang, 'summary.life.p.training', { when, teachers: life.training.teachers, hours: life.training.hours, credits: life.training.credits }));
  return out;
}

/** 工作报告's table rows: label, count, share of all children (as the report's other rows). */
export function lifeReportRows(life: LifeFigures, all: number, lang: Lang): PlanCell[][] {
  const item = (key: string) => t(lang, `summary.life.item.${key}`);
  const counted = (key: string, n: number): PlanCell[] => [item(key), n, roundShare(share(n, all))];
  const plain = (key: string, n: number): PlanCell[] => [item(key), n, null];
  return [
    plain('activities', life.activities.count),
    counted('takingPart', life.activities.childrenTakingPart),
    counted('members', life.interestGroups.members),
    plain('attendances', life.rollCall.attendances),
    plain('pickupsMissing', life.rollCall.pickupsMissing),
    counted('aided', life.fund.childrenAided),
    plain('teachers', life.training.teachers),
  ];
}
