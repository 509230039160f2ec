import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PortError } from '../workbook/port';
import type { SourceFormat } from '../workbook/file/sniff';
import { openOrConvert } from '../workbook/file/sniffOpen';
import type { FileWorkbook } from '../workbook/file/workbook';
import type { ZipCodec } from '../workbook/file/zip';
import type { WorkbookSnapshot } from '../core/snapshot';
import { t, type Lang } from '../core/i18n';
import { CliError } from './errors';
import { readInputFile } from './io';

/**
 * Node's zlib for the port's deflating, inflating and CRC-32: about five times faster than fflate on sheet
 * XML (apply on 50,000 children deflates 154 MB, and a second apply inflates them again) and the CRC
 * natively (zlib.crc32 is in Node from 20.15; before, the port's own). A piece that is not the last ends
 * with a sync flush, on a byte boundary, so the pieces make one stream (see ZipCodec).
 */
export const nodeZip: ZipCodec = {
  deflate: (piece, final, level) => zlib.deflateRawSync(piece, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
  inflate: (data, size) => {
    // One output chunk a little larger than the size the zip gives, so zlib fills it in one call and no
    // chunks are joined (a size that lies only costs more chunks); capped so a forged size cannot ask for gigabytes.
    const out = zlib.inflateRawSync(data, { chunkSize: Math.min(size, 1 << 28) + 64 });
    // A plain view, not a Buffer: Buffer's slice shares memory where Uint8Array's copies.
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  // A sync flush at the end of what is given: zlib hands back what it decoded instead of failing on the cut.
  inflateStart: (data) => {
    const out = zlib.inflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array, crc: number) => zlib.crc32(data, crc) } : {}),
};

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
    const opened = openOrConvert(bytes, { name: path.basename(file), lang, zip: nodeZip });
    // SheetJS is loaded only for a file it converts: an .xlsx never pays for it (about 30 MB).
    const port = typeof opened === 'function' ? opened(await import('../workbook/file/convert')) : opened;
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
