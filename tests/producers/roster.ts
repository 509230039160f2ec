/**
 * The one fictional roster every producer in the corpus writes, and the teacher's own sheet beside it.
 * Seeded, so a regenerated corpus holds the same people; nothing here is real.
 */
import type { IsoDate } from '../../src/core/dates';
import {
  AREAS,
  between,
  birthForGrade,
  childName,
  GRADE_CN,
  guardianFor,
  makeId,
  mobile,
  adultName,
  pick,
  seededRandom,
  surname,
  village,
  withWrongCheck,
} from '../fixtures/roster-gen';

export const ROSTER_SHEET = '花名册';
export const TEACHER_SHEET = '成绩';
/** The day the corpus tests check against (school year 2025–26). */
export const CORPUS_TODAY = '2025-09-15';

export const ROSTER_HEADER = [
  '序号',
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '年级',
  '班级',
  '家庭住址',
  '父亲姓名',
  '父亲电话',
  '母亲姓名',
  '母亲电话',
  '监护人姓名',
  '与学生关系',
  '监护人电话',
  '监护人年龄',
] as const;

/** A roster row; the birth date is an ISO date each producer writes as a real date cell. */
export type RosterRow = readonly [number, string, string, IsoDate, string, string, string, string, string, string, string, string, string, string, string, number];

export function rosterRows(count = 12): RosterRow[] {
  const rng = seededRandom(20250915);
  const rows: RosterRow[] = [];
  for (let i = 0; i < count; i++) {
    const grade = between(rng, 1, 6);
    const gender = rng() < 0.5 ? '男' : '女';
    const sn = surname(rng);
    const birth = birthForGrade(rng, grade, 2025);
    const g = guardianFor(rng, sn);
    rows.push([
      i + 1,
      childName(rng, sn, gender),
      gender,
      birth,
      makeId(pick(rng, AREAS), birth, between(rng, 0, 999), gender),
      `${GRADE_CN[grade - 1]}年级`,
      `${GRADE_CN[grade - 1]}(${between(rng, 1, 2)})班`,
      village(rng),
      adultName(rng, sn, '男'),
      mobile(rng),
      adultName(rng, surname(rng), '女'),
      mobile(rng),
      g.name,
      g.relation,
      g.phone,
      g.age,
    ]);
  }
  // Two defects, so the check marks cells and writes notes: a wrong ID check character, a short phone.
  rows[2] = rows[2].map((v, i) => (i === 4 ? withWrongCheck(v as string) : v)) as unknown as RosterRow;
  rows[5] = rows[5].map((v, i) => (i === 14 ? (v as string).slice(0, 8) : v)) as unknown as RosterRow;
  return rows;
}

/** The teacher's own sheet: names, two scores and a total formula. Its values must come back unchanged. */
export const TEACHER_HEADER = ['姓名', '语文', '数学', '总分'] as const;
export function teacherRows(roster: readonly RosterRow[]): { name: string; chinese: number; maths: number }[] {
  const rng = seededRandom(7);
  return roster.slice(0, 6).map((r) => ({ name: r[1], chinese: between(rng, 60, 100), maths: between(rng, 55, 100) }));
}
