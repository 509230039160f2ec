import { t, type Lang } from '../i18n';
import { MAX_PAGE_BREAKS } from '../plan/print';
import type { PlanCell, PlanOp, SheetContent } from '../plan/types';
import { sheetPartName } from '../sheets';
import type { CardChild } from './child';

/** A print sheet laid out whole: its rows, the rows its pages start at, and whose file each page shows. */
export interface PrintedPages {
  readonly rows: PlanCell[][];
  /** The first row of every page after the first (PlanPrint.breaksBefore), in order. */
  readonly breaksBefore: readonly number[];
  /** Per page, the positions in the children printed of its first and last child. */
  readonly pageChildren: readonly (readonly [number, number])[];
  /** Per page, how many record entries it holds (成长记录 only). */
  readonly pageEntries?: readonly number[];
}

/** One sheet's share of a print job, for the sheet's own builder to title and lay out. */
export interface PrintPart {
  readonly rows: PlanCell[][];
  readonly breaksBefore: number[];
  /** Children on this sheet (one cut across two sheets counts on both) and their entries. */
  readonly children: number;
  readonly entries: number;
  /** Which part this is and why there are parts, for a title line; null when the job fits one sheet. */
  readonly partLine: string | null;
}

/**
 * The pages each part starts at (the first part at page 0), at most `maxPages` pages a part. A cut goes
 * where a class starts if one does within reach, else where a child starts, else (a child's record
 * longer than a whole part) between two of its pages — as late as it can, so parts are few and full.
 */
export function partStarts(pages: PrintedPages['pageChildren'], classOf: (child: number) => string | null, maxPages = MAX_PAGE_BREAKS + 1): number[] {
  const rank = (p: number) => {
    const first = pages[p][0];
    const before = pages[p - 1][1];
    if (first === before) return 0;
    return classOf(first) === classOf(before) ? 1 : 2;
  };
  const starts = [0];
  for (let start = 0; pages.length - start > maxPages;) {
    let cut = start + maxPages;
    let best = rank(cut);
    for (let p = cut - 1; p > start && best < 2; p--) {
      const r = rank(p);
      if (r > best) [cut, best] = [p, r];
    }
    starts.push(cut);
    start = cut;
  }
  return starts;
}

/**
 * A print job as one sheet, or — when its pages need more page breaks than Excel keeps a sheet
 * (MAX_PAGE_BREAKS) — as parts named 成长记录, 成长记录（2）, … (sheetPartName), each headed by a line
 * saying which children it holds and why the job is split. `content` builds each part's sheet.
 */
export function printSheetParts(
  sheet: string,
  printed: PrintedPages,
  children: readonly CardChild[],
  lang: Lang,
  content: (part: PrintPart) => SheetContent,
  maxPages = MAX_PAGE_BREAKS + 1,
): PlanOp[] {
  const { rows, breaksBefore, pageChildren, pageEntries } = printed;
  const starts = partStarts(pageChildren, (i) => children[i].classLabel, maxPages);
  const pageRow = (p: number) => (p === 0 ? 0 : p < pageChildren.length ? breaksBefore[p - 1] : rows.length);
  return starts.map((a, k) => {
    const b = starts[k + 1] ?? pageChildren.length;
    const from = pageRow(a);
    const [first, last] = b > a ? [pageChildren[a][0], pageChildren[b - 1][1]] : [0, -1];
    const partLine =
      starts.length === 1
        ? null
        : t(lang, 'cards.part', {
            part: k + 1,
            parts: starts.length,
            from: first + 1,
            to: last + 1,
            fromClass: children[first].classLabel ?? '—',
            toClass: children[last].classLabel ?? '—',
            children: children.length,
            max: MAX_PAGE_BREAKS,
            first: sheetPartName(sheet, 0),
            last: sheetPartName(sheet, starts.length - 1),
          });
    const part: PrintPart = {
      rows: rows.slice(from, pageRow(b)),
      breaksBefore: breaksBefore.slice(a, Math.max(a, b - 1)).map((r) => r - from),
      children: last - first + 1,
      entries: (pageEntries ?? []).slice(a, b).reduce((n, e) => n + e, 0),
      partLine,
    };
    return { kind: 'replaceSheet', sheet: sheetPartName(sheet, k), content: content(part) };
  });
}

/** The line that says a print job was split, given its sheets in order (联系卡, 联系卡（2）…); null when it is one sheet. */
export function printSplitNote(lang: Lang, sheets: readonly string[]): string | null {
  if (sheets.length < 2) return null;
  return t(lang, 'cards.split', { sheet: sheets[0], parts: sheets.length, first: sheets[0], last: sheets[sheets.length - 1], max: MAX_PAGE_BREAKS });
}
