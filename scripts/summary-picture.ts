/**
 * docs/summary.png for the README: the 统计汇总 sheet of the demo workbook (the sample roster with a
 * term's 谈心记录, the one tests/interop checks) as LibreOffice prints it. Each sheet is printed on
 * one page so the table and its charts sit side by side; the picture is the top of that page.
 *
 *   npx tsx scripts/summary-picture.ts
 *
 * Needs soffice (libreoffice-calc-nogui), pdftotext and pdftoppm (poppler-utils), fonts-noto-cjk.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoWorkbooks, ROOT } from '../tests/interop/demo-workbook';

const DPI = 80;
/** Pixels kept from the top of the page: the title, the roster blocks and both charts. */
const HEIGHT = 900;
const SUMMARY_TITLE = '留守儿童工作统计汇总';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'summary-picture-'));
  try {
    const xlsx = path.join(dir, 'demo.xlsx');
    writeFileSync(xlsx, (await demoWorkbooks()).applied);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const onePagePerSheet = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', onePagePerSheet, '--outdir', dir, xlsx], { stdio: 'ignore' });
    const pdf = path.join(dir, 'demo.pdf');
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const page = pages.findIndex((p) => p.trimStart().startsWith(SUMMARY_TITLE)) + 1;
    if (page === 0) throw new Error(`no page starts with ${SUMMARY_TITLE}`);
    const stem = path.join(dir, 'summary');
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', String(page), '-l', String(page), '-x', '0', '-y', '0', '-W', '0', '-H', String(HEIGHT), '-singlefile', pdf, stem]);
    const out = path.join(ROOT, 'docs', 'summary.png');
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(`${stem}.png`, out);
    console.log(`${path.relative(ROOT, out)}: page ${page}, ${Math.round(statSync(out).size / 1024)} KB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
