import { isCellError, type CellValue } from '../cells';
import { fromExcelSerial } from '../dates';
import type { PlanCell, PlanColumn, PlanMerge, PlanOp, SheetContent, WorkbookPlan } from '../plan/types';
import type { FieldKey } from '../roster/types';
import { sheetOfPart, SHEETS } from '../sheets';
import { cellAt, dateFormatAt, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { maskAddress, maskId, maskName, maskPhone, scrubDigits } from './mask';

/**
 * 脱敏导出: a de-identified copy of the whole workbook. The original is never touched: the result is a
 * list of replaceSheet ops meant for a NEW workbook, one per sheet, in the original order (the file
 * host writes them to a new file). In the roster, mapped columns get their masker; in every other
 * sheet, columns are recognised by their header; and in every text cell anywhere, the roster's names
 * are replaced by their masked forms and ID- or phone-like digit runs are masked.
 *
 * The copy keeps values, not looks: a two-row merged header becomes one header row ("父亲 / 姓名"),
 * rows above the header become title lines, and birth dates keep only year and month. It keeps the
 * merged areas below the header (a class merged down its rows shows on every row, as in the original)
 * and of the title lines, and every sheet's visibility (hidden and very hidden sheets stay so).
 */

/** Where the roster is: the same facts RosterLayout carries, so the lead can pass a layout as is. */
export interface DeidentifyRoster {
  readonly sheet: string;
  readonly headerRows: readonly number[];
  readonly firstDataRow: number;
  readonly columns: Readonly<Partial<Record<FieldKey, number>>>;
}

export type Masker = 'name' | 'id' | 'phone' | 'address' | 'birthDate';

export interface DeidentifyCounts {
  readonly name: number;
  readonly id: number;
  readonly phone: number;
  readonly address: number;
  readonly birthDate: number;
  /** Free-text cells where a name or a digit run was masked. */
  readonly text: number;
}

/** The pane's and CLI's message after a copy: counts only, never a value. */
export function deidentifyMessage(counts: DeidentifyCounts): { readonly messageKey: string; readonly params: Record<string, number> } {
  return { messageKey: 'summary.deid.done', params: { ...counts } };
}

export type DeidentifyResult =
  | { readonly ok: true; readonly plan: WorkbookPlan; readonly counts: DeidentifyCounts }
  | { readonly ok: false; readonly messageKey: string; readonly params: Record<string, string> };

const FIELD_MASKERS: Partial<Record<FieldKey, Masker>> = {
  name: 'name',
  fatherName: 'name',
  motherName: 'name',
  guardianName: 'name',
  idNumber: 'id',
  fatherPhone: 'phone',
  motherPhone: 'phone',
  parentPhone: 'phone',
  guardianPhone: 'phone',
  address: 'address',
  // 户籍 is a place like the address: kept down to the village, house details dropped.
  hukou: 'address',
  birthDate: 'birthDate',
};

/**
 * Roster columns that say something about a child or guardian and are never a name (民族, the school, 监护类型 …):
 * copied as written, only ID- and phone-like digit runs masked, so a school named 王家坪小学 is not cut up
 * because a grandfather is called 王家坪.
 */
const FACT_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'ethnicity',
  'school',
  'childHealth',
  'guardianHealth',
  'guardianshipType',
  'guardianOccupation',
  'guardianRelation',
  'parentAway',
  'fatherAway',
  'motherAway',
]);

/** How a column of the copy is treated: a masker, 'fact' (digit runs only) or null (names and digit runs, as free text). */
type Treatment = Masker | 'fact' | null;

/** A masker for a column of a sheet other than the roster, from its header text. */
export function maskerForHeader(header: string): Masker | null {
  const h = header.replace(/\s+/g, '');
  // 家长电话次数, 谈心人数, 电话按期率: counts and shares about people, not the people themselves.
  if (/次数|人数|数量|[率数]$|比例|天数|周期|合计|总计/.test(h)) return null;
  if (/身份证|证件号|身份号码/.test(h)) return 'id';
  if (/电话|手机|联系方式|号码/.test(h)) return 'phone';
  // 户籍 / 户口所在地 is a place like the address (kept down to the village); 户口性质 (农业/非农业) is no place.
  if (/住址|地址|居住地|户籍|户口所在地|户口登记地/.test(h)) return 'address';
  if (/出生|生日/.test(h)) return 'birthDate';
  // A column about a person is no name column: 学生民族, 儿童户籍, 监护人年龄, 监护人健康状况, 就读学校
  // (grouped headers read "儿童基本情况 / 民族"). Only the column that holds the names is masked.
  const leaf = h.split('/').pop() ?? h;
  if (/姓名|名字/.test(leaf)) return 'name';
  if (/^(?:学生|儿童|孩子|留守儿童|监护人|委托监护人|父亲|母亲|学习帮手|代理家长)$/.test(leaf)) return 'name';
  // The school's own records (issue 17): who took part, who collected the child, who was aided, who handled
  // the money or led, on duty or trained — names of children and adults, masked like the roster's.
  if (/^(?:参加学生|参加人员|成员|接送人|受助学生|经手人|负责人|指导教师|值班教师|教师)$/.test(leaf)) return 'name';
  return null;
}

function cellText(v: CellValue): string {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || Math.abs(v) < 1e15 || Math.abs(v) >= 1e21) return String(v);
    // Excel shows a long whole number with 15 significant digits and zeros after (IDs typed as numbers).
    const [mantissa, exponent] = Math.abs(v).toExponential(14).split('e');
    return (v < 0 ? '-' : '') + mantissa.replace('.', '').padEnd(Number(exponent) + 1, '0');
  }
  if (typeof v === 'string') return v;
  return '';
}

/** 2015-03-12, 2015.3.12, 2015年3月12日, 20150312 or a serial -> "2015-03"; anything else is masked. */
function coarsenBirthDate(v: CellValue): CellValue {
  if (v === null || v === '') return v;
  if (typeof v === 'number') {
    const iso = fromExcelSerial(v);
    if (iso && v < 100000) return iso.slice(0, 7);
  }
  const s = cellText(v).normalize('NFKC').trim();
  const m = /^((?:19|20)\d\d)\D?(\d{1,2})/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, '0')}`;
  return '*';
}

class Scrubber {
  readonly counts = { name: 0, id: 0, phone: 0, address: 0, birthDate: 0, text: 0 };
  /** Every roster name of two characters or more: a cell holding one of them, whole, is masked. */
  private readonly names: Set<string>;
  /**
   * The names looked for inside longer text (a talk note that names the child): three characters or
   * more. A two-character name is also a word or part of a place (张家 in 张家湾镇中心小学, 李村), so
   * inside other text it would mask school and village names everywhere; it is masked as a whole cell.
   */
  private readonly namesInText: Set<string>;
  /** The lengths (UTF-16 units) names come in, longest first, so 王明明 is replaced whole before 王明. */
  private readonly lengths: number[];
  private readonly firstChars: Set<string>;

  constructor(names: Iterable<string>) {
    // A set and a handful of lengths rather than one big regex: a 100,000-row roster has ~300,000 names.
    this.names = new Set([...names].map((n) => n.trim()).filter((n) => Array.from(n).length >= 2));
    this.namesInText = new Set([...this.names].filter((n) => Array.from(n).length >= 3));
    this.lengths = [...new Set([...this.namesInText].map((n) => n.length))].sort((a, b) => b - a);
    this.firstChars = new Set([...this.namesInText].map((n) => n[0]));
  }

  private replaceNames(text: string): string {
    const whole = text.trim();
    if (this.names.has(whole)) return text.replace(whole, maskName(whole));
    if (!this.namesInText.size || text.length < 3) return text;
    let out = '';
    let copied = 0;
    let i = 0;
    outer: while (i < text.length) {
      // Most positions start no name: test the first character before cutting substrings.
      if (this.firstChars.has(text[i])) {
        for (const len of this.lengths) {
          if (i + len > text.length) continue;
          const part = text.slice(i, i + len);
          if (this.namesInText.has(part)) {
            out += text.slice(copied, i) + maskName(part);
            i += len;
            copied = i;
            continue outer;
          }
        }
      }
      i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  mask(v: CellValue, masker: Masker | null): CellValue {
    if (v === null || v === '' || typeof v === 'boolean' || isCellError(v)) return v;
    if (masker === 'birthDate') {
      this.counts.birthDate++;
      return coarsenBirthDate(v);
    }
    // Names are text; a number under a 学生… header is a count, not a name, and a small number under a
    // 电话 header is no phone.
    const plainNumber = typeof v === 'number' && (masker === 'name' || !Number.isInteger(v) || Math.abs(v) < 1e6);
    if (masker && !plainNumber) {
      const text = cellText(v);
      if (!text.trim()) return v;
      this.counts[masker]++;
      switch (masker) {
        case 'name':
          return maskName(text);
        case 'id':
          return maskId(text);
        case 'phone':
          return maskPhone(text);
        case 'address':
          return maskAddress(text);
      }
    }
    return this.free(v);
  }

  /** A cell of a fact column (民族, 就读学校): only ID- or phone-like digit runs, never a name inside it. */
  digitsOnly(v: CellValue): CellValue {
    if (typeof v !== 'string') return typeof v === 'number' ? this.free(v) : v;
    const out = scrubDigits(v);
    if (out !== v) this.counts.text++;
    return out;
  }

  /** Any other cell: roster names and ID- or phone-like digit runs. Whole numbers of 7+ digits count. */
  free(v: CellValue): CellValue {
    if (typeof v === 'number') {
      if (!(Number.isInteger(v) && Math.abs(v) >= 1e6)) return v;
      const masked = scrubDigits(cellText(v));
      if (masked === cellText(v)) return v;
      this.counts.text++;
      return masked;
    }
    if (typeof v !== 'string') return v;
    const out = scrubDigits(this.replaceNames(v));
    if (out !== v) this.counts.text++;
    return out;
  }
}

function lastCol(sheet: SheetSnapshot): number {
  let max = -1;
  for (const line of sheet.values) {
    for (let j = line.length - 1; j > max; j--) {
      const v = line[j];
      if (v !== null && v !== '') {
        max = j;
        break;
      }
    }
  }
  return max < 0 ? -1 : sheet.origin.col + max;
}

function lastRow(sheet: SheetSnapshot): number {
  for (let i = sheet.values.length - 1; i >= 0; i--) if (sheet.values[i].some((v) => v !== null && v !== '')) return sheet.origin.row + i;
  return -1;
}

/** The header text of a column over one or more header rows, reading merged cells from their top-left. */
function headerText(sheet: SheetSnapshot, rows: readonly number[], col: number): string {
  const parts: string[] = [];
  for (const row of rows) {
    let v = cellAt(sheet, row, col);
    if (v === null || v === '') {
      const merge = sheet.merges?.find((m) => row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount);
      if (merge) v = cellAt(sheet, merge.row, merge.col);
    }
    const text = cellText(v).trim();
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(' / ');
}

function sheetContent(
  sheet: SheetSnapshot,
  headerRows: readonly number[],
  firstDataRow: number,
  maskerOf: (col: number, header: string) => Treatment,
  scrub: Scrubber,
  /** For a label/value layout (联系卡): a cell's own masker, winning over its column's. */
  cellMasker?: (row: number, col: number) => Masker | null,
): SheetContent {
  const maxCol = lastCol(sheet);
  const maxRow = lastRow(sheet);
  if (maxCol < 0 || maxRow < 0) return { columns: [], rows: [] };
  const firstHeader = headerRows.length ? Math.min(...headerRows) : firstDataRow;
  const titleLines: string[] = [];
  const titleOf = new Map<number, number>();
  for (let r = sheet.origin.row; r < firstHeader; r++) {
    const texts: string[] = [];
    for (let c = 0; c <= maxCol; c++) {
      const raw = cellAt(sheet, r, c);
      const v = typeof raw === 'number' && dateFormatAt(sheet, r, c) === 'date' ? (fromExcelSerial(raw) ?? raw) : scrub.free(raw);
      const text = cellText(v).trim();
      if (text) texts.push(text);
    }
    if (texts.length) {
      titleOf.set(r, titleLines.length);
      titleLines.push(texts.join(' '));
    }
  }
  const columns: PlanColumn[] = [];
  const maskers: Treatment[] = [];
  const leaves: string[] = [];
  for (let c = 0; c <= maxCol; c++) {
    const header = headerText(sheet, headerRows, c);
    const masker = maskerOf(c, header);
    maskers.push(masker);
    leaves.push(header.split(' / ').pop() ?? '');
    columns.push({ header: cellText(scrub.free(header)), format: masker && masker !== 'birthDate' && masker !== 'fact' ? 'text' : 'general' });
  }
  const rows: PlanCell[][] = [];
  for (let r = firstDataRow; r <= maxRow; r++) {
    const line: PlanCell[] = [];
    // Up to the source row's own last cell, not the sheet's widest column: one stray value in
    // XFD1048576 must not turn every copied row into 16,384 cells.
    const end = Math.min(maxCol, sheet.origin.col + (sheet.values[r - sheet.origin.row]?.length ?? 0) - 1);
    const section = isSectionRow(sheet, r, end);
    for (let c = 0; c <= end; c++) line.push(section ? cellAt(sheet, r, c) : copyCell(sheet, r, c, cellMasker?.(r, c) ?? maskers[c], leaves[c], scrub));
    rows.push(line);
  }
  const merges = copyMerges(sheet, titleOf, headerRows, firstDataRow, maxRow);
  return { ...(titleLines.length ? { titleLines } : {}), columns, rows, ...(merges.length ? { merges } : {}) };
}

/**
 * The source's merged areas where the copy has them: below the header row for row (a class merged down
 * its children, twins' shared guardian); a title's across the columns its text now starts in (A); and a
 * one-row header's across its row. A header of two rows becomes one that names each column in full
 * (父亲 / 姓名), so its merges are not kept.
 */
function copyMerges(sheet: SheetSnapshot, titleOf: ReadonlyMap<number, number>, headerRows: readonly number[], firstDataRow: number, maxRow: number): PlanMerge[] {
  const firstHeader = headerRows.length ? Math.min(...headerRows) : firstDataRow;
  const out: PlanMerge[] = [];
  for (const m of sheet.merges ?? []) {
    const title = titleOf.get(m.row);
    if (m.row >= firstDataRow && m.row <= maxRow) {
      const rowCount = Math.min(m.row + m.rowCount - 1, maxRow) - m.row + 1;
      if (rowCount * m.colCount > 1) out.push({ row: m.row - firstDataRow, col: m.col, rowCount, colCount: m.colCount });
    } else if (title !== undefined && m.row + m.rowCount <= firstHeader && m.col + m.colCount > 1) {
      out.push({ row: title, part: 'title', col: 0, rowCount: 1, colCount: m.col + m.colCount });
    } else if (headerRows.length === 1 && m.row === headerRows[0] && m.rowCount === 1 && m.colCount > 1) {
      out.push({ row: 0, part: 'header', col: m.col, rowCount: 1, colCount: m.colCount });
    }
  }
  return out;
}

/** A hidden or very hidden sheet's visibility, for the copy. */
function hiddenAs(sheet: SheetSnapshot): Pick<SheetContent, 'visibility'> {
  const state = sheet.visibility ?? (sheet.visible === false ? 'hidden' : 'visible');
  return state === 'visible' ? {} : { visibility: state };
}

/** A row naming the class of the rows below it ("三年级一班" alone on its row): no name, kept as it is. */
function isSectionRow(sheet: SheetSnapshot, row: number, maxCol: number): boolean {
  let text: string | null = null;
  for (let c = 0; c <= maxCol; c++) {
    const v = cellAt(sheet, row, c);
    if (v === null || v === '') continue;
    if (text !== null || typeof v !== 'string') return false;
    text = v.trim();
  }
  return text !== null && /^[^\d]{0,4}?(?:[一二三四五六七八九]|初[一二三]|[1-9])(?:年级)?[(（]?[一二三四五六七八九十\d]{0,2}[)）]?(?:班|年级)$/.test(text);
}

/** One cell of the copy: masked by its column's masker, a date cell kept a date, a repeated header kept. */
function copyCell(sheet: SheetSnapshot, row: number, col: number, masker: Treatment, headerLeaf: string, scrub: Scrubber): PlanCell {
  const v = cellAt(sheet, row, col);
  // The header written again below a section row ("三年级一班", then 姓名 / 监护人 …) is no child's name.
  if (typeof v === 'string' && headerLeaf && v.trim() === headerLeaf) return v;
  // A date-formatted number stays a date (a bare serial such as 46346 means nothing to a reader).
  if (typeof v === 'number' && masker !== 'birthDate' && dateFormatAt(sheet, row, col) === 'date') {
    const iso = fromExcelSerial(v);
    if (iso) return { date: iso };
  }
  return masker === 'fact' ? scrub.digitsOnly(v) : scrub.mask(v, masker);
}

/**
 * The header row of a sheet other than the roster: the first row with two or more filled cells among
 * the first ten (title lines above a table hold one cell), else the first filled row.
 */
function headerRowOf(sheet: SheetSnapshot): number {
  const filled = (line: readonly CellValue[]) => line.filter((v) => v !== null && v !== '').length;
  const top = sheet.values.slice(0, 10);
  const wide = top.findIndex((line) => filled(line) >= 2);
  const any = sheet.values.findIndex((line) => filled(line) >= 1);
  const i = wide >= 0 ? wide : any;
  return i < 0 ? sheet.origin.row : sheet.origin.row + i;
}

export function deidentifyWorkbook(workbook: WorkbookSnapshot, roster: DeidentifyRoster | readonly DeidentifyRoster[]): DeidentifyResult {
  // A roster of class sheets is masked on every one of them.
  const layouts: readonly DeidentifyRoster[] = Array.isArray(roster) ? roster : [roster as DeidentifyRoster];
  const layoutOf = new Map<SheetSnapshot, DeidentifyRoster>();
  for (const layout of layouts) {
    const sheet = workbook.sheets.find((s) => s.name === layout.sheet);
    if (!sheet) return { ok: false, messageKey: 'summary.deid.noSheet', params: { sheet: layout.sheet } };
    layoutOf.set(sheet, layout);
  }

  // Every name the roster holds (children, parents, guardians), to find them in free text elsewhere.
  const names: string[] = [];
  for (const [rosterSheet, layout] of layoutOf) {
    const last = lastRow(rosterSheet);
    for (const [field, col] of Object.entries(layout.columns)) {
      if (col === undefined || FIELD_MASKERS[field as FieldKey] !== 'name') continue;
      for (let r = layout.firstDataRow; r <= last; r++) {
        const v = cellAt(rosterSheet, r, col);
        if (typeof v === 'string' && v.trim()) names.push(v.trim());
      }
    }
  }
  const scrub = new Scrubber(names);

  const ops: PlanOp[] = workbook.sheets.map((sheet) => {
    const layout = layoutOf.get(sheet);
    if (layout) {
      const fieldOfCol = new Map<number, FieldKey>();
      for (const [field, col] of Object.entries(layout.columns)) if (col !== undefined) fieldOfCol.set(col, field as FieldKey);
      const content = sheetContent(
        sheet,
        layout.headerRows,
        layout.firstDataRow,
        (col, header) => {
          const field = fieldOfCol.get(col);
          // A column the mapping left out is judged by its header, like any other sheet's.
          return field ? (FIELD_MASKERS[field] ?? (FACT_FIELDS.has(field) ? 'fact' : null)) : maskerForHeader(header);
        },
        scrub,
      );
      return { kind: 'replaceSheet', sheet: sheet.name, content: { ...content, ...hiddenAs(sheet) } };
    }
    const header = headerRowOf(sheet);
    // 联系卡 (and its parts, 联系卡（2）…) pairs a label with a value on each row (姓名 | 张小明 | 父亲电话 | 138…): a value is masked by the label on its left.
    const byLabel =
      sheetOfPart(sheet.name) === SHEETS.cards
        ? (r: number, c: number) => {
            const label = c > 0 ? cellAt(sheet, r, c - 1) : null;
            return typeof label === 'string' ? maskerForHeader(label) : null;
          }
        : undefined;
    const content = sheetContent(sheet, [header], header + 1, (_col, text) => maskerForHeader(text), scrub, byLabel);
    return { kind: 'replaceSheet', sheet: sheet.name, content: { ...content, ...hiddenAs(sheet) } };
  });
  return { ok: true, plan: { ops }, counts: { ...scrub.counts } };
}
