import { countBySeverity } from '../core/severity';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { FIELD_KEYS, type Finding, type RosterCheck } from '../core/roster/types';
import { renderFinding, ruleLabel, severityLabel } from '../core/roster';
import type { SheetIssue } from '../core/workflow/findings';
import { findingRuleLabel } from '../core/summary/labels';

/** One finding as the command line reports it: 1-based row, column letter. */
export interface JsonIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string | null;
  readonly field: string | null;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

export interface JsonReport {
  readonly sheet: string;
  readonly headerRows: number[];
  readonly columns: Record<string, string>;
  readonly children: number;
  readonly issues: JsonIssue[];
  readonly unmapped: { column: string; header: string }[];
  /** Only for a roster of several sheets: each sheet read, with its header rows and children. */
  readonly sheets?: { sheet: string; headerRows: number[]; children: number; classFromSheet: string | null }[];
}

/**
 * Findings in sheet order (the roster's sheets as `sheets` lists them, then row, then column), so
 * output does not depend on the order rules ran in.
 */
export function sortedFindings(findings: readonly Finding[], sheets: readonly string[] = []): Finding[] {
  const index = (f: Finding) => sheets.indexOf(f.sheet);
  return [...findings].sort((a, b) => index(a) - index(b) || a.row - b.row || (a.col ?? -1) - (b.col ?? -1) || a.rule.localeCompare(b.rule));
}

const sheetOrder = (check: RosterCheck) => (check.layouts ?? [check.layout]).map((l) => l.sheet);

export function jsonReport(check: RosterCheck, lang: Lang): JsonReport {
  const { layout } = check;
  const columns: Record<string, string> = {};
  for (const key of FIELD_KEYS) {
    const col = layout.columns[key];
    if (col !== undefined) columns[key] = columnLetter(col);
  }
  return {
    sheet: layout.sheet,
    headerRows: layout.headerRows.map((r) => r + 1),
    columns,
    children: check.records.length,
    issues: sortedFindings(check.findings, sheetOrder(check)).map((f) => ({
      sheet: f.sheet,
      row: f.row + 1,
      column: f.col === null ? null : columnLetter(f.col),
      field: f.field,
      rule: f.rule,
      severity: f.severity,
      message: renderFinding(f, lang),
    })),
    unmapped: layout.unmapped.map((u) => ({ column: columnLetter(u.col), header: u.text })),
    ...(check.layouts && check.layouts.length > 1
      ? {
          sheets: check.layouts.map((l) => ({
            sheet: l.sheet,
            headerRows: l.headerRows.map((r) => r + 1),
            children: check.records.filter((r) => r.sheet === l.sheet).length,
            classFromSheet: l.sheetClass?.text ?? null,
          })),
        }
      : {}),
  };
}

/**
 * Findings of the sheets beside the roster (帮扶人员, 谈心记录, 帮扶计划, 活动记录 …), in the same shape
 * as the roster's issues, so a script reads one list; `field` is null, as these are not roster fields.
 */
export function sheetIssues(findings: readonly SheetIssue[], lang: Lang): JsonIssue[] {
  return findings.map((f) => ({
    sheet: f.sheet,
    row: f.row + 1,
    column: f.col === null ? null : columnLetter(f.col),
    field: null,
    rule: f.rule,
    severity: f.severity,
    message: t(lang, f.messageKey, f.params),
  }));
}

/** The text report's lines for those findings: where, severity, message, each under its rule's name. */
export function sheetIssueLines(findings: readonly SheetIssue[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const issue of sheetIssues(findings, lang)) {
    const where = issue.column === null ? t(lang, 'cli.report.headerCell', { sheetName: issue.sheet, row: issue.row }) : `${issue.sheet}!${issue.column}${issue.row}`;
    lines.push(`  ${where}  ${severityLabel(issue.severity as SheetIssue['severity'], lang)}  ${findingRuleLabel(issue.rule, lang)} · ${issue.rule}  ${issue.message}`);
  }
  return lines;
}

/** A rule's title and its stable id, so the teacher can read it and a script can grep it. */
const ruleTitle = (lang: Lang, rule: Finding['rule']): string => `${ruleLabel(rule, lang)} · ${rule}`;

function rowSpan(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const first = rows[0] + 1;
  const last = rows[rows.length - 1] + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/** The human report: where the roster is, findings grouped by rule, one summary line. */
export function textReport(check: RosterCheck, lang: Lang): string {
  const { layout } = check;
  const lines: string[] = [];
  if (check.layouts && check.layouts.length > 1) {
    lines.push(t(lang, 'cli.report.sheets', { count: check.layouts.length, children: check.records.length }));
    for (const l of check.layouts) {
      const children = check.records.filter((r) => r.sheet === l.sheet).length;
      lines.push('  ' + t(lang, 'cli.report.sheetLine', { sheetName: l.sheet, headerRows: rowSpan(l.headerRows), children }));
    }
  } else lines.push(t(lang, 'cli.report.layout', { sheet: layout.sheet, headerRows: rowSpan(layout.headerRows), children: check.records.length }));
  if (layout.unmapped.length) {
    const sep = lang === 'zh-CN' ? '、' : ', ';
    lines.push(t(lang, 'cli.report.unmapped', { columns: layout.unmapped.map((u) => `${columnLetter(u.col)} ${u.text}`).join(sep) }));
  }
  const groups = new Map<Finding['rule'], Finding[]>();
  for (const f of sortedFindings(check.findings, sheetOrder(check))) {
    const list = groups.get(f.rule) ?? [];
    list.push(f);
    groups.set(f.rule, list);
  }
  // Errors first, then by how often the rule fired: the teacher fixes the worst and commonest first.
  const ordered = [...groups.entries()].sort(
    ([ra, a], [rb, b]) => Number(b.some((f) => f.severity === 'error')) - Number(a.some((f) => f.severity === 'error')) || b.length - a.length || ra.localeCompare(rb),
  );
  for (const [rule, list] of ordered) {
    lines.push('');
    lines.push(t(lang, 'cli.report.group', { rule: ruleTitle(lang, rule), count: list.length }));
    for (const f of list) {
      const where = f.col === null ? t(lang, 'cli.report.headerCell', { sheetName: f.sheet, row: f.row + 1 }) : `${f.sheet}!${columnLetter(f.col)}${f.row + 1}`;
      lines.push(`  ${where}  ${severityLabel(f.severity, lang)}  ${renderFinding(f, lang)}`);
    }
  }
  lines.push('');
  const { errors, warnings } = countBySeverity(check.findings);
  lines.push(
    check.findings.length === 0
      ? t(lang, 'cli.report.clean', { children: check.records.length })
      : t(lang, 'cli.report.summary', { children: check.records.length, errors, warnings }),
  );
  return lines.join('\n') + '\n';
}
