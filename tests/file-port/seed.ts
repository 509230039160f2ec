/**
 * Seed workbooks for the file port's tests, written with SheetJS — a different writer from the port,
 * so reading them back tests the port against another tool's output.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { isCellError, type CellValue } from '../../src/core/cells';
import { openXlsx, type FileWorkbook } from '../../src/workbook/file';
import type { ContractSeed, ContractSubject } from '../contract/portContract';

const ERROR_CODES: Record<string, number> = { '#NULL!': 0x00, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#REF!': 0x17, '#NAME?': 0x1d, '#NUM!': 0x24, '#N/A': 0x2a };

export function seedXlsx(seed: ContractSeed): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of seed.sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxCol = 0;
    sheet.rows.forEach((row, r) =>
      row.forEach((v: CellValue, c) => {
        if (v === null) return;
        maxCol = Math.max(maxCol, c);
        const ref = XLSX.utils.encode_cell({ r, c });
        if (isCellError(v)) ws[ref] = { t: 'e', v: ERROR_CODES[v.error] ?? 0x0f };
        else if (typeof v === 'number') ws[ref] = { t: 'n', v };
        else if (typeof v === 'boolean') ws[ref] = { t: 'b', v };
        else ws[ref] = { t: 's', v };
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, sheet.rows.length - 1), c: maxCol } });
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Everything the package keeps about a sheet's cells, styles and notes, for before/after comparisons. */
export function sheetFingerprint(bytes: Uint8Array, sheetName: string): string {
  const parts = unzipSync(bytes);
  const text = (p: string) => (parts[p] ? strFromU8(parts[p]) : '');
  const wbRels = text('xl/_rels/workbook.xml.rels');
  const wb = text('xl/workbook.xml');
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheetName}"`));
  const rid = tag ? /r:id="([^"]+)"/.exec(tag)![1] : '';
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(wbRels);
  const sheetPath = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
  const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const related = [...text(relsPath).matchAll(/Target="([^"]+)"/g)].map((m) => m[1]);
  const dir = sheetPath.slice(0, sheetPath.lastIndexOf('/') + 1);
  const resolve = (t: string) =>
    t.startsWith('/')
      ? t.slice(1)
      : (dir + t)
          .split('/')
          .reduce<string[]>((a, s) => (s === '..' ? a.slice(0, -1) : [...a, s]), [])
          .join('/');
  return [text(sheetPath), ...related.map((t) => text(resolve(t)))].join('\n----\n');
}

/** A cell's number format code in saved bytes, as another reader (SheetJS) sees it. */
export function savedNumberFormat(bytes: Uint8Array, sheet: string, row: number, col: number): string {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false });
  const cell = wb.Sheets[sheet]?.[XLSX.utils.encode_cell({ r: row, c: col })];
  return cell?.z === undefined ? 'General' : String(cell.z);
}

/** A factory for the port contract: the seed as an .xlsx, reopened from the saved bytes on request. */
export async function fileSubject(seed: ContractSeed): Promise<ContractSubject & { current(): FileWorkbook }> {
  let current = openXlsx(seedXlsx(seed));
  const port = current;
  return {
    port,
    current: () => current,
    reopen: async () => {
      current = openXlsx(current.save());
      return current;
    },
    fingerprint: async (sheet) => sheetFingerprint(current.save(), sheet),
    numberFormat: async (sheet, row, col) => savedNumberFormat(current.save(), sheet, row, col),
  };
}
