import { useMemo, useState } from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../core/cells';
import { t, type Lang } from '../core/i18n';
import { RULE_IDS, type Finding, type RuleId } from '../core/roster/types';
import type { WorkbookPort } from '../workbook/port';
import { errorMessage } from './errors';
import type { Checked } from './Pane';
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

export function FindingsList({ checked, lang, busy, port, operation }: { checked: Checked; lang: Lang; busy: boolean; port: WorkbookPort; operation: Operation }) {
  const styles = useStyles();
  const groups = useMemo(() => groupByRule(checked.check.findings), [checked]);
  const [open, setOpen] = useState<ReadonlySet<RuleId>>(new Set());
  const [shown, setShown] = useState<Partial<Record<RuleId, number>>>({});
  const [chosen, setChosen] = useState<Finding | null>(null);
  if (groups.length === 0) return null;

  const choose = async (f: Finding) => {
    setChosen(f);
    try {
      await port.select({ sheet: f.sheet, row: f.row, col: f.col ?? 0 });
    } catch (error) {
      operation.notify({ intent: 'error', lines: [errorMessage(error, lang)] });
    }
  };
  const toggle = (rule: RuleId) => {
    const next = new Set(open);
    if (!next.delete(rule)) next.add(rule);
    setOpen(next);
  };

  return (
    <section aria-labelledby="findings-title">
      <Text as="h2" id="findings-title" weight="semibold" size={400}>
        {t(lang, 'ui.findings.title', { count: checked.check.findings.length })}
      </Text>
      <ul className={styles.groups}>
        {groups.map(({ rule, findings, errors }) => {
          const expanded = open.has(rule);
          const limit = shown[rule] ?? PAGE;
          return (
            <li key={rule}>
              <Button appearance="subtle" className={styles.groupHead} aria-expanded={expanded} aria-controls={`group-${rule}`} onClick={() => toggle(rule)}>
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                <span>{checked.core.ruleLabel(rule, lang)}</span>
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
                        data-finding-cell={cellName(f)}
                        onClick={() => void choose(f)}
                      >
                        <span className={styles.where}>{cellName(f)}</span>
                        <span>{checked.core.renderFinding(f, lang)}</span>
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

/** "E12", or "行 3" style for a finding about a whole missing column (its header row). */
function cellName(f: Finding): string {
  return f.col === null ? `${f.row + 1}:${f.row + 1}` : `${columnLetter(f.col)}${f.row + 1}`;
}

function groupByRule(findings: readonly Finding[]) {
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  // Catalogue order first; a rule added later still shows, after the known ones.
  const order = [...RULE_IDS.filter((r) => byRule.has(r)), ...[...byRule.keys()].filter((r) => !RULE_IDS.includes(r))];
  return order.map((rule) => {
    const list = byRule.get(rule)!;
    return { rule, findings: list, errors: list.filter((f) => f.severity === 'error').length };
  });
}
