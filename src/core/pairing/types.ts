import type { IsoDate } from '../dates';
import type { RosterRecord } from '../roster/types';

/** The kinds of helper a school lists on 帮扶人员 (the 类别 column), in the order the template offers them. */
export const MENTOR_KINDS = ['班主任', '任课教师', '党员', '领导', '代理家长', '志愿者', '学生'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

/** The three places a child can have a mentor; each is filled from its own kinds and solved on its own. */
export const ROLES = ['teacher', 'buddy', 'proxy'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_KINDS: Readonly<Record<Role, readonly MentorKind[]>> = {
  teacher: ['班主任', '任课教师', '党员', '领导'],
  buddy: ['学生'],
  proxy: ['代理家长', '志愿者'],
};

export function roleOfKind(kind: MentorKind): Role {
  return kind === '学生' ? 'buddy' : kind === '代理家长' || kind === '志愿者' ? 'proxy' : 'teacher';
}

/** Normalises a class cell the way the roster does ('三（1）班' -> '三(1)班'); null when it is no class. */
export type ClassNormalizer = (text: string) => string | null;

/** What the pairing needs of a child: a RosterRecord, or anything shaped like the parts it reads. */
export type ChildInput = Pick<RosterRecord, 'name' | 'classLabel' | 'keyFocus' | 'address' | 'row'> & {
  readonly idNumber?: string | null;
  /** The roster sheet (a roster may span one sheet per class). */
  readonly sheet?: string;
};

/** One usable row of 帮扶人员. Names are unique (later duplicates become findings and are not used). */
export interface Mentor {
  readonly name: string;
  readonly kind: MentorKind;
  /** Canonical class labels: a 班主任's class first; a 任课教师 may teach several; a 学生 has one. */
  readonly classes: readonly string[];
  /** Village taken from the 住址 column (or 备注), for matching proxy parents to children. */
  readonly village: string | null;
  readonly capacity: number;
  /** True when 可帮扶人数 was blank and the default for the kind was used. */
  readonly capacityDefaulted: boolean;
  /** 0-based sheet row on 帮扶人员, or -1 for mentors not read from a sheet. */
  readonly row: number;
}

export const PAIRING_RULES = [
  'mentor-sheet-missing',
  'mentor-header-missing',
  'mentor-name-missing',
  'mentor-kind-unknown',
  'mentor-class-missing',
  'mentor-class-invalid',
  'mentor-capacity-invalid',
  'mentor-capacity-negative',
  'mentor-duplicate',
  'setting-invalid',
  'pairing-header-missing',
  'pairing-sheet-foreign',
  'pairing-mentor-unknown',
  'pairing-over-capacity',
  'pairing-child-duplicate',
  // A filled row of the school's own 结对帮扶 whose name the roster does not have (added with adoption).
  'pairing-child-unknown',
] as const;
export type PairingRule = (typeof PAIRING_RULES)[number];

/** A problem found while reading 帮扶人员 / 结对帮扶 / 设置. No names or phones in params. */
export interface PairingFinding {
  readonly sheet: string;
  /** 0-based sheet row, or -1 when about the sheet as a whole. */
  readonly row: number;
  readonly col: number | null;
  readonly rule: PairingRule;
  readonly severity: 'error' | 'warning';
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
}

/** Where the 帮扶人员 header is, so plans can point validations at its 姓名 column. */
export interface MentorSheetLayout {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<MentorColumn, number>>>;
}
export type MentorColumn = 'name' | 'kind' | 'className' | 'phone' | 'address' | 'capacity' | 'note';

export interface MentorList {
  readonly mentors: readonly Mentor[];
  readonly findings: readonly PairingFinding[];
  /** Null when the sheet is missing or has no recognisable header. */
  readonly layout: MentorSheetLayout | null;
}

/** Why a role is filled the way it is; rendered into 说明 through the message catalogue. */
export type PairReason =
  | 'own-class-teacher'
  | 'class-teacher'
  | 'other-teacher' // teacher role
  | 'same-class' // buddy role
  | 'same-village'
  | 'other-village'; // proxy role

/** Why a role stayed empty. */
export type UnpairedReason =
  | 'no-class' // the child has no class on the roster, so no buddy can be found
  | 'no-mentor' // nobody of the fitting kind (in the child's class, for buddies)
  | 'full' // mentors exist but all are at capacity
  | 'kept-empty'; // the row is locked or hand-edited and the cell is blank

export interface RoleAssignment {
  /** Mentor name as written in the cell, or null for none. */
  readonly mentor: string | null;
  readonly reason: PairReason | null;
  /** Same mentor as on the sheet before (for auto rows). */
  readonly kept: boolean;
  /** Set when mentor is null and the role applies to the child. */
  readonly unpaired: UnpairedReason | null;
}

/** How a row came about. */
export type RowSource = 'auto' | 'locked' | 'hand';

export interface PairingChild {
  /** Roster identity: 'id:<ID number>' or 'nc:<name>|<class>' (with '#2'… for exact duplicates). */
  readonly key: string;
  readonly name: string;
  readonly classLabel: string | null;
  readonly keyFocus: boolean;
  readonly village: string | null;
  /** Roster row (0-based). */
  readonly row: number;
  /** Roster sheet, where the roster spans several. */
  readonly sheet?: string;
}

export interface PairingRow {
  readonly child: PairingChild;
  readonly teacher: RoleAssignment;
  readonly buddy: RoleAssignment;
  readonly proxy: RoleAssignment;
  readonly source: RowSource;
  /** The 锁定 cell as the teacher left it ('是', '否' or ''). */
  readonly lock: string;
  /** The 上次生成 cell to write: child identity hash + fingerprint of the mentor cells the add-in chose. */
  readonly stamp: string;
  /** The teacher's own 说明, written back instead of the add-in's explanation. */
  readonly teacherNote?: string;
  /** The day the add-in wrote these mentors (kept in 上次生成), or null when not known. */
  readonly changedOn?: IsoDate | null;
}

export interface PairingResult {
  /** In roster order. */
  readonly rows: readonly PairingRow[];
  readonly mentors: readonly Mentor[];
  /** Mentor name -> children assigned (locked and hand-edited rows included). */
  readonly loads: ReadonlyMap<string, number>;
  readonly findings: readonly PairingFinding[];
  readonly mentorLayout: MentorSheetLayout | null;
}
