import { useCallback, useEffect, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { t } from '../../core/i18n';
import './messages';
import type { PairingPlan } from '../../core/pairing';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError } from './logic';
import { useViewStyles } from './styles';
import { WritePreview, type ProposedWrite } from './WritePreview';

const UNPAIRED_SHOWN = 30;
const CHANGES_SHOWN = 20;

interface Analysed {
  readonly snapshot: WorkbookSnapshot;
  readonly pairing: PairingPlan;
  readonly core: ViewsCore;
}

/**
 * 结对: coverage, mentor loads and who is left unpaired (and why), from a fresh read; "生成结对" previews
 * the pairs added, changed and removed (and the 帮扶人员 template when missing) before writing them.
 */
export default function PairingView({ port, lang, today, operation }: ViewProps) {
  const styles = useViewStyles();
  const [state, setState] = useState<Analysed | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const busy = operation.running !== null;

  const analyse = useCallback(async (signal: AbortSignal): Promise<Analysed> => {
    const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
    if (signal.aborted) throw abortError();
    const check = core.checkRoster(snapshot, { today, override: core.overrideFromSettings(snapshot) ?? undefined });
    const pairing = core.planPairing(snapshot, check.records, lang, { today });
    const next = { snapshot, pairing, core };
    setState(next);
    return next;
  }, [port, today, lang]);

  const refresh = useCallback(() => operation.run('views.op.read', ({ signal }) => analyse(signal)), [operation, analyse]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  useEffect(() => { void refresh(); }, []);

  const generate = () => operation.run('ui.op.prepare', async ({ signal }) => {
    setPending(null);
    const { snapshot, pairing } = await analyse(signal);
    const plan = { ops: [...pairing.ops] };
    const sheetLines = describePlan(plan, snapshot, lang).filter((l) => l.kind !== 'keep');
    const d = pairing.diff;
    const count = (c: string) => d.changes.filter((x) => x.change === c).length;
    const changeLines = d.changes.slice(0, CHANGES_SHOWN).map((c) => t(lang, `views.pairing.change.${c.change}`, {
      child: c.name, class: c.classLabel || t(lang, 'views.entry.noClass'), role: t(lang, `pairing.role.${c.role}`), before: c.before ?? '', after: c.after ?? '',
    }));
    const lines = [
      ...sheetLines.map((l) => l.text),
      ...(pairing.existing.readable ? [] : [t(lang, 'views.pairing.unreadable')]),
      t(lang, 'views.pairing.diff', { new: count('new'), changed: count('changed'), removed: count('removed'), added: d.childrenAdded, left: d.childrenRemoved }),
      ...changeLines,
      ...(d.changes.length > CHANGES_SHOWN ? [t(lang, 'views.pairing.changeMore', { count: d.changes.length - CHANGES_SHOWN })] : []),
    ];
    setPending({ titleKey: 'views.pairing.previewTitle', plan, lines, changes: sheetLines.length > 0, after: refresh });
  });

  const s = state?.pairing.stats;
  const share = (part: number, whole: number) => (state ? state.core.formatShare(state.core.share(part, whole)) : '');
  return (
    <div className={styles.box}>
      <Text>{t(lang, 'views.pairing.intro')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void generate()}>{t(lang, 'views.pairing.generate')}</Button>
        <Button disabled={busy} onClick={() => void refresh()}>{t(lang, 'views.action.refresh')}</Button>
      </div>
      <WritePreview change={pending} port={port} lang={lang} operation={operation} onClose={() => setPending(null)} />
      {s && (
        <>
          <section className={styles.section} aria-labelledby="pairing-coverage" data-testid="pairing-coverage">
            <Text as="h2" id="pairing-coverage" weight="semibold">{t(lang, 'views.pairing.coverage')}</Text>
            <ul className={styles.list}>
              <li><Text>{t(lang, 'views.pairing.children', { count: s.children, keyFocus: s.keyFocus })}</Text></li>
              <li><Text>{t(lang, 'views.pairing.withTeacher', { count: s.withTeacher, total: s.children, share: share(s.withTeacher, s.children) })}</Text></li>
              <li><Text>{t(lang, 'views.pairing.withBuddy', { count: s.withBuddy, total: s.children, share: share(s.withBuddy, s.children) })}</Text></li>
              <li><Text>{t(lang, 'views.pairing.withProxy', { count: s.keyFocusWithProxy, total: s.keyFocus, share: share(s.keyFocusWithProxy, s.keyFocus) })}</Text></li>
            </ul>
          </section>
          <section className={styles.section} aria-labelledby="pairing-loads">
            <Text as="h2" id="pairing-loads" weight="semibold">{t(lang, 'views.pairing.loads')}</Text>
            {s.loads.length === 0 ? <Text>{t(lang, 'views.pairing.noMentors')}</Text> : (
              <table className={styles.table} aria-labelledby="pairing-loads">
                <thead><tr>
                  <th scope="col" className={styles.cell}>{t(lang, 'views.pairing.col.name')}</th>
                  <th scope="col" className={styles.cell}>{t(lang, 'views.pairing.col.kind')}</th>
                  <th scope="col" className={styles.num}>{t(lang, 'views.pairing.col.load')}</th>
                </tr></thead>
                <tbody>{s.loads.map((m) => (
                  <tr key={m.name}>
                    <td className={styles.cell}>{m.name}</td>
                    <td className={styles.cell}>{m.kind}</td>
                    <td className={styles.num}>{t(lang, 'views.pairing.loadValue', { load: m.load, capacity: m.capacity })}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
          </section>
          {s.unpaired.length > 0 && (
            <section className={styles.section} aria-labelledby="pairing-unpaired">
              <Text as="h2" id="pairing-unpaired" weight="semibold">{t(lang, 'views.pairing.unpaired', { count: s.unpaired.length })}</Text>
              <ul className={styles.list}>{s.unpaired.slice(0, UNPAIRED_SHOWN).map((u, i) => (
                <li key={i}><Text>{t(lang, 'views.pairing.unpairedItem', {
                  child: u.name, class: u.classLabel || t(lang, 'views.entry.noClass'), role: t(lang, `pairing.role.${u.role}`), reason: t(lang, `pairing.unpaired.${u.reason}`),
                })}</Text></li>
              ))}</ul>
              {s.unpaired.length > UNPAIRED_SHOWN && <Text size={200}>{t(lang, 'views.pairing.unpairedMore', { count: s.unpaired.length - UNPAIRED_SHOWN })}</Text>}
            </section>
          )}
          {state.pairing.findings.length > 0 && <Text size={200}>{t(lang, 'views.pairing.findings', { count: state.pairing.findings.length })}</Text>}
        </>
      )}
    </div>
  );
}
