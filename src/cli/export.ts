import { t } from '../core/i18n';
import type { WorkbookPlan } from '../core/plan/types';
import { checkWorkbook } from './validate';
import { deidentifyMessage, deidentifyWorkbook } from '../core/summary';
import type { FileWorkbook } from '../workbook/file/workbook';
import { portFailure } from './apply';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { listOption } from './args';
import { SHEET_OPTION, WORKBOOK_OUTPUT_OPTIONS, writesWorkbook } from './output';
import { openWorkbook } from './workbook';

/**
 * A new workbook file holding `plan`; a port failure becomes the CLI's one-line error. SheetJS, which
 * starts the package, is loaded here rather than with every command (apply carries 30 MB less).
 */
export async function newWorkbookFile(plan: WorkbookPlan, file: string, lang: Parameters<typeof t>[0]): Promise<FileWorkbook> {
  const { newWorkbookWith } = await import('../workbook/file/newWorkbook');
  return newWorkbookWith(plan).catch((e) => portFailure(e, file, lang));
}

export const exportCommand: CliCommand = {
  name: 'export',
  synopsisKey: 'cli.export.synopsis',
  summaryKey: 'cli.export.summary',
  positionals: ['<in.xlsx>'],
  options: { ...WORKBOOK_OUTPUT_OPTIONS, ...SHEET_OPTION },
  run: writesWorkbook(async ({ inputs: [file], todayOf, args }, ctx) => {
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const check = checkWorkbook(snapshot, file, todayOf(snapshot), ctx.lang, listOption(args, 'sheet'));
    // Every sheet of the roster is masked as the roster, not only the first class.
    const copy = deidentifyWorkbook(snapshot, check.layouts);
    if (!copy.ok) throw new CliError('cli.error.cannotCheck', { path: file, reason: t(ctx.lang, copy.messageKey, copy.params) });
    const port = await newWorkbookFile(copy.plan, file, ctx.lang);
    const done = deidentifyMessage(copy.counts);
    const report = (output: string) => t(ctx.lang, 'cli.export.written', { path: output, sheets: copy.plan.ops.length }) + '\n' + t(ctx.lang, done.messageKey, done.params) + '\n';
    return { bytes: port.save(), report, exit: EXIT.ok };
  }),
};
