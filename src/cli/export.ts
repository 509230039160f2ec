import { t } from '../core/i18n';
import type { WorkbookPlan } from '../core/plan/types';
import { checkWorkbook } from './validate';
import { deidentifyMessage, deidentifyWorkbook } from '../core/summary';
import { newWorkbookWith, type FileWorkbook } from '../workbook/file';
import { outputFrom, portFailure, refuseSameFile, todayFrom } from './apply';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { writeOutputFile } from './io';
import { openWorkbook } from './workbook';

/** A new workbook file holding `plan`; a port failure becomes the CLI's one-line error. */
export async function newWorkbookFile(plan: WorkbookPlan, file: string, lang: Parameters<typeof t>[0]): Promise<FileWorkbook> {
  return newWorkbookWith(plan).catch((e) => portFailure(e, file, lang));
}

export const exportCommand: CliCommand = {
  name: 'export',
  synopsisKey: 'cli.export.synopsis',
  summaryKey: 'cli.export.summary',
  positionals: ['<in.xlsx>'],
  options: {
    output: { takesValue: true, short: 'o' },
    today: { takesValue: true },
  },
  async run(args, ctx) {
    const [file] = args.positionals;
    const output = outputFrom(args);
    const today = todayFrom(args, ctx);
    await refuseSameFile([file], output);
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const check = checkWorkbook(snapshot, file, today, ctx.lang);
    const copy = deidentifyWorkbook(snapshot, check.layout);
    if (!copy.ok) throw new CliError('cli.error.cannotCheck', { path: file, reason: t(ctx.lang, copy.messageKey, copy.params) });
    const port = await newWorkbookFile(copy.plan, file, ctx.lang);
    await writeOutputFile(file, output, port.save());
    const done = deidentifyMessage(copy.counts);
    ctx.stdout(t(ctx.lang, 'cli.export.written', { path: output, sheets: copy.plan.ops.length }) + '\n' + t(ctx.lang, done.messageKey, done.params) + '\n');
    return EXIT.ok;
  },
};
