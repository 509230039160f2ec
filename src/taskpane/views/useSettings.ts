import { useCallback, useEffect, useState } from 'react';
import { t } from '../../core/i18n';
import type { PlanOp } from '../../core/plan/types';
import type { MentorFields, MentorSheetRows } from '../../core/pairing/mentorEdits';
import type { MappingOverride } from '../../core/roster/types';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { Checked } from '../Pane';
import type { StatusOrigin } from '../statusPlaces';
import { describePlan } from '../planPreview';
import type { SettingsSectionId, ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { abortError } from './logic';
import type { ProposedWrite } from './WritePreview';

/** The 设置 screen's props: the pane's last check and its "check again" (the roster section shares them). */
export interface SettingsViewProps extends ViewProps {
  readonly checked: Checked | null;
  readonly onCheck: (sheets?: readonly string[], origin?: StatusOrigin) => Promise<unknown>;
  /** A section to open (a notice about the roster sends the teacher to its section); a new object each time it is asked for. */
  readonly openSection?: { readonly id: SettingsSectionId };
}

export interface SettingsData {
  readonly snapshot: WorkbookSnapshot;
  readonly core: ViewsCore;
  readonly mentors: MentorSheetRows;
  /** The 设置 form's values as the sheet holds them now. */
  readonly form: Readonly<Record<string, string>>;
}

/** Where the mentor form is: closed, adding, or editing the mentor on a row (with the name it had). */
export type MentorEditing = null | { readonly kind: 'add' } | { readonly kind: 'edit'; readonly row: number; readonly name: string };

export interface SettingsState {
  readonly data: SettingsData | null;
  readonly pending: ProposedWrite | null;
  readonly busy: boolean;
  readonly refresh: () => Promise<unknown>;
  readonly closePreview: () => void;
  /** Resolves true once the preview is shown; undefined when the plan was refused (the notice says why). */
  readonly proposeMentor: (editing: Exclude<MentorEditing, null>, fields: MentorFields) => Promise<boolean | undefined>;
  readonly proposeRemove: (row: number, name: string) => Promise<unknown>;
  readonly proposeSettings: (values: Readonly<Record<string, string>>) => Promise<unknown>;
  readonly proposeMapping: (override: MappingOverride) => Promise<unknown>;
}

/**
 * The 设置 screen's state and actions. Every write is planned from a fresh read (the core builds the plan;
 * the pane never names a cell), shown as a preview, and once written can be undone from the pane.
 */
export function useSettings({ port, lang, today, operation, onCheck }: SettingsViewProps): SettingsState {
  const [data, setData] = useState<SettingsData | null>(null);
  const [pending, setPending] = useState<ProposedWrite | null>(null);

  const load = useCallback(
    async (signal: AbortSignal): Promise<SettingsData> => {
      const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      const next = { snapshot, core, mentors: core.readMentorRows(snapshot), form: core.readSettingsForm(snapshot, today) };
      setData(next);
      return next;
    },
    [port, today],
  );
  const refresh = useCallback(() => operation.run('settings.op.read', 'settings', ({ signal }) => load(signal)), [operation, load]);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  }, []);

  /** Read afresh, let `build` plan against what is there now, and show the preview; `origin`: the section whose button asked. */
  const propose = (origin: StatusOrigin, build: (fresh: SettingsData) => { ops: PlanOp[]; lines: string[]; after?: () => Promise<unknown> }) =>
    operation.run('ui.op.prepare', origin, async ({ signal }) => {
      setPending(null);
      const fresh = await load(signal);
      const { ops, lines, after } = build(fresh);
      const plan = { ops };
      const sheetLines = describePlan(plan, fresh.snapshot, lang).filter((l) => l.kind !== 'keep');
      setPending({ titleKey: 'ui.preview.title.report', plan, lines: [...lines, ...sheetLines.map((l) => l.text)], changes: sheetLines.length > 0, after: after ?? refresh });
      return true;
    });

  const fieldLabel = (column: string) => t(lang, `settings.mentor.${column}`);
  const shown = (text: string) => text.trim() || t(lang, 'settings.preview.blank');

  const proposeMentor = (editing: Exclude<MentorEditing, null>, fields: MentorFields) =>
    propose('settings-mentors', ({ snapshot, core, mentors }) => {
      const name = (fields.name ?? '').trim();
      if (editing.kind === 'add') return { ops: core.addMentorOps(snapshot, fields), lines: [t(lang, 'settings.preview.addMentor', { name })] };
      const before = mentors.rows.find((r) => r.row === editing.row)?.fields;
      const changes = core.MENTOR_FORM_COLUMNS.filter((c) => before && fields[c] !== undefined && fields[c].trim() !== before[c].trim()).map((c) =>
        t(lang, 'settings.preview.change', { field: fieldLabel(c), before: shown(before![c]), after: shown(fields[c]!) }),
      );
      return { ops: core.editMentorOps(snapshot, editing.row, editing.name, fields), lines: [t(lang, 'settings.preview.editMentor', { name: editing.name }), ...changes] };
    });

  const proposeRemove = (row: number, name: string) =>
    propose('settings-mentors', ({ snapshot, core }) => ({
      ops: core.removeMentorOps(snapshot, row, name),
      lines: [t(lang, 'settings.preview.removeMentor', { name }), t(lang, 'settings.preview.removeNote')],
    }));

  const proposeSettings = (values: Readonly<Record<string, string>>) =>
    propose('settings-form', ({ snapshot, core }) => ({
      ops: core.settingsFormOps(snapshot, today, values),
      lines: [
        t(lang, 'settings.preview.settings'),
        ...core
          .settingsChanges(snapshot, today, values)
          .map((c) => t(lang, 'settings.preview.change', { field: t(lang, `settings.field.${c.field.id}`), before: shown(c.before), after: shown(c.after) })),
      ],
    }));

  // The roster's sheets and columns: the same plan the check tab's mapping editor saves; then check again with it.
  const proposeMapping = (override: MappingOverride) =>
    propose('settings-roster', ({ snapshot, core }) => {
      const sheets = override.sheets ?? (override.sheet ? [override.sheet] : undefined);
      const after = async () => {
        await onCheck(sheets, 'settings');
        await refresh();
      };
      return { ops: core.overrideSettingsOps(snapshot, override), lines: [], after };
    });

  return { data, pending, busy: operation.running !== null, refresh, closePreview: () => setPending(null), proposeMentor, proposeRemove, proposeSettings, proposeMapping };
}
