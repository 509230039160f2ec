import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { PlanCell, PlanOp, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import type { CardChild } from './child';
import { A4_MARGINS } from './contactCards';
import { recordEntryCells, type RecordEntry } from './entries';
import { printSheetParts, type PrintedPages } from './parts';

/**
 * How many printed lines a page of 成长记录 holds below the repeated column header (A4 portrait, half-inch
 * margins, scaled to the page width): kept low so a wrapped entry never spills onto the next page.
 */
export const RECORD_LINES_PER_PAGE = 34;
/** Width of the 内容 column in characters (a CJK character takes two): the seven columns fit A4 portrait at 100 %, so hosts that cannot fit to width print them whole too. */
export const RECORD_CONTENT_WIDTH = 42;

/** Printed lines an entry's 内容 takes when wrapped in its column. */
export function entryLines(content: string): number {
  let width = 0;
  for (const ch of content) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return Math.max(1, Math.ceil(width / RECORD_CONTENT_WIDTH));
}

export interface RecordPeriod {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface RecordsPlanOptions {
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly period?: RecordPeriod;
  readonly schoolName?: string | null;
}

/** The line over a child's record: name, class and helpers; on later pages, the name with 续 and the page. */
export function childHeaderText(lang: Lang, c: CardChild, page: number): string {
  return t(lang, page === 0 ? 'records.childHeader' : 'records.childHeaderContinued', {
    name: c.name,
    className: c.classLabel ?? '',
    teacher: c.teacher?.name ?? '—',
    buddy: c.buddy?.name ?? '—',
    proxy: c.proxy?.name ?? '—',
    page: page + 1,
  });
}

const childHeader = (lang: Lang, c: CardChild, page: number): PlanCell[] => [childHeaderText(lang, c, page), '', '', '', '', '', ''];

/** The record's column headers, in the interface language. */
export function recordColumnHeaders(lang: Lang): string[] {
  return ['date', 'kind', 'target', 'recorder', 'content', 'followUp', 'followUpDue'].map((k) => t(lang, `records.col.${k}`));
}

/**
 * Every chosen child's record laid out whole: a page per child under a header line naming the child and
 * their helpers; when the entries fill a page, the header is written again (续) on the next.
 */
function recordPages(children: readonly CardChild[], byChild: ReadonlyMap<number, readonly RecordEntry[]>, lang: Lang): PrintedPages & { pageEntries: number[] } {
  const rows: PlanCell[][] = [];
  const breaksBefore: number[] = [];
  const pageChildren: [number, number][] = [];
  const pageEntries: number[] = [];
  const newPage = (i: number) => {
    if (rows.length > 0) breaksBefore.push(rows.length);
    pageChildren.push([i, i]);
    pageEntries.push(0);
  };
  children.forEach((c, i) => {
    const entries = byChild.get(c.index) ?? [];
    let page = 0;
    newPage(i);
    rows.push(childHeader(lang, c, page));
    let used = 1;
    if (entries.length === 0) rows.push([t(lang, 'records.none'), '', '', '', '', '', '']);
    for (const e of entries) {
      const lines = entryLines(e.content);
      if (used + lines > RECORD_LINES_PER_PAGE && used > 1) {
        page++;
        newPage(i);
        rows.push(childHeader(lang, c, page));
        used = 1;
      }
      rows.push(recordEntryCells(e));
      used += lines;
      pageEntries[pageEntries.length - 1]++;
    }
  });
  return { rows, breaksBefore, pageChildren, pageEntries };
}

/**
 * 成长记录, the record card: per child (in the order given), their record lines (recordEntriesByChild: talks,
 * activities, roll call, aid, pairing changes — already in date order and within the period). Each child
 * starts a new printed page, so every page says whose record it is (recordPages). More pages than one
 * sheet's page breaks allow are written to 成长记录, 成长记录（2）, … whole classes together where they fit
 * (printSheetParts).
 */
export function growthRecordSheetOps(children: readonly CardChild[], byChild: ReadonlyMap<number, readonly RecordEntry[]>, options: RecordsPlanOptions): PlanOp[] {
  const { lang, today, period } = options;
  const [date, kind, target, recorder, contentHeader, followUp, followUpDue] = recordColumnHeaders(lang);
  const columns: SheetContent['columns'] = [
    { header: date, width: 11, format: 'date' },
    { header: kind, width: 9, format: 'text' },
    { header: target, width: 7, format: 'text' },
    { header: recorder, width: 9, format: 'text' },
    { header: contentHeader, width: RECORD_CONTENT_WIDTH, format: 'text', wrap: true },
    { header: followUp, width: 7, format: 'text' },
    { header: followUpDue, width: 11, format: 'date' },
  ];
  const periodText = period?.from || period?.to ? t(lang, 'records.period', { from: period.from ?? '…', to: period.to ?? '…' }) : '';
  return printSheetParts(SHEETS.records, recordPages(children, byChild, lang), children, lang, (part): SheetContent => {
    const title = t(lang, 'records.title', { children: part.children, entries: part.entries, today, school: options.schoolName ?? '', period: periodText });
    return {
      titleLines: part.partLine ? [title, part.partLine] : [title],
      columns,
      rows: part.rows,
      print: { paper: 'A4', orientation: 'portrait', margins: A4_MARGINS, repeatHeader: true, breaksBefore: part.breaksBefore, fitToWidth: true },
    };
  });
}
