import { checkRoster, overrideFromSettings, RosterNotFoundError } from '../core/roster';
import type { RosterCheck } from '../core/roster/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { IsoDate } from '../core/dates';
import { t, type Lang } from '../core/i18n';
import { listOption } from './args';
import { SHEET_OPTION } from './output';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { workbookFindings } from '../core/workflow';
import { jsonReport, sheetIssueLines, sheetIssues, textReport } from './report';
import { givenToday, todayFor } from './today';
import { openWorkbook } from './workbook';

/**
 * Runs the roster check exactly as the pane does: the saved column mapping from 设置 (if any), an
 * explicit --sheet winning over it. No roster, or a --sheet that is missing or has no header, is a
 * CliError naming the file, with the engine's own reason.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, file: string, today: IsoDate, lang: Lang, sheets?: readonly string[]): RosterCheck {
  try {
    return checkRoster(snapshot, { today, sheets, override: overrideFromSettings(snapshot) });
  } catch (e) {
    if (e instanceof RosterNotFoundError) throw new CliError('cli.error.cannotCheck', { path: file, reason: t(lang, e.messageKey, e.params) });
    throw e;
  }
}

export const validateCommand: CliCommand = {
  name: 'validate',
  synopsisKey: 'cli.validate.synopsis',
  summaryKey: 'cli.validate.summary',
  positionals: ['<file.xlsx>'],
  options: {
    ...SHEET_OPTION,
    today: { takesValue: true },
    json: { takesValue: false },
  },
  async run(args, ctx) {
    const [file] = args.positionals;
    const given = givenToday(args);
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const today = todayFor(given, snapshot, ctx);
    const check = checkWorkbook(snapshot, file, today, ctx.lang, listOption(args, 'sheet'));
    // Every sheet beside the roster (帮扶人员, 结对帮扶, 谈心记录, 帮扶计划, 活动记录 …) as the pane and 校验结果
    // check them: one source, so validate's count is apply's and the sheet's.
    const all = workbookFindings(snapshot, check, { today, lang: ctx.lang });
    const { counts, others } = all;
    if (args.options.has('json')) {
      const report = jsonReport(check, ctx.lang);
      ctx.stdout(JSON.stringify({ ...report, issues: [...report.issues, ...sheetIssues(others, ctx.lang)], counts }) + '\n');
    } else {
      ctx.stdout(textReport(check, ctx.lang));
      if (others.length) {
        const lines = [t(ctx.lang, 'cli.report.othersHeading', { count: others.length }), ...sheetIssueLines(others, ctx.lang)];
        lines.push(t(ctx.lang, 'cli.report.workbookTotal', { total: counts.total, errors: counts.errors, warnings: counts.warnings }), '');
        ctx.stdout(lines.join('\n'));
      }
    }
    return counts.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
