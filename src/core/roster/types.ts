import type { CellValue } from '../cells';
import type { IsoDate } from '../dates';
import type { Params } from '../i18n';

/** Canonical roster fields (docs/ARCHITECTURE.md §4). */
export const FIELD_KEYS = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'grade',
  'className',
  'address',
  'fatherName',
  'fatherPhone',
  'fatherWorkplace',
  'motherName',
  'motherPhone',
  'motherWorkplace',
  'parentPhone',
  'guardianName',
  'guardianRelation',
  'guardianPhone',
  'guardianAge',
  'guardianHealth',
  'leftBehindType',
  'boarding',
  'keyFocus',
  'lunarBirthday',
  'joinDate',
  // The 民政 农村留守儿童信息登记表 and 学籍 exports (issue 14): facts about the child that are not names.
  'ethnicity',
  'hukou',
  'school',
  'childHealth',
  // Whether the parents are away: one column for both (父母是否外出: 父亲外出 / 双方外出 …) or one each (是/否).
  'parentAway',
  'fatherAway',
  'motherAway',
  'guardianOccupation',
  // 监护类型: 祖辈监护 / 亲友监护 / 自我监护 / 无人监护.
  'guardianshipType',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const RULE_IDS = [
  'header-missing',
  'required',
  'id-format',
  'id-checksum',
  'id-precision-lost',
  'id-birthdate-mismatch',
  'id-gender-mismatch',
  'phone-format',
  'date-invalid',
  'age-out-of-range',
  'grade-invalid',
  'duplicate',
  'guardian-age',
  // Added after the first thirteen: an error value (#N/A …) in a column no other rule covers.
  'cell-error',
  // The ID's first six digits are in no revision of GB/T 2260 (a warning: the list may lag a new county).
  'id-region',
  // A column pinned in 设置 no longer has the header it was saved with (a column was inserted): re-detected.
  'mapping-stale',
  // 监护类型 自我监护 or 无人监护 for a child under 16: the situation 国发〔2016〕13号 rules out.
  'guardianship-missing',
  // The 户籍 or 家庭住址 names a province (or, both clear, a county) other than the ID's region code.
  'region-mismatch',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning';

/** Where the roster is and what each column means. Rows and columns are 0-based sheet positions. */
export interface RosterLayout {
  readonly sheet: string;
  /** The header row or rows (two for a merged two-level header). */
  readonly headerRows: readonly number[];
  readonly firstDataRow: number;
  /** Field -> column. */
  readonly columns: Readonly<Partial<Record<FieldKey, number>>>;
  /** Every non-empty header column with its composed text ("父亲 / 姓名"), mapped or not. */
  readonly headers: readonly { readonly col: number; readonly text: string; readonly field: FieldKey | null }[];
  readonly unmapped: readonly { readonly col: number; readonly text: string }[];
  /** How well the header matched the catalogue; the sheet with the best score is the roster. */
  readonly score: number;
  /** True when the mapping came (wholly or partly) from the user's saved correction. */
  readonly fromSaved: boolean;
  /**
   * Where the sheet has neither a class nor a grade column: the class its name or title row gives
   * (一年级一班, 三(2)班), with the text it was read from. Every child on the sheet is in that class.
   */
  readonly sheetClass?: { readonly text: string; readonly grade: number | null; readonly classNo: number | null };
  /** Saved pins that no longer matched their header: the field, the header saved with it, and the column that has that header now (null: re-detected). */
  readonly stale?: readonly { readonly field: FieldKey; readonly header: string; readonly col: number | null }[];
}

/** A user's correction of the detection: the sheet, and fields pinned to columns (null: not present). */
export interface MappingOverride {
  readonly sheet?: string;
  /** The roster's sheets when it spans several (one per class); `sheet` is then the first of them. */
  readonly sheets?: readonly string[];
  readonly columns?: Readonly<Partial<Record<FieldKey, number | null>>>;
  /**
   * The header text each pinned column had when the pin was saved: a pin whose column no longer has
   * that header (a column was inserted before it) follows the header or falls back to detection.
   */
  readonly headers?: Readonly<Partial<Record<FieldKey, string>>>;
}

export type Gender = '男' | '女';
export type LeftBehindType = 'both' | 'one' | 'none';
/**
 * 监护类型 as read: 祖辈监护, 亲友监护, a parent at home, 自我监护 (the child looks after itself) and 无人监护.
 * The last two leave a child under 16 without a guardian, which 国发〔2016〕13号 rules out.
 */
export type GuardianshipType = 'grandparent' | 'relative' | 'parent' | 'self' | 'none';

/** One child as read from the roster, normalised; the sheet itself is never changed. */
export interface RosterRecord {
  /** The roster sheet the child is on (a roster may span one sheet per class). */
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly raw: Readonly<Partial<Record<FieldKey, CellValue>>>;
  readonly name: string;
  readonly gender: Gender | null;
  readonly birthDate: IsoDate | null;
  /** Normalised ID (upper-case X), or null when blank or stored as a number. */
  readonly idNumber: string | null;
  readonly grade: number | null; // 1..9 (小学一年级 = 1, 初一 = 7)
  /** Canonical class label, e.g. '三(1)班', or null. Children of one class share it exactly. */
  readonly classLabel: string | null;
  readonly address: string;
  readonly guardianName: string;
  readonly guardianRelation: string;
  readonly guardianPhone: string | null; // digits only, normalised
  readonly guardianAge: number | null;
  readonly fatherPhone: string | null;
  readonly motherPhone: string | null;
  readonly parentPhone: string | null;
  readonly leftBehindType: LeftBehindType | null;
  readonly boarding: boolean | null;
  readonly keyFocus: boolean;
  readonly lunarBirthday: boolean;
  readonly joinDate: IsoDate | null;
}

export interface Finding {
  readonly sheet: string;
  /** 0-based sheet row; the header row for header-missing. */
  readonly row: number;
  /** 0-based column, or null when the finding is about a missing column. */
  readonly col: number | null;
  readonly field: FieldKey | null;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** i18n key and parameters; hosts render the text in the user's language. No names, IDs or phones in params. */
  readonly messageKey: string;
  readonly params: Params;
}

/** A row under the header that is deliberately not a record, so the pane can say what was passed over. */
export interface SkippedRow {
  /** The roster sheet of the row (absent in results made before a roster could span sheets). */
  readonly sheet?: string;
  /** 0-based sheet row. */
  readonly row: number;
  /**
   * columnNumbers: a row numbering the columns (1 2 3 …) under the header; example: a 示例/例： row of a
   * template; section: a class standing alone on its row (三年级一班) over the children below it.
   */
  readonly reason: 'total' | 'footer' | 'repeatedHeader' | 'columnNumbers' | 'example' | 'section';
}

export interface RosterCheck {
  /** The roster's first sheet (in workbook order); `layouts` lists every sheet read. */
  readonly layout: RosterLayout;
  /** Every sheet read as part of the roster, in workbook order (one per class, or just `layout`). */
  readonly layouts: readonly RosterLayout[];
  readonly records: readonly RosterRecord[];
  readonly findings: readonly Finding[];
  /** Totals, signature lines and repeated headers under the header (blank rows are not listed). */
  readonly skipped?: readonly SkippedRow[];
}

export interface CheckOptions {
  /** Reference date for ages and "in the future" (YYYY-MM-DD). */
  readonly today: IsoDate;
  readonly sheet?: string;
  /**
   * The roster's sheets, chosen by name (the command line's --sheet, repeated or comma-separated); an
   * item that is no sheet's name but holds commas is split. Wins over `sheet` and the saved choice.
   */
  readonly sheets?: readonly string[];
  readonly override?: MappingOverride;
}

/** A record's identity across the roster's sheets (rows repeat from sheet to sheet). */
export function recordKey(r: { readonly sheet?: string; readonly row: number }): string {
  return `${r.sheet ?? ''}!${r.row}`;
}
