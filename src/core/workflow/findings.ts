import { columnLetter } from '../cells';
import type { SheetFinding } from '../contacts/findings';
import type { LifeFinding } from '../life/types';
import type { IsoDate } from '../dates';
import { t, type Lang, type Params } from '../i18n';
import type { PairingFinding } from '../pairing/types';
import type { PlanCell, PlanOp } from '../plan/types';
import { findingsSheetPlan, rosterSheetsText } from '../roster';
import { countBySeverity, severityLabel, type SeverityCounts } from '../severity';
import type { RosterCheck } from '../roster/types';
import { findingRuleLabel } from '../summary/labels';

/** Where a finding came from: the roster, 帮扶人员/结对帮扶 (pairing), 设置/谈心记录 (contacts), or the life sheets (活动记录 … 培训记录). */
export type FindingDomain = 'roster' | 'pairing' | 'contacts' | 'life';

/** A finding of the add-in's own sheets, in the one shape the pairing and contacts cores share. */
export type SheetIssue = Pick<PairingFinding | SheetFinding | LifeFinding, 'sheet' | 'row' | 'col' | 'severity' | 'messageKey'> & {
  readonly rule: string;
  readonly params: Params;
};

export interface FindingCounts extends SeverityCounts {
  readonly byDomain: Readonly<Record<FindingDomain, number>>;
}

type Severities = readonly { severity: string }[];
/** The workbook's count of problems (countBySeverity over every domain), what every host shows. */
export function countFindings(roster: Severities, pairing: Severities, contacts: Severities, life: Severities = []): FindingCounts {
  return {
    ...countBySeverity([...roster, ...pairing, ...contacts, ...life]),
    byDomain: { roster: roster.length, pairing: pairing.length, contacts: contacts.length, life: life.length },
  };
}

/**
 * 校验结果: the roster's findings as the roster module writes them, then those of the add-in's own
 * sheets (帮扶人员, 结对帮扶, 设置, 谈心记录) in the same columns, so one sheet lists every problem, each
 * rule by its name in the user's language as the roster's are.
 */
export function allFindingsSheetOp(check: RosterCheck, others: readonly SheetIssue[], lang: Lang, today: IsoDate): PlanOp {
  const op = findingsSheetPlan(check, lang, today);
  if (op.kind !== 'replaceSheet' || others.length === 0) return op;
  const rows: PlanCell[][] = others.map((f) => {
    const hasCell = f.row >= 0 && f.col !== null;
    return [
      f.sheet,
      hasCell ? { text: `${columnLetter(f.col)}${f.row + 1}`, link: { sheet: f.sheet, row: f.row, col: f.col } } : '',
      f.row >= 0 ? f.row + 1 : '',
      '',
      findingRuleLabel(f.rule, lang),
      severityLabel(f.severity, lang),
      t(lang, f.messageKey, f.params),
    ];
  });
  // The title counts every row below, as the pane and the report do; the roster's own count follows.
  const all = countBySeverity([...check.findings, ...others]);
  const title = t(lang, 'workflow.findings.title', {
    sheet: rosterSheetsText(check),
    children: check.records.length,
    count: all.total,
    errors: all.errors,
    warnings: all.warnings,
    roster: check.findings.length,
    others: others.length,
    date: today,
  });
  const titleLines = [title, ...(op.content.titleLines ?? []).slice(1)];
  return { ...op, content: { ...op.content, titleLines, rows: [...op.content.rows, ...rows] } };
}
