/**
 * The roster rules (docs/ARCHITECTURE.md §5). Each finding carries a stable rule id, a severity and an i18n key;
 * parameters are row numbers, ages and counts only — never a name, ID or phone.
 */
import { columnLetter } from '../cells';
import { daysInMonth, type IsoDate } from '../dates';
import type { Params } from '../i18n';
import { cellText, type DateParse } from './normalize';
import type { ParsedRow } from './records';
import { PHONE_FIELDS } from './records';
import { comparePlace, isKnownRegionCode, regionNames, regionText } from './region';
import type { FieldKey, Finding, RosterLayout, RosterRecord, RuleId, Severity } from './types';

/** Fields a roster must have a column for, and fill on every record (class or grade counts as one). */
export const REQUIRED_FIELDS: readonly FieldKey[] = ['name', 'guardianName', 'guardianPhone'];

export const CHILD_MAX_AGE = 16; // the policy's left-behind child is under 16
export const CHILD_MIN_AGE = 3;
export const GUARDIAN_MIN_AGE = 18;
export const GUARDIAN_WARN_AGE = 75;

const SEVERITY: Readonly<Record<RuleId, Severity>> = {
  'header-missing': 'error',
  required: 'error',
  'id-format': 'error',
  'id-checksum': 'error',
  'id-precision-lost': 'error',
  'id-birthdate-mismatch': 'error',
  'id-gender-mismatch': 'error',
  'phone-format': 'error',
  'date-invalid': 'error',
  'age-out-of-range': 'warning',
  'grade-invalid': 'error',
  duplicate: 'error',
  'guardian-age': 'error',
  'cell-error': 'warning',
  'id-region': 'warning',
  'mapping-stale': 'warning',
  // An error like a minor guardian (guardian-age): the child has nobody answerable for it, whatever the data says otherwise.
  'guardianship-missing': 'error',
  // A warning: a household may have moved since the ID was issued; only a typo is an error, and we cannot tell which.
  'region-mismatch': 'warning',
};

/** The usual severity of a rule (a few findings are softer: a 15-digit ID, an old guardian, a likely duplicate). */
export function ruleSeverity(rule: RuleId): Severity {
  return SEVERITY[rule];
}

/**
 * Rules about what one cell holds, whatever row reads it. In a merged area (a class merged down its rows,
 * twins' shared phone) such a finding is the area's, once, at its top-left cell: the teacher fixes one
 * cell. A rule comparing a cell with the child's other cells (ID against birth date or gender, a
 * duplicate) stays on the child's own row.
 */
const CELL_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'required',
  'id-format',
  'id-checksum',
  'id-precision-lost',
  'id-region',
  'phone-format',
  'date-invalid',
  'age-out-of-range',
  'grade-invalid',
  'guardian-age',
  'cell-error',
]);

class Findings {
  readonly list: Finding[] = [];
  /** The merged cells of the row being checked (ParsedRow.merged). */
  merged: ParsedRow['merged'] = undefined;
  /** Cell findings already made at a merged area's top-left: rule, message, row, column. */
  private readonly mergedSeen = new Set<string>();
  constructor(private readonly sheet: string) {}

  add(row: number, col: number | null, field: FieldKey | null, rule: RuleId, messageKey: string, params: Params = {}, severity: Severity = SEVERITY[rule]): void {
    const origin = this.merged && col !== null && CELL_RULES.has(rule) ? this.merged.get(col) : undefined;
    if (origin) {
      const key = `${rule}|${messageKey}|${origin.row}|${origin.col}`;
      if (this.mergedSeen.has(key)) return;
      this.mergedSeen.add(key);
      row = origin.row;
      col = origin.col;
    }
    this.list.push({ sheet: this.sheet, row, col, field, rule, severity, messageKey, params: { row: row + 1, ...params } });
  }
}

/** The rules of one sheet of the roster: its columns, its header findings, its findings. */
class SheetRules {
  readonly out: Findings;
  readonly headerFindings: number;
  readonly classCol: number | undefined;
  readonly classField: FieldKey;
  /** The header-missing finding for class or grade, dropped when section rows give every child a class. */
  private readonly classMissing: Finding | null;
  sectionSeen = false;

  constructor(readonly layout: RosterLayout) {
    const out = (this.out = new Findings(layout.sheet));
    const cols = layout.columns;
    const headerRow = layout.headerRows[layout.headerRows.length - 1];
    for (const field of REQUIRED_FIELDS) {
      if (cols[field] === undefined) out.add(headerRow, null, field, 'header-missing', 'roster.headerMissing');
    }
    this.classCol = cols.className ?? cols.grade;
    this.classField = cols.className !== undefined ? 'className' : 'grade';
    let classMissing: Finding | null = null;
    // A sheet named for its class (一年级一班) needs no class column.
    if (this.classCol === undefined && !layout.sheetClass) {
      out.add(headerRow, null, 'className', 'header-missing', 'roster.headerMissing.classOrGrade');
      classMissing = out.list[out.list.length - 1];
    }
    this.classMissing = classMissing;
    for (const s of layout.stale ?? []) {
      out.add(headerRow, s.col, s.field, 'mapping-stale', s.col === null ? 'roster.mapping.staleDetected' : 'roster.mapping.staleMoved', {
        header: s.header,
        ...(s.col === null ? {} : { column: columnLetter(s.col) }),
      });
    }
    // header-missing reports the header row; keep those first whatever the sort in finish does.
    this.headerFindings = out.list.length;
  }

  /** The findings, header-missing first, then by row and column. */
  finish(): Finding[] {
    const list = this.out.list;
    const head = list.slice(0, this.headerFindings).filter((f) => !(this.sectionSeen && f === this.classMissing));
    const body = list.slice(this.headerFindings);
    body.sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1));
    return head.concat(body);
  }
}

/**
 * Every rule over the roster's layouts (one, or one per class sheet): `check` each parsed row as it is
 * read, then `finish` with all the records for the rules across rows (duplicates, across sheets too).
 * Row by row, so the parse results need not outlive their row. `today` is the reference date for ages
 * and "future".
 */
export class RosterRules {
  private readonly sheets = new Map<string, SheetRules>();

  constructor(
    layouts: RosterLayout | readonly RosterLayout[],
    private readonly today: IsoDate,
  ) {
    const list: readonly RosterLayout[] = 'sheet' in layouts ? [layouts] : layouts;
    for (const layout of list) this.sheets.set(layout.sheet, new SheetRules(layout));
  }

  check(parsed: ParsedRow): void {
    const s = this.sheets.get(parsed.record.sheet) ?? this.sheets.values().next().value!;
    if (parsed.classFrom === 'section') s.sectionSeen = true;
    s.out.merged = parsed.merged;
    checkRow(s.out, parsed, s.layout, this.today, s.classCol, s.classField);
    s.out.merged = undefined;
  }

  /** The findings sheet by sheet (in the order the layouts came), each header-missing first, then by row and column. Call once, after the last row. */
  finish(records: readonly RosterRecord[]): Finding[] {
    checkDuplicates(records, this.sheets);
    return [...this.sheets.values()].flatMap((s) => s.finish());
  }
}

const PHONE_FIELD_SET: ReadonlySet<FieldKey> = new Set(PHONE_FIELDS);
const DATE_FIELDS: ReadonlySet<FieldKey> = new Set(['birthDate', 'joinDate']);
const CLASS_FIELDS: ReadonlySet<FieldKey> = new Set(['className', 'grade']);

function checkRow(out: Findings, p: ParsedRow, layout: RosterLayout, today: IsoDate, classCol: number | undefined, classField: FieldKey): void {
  const cols = layout.columns;
  const row = p.record.row;
  const erroredFields: ReadonlySet<FieldKey> = p.cellErrors.length ? new Set(p.cellErrors.map((e) => e.field)) : NO_FIELDS;

  // Error values first: one finding per cell, under the rule that owns the column.
  for (const e of p.cellErrors) {
    const params = { error: e.error };
    if (REQUIRED_FIELDS.includes(e.field)) out.add(row, e.col, e.field, 'required', 'roster.required.cellError', params);
    else if (e.field === 'idNumber') out.add(row, e.col, e.field, 'id-format', 'roster.id.cellError', params);
    else if (PHONE_FIELD_SET.has(e.field)) out.add(row, e.col, e.field, 'phone-format', 'roster.phone.cellError', params);
    else if (DATE_FIELDS.has(e.field)) out.add(row, e.col, e.field, 'date-invalid', 'roster.date.cellError', params);
    else if (CLASS_FIELDS.has(e.field)) out.add(row, e.col, e.field, 'grade-invalid', 'roster.grade.cellError', params);
    else out.add(row, e.col, e.field, 'cell-error', 'roster.cellError', params);
  }

  // required
  if (cols.name !== undefined && !p.record.name && !erroredFields.has('name')) out.add(row, cols.name, 'name', 'required', 'roster.required');
  if (cols.guardianName !== undefined && !p.record.guardianName && !erroredFields.has('guardianName')) {
    out.add(row, cols.guardianName, 'guardianName', 'required', 'roster.required');
  }
  if (cols.guardianPhone !== undefined && p.phones.guardianPhone == null && !erroredFields.has('guardianPhone')) {
    out.add(row, cols.guardianPhone, 'guardianPhone', 'required', 'roster.required');
  }
  if (classCol !== undefined && p.className == null && p.grade == null) {
    out.add(row, classCol, classField, 'required', 'roster.required.classOrGrade');
  }

  // ID number
  const idCol = cols.idNumber;
  let idBirth: IsoDate | null = null;
  if (idCol !== undefined && p.id) {
    const id = p.id;
    switch (id.kind) {
      case 'precisionLost':
        out.add(row, idCol, 'idNumber', 'id-precision-lost', 'roster.id.precisionLost');
        break;
      case 'badFormat':
        out.add(row, idCol, 'idNumber', 'id-format', 'roster.id.badFormat');
        break;
      case 'badBirthDate':
        out.add(row, idCol, 'idNumber', 'id-format', 'roster.id.badBirthDate');
        break;
      case 'badChecksum':
        if (id.birth > today) out.add(row, idCol, 'idNumber', 'id-format', 'roster.id.futureBirthDate');
        else out.add(row, idCol, 'idNumber', 'id-checksum', 'roster.id.badChecksum');
        break;
      case 'legacy15':
      case 'ok':
        if (id.kind === 'legacy15') out.add(row, idCol, 'idNumber', 'id-format', 'roster.id.legacy15', {}, 'warning');
        if (id.birth > today) {
          out.add(row, idCol, 'idNumber', 'id-format', 'roster.id.futureBirthDate');
          break;
        }
        idBirth = id.birth;
        checkRegion(out, p, cols, id.id.slice(0, 6));
        if (cols.birthDate !== undefined && p.birth?.ok && p.birth.iso <= today) {
          const same = p.birth.monthOnly ? p.birth.iso.slice(0, 7) === id.birth.slice(0, 7) : p.birth.iso === id.birth;
          if (!same) out.add(row, cols.birthDate, 'birthDate', 'id-birthdate-mismatch', 'roster.id.birthMismatch');
        }
        if (cols.gender !== undefined) {
          // record.gender falls back to the ID's, so judge what the column itself says.
          const stated = p.statedGender;
          if (stated && stated !== id.gender) out.add(row, cols.gender, 'gender', 'id-gender-mismatch', 'roster.id.genderMismatch');
        }
        break;
      case 'cellError':
        break;
    }
  }

  // Phones
  for (let i = 0; i < PHONE_FIELDS.length; i++) {
    const f = PHONE_FIELDS[i];
    const col = cols[f];
    const ph = p.phones[f];
    if (col === undefined || !ph || erroredFields.has(f)) continue;
    // In a cell of several numbers, say which one: the teacher need not guess.
    const which = ph.position !== undefined ? { position: ph.position, numbers: ph.numbers ?? 0 } : null;
    if (ph.kind === 'noAreaCode') out.add(row, col, f, 'phone-format', which ? 'roster.phone.noAreaCodeOf' : 'roster.phone.noAreaCode', which ?? {});
    else if (ph.kind === 'invalid') out.add(row, col, f, 'phone-format', which ? 'roster.phone.invalidOf' : 'roster.phone.invalid', { count: countDigits(ph.digits), ...which });
  }

  // Dates
  const birthFromColumn = checkDate(out, row, cols.birthDate, 'birthDate', p.birth, erroredFields, today);
  checkDate(out, row, cols.joinDate, 'joinDate', p.join, erroredFields, today);

  // Age on the reference date: from the birth-date column, else from the ID. A month-only date (出生年月)
  // is judged on both ends of its month, so a child is never flagged on a day the month leaves open.
  const birth = birthFromColumn ?? idBirth;
  if (birth) {
    const monthOnly = birthFromColumn !== null && p.birth?.ok === true && p.birth.monthOnly;
    const youngest = monthOnly ? fullYears(lastOfMonth(birth), today) : fullYears(birth, today);
    const oldest = fullYears(birth, today);
    const col = birthFromColumn ? cols.birthDate! : idCol!;
    const field: FieldKey = birthFromColumn ? 'birthDate' : 'idNumber';
    if (youngest >= CHILD_MAX_AGE) out.add(row, col, field, 'age-out-of-range', 'roster.age.tooOld', { age: youngest });
    else if (oldest < CHILD_MIN_AGE) out.add(row, col, field, 'age-out-of-range', 'roster.age.tooYoung', { age: oldest });
  }

  checkGuardianship(out, p, cols, birth, today);

  // Grade and class
  if (cols.className !== undefined && p.className && !p.className.ok && !erroredFields.has('className')) {
    out.add(row, cols.className, 'className', 'grade-invalid', 'roster.grade.invalid');
  }
  if (cols.grade !== undefined && p.grade && !p.grade.ok && !erroredFields.has('grade')) {
    out.add(row, cols.grade, 'grade', 'grade-invalid', 'roster.grade.invalid');
  }

  // Guardian's age
  if (cols.guardianAge !== undefined && !erroredFields.has('guardianAge')) {
    const age = p.guardianAge;
    if (age === undefined) out.add(row, cols.guardianAge, 'guardianAge', 'guardian-age', 'roster.guardianAge.unreadable', {}, 'warning');
    else if (age !== null && age < GUARDIAN_MIN_AGE) out.add(row, cols.guardianAge, 'guardianAge', 'guardian-age', 'roster.guardianAge.tooYoung', { age });
    else if (age !== null && age > GUARDIAN_WARN_AGE) out.add(row, cols.guardianAge, 'guardianAge', 'guardian-age', 'roster.guardianAge.tooOld', { age }, 'warning');
  }
}

/**
 * id-region: a code no revision of GB/T 2260 has, named as far as its province is known. region-mismatch:
 * a known code whose province (or county, where both are clear: see comparePlace) the 户籍 or 家庭住址
 * contradicts. The messages name the regions, never the address itself.
 */
function checkRegion(out: Findings, p: ParsedRow, cols: RosterLayout['columns'], code: string): void {
  const row = p.record.row;
  if (!isKnownRegionCode(code)) {
    const named = regionNames(code);
    if (named) out.add(row, cols.idNumber!, 'idNumber', 'id-region', 'roster.id.unknownRegionIn', { region: regionText(named) });
    else out.add(row, cols.idNumber!, 'idNumber', 'id-region', 'roster.id.unknownRegion');
    return;
  }
  for (const field of PLACE_FIELDS) {
    const col = cols[field];
    if (col === undefined) continue;
    const text = field === 'address' ? p.record.address : cellText(p.record.raw.hukou);
    if (!text) continue;
    const compared = comparePlace(code, text);
    if (compared.kind === 'province' || compared.kind === 'county') {
      out.add(row, col, field, 'region-mismatch', 'roster.region.mismatch', { named: compared.named, region: regionText(regionNames(code)!) });
    }
  }
}

const PLACE_FIELDS = ['hukou', 'address'] as const;

/**
 * 自我监护 or 无人监护 for a child under 16: 国发〔2016〕13号 rules out leaving a child under 16 to live without
 * a guardian. Only where the child's age is known (birth-date column or ID) and under 16 on every day a
 * month-only birth date leaves open, so a 16-year-old looking after themself is no finding.
 */
function checkGuardianship(out: Findings, p: ParsedRow, cols: RosterLayout['columns'], birth: IsoDate | null, today: IsoDate): void {
  const type = p.guardianshipType;
  if (cols.guardianshipType === undefined || (type !== 'self' && type !== 'none') || !birth) return;
  // birth is the first of its month for a month-only date: the oldest the child can be.
  const age = fullYears(birth, today);
  if (age < CHILD_MAX_AGE)
    out.add(p.record.row, cols.guardianshipType, 'guardianshipType', 'guardianship-missing', type === 'self' ? 'roster.guardianship.self' : 'roster.guardianship.none', { age });
}

const NO_FIELDS: ReadonlySet<FieldKey> = new Set();

/** date-invalid for one date column; returns the date when it is usable. */
function checkDate(out: Findings, row: number, col: number | undefined, field: FieldKey, parsed: DateParse | null, errored: ReadonlySet<FieldKey>, today: IsoDate): IsoDate | null {
  if (col === undefined || !parsed || errored.has(field)) return null;
  if (!parsed.ok) out.add(row, col, field, 'date-invalid', parsed.reason === 'impossible' ? 'roster.date.impossible' : 'roster.date.unreadable');
  else if (parsed.iso > today) out.add(row, col, field, 'date-invalid', 'roster.date.future');
  else return parsed.iso;
  return null;
}

function lastOfMonth(iso: IsoDate): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return `${iso.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/**
 * ageOn for two valid ISO dates, read digit by digit: no regex and no substrings on every row (the
 * substrings were a tenth of what a 100,000-row check allocated).
 */
function fullYears(birth: IsoDate, on: IsoDate): number {
  const age = isoDigits(on, 0, 4) - isoDigits(birth, 0, 4);
  const monthDayOn = isoDigits(on, 5, 2) * 100 + isoDigits(on, 8, 2);
  const monthDayBirth = isoDigits(birth, 5, 2) * 100 + isoDigits(birth, 8, 2);
  return monthDayOn < monthDayBirth ? age - 1 : age;
}

function isoDigits(iso: IsoDate, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (iso.charCodeAt(i) - 48);
  return n;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * Same child twice: the same ID number (error), or the same name and birth date where at least one of
 * the two has no ID (warning). Reported on the later row, naming the earlier one.
 */
function checkDuplicates(records: readonly RosterRecord[], sheets: ReadonlyMap<string, SheetRules>): void {
  const first = sheets.values().next().value!;
  const rulesOf = (r: RosterRecord) => sheets.get(r.sheet) ?? first;
  const byId = new FirstOfEachId(records);
  // A name-and-birth pair is only reported where one side has no ID, so only the pairs some ID-less
  // record carries need a key: with IDs on nearly every row, most rows then build no key string and
  // take no map entry (the index used to hold every row).
  const birthsWithoutId = new Map<string, Set<string>>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.idNumber || !r.name || !r.birthDate) continue;
    const births = birthsWithoutId.get(r.name);
    if (births) births.add(r.birthDate);
    else birthsWithoutId.set(r.name, new Set([r.birthDate]));
  }
  // On another sheet, the message names it: the same child entered in two classes.
  const where = (r: RosterRecord, earlier: RosterRecord, key: string): { key: string; params: Params } =>
    earlier.sheet === r.sheet ? { key, params: { earlierRow: earlier.row + 1 } } : { key: `${key}OnSheet`, params: { earlierRow: earlier.row + 1, earlierSheet: earlier.sheet } };
  const byNameBirth = new Map<string, RosterRecord>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const s = rulesOf(r);
    const cols = s.layout.columns;
    if (r.idNumber && cols.idNumber !== undefined) {
      const earlier = byId.firstOrAdd(i);
      if (earlier !== null) {
        const w = where(r, earlier, 'roster.duplicate.id');
        s.out.add(r.row, cols.idNumber, 'idNumber', 'duplicate', w.key, w.params);
        continue;
      }
    }
    if (!r.name || !r.birthDate || birthsWithoutId.get(r.name)?.has(r.birthDate) !== true) continue;
    const key = `${r.name}\u0000${r.birthDate}`;
    const earlier = byNameBirth.get(key);
    if (!earlier) byNameBirth.set(key, r);
    else if (!earlier.idNumber || !r.idNumber) {
      const w = where(r, earlier, 'roster.duplicate.nameBirth');
      s.out.add(r.row, cols.name ?? null, 'name', 'duplicate', w.key, w.params, 'warning');
    }
  }
}

/**
 * The first record of each ID number: an open-addressing table of record indexes, sized once. On
 * 100,000 records a Map<string, number> spent most of its time growing and rehashing; this table
 * never grows and compares IDs only on a hash match.
 */
class FirstOfEachId {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly records: readonly RosterRecord[]) {
    let size = 16;
    while (size < records.length * 2) size *= 2;
    this.slots = new Int32Array(size); // record index + 1; 0 is an empty slot
    this.mask = size - 1;
  }

  /** The earlier record with the same ID as records[index] (which must have one), or null after adding it. */
  firstOrAdd(index: number): RosterRecord | null {
    const id = this.records[index].idNumber!;
    // FNV-1a over the characters.
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot];
      if (held === 0) {
        this.slots[slot] = index + 1;
        return null;
      }
      const earlier = this.records[held - 1];
      if (earlier.idNumber === id) return earlier;
    }
  }
}
