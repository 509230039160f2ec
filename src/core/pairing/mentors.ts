import type { CellValue } from '../cells';
import { columnLetter } from '../cells';
import type { PlanOp } from '../plan/types';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { capacityDefaults, parseCount } from './settings';
import { headerTextsFound, looseHeaderKey } from '../settings';
import { cellText, normalizeName, stripSpaces } from '../roster/normalize';
import { headerKey, villageOf } from './text';
import type { ClassNormalizer, Mentor, MentorColumn, MentorKind, MentorList, MentorSheetLayout, PairingFinding, PairingRule } from './types';
import { MENTOR_KINDS } from './types';

/** Headers of the template, in order; the reader also accepts the aliases below in any order. */
export const MENTOR_HEADERS: Readonly<Record<MentorColumn, string>> = {
  name: '姓名',
  kind: '类别',
  className: '班级',
  phone: '电话',
  address: '住址',
  capacity: '可帮扶人数',
  note: '备注',
};

const HEADER_ALIASES: Readonly<Record<MentorColumn, readonly string[]>> = {
  name: ['姓名', '帮扶人', '帮扶人姓名', '帮扶人员', '教师姓名', '名字'],
  kind: ['类别', '类型', '身份', '人员类别', '帮扶人类别', '帮扶类别'],
  className: ['班级', '所在班级', '任教班级', '班别', '所带班级'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式'],
  address: ['住址', '家庭住址', '地址', '现住址', '居住地址', '所在村', '村组', '村(社区)'],
  capacity: ['可帮扶人数', '帮扶人数', '人数上限', '最多帮扶人数', '可帮扶数', '帮扶人数上限'],
  note: ['备注', '说明'],
};

const LOOSE_ALIASES = Object.fromEntries(Object.entries(HEADER_ALIASES).map(([col, words]) => [col, words.map(looseHeaderKey)])) as unknown as Readonly<
  Record<MentorColumn, readonly string[]>
>;

const KIND_ALIASES: Readonly<Record<string, MentorKind>> = {
  班主任: '班主任',
  班主任老师: '班主任',
  任课教师: '任课教师',
  任课老师: '任课教师',
  科任教师: '任课教师',
  科任老师: '任课教师',
  教师: '任课教师',
  老师: '任课教师',
  党员: '党员',
  党员教师: '党员',
  共产党员: '党员',
  领导: '领导',
  校领导: '领导',
  学校领导: '领导',
  行政: '领导',
  校长: '领导',
  副校长: '领导',
  代理家长: '代理家长',
  代理妈妈: '代理家长',
  代理爸爸: '代理家长',
  志愿者: '志愿者',
  自愿者: '志愿者',
  爱心人士: '志愿者',
  爱心志愿者: '志愿者',
  学生: '学生',
  学习帮手: '学生',
  同学: '学生',
  学生干部: '学生',
};

export function parseMentorKind(v: CellValue): MentorKind | null {
  const s = stripSpaces(cellText(v));
  return Object.prototype.hasOwnProperty.call(KIND_ALIASES, s) ? KIND_ALIASES[s] : null;
}

/** Mentor names compare the way the roster compares children's names (spaces, dots, full-width folded). */
export function mentorNameKey(v: CellValue): string {
  return normalizeName(v);
}

const HEADER_SCAN_ROWS = 30;
const TOTALS = /^(合计|总计|小计|共计)/;

/** The header row of 帮扶人员 and where each known column is; null when no row names 姓名 and 类别. */
export function findMentorHeader(sheet: SheetSnapshot): MentorSheetLayout | null {
  const lastRow = Math.min(sheet.origin.row + sheet.values.length, sheet.origin.row + HEADER_SCAN_ROWS);
  for (let row = sheet.origin.row; row < lastRow; row++) {
    const line = sheet.values[row - sheet.origin.row] ?? [];
    const columns: Partial<Record<MentorColumn, number>> = {};
    line.forEach((v, i) => {
      const key = headerKey(v);
      if (!key) return;
      // Loosely too, as the roster compares headers: 帮扶人数（人）, 联系电话： or full-width letters.
      const loose = typeof v === 'string' ? looseHeaderKey(v) : key;
      for (const col of Object.keys(HEADER_ALIASES) as MentorColumn[]) {
        if (columns[col] === undefined && (HEADER_ALIASES[col].includes(key) || LOOSE_ALIASES[col].includes(loose))) columns[col] = sheet.origin.col + i;
      }
    });
    if (columns.name !== undefined && columns.kind !== undefined) return { sheet: sheet.name, headerRow: row, columns };
  }
  return null;
}

/** Split '三(1)班、三(2)班' into labels; anything the roster's normaliser rejects is reported. */
function parseClasses(text: string, normalizeClass: ClassNormalizer): { classes: string[]; bad: boolean } {
  const classes: string[] = [];
  let bad = false;
  for (const part of text.split(/[、,，;；/|]+/)) {
    if (!part.trim()) continue;
    const label = normalizeClass(part.trim());
    if (label === null) bad = true;
    else if (!classes.includes(label)) classes.push(label);
  }
  return { classes, bad };
}

/**
 * Reads 帮扶人员. Every problem is a finding and the row is used as far as it can be: an unknown kind or
 * a duplicate name drops the row (nobody could tell which person a cell means); a bad capacity falls
 * back to the default, a negative one to 0.
 */
export function readMentors(workbook: WorkbookSnapshot, normalizeClass: ClassNormalizer): MentorList {
  const { defaults, findings: settingFindings } = capacityDefaults(workbook);
  const findings: PairingFinding[] = [...settingFindings];
  const sheet = findSheet(workbook, SHEETS.mentors);
  const finding = (
    row: number,
    col: number | null,
    rule: PairingRule,
    messageKey: string,
    params: Record<string, string | number> = {},
    severity: 'error' | 'warning' = 'warning',
  ) => findings.push({ sheet: SHEETS.mentors, row, col, rule, severity, messageKey, params: { row: row + 1, ...(col === null ? {} : { col: columnLetter(col) }), ...params } });
  if (!sheet) {
    findings.push({ sheet: SHEETS.mentors, row: -1, col: null, rule: 'mentor-sheet-missing', severity: 'warning', messageKey: 'pairing.finding.mentorSheetMissing', params: {} });
    return { mentors: [], findings, layout: null };
  }
  const layout = findMentorHeader(sheet);
  if (!layout) {
    findings.push({
      sheet: SHEETS.mentors,
      row: -1,
      col: null,
      rule: 'mentor-header-missing',
      severity: 'error',
      messageKey: 'pairing.finding.mentorHeaderMissing',
      params: { found: headerTextsFound(sheet) || '—' },
    });
    return { mentors: [], findings, layout: null };
  }
  const c = layout.columns;
  const at = (row: number, col: number | undefined): CellValue => (col === undefined ? null : cellAt(sheet, row, col));
  const mentors: Mentor[] = [];
  const seen = new Map<string, number>();
  const end = sheet.origin.row + sheet.values.length;
  for (let row = layout.headerRow + 1; row < end; row++) {
    const cells = Object.values<number>(c).map((col) => cellText(at(row, col)));
    if (cells.every((s) => s === '')) continue; // a blank row is no one
    const name = mentorNameKey(at(row, c.name));
    const kindText = cellText(at(row, c.kind));
    if (!name) {
      finding(row, c.name!, 'mentor-name-missing', 'pairing.finding.mentorNameMissing');
      continue;
    }
    if (TOTALS.test(name) && !kindText) continue; // a totals line, not a person
    const kind = parseMentorKind(at(row, c.kind));
    if (!kind) {
      finding(row, c.kind!, 'mentor-kind-unknown', 'pairing.finding.mentorKindUnknown', { kinds: MENTOR_KINDS.join('、') }, 'error');
      continue;
    }
    if (seen.has(name)) {
      finding(row, c.name!, 'mentor-duplicate', 'pairing.finding.mentorDuplicate', { first: seen.get(name)! + 1 }, 'error');
      continue;
    }
    seen.set(name, row);

    const { classes, bad } = parseClasses(cellText(at(row, c.className)), normalizeClass);
    if (bad) finding(row, c.className ?? null, 'mentor-class-invalid', 'pairing.finding.mentorClassInvalid');
    if (!classes.length && (kind === '学生' || kind === '班主任')) {
      finding(row, c.className ?? null, 'mentor-class-missing', kind === '学生' ? 'pairing.finding.studentClassMissing' : 'pairing.finding.headTeacherClassMissing');
    }

    let capacity = defaults[kind];
    let capacityDefaulted = true;
    const capCell = at(row, c.capacity);
    if (cellText(capCell) !== '') {
      const n = parseCount(capCell);
      const negative = typeof capCell === 'number' ? capCell < 0 : /^-\s*\d/.test(cellText(capCell));
      if (n !== null) {
        capacity = n;
        capacityDefaulted = false;
      } else if (negative) {
        capacity = 0;
        capacityDefaulted = false;
        finding(row, c.capacity!, 'mentor-capacity-negative', 'pairing.finding.mentorCapacityNegative', {}, 'error');
      } else finding(row, c.capacity!, 'mentor-capacity-invalid', 'pairing.finding.mentorCapacityInvalid', { fallback: capacity });
    }
    const addressText = cellText(at(row, c.address)) || cellText(at(row, c.note));
    mentors.push({
      name,
      kind,
      classes: kind === '学生' ? classes.slice(0, 1) : classes,
      village: addressText ? villageOf(addressText) : null,
      capacity,
      capacityDefaulted,
      row,
    });
  }
  return { mentors, findings, layout };
}

/** The 帮扶人员 template, created only when the sheet is missing; the school keeps it from then on. */
export function mentorsTemplateOp(): PlanOp {
  const h = MENTOR_HEADERS;
  return {
    kind: 'createSheetIfMissing',
    sheet: SHEETS.mentors,
    content: {
      titleLines: [
        '帮扶人员名单：类别填 班主任、任课教师、党员、领导、代理家长、志愿者 或 学生；班主任、任课教师、学生填写班级（任课教师可填多个，用顿号分开）；可帮扶人数留空时按“设置”中的默认值。',
      ],
      columns: [
        { header: h.name, width: 12, format: 'text' },
        { header: h.kind, width: 10, format: 'text', validation: { list: MENTOR_KINDS } },
        { header: h.className, width: 18, format: 'text' },
        { header: h.phone, width: 14, format: 'text' },
        { header: h.address, width: 24, format: 'text' },
        { header: h.capacity, width: 11, format: 'integer' },
        { header: h.note, width: 24, format: 'text' },
      ],
      rows: [],
      table: { name: 'MentorsTable', style: 'TableStyleMedium2' },
      freezeHeader: true,
    },
  };
}
