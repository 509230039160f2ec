import { createTymeCalendar } from '../core/calendar/tyme';
import type { IsoDate } from '../core/dates';
import { printSplitNote } from '../core/cards';
import { t, type Lang } from '../core/i18n';
import { RosterNotFoundError } from '../core/roster';
import { sheetOfPart, SPLIT_PRINT_SHEETS } from '../core/sheets';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { PeriodChoice } from '../core/summary';
import { planMaintenance, WorkflowError, type MaintenancePlan } from '../core/workflow';
import type { ApplyResult } from '../workbook/port';
import { PortError } from '../workbook/port';
import { isConverted } from '../workbook/file/sniff';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { listOption } from './args';
import { SHEET_OPTION, WORKBOOK_OUTPUT_OPTIONS, writesWorkbook } from './output';
import { openWorkbook } from './workbook';

/**
 * The whole-workbook upkeep as the pane runs it, with the tyme4ts calendar. No roster, or a period
 * that is not valid, becomes a CliError (exit 2) naming the file and the reason. `writeOnly`: the sheets
 * the command writes from the plan (`summary` and `cards` none), as MaintenanceOptions.writeOnly.
 */
export function maintain(
  snapshot: WorkbookSnapshot,
  file: string,
  today: IsoDate,
  lang: Lang,
  period?: PeriodChoice,
  sheets?: readonly string[],
  printSheets = false,
  writeOnly?: readonly string[],
): MaintenancePlan {
  try {
    return planMaintenance(snapshot, { today, lang, calendar: createTymeCalendar(), period, rosterSheets: sheets, printSheets, ...(writeOnly ? { writeOnly } : {}) });
  } catch (e) {
    if (e instanceof RosterNotFoundError || e instanceof WorkflowError) throw new CliError('cli.error.cannotCheck', { path: file, reason: t(lang, e.messageKey, e.params) });
    throw e;
  }
}

/** A port failure while writing (a conflict, a sheet name Excel refuses) as one line. */
export function portFailure(e: unknown, file: string, lang: Lang): never {
  if (e instanceof PortError) throw new CliError('cli.error.cannotApply', { path: file, reason: t(lang, e.key, e.params) });
  throw e;
}

const WRITTEN_KEYS: Readonly<Record<ApplyResult['written'][number]['what'], string>> = {
  created: 'cli.apply.sheet.created',
  replaced: 'cli.apply.sheet.replaced',
  appended: 'cli.apply.sheet.appended',
  cells: 'cli.apply.sheet.cells',
  marked: 'cli.apply.sheet.cells',
  unmarked: 'cli.apply.sheet.cells',
};

/** What `apply` tells the user about a plan, in counts: taken before the plan's ops are written. */
export interface ApplyCounts {
  readonly pairing: { readonly children: number; readonly withTeacher: number; readonly withBuddy: number; readonly unpaired: number };
  readonly reminders: { readonly overdue: number; readonly week: number };
  readonly findings: MaintenancePlan['findings']['counts'];
}

export function applyCounts(m: MaintenancePlan): ApplyCounts {
  const s = m.pairing.stats;
  let overdue = 0;
  let week = 0;
  for (const i of m.contacts.reminders.items) {
    if (i.status === 'overdue') overdue++;
    else if (i.status === 'today' || i.status === 'thisWeek') week++;
  }
  return {
    pairing: { children: s.children, withTeacher: s.withTeacher, withBuddy: s.withBuddy, unpaired: s.unpaired.length },
    reminders: { overdue, week },
    findings: m.findings.counts,
  };
}

/** What `apply` tells the user: the sheets written, then pairing, reminders and findings in counts (never names). */
export function applyReport(output: string, result: ApplyResult, counts: ApplyCounts, lang: Lang): string {
  const lines = [t(lang, 'cli.apply.written', { path: output })];
  for (const w of result.written) lines.push('  ' + t(lang, WRITTEN_KEYS[w.what], { sheet: w.sheet, rows: w.rows }));
  for (const d of result.degraded) lines.push('  ' + t(lang, 'cli.apply.degraded', { what: t(lang, d) }));
  // --cards past Excel's page breaks a sheet: 联系卡 / 成长记录 in parts, and a line saying so.
  for (const sheet of SPLIT_PRINT_SHEETS) {
    const note = printSplitNote(
      lang,
      result.written.map((w) => w.sheet).filter((s) => sheetOfPart(s) === sheet),
    );
    if (note) lines.push('  ' + note);
  }
  lines.push(t(lang, 'cli.apply.pairing', counts.pairing));
  lines.push(t(lang, 'cli.apply.reminders', counts.reminders));
  const c = counts.findings;
  const total = c.errors + c.warnings;
  lines.push(total === 0 ? t(lang, 'cli.apply.clean') : t(lang, 'cli.apply.findings', { ...c.byDomain, errors: c.errors, warnings: c.warnings }));
  return lines.join('\n') + '\n';
}

/**
 * Open, read and plan, keeping only what writing and the report need: the port, the plan's ops and the
 * counts. The snapshot and the rest of the plan (records, pairs, reminder items — about 150 MB for
 * 50,000 children) are garbage before the sheets are written, where apply's memory peaks.
 */
async function planned(file: string, todayOf: (snapshot: WorkbookSnapshot) => IsoDate, lang: Lang, sheets: readonly string[] | undefined, cards: boolean) {
  const { port, snapshot, format } = await openWorkbook(file, lang);
  const m = maintain(snapshot, file, todayOf(snapshot), lang, undefined, sheets, cards);
  return { port, format, plan: m.plan, counts: applyCounts(m) };
}

export const applyCommand: CliCommand = {
  name: 'apply',
  synopsisKey: 'cli.apply.synopsis',
  summaryKey: 'cli.apply.summary',
  positionals: ['<in.xlsx>'],
  // --cards: rebuild 联系卡 and 成长记录 too (on demand only: they are the largest sheets; docs/ARCHITECTURE.md §3).
  options: { ...WORKBOOK_OUTPUT_OPTIONS, ...SHEET_OPTION, cards: { takesValue: false } },
  run: writesWorkbook(
    async ({ inputs: [file], todayOf, args }, ctx) => {
      const { port, format, plan, counts } = await planned(file, todayOf, ctx.lang, listOption(args, 'sheet'), args.options.has('cards'));
      const result = await port.apply(plan).catch((e) => portFailure(e, file, ctx.lang));
      return {
        bytes: port.save(),
        // An .xls, .csv … cannot be updated: say first, in one line, where the result went instead.
        report: (output) => (isConverted(format) ? t(ctx.lang, 'file.converted', { format, saveAs: output }) + '\n' : '') + applyReport(output, result, counts, ctx.lang),
        exit: counts.findings.errors > 0 ? EXIT.findings : EXIT.ok,
        source: format,
      };
    },
    { besideInput: true },
  ),
};
