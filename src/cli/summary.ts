import { t, type Lang } from '../core/i18n';
import type { LifeFigures } from '../core/life';
import { GRADE_KEYS, periodLabel, reportParagraphs, type PeriodChoice, type SummaryFigures } from '../core/summary';
import { listOption, stringOption, type ParsedArgs } from './args';
import { SHEET_OPTION } from './output';
import { maintain } from './apply';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { dateOption, givenToday, todayFor } from './today';
import { openWorkbook } from './workbook';

const PERIODS = ['month', 'term', 'year'] as const;

/** --period, or --from with --to, or nothing (the current term). */
export function periodFrom(args: ParsedArgs): PeriodChoice | undefined {
  const from = stringOption(args, 'from');
  const to = stringOption(args, 'to');
  const period = stringOption(args, 'period');
  if ((from === undefined) !== (to === undefined)) throw new CliError('cli.error.fromToPair');
  if (from !== undefined && to !== undefined) {
    if (period !== undefined) throw new CliError('cli.error.periodAndRange');
    return { kind: 'custom', from: dateOption('--from', from), to: dateOption('--to', to) };
  }
  if (period === undefined) return undefined;
  const kind = PERIODS.find((p) => p === period);
  if (!kind) throw new CliError('cli.error.badPeriod', { value: period });
  return { kind };
}

/** The readable summary: the period, the main counts, then the report's sentences. */
export function summaryText(f: SummaryFigures, lang: Lang, life?: LifeFigures): string {
  const grades = GRADE_KEYS.filter((g) => f.byGrade[g] > 0)
    .map((g) => t(lang, 'cli.summary.grade', { grade: g, count: f.byGrade[g] }))
    .join(t(lang, 'cli.summary.sep'));
  const lines = [
    t(lang, 'cli.summary.period', { period: periodLabel(f.period, lang) }),
    t(lang, 'cli.summary.children', {
      children: f.children,
      boys: f.byGender['男'],
      girls: f.byGender['女'],
      keyFocus: f.keyFocus,
      // A fact without a roster column is 未登记, not 0 (the report's sentence does the same).
      genderRecorded: f.recorded.gender ? 'yes' : 'no',
      keyFocusRecorded: f.recorded.keyFocus ? 'yes' : 'no',
    }),
    t(lang, 'cli.summary.grades', { grades: grades || '—', unknown: f.gradeUnknown }),
    t(lang, 'cli.summary.contact', {
      talks: f.contact.talks,
      parentCalls: f.contact.parentCalls,
      homeVisits: f.contact.homeVisits,
      withoutTalk: f.contact.childrenWithoutTalk.count,
    }),
    '',
    ...reportParagraphs(f, lang, f.period, life),
  ];
  return lines.join('\n') + '\n';
}

export const summaryCommand: CliCommand = {
  name: 'summary',
  synopsisKey: 'cli.summary.synopsis',
  summaryKey: 'cli.summary.summary',
  positionals: ['<file.xlsx>'],
  options: {
    today: { takesValue: true },
    from: { takesValue: true },
    to: { takesValue: true },
    period: { takesValue: true },
    json: { takesValue: false },
    ...SHEET_OPTION,
  },
  async run(args, ctx) {
    const [file] = args.positionals;
    const given = givenToday(args);
    const period = periodFrom(args);
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const today = todayFor(given, snapshot, ctx);
    // Nothing is written: the figures count the pairs 结对帮扶 holds, as 统计汇总 would say them now.
    const plan = maintain(snapshot, file, today, ctx.lang, period, listOption(args, 'sheet'), false, []);
    if (args.options.has('json')) ctx.stdout(JSON.stringify(plan.summary.json) + '\n');
    else ctx.stdout(summaryText(plan.summary.figures, ctx.lang, plan.life.figures));
    return EXIT.ok;
  },
};
