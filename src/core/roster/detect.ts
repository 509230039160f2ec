/**
 * Find the roster: score every sheet's top rows against the header catalogue (docs/ARCHITECTURE.md §4), pick the
 * header row (or two-level header), and map columns to fields. A user's saved correction wins.
 */
import type { CellRange, CellValue } from '../cells';
import { isAddinSheet } from '../sheets';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { cellAt, findSheet } from '../snapshot';
import { isBlank, isCjk, isSpaceCode, stripSpaces, toHalfWidth } from './normalize';
import type { FieldKey, MappingOverride, RosterLayout } from './types';

/** How many rows from the top of a sheet may hold title lines, date lines and the header. */
export const HEADER_SCAN_ROWS = 40;

/** Header texts per field, written as teachers write them; matched after `normalizeHeader`. */
const CATALOGUE: Readonly<Record<FieldKey, readonly string[]>> = {
  name: ['姓名', '学生姓名', '儿童姓名', '留守儿童姓名', '幼儿姓名', '学生名字', '名字', '学生'],
  gender: ['性别', '学生性别'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间', '出生年月日期', '学生出生日期', '出生'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '身份证件号',
    '身份证件号码',
    '证件号码',
    '证件号',
    '身份证',
    '学生身份证号',
    '学生身份证号码',
    '居民身份证号码',
    '身份号码',
    '公民身份证号码',
    '证件号码身份证',
  ],
  grade: ['年级', '就读年级', '所在年级', '所读年级'],
  className: ['班级', '班别', '就读班级', '所在班级', '年级班级', '年级班别', '所读班级', '年班', '年级及班级'],
  address: ['家庭住址', '家庭详细地址', '现住址', '现居住地', '居住地址', '家庭地址', '住址', '详细地址', '家庭现住址', '现居住地址', '居住地'],
  fatherName: [],
  fatherPhone: [],
  fatherWorkplace: [],
  motherName: [],
  motherPhone: [],
  motherWorkplace: [],
  parentPhone: ['家长电话', '父母电话', '家长联系电话', '父母联系电话', '家长手机', '父母联系方式', '家长联系方式', '家长手机号码'],
  guardianName: ['监护人', '委托监护人', '临时监护人', '代理监护人', '实际监护人'],
  guardianRelation: ['与学生关系', '与儿童关系', '与本人关系', '关系', '与被监护人关系', '与留守儿童关系', '监护关系', '与孩子关系', '亲属关系'],
  guardianPhone: [],
  guardianAge: [],
  guardianHealth: ['健康状况', '身体状况'],
  leftBehindType: ['留守类型', '父母外出情况', '是否留守儿童', '留守情况', '留守儿童类型', '外出情况', '父母外出务工情况'],
  boarding: ['是否寄宿', '就读方式', '是否住校', '寄宿', '是否寄宿生', '住宿情况', '是否住宿'],
  keyFocus: ['是否重点帮扶', '重点帮扶对象', '是否重点关注', '重点关注', '是否重点帮扶对象', '重点帮扶', '是否重点对象'],
  lunarBirthday: ['农历生日', '是否农历生日', '生日是否农历', '生日类型', '是否过农历生日', '生日历法'],
  joinDate: ['登记日期', '建档日期', '入册日期', '建档时间', '登记时间', '认定日期', '纳入日期', '认定时间'],
  ethnicity: ['民族', '学生民族', '儿童民族', '民族成分'],
  // Where the household is registered (not 户口性质, 农业/非农业).
  hukou: ['户籍', '户籍所在地', '户口所在地', '户籍地', '户籍地址', '户口所在地址', '户籍所在地址', '户口地址', '户口登记地', '户籍登记地'],
  school: ['就读学校', '学校', '学校名称', '所在学校', '就读学校名称', '在读学校', '学校全称', '就读学校全称'],
  childHealth: ['学生健康状况', '儿童健康状况', '学生身体状况', '儿童身体状况', '身体情况', '健康情况'],
  parentAway: ['父母是否外出', '父母是否外出务工', '外出务工情况'],
  fatherAway: [],
  motherAway: [],
  guardianOccupation: [],
  guardianshipType: ['监护类型', '监护方式', '监护人类型', '监护形式'],
};

type GroupKind = 'father' | 'mother' | 'guardian' | 'parent' | 'child';
type Role = 'Name' | 'Phone' | 'Workplace' | 'Age' | 'Relation' | 'Health' | 'Occupation' | 'Away';

/**
 * Group heads over a second header row (父亲 over 姓名/联系电话/务工地点), and whose columns they head. The
 * 民政 登记表 groups its 30 columns under 儿童基本情况 / 父母情况 / 监护情况 and repeats 姓名, 年龄,
 * 健康状况, 联系电话 under them: the head decides whose each one is.
 */
const GROUPS: Readonly<Record<string, GroupKind>> = {
  父亲: 'father',
  父: 'father',
  父亲情况: 'father',
  父亲信息: 'father',
  母亲: 'mother',
  母: 'mother',
  母亲情况: 'mother',
  母亲信息: 'mother',
  监护人: 'guardian',
  委托监护人: 'guardian',
  临时监护人: 'guardian',
  代理监护人: 'guardian',
  实际监护人: 'guardian',
  监护人情况: 'guardian',
  监护人信息: 'guardian',
  委托监护人情况: 'guardian',
  监护人或委托监护人: 'guardian',
  监护情况: 'guardian',
  实际监护情况: 'guardian',
  委托监护情况: 'guardian',
  监护信息: 'guardian',
  监护人基本情况: 'guardian',
  受委托监护人: 'guardian',
  受委托监护人情况: 'guardian',
  家长: 'parent',
  父母: 'parent',
  父母情况: 'parent',
  父母基本情况: 'parent',
  父母信息: 'parent',
  父母基本信息: 'parent',
  家庭情况: 'parent',
  家长情况: 'parent',
  家长信息: 'parent',
  儿童基本情况: 'child',
  儿童情况: 'child',
  儿童信息: 'child',
  儿童基本信息: 'child',
  学生基本情况: 'child',
  学生情况: 'child',
  学生信息: 'child',
  学生基本信息: 'child',
  留守儿童基本情况: 'child',
  留守儿童个人基本情况: 'child',
  留守儿童情况: 'child',
  留守儿童信息: 'child',
  个人基本情况: 'child',
  基本情况: 'child',
  基本信息: 'child',
};

/** Sub-headers under a group, and the role they give. */
const ROLES: Readonly<Record<string, Role>> = {
  姓名: 'Name',
  名字: 'Name',
  电话: 'Phone',
  联系电话: 'Phone',
  手机: 'Phone',
  手机号: 'Phone',
  手机号码: 'Phone',
  联系方式: 'Phone',
  电话号码: 'Phone',
  联系号码: 'Phone',
  务工地点: 'Workplace',
  务工单位: 'Workplace',
  工作单位: 'Workplace',
  务工地: 'Workplace',
  外出务工地点: 'Workplace',
  务工地址: 'Workplace',
  工作地点: 'Workplace',
  打工地点: 'Workplace',
  务工单位及地址: 'Workplace',
  务工单位或地点: 'Workplace',
  务工单位地址: 'Workplace',
  务工省市: 'Workplace',
  外出地点: 'Workplace',
  年龄: 'Age',
  与学生关系: 'Relation',
  关系: 'Relation',
  与儿童关系: 'Relation',
  与本人关系: 'Relation',
  与孩子关系: 'Relation',
  与留守儿童关系: 'Relation',
  健康状况: 'Health',
  身体状况: 'Health',
  身体情况: 'Health',
  健康情况: 'Health',
  职业: 'Occupation',
  从事职业: 'Occupation',
  现从事职业: 'Occupation',
  职业情况: 'Occupation',
  是否外出: 'Away',
  是否外出务工: 'Away',
  外出情况: 'Away',
  是否在外务工: 'Away',
  外出务工: 'Away',
};

/** The field a role gives under each kind of group; a role a group lacks (the child's 年龄, a father's 职业) maps nothing. */
const ROLE_FIELDS: Readonly<Record<GroupKind, Readonly<Partial<Record<Role, FieldKey>>>>> = {
  father: { Name: 'fatherName', Phone: 'fatherPhone', Workplace: 'fatherWorkplace', Away: 'fatherAway' },
  mother: { Name: 'motherName', Phone: 'motherPhone', Workplace: 'motherWorkplace', Away: 'motherAway' },
  parent: { Phone: 'parentPhone', Away: 'parentAway' },
  guardian: { Name: 'guardianName', Phone: 'guardianPhone', Age: 'guardianAge', Relation: 'guardianRelation', Health: 'guardianHealth', Occupation: 'guardianOccupation' },
  child: { Name: 'name', Health: 'childHealth' },
};

/** Whether a field that a sub-header names by itself (父亲姓名 under 父母情况) can belong under a group. */
function belongsUnder(kind: GroupKind, field: FieldKey): boolean {
  switch (kind) {
    case 'father':
    case 'mother':
    case 'guardian':
      return field.startsWith(kind);
    case 'parent':
      return /^(?:father|mother|parent)/.test(field) || field === 'leftBehindType';
    case 'child':
      return !/^(?:father|mother|guardian)/.test(field);
  }
}

/** Plain 健康状况 with nobody named: the guardian's or the child's, decided by where it stands (see assign). */
const BARE_HEALTH = new Set(['健康状况', '身体状况']);

/** Headers that mean "a phone" without saying whose: the guardian's when no guardian column says so. */
const GENERIC_PHONE = new Set(['联系电话', '电话', '联系方式', '手机', '手机号码', '电话号码', '联系号码', '手机号']);

const EXACT: ReadonlyMap<string, FieldKey> = (() => {
  const map = new Map<string, FieldKey>();
  for (const [field, texts] of Object.entries(CATALOGUE) as [FieldKey, readonly string[]][]) for (const t of texts) map.set(t, field);
  return map;
})();

/** Header text as compared: half-width, no spaces or line breaks, no required-field marks, no trailing colon. */
export function normalizeHeader(v: CellValue): string {
  if (typeof v !== 'string') return typeof v === 'number' ? String(v) : '';
  return stripSpaces(toHalfWidth(v))
    .replace(/[*※★☆]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/**
 * The first character `normalizeHeader(s)` keeps, when that is a CJK ideograph (which neither half-width
 * conversion nor lower-casing changes); -1 when it is anything else. Lets a caller rule out a header match
 * with one lookup instead of normalising every cell under the header.
 */
export function headerFirstIdeograph(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Spaces and the required-field marks * ＊ ※ ★ ☆ that normalizeHeader drops.
    if (isSpaceCode(c) || c === 0x2a || c === 0xff0a || c === 0x203b || c === 0x2605 || c === 0x2606) continue;
    return isCjk(c) ? c : -1;
  }
  return -1;
}

function withoutNotes(h: string): string {
  // 身份证号码(18位), 出生日期（例：2015-03-12）, 性别【男/女】
  return h.replace(/[(（【[][^)）】\]]*[)）】\]]/g, '');
}

function roleOf(sub: string): Role | undefined {
  // 务工单位/地点, 务工单位或地点: the first alternative names the role.
  return ROLES[sub] ?? ROLES[sub.split(/[/或及、]/)[0]];
}

function composeGroup(group: string, role: string): FieldKey | null {
  // Most cuts of a header (and of every data cell the header scan reads) start with no group head at all.
  const g = GROUPS[group];
  if (!g) return null;
  const r = roleOf(role);
  return (r && ROLE_FIELDS[g][r]) || null;
}

/** The field of a sub-header under a group head: its role there, or a field it names itself that can be the group's. */
function fieldUnder(kind: GroupKind, sub: string): FieldKey | null {
  for (const s of sub === withoutNotes(sub) ? [sub] : [sub, withoutNotes(sub)]) {
    const role = roleOf(s);
    if (role) return ROLE_FIELDS[kind][role] ?? null;
  }
  const field = matchHeader(sub);
  return field && belongsUnder(kind, field) ? field : null;
}

/** A single header text -> field, or null. Composite texts such as 父亲联系电话 are split into group and role. */
export function matchHeader(text: string): FieldKey | null {
  if (!text) return null;
  for (const h of text === withoutNotes(text) ? [text] : [text, withoutNotes(text)]) {
    if (!h) continue;
    const exact = EXACT.get(h);
    if (exact) return exact;
    for (let cut = Math.min(h.length - 1, 9); cut >= 1; cut--) {
      const f = composeGroup(h.slice(0, cut), h.slice(cut));
      if (f) return f;
    }
  }
  return null;
}

function groupOf(text: string): GroupKind | undefined {
  return GROUPS[text] ?? GROUPS[withoutNotes(text)];
}

function isBareHealth(text: string): boolean {
  return BARE_HEALTH.has(text) || BARE_HEALTH.has(withoutNotes(text));
}

function isGenericPhone(text: string): boolean {
  return GENERIC_PHONE.has(text) || GENERIC_PHONE.has(withoutNotes(text));
}

interface ColumnHeader {
  readonly col: number;
  readonly text: string;
  readonly field: FieldKey | null;
}

interface Candidate {
  readonly headerRows: number[];
  readonly columns: ColumnHeader[];
  readonly score: number;
  /** Two-level only: evidence that the top row really heads the row below (a group head or a merge across columns). */
  readonly grouped?: boolean;
}

function sheetWidth(sheet: SheetSnapshot, rowsFrom: number, rowsTo: number): number {
  let w = 0;
  for (let r = rowsFrom; r < rowsTo; r++) {
    const line = sheet.values[r - sheet.origin.row];
    if (line && line.length > w) w = line.length;
  }
  return sheet.origin.col + w;
}

function display(v: CellValue): string {
  if (typeof v === 'string') return toHalfWidth(v).replace(/\s+/g, ' ').trim();
  return typeof v === 'number' ? String(v) : '';
}

interface RawHeader {
  readonly col: number;
  readonly text: string;
  readonly norm: string;
  readonly field: FieldKey | null;
  /** A plain 健康状况 that names nobody: placed after every other column has its field. */
  readonly bareHealth?: boolean;
}

/**
 * Assign fields to columns: the first column claiming a field wins; generic phones fill in last. A plain
 * 健康状况 is the guardian's when it stands after a guardian column (or there is none) and the child's
 * when it stands before them, unless a column names that person's health outright.
 */
function assign(raw: readonly RawHeader[]): Candidate['columns'] {
  const taken = new Set<FieldKey>();
  const out: ColumnHeader[] = [];
  let guardianCol = Infinity;
  for (const c of raw) {
    let field = c.bareHealth ? null : c.field;
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    if (field?.startsWith('guardian') && c.col < guardianCol) guardianCol = c.col;
    out.push({ col: c.col, text: c.text, field });
  }
  for (let i = 0; i < out.length; i++) {
    if (!raw[i].bareHealth) continue;
    const order: FieldKey[] = guardianCol === Infinity || out[i].col > guardianCol ? ['guardianHealth', 'childHealth'] : ['childHealth'];
    const field = order.find((f) => !taken.has(f));
    if (field) {
      taken.add(field);
      out[i] = { ...out[i], field };
    }
  }
  for (let i = 0; i < out.length; i++) {
    if (out[i].field || !isGenericPhone(raw[i].norm)) continue;
    const field: FieldKey | null = !taken.has('guardianPhone') ? 'guardianPhone' : !taken.has('parentPhone') ? 'parentPhone' : null;
    if (field) {
      taken.add(field);
      out[i] = { ...out[i], field };
    }
  }
  return out;
}

function scoreOf(columns: readonly ColumnHeader[]): number {
  let n = 0;
  let hasName = false;
  for (const c of columns)
    if (c.field) {
      n++;
      if (c.field === 'name') hasName = true;
    }
  return n + (hasName ? 2 : 0);
}

/** A cell of the header scan: normalised, shown and matched once, however many candidate headers read it. */
interface ScanCell {
  readonly norm: string;
  /** The cell as shown ('' where `norm` is empty: such a cell is never a header's text). */
  readonly text: string;
  readonly field: FieldKey | null;
  readonly bareHealth: boolean;
}

type ScanCells = (row: number, col: number) => ScanCell;

const EMPTY_CELL: ScanCell = { norm: '', text: '', field: null, bareHealth: false };

/** The sheet's cells as the header scan reads them, each worked out on first use (a row is read as a header, under a head and over a sub-header). */
function scanCells(sheet: SheetSnapshot): ScanCells {
  const rows = new Map<number, ScanCell[]>();
  return (row, col) => {
    let line = rows.get(row);
    if (!line) rows.set(row, (line = []));
    let cell = line[col];
    if (!cell) {
      const v = cellAt(sheet, row, col);
      const norm = normalizeHeader(v);
      line[col] = cell = norm ? { norm, text: display(v), field: matchHeader(norm), bareHealth: isBareHealth(norm) } : EMPTY_CELL;
    }
    return cell;
  };
}

function singleRow(sheet: SheetSnapshot, cells: ScanCells, row: number, width: number): Candidate {
  const raw: RawHeader[] = [];
  for (let col = sheet.origin.col; col < width; col++) {
    const { norm, text, field, bareHealth } = cells(row, col);
    if (!norm) continue;
    raw.push({ col, text, norm, field, bareHealth });
  }
  const columns = assign(raw);
  return { headerRows: [row], columns, score: scoreOf(columns) };
}

function mergeAt(merges: readonly CellRange[] | undefined, row: number, col: number): CellRange | undefined {
  if (!merges) return undefined;
  for (const m of merges) if (row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount) return m;
  return undefined;
}

/**
 * A two-level header: `row` holds group heads (父亲, 监护人) over `row + 1`. The group head spans its
 * merge when the host reports merges; otherwise it is carried right across blank cells (Office before
 * ExcelApi 1.13 cannot read merges).
 */
function twoRows(sheet: SheetSnapshot, cells: ScanCells, row: number, width: number): Candidate {
  const raw: RawHeader[] = [];
  let grouped = !!sheet.merges?.some((m) => m.row === row && m.rowCount === 1 && m.colCount > 1);
  let carried: { text: string; norm: string; until: number } | null = null;
  for (let col = sheet.origin.col; col < width; col++) {
    const top = cells(row, col);
    let topNorm = top.norm;
    let topText = top.text;
    const sub = cells(row + 1, col);
    const subNorm = sub.norm;
    const subText = sub.text;
    const merge = mergeAt(sheet.merges, row, col);
    if (topNorm) {
      // A merged head spans exactly its merge (a vertical one spans nothing to the right).
      const until = merge && merge.row === row ? merge.col + merge.colCount - 1 : Number.MAX_SAFE_INTEGER;
      carried = { text: topText, norm: topNorm, until };
    } else if (merge && merge.row < row) {
      // Covered by a merge from above: a title spanning down, not a group head.
      carried = null;
    } else if (carried && subNorm && col <= carried.until) {
      topNorm = carried.norm;
      topText = carried.text;
    } else carried = null;
    if (!topNorm && !subNorm) continue;
    let field: FieldKey | null;
    let text: string;
    let bareHealth = false;
    const kind = topNorm && subNorm ? groupOf(topNorm) : undefined;
    if (!subNorm) {
      // The head may be carried from a cell to the left: match its own text, not this (empty) cell's.
      field = topNorm === top.norm ? top.field : matchHeader(topNorm);
      text = topText;
      bareHealth = topNorm === top.norm ? top.bareHealth : isBareHealth(topNorm);
    } else if (!topNorm) {
      field = sub.field;
      text = subText;
      bareHealth = sub.bareHealth;
    } else {
      text = `${topText} / ${subText}`;
      if (kind) {
        // The head decides whose a repeated 姓名 / 年龄 / 健康状况 / 联系电话 is.
        field = fieldUnder(kind, subNorm);
        if (field) grouped = true;
      } else {
        field = matchHeader(topNorm + subNorm) ?? sub.field ?? (topNorm === top.norm ? top.field : matchHeader(topNorm));
        bareHealth = field === 'guardianHealth' && isBareHealth(subNorm);
      }
    }
    // The text a bare 联系电话 may be in: the sub-header, or a head that stands alone over it.
    const norm = !subNorm || (topNorm && !kind && !isGenericPhone(subNorm)) ? topNorm : subNorm;
    raw.push({ col, text, norm, field, bareHealth });
  }
  const columns = assign(raw);
  return { headerRows: [row, row + 1], columns, score: scoreOf(columns), grouped };
}

/** The best header of one sheet, or null when no row maps at least one field. */
export function detectSheetLayout(sheet: SheetSnapshot): RosterLayout | null {
  const first = sheet.origin.row;
  const last = Math.min(first + sheet.values.length, first + HEADER_SCAN_ROWS);
  const width = sheetWidth(sheet, first, Math.min(first + sheet.values.length, last + 1));
  let best: Candidate | null = null;
  const cells = scanCells(sheet);
  const singles: Candidate[] = [];
  for (let r = first; r < last; r++) singles.push(singleRow(sheet, cells, r, width));
  for (let i = 0; i < singles.length; i++) {
    const r = first + i;
    const single = singles[i];
    if (!best || single.score > best.score) best = single;
    if (r + 1 < first + sheet.values.length) {
      const pair = twoRows(sheet, cells, r, width);
      const below = i + 1 < singles.length ? singles[i + 1].score : singleRow(sheet, cells, r + 1, width).score;
      // A second header row must add something (otherwise the top row was a title over a plain header),
      // and without a group head or merge it must add more than one stray cell of a first data row could.
      const gain = pair.score - Math.max(single.score, below);
      if (gain > 0 && pair.score > best.score && (pair.grouped || gain >= 2)) best = pair;
    }
  }
  if (!best || best.score === 0) return null;
  return toLayout(sheet.name, best, false);
}

function toLayout(sheet: string, c: Candidate, fromSaved: boolean): RosterLayout {
  const columns: Partial<Record<FieldKey, number>> = {};
  for (const h of c.columns) if (h.field) columns[h.field] = h.col;
  return {
    sheet,
    headerRows: c.headerRows,
    firstDataRow: c.headerRows[c.headerRows.length - 1] + 1,
    columns,
    headers: c.columns.map((h) => ({ col: h.col, text: h.text, field: h.field })),
    unmapped: unmappedOf(c.columns),
    score: c.score,
    fromSaved,
  };
}

/** Minimum evidence that a sheet is a roster: a name column and one more field, or three fields. */
export function looksLikeRoster(layout: RosterLayout): boolean {
  const n = Object.keys(layout.columns).length;
  return n >= 3 || (layout.columns.name !== undefined && n >= 2);
}

/** Every sheet that could be the roster, best first (for the pane's sheet picker). Add-in sheets are skipped. */
export function findRosterLayouts(workbook: WorkbookSnapshot): RosterLayout[] {
  const found: { layout: RosterLayout; visible: boolean; rows: number; index: number }[] = [];
  workbook.sheets.forEach((sheet, index) => {
    if (isAddinSheet(sheet.name)) return;
    const layout = detectSheetLayout(sheet);
    if (layout && looksLikeRoster(layout)) found.push({ layout, visible: sheet.visible !== false, rows: filledRowsBelow(sheet, layout), index });
  });
  // On equal headers, a visible sheet with children under its header beats a template or an example.
  found.sort((a, b) => b.layout.score - a.layout.score || Number(b.visible) - Number(a.visible) || b.rows - a.rows || a.index - b.index);
  return found.map((f) => f.layout);
}

/** Rows under the header holding anything in a mapped column, counted up to a cap (only ties need it). */
function filledRowsBelow(sheet: SheetSnapshot, layout: RosterLayout, cap = 1000): number {
  const cols = Object.values(layout.columns).map((c) => c - sheet.origin.col);
  let n = 0;
  for (let i = Math.max(layout.firstDataRow - sheet.origin.row, 0); i < sheet.values.length && n < cap; i++) {
    const line = sheet.values[i];
    if (cols.some((c) => c >= 0 && c < line.length && !isBlank(line[c]))) n++;
  }
  return n;
}

/**
 * Apply a saved correction to a detected layout: pinned fields move to their column (a column means
 * one field only), null removes a field. With no detected header, the first non-blank row is taken.
 *
 * A pin saved with its header text follows that text: when the column no longer has it (a column was
 * inserted before it), the pin moves to the column that has it, or is dropped for detection, and the
 * layout lists it in `stale` so the teacher is told. A pin saved as a bare letter applies to the
 * saved sheet; on another sheet of the roster (`reference` is the sheet it was saved for) only where
 * that column has the same header as there.
 */
export function applyOverride(sheet: SheetSnapshot, detected: RosterLayout | null, override: MappingOverride | undefined, reference?: RosterLayout): RosterLayout | null {
  const saved = override?.columns;
  if (!saved || Object.keys(saved).length === 0) return detected;
  let base = detected;
  if (!base) {
    const headerRow = firstNonBlankRow(sheet);
    if (headerRow === null) return null;
    base = toLayout(
      sheet.name,
      { headerRows: [headerRow], columns: singleRow(sheet, scanCells(sheet), headerRow, sheetWidth(sheet, headerRow, headerRow + 1)).columns, score: 0 },
      true,
    );
  }
  const { pins, stale } = placePins(base, saved, override?.headers ?? {}, reference);
  const columns: Partial<Record<FieldKey, number>> = { ...base.columns };
  for (const [field, col] of Object.entries(pins) as [FieldKey, number | null | undefined][]) {
    if (col === undefined) continue;
    delete columns[field];
    if (col === null) continue;
    for (const [other, c] of Object.entries(columns) as [FieldKey, number][]) if (c === col) delete columns[other];
    columns[field] = col;
  }
  const fieldAt = new Map<number, FieldKey>();
  for (const [field, col] of Object.entries(columns) as [FieldKey, number][]) fieldAt.set(col, field);
  const headers = base.headers.map((h) => ({ col: h.col, text: h.text, field: fieldAt.get(h.col) ?? null }));
  // A pinned column without header text still belongs in the list.
  for (const [col, field] of fieldAt) if (!headers.some((h) => h.col === col)) headers.push({ col, text: '', field });
  headers.sort((a, b) => a.col - b.col);
  return {
    ...base,
    columns,
    headers,
    unmapped: unmappedOf(headers),
    fromSaved: true,
    ...(stale.length ? { stale } : {}),
  };
}

/** The header text of a column of a layout, as compared (normalised), or '' when it has none. */
export function headerTextAt(layout: RosterLayout, col: number): string {
  return normalizeHeader(layout.headers.find((h) => h.col === col)?.text ?? '');
}

function placePins(
  base: RosterLayout,
  saved: Readonly<Partial<Record<FieldKey, number | null>>>,
  headers: Readonly<Partial<Record<FieldKey, string>>>,
  reference: RosterLayout | undefined,
): { pins: Partial<Record<FieldKey, number | null>>; stale: NonNullable<RosterLayout['stale']>[number][] } {
  const pins: Partial<Record<FieldKey, number | null>> = {};
  const stale: NonNullable<RosterLayout['stale']>[number][] = [];
  for (const [field, col] of Object.entries(saved) as [FieldKey, number | null | undefined][]) {
    if (col === undefined) continue;
    const header = headers[field];
    if (col === null || !header) {
      // A bare letter: on the sheet it was saved for as is; elsewhere where the header is the same.
      if (col === null || !reference || reference.sheet === base.sheet || headerTextAt(base, col) === headerTextAt(reference, col)) pins[field] = col;
      continue;
    }
    const want = normalizeHeader(header);
    if (headerTextAt(base, col) === want) {
      pins[field] = col;
      continue;
    }
    const moved = base.headers.find((h) => normalizeHeader(h.text) === want);
    if (moved) pins[field] = moved.col;
    // Only the sheet the pin was saved for has it out of place; a class sheet laid out otherwise just differs.
    if (!reference || reference.sheet === base.sheet) stale.push({ field, header, col: moved ? moved.col : null });
  }
  return { pins, stale };
}

/**
 * The columns a roster sheet is compared by: each mapped field with its header text. Sheets with the
 * same signature share a header layout (one sheet per class or grade).
 */
export function headerSignature(layout: RosterLayout): string {
  return layout.headers
    .filter((h) => h.field)
    .map((h) => `${h.field}=${normalizeHeader(h.text)}`)
    .sort()
    .join('|');
}

function firstNonBlankRow(sheet: SheetSnapshot): number | null {
  for (let i = 0; i < sheet.values.length && i < HEADER_SCAN_ROWS; i++) {
    if (sheet.values[i].some((v) => !isBlank(v))) return sheet.origin.row + i;
  }
  return null;
}

/** The normalised texts of each mapped column's header, for spotting a header repeated further down. */
export function headerForms(sheet: SheetSnapshot, layout: RosterLayout): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const h of layout.headers) {
    const forms = new Set<string>();
    for (const r of layout.headerRows) {
      const n = normalizeHeader(cellAt(sheet, r, h.col));
      if (n) forms.add(n);
    }
    for (const part of h.text.split(' / ')) {
      const n = normalizeHeader(part);
      if (n) forms.add(n);
    }
    out.set(h.col, forms);
  }
  return out;
}

/**
 * Names as a person gives them: each an existing sheet's name, or, when no sheet is named so, a list
 * separated by commas or 、 (`--sheet 一年级一班,一年级二班`; 设置's 花名册工作表).
 */
export function splitSheetNames(workbook: WorkbookSnapshot, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const parts = findSheet(workbook, name)
      ? [name]
      : name
          .split(/[,，、;；\n]/)
          .map((p) => p.trim())
          .filter(Boolean);
    for (const p of parts) if (!out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * 序号 / 编号 / No. columns only number the rows: known and deliberately read as nothing, so they are not
 * "unrecognised" (the pane said "1 列未识别" for the sample's 序号). A two-level header counts by its last part.
 */
const ROW_NUMBER_HEADER = /^(序号|序|编号|No\.?|#)$/i;

export function isRowNumberHeader(text: string): boolean {
  const last = text.split(' / ').pop() ?? '';
  return ROW_NUMBER_HEADER.test(last.replace(/\s+/g, ''));
}

/** The header columns no field reads, other than a row-number column. */
function unmappedOf(headers: readonly { readonly col: number; readonly text: string; readonly field: FieldKey | null }[]): { col: number; text: string }[] {
  return headers.filter((h) => !h.field && !isRowNumberHeader(h.text)).map((h) => ({ col: h.col, text: h.text }));
}
