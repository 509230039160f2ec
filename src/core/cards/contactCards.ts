import type { IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { PlanCell, PlanOp, PlanPrint, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import type { CardChild, Helper } from './child';
import { printSheetParts } from './parts';
import type { CardSettings } from './settings';

/** What a field the workbook lacks prints as: a line to fill in by hand (never 0, never a guess). */
export const BLANK_LINE = '＿＿＿＿＿＿＿＿';

/** Rows of one card, the spacer below it included: two cards and the sheet's title fit an A4 page. */
export const CARD_ROWS = 16;
export const CARDS_PER_PAGE = 2;

/** A4 with half-inch margins: both ports write these (Excel's "Narrow" is 0.25/0.75; this keeps room to punch holes). */
export const A4_MARGINS = { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 } as const;

const orBlank = (s: string | number | null | undefined): string => (s === null || s === undefined || s === '' ? BLANK_LINE : String(s));

function yesNo(lang: Lang, v: boolean | null): string {
  return v === null ? BLANK_LINE : t(lang, v ? 'cards.yes' : 'cards.no');
}

function helperText(lang: Lang, h: Helper | null): string {
  if (!h) return BLANK_LINE;
  return t(lang, 'cards.helper', { name: h.name, phone: h.phone ?? BLANK_LINE });
}

/** The rows of one card: a title row, label/value pairs in four columns, a spacer. */
export function cardRows(c: CardChild, lang: Lang, settings: CardSettings): PlanCell[][] {
  const L = (k: string) => t(lang, `cards.field.${k}`);
  const lbt = c.leftBehindType ? t(lang, `cards.leftBehind.${c.leftBehindType}`) : BLANK_LINE;
  const rows: PlanCell[][] = [
    [t(lang, 'cards.cardTitle', { name: c.name, school: settings.schoolName ?? '' }), '', '', ''],
    [L('name'), c.name, L('class'), orBlank(c.classLabel)],
    [L('gender'), orBlank(c.gender), L('birthDate'), orBlank(c.birthDate)],
    [L('id'), orBlank(c.idMasked), L('leftBehindType'), lbt],
    [L('address'), orBlank(c.address), L('boarding'), yesNo(lang, c.boarding)],
    // 户籍 as the ID says it beside the roster's own, so a teacher sees at a glance where they differ.
    [L('idRegion'), orBlank(c.idRegion), L('hukou'), orBlank(c.hukou)],
    [L('fatherName'), orBlank(c.father.name), L('fatherPhone'), orBlank(c.father.phone)],
    [L('fatherWorkplace'), orBlank(c.father.workplace), L('keyFocus'), yesNo(lang, c.keyFocus)],
    [L('motherName'), orBlank(c.mother.name), L('motherPhone'), orBlank(c.mother.phone)],
    [L('motherWorkplace'), orBlank(c.mother.workplace), L('parentPhone'), orBlank(c.parentPhone)],
    [L('guardianName'), orBlank(c.guardian.name), L('guardianRelation'), orBlank(c.guardian.relation)],
    [L('guardianPhone'), orBlank(c.guardian.phone), L('guardianAge'), orBlank(c.guardian.age)],
    [L('guardianOccupation'), orBlank(c.guardian.occupation), L('guardianHealth'), orBlank(c.guardian.health)],
    [L('teacher'), helperText(lang, c.teacher), L('buddy'), helperText(lang, c.buddy)],
    [L('proxy'), helperText(lang, c.proxy), L('schoolContact'), orBlank(settings.schoolContact)],
    ['', '', '', ''],
  ];
  return rows;
}

export interface CardsPlanOptions {
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly settings: CardSettings;
}

/**
 * 联系卡: one card per child in roster order, CARD_ROWS rows each, a page break before every
 * CARDS_PER_PAGE-th card so two whole cards share each A4 page and none is cut. More cards than one
 * sheet's page breaks allow (2,048) are written to 联系卡, 联系卡（2）, … (printSheetParts).
 */
export function contactCardsSheetOps(children: readonly CardChild[], options: CardsPlanOptions): PlanOp[] {
  const { lang, today, settings } = options;
  const rows: PlanCell[][] = [];
  const breaksBefore: number[] = [];
  const pageChildren: [number, number][] = [];
  children.forEach((c, i) => {
    if (i % CARDS_PER_PAGE === 0) {
      if (i > 0) breaksBefore.push(rows.length);
      pageChildren.push([i, i]);
    } else pageChildren[pageChildren.length - 1][1] = i;
    rows.push(...cardRows(c, lang, settings));
  });
  const columns: SheetContent['columns'] = [
    { header: t(lang, 'cards.header.label'), width: 12, format: 'text' },
    { header: t(lang, 'cards.header.value'), width: 30, format: 'text', wrap: true },
    { header: t(lang, 'cards.header.label'), width: 12, format: 'text' },
    { header: t(lang, 'cards.header.value'), width: 30, format: 'text', wrap: true },
  ];
  return printSheetParts(SHEETS.cards, { rows, breaksBefore, pageChildren }, children, lang, (part): SheetContent => {
    const print: PlanPrint = { paper: 'A4', orientation: 'portrait', margins: A4_MARGINS, breaksBefore: part.breaksBefore, fitToWidth: true };
    const title = t(lang, 'cards.sheetTitle', { count: part.children, today, school: settings.schoolName ?? '' });
    return { titleLines: part.partLine ? [title, part.partLine] : [title], columns, rows: part.rows, print };
  });
}
