import * as path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { PortError } from '../workbook/port';
import { openSpreadsheet, type FileWorkbook, type SourceFormat } from '../workbook/file';
import type { WorkbookSnapshot } from '../core/snapshot';
import { t, type Lang } from '../core/i18n';
import { CliError } from './errors';
import { readInputFile } from './io';

/**
 * Node's zlib for the port's large parts: level 1, as the port's own (fflate) deflate, about five times
 * faster on sheet XML (apply on 50,000 children deflates 418 MB). A piece that is not the last ends
 * with a sync flush, on a byte boundary, so the pieces make one stream (see DeflatePiece).
 */
export function nodeDeflate(piece: Uint8Array, final: boolean): Uint8Array {
  return deflateRawSync(piece, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
}

/** The file port over a workbook on disk, as every command opens it. */
export interface OpenedWorkbook {
  readonly path: string;
  readonly port: FileWorkbook;
  readonly snapshot: WorkbookSnapshot;
  /** The format the file is in (.xls, .csv … are read into an .xlsx and saved as a new one). */
  readonly format: SourceFormat;
}

/**
 * Opens and reads a workbook with the same file port the standalone page uses: .xlsx and .xlsm, and
 * .xls, .et, .ods and .csv read into an .xlsx. A PortError (not a spreadsheet, damaged, encrypted …)
 * becomes one line naming the file and the port's own reason.
 */
export async function openWorkbook(file: string, lang: Lang): Promise<OpenedWorkbook> {
  const bytes = await readInputFile(file);
  try {
    const port = openSpreadsheet(bytes, { name: path.basename(file), lang, deflate: nodeDeflate });
    const snapshot = await port.read();
    return { path: file, port, snapshot, format: port.format };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const reasonKey = e instanceof PortError ? e.key : 'cli.error.notWorkbook';
    let reason = t(lang, reasonKey, e instanceof PortError ? e.params : {});
    if (reason === reasonKey) reason = t(lang, 'cli.error.notWorkbook');
    throw new CliError('cli.error.cannotOpen', { path: file, reason });
  }
}
