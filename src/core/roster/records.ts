/**
 * Read the records under the header: every row holding child data in a mapped column is a record, even
 * with a blank name. Blank rows, totals rows, signature/footer lines and a header repeated on a later
 * page are not. Values are normalised here once; the rules only judge.
 */
import type { CellValue } from '../cells';
import { isCellError } from '../cells';
import type { IsoDate } from '../dates';
import { cellAt, type SheetSnapshot } from '../snapshot';
import { headerFirstIdeograph, headerForms, normalizeHeader } from './detect';
import { checkIdNumber, type IdCheck } from './idNumber';
import {
  cached,
  cellText,
  classInText,
  classLabel,
  isBlank,
  isNoneText,
  normalizeName,
  parseAge,
  parseClass,
  parseAwayFlag,
  parseDate,
  parseGender,
  parseGuardianshipType,
  parseLeftBehindType,
  parsePhone,
  parseYesNo,
  stripSpaces,
  type ClassParse,
  type DateParse,
  type PhoneParse,
} from './normalize';
import type { FieldKey, Gender, GuardianshipType, LeftBehindType, RosterLayout, RosterRecord, SkippedRow } from './types';

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
  /** Where the record's class came from when the sheet has no class or grade column: the sheet's name or title, or a section row. */
  readonly classFrom: 'sheet' | 'section' | null;
  /** What the gender column itself says (the record's gender falls back to the ID's). */
  readonly statedGender: Gender | null;
  readonly phones: Readonly<Partial<Record<PhoneField, PhoneParse | null>>>;
  /** number, null (blank), undefined (cannot be read). */
  readonly guardianAge: number | null | undefined;
  /** 监护类型, or null when the roster has no such column or the cell is blank or unreadable. */
  readonly guardianshipType: GuardianshipType | null;
  /** Mapped cells holding an error value such as #N/A. */
  readonly cellErrors: readonly { readonly field: FieldKey; readonly col: number; readonly error: string }[];
  /**
   * Mapped cells of this row inside a merged area (班级 merged down a class, twins' shared 监护人): sheet
   * column -> the area's top-left cell, whose value the cell was read with. Absent when none is.
   */
  readonly merged?: ReadonlyMap<number, MergeOrigin>;
}

/** The top-left cell of a merged area, 0-based sheet position. */
export interface MergeOrigin {
  readonly row: number;
  readonly col: number;
}

const TOTAL = /^(?:合计|总计|小计|共计|累计|总数|汇总)|^共\d+(?:人|名)/;
const FOOTER =
  /^(?:填表人|填报人|审核人|审批人|制表人|负责人|校长|签字|签名|盖章|填表日期|填报日期|制表日期|统计人|经办人|联系人[:：]|(?:学校|单位)(?:\(?盖章\)?|公章)|(?:注|备注|说明|注意)[:：])/;
/** First characters of the words above: most cells are tested with one charCodeAt, not a regex. */
const EXAMPLE = /^(?:例|示例|样例|范例|举例|填写示例|填表示例)(?:[:：]|$)/;
const TRIGGERS = new Set('合总小共累汇填审制负校签盖统经联学单注备说例示样范举'.split('').map((c) => c.charCodeAt(0)));

function firstChar(v: CellValue): number {
  if (typeof v !== 'string') return -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 0x20 && c !== 0x3000 && c !== 0x09 && c !== 0xa0) return c;
  }
  return -1;
}

function classify(v: CellValue): 'total' | 'footer' | 'example' | null {
  if (!TRIGGERS.has(firstChar(v))) return null;
  const s = stripSpaces(cellText(v));
  if (TOTAL.test(s)) return 'total';
  if (FOOTER.test(s)) return 'footer';
  if (EXAMPLE.test(s)) return 'example';
  return null;
}

/** Official forms number their columns in a row under the header: 1 2 3 … (or 1 blank 3 under merges). */
function isColumnNumbers(line: readonly CellValue[]): boolean {
  let count = 0;
  let last = 0;
  for (let c = 0; c < line.length; c++) {
    const v = line[c];
    if (isBlank(v ?? null)) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= last || v > last + 3) return false;
    last = v;
    count++;
  }
  return count >= 3;
}

/** A mapped cell inside a merged area: the value Excel shows there (the area's top-left) and where it is. */
interface MergedCell {
  readonly value: CellValue;
  readonly from: MergeOrigin;
}

/**
 * Merged areas under the header, cell by cell, in the mapped columns: 0-based sheet row -> for each mapped
 * column (index k of `cols`), the value the area shows. Excel keeps a merged area's value in its top-left
 * cell only and shows it across the whole area, so a 班级 merged down the rows of a class, or a 监护人 and
 * phone merged over twins, would otherwise read as empty on every row but the first. Areas starting above
 * the first data row (a header merged down, a title) carry nothing into the records. Null without merges.
 */
function mergedCells(sheet: SheetSnapshot, firstDataRow: number, cols: readonly number[]): Map<number, (MergedCell | undefined)[]> | null {
  if (!sheet.merges?.length) return null;
  const fieldsAt = new Map<number, number[]>();
  cols.forEach((c, k) => fieldsAt.set(c, [...(fieldsAt.get(c) ?? []), k]));
  const end = sheet.origin.row + sheet.values.length;
  let out: Map<number, (MergedCell | undefined)[]> | null = null;
  for (const m of sheet.merges) {
    if (m.row < firstDataRow || m.rowCount * m.colCount < 2) continue;
    const cell: MergedCell = { value: cellAt(sheet, m.row, m.col), from: { row: m.row, col: m.col } };
    for (let c = m.col; c < m.col + m.colCount; c++) {
      const ks = fieldsAt.get(c);
      if (!ks) continue;
      // A merge reaching far below the last value (a column merged to the sheet's end) covers no record there.
      for (let r = m.row; r < m.row + m.rowCount && r < end; r++) {
        out ??= new Map();
        let line = out.get(r);
        if (!line) out.set(r, (line = new Array<MergedCell | undefined>(cols.length)));
        for (const k of ks) line[k] = cell;
      }
    }
  }
  return out;
}

/**
 * Read the records one at a time: `visit` sees each parsed row as it is read, so a caller that keeps only
 * the record lets the parse results die young (on a 100,000-row roster, keeping them all until the rules
 * ran cost more in garbage collection than the rules themselves). Returns the rows passed over.
 */
export function forEachRecord(sheet: SheetSnapshot, layout: RosterLayout, today: IsoDate, visit: (parsed: ParsedRow) => void): SkippedRow[] {
  const sheetName = layout.sheet;
  const mapped = (Object.entries(layout.columns) as [FieldKey, number][]).sort((a, b) => a[1] - b[1]);
  const fields = mapped.map(([f]) => f);
  const cols = mapped.map(([, c]) => c - sheet.origin.col);
  const forms = headerForms(sheet, layout);
  const formsByIndex = mapped.map(([, c]) => headerProbe(forms.get(c) ?? new Set<string>()));
  const nameIndex = fields.indexOf('name');
  const skipped: SkippedRow[] = [];
  const start = Math.max(layout.firstDataRow - sheet.origin.row, 0);
  const values = sheet.values;
  const cellsOfRow = new Array<CellValue>(fields.length);
  const sheetCols = mapped.map(([, c]) => c);
  const parsers = rowParsers(sheetName, fields, sheetCols, today);
  // A sheet with no class or grade column takes the class from a section row above the children, else from its name or title.
  const noClassColumn = layout.columns.className === undefined && layout.columns.grade === undefined;
  const sheetClass: ClassParse | null = noClassColumn && layout.sheetClass ? { grade: layout.sheetClass.grade, classNo: layout.sheetClass.classNo, ok: true } : null;
  let section: ClassParse | null = null;
  const merges = mergedCells(sheet, layout.firstDataRow, sheetCols);

  for (let i = start; i < values.length; i++) {
    const line = values[i];
    if (!line || line.length === 0) continue;
    let hasData = false;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const v = c >= 0 && c < line.length ? (line[c] ?? null) : null;
      cellsOfRow[k] = v;
      // A formula such as =Sheet2!B3 shows 0 for an empty source: rows of zeros are template rows, not children.
      if (!hasData && !isBlank(v) && v !== 0) hasData = true;
    }
    const row = sheet.origin.row + i;
    if (i === start && isColumnNumbers(line)) {
      skipped.push({ sheet: sheetName, row, reason: 'columnNumbers' });
      continue;
    }
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
      skipped.push({ sheet: sheetName, row, reason: kind });
      continue;
    }
    if (noClassColumn) {
      const heading = sectionClass(line, today);
      if (heading) {
        section = heading;
        skipped.push({ sheet: sheetName, row, reason: 'section' });
        continue;
      }
    }
    if (!hasData) continue;
    if (cols.length > 0 && isRepeatedHeader(cellsOfRow, formsByIndex)) {
      skipped.push({ sheet: sheetName, row, reason: 'repeatedHeader' });
      continue;
    }
    // Whether the row is a record was judged on its own cells: rows a merged class reaches below the last
    // child are no children. A record reads its merged cells with the value Excel shows there.
    const merged = merges ? carryMerged(merges.get(row), cellsOfRow, sheetCols) : undefined;
    visit(parseRow(row, cellsOfRow, parsers, section ?? sheetClass, section ? 'section' : sheetClass ? 'sheet' : null, merged));
  }
  return skipped;
}

/** Put the merged areas' values into a row's mapped cells; returns sheet column -> area's top-left, or undefined when none. */
function carryMerged(line: readonly (MergedCell | undefined)[] | undefined, cells: CellValue[], cols: readonly number[]): Map<number, MergeOrigin> | undefined {
  if (!line) return undefined;
  let origins: Map<number, MergeOrigin> | undefined;
  for (let k = 0; k < line.length; k++) {
    const m = line[k];
    if (!m) continue;
    cells[k] = m.value;
    (origins ??= new Map()).set(cols[k], m.from);
  }
  return origins;
}

/**
 * A section row: one filled cell on the whole row, naming a class with its grade (三年级一班, 三（1）班 …,
 * or a title such as 三年级一班留守儿童名单). Only read where the sheet has no class or grade column.
 */
function sectionClass(line: readonly CellValue[], today: IsoDate): ClassParse | null {
  let text: string | null = null;
  for (let c = 0; c < line.length; c++) {
    const v = line[c] ?? null;
    if (isBlank(v)) continue;
    if (text !== null || typeof v !== 'string') return null;
    text = v;
  }
  if (text === null || text.length > 40) return null;
  const parsed = classInText(text, today);
  return parsed && parsed.grade !== null ? parsed : null;
}

/** A mapped column's header texts, and the first characters they start with for a cheap first test. */
interface HeaderProbe {
  readonly forms: ReadonlySet<string>;
  readonly starts: ReadonlySet<number>;
}

function headerProbe(forms: ReadonlySet<string>): HeaderProbe {
  const starts = new Set<number>();
  for (const f of forms) starts.add(f.charCodeAt(0));
  return { forms, starts };
}

function readsAsHeader(v: string, probe: HeaderProbe): boolean {
  // A child's name or a class under 姓名 / 班级 starts with another ideograph: no need to normalise it.
  const first = headerFirstIdeograph(v);
  if (first >= 0 && !probe.starts.has(first)) return false;
  return probe.forms.has(normalizeHeader(v));
}

function isRepeatedHeader(cells: readonly CellValue[], probes: readonly HeaderProbe[]): boolean {
  // Cheap probe first: the first filled mapped cell must read like its column's header.
  let k = 0;
  while (k < cells.length && isBlank(cells[k])) k++;
  const p = cells[k];
  if (typeof p !== 'string' || p.length > 40 || !readsAsHeader(p, probes[k])) return false;
  let filled = 0;
  let matching = 0;
  for (; k < cells.length; k++) {
    const v = cells[k];
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string' && readsAsHeader(v, probes[k])) matching++;
  }
  return matching >= 2 ? matching * 2 >= filled : filled === 1;
}

/** Parsers for one run: which fields exist is decided once, and low-variety columns are cached by value. */
interface RowParsers {
  readonly sheet: string;
  readonly fields: readonly FieldKey[];
  readonly cols: readonly number[];
  readonly today: IsoDate;
  readonly has: Readonly<Partial<Record<FieldKey, boolean>>>;
  readonly date: (v: CellValue) => DateParse | null;
  readonly cls: (v: CellValue) => ClassParse | null;
  readonly gender: (v: CellValue) => Gender | null;
  readonly yesNo: (v: CellValue) => boolean | null;
  readonly leftBehind: (v: CellValue) => LeftBehindType | null;
  readonly awayFlag: (v: CellValue) => boolean | null;
  readonly guardianship: (v: CellValue) => GuardianshipType | null;
  readonly age: (v: CellValue) => number | null | undefined;
  readonly text: (v: CellValue) => string;
  /** Workplaces repeat (广东东莞, 在家): each distinct text is judged once. */
  readonly away: (v: CellValue) => boolean;
  /** The canonical class label; a school has a few dozen, so each is built once and shared by its children. */
  readonly label: (grade: number | null, classNo: number | null) => string | null;
  /**
   * An object with the mapped fields as keys, in column order, copied for each row's `raw`: a copy has
   * all its slots at once, where adding a dozen keys one by one regrew the object's storage every few.
   */
  readonly rawShape: Readonly<Partial<Record<FieldKey, CellValue>>>;
}

function rowParsers(sheet: string, fields: readonly FieldKey[], cols: readonly number[], today: IsoDate): RowParsers {
  const has: Partial<Record<FieldKey, boolean>> = {};
  const rawShape: Partial<Record<FieldKey, CellValue>> = {};
  for (const f of fields) {
    has[f] = true;
    rawShape[f] = null;
  }
  return {
    sheet,
    fields,
    cols,
    today,
    has,
    rawShape,
    date: cached(parseDate),
    cls: cached((v) => parseClass(v, today)),
    gender: cached(parseGender),
    yesNo: cached(parseYesNo),
    leftBehind: cached(parseLeftBehindType),
    awayFlag: cached(parseAwayFlag),
    guardianship: cached(parseGuardianshipType),
    age: cached(parseAge),
    text: cached(cellText),
    away: cached(isAwayWorkplace),
    label: cachedLabel(),
  };
}

const validPhone = (p: PhoneParse | null | undefined) => (p && (p.kind === 'mobile' || p.kind === 'landline') ? p.digits : null);

function labelOf(grade: number | null, classNo: number | null): string | null {
  return classLabel(grade, classNo) ?? (classNo !== null ? `${classNo}班` : null);
}

function cachedLabel(): (grade: number | null, classNo: number | null) => string | null {
  const labels = new Map<number, string | null>();
  const small = (n: number, below: number) => Number.isInteger(n) && n >= 0 && n < below;
  return (grade, classNo) => {
    // Grades are 0..9 and classes 0..999 (null as 10 and 1000); anything else is labelled uncached.
    if ((grade !== null && !small(grade, 10)) || (classNo !== null && !small(classNo, 1000))) return labelOf(grade, classNo);
    const key = (grade ?? 10) * 1001 + (classNo ?? 1000);
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = labelOf(grade, classNo)));
    return label;
  };
}

/** A workplace cell that says the parent is away: any text but blanks, error values, "none" and "at home" words. */
const AT_HOME: ReadonlySet<string> = new Set(['在家', '家中', '本地', '在本地']);
function isAwayWorkplace(v: CellValue): boolean {
  if (v === null || isCellError(v)) return false;
  const text = cellText(v).replace(/\s+/g, '');
  return text !== '' && !isNoneText(text) && !AT_HOME.has(text);
}

/**
 * 留守类型: an explicit left-behind-type cell always wins, then a 父母是否外出 cell (父亲外出, 双方外出 …).
 * Otherwise each parent is away by their own 是否外出 cell (是/否) or, where that is blank, by a filled
 * workplace (many rosters list where the parents work and nothing else): both away -> 'both', exactly
 * one -> 'one', both said at home -> 'none', else null (unknown: a blank workplace is no proof the parent
 * is at home). Text that cannot be read stays null.
 */
function leftBehindTypeOf(raw: Partial<Record<FieldKey, CellValue>>, P: RowParsers): LeftBehindType | null {
  const cell = P.has.leftBehindType ? (raw.leftBehindType ?? null) : null;
  if (!isBlank(cell)) return P.leftBehind(cell);
  const both = P.has.parentAway ? (raw.parentAway ?? null) : null;
  if (!isBlank(both)) {
    const read = P.leftBehind(both);
    if (read !== null) return read;
  }
  const father = parentAway(raw, P, 'fatherAway', 'fatherWorkplace');
  const mother = parentAway(raw, P, 'motherAway', 'motherWorkplace');
  const away = (father === true ? 1 : 0) + (mother === true ? 1 : 0);
  return away === 2 ? 'both' : away === 1 ? 'one' : father === false && mother === false ? 'none' : null;
}

/** One parent: true (away), false (said to be at home by a 是否外出 cell), null (not known). */
function parentAway(raw: Partial<Record<FieldKey, CellValue>>, P: RowParsers, flag: 'fatherAway' | 'motherAway', workplace: 'fatherWorkplace' | 'motherWorkplace'): boolean | null {
  const said = P.has[flag] ? P.awayFlag(raw[flag] ?? null) : null;
  if (said !== null) return said;
  return P.has[workplace] && P.away(raw[workplace] ?? null) ? true : null;
}

function parseRow(
  row: number,
  cells: readonly CellValue[],
  P: RowParsers,
  fallbackClass: ClassParse | null,
  classFrom: ParsedRow['classFrom'],
  merged: ReadonlyMap<number, MergeOrigin> | undefined,
): ParsedRow {
  const { fields, cols, has, today } = P;
  const raw: Partial<Record<FieldKey, CellValue>> = { ...P.rawShape };
  let cellErrors: { field: FieldKey; col: number; error: string }[] | undefined;
  for (let k = 0; k < fields.length; k++) {
    const v = cells[k];
    raw[fields[k]] = v;
    if (isCellError(v)) (cellErrors ??= []).push({ field: fields[k], col: cols[k], error: v.error });
  }
  const id = has.idNumber ? checkIdNumber(raw.idNumber ?? null) : null;
  const birth = has.birthDate ? P.date(raw.birthDate ?? null) : null;
  const join = has.joinDate ? P.date(raw.joinDate ?? null) : null;
  const className = has.className ? P.cls(raw.className ?? null) : null;
  const grade = has.grade ? P.cls(raw.grade ?? null) : null;
  const phones: Partial<Record<PhoneField, PhoneParse | null>> = {};
  for (let i = 0; i < PHONE_FIELDS.length; i++) {
    const f = PHONE_FIELDS[i];
    if (has[f]) phones[f] = parsePhone(raw[f] ?? null);
  }
  const guardianAge = has.guardianAge ? P.age(raw.guardianAge ?? null) : null;
  const guardianshipType = has.guardianshipType ? P.guardianship(raw.guardianshipType ?? null) : null;

  const idGood = id && (id.kind === 'ok' || id.kind === 'legacy15') ? id : null;
  const birthDate = birth?.ok && birth.iso <= today ? birth.iso : idGood && idGood.birth <= today ? idGood.birth : null;
  const gender = has.gender ? P.gender(raw.gender ?? null) : null;
  const fromColumns = has.className || has.grade;
  const classGiven = fromColumns ? className : fallbackClass;
  const classGrade = classGiven?.ok ? classGiven.grade : null;
  const gradeNo = classGrade ?? (grade?.ok ? grade.grade : null);
  const classNo = classGiven?.ok ? classGiven.classNo : null;
  const label = P.label(gradeNo, classNo);
  const idText = id && (id.kind === 'ok' || id.kind === 'legacy15' || id.kind === 'badChecksum' || id.kind === 'badBirthDate') ? id.id : null;

  const record: RosterRecord = {
    sheet: P.sheet,
    row,
    raw,
    name: normalizeName(raw.name ?? null),
    gender: gender ?? idGood?.gender ?? null,
    birthDate,
    idNumber: idText,
    grade: gradeNo,
    classLabel: label,
    address: has.address ? P.text(raw.address ?? null) : '',
    guardianName: normalizeName(raw.guardianName ?? null),
    guardianRelation: has.guardianRelation ? P.text(raw.guardianRelation ?? null) : '',
    guardianPhone: validPhone(phones.guardianPhone),
    guardianAge: typeof guardianAge === 'number' ? guardianAge : null,
    fatherPhone: validPhone(phones.fatherPhone),
    motherPhone: validPhone(phones.motherPhone),
    parentPhone: validPhone(phones.parentPhone),
    leftBehindType: leftBehindTypeOf(raw, P),
    boarding: has.boarding ? P.yesNo(raw.boarding ?? null) : null,
    keyFocus: has.keyFocus ? P.yesNo(raw.keyFocus ?? null) === true : false,
    lunarBirthday: has.lunarBirthday ? P.yesNo(raw.lunarBirthday ?? null) === true : false,
    joinDate: join?.ok ? join.iso : null,
  };
  return {
    record,
    id,
    birth,
    join,
    className,
    grade,
    classFrom: fromColumns ? null : classFrom,
    statedGender: gender,
    phones,
    guardianAge,
    guardianshipType,
    cellErrors: cellErrors ?? NO_ERRORS,
    ...(merged ? { merged } : {}),
  };
}

const NO_ERRORS: ParsedRow['cellErrors'] = [];
