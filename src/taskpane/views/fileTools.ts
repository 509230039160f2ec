/**
 * File work in the pane: a new workbook holding only a plan (the de-identified copy, the roll-up), built
 * with the file port — a download in the standalone page; in Excel the copy opens as a new workbook and
 * the roll-up's sheets are added to the open one. The open workbook is only read here. Loaded on demand, because it pulls in the
 * xlsx library: Excel fetches it only when a teacher starts a roll-up.
 */
import type { Lang } from '../../core/i18n';
import type { WorkbookPlan } from '../../core/plan/types';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { SchoolFigures } from '../../core/summary';
import { newWorkbookWith, openSpreadsheet } from '../../workbook/file';
import { downloadBytes } from '../../standalone/download';
import type { ViewsCore } from './core';

/** A new .xlsx holding `plan` and nothing else, as bytes for a download. */
export async function workbookWith(plan: WorkbookPlan): Promise<Uint8Array> {
  return (await newWorkbookWith(plan)).save();
}

export class KeyedError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'KeyedError';
  }
}

/** The de-identified copy of `snapshot` as file bytes, with the counts of what was masked. */
export async function deidentifiedCopy(
  core: ViewsCore,
  snapshot: WorkbookSnapshot,
  today: string,
): Promise<{ bytes: Uint8Array; message: { messageKey: string; params: Record<string, number> } }> {
  const check = core.checkRoster(snapshot, { today, override: core.overrideFromSettings(snapshot) ?? undefined });
  const copy = core.deidentifyWorkbook(snapshot, check.layouts);
  if (!copy.ok) throw new KeyedError(copy.messageKey, copy.params);
  return { bytes: await workbookWith(copy.plan), message: core.deidentifyMessage(copy.counts) };
}

/**
 * The roll-up of several schools' files, as `npm run cli -- rollup` makes it: each school brought up to
 * date in memory (nothing written back), named by 设置's 学校名称 else its file name, then rollupPlan.
 * A file that cannot be read names itself in the error (file names, never cell contents).
 */
export async function schoolsRollup(
  core: ViewsCore,
  files: readonly { name: string; bytes: Uint8Array }[],
  today: string,
  lang: Lang,
  describe: (e: unknown) => string,
): Promise<{ plan: WorkbookPlan; schools: number; children: number }> {
  const schools: SchoolFigures[] = [];
  for (const file of files) {
    try {
      // Any file a school keeps: .xlsx, .xlsm, or .xls, .et, .ods, .csv read into one (only read here).
      const snapshot = await openSpreadsheet(file.bytes, { name: file.name, lang }).read();
      // The figures as the school's workbook holds them (writeOnly: nothing), so pairs never generated are not counted.
      const plan = await core.maintain(snapshot, { today, lang, writeOnly: [] });
      schools.push({ school: core.schoolNameOf(snapshot) ?? file.name.replace(/\.(xlsx|xlsm|xls|et|ods|csv|txt)$/i, ''), figures: plan.summary.figures });
    } catch (e) {
      throw new KeyedError('views.summary.rollupFailed', { file: file.name, reason: describe(e) });
    }
  }
  const result = core.rollupPlan(schools, lang);
  if (!result.ok) throw new KeyedError(result.messageKey, result.params);
  return { plan: result.plan, schools: schools.length, children: result.total.children };
}

export function download(bytes: Uint8Array, fileName: string): void {
  downloadBytes(bytes, fileName);
}
