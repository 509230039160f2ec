/**
 * Builders for pairing tests and the benchmark: plain children, mentors and sheets, and a seeded
 * random school. Not imported by the add-in itself.
 */
import type { CellValue } from '../cells';
import { isLinkCell, type PlanOp, type SheetContent } from '../plan/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { SHEETS } from '../sheets';
import { MENTOR_HEADERS } from './mentors';
import type { ChildInput, ClassNormalizer, Mentor, MentorKind } from './types';

/** Test normaliser: '三（1）班' and '三(1)班' agree; anything without 班 is no class. */
export const simpleClass: ClassNormalizer = (s) => {
  const t = s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
  return /班$/.test(t) ? t : null;
};

export function child(name: string, classLabel: string | null, extra: Partial<ChildInput> = {}): ChildInput {
  return { name, classLabel, keyFocus: false, address: '', row: 0, idNumber: null, ...extra };
}

export function mentor(name: string, kind: MentorKind, classes: string[], capacity: number, village: string | null = null): Mentor {
  return { name, kind, classes, village, capacity, capacityDefaulted: false, row: -1 };
}

/** The snapshot a port would read back after writing `content` at A1. */
export function sheetFromContent(name: string, content: SheetContent): SheetSnapshot {
  const values: CellValue[][] = [];
  for (const line of content.titleLines ?? []) values.push([line]);
  values.push(content.columns.map((c) => c.header));
  for (const row of content.rows) values.push(row.map((c): CellValue => (isLinkCell(c) ? c.text : (c as CellValue))));
  return { name, origin: { row: 0, col: 0 }, values };
}

export function sheetFromOp(op: PlanOp): SheetSnapshot {
  if (op.kind !== 'replaceSheet' && op.kind !== 'createSheetIfMissing') throw new Error(`no content in ${op.kind}`);
  return sheetFromContent(op.sheet, op.content);
}

/** A 帮扶人员 sheet from rows of [姓名, 类别, 班级, 电话, 住址, 可帮扶人数, 备注]. */
export function mentorSheet(rows: CellValue[][], header: string[] = Object.values(MENTOR_HEADERS)): SheetSnapshot {
  return { name: SHEETS.mentors, origin: { row: 0, col: 0 }, values: [header, ...rows] };
}

export function mentorRows(mentors: readonly Mentor[]): CellValue[][] {
  return mentors.map((m) => [m.name, m.kind, m.classes.join('、'), '', m.village ?? '', m.capacity, '']);
}

export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Replace (or add) one sheet of a snapshot. */
export function withSheet(workbook: WorkbookSnapshot, sheet: SheetSnapshot): WorkbookSnapshot {
  return { sheets: [...workbook.sheets.filter((s) => s.name !== sheet.name), sheet] };
}

/** mulberry32: a small seeded generator, so benchmark schools are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GRADES = ['一', '二', '三', '四', '五', '六', '初一', '初二', '初三'];

export interface SchoolShape {
  readonly children: number;
  readonly mentors: number;
  readonly classes: number;
  readonly villages: number;
  readonly keyShare: number;
}

/**
 * A school of the given size: classes '三(2)班', villages '村7村', about a fifth of the mentors
 * students, a tenth proxies or volunteers, the rest adults from school; capacities by kind.
 */
export function randomSchool(shape: SchoolShape, random: () => number): { children: ChildInput[]; mentors: Mentor[] } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const classes = Array.from({ length: shape.classes }, (_, i) => `${GRADES[i % GRADES.length]}(${1 + Math.floor(i / GRADES.length)})班`);
  const villages = Array.from({ length: shape.villages }, (_, i) => `石${i}村`);
  const children: ChildInput[] = Array.from({ length: shape.children }, (_, i) => ({
    name: `童${i}`,
    classLabel: pick(classes),
    keyFocus: random() < shape.keyShare,
    address: `某县某镇${pick(villages)}${1 + Math.floor(random() * 9)}组`,
    row: i + 1,
    idNumber: i % 3 === 0 ? null : `ID${String(i).padStart(8, '0')}`,
  }));
  const mentors: Mentor[] = [];
  for (let i = 0; i < shape.mentors; i++) {
    const r = random();
    const cls = pick(classes);
    if (i < shape.classes) mentors.push(mentor(`师${i}`, '班主任', [classes[i]], 3));
    else if (r < 0.35)
      mentors.push(
        mentor(
          `师${i}`,
          '任课教师',
          [cls, pick(classes), pick(classes)].filter((c, k, a) => a.indexOf(c) === k),
          3,
        ),
      );
    else if (r < 0.45) mentors.push(mentor(`党${i}`, pick(['党员', '领导'] as const), [], 2));
    else if (r < 0.55) mentors.push(mentor(`代${i}`, pick(['代理家长', '志愿者'] as const), [], 2, pick(villages)));
    else mentors.push(mentor(`生${i}`, '学生', [cls], 1));
  }
  return { children, mentors };
}
