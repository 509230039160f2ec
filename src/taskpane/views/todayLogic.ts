/**
 * How 今日 lists a teacher's items: a child's overdue items make one card (30 overdue items for 10 children
 * are 10 cards, each saying what is late and by how long), the rest stay one row each, in the order given.
 */
import { daysBetween, type IsoDate } from '../../core/dates';
import type { ReminderItem } from '../../core/reminders';
import { recordKey } from '../../core/roster/types';

export interface LateItem {
  readonly item: ReminderItem;
  /** Days since it was due (at least 1: an item due today is not overdue). */
  readonly daysLate: number;
}

export type TodayEntry =
  | { readonly kind: 'item'; readonly item: ReminderItem }
  | { readonly kind: 'overdueChild'; readonly child: NonNullable<ReminderItem['child']>; readonly items: readonly LateItem[] };

/**
 * The list's entries: each child's overdue items gathered into one card where the first of them stood (so
 * the list keeps its order: most urgent first), every other item as it was.
 */
export function groupOverdueByChild(items: readonly ReminderItem[], today: IsoDate): TodayEntry[] {
  const entries: TodayEntry[] = [];
  const cards = new Map<string, LateItem[]>();
  for (const item of items) {
    if (item.status !== 'overdue' || !item.child) {
      entries.push({ kind: 'item', item });
      continue;
    }
    const key = recordKey(item.child);
    const late = { item, daysLate: daysBetween(item.due, today) };
    const card = cards.get(key);
    if (card) card.push(late);
    else {
      const list = [late];
      cards.set(key, list);
      entries.push({ kind: 'overdueChild', child: item.child, items: list });
    }
  }
  return entries;
}

/** How many items the first `shown` entries hold (a card holds several). */
export function itemsIn(entries: readonly TodayEntry[]): number {
  return entries.reduce((n, e) => n + (e.kind === 'item' ? 1 : e.items.length), 0);
}
