/**
 * The JavaScript taskpane.html loads before the Excel pane is interactive, measured as bench/README.md #3
 * says: every local <script src> of the built page (office.js comes from Microsoft's CDN and is not ours),
 * each gzipped at level 9. Shared by bench/pane.ts (prints the figure) and first-load.test.ts (the budget).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

/** The first-load budget of the Excel pane, gzipped (bench/README.md #3). */
export const FIRST_LOAD_BUDGET_BYTES = 150 * 1024;

export interface FirstLoadScript {
  readonly src: string;
  readonly bytes: number;
  readonly gzipped: number;
}

export function firstLoadScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

/** Each first-load script of `page` (e.g. taskpane.html) in `dist`, with its size and gzipped size. */
export function firstLoad(dist: string, page = 'taskpane.html'): FirstLoadScript[] {
  return firstLoadScripts(readFileSync(join(dist, page), 'utf8')).map((src) => {
    const bytes = readFileSync(join(dist, src));
    return { src, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  });
}
