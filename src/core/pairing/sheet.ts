import type { CellValue } from '../cells';
import { parseIso, type IsoDate } from '../dates';
import { t, type Lang } from '../i18n';
import type { PlanCell, PlanColumn, PlanOp } from '../plan/types';
import { cellText, normalizeName, parseYesNo } from '../roster/normalize';
import { SHEETS } from '../sheets';
import { cellAt, findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { assignMentors, type RoleCells } from './assign';
import { headerTextsFound } from '../settings';
import { headerKey, shortHash } from './text';
import type { ClassNormalizer, MentorList, PairingChild, PairingFinding, PairingResult, PairingRow, Role, RoleAssignment, RowSource } from './types';
import { ROLE_KINDS, ROLES } from './types';

/** 结对帮扶 columns, in the order written. 上次生成 is the add-in's own record, kept last. */
export const PAIRING_HEADERS = {
  name: '姓名',
  className: '班级',
  keyFocus: '重点帮扶',
  teacher: '帮扶教师',
  buddy: '学习帮手',
  proxy: '代理家长',
  lock: '锁定',
  status: '状态',
  note: '说明',
  stamp: '上次生成',
} as const;
type PairingColumn = keyof typeof PAIRING_HEADERS;
const COLUMN_ORDER = Object.keys(PAIRING_HEADERS) as PairingColumn[];
const COL = Object.fromEntries(COLUMN_ORDER.map((k, i) => [k, i])) as Record<PairingColumn, number>;

const HEADER_ALIASES: Readonly<Record<PairingColumn, readonly string[]>> = {
  name: ['姓名', '学生姓名', '儿童姓名'],
  className: ['班级', '班别'],
  keyFocus: ['重点帮扶', '重点帮扶对象'],
  teacher: ['帮扶教师', '帮扶老师'],
  buddy: ['学习帮手', '学习伙伴', '一帮一'],
  proxy: ['代理家长'],
  lock: ['锁定'],
  status: ['状态'],
  note: ['说明', '备注'],
  stamp: ['上次生成'],
};

/** One row of the 结对帮扶 sheet as the teacher left it. */
export interface ExistingRow {
  /** 0-based sheet row. */
  readonly row: number;
  /** The roster child this row belongs to, or null when the child is no longer on the roster. */
  readonly childKey: string | null;
  readonly name: string;
  readonly classLabel: string;
  readonly cells: RoleCells;
  readonly lock: 'yes' | 'no' | '';
  readonly lockText: string;
  /** The fingerprint part of 上次生成 ('' when the add-in never wrote this row). */
  readonly fingerprint: string;
  /** Mentor cells differ from what the add-in last wrote (or were typed into a row it never wrote). */
  readonly handEdited: boolean;
  /**
   * The 说明 a teacher wrote, kept as it is on every run: read from a sheet the school made itself, and
   * afterwards from rows whose 上次生成 carries the note mark. Null where 说明 is the add-in's own text.
   */
  readonly teacherNote: string | null;
  /** The day the add-in last wrote different mentors into this row (from 上次生成), or null when not known. */
  readonly changedOn: IsoDate | null;
}

export interface ExistingPairing {
  readonly exists: boolean;
  /** False when the sheet has content but no recognisable header: nothing may be rewritten then. */
  readonly readable: boolean;
  /** The school's own sheet (no 上次生成 column), read as the teachers' pairs and taken over. */
  readonly adopted?: boolean;
  readonly rows: readonly ExistingRow[];
  readonly findings: readonly PairingFinding[];
}

const HEADER_SCAN_ROWS = 30;

function findHeader(sheet: SheetSnapshot): { row: number; columns: Partial<Record<PairingColumn, number>> } | null {
  const last = Math.min(sheet.origin.row + sheet.values.length, sheet.origin.row + HEADER_SCAN_ROWS);
  for (let row = sheet.origin.row; row < last; row++) {
    const columns: Partial<Record<PairingColumn, number>> = {};
    (sheet.values[row - sheet.origin.row] ?? []).forEach((v, i) => {
      const key = headerKey(v);
      for (const col of COLUMN_ORDER) if (columns[col] === undefined && HEADER_ALIASES[col].includes(key)) columns[col] = sheet.origin.col + i;
    });
    if (columns.name !== undefined && (columns.teacher !== undefined || columns.buddy !== undefined)) return { row, columns };
  }
  return null;
}

/** Fingerprint of the three mentor cells, as the add-in writes it into 上次生成. */
export function cellsFingerprint(cells: RoleCells): string {
  return shortHash(`${cells.teacher ?? ''}\u0001${cells.buddy ?? ''}\u0001${cells.proxy ?? ''}`);
}

/**
 * 上次生成 = '<child identity hash>.<fingerprint>', then '.n' when the row's 说明 is the teacher's, then
 * '.d<yyyymmdd>': the day the add-in wrote these mentors (the one pairing date a child's 成长记录 can print;
 * stamps written before it was kept have none).
 */
function parseStamp(v: CellValue): { key: string; fingerprint: string; teacherNote: boolean; changedOn: IsoDate | null } | null {
  const m = /^([0-9a-z]+)\.([0-9a-z]*)(\.n)?(?:\.d(\d{4})(\d{2})(\d{2}))?$/.exec(cellText(v));
  if (!m) return null;
  const changedOn = m[4] ? `${m[4]}-${m[5]}-${m[6]}` : null;
  return { key: m[1], fingerprint: m[2], teacherNote: m[3] !== undefined, changedOn: changedOn && parseIso(changedOn) ? changedOn : null };
}

const stampDate = (date: IsoDate | null): string => (date ? `.d${date.replace(/-/g, '')}` : '');

const TEACHER_NOTE_MARK = '.n';

/**
 * Why a 结对帮扶 without 上次生成 (the school's own) cannot be taken over: the header names of columns the
 * add-in does not know that hold something, since rewriting the sheet would drop them. Empty when every
 * filled cell is in a column the add-in writes back.
 */
function unknownFilledColumns(sheet: SheetSnapshot, headerRow: number, columns: Partial<Record<PairingColumn, number>>): string[] {
  const known = new Set(Object.values(columns));
  const unknown: string[] = [];
  const header = sheet.values[headerRow - sheet.origin.row] ?? [];
  const width = Math.max(0, ...sheet.values.map((line) => line.length));
  for (let i = 0; i < width; i++) {
    const col = sheet.origin.col + i;
    if (known.has(col)) continue;
    const filled = sheet.values.some((line, r) => r + sheet.origin.row >= headerRow && cellText(line[i] ?? null) !== '');
    if (filled) unknown.push(cellText(header[i] ?? null) || `#${col + 1}`);
  }
  return unknown;
}

export function childHash(childKey: string): string {
  return shortHash(childKey);
}

/**
 * Reads 结对帮扶 and matches each row to a roster child: by the identity hash in 上次生成, else by name and
 * class. Rows that match nobody are children who left; a second row for the same child is reported.
 */
export function readPairingSheet(workbook: WorkbookSnapshot, children: readonly PairingChild[], normalizeClass: ClassNormalizer): ExistingPairing {
  const sheet = findSheet(workbook, SHEETS.pairing);
  if (!sheet) return { exists: false, readable: true, rows: [], findings: [] };
  const header = findHeader(sheet);
  if (!header) {
    const empty = sheet.values.every((line) => line.every((v) => cellText(v) === ''));
    return empty
      ? { exists: true, readable: true, rows: [], findings: [] }
      : {
          exists: true,
          readable: false,
          rows: [],
          findings: [
            {
              sheet: SHEETS.pairing,
              row: -1,
              col: null,
              rule: 'pairing-header-missing',
              severity: 'error',
              messageKey: 'pairing.finding.pairingHeaderMissing',
              params: { found: headerTextsFound(sheet) || '—' },
            },
          ],
        };
  }
  const c = header.columns;
  // Without 上次生成 this is the school's own sheet of that name. Its pairs are the teachers' and are
  // taken over — unless a column the add-in does not write holds something, which a rewrite would lose.
  const adopted = c.stamp === undefined;
  if (adopted) {
    const unknown = unknownFilledColumns(sheet, header.row, c);
    if (unknown.length) {
      return {
        exists: true,
        readable: false,
        rows: [],
        findings: [
          {
            sheet: SHEETS.pairing,
            row: header.row,
            col: null,
            rule: 'pairing-sheet-foreign',
            severity: 'error',
            messageKey: 'pairing.finding.pairingSheetForeign',
            params: { columns: unknown.join('、'), count: unknown.length },
          },
        ],
      };
    }
  }
  const at = (row: number, col: number | undefined): CellValue => (col === undefined ? null : cellAt(sheet, row, col));
  const mentorCell = (row: number, col: number | undefined): string | null => normalizeName(at(row, col)) || null;

  const raws: RawRow[] = [];
  const end = sheet.origin.row + sheet.values.length;
  for (let row = header.row + 1; row < end; row++) {
    const name = normalizeName(at(row, c.name));
    const stamp = parseStamp(at(row, c.stamp));
    if (!name && !stamp) continue; // blank lines hold no child
    const classText = cellText(at(row, c.className));
    const cells: RoleCells = { teacher: mentorCell(row, c.teacher), buddy: mentorCell(row, c.buddy), proxy: mentorCell(row, c.proxy) };
    // Anything written in 锁定 but a "no" locks the row: a teacher who wrote 锁 or ✔ meant it.
    const lockValue = at(row, c.lock);
    const lock = typeof lockValue === 'boolean' ? (lockValue ? 'yes' : 'no') : cellText(lockValue) === '' ? '' : parseYesNo(lockValue) === false ? 'no' : 'yes';
    const anyCell = cells.teacher !== null || cells.buddy !== null || cells.proxy !== null;
    const note = cellText(at(row, c.note));
    raws.push({
      row,
      name,
      classLabel: (classText && normalizeClass(classText)) || classText,
      cells,
      lock,
      lockText: typeof lockValue === 'boolean' ? (lockValue ? '是' : '否') : cellText(lockValue),
      fingerprint: stamp?.fingerprint ?? '',
      handEdited: stamp && stamp.fingerprint ? stamp.fingerprint !== cellsFingerprint(cells) : anyCell,
      teacherNote: note && (adopted || stamp?.teacherNote) ? note : null,
      changedOn: stamp?.changedOn ?? null,
      stampKey: stamp?.key ?? null,
    });
  }

  const { matched, findings } = matchToChildren(raws, children, adopted, c.name);
  const rows = raws.map(({ stampKey: _unused, ...r }, i) => ({ ...r, childKey: matched.get(i) ?? null }));
  return adopted ? { exists: true, readable: true, adopted, rows, findings } : { exists: true, readable: true, rows, findings };
}

/** A row of 结对帮扶 as read, before it is matched to a roster child. */
type RawRow = Omit<ExistingRow, 'childKey'> & { stampKey: string | null };

/**
 * Match rows to roster children: by the identity hash in 上次生成 first, then by name and class. A second
 * row for a child is reported; so is a filled row of a sheet being taken over whose child is not on the roster.
 */
function matchToChildren(
  raws: readonly RawRow[],
  children: readonly PairingChild[],
  adopted: boolean,
  nameCol: number | undefined,
): { matched: Map<number, string>; findings: PairingFinding[] } {
  const byHash = new Map<string, PairingChild | null>();
  for (const child of children) {
    const h = childHash(child.key);
    byHash.set(h, byHash.has(h) ? null : child); // a collision matches nobody by hash
  }
  const byNameClass = new Map<string, PairingChild[]>();
  for (const child of children) {
    const k = `${child.name}|${child.classLabel ?? ''}`;
    byNameClass.set(k, [...(byNameClass.get(k) ?? []), child]);
  }
  const matched = new Map<number, string>(); // raw index -> child key
  const taken = new Set<string>();
  raws.forEach((r, i) => {
    const child = r.stampKey ? byHash.get(r.stampKey) : undefined;
    if (child && !taken.has(child.key)) {
      matched.set(i, child.key);
      taken.add(child.key);
    }
  });
  const findings: PairingFinding[] = [];
  raws.forEach((r, i) => {
    if (matched.has(i)) return;
    const stampChild = r.stampKey ? byHash.get(r.stampKey) : undefined;
    const child = (byNameClass.get(`${r.name}|${r.classLabel}`) ?? []).find((ch) => !taken.has(ch.key));
    if (child && !(stampChild && stampChild !== child)) {
      matched.set(i, child.key);
      taken.add(child.key);
    } else if (stampChild || child) {
      findings.push({
        sheet: SHEETS.pairing,
        row: r.row,
        col: null,
        rule: 'pairing-child-duplicate',
        severity: 'warning',
        messageKey: 'pairing.finding.childDuplicate',
        params: { row: r.row + 1 },
      });
    } else if (adopted && (r.cells.teacher || r.cells.buddy || r.cells.proxy)) {
      // A teacher's pair for a name the roster does not have (a typo, a child who left): say so before
      // the rebuild leaves it out, rather than dropping it without a word.
      findings.push({
        sheet: SHEETS.pairing,
        row: r.row,
        col: nameCol ?? null,
        rule: 'pairing-child-unknown',
        severity: 'warning',
        messageKey: 'pairing.finding.childUnknown',
        params: { row: r.row + 1 },
      });
    }
  });
  return { matched, findings };
}

/**
 * Puts it together: rows the teacher locked (锁定 = 是) or edited by hand are kept exactly; 锁定 = 否
 * hands a row back to the add-in; every other row's pairs are kept unless something forces a change.
 */
export function buildPairing(children: readonly PairingChild[], mentorList: MentorList, existing: ExistingPairing, today?: IsoDate): PairingResult {
  const byChild = new Map<string, ExistingRow>();
  for (const r of existing.rows) if (r.childKey) byChild.set(r.childKey, r);
  const fixed = new Map<string, RoleCells>();
  const previous = new Map<string, RoleCells>();
  const source = new Map<string, RowSource>();
  for (const [key, r] of byChild) {
    const kind: RowSource = r.lock === 'yes' ? 'locked' : r.lock === '' && r.handEdited ? 'hand' : 'auto';
    source.set(key, kind);
    (kind === 'auto' ? previous : fixed).set(key, r.cells);
  }
  // Taking over the school's own sheet: its filled pairs are the teachers', its empty cells still to do.
  const completeEmpty = new Set(existing.adopted ? [...byChild].filter(([, r]) => r.lock !== 'yes').map(([key]) => key) : []);
  const out = assignMentors({ children, mentors: mentorList.mentors, fixed, previous, completeEmpty });
  const findings: PairingFinding[] = [...mentorList.findings, ...existing.findings];

  for (const u of out.unknownFixed) {
    const r = byChild.get(u.childKey)!;
    findings.push({
      sheet: SHEETS.pairing,
      row: r.row,
      col: COL[u.role],
      rule: 'pairing-mentor-unknown',
      severity: 'warning',
      messageKey: 'pairing.finding.mentorUnknown',
      params: { row: r.row + 1, column: PAIRING_HEADERS[u.role] },
    });
  }
  for (const m of mentorList.mentors) {
    const load = out.loads.get(m.name) ?? 0;
    if (load > m.capacity) {
      findings.push({
        sheet: SHEETS.mentors,
        row: m.row,
        col: null,
        rule: 'pairing-over-capacity',
        severity: 'warning',
        messageKey: 'pairing.finding.overCapacity',
        params: { row: m.row + 1, load, capacity: m.capacity },
      });
    }
  }

  const rows: PairingRow[] = children.map((child) => {
    const a = out.byChild.get(child.key)!;
    const kind = source.get(child.key) ?? 'auto';
    const before = byChild.get(child.key);
    // A kept row keeps the add-in's old fingerprint, so a hand edit stays recognisable on later runs.
    const fingerprint = kind === 'auto' ? cellsFingerprint({ teacher: a.teacher.mentor, buddy: a.buddy.mentor, proxy: a.proxy.mentor }) : (before?.fingerprint ?? '');
    const teacherNote = before?.teacherNote ?? null;
    // Dated when the add-in writes other mentors than the row holds (a teacher's own edit keeps the old date: when it was made is unknown).
    const same = before && ROLES.every((role) => before.cells[role] === a[role].mentor);
    const changedOn = same ? before.changedOn : (today ?? null);
    return {
      child,
      teacher: a.teacher,
      buddy: a.buddy,
      proxy: a.proxy,
      source: kind,
      lock: before?.lockText ?? '',
      // Joined, not concatenated: one flat string per row instead of a tree of pieces (a child's stamp
      // lives in the plan until 结对帮扶 is written; at 50,000 children the pieces cost 5 MB more).
      stamp: [childHash(child.key), '.', fingerprint, teacherNote ? TEACHER_NOTE_MARK : '', stampDate(changedOn)].join(''),
      changedOn,
      ...(teacherNote ? { teacherNote } : {}),
    };
  });
  return { rows, mentors: mentorList.mentors, loads: out.loads, findings, mentorLayout: mentorList.layout };
}

/** Excel keeps a literal dropdown list in a formula of at most 255 characters, separated by commas. */
const MAX_LIST_CHARS = 255;

function dropdownFor(role: Role, result: PairingResult): PlanColumn['validation'] {
  const names = result.mentors.filter((m) => ROLE_KINDS[role].includes(m.kind)).map((m) => m.name);
  if (!names.length) return undefined;
  if (names.join(',').length <= MAX_LIST_CHARS && !names.some((n) => /[,"]/.test(n))) return { list: names };
  const layout = result.mentorLayout;
  // Too many for a literal list: offer every name on 帮扶人员 instead of none.
  return layout && layout.columns.name !== undefined ? { sourceSheet: layout.sheet, sourceCol: layout.columns.name, firstRow: layout.headerRow + 1 } : undefined;
}

export function isRowMissing(row: PairingRow): boolean {
  return ROLES.some((role) => row[role].unpaired !== null && row[role].unpaired !== 'kept-empty');
}

/** The 说明 cell: why each pair, or why none. */
export function explainRow(row: PairingRow, lang: Lang, known: ReadonlySet<string>): string {
  const parts: string[] = [];
  if (row.source !== 'auto') parts.push(t(lang, row.source === 'locked' ? 'pairing.explain.locked' : 'pairing.explain.hand'));
  for (const role of ROLES) {
    const a: RoleAssignment = row[role];
    let text: string | null = null;
    if (a.mentor !== null) {
      if (!known.has(a.mentor)) text = t(lang, 'pairing.explain.unknownMentor');
      else if (!a.reason) text = t(lang, 'pairing.explain.notFitting');
      // No "kept from before" on automatic rows: the preview's diff says what was kept, and a 说明 that
      // changed between the first and second run would break "running twice gives the same sheet".
      else text = t(lang, `pairing.reason.${a.reason}`);
    } else if (a.unpaired && a.unpaired !== 'kept-empty') text = t(lang, `pairing.unpaired.${a.unpaired}`);
    if (text) parts.push(t(lang, 'pairing.explain.role', { role: t(lang, `pairing.role.${role}`), text }));
  }
  return parts.join(t(lang, 'pairing.explain.separator'));
}

/** 结对帮扶, rebuilt whole from the result: one row per child in roster order. */
export function pairingSheetOp(result: PairingResult, lang: Lang): PlanOp {
  const known = new Set(result.mentors.map((m) => m.name));
  const missing = t(lang, 'pairing.status.missing');
  const complete = t(lang, 'pairing.status.complete');
  // Most rows share their 说明 (every child of a school without mentors has the same one): each text
  // once, not a copy per row held by the plan until the sheet is written (6 MB at 50,000 children).
  const notes = new Map<string, string>();
  const shared = (text: string): string => {
    const held = notes.get(text);
    if (held !== undefined) return held;
    notes.set(text, text);
    return text;
  };
  const rows: PlanCell[][] = result.rows.map((r) => [
    r.child.name,
    r.child.classLabel ?? '',
    r.child.keyFocus ? '是' : '',
    r.teacher.mentor ?? '',
    r.buddy.mentor ?? '',
    r.proxy.mentor ?? '',
    r.lock,
    isRowMissing(r) ? missing : complete,
    r.teacherNote ?? shared(explainRow(r, lang, known)),
    r.stamp,
  ]);
  const h = PAIRING_HEADERS;
  const text = (header: string, width: number, validation?: PlanColumn['validation']): PlanColumn =>
    validation ? { header, width, format: 'text', validation } : { header, width, format: 'text' };
  const columns: PlanColumn[] = [
    text(h.name, 10),
    text(h.className, 10),
    text(h.keyFocus, 9),
    text(h.teacher, 11, dropdownFor('teacher', result)),
    text(h.buddy, 11, dropdownFor('buddy', result)),
    text(h.proxy, 11, dropdownFor('proxy', result)),
    text(h.lock, 7, { list: ['是', '否'] }),
    text(h.status, 9),
    text(h.note, 48),
    // 上次生成 is the add-in's bookkeeping (who was written, to spot hand edits): hidden, not printed.
    { ...text(h.stamp, 4), hidden: true },
  ];
  return {
    kind: 'replaceSheet',
    sheet: SHEETS.pairing,
    content: {
      titleLines: [t(lang, 'pairing.sheet.title')],
      columns,
      rows,
      table: { name: 'PairingTable', style: 'TableStyleLight9' },
      highlights: [{ col: COL.status, equals: missing, fill: '#FDE2E1', font: '#9C0006' }],
      freezeHeader: true,
    },
  };
}
