/**
 * Mentor pairing (issue 4): read 帮扶人员 and the existing 结对帮扶, compute an optimal assignment that
 * keeps what teachers chose, and describe the sheets to write.
 */
import type { IsoDate } from '../dates';
import type { Lang } from '../i18n';
import type { PlanOp } from '../plan/types';
import { classLabel, parseClass } from '../roster/normalize';
import { SHEETS } from '../sheets';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { identifyChildren } from './assign';
import { mentorsTemplateOp, readMentors } from './mentors';
import { buildPairing, pairingSheetOp, readPairingSheet, type ExistingPairing } from './sheet';
import { heldPairing, pairingDiff, pairingStats, type HeldPairing, type PairingDiff, type PairingStats } from './summary';
import type { ChildInput, ClassNormalizer, PairingFinding, PairingResult } from './types';

export * from './types';
export { assignMentors, identifyChildren, preferenceCost, roleApplies } from './assign';
export { mentorsTemplateOp, readMentors, MENTOR_HEADERS } from './mentors';
export { PAIRING_SETTING_DEFS, CAPACITY_SETTINGS } from './settings';
export { buildPairing, pairingSheetOp, readPairingSheet, PAIRING_HEADERS, type ExistingPairing, type ExistingRow } from './sheet';
export { heldPairing, pairingDiff, pairingStats, type HeldPairing, type PairChange, type PairingDiff, type PairingStats, type MentorLoad, type UnpairedEntry } from './summary';
export { villageOf } from './text';

/**
 * The roster's class normaliser as a plain text -> label function: '三（1）班', '三年级1班', '2023级1班'
 * all become the label the roster gives its children. `today` matters only for entry years (2023级).
 */
export function classNormalizer(today: IsoDate): ClassNormalizer {
  return (text) => {
    const p = parseClass(text, today);
    return p && p.ok ? classLabel(p.grade, p.classNo) : null;
  };
}

export interface PairingPlan {
  readonly result: PairingResult;
  /** The 结对帮扶 sheet as it is now, for the preview. */
  readonly existing: ExistingPairing;
  readonly diff: PairingDiff;
  /** What "生成结对" would make: coverage, loads, the unpaired (a preview until it is written). */
  readonly stats: PairingStats;
  /** What 结对帮扶 holds now, and whether it already is what `stats` describes. */
  readonly held: HeldPairing;
  /** 帮扶人员 template when missing, then 结对帮扶 — unless the sheet could not be read safely. */
  readonly ops: readonly PlanOp[];
  readonly findings: readonly PairingFinding[];
}

export interface PairingOptions {
  readonly today: IsoDate;
  /** Defaults to the roster's normaliser for `today`. */
  readonly normalizeClass?: ClassNormalizer;
}

/** Everything "生成结对" needs: the result, what would change, and the plan that writes it. */
export function planPairing(workbook: WorkbookSnapshot, records: readonly ChildInput[], lang: Lang, options: PairingOptions): PairingPlan {
  const normalizeClass = options.normalizeClass ?? classNormalizer(options.today);
  const children = identifyChildren(records);
  const mentorList = readMentors(workbook, normalizeClass);
  const existing = readPairingSheet(workbook, children, normalizeClass);
  const result = buildPairing(children, mentorList, existing, options.today);
  const ops: PlanOp[] = [];
  if (!findSheet(workbook, SHEETS.mentors)) ops.push(mentorsTemplateOp());
  // An unreadable 结对帮扶 may hold teachers' choices: never rebuild over it.
  if (existing.readable) ops.push(pairingSheetOp(result, lang));
  const diff = pairingDiff(existing, result);
  return { result, existing, diff, stats: pairingStats(result), held: heldPairing(existing, result, diff), ops, findings: result.findings };
}
