import { useCallback, useEffect, useState } from 'react';
import { t } from '../../core/i18n';
import type { PairingPlan } from '../../core/pairing';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError } from './logic';
import type { ProposedWrite } from './WritePreview';

const CHANGES_SHOWN = 20;

export interface PairingAnalysed {
  readonly snapshot: WorkbookSnapshot;
  readonly pairing: PairingPlan;
  readonly core: ViewsCore;
}

/** 结对's state and actions; the view only arranges them. */
export interface PairingState {
  readonly state: PairingAnalysed | null;
  readonly pending: ProposedWrite | null;
  readonly busy: boolean;
  /** Read afresh and pair again. */
  readonly refresh: () => Promise<unknown>;
  /** Preview the pairs added, changed and removed. */
  readonly generate: () => Promise<unknown>;
  readonly closePreview: () => void;
}

export function usePairing({ port, lang, today, operation }: ViewProps): PairingState {
  const [state, setState] = useState<PairingAnalysed | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const busy = operation.running !== null;

  const analyse = useCallback(
    async (signal: AbortSignal): Promise<PairingAnalysed> => {
      const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      const check = core.checkRoster(snapshot, { today, override: core.overrideFromSettings(snapshot) ?? undefined });
      const pairing = core.planPairing(snapshot, check.records, lang, { today });
      const next = { snapshot, pairing, core };
      setState(next);
      return next;
    },
    [port, today, lang],
  );

  const refresh = useCallback(() => operation.run('views.op.read', 'pairing', ({ signal }) => analyse(signal)), [operation, analyse]);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  }, []);

  const generate = () =>
    operation.run('ui.op.prepare', 'pairing', async ({ signal }) => {
      setPending(null);
      const { snapshot, pairing } = await analyse(signal);
      const plan = { ops: [...pairing.ops] };
      const sheetLines = describePlan(plan, snapshot, lang).filter((l) => l.kind !== 'keep');
      const d = pairing.diff;
      const count = (c: string) => d.changes.filter((x) => x.change === c).length;
      const changeLines = d.changes.slice(0, CHANGES_SHOWN).map((c) =>
        t(lang, `views.pairing.change.${c.change}`, {
          child: c.name,
          class: c.classLabel || t(lang, 'views.entry.noClass'),
          role: t(lang, `pairing.role.${c.role}`),
          before: c.before ?? '',
          after: c.after ?? '',
        }),
      );
      const lines = [
        ...sheetLines.map((l) => l.text),
        ...(pairing.existing.readable ? [] : [t(lang, 'views.pairing.unreadable')]),
        t(lang, 'views.pairing.diff', { new: count('new'), changed: count('changed'), removed: count('removed'), added: d.childrenAdded, left: d.childrenRemoved }),
        ...changeLines,
        ...(d.changes.length > CHANGES_SHOWN ? [t(lang, 'views.pairing.changeMore', { count: d.changes.length - CHANGES_SHOWN })] : []),
      ];
      setPending({ titleKey: 'views.pairing.previewTitle', plan, lines, changes: sheetLines.length > 0, after: refresh });
    });

  return { state, pending, busy, refresh, generate, closePreview: () => setPending(null) };
}
