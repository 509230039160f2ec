import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CARDS_PER_PAGE, planChildFiles, printSplitNote } from '../core/cards';
import { t } from '../core/i18n';
import { classNormalizer } from '../core/pairing';
import { SCHOOL_NAME_SETTING } from '../core/workflow';
import { maintain } from './apply';
import { stringOption } from './args';
import type { IsoDate } from '../core/dates';
import { periodFor, type PeriodChoice } from '../core/summary';
import type { MaintenancePlan } from '../core/workflow';
import type { RecordPeriod } from '../core/cards';
import { periodFrom } from './summary';
import type { CliCommand } from './command';
import { CliError, EXIT } from './errors';
import { newWorkbookFile } from './export';
import { refuseSameFile, writeOutputFile } from './io';
import { outputFrom, WORKBOOK_OUTPUT_OPTIONS } from './output';
import { givenToday, todayFor } from './today';
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

const CARDS_OPTIONS = {
  ...WORKBOOK_OUTPUT_OPTIONS,
  class: { takesValue: true },
  child: { takesValue: true },
  records: { takesValue: false },
  // The summary's period syntax (periodFrom): --period month|term|year, or --from with --to.
  period: { takesValue: true },
  from: { takesValue: true },
  to: { takesValue: true },
} as const;

/** The records' period as dates (the term as 设置 gives it), or undefined for every entry. */
function recordPeriod(choice: PeriodChoice | undefined, today: IsoDate, m: MaintenancePlan): RecordPeriod | undefined {
  if (!choice) return undefined;
  const terms = m.contacts.settings.terms;
  const p = periodFor(choice, today, [{ from: terms.termStart, to: terms.termEnd }]);
  if (!p.ok) throw new CliError(p.messageKey, p.params);
  return { from: p.period.from, to: p.period.to };
}

/**
 * `cards <in.xlsx> -o <out.pdf|out.xlsx> [--class 班级] [--child 姓名] [--records] [--period …]`: the 联系卡 of
 * the whole school, one class or one child — or with --records (or a period) their 成长记录 — as a new
 * workbook or (through LibreOffice, where installed) a PDF.
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
    const given = givenToday(args);
    await refuseSameFile([file], output);
    const pdf = /\.pdf$/i.test(output);
    if (!pdf && !/\.xlsx$/i.test(output)) throw new CliError('cli.cards.outputFormat', { path: output });
    const soffice = pdf ? onPath('soffice') : null;
    if (pdf && !soffice) throw new CliError('cli.cards.noSoffice');
    const choice = periodFrom(args);
    const records = args.options.has('records') || choice !== undefined;
    const { snapshot } = await openWorkbook(file, ctx.lang);
    const today = todayFor(given, snapshot, ctx);
    const m = maintain(snapshot, file, today, ctx.lang, undefined, undefined, false, []);
    const files = planChildFiles(snapshot, {
      records: m.roster.records,
      // The mentors 结对帮扶 holds, as the pane's 档案 names them: cards never name pairs not yet generated.
      pairing: { ...m.pairing.result, rows: m.pairing.held.rows },
      log: m.contacts.log.entries,
      life: m.life.read,
      period: recordPeriod(choice, today, m),
      today,
      lang: ctx.lang,
      schoolNameLabel: SCHOOL_NAME_SETTING,
      normalizeClass: classNormalizer(today),
      filter: { className: stringOption(args, 'class'), child: stringOption(args, 'child') },
    });
    if (files.chosen.length === 0) throw new CliError('cli.cards.noneChosen');
    // One sheet, or parts of it past Excel's page breaks a sheet (联系卡（2）…), in one workbook or PDF.
    const ops = records ? files.recordSheets : files.cardSheets;
    const port = await newWorkbookFile({ ops: [...ops] }, file, ctx.lang);
    const xlsx = port.save();
    await writeOutputFile([file], output, soffice ? await toPdf(soffice, xlsx) : xlsx);
    const pages = ops.reduce((n, op) => n + (op.kind === 'replaceSheet' ? (op.content.print?.breaksBefore?.length ?? 0) + 1 : 0), 0);
    const entries = files.chosen.reduce((n, c) => n + (files.entries.get(c.index)?.length ?? 0), 0);
    const written = records
      ? t(ctx.lang, 'cli.cards.recordsWritten', { path: output, children: files.chosen.length, entries, pages })
      : t(ctx.lang, 'cli.cards.written', { path: output, cards: files.chosen.length, pages: Math.ceil(files.chosen.length / CARDS_PER_PAGE) });
    const split = printSplitNote(
      ctx.lang,
      ops.map((op) => op.sheet),
    );
    ctx.stdout(written + '\n' + (split ? split + '\n' : ''));
    return EXIT.ok;
  },
};
