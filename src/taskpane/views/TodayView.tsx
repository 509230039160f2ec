import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Text, type BadgeProps } from '@fluentui/react-components';
import { t } from '../../core/i18n';
import './messages';
import type { ReminderItem, ReminderStatus } from '../../core/reminders';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { MaintenancePlan } from '../../core/workflow';
import { describePlan } from '../planPreview';
import type { ViewProps } from '../views';
import { loadViewsCore, type ViewsCore } from './core';
import { EntryForm, type EntryPrefill } from './EntryForm';
import { abortError, entryFromForm, rememberedTeacher, teacherChoices, TEACHER_STORAGE_KEY, type EntryForm as Form, type PickedChild } from './logic';
import { useViewStyles } from './styles';
import { TeacherPicker } from './TeacherPicker';
import { WritePreview, type ProposedWrite } from './WritePreview';

const ITEMS_SHOWN = 50;

interface Loaded {
  readonly snapshot: WorkbookSnapshot;
  readonly plan: MaintenancePlan;
  readonly core: ViewsCore;
}

const BADGE: Readonly<Record<ReminderStatus, { color: BadgeProps['color']; appearance: BadgeProps['appearance'] }>> = {
  overdue: { color: 'danger', appearance: 'filled' },
  today: { color: 'warning', appearance: 'filled' },
  thisWeek: { color: 'brand', appearance: 'tint' },
  nextWeek: { color: 'informative', appearance: 'outline' },
  later: { color: 'informative', appearance: 'outline' },
};

function storedTeacher(): string | null {
  try { return rememberedTeacher(localStorage.getItem(TEACHER_STORAGE_KEY)); } catch { return null; }
}

function storeTeacher(name: string | null): void {
  try {
    if (name) localStorage.setItem(TEACHER_STORAGE_KEY, name);
    else localStorage.removeItem(TEACHER_STORAGE_KEY);
  } catch { /* private mode or a locked-down webview: the choice lasts this session only */ }
}

/**
 * 今日: the current teacher's overdue and this week's items from the reminders (computed from a fresh
 * read), each going to its child on the roster or pre-filling "记一笔"; the entry form appends to 谈心记录
 * after a preview, and the reminders are recomputed from a fresh read afterwards.
 */
export default function TodayView({ port, lang, today, operation }: ViewProps) {
  const styles = useViewStyles();
  const [data, setData] = useState<Loaded | null>(null);
  const [teacher, setTeacher] = useState<string | null>(storedTeacher);
  const [pending, setPending] = useState<ProposedWrite | null>(null);
  const [prefill, setPrefill] = useState<EntryPrefill | null>(null);
  const nonce = useRef(0);
  const formRef = useRef<HTMLDivElement>(null);
  const busy = operation.running !== null;

  const load = useCallback(async (signal: AbortSignal): Promise<Loaded> => {
    const [snapshot, core] = await Promise.all([port.read(), loadViewsCore()]);
    if (signal.aborted) throw abortError();
    const plan = await core.maintain(snapshot, { today, lang });
    const next = { snapshot, plan, core };
    setData(next);
    return next;
  }, [port, today, lang]);

  const refresh = useCallback(() => operation.run('views.op.read', ({ signal }) => load(signal)), [operation, load]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; refresh changes with every operation state
  useEffect(() => { void refresh(); }, []);

  const items = data?.plan.contacts.reminders.items;
  const teachers = useMemo(() => (data ? teacherChoices(data.plan.pairing.result.mentors, (items ?? []).map((i) => i.owner)) : []), [data, items]);
  const children = useMemo<PickedChild[]>(() => (data ? data.plan.roster.records.map((r) => ({ row: r.row, name: r.name, classLabel: r.classLabel })) : []), [data]);
  const view = data && teacher ? data.core.todayView(data.plan.contacts.reminders.items, teacher) : null;

  const choose = (name: string | null) => { storeTeacher(name); setTeacher(name); };

  const goTo = (item: ReminderItem) => {
    if (!item.child || !data) return;
    const layout = data.plan.roster.layout;
    void port.select({ sheet: layout.sheet, row: item.child.row, col: layout.columns.name ?? 0 }).catch(() => undefined);
  };

  const logFor = (item: ReminderItem) => {
    if (!item.child) return;
    setPrefill({ child: { ...item.child }, kind: item.contactKind ?? 'talk', nonce: ++nonce.current });
    formRef.current?.scrollIntoView?.({ block: 'start' });
  };

  const record = (form: Form) => operation.run('ui.op.prepare', async ({ signal }) => {
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
      ...describePlan(plan, snapshot, lang).filter((l) => l.kind !== 'keep').map((l) => l.text),
      ...entry.entry.children.map((c) => t(lang, 'views.preview.row', { date: entry.entry.date, child: c.name, class: c.classLabel ?? t(lang, 'views.entry.noClass'), kind: kindText })),
    ];
    setPending({ titleKey: 'views.entry.previewTitle', plan, lines, changes: true, after: refresh });
  });

  const statusBadge = (status: ReminderStatus) => (
    <Badge color={BADGE[status].color} appearance={BADGE[status].appearance} shape="rounded">{data?.core.statusText(lang, status)}</Badge>
  );

  return (
    <div className={styles.box}>
      {data && (
        <TeacherPicker key={teacher ?? ''} lang={lang} teachers={teachers} current={teacher} onChoose={choose} disabled={busy} />
      )}
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void refresh()}>{t(lang, 'views.action.refresh')}</Button>
      </div>
      <WritePreview change={pending} port={port} lang={lang} operation={operation} onClose={() => setPending(null)} />
      {data && view && (
        <section className={styles.section} aria-labelledby="today-title">
          <Text as="h2" id="today-title" weight="semibold">{t(lang, 'views.today.hello', { teacher: view.teacher, today })}</Text>
          <div className={styles.row} data-testid="today-counts">
            <Badge color="danger" appearance="filled" shape="rounded" size="large">{t(lang, 'views.today.overdue', { count: view.overdue })}</Badge>
            <Badge color="warning" appearance="filled" shape="rounded" size="large">{t(lang, 'views.today.week', { count: view.dueThisWeek })}</Badge>
          </div>
          <Text as="h3" weight="semibold">{t(lang, 'views.today.list')}</Text>
          {view.items.length === 0 ? <Text>{t(lang, 'views.today.empty')}</Text> : (
            <ul className={styles.plainList} data-testid="today-items">
              {view.items.slice(0, ITEMS_SHOWN).map((item, i) => (
                <li key={i} className={styles.item}>
                  <div className={styles.row}>
                    {statusBadge(item.status)}
                    <Text>{item.due}</Text>
                    <Text weight="semibold">{item.child ? item.child.name : t(lang, 'views.today.school')}</Text>
                    {item.child?.classLabel && <Text>{item.child.classLabel}</Text>}
                  </div>
                  <Text>{data.core.renderMsg(lang, item.what)}</Text>
                  {item.child && (
                    <div className={styles.row}>
                      <Button size="small" aria-label={t(lang, 'views.today.goTo', { child: item.child.name })} onClick={() => goTo(item)}>{item.child.name}</Button>
                      <Button size="small" disabled={busy} aria-label={t(lang, 'views.today.logFor', { child: item.child.name })} onClick={() => logFor(item)}>{t(lang, 'views.today.logForShort')}</Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {view.items.length > ITEMS_SHOWN && <Text size={200}>{t(lang, 'views.today.more', { shown: ITEMS_SHOWN, count: view.items.length })}</Text>}
        </section>
      )}
      {data && teacher && (
        <div ref={formRef}>
          <EntryForm lang={lang} today={today} core={data.core} children={children} recorder={teacher} prefill={prefill} disabled={busy} onRecord={(f) => void record(f)} />
        </div>
      )}
    </div>
  );
}
