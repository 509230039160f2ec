import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CARDS_PER_PAGE, planChildFiles } from '../core/cards';
import { t } from '../core/i18n';
import { classNormalizer } from '../core/pairing';
import { SCHOOL_NAME_SETTING } from '../core/workflow';
import { maintain } from './apply';
import { stringOption } from './args';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { newWorkbookFile } from './export';
import { refuseSameFile, writeOutputFile } from './io';
import { outputFrom, WORKBOOK_OUTPUT_OPTIONS } from './output';
import { todayFrom } from './today';
import { openWorkbook } from './workbook';

/** The full path of an executable on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * The cards as a PDF: LibreOffice converts the .xlsx headless, with a fresh profile in a temporary
 * directory (so a user's running LibreOffice is neither used nor disturbed). Nothing leaves the machine.
 */
async function toPdf(soffice: string, xlsx: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'liushou-cards-'));
  try {
    const input = path.join(dir, 'cards.xlsx');
    writeFileSync(input, xlsx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 300_000 }, (err) =>
        err ? reject(new Error('soffice failed')) : resolve(),
      );
    }).catch(() => {
      throw new CliError('cli.cards.pdfFailed');
    });
    try {
      return new Uint8Array(readFileSync(path.join(dir, 'cards.pdf')));
    } catch {
      throw new CliError('cli.cards.pdfFailed');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CARDS_OPTIONS = { ...WORKBOOK_OUTPUT_OPTIONS, class: { takesValue: true }, child: { takesValue: true } } as const;

/**
 * `cards <in.xlsx> -o <out.pdf|out.xlsx> [--class 班级] [--child 姓名]`: the 联系卡 of the whole school,
 * one class or one child, as a new workbook or (through LibreOffice, where installed) a PDF.
 */
export const cardsCommand: CliCommand = {
  name: 'cards',
  synopsisKey: 'cli.cards.synopsis',
  summaryKey: 'cli.cards.summary',
  positionals: ['<in.xlsx>'],
  options: CARDS_OPTIONS,
  // Not writesWorkbook: the output may be a PDF, which that path (workbooks only) refuses by design.
  run: async (args, ctx) => {
    const [file] = args.positionals;
    const output = outputFrom(args);
    const today = todayFrom(args, ctx);
    await refuseSameFile([file], output);
    const pdf = /\.pdf$/i.test(output);
    if (!pdf && !/\.xlsx$/i.test(output)) throw new CliError('cli.cards.outputFormat', { path: output });
    const soffice = pdf ? onPath('soffice') : null;
    if (pdf && !soffice) throw new CliError('cli.cards.noSoffice');
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const m = maintain(snapshot, file, today, ctx.lang);
    const files = planChildFiles(snapshot, {
      records: m.roster.records,
      pairing: { ...m.pairing.result, rows: m.pairing.existing.readable ? m.pairing.result.rows : [] },
      log: m.contacts.log.entries,
      today,
      lang: ctx.lang,
      schoolNameLabel: SCHOOL_NAME_SETTING,
      normalizeClass: classNormalizer(today),
      filter: { className: stringOption(args, 'class'), child: stringOption(args, 'child') },
    });
    if (files.chosen.length === 0) throw new CliError('cli.cards.noneChosen');
    const port = await newWorkbookFile({ ops: [files.cards] }, file, ctx.lang);
    const xlsx = port.save();
    await writeOutputFile([file], output, soffice ? await toPdf(soffice, xlsx) : xlsx);
    ctx.stdout(t(ctx.lang, 'cli.cards.written', { path: output, cards: files.chosen.length, pages: Math.ceil(files.chosen.length / CARDS_PER_PAGE) }) + '\n');
    return EXIT.ok;
  },
};
