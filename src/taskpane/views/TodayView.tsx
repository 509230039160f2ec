import { Badge, Button, Text, type BadgeProps } from '@fluentui/react-components';
import { useRef } from 'react';
import type { IsoDate } from '../../core/dates';
import { t, type Lang } from '../../core/i18n';
import './messages';
import type { ReminderItem, ReminderStatus } from '../../core/reminders';
import type { ViewProps } from '../views';
import type { ViewsCore } from './core';
import { EntryForm } from './EntryForm';
import { teacherAddress } from './logic';
import { useViewStyles } from './styles';
import { TeacherPicker } from './TeacherPicker';
import { groupOverdueByChild, itemsIn, type LateItem } from './todayLogic';
import { useToday, type TodayState } from './useToday';
import { WritePreview } from './WritePreview';
import { HeadedSection } from './HeadedSection';

const ITEMS_SHOWN = 50;

const BADGE: Readonly<Record<ReminderStatus, { color: BadgeProps['color']; appearance: BadgeProps['appearance'] }>> = {
  overdue: { color: 'danger', appearance: 'filled' },
  today: { color: 'warning', appearance: 'filled' },
  thisWeek: { color: 'brand', appearance: 'tint' },
  nextWeek: { color: 'informative', appearance: 'outline' },
  later: { color: 'informative', appearance: 'outline' },
};

/**
 * 今日: the current teacher's overdue and this week's items from the reminders (computed from a fresh
 * read; a child's overdue items as one card), each going to its child on the roster or pre-filling "记一笔"; the entry form appends to 谈心记录
 * after a preview, and the reminders are recomputed from a fresh read afterwards.
 */
export default function TodayView(props: ViewProps) {
  const { port, lang, today, operation, openSettings } = props;
  const styles = useViewStyles();
  const formRef = useRef<HTMLDivElement>(null);
  const s = useToday(props, formRef);
  return (
    <div className={styles.box}>
      {s.data && (
        <TeacherPicker
          key={s.teacher ?? ''}
          lang={lang}
          teachers={s.teachers}
          current={s.teacher}
          onChoose={s.choose}
          disabled={s.busy}
          onFillMentors={openSettings ? () => openSettings('mentors') : undefined}
        />
      )}
      <div className={styles.row}>
        <Button disabled={s.busy} onClick={() => void s.refresh()}>
          {t(lang, 'views.action.refresh')}
        </Button>
      </div>
      <WritePreview change={s.pending} port={port} lang={lang} operation={operation} origin="today" onClose={s.closePreview} />
      {s.data && s.view && <TodaySection s={s} core={s.data.core} view={s.view} lang={lang} today={today} />}
      {s.data && s.teacher && (
        <div ref={formRef}>
          <EntryForm
            lang={lang}
            today={today}
            core={s.data.core}
            children={s.children}
            recorder={s.teacher}
            prefill={s.prefill}
            disabled={s.busy}
            onRecord={(f) => void s.record(f)}
            life={{ roster: s.data.plan.roster.records, propose: s.proposeLife }}
          />
        </div>
      )}
    </div>
  );
}

/** The greeting, the counts and the teacher's items. */
function TodaySection({ s, core, view, lang, today }: { s: TodayState; core: ViewsCore; view: NonNullable<TodayState['view']>; lang: Lang; today: IsoDate }) {
  const styles = useViewStyles();
  const entries = groupOverdueByChild(view.items, today);
  const shown = entries.slice(0, ITEMS_SHOWN);
  return (
    <HeadedSection id="today-title" title={t(lang, 'views.today.hello', { teacher: teacherAddress(view.teacher, lang), today })}>
      <div className={styles.row} data-testid="today-counts">
        {/* Red and amber only when there is something to do: 逾期 0 项 is good news, not an alarm. */}
        <Badge color={view.overdue > 0 ? 'danger' : 'informative'} appearance={view.overdue > 0 ? 'filled' : 'tint'} shape="rounded" size="large" data-alarm={view.overdue > 0}>
          {t(lang, 'views.today.overdue', { count: view.overdue })}
        </Badge>
        <Badge
          color={view.dueThisWeek > 0 ? 'warning' : 'informative'}
          appearance={view.dueThisWeek > 0 ? 'filled' : 'tint'}
          shape="rounded"
          size="large"
          data-alarm={view.dueThisWeek > 0}
        >
          {t(lang, 'views.today.week', { count: view.dueThisWeek })}
        </Badge>
      </div>
      <Text as="h3" weight="semibold">
        {t(lang, 'views.today.list')}
      </Text>
      {entries.length === 0 ? (
        <Text>{t(lang, 'views.today.empty')}</Text>
      ) : (
        <ul className={styles.plainList} data-testid="today-items">
          {shown.map((e, i) =>
            e.kind === 'item' ? (
              <ReminderRow key={i} s={s} core={core} item={e.item} lang={lang} />
            ) : (
              <OverdueCard key={i} s={s} core={core} child={e.child} items={e.items} lang={lang} />
            ),
          )}
        </ul>
      )}
      {entries.length > ITEMS_SHOWN && <Text size={200}>{t(lang, 'views.today.more', { shown: itemsIn(shown), count: view.items.length })}</Text>}
    </HeadedSection>
  );
}

/** One item: its status, due day, child and what to do, with buttons to go to the child or log a contact. */
function ReminderRow({ s, core, item, lang }: { s: TodayState; core: ViewsCore; item: ReminderItem; lang: Lang }) {
  const styles = useViewStyles();
  const badge = BADGE[item.status];
  return (
    <li className={styles.item} data-testid="today-item">
      <div className={styles.row}>
        <Badge color={badge.color} appearance={badge.appearance} shape="rounded">
          {core.statusText(lang, item.status)}
        </Badge>
        <Text>{item.due}</Text>
        <Text weight="semibold">{item.child ? item.child.name : t(lang, 'views.today.school')}</Text>
        {item.child?.classLabel && <Text>{item.child.classLabel}</Text>}
      </div>
      <Text>{core.renderMsg(lang, item.what)}</Text>
      {item.child && (
        <div className={styles.row}>
          <Button size="small" aria-label={t(lang, 'views.today.goTo', { child: item.child.name })} onClick={() => s.goTo(item)}>
            {item.child.name}
          </Button>
          <Button size="small" disabled={s.busy} aria-label={t(lang, 'views.today.logFor', { child: item.child.name })} onClick={() => s.logFor(item)}>
            {t(lang, 'views.today.logForShort')}
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * One child's overdue items: the child once, how many items are late, each with its due day and how long
 * ago that was, and the buttons once (记一笔 pre-fills the kind of the most urgent item).
 */
function OverdueCard({ s, core, child, items, lang }: { s: TodayState; core: ViewsCore; child: NonNullable<ReminderItem['child']>; items: readonly LateItem[]; lang: Lang }) {
  const styles = useViewStyles();
  const first = items[0].item;
  const badge = BADGE.overdue;
  return (
    <li className={styles.item} data-testid="today-overdue-card" aria-label={t(lang, 'views.today.overdueCard', { child: child.name })}>
      <div className={styles.row}>
        <Badge color={badge.color} appearance={badge.appearance} shape="rounded">
          {t(lang, 'views.today.overdue', { count: items.length })}
        </Badge>
        <Text weight="semibold">{child.name}</Text>
        {child.classLabel && <Text>{child.classLabel}</Text>}
      </div>
      <ul className={styles.list}>
        {items.map(({ item, daysLate }, i) => (
          <li key={i}>
            <Text>{t(lang, 'views.today.lateItem', { what: core.renderMsg(lang, item.what), due: item.due, days: daysLate })}</Text>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button size="small" aria-label={t(lang, 'views.today.goTo', { child: child.name })} onClick={() => s.goTo(first)}>
          {child.name}
        </Button>
        <Button size="small" disabled={s.busy} aria-label={t(lang, 'views.today.logFor', { child: child.name })} onClick={() => s.logFor(first)}>
          {t(lang, 'views.today.logForShort')}
        </Button>
      </div>
    </li>
  );
}
