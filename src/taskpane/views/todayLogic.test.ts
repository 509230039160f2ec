import { addDays, type IsoDate } from '../../core/dates';
import type { ReminderItem, ReminderStatus } from '../../core/reminders';
import { groupOverdueByChild, itemsIn } from './todayLogic';

const TODAY: IsoDate = '2026-11-16';

const item = (status: ReminderStatus, due: IsoDate, child: { row: number; name: string; sheet?: string } | null): ReminderItem => ({
  kind: 'contact',
  status,
  due,
  child: child ? { ...child, classLabel: '四(2)班' } : null,
  contactKind: 'talk',
  owner: '徐老师',
  ownerRole: 'mentor',
  what: { key: 'reminders.what.contact' },
  notes: [],
});

describe('groupOverdueByChild', () => {
  it('makes 30 overdue items of 10 children into 10 cards, in the order their first item stood', () => {
    // Sorted as the reminders are: the oldest due first, the children interleaved.
    const items = Array.from({ length: 30 }, (_, i) => item('overdue', addDays(TODAY, -30 + i), { row: 2 + (i % 10), name: `儿童${i % 10}` }));
    const entries = groupOverdueByChild(items, TODAY);
    expect(entries).toHaveLength(10);
    expect(entries.map((e) => (e.kind === 'overdueChild' ? e.child.name : ''))).toEqual(Array.from({ length: 10 }, (_, i) => `儿童${i}`));
    const first = entries[0];
    expect(first.kind === 'overdueChild' && first.items.map((l) => [l.item.due, l.daysLate])).toEqual([
      ['2026-10-17', 30],
      ['2026-10-27', 20],
      ['2026-11-06', 10],
    ]);
    expect(itemsIn(entries)).toBe(30);
  });

  it('leaves items not yet due, and school-wide ones, one row each where they stood', () => {
    const a = { row: 2, name: '魏鑫' };
    const items = [
      item('overdue', '2026-11-10', a),
      item('overdue', '2026-11-12', null),
      item('today', TODAY, a),
      item('overdue', '2026-11-13', a),
      item('thisWeek', '2026-11-18', a),
    ];
    const entries = groupOverdueByChild(items, TODAY);
    expect(entries.map((e) => (e.kind === 'item' ? `item ${e.item.status}` : `card ${e.items.length}`))).toEqual(['card 2', 'item overdue', 'item today', 'item thisWeek']);
  });

  it('tells apart two children on the same row of two class sheets', () => {
    const items = [item('overdue', '2026-11-10', { row: 2, name: '甲', sheet: '一(1)班' }), item('overdue', '2026-11-10', { row: 2, name: '乙', sheet: '一(2)班' })];
    expect(groupOverdueByChild(items, TODAY).filter((e) => e.kind === 'overdueChild')).toHaveLength(2);
  });

  it('has no card when nothing is overdue', () => {
    expect(groupOverdueByChild([item('today', TODAY, { row: 2, name: '甲' })], TODAY).map((e) => e.kind)).toEqual(['item']);
    expect(groupOverdueByChild([], TODAY)).toEqual([]);
  });
});
