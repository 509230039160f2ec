import { useMemo, useState } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { RULE_IDS } from '../core/roster/types';
import type { WorkbookPort } from '../workbook/port';
import { errorMessage } from './errors';
import type { Checked } from './Pane';
import { OperationStatus } from './StatusArea';
import type { Operation } from './useOperation';

/** Findings shown per group before "show more": thousands of buttons would make the pane crawl. */
const PAGE = 100;

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: '4px', margin: 0, padding: 0, listStyleType: 'none' },
  groupHead: { display: 'flex', width: '100%', justifyContent: 'flex-start', gap: '6px', textAlign: 'start' },
  items: { display: 'flex', flexDirection: 'column', gap: '2px', margin: '0 0 8px 0', paddingLeft: '12px', listStyleType: 'none' },
  item: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', height: 'auto', paddingTop: '4px', paddingBottom: '4px', fontWeight: tokens.fontWeightRegular },
  chosen: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  where: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px', flexShrink: 0 },
});

/** A finding as the list shows it: the roster's and those of the add-in's own sheets alike, as 校验结果 lists them. */
interface Shown {
  readonly rule: string;
  readonly severity: string;
  readonly sheet: string;
  /** 0-based; -1 for a finding about a whole sheet. */
  readonly row: number;
  readonly col: number | null;
  readonly text: string;
  /** What the list shows before the text: E12 on the roster, 活动记录!E6 on another sheet. */
  readonly where: string;
}

function shownFindings(checked: Checked, lang: Lang): Shown[] {
  const roster = checked.check.findings.map((f) => ({ ...f, text: checked.core.renderFinding(f, lang), where: cellName(f.row, f.col) }));
  const others = checked.workbook.others.map((f) => {
    const cell = cellName(f.row, f.col);
    return { rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row, col: f.col, text: t(lang, f.messageKey, f.params), where: cell ? `${f.sheet}!${cell}` : f.sheet };
  });
  return [...roster, ...others];
}

function ruleName(checked: Checked, rule: string, lang: Lang): string {
  return (RULE_IDS as readonly string[]).includes(rule) ? checked.core.ruleLabel(rule as (typeof RULE_IDS)[number], lang) : checked.views.findingRuleLabel(rule, lang);
}

export function FindingsList({ checked, lang, busy, port, operation }: { checked: Checked; lang: Lang; busy: boolean; port: WorkbookPort; operation: Operation }) {
  const styles = useStyles();
  const all = useMemo(() => shownFindings(checked, lang), [checked, lang]);
  const groups = useMemo(() => groupByRule(all), [all]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<Partial<Record<string, number>>>({});
  const [chosen, setChosen] = useState<Shown | null>(null);
  if (groups.length === 0) return null;

  const choose = async (f: Shown) => {
    setChosen(f);
    try {
      await port.select({ sheet: f.sheet, row: Math.max(f.row, 0), col: f.col ?? 0 });
    } catch (error) {
      operation.notify({ intent: 'error', lines: [errorMessage(error, lang)], origin: 'findings' });
    }
  };
  const toggle = (rule: string) => {
    const next = new Set(open);
    if (!next.delete(rule)) next.add(rule);
    setOpen(next);
  };

  return (
    <section aria-labelledby="findings-title">
      <Text as="h2" id="findings-title" weight="semibold" size={400}>
        {t(lang, 'ui.findings.title', { count: all.length })}
      </Text>
      {/* A cell that cannot be selected (its sheet gone since the check) is said above the list. */}
      <OperationStatus origin="findings" />
      <ul className={styles.groups}>
        {groups.map(({ rule, findings, errors }) => {
          const expanded = open.has(rule);
          const limit = shown[rule] ?? PAGE;
          return (
            <li key={rule}>
              <Button appearance="subtle" className={styles.groupHead} aria-expanded={expanded} aria-controls={`group-${rule}`} onClick={() => toggle(rule)}>
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                <span>{ruleName(checked, rule, lang)}</span>
                <Badge appearance="tint" color={errors > 0 ? 'danger' : 'warning'}>
                  {findings.length}
                </Badge>
              </Button>
              {expanded && (
                <ul id={`group-${rule}`} className={styles.items}>
                  {findings.slice(0, limit).map((f, i) => (
                    <li key={i}>
                      <Button
                        appearance="subtle"
                        size="small"
                        disabled={busy}
                        className={chosen === f ? `${styles.item} ${styles.chosen}` : styles.item}
                        aria-current={chosen === f ? 'true' : undefined}
                        data-finding-rule={f.rule}
                        data-finding-cell={f.where}
                        onClick={() => void choose(f)}
                      >
                        <span className={styles.where}>{f.where}</span>
                        <span>{f.text}</span>
                      </Button>
                    </li>
                  ))}
                  {findings.length > limit && (
                    <li>
                      <Button size="small" onClick={() => setShown({ ...shown, [rule]: limit + PAGE })}>
                        {t(lang, 'ui.findings.more', { count: findings.length - limit })}
                      </Button>
                    </li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "E12"; "3:3" for a finding about a whole row (a missing column, at its header row); none for one about a whole sheet. */
function cellName(row: number, col: number | null): string {
  return row < 0 ? '' : col === null ? `${row + 1}:${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

function groupByRule(findings: readonly Shown[]) {
  const byRule = new Map<string, Shown[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  // The roster's rules in catalogue order first; the other sheets' after, in the order 校验结果 lists them.
  const known = RULE_IDS as readonly string[];
  const order = [...known.filter((r) => byRule.has(r)), ...[...byRule.keys()].filter((r) => !known.includes(r))];
  return order.map((rule) => {
    const list = byRule.get(rule)!;
    return { rule, findings: list, errors: list.filter((f) => f.severity === 'error').length };
  });
}
