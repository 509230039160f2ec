import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { t } from '../../core/i18n';
import type { ReminderItem } from '../../core/reminders';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { MaintenancePlan } from '../../core/workflow';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import type { EntryPrefill } from './EntryForm';
import { abortError, entryFromForm, pickedChildrenOf, rememberedTeacher, teacherChoices, TEACHER_STORAGE_KEY, type EntryForm as Form, type PickedChild } from './logic';
import type { LifeProposer } from './lifeLogic';
import type { ProposedWrite } from './WritePreview';

export interface TodayLoaded {
  readonly snapshot: WorkbookSnapshot;
  readonly plan: MaintenancePlan;
  readonly core: ViewsCore;
}

/** 今日's state and actions; the view only arranges them. */
export interface TodayState {
  readonly data: TodayLoaded | null;
  readonly teacher: string | null;
  /** Names to pick from: 帮扶人员 and the reminders' owners. */
  readonly teachers: readonly string[];
  readonly children: readonly PickedChild[];
  /** The current teacher's items; null until both the workbook and the teacher are known. */
  readonly view: ReturnType<ViewsCore['todayView']> | null;
  readonly pending: ProposedWrite | null;
  readonly prefill: EntryPrefill | null;
  readonly busy: boolean;
  readonly refresh: () => Promise<unknown>;
  readonly choose: (name: string | null) => void;
  /** Select the item's child on the roster. */
  readonly goTo: (item: ReminderItem) => void;
  /** Pre-fill the entry form for the item's child and kind of contact. */
  readonly logFor: (item: ReminderItem) => void;
  /** Read afresh, then propose the entry's rows for a preview. */
  readonly record: (form: Form) => Promise<unknown>;
  /** Read afresh, then let an activity or roll-call form propose its rows for a preview (issue 17). */
  readonly proposeLife: LifeProposer;
  readonly closePreview: () => void;
}

function storedTeacher(): string | null {
  try {
    return rememberedTeacher(localStorage.getItem(TEACHER_STORAGE_KEY));
  } catch {
    return null;
  }
}

function storeTeacher(name: string | null): void {
  try {
    if (name) localStorage.setItem(TEACHER_STORAGE_KEY, name);
    else localStorage.removeItem(TEACHER_STORAGE_KEY);
  } catch {
    /* private mode or a locked-down webview: the choice lasts this session only */
  }
}

/** `formRef` is the entry form's box, owned by the view (React reads refs only outside render), scrolled to when an item pre-fills it. */
export function useToday({ port, lang, today, operation }: ViewProps, formRef: RefObject<HTMLDivElement | null>): TodayState {
  const [data, setData] = useState<TodayLoaded | null>(null);
  const [teacher, setTeacher] = useState<string | null>(storedTeacher);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const [prefill, setPrefill] = useState<EntryPrefill | null>(null);
  const nonce = useRef(0);
  const busy = operation.running !== null;

  const load = useCallback(
    async (signal: AbortSignal): Promise<TodayLoaded> => {
      const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
      if (signal.aborted) throw abortError();
      const plan = await core.maintain(snapshot, { today, lang });
      const next = { snapshot, plan, core };
      setData(next);
      return next;
    },
    [port, today, lang],
  );

  const refresh = useCallback(() => operation.run('views.op.read', 'today', ({ signal }) => load(signal)), [operation, load]);
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  }, []);

  const items = data?.plan.contacts.reminders.items;
  const teachers = useMemo(
    () =>
      data
        ? teacherChoices(
            data.plan.pairing.result.mentors,
            (items ?? []).map((i) => i.owner),
          )
        : [],
    [data, items],
  );
  const children = useMemo<PickedChild[]>(() => (data ? pickedChildrenOf(data.plan.roster.records) : []), [data]);
  const view = data && teacher ? data.core.todayView(data.plan.contacts.reminders.items, teacher) : null;

  const choose = (name: string | null) => {
    storeTeacher(name);
    setTeacher(name);
  };

  const goTo = (item: ReminderItem) => {
    if (!item.child || !data) return;
    // A roster of class sheets: go to the child's own sheet.
    const layout = data.plan.roster.layouts.find((l) => l.sheet === item.child!.sheet) ?? data.plan.roster.layout;
    void port.select({ sheet: layout.sheet, row: item.child.row, col: layout.columns.name ?? 0 }).catch(() => undefined);
  };

  const logFor = (item: ReminderItem) => {
    if (!item.child) return;
    setPrefill({ child: { ...item.child }, kind: item.contactKind ?? 'talk', nonce: ++nonce.current });
    formRef.current?.scrollIntoView?.({ block: 'start' });
  };

  const record = (form: Form) =>
    operation.run('ui.op.prepare', 'today-entry', async ({ signal }) => {
      setPending(null);
      const fresh = await load(signal);
      const { core, plan: m, snapshot } = fresh;
      const entry = entryFromForm(form, m.roster.records);
      if (!entry.ok) {
        operation.notify({ intent: 'warning', lines: [t(lang, entry.messageKey, entry.params ?? {})] });
        return;
      }
      // A workbook without 谈心记录 gets it (with its dropdowns) in the same write, header first.
      const create = m.plan.ops.filter((op) => op.kind === 'createSheetIfMissing' && op.sheet === core.SHEETS.log);
      const plan = { ops: [...create, core.logEntryOp([entry.entry], snapshot)] };
      const kindText = t(lang, `reminders.kind.${entry.entry.kind}`);
      const lines = [
        ...describePlan(plan, snapshot, lang)
          .filter((l) => l.kind !== 'keep')
          .map((l) => l.text),
        ...entry.entry.children.map((c) =>
          t(lang, 'views.preview.row', { date: entry.entry.date, child: c.name, class: c.classLabel ?? t(lang, 'views.entry.noClass'), kind: kindText }),
        ),
      ];
      setPending({ titleKey: 'views.entry.previewTitle', plan, lines, changes: true, after: refresh });
    });

  const proposeLife: LifeProposer = (make) =>
    operation.run('ui.op.prepare', 'today-entry', async ({ signal }) => {
      setPending(null);
      const fresh = await load(signal);
      const proposal = make({ snapshot: fresh.snapshot, records: fresh.plan.roster.records });
      if (!proposal.ok) {
        operation.notify({ intent: 'warning', lines: [t(lang, proposal.messageKey, proposal.params ?? {})] });
        return;
      }
      setPending({ ...proposal.write, after: refresh });
    });

  return { data, teacher, teachers, children, view, pending, prefill, busy, refresh, choose, goTo, logFor, record, proposeLife, closePreview: () => setPending(null) };
}
