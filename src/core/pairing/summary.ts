import type { ExistingPairing } from './sheet';
import type { MentorKind, PairingResult, Role, UnpairedReason } from './types';
import { ROLES } from './types';

/** One pair that "生成结对" would add, change or remove; the pane shows these before writing. */
export interface PairChange {
  readonly change: 'new' | 'changed' | 'removed';
  readonly role: Role;
  readonly name: string;
  readonly classLabel: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface PairingDiff {
  readonly changes: readonly PairChange[];
  /** Children getting a row for the first time, and rows dropped because the child left the roster. */
  readonly childrenAdded: number;
  readonly childrenRemoved: number;
}

/** What writing `next` would do to the 结对帮扶 sheet read as `previous`. */
export function pairingDiff(previous: ExistingPairing, next: PairingResult): PairingDiff {
  const changes: PairChange[] = [];
  const before = new Map(previous.rows.filter((r) => r.childKey).map((r) => [r.childKey!, r]));
  let childrenAdded = 0;
  for (const row of next.rows) {
    const old = before.get(row.child.key);
    if (!old) childrenAdded++;
    for (const role of ROLES) {
      const a = old?.cells[role] ?? null;
      const b = row[role].mentor;
      if (a === b) continue;
      const change = a === null ? 'new' : b === null ? 'removed' : 'changed';
      changes.push({ change, role, name: row.child.name, classLabel: row.child.classLabel ?? '', before: a, after: b });
    }
  }
  let childrenRemoved = 0;
  for (const r of previous.rows) {
    if (r.childKey) continue;
    childrenRemoved++;
    for (const role of ROLES) {
      const a = r.cells[role];
      if (a !== null) changes.push({ change: 'removed', role, name: r.name, classLabel: r.classLabel, before: a, after: null });
    }
  }
  return { changes, childrenAdded, childrenRemoved };
}

export interface MentorLoad {
  readonly name: string;
  readonly kind: MentorKind;
  readonly load: number;
  readonly capacity: number;
}

export interface UnpairedEntry {
  readonly childKey: string;
  readonly name: string;
  readonly classLabel: string;
  readonly keyFocus: boolean;
  readonly role: Role;
  readonly reason: UnpairedReason;
}

export interface PairingStats {
  readonly children: number;
  readonly keyFocus: number;
  readonly withTeacher: number;
  readonly withBuddy: number;
  /** Key-focus children with a proxy parent (the role applies to them only). */
  readonly keyFocusWithProxy: number;
  /** Every mentor, busiest first (then by name), so the pane can show who has too many or none. */
  readonly loads: readonly MentorLoad[];
  readonly unpaired: readonly UnpairedEntry[];
}

export function pairingStats(result: PairingResult): PairingStats {
  const unpaired: UnpairedEntry[] = [];
  let withTeacher = 0;
  let withBuddy = 0;
  let keyFocus = 0;
  let keyFocusWithProxy = 0;
  for (const row of result.rows) {
    if (row.teacher.mentor) withTeacher++;
    if (row.buddy.mentor) withBuddy++;
    if (row.child.keyFocus) {
      keyFocus++;
      if (row.proxy.mentor) keyFocusWithProxy++;
    }
    for (const role of ROLES) {
      const reason = row[role].unpaired;
      if (reason) unpaired.push({ childKey: row.child.key, name: row.child.name, classLabel: row.child.classLabel ?? '', keyFocus: row.child.keyFocus, role, reason });
    }
  }
  const loads = result.mentors
    .map((m) => ({ name: m.name, kind: m.kind, load: result.loads.get(m.name) ?? 0, capacity: m.capacity }))
    .sort((a, b) => b.load - a.load || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { children: result.rows.length, keyFocus, withTeacher, withBuddy, keyFocusWithProxy, loads, unpaired };
}
