/**
 * Read the records under the header: every row holding child data in a mapped column is a record, even
 * with a blank name. Blank rows, totals rows, signature/footer lines and a header repeated on a later
 * page are not. Values are normalised here once; the rules only judge.
 */
import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import type { IsoDate } from '../dates';
import type { SheetSnapshot } from '../snapshot';
import { headerForms, normalizeHeader } from './detect';
import { checkIdNumber, type IdCheck } from './idNumber';
import {
  cellText, classLabel, isBlank, normalizeName, parseAge, parseClass, parseDate, parseGender, parseLeftBehindType,
  parsePhone, parseYesNo, stripSpaces, type ClassParse, type DateParse, type PhoneParse,
} from './normalize';
import type { FieldKey, RosterLayout, RosterRecord, SkippedRow } from './types';

export const PHONE_FIELDS = ['guardianPhone', 'fatherPhone', 'motherPhone', 'parentPhone'] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];

/** A record with the parse results the rules need. */
export interface ParsedRow {
  readonly record: RosterRecord;
  readonly id: IdCheck | null;
  readonly birth: DateParse | null;
  readonly join: DateParse | null;
  readonly className: ClassParse | null;
  readonly grade: ClassParse | null;
  readonly phones: Readonly<Partial<Record<PhoneField, PhoneParse | null>>>;
  /** number, null (blank), undefined (cannot be read). */
  readonly guardianAge: number | null | undefined;
  /** Mapped cells holding an error value such as #N/A. */
  readonly cellErrors: readonly { readonly field: FieldKey; readonly col: number; readonly error: string }[];
}

export interface ReadResult {
  readonly rows: ParsedRow[];
  readonly skipped: SkippedRow[];
}

const TOTAL = /^(?:合计|总计|小计|共计|累计|总数|汇总)|^共\d+(?:人|名)/;
const FOOTER = /^(?:填表人|填报人|审核人|审批人|制表人|负责人|校长|签字|签名|盖章|填表日期|填报日期|制表日期|统计人|经办人|联系人[:：]|(?:学校|单位)(?:\(?盖章\)?|公章)|(?:注|备注|说明|注意)[:：])/;
/** First characters of the words above: most cells are tested with one charCodeAt, not a regex. */
const TRIGGERS = new Set('合总小共累汇填审制负校签盖统经联学单注备说'.split('').map((c) => c.charCodeAt(0)));

function firstChar(v: CellValue): number {
  if (typeof v !== 'string') return -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 0x20 && c !== 0x3000 && c !== 0x09 && c !== 0xa0) return c;
  }
  return -1;
}

function classify(v: CellValue): 'total' | 'footer' | null {
  if (!TRIGGERS.has(firstChar(v))) return null;
  const s = stripSpaces(cellText(v));
  if (TOTAL.test(s)) return 'total';
  if (FOOTER.test(s)) return 'footer';
  return null;
}

export function readRecords(sheet: SheetSnapshot, layout: RosterLayout, today: IsoDate): ReadResult {
  const mapped = (Object.entries(layout.columns) as [FieldKey, number][]).sort((a, b) => a[1] - b[1]);
  const fields = mapped.map(([f]) => f);
  const cols = mapped.map(([, c]) => c - sheet.origin.col);
  const forms = headerForms(sheet, layout);
  const formsByIndex = mapped.map(([, c]) => forms.get(c) ?? new Set<string>());
  const nameIndex = fields.indexOf('name');
  const probeIndex = nameIndex >= 0 ? nameIndex : 0;
  const rows: ParsedRow[] = [];
  const skipped: SkippedRow[] = [];
  const start = Math.max(layout.firstDataRow - sheet.origin.row, 0);
  const values = sheet.values;
  const cellsOfRow: CellValue[] = new Array(fields.length);

  for (let i = start; i < values.length; i++) {
    const line = values[i];
    if (!line || line.length === 0) continue;
    let hasData = false;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const v = c >= 0 && c < line.length ? (line[c] ?? null) : null;
      cellsOfRow[k] = v;
      if (!hasData && !isBlank(v)) hasData = true;
    }
    const row = sheet.origin.row + i;
    // The first filled cell of the row, and the name cell, carry 合计 / 填表人 lines.
    let first: CellValue = null;
    for (let c = 0; c < line.length; c++) {
      if (!isBlank(line[c] ?? null)) {
        first = line[c];
        break;
      }
    }
    const kind = classify(first) ?? (nameIndex >= 0 ? classify(cellsOfRow[nameIndex]) : null);
    if (kind) {
      skipped.push({ row, reason: kind });
      continue;
    }
    if (!hasData) continue;
    if (cols.length > 0 && isRepeatedHeader(cellsOfRow, formsByIndex, probeIndex)) {
      skipped.push({ row, reason: 'repeatedHeader' });
      continue;
    }
    rows.push(parseRow(row, fields, cellsOfRow, cols, sheet.origin.col, today));
  }
  return { rows, skipped };
}

function isRepeatedHeader(cells: readonly CellValue[], forms: readonly Set<string>[], probe: number): boolean {
  const p = cells[probe];
  if (typeof p !== 'string' || !forms[probe].has(normalizeHeader(p))) return false;
  let filled = 0;
  let matching = 0;
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string' && forms[k].has(normalizeHeader(v))) matching++;
  }
  return matching >= 2 ? matching * 2 >= filled : filled === 1;
}

function parseRow(row: number, fields: readonly FieldKey[], cells: readonly CellValue[], cols: readonly number[], originCol: number, today: IsoDate): ParsedRow {
  const raw: Partial<Record<FieldKey, CellValue>> = {};
  const cellErrors: { field: FieldKey; col: number; error: string }[] = [];
  for (let k = 0; k < fields.length; k++) {
    const v = cells[k];
    raw[fields[k]] = v;
    if (isCellError(v)) cellErrors.push({ field: fields[k], col: cols[k] + originCol, error: v.error });
  }
  const has = (f: FieldKey) => f in raw;
  const id = has('idNumber') ? checkIdNumber(raw.idNumber ?? null) : null;
  const birth = has('birthDate') ? parseDate(raw.birthDate ?? null) : null;
  const join = has('joinDate') ? parseDate(raw.joinDate ?? null) : null;
  const className = has('className') ? parseClass(raw.className ?? null, today) : null;
  const grade = has('grade') ? parseClass(raw.grade ?? null, today) : null;
  const phones: Partial<Record<PhoneField, PhoneParse | null>> = {};
  for (const f of PHONE_FIELDS) if (has(f)) phones[f] = parsePhone(raw[f] ?? null);
  const guardianAge = has('guardianAge') ? parseAge(raw.guardianAge ?? null) : null;

  const idGood = id && (id.kind === 'ok' || id.kind === 'legacy15') ? id : null;
  const birthDate = birth?.ok && birth.iso <= today ? birth.iso : idGood && idGood.birth <= today ? idGood.birth : null;
  const gender = has('gender') ? parseGender(raw.gender ?? null) : null;
  const classGrade = className?.ok ? className.grade : null;
  const gradeNo = classGrade ?? (grade?.ok ? grade.grade : null);
  const classNo = className?.ok ? className.classNo : null;
  const label = classLabel(gradeNo, classNo) ?? (classNo !== null ? `${classNo}班` : null);
  const validPhone = (p: PhoneParse | null | undefined) => (p && (p.kind === 'mobile' || p.kind === 'landline') ? p.digits : null);
  const idText = id && (id.kind === 'ok' || id.kind === 'legacy15' || id.kind === 'badChecksum' || id.kind === 'badBirthDate') ? id.id : null;

  const record: RosterRecord = {
    row,
    raw,
    name: normalizeName(raw.name ?? null),
    gender: gender ?? idGood?.gender ?? null,
    birthDate,
    idNumber: idText,
    grade: gradeNo,
    classLabel: label,
    address: cellText(raw.address ?? null),
    guardianName: normalizeName(raw.guardianName ?? null),
    guardianRelation: cellText(raw.guardianRelation ?? null),
    guardianPhone: validPhone(phones.guardianPhone),
    guardianAge: typeof guardianAge === 'number' ? guardianAge : null,
    fatherPhone: validPhone(phones.fatherPhone),
    motherPhone: validPhone(phones.motherPhone),
    parentPhone: validPhone(phones.parentPhone),
    leftBehindType: has('leftBehindType') ? parseLeftBehindType(raw.leftBehindType ?? null) : null,
    boarding: has('boarding') ? parseYesNo(raw.boarding ?? null) : null,
    keyFocus: has('keyFocus') ? parseYesNo(raw.keyFocus ?? null) === true : false,
    lunarBirthday: has('lunarBirthday') ? parseYesNo(raw.lunarBirthday ?? null) === true : false,
    joinDate: join?.ok ? join.iso : null,
  };
  return { record, id, birth, join, className, grade, phones, guardianAge, cellErrors };
}
