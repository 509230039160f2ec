import type { LogEntry } from '../contacts/log';
import { kindLabel, NO, YES } from '../contacts/kinds';
import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import { dateCell, type PlanCell, type PlanOp, type SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import type { CardChild } from './child';
import { A4_MARGINS } from './contactCards';

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

function childHeader(lang: Lang, c: CardChild, page: number): PlanCell[] {
  const line = t(lang, page === 0 ? 'records.childHeader' : 'records.childHeaderContinued', {
    name: c.name,
    className: c.classLabel ?? '',
    teacher: c.teacher?.name ?? '—',
    buddy: c.buddy?.name ?? '—',
    proxy: c.proxy?.name ?? '—',
    page: page + 1,
  });
  return [line, '', '', '', '', '', ''];
}

function entryRow(lang: Lang, e: LogEntry): PlanCell[] {
  return [dateCell(e.date), kindLabel(e.kind), e.target, e.recorder, e.content, e.followUp ? YES : NO, e.followUp ? dateCell(e.followUpDue) : ''];
}

/**
 * 成长记录, the record card: per child (in the order given), their 谈心记录 entries in date order. Each child
 * starts a new printed page under a header line naming the child and their helpers; when the entries
 * fill a page, the header is written again (续) on the next, so every page says whose record it is.
 */
export function growthRecordSheetOp(children: readonly CardChild[], byChild: ReadonlyMap<number, readonly LogEntry[]>, options: RecordsPlanOptions): PlanOp {
  const { lang, today, period } = options;
  const rows: PlanCell[][] = [];
  const breaksBefore: number[] = [];
  let entryCount = 0;
  for (const c of children) {
    const entries = (byChild.get(c.index) ?? []).filter((e) => (!period?.from || e.date >= period.from) && (!period?.to || e.date <= period.to));
    if (rows.length > 0) breaksBefore.push(rows.length);
    let page = 0;
    rows.push(childHeader(lang, c, page));
    let used = 1;
    if (entries.length === 0) rows.push([t(lang, 'records.none'), '', '', '', '', '', '']);
    for (const e of entries) {
      const lines = entryLines(e.content);
      if (used + lines > RECORD_LINES_PER_PAGE && used > 1) {
        page++;
        breaksBefore.push(rows.length);
        rows.push(childHeader(lang, c, page));
        used = 1;
      }
      rows.push(entryRow(lang, e));
      used += lines;
      entryCount++;
    }
  }
  const H = (k: string) => t(lang, `records.col.${k}`);
  const content: SheetContent = {
    titleLines: [
      t(lang, 'records.title', {
        children: children.length,
        entries: entryCount,
        today,
        school: options.schoolName ?? '',
        period: period?.from || period?.to ? t(lang, 'records.period', { from: period.from ?? '…', to: period.to ?? '…' }) : '',
      }),
    ],
    columns: [
      { header: H('date'), width: 11, format: 'date' },
      { header: H('kind'), width: 9, format: 'text' },
      { header: H('target'), width: 7, format: 'text' },
      { header: H('recorder'), width: 9, format: 'text' },
      { header: H('content'), width: RECORD_CONTENT_WIDTH, format: 'text', wrap: true },
      { header: H('followUp'), width: 7, format: 'text' },
      { header: H('followUpDue'), width: 11, format: 'date' },
    ],
    rows,
    print: { paper: 'A4', orientation: 'portrait', margins: A4_MARGINS, repeatHeader: true, breaksBefore, fitToWidth: true },
  };
  return { kind: 'replaceSheet', sheet: SHEETS.records, content };
}
