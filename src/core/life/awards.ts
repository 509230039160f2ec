/**
 * 评比参考 (issue 17, plan 5: 十佳/优秀留守儿童, 优秀班主任, party members who mentor well): the facts the
 * school weighs, never a ranking it must follow. Per child: activities, interest groups, talks received;
 * per teacher or mentor: children paired, parent calls on time (share of their children), activities led,
 * training hours. Generated every run, for the summary's period.
 */
import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { PlanCell, PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import type { LifeRange } from './figures';
import type { LifeRead } from './read';

export interface AwardsInput {
  readonly children: readonly { readonly name: string; readonly classLabel: string | null }[];
  readonly life: LifeRead;
  /** 谈心 entries of 谈心记录 (child index, date). */
  readonly talks: readonly { readonly child: number; readonly date: IsoDate }[];
  /**
   * Per teacher or mentor: children paired and the share of them whose parent calls kept the cadence in the
   * period (from the summary) — "contacts on time" is about the children, not the share of calls made on
   * time, so a teacher who calls one child twice as often does not hide another never called.
   */
  readonly teachers: readonly { readonly name: string; readonly paired: number; readonly onTimeShare: number }[];
  readonly range: LifeRange;
  /** The period as the sheets name it (e.g. 2026–2027学年第1学期). */
  readonly periodLabel: string;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function awardsSheetOp(input: AwardsInput, lang: Lang): PlanOp {
  const { range } = input;
  const inRange = (d: IsoDate) => d >= range.from && d <= range.to;
  const n = input.children.length;
  const activities = new Array<number>(n).fill(0);
  const groups = new Array<number>(n).fill(0);
  const talks = new Array<number>(n).fill(0);
  const led = new Map<string, number>();
  const hours = new Map<string, number>();
  for (const a of input.life.activities) {
    if (!inRange(a.date)) continue;
    for (const c of a.children) activities[c]++;
    if (a.leader) led.set(a.leader, (led.get(a.leader) ?? 0) + 1);
  }
  for (const g of input.life.groups) for (const c of g.children) groups[c]++;
  for (const e of input.talks) if (inRange(e.date)) talks[e.child]++;
  // Training hours are per teacher: a 2-hour session for three teachers gives each of them 2 hours here
  // (and 6 in the summary's total, lifeFigures).
  for (const tr of input.life.training) if (inRange(tr.date)) for (const name of tr.teachers) hours.set(name, (hours.get(name) ?? 0) + tr.hours);

  const kindChild = t(lang, 'awards.kind.child');
  const kindTeacher = t(lang, 'awards.kind.teacher');
  const childRows = input.children
    .map((c, i) => ({ c, a: activities[i], g: groups[i], k: talks[i] }))
    .sort((x, y) => y.a - x.a || y.g - x.g || y.k - x.k || collator.compare(x.c.classLabel ?? '', y.c.classLabel ?? '') || collator.compare(x.c.name, y.c.name))
    .map((r): PlanCell[] => [kindChild, r.c.name, r.c.classLabel ?? '', r.a, r.g, r.k, null, null, null, null]);
  const names = new Set([...input.teachers.map((x) => x.name), ...led.keys(), ...hours.keys()].filter(Boolean));
  const byName = new Map(input.teachers.map((x) => [x.name, x]));
  const teacherRows = [...names]
    .map((name) => ({ name, p: byName.get(name), l: led.get(name) ?? 0, h: hours.get(name) ?? 0 }))
    .sort((x, y) => (y.p?.paired ?? 0) - (x.p?.paired ?? 0) || y.l - x.l || y.h - x.h || collator.compare(x.name, y.name))
    .map((r): PlanCell[] => [kindTeacher, r.name, '', null, null, null, r.p?.paired ?? 0, r.p && r.p.paired ? r.p.onTimeShare : null, r.l, Math.round(r.h * 100) / 100]);

  const col = (key: string, format: 'text' | 'integer' | 'percent' | 'decimal', width: number) => ({ header: t(lang, `awards.col.${key}`), format, width });
  return {
    kind: 'replaceSheet',
    sheet: SHEETS.awards,
    content: {
      titleLines: [t(lang, 'awards.title'), t(lang, 'awards.period', { label: input.periodLabel }), t(lang, 'awards.note')],
      columns: [
        col('kind', 'text', 8),
        col('name', 'text', 12),
        col('class', 'text', 10),
        col('activities', 'integer', 10),
        col('groups', 'integer', 10),
        col('talks', 'integer', 10),
        col('paired', 'integer', 10),
        col('onTime', 'percent', 12),
        col('led', 'integer', 10),
        col('hours', 'decimal', 10),
      ],
      rows: [...childRows, ...teacherRows],
      table: { name: 'AwardsTable', style: 'TableStyleLight9' },
      freezeHeader: true,
    },
  };
}
