import { t, type Lang } from '../i18n';
import { A4_MARGINS } from '../cards/contactCards';
import type { PlanCell, PlanChart, PlanColumn, PlanOp, PlanPrint, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import { BOARDING_KEYS, GRADE_KEYS, GUARDIAN_KEYS, LEFT_BEHIND_KEYS, share, type ChildStats, type EventCounts, type SummaryFigures } from './figures';
import { findingRuleLabel, formatShare, periodLabel, periodWhen, roundShare } from './labels';
import type { Period } from './period';
import { RECORDED_FACTS } from './inputs';
import type { LifeFigures } from '../life/figures';
import { lifeParagraphs, lifeReportRows, lifeSummaryRows } from './life';

/**
 * 统计汇总 as one Excel table: every block is a set of rows tagged with its section (板块), so the
 * teacher can filter by section, and every column means one thing whatever the block (数量 is the
 * block's count: children for the roster blocks, issues for data quality). Percent columns are
 * shares in [0,1] formatted as percent by the port.
 */
const COL = {
  section: 0,
  item: 1,
  count: 2,
  shareOfAll: 3,
  withTalk: 4,
  talkShare: 5,
  onCadence: 6,
  cadenceShare: 7,
  talks: 8,
  parentCalls: 9,
  homeVisits: 10,
  openFollowUps: 11,
  note: 12,
} as const;
type ColName = keyof typeof COL;
const WIDTH = Object.keys(COL).length;

function summaryColumns(lang: Lang): PlanColumn[] {
  const c = (key: string, format: PlanColumn['format'], width: number): PlanColumn => ({ header: t(lang, `summary.col.${key}`), format, width });
  return [
    c('section', 'text', 12),
    c('item', 'text', 24),
    c('count', 'integer', 8),
    c('shareOfAll', 'percent', 11),
    c('withTalk', 'integer', 9),
    c('talkShare', 'percent', 11),
    c('onCadence', 'integer', 11),
    c('cadenceShare', 'percent', 11),
    c('talks', 'integer', 9),
    c('parentCalls', 'integer', 11),
    c('homeVisits', 'integer', 9),
    c('openFollowUps', 'integer', 8),
    c('note', 'text', 30),
  ];
}

function row(section: string, item: string, cells: Partial<Record<ColName, PlanCell>>): PlanCell[] {
  const out = new Array<PlanCell>(WIDTH).fill(null);
  out[COL.section] = section;
  out[COL.item] = item;
  for (const [k, v] of Object.entries(cells)) out[COL[k as ColName]] = v ?? null;
  return out;
}

const childCells = (s: ChildStats, all: number): Partial<Record<ColName, PlanCell>> => ({
  count: s.children,
  shareOfAll: share(s.children, all),
  withTalk: s.withTalk,
  talkShare: s.talkShare,
  onCadence: s.callsOnCadence,
  cadenceShare: s.callCadenceShare,
});

const eventCells = (e: EventCounts): Partial<Record<ColName, PlanCell>> => ({
  talks: e.talks,
  parentCalls: e.parentCalls,
  homeVisits: e.homeVisits,
  openFollowUps: e.openFollowUps,
});

export interface SummaryContentOptions {
  /** Put the names of children without a talk on the sheet (a school's own sheet: yes; a roll-up: no). */
  readonly withNames?: boolean;
  /** A school's name for the title (roll-up sheets). */
  readonly school?: string;
  /** Per-school rows on a roll-up's total sheet. */
  readonly schools?: readonly { readonly school: string; readonly figures: SummaryFigures }[];
  /** Leave out blocks that only make sense inside one school (classes, teachers, mentors by name). */
  readonly schoolBlocks?: boolean;
  /** The first title line, instead of the default. */
  readonly title?: string;
  /** Excel table names are unique per workbook: a roll-up gives each sheet its own. */
  readonly tableName?: string;
  /** The school's life (issue 17): activities, groups, roll call, fund, training, before data quality. */
  readonly life?: LifeFigures;
}

export function summaryContent(figures: SummaryFigures, lang: Lang, period: Period = figures.period, options: SummaryContentOptions = {}): SheetContent {
  const withNames = options.withNames ?? true;
  const schoolBlocks = options.schoolBlocks ?? true;
  const b = newSummaryRows(lang, figures.children);
  const c = figures.contact;
  b.rows.push(row(b.sec('overall'), t(lang, 'summary.item.all'), { ...childCells(c, b.all), ...eventCells(c) }));
  if (options.schools?.length) schoolRows(b, options.schools);
  gradeRows(b, figures);
  if (schoolBlocks && figures.byClass.length) classRows(b, figures);
  rosterRows(b, figures);
  pairingRows(b, figures.pairing, schoolBlocks, figures.recorded.keyFocus);
  if (schoolBlocks) {
    for (const tf of c.byTeacher) {
      b.rows.push(row(b.sec('teachers'), tf.teacher || t(lang, 'summary.item.noRecorder'), { ...childCells(tf.paired, b.all), ...eventCells(tf) }));
    }
  }
  if (c.byMonth.length) monthRows(b, c.byMonth);
  contactRows(b, c, withNames);
  if (options.life) b.rows.push(...lifeSummaryRows(options.life, b.all, lang, row));
  qualityRows(b, figures.quality);

  const titleLines = [
    options.title ?? (options.school ? t(lang, 'summary.sheet.schoolTitle', { school: options.school }) : t(lang, 'summary.sheet.title')),
    t(lang, 'summary.sheet.period', { label: periodLabel(period, lang), asOf: period.asOf }),
    t(lang, 'summary.sheet.notes', { days: c.cadenceDays, from: period.term.from, to: period.term.to }),
  ];
  if (!withNames) titleLines.push(t(lang, 'summary.sheet.namesOmitted'));
  return {
    titleLines,
    columns: summaryColumns(lang),
    rows: b.rows,
    table: { name: options.tableName ?? 'SummaryTable', style: 'TableStyleMedium2' },
    freezeHeader: true,
    charts: b.charts,
  };
}

/** 统计汇总's rows as the sections add them, and the charts over blocks of them. */
interface SummaryRows {
  readonly lang: Lang;
  /** Children on the roster: the denominator of 占全部. */
  readonly all: number;
  readonly rows: PlanCell[][];
  readonly charts: PlanChart[];
  /** A section's label (板块). */
  sec(key: string): string;
  /** A roster block's row: a count of children and its share of all. */
  countRow(section: string, item: string, n: number): PlanCell[];
  /** The label of a missing value (未填). */
  readonly unknown: string;
}

function newSummaryRows(lang: Lang, all: number): SummaryRows {
  return {
    lang,
    all,
    rows: [],
    charts: [],
    sec: (key) => t(lang, `summary.section.${key}`),
    countRow: (section, item, n) => row(section, item, { count: n, shareOfAll: share(n, all) }),
    unknown: t(lang, 'summary.item.unknown'),
  };
}

/** A chart over the rows added since `first`, labelled by 项目. */
function chartSince(b: SummaryRows, type: PlanChart['type'], titleKey: string, first: number, valueCol: number): void {
  b.charts.push({ type, title: t(b.lang, titleKey), rows: { first, last: b.rows.length - 1 }, categoryCol: COL.item, valueCols: [valueCol] });
}

/** A roll-up's total sheet: one row per school, charted. */
function schoolRows(b: SummaryRows, schools: NonNullable<SummaryContentOptions['schools']>): void {
  const first = b.rows.length;
  for (const s of schools) {
    b.rows.push(row(b.sec('schools'), s.school, { ...childCells(s.figures.contact, b.all), ...eventCells(s.figures.contact) }));
  }
  chartSince(b, 'column', 'summary.chart.bySchool', first, COL.count);
}

function gradeRows(b: SummaryRows, figures: SummaryFigures): void {
  for (const g of GRADE_KEYS) if (figures.byGrade[g] > 0) b.rows.push(b.countRow(b.sec('grade'), t(b.lang, `summary.grade.${g}`), figures.byGrade[g]));
  if (figures.gradeUnknown > 0) b.rows.push(b.countRow(b.sec('grade'), b.unknown, figures.gradeUnknown));
}

function classRows(b: SummaryRows, figures: SummaryFigures): void {
  const first = b.rows.length;
  for (const cl of figures.byClass) {
    b.rows.push(row(b.sec('class'), cl.classLabel ?? t(b.lang, 'summary.item.noClass'), { ...childCells(cl, b.all), ...eventCells(cl) }));
  }
  chartSince(b, 'column', 'summary.chart.byClass', first, COL.count);
}

/**
 * Gender, left-behind type, guardian, boarding, key focus: 未填 rows only when someone is unfilled. A fact
 * the roster has no column for is one row saying 未登记 in 数量, never a 0 that reads as "none".
 */
function rosterRows(b: SummaryRows, figures: SummaryFigures): void {
  const { lang, unknown } = b;
  const recorded = figures.recorded;
  const notRecorded = (section: string, item: string) =>
    b.rows.push(row(b.sec(section), item, { count: t(lang, 'summary.notRecorded'), note: t(lang, 'summary.note.notRecorded') }));
  if (!recorded.gender) notRecorded('gender', t(lang, 'summary.section.gender'));
  else {
    b.rows.push(b.countRow(b.sec('gender'), t(lang, 'summary.gender.male'), figures.byGender['男']));
    b.rows.push(b.countRow(b.sec('gender'), t(lang, 'summary.gender.female'), figures.byGender['女']));
    if (figures.byGender['未填'] > 0) b.rows.push(b.countRow(b.sec('gender'), unknown, figures.byGender['未填']));
  }
  if (!recorded.leftBehind) notRecorded('leftBehind', t(lang, 'summary.section.leftBehind'));
  else
    for (const k of LEFT_BEHIND_KEYS) {
      if (k === 'both' || k === 'one' || figures.byLeftBehind[k] > 0)
        b.rows.push(b.countRow(b.sec('leftBehind'), k === 'unknown' ? unknown : t(lang, `summary.lb.${k}`), figures.byLeftBehind[k]));
    }
  if (!recorded.guardian) notRecorded('guardian', t(lang, 'summary.section.guardian'));
  else
    for (const k of GUARDIAN_KEYS) {
      if (k !== 'unknown' || figures.byGuardian[k] > 0)
        b.rows.push(b.countRow(b.sec('guardian'), k === 'unknown' ? unknown : t(lang, `summary.guardian.${k}`), figures.byGuardian[k]));
    }
  if (!recorded.boarding) notRecorded('boarding', t(lang, 'summary.boarding.yes'));
  else
    for (const k of BOARDING_KEYS) {
      if (k !== 'unknown' || figures.boarding[k] > 0) b.rows.push(b.countRow(b.sec('boarding'), k === 'unknown' ? unknown : t(lang, `summary.boarding.${k}`), figures.boarding[k]));
    }
  if (!recorded.keyFocus) notRecorded('keyFocus', t(lang, 'summary.item.keyFocus'));
  else b.rows.push(b.countRow(b.sec('keyFocus'), t(lang, 'summary.item.keyFocus'), figures.keyFocus));
}

/** Pairing coverage, and (inside one school) each mentor's load against their capacity. */
function pairingRows(b: SummaryRows, p: SummaryFigures['pairing'], schoolBlocks: boolean, keyFocusRecorded: boolean): void {
  const { lang } = b;
  b.rows.push(b.countRow(b.sec('pairing'), t(lang, 'summary.item.withTeacher'), p.withTeacher));
  b.rows.push(b.countRow(b.sec('pairing'), t(lang, 'summary.item.withBuddy'), p.withBuddy));
  b.rows.push(b.countRow(b.sec('pairing'), t(lang, 'summary.item.withProxy'), p.withProxy));
  b.rows.push(b.countRow(b.sec('pairing'), t(lang, 'summary.item.unpaired'), p.unpaired));
  b.rows.push(
    keyFocusRecorded
      ? b.countRow(b.sec('pairing'), t(lang, 'summary.item.keyFocusWithoutTeacher'), p.keyFocusWithoutTeacher)
      : row(b.sec('pairing'), t(lang, 'summary.item.keyFocusWithoutTeacher'), { count: t(lang, 'summary.notRecorded'), note: t(lang, 'summary.note.notRecorded') }),
  );
  if (p.unmatchedPairs > 0) b.rows.push(row(b.sec('pairing'), t(lang, 'summary.item.unmatchedPairs'), { count: p.unmatchedPairs }));
  if (schoolBlocks) {
    for (const m of p.mentors) {
      const note = [m.kind, m.capacity !== null ? t(lang, 'summary.note.capacity', { capacity: m.capacity }) : '', m.over ? t(lang, 'summary.note.over') : '']
        .filter(Boolean)
        .join('；');
      b.rows.push(row(b.sec('mentors'), m.name, { count: m.load, note }));
    }
  }
  if (p.mentorsOverCapacity > 0) b.rows.push(row(b.sec('mentors'), t(lang, 'summary.item.mentorsOver'), { count: p.mentorsOverCapacity }));
}

/** Talk coverage month by month, charted as a line. */
function monthRows(b: SummaryRows, byMonth: SummaryFigures['contact']['byMonth']): void {
  const first = b.rows.length;
  for (const m of byMonth) {
    b.rows.push(row(b.sec('months'), m.month, { count: m.children, withTalk: m.withTalk, talkShare: m.talkShare, ...eventCells(m) }));
  }
  chartSince(b, 'line', 'summary.chart.monthlyTalk', first, COL.talkShare);
}

/** Home visits, follow-ups, the log rows left out, and the children nobody talked with (by name on a school's own sheet). */
function contactRows(b: SummaryRows, c: SummaryFigures['contact'], withNames: boolean): void {
  const { lang } = b;
  b.rows.push(
    row(b.sec('contact'), t(lang, 'summary.item.homeVisitsTerm'), { count: c.visitedThisTerm, shareOfAll: share(c.visitedThisTerm, b.all), homeVisits: c.homeVisitsThisTerm }),
  );
  b.rows.push(row(b.sec('contact'), t(lang, 'summary.item.followUps'), { openFollowUps: c.openFollowUps }));
  b.rows.push(row(b.sec('contact'), t(lang, 'summary.item.overdue'), { openFollowUps: c.overdueFollowUps }));
  if (c.unmatchedEntries > 0) b.rows.push(row(b.sec('contact'), t(lang, 'summary.item.unmatchedEntries'), { count: c.unmatchedEntries }));
  if (c.undatedEntries > 0) b.rows.push(row(b.sec('contact'), t(lang, 'summary.item.undatedEntries'), { count: c.undatedEntries }));
  if (c.futureEntries > 0) b.rows.push(row(b.sec('contact'), t(lang, 'summary.item.futureEntries'), { count: c.futureEntries }));

  withoutTalkRows(b, c.childrenWithoutTalk, withNames);
}

/** Children without a talk are named one a row up to this many; beyond it, counted per class. */
export const NAMES_LISTED_UP_TO = 200;

function withoutTalkRows(b: SummaryRows, without: SummaryFigures['contact']['childrenWithoutTalk'], withNames: boolean): void {
  const { lang } = b;
  const list = without.list;
  if (withNames && list.length > NAMES_LISTED_UP_TO) {
    // A large school: a count per class, the names in 提醒事项 (a talk item per child, filter by class),
    // so the sheet stays a summary rather than a second roster.
    b.rows.push(
      row(b.sec('withoutTalk'), t(lang, 'summary.item.all'), {
        count: without.count,
        shareOfAll: share(without.count, b.all),
        note: t(lang, 'summary.note.namesInReminders', { sheet: SHEETS.reminders }),
      }),
    );
    for (let i = 0; i < list.length;) {
      const label = list[i].classLabel;
      let j = i;
      while (j < list.length && list[j].classLabel === label) j++;
      b.rows.push(b.countRow(b.sec('withoutTalk'), label ?? t(lang, 'summary.item.noClass'), j - i));
      i = j;
    }
    return;
  }
  b.rows.push(b.countRow(b.sec('withoutTalk'), t(lang, 'summary.item.all'), without.count));
  // Names only: a class and a name, never an ID or a phone (docs/ARCHITECTURE.md §6).
  if (withNames) for (const ch of list) b.rows.push(row(b.sec('withoutTalk'), ch.name, { note: ch.classLabel ?? t(lang, 'summary.item.noClass') }));
}

function qualityRows(b: SummaryRows, q: SummaryFigures['quality']): void {
  b.rows.push(
    row(b.sec('quality'), t(b.lang, 'summary.item.qualityTotal'), { count: q.total, note: t(b.lang, 'summary.note.quality', { errors: q.errors, warnings: q.warnings }) }),
  );
  for (const r of q.byRule) b.rows.push(row(b.sec('quality'), findingRuleLabel(r.rule, b.lang), { count: r.count }));
}

/** 统计汇总 prints landscape, one page wide, the header on every page; 工作报告 portrait (issue 17's LibreOffice checks). */
const SUMMARY_PRINT: PlanPrint = { paper: 'A4', orientation: 'landscape', margins: A4_MARGINS, repeatHeader: true, fitToWidth: true };
const REPORT_PRINT: PlanPrint = { paper: 'A4', orientation: 'portrait', margins: A4_MARGINS, repeatHeader: true, fitToWidth: true };

export function summarySheetOp(figures: SummaryFigures, lang: Lang, period: Period = figures.period, life?: LifeFigures): PlanOp {
  return { kind: 'replaceSheet', sheet: SHEETS.summary, content: { ...summaryContent(figures, lang, period, life ? { life } : {}), print: SUMMARY_PRINT } };
}

/** `genderRecorded: 'yes' | 'no'` and so on, the keys the report sentence selects its clauses by. */
function recordedParams(recorded: SummaryFigures['recorded']): Record<string, string> {
  return Object.fromEntries(RECORDED_FACTS.map((k) => [`${k}Recorded`, recorded[k] ? 'yes' : 'no']));
}

/** The paragraphs of 工作报告, ready to paste into the school's Word report. */
export function reportParagraphs(figures: SummaryFigures, lang: Lang, period: Period = figures.period, life?: LifeFigures): string[] {
  const c = figures.contact;
  const p = figures.pairing;
  const when = periodWhen(period, lang);
  const out = [
    t(lang, 'summary.report.p.roster', {
      when,
      children: figures.children,
      both: figures.byLeftBehind.both,
      one: figures.byLeftBehind.one,
      male: figures.byGender['男'],
      female: figures.byGender['女'],
      boarding: figures.boarding.yes,
      grandparents: figures.byGuardian.grandparents,
      keyFocus: figures.keyFocus,
      // Each fact's clause, or 未登记 where the roster has no column for it (select in the catalogue).
      ...recordedParams(figures.recorded),
    }),
    t(lang, 'summary.report.p.pairing', {
      withTeacher: p.withTeacher,
      teacherShare: formatShare(share(p.withTeacher, figures.children)),
      withBuddy: p.withBuddy,
      withProxy: p.withProxy,
      mentors: p.mentors.filter((m) => m.load > 0).length,
    }),
    t(lang, 'summary.report.p.contact', {
      when,
      talks: c.talks,
      parentCalls: c.parentCalls,
      homeVisits: c.homeVisits,
      withTalk: c.withTalk,
      talkShare: formatShare(c.talkShare),
      onCadence: c.callsOnCadence,
      cadenceDays: c.cadenceDays,
      cadenceShare: formatShare(c.callCadenceShare),
      termVisits: c.homeVisitsThisTerm,
    }),
    c.childrenWithoutTalk.count > 0
      ? t(lang, 'summary.report.p.gaps', { when, withoutTalk: c.childrenWithoutTalk.count, openFollowUps: c.openFollowUps })
      : t(lang, 'summary.report.p.noGaps', { when, openFollowUps: c.openFollowUps }),
    ...(life ? lifeParagraphs(life, figures.children, lang, when) : []),
    figures.quality.total > 0 ? t(lang, 'summary.report.p.quality', { findings: figures.quality.total, errors: figures.quality.errors }) : t(lang, 'summary.report.p.qualityClean'),
  ];
  return out;
}

export function reportContent(figures: SummaryFigures, lang: Lang, period: Period = figures.period, life?: LifeFigures): SheetContent {
  const c = figures.contact;
  const p = figures.pairing;
  const all = figures.children;
  const item = (key: string) => t(lang, key);
  // Shares rounded as the sentences round them (formatShare), so the table and the text agree.
  const counted = (label: string, n: number): PlanCell[] => [label, n, roundShare(share(n, all))];
  // A fact without a roster column: 未登记 in 数值, no share.
  const fact = (known: boolean, label: string, n: number): PlanCell[] => (known ? counted(label, n) : [label, t(lang, 'summary.notRecorded'), null]);
  const r = figures.recorded;
  const plain = (label: string, n: number): PlanCell[] => [label, n, null];
  const rows: PlanCell[][] = [
    plain(item('summary.report.item.children'), all),
    fact(r.leftBehind, item('summary.lb.both'), figures.byLeftBehind.both),
    fact(r.leftBehind, item('summary.lb.one'), figures.byLeftBehind.one),
    fact(r.gender, item('summary.gender.male'), figures.byGender['男']),
    fact(r.gender, item('summary.gender.female'), figures.byGender['女']),
    fact(r.boarding, item('summary.boarding.yes'), figures.boarding.yes),
    fact(r.guardian, item('summary.report.item.grandparents'), figures.byGuardian.grandparents),
    fact(r.keyFocus, item('summary.item.keyFocus'), figures.keyFocus),
    counted(item('summary.item.withTeacher'), p.withTeacher),
    counted(item('summary.item.withBuddy'), p.withBuddy),
    counted(item('summary.item.withProxy'), p.withProxy),
    plain(item('summary.report.item.mentors'), p.mentors.filter((m) => m.load > 0).length),
    plain(item('summary.col.talks'), c.talks),
    plain(item('summary.col.parentCalls'), c.parentCalls),
    plain(item('summary.col.homeVisits'), c.homeVisits),
    counted(item('summary.report.item.withTalk'), c.withTalk),
    counted(item('summary.report.item.onCadence'), c.callsOnCadence),
    plain(item('summary.item.homeVisitsTerm'), c.homeVisitsThisTerm),
    counted(item('summary.report.item.visited'), c.visitedThisTerm),
    counted(item('summary.section.withoutTalk'), c.childrenWithoutTalk.count),
    plain(item('summary.item.followUps'), c.openFollowUps),
    ...(life ? lifeReportRows(life, all, lang) : []),
    plain(item('summary.report.item.findings'), figures.quality.total),
  ];
  return {
    titleLines: [
      t(lang, 'summary.report.title'),
      t(lang, 'summary.report.period', { label: periodLabel(period, lang), asOf: period.asOf }),
      t(lang, 'summary.report.hint'),
      ...reportParagraphs(figures, lang, period, life),
    ],
    columns: [
      // Column A also holds the paragraphs above the table: wide and wrapped, so they print whole.
      { header: t(lang, 'summary.report.col.item'), format: 'text', width: 70, wrap: true },
      { header: t(lang, 'summary.report.col.value'), format: 'integer', width: 10 },
      { header: t(lang, 'summary.report.col.share'), format: 'percent', width: 10 },
    ],
    rows,
    table: { name: 'ReportTable', style: 'TableStyleLight9' },
  };
}

export function reportSheetOp(figures: SummaryFigures, lang: Lang, period: Period = figures.period, life?: LifeFigures): PlanOp {
  return { kind: 'replaceSheet', sheet: SHEETS.report, content: { ...reportContent(figures, lang, period, life), print: REPORT_PRINT } };
}
