/**
 * LibreOffice and poppler driven as a user's machine would: headless conversions of saved workbooks,
 * each run with a fresh user profile so no earlier run (or the developer's own settings) colours it.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The full path of an executable on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** What the interop tests need; the names of what is missing (empty when all is there). */
export function missingTools(): string[] {
  return ['soffice', 'pdftotext', 'pdftoppm'].filter((t) => !onPath(t));
}

function run(cmd: string, args: readonly string[], timeoutMs = 240_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * Every sheet to its own CSV (LibreOffice names them <file>-<sheet>.csv): comma, double quote, UTF-8,
 * from line 1, raw values rather than as shown, and the 12th token -1 = all sheets.
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Convert files with soffice into outDir; returns the produced file names. */
export async function convert(files: readonly string[], to: string, outDir: string): Promise<string[]> {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  try {
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', to, '--outdir', outDir, ...files]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return readdirSync(outDir);
}

/** The text of each page of a PDF, in order. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  const pages = stdout.split('\f');
  if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** One page rendered to raw RGB (PPM, P6). */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

export async function renderPage(pdf: string, page: number, dpi: number, outDir: string): Promise<Raster> {
  const stem = path.join(outDir, `page-${page}`);
  await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
  return parsePpm(readFileSync(`${stem}.ppm`));
}

function parsePpm(bytes: Buffer): Raster {
  // Header: "P6" width height maxval, separated by whitespace, then one whitespace byte and the pixels.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]))) i++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]))) token += String.fromCharCode(bytes[i++]);
    fields.push(token);
  }
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`unexpected PPM header ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, rgb: new Uint8Array(bytes.buffer, bytes.byteOffset + i + 1, width * height * 3) };
}

/** Pixels whose colour is clearly blue (a chart's first series), not black, grey, white or a pale fill. */
export function bluePixels(r: Raster): number {
  let n = 0;
  for (let p = 0; p < r.rgb.length; p += 3) {
    const [red, green, blue] = [r.rgb[p], r.rgb[p + 1], r.rgb[p + 2]];
    if (blue - red > 60 && blue - green > 30) n++;
  }
  return n;
}

/** A minimal RFC 4180 reader (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
