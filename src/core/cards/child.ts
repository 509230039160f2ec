import type { CellValue } from '../cells';
import type { PairingResult } from '../pairing/types';
import { cellText, isNoneText, normalizePhone } from '../roster/normalize';
import { regionNames, regionText } from '../roster/region';
import { recordKey, type FieldKey, type RosterRecord } from '../roster/types';
import { cellAt, findSheet, type WorkbookSnapshot } from '../snapshot';

/**
 * What a child's card and record print, gathered once from the roster, 帮扶人员 and 结对帮扶. A field the
 * workbook does not hold is null, never 0 or a guess: the sheets print it as a line to fill by hand.
 */
export interface CardChild {
  /** Index into the roster's records (the log's `child`). */
  readonly index: number;
  /** The roster sheet and its 0-based row (a roster may span class sheets). */
  readonly sheet?: string;
  readonly row: number;
  readonly name: string;
  readonly classLabel: string | null;
  readonly grade: number | null;
  readonly gender: string | null;
  readonly birthDate: string | null;
  /** The ID with all but its birth-date digits hidden (******20150312****), or null. */
  readonly idMasked: string | null;
  /** Where the ID was first issued, named from its first six digits (湖南省邵阳市隆回县), or null. */
  readonly idRegion: string | null;
  /** The roster's own 户籍 cell, to set beside the ID's region and the address. */
  readonly hukou: string | null;
  readonly address: string | null;
  readonly father: Person;
  readonly mother: Person;
  readonly parentPhone: string | null;
  readonly guardian: Person & { readonly relation: string | null; readonly age: number | null; readonly occupation: string | null; readonly health: string | null };
  readonly leftBehindType: RosterRecord['leftBehindType'];
  readonly boarding: boolean | null;
  readonly keyFocus: boolean;
  readonly teacher: Helper | null;
  readonly buddy: Helper | null;
  readonly proxy: Helper | null;
}

export interface Person {
  readonly name: string | null;
  readonly phone: string | null;
  readonly workplace: string | null;
}

export interface Helper {
  readonly name: string;
  readonly phone: string | null;
}

/** A roster cell as text, or null when blank or a "none" word (无, /, 暂无). Numbers stay as typed, never 0 for blank. */
function textOf(v: CellValue | undefined): string | null {
  const s = cellText(v);
  return s && !isNoneText(s) ? s : null;
}

const raw = (r: RosterRecord, f: FieldKey) => textOf(r.raw[f]);
const phoneOf = (r: RosterRecord, f: FieldKey, parsed: string | null) => parsed ?? raw(r, f);

/** The ID with everything but the birth-date digits (7th–14th of 18) hidden; shorter IDs are hidden whole. */
export function idBirthPart(id: string | null): string | null {
  if (!id) return null;
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${'*'.repeat(6)}${id.slice(6, 14)}${'*'.repeat(4)}`;
}

/** The region an ID's first six digits name (GB/T 2260, docs/ARCHITECTURE.md §5 id-region), or null. */
export function idRegionText(id: string | null): string | null {
  const names = id && (id.length === 18 || id.length === 15) ? regionNames(id.slice(0, 6)) : null;
  return names ? regionText(names) : null;
}

/** Phones of the people on 帮扶人员, by name (the 电话 column, as typed when it is no phone number). */
export function mentorPhones(workbook: WorkbookSnapshot, pairing: Pick<PairingResult, 'mentors' | 'mentorLayout'>): Map<string, string> {
  const out = new Map<string, string>();
  const layout = pairing.mentorLayout;
  const col = layout?.columns.phone;
  const sheet = layout ? findSheet(workbook, layout.sheet) : undefined;
  if (!sheet || col === undefined) return out;
  for (const m of pairing.mentors) {
    if (m.row < 0) continue;
    const v = cellAt(sheet, m.row, col);
    const phone = normalizePhone(v) ?? textOf(v);
    if (phone) out.set(m.name, phone);
  }
  return out;
}

/** The roster's children as their files print them; with `wanted`, only the records it picks (each keeps its roster index). */
export function cardChildren(
  records: readonly RosterRecord[],
  pairing: Pick<PairingResult, 'rows'>,
  phones: ReadonlyMap<string, string>,
  wanted?: (r: RosterRecord) => boolean,
): CardChild[] {
  const picked = wanted ? records.flatMap((r, index) => (wanted(r) ? [index] : [])) : records.map((_, index) => index);
  if (picked.length === 0) return [];
  // A roster may span class sheets whose rows repeat: a child is its sheet and row.
  const pairsByChild = new Map(pairing.rows.map((p) => [recordKey(p.child), p]));
  const helper = (name: string | null | undefined): Helper | null => (name ? { name, phone: phones.get(name) ?? null } : null);
  const out: CardChild[] = [];
  picked.forEach((index) => {
    const r = records[index];
    const pair = pairsByChild.get(recordKey(r));
    out.push({
      index,
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
      row: r.row,
      name: r.name,
      classLabel: r.classLabel,
      grade: r.grade,
      gender: r.gender,
      birthDate: r.birthDate,
      idMasked: idBirthPart(r.idNumber),
      idRegion: idRegionText(r.idNumber),
      hukou: raw(r, 'hukou'),
      address: r.address ? r.address : null,
      father: { name: raw(r, 'fatherName'), phone: phoneOf(r, 'fatherPhone', r.fatherPhone), workplace: raw(r, 'fatherWorkplace') },
      mother: { name: raw(r, 'motherName'), phone: phoneOf(r, 'motherPhone', r.motherPhone), workplace: raw(r, 'motherWorkplace') },
      parentPhone: phoneOf(r, 'parentPhone', r.parentPhone),
      guardian: {
        name: r.guardianName || null,
        phone: phoneOf(r, 'guardianPhone', r.guardianPhone),
        workplace: null,
        relation: r.guardianRelation || null,
        age: r.guardianAge,
        // 职业 under 监护情况, or 监护人职业 (docs/ARCHITECTURE.md §4); a line to fill where the roster has none.
        occupation: raw(r, 'guardianOccupation'),
        health: raw(r, 'guardianHealth'),
      },
      leftBehindType: r.leftBehindType,
      boarding: r.boarding,
      keyFocus: r.keyFocus,
      teacher: helper(pair?.teacher.mentor),
      buddy: helper(pair?.buddy.mentor),
      proxy: helper(pair?.proxy.mentor),
    });
  });
  return out;
}

/** Which children a sheet prints: the whole school, one class, or one child (by name, optionally in a class). */
export interface CardFilter {
  readonly className?: string;
  readonly child?: string;
}

export function filterChildren<T extends Pick<CardChild, 'name' | 'classLabel'>>(children: readonly T[], filter: CardFilter, normalizeClass: (s: string) => string | null): T[] {
  const cls = filter.className ? (normalizeClass(filter.className) ?? filter.className.trim()) : null;
  const name = filter.child?.trim();
  return children.filter((c) => (cls === null || c.classLabel === cls) && (!name || c.name === name));
}
