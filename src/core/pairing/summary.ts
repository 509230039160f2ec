import type { ExistingPairing } from './sheet';
import type { MentorKind, PairingResult, PairingRow, Role, RoleAssignment, UnpairedReason } from './types';
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

/** How many of `rows` have a teacher, a buddy, and (key focus) a proxy parent. */
function coverageOf(rows: readonly PairingRow[]) {
  let withTeacher = 0;
  let withBuddy = 0;
  let keyFocusWithProxy = 0;
  for (const row of rows) {
    if (row.teacher.mentor) withTeacher++;
    if (row.buddy.mentor) withBuddy++;
    if (row.child.keyFocus && row.proxy.mentor) keyFocusWithProxy++;
  }
  return { withTeacher, withBuddy, keyFocusWithProxy };
}

export function pairingStats(result: PairingResult): PairingStats {
  const unpaired: UnpairedEntry[] = [];
  const keyFocus = result.rows.filter((r) => r.child.keyFocus).length;
  for (const row of result.rows) {
    for (const role of ROLES) {
      const reason = row[role].unpaired;
      if (reason) unpaired.push({ childKey: row.child.key, name: row.child.name, classLabel: row.child.classLabel ?? '', keyFocus: row.child.keyFocus, role, reason });
    }
  }
  const loads = result.mentors
    .map((m) => ({ name: m.name, kind: m.kind, load: result.loads.get(m.name) ?? 0, capacity: m.capacity }))
    .sort((a, b) => b.load - a.load || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { children: result.rows.length, keyFocus, ...coverageOf(result.rows), loads, unpaired };
}

/**
 * The pairs the workbook holds now (its 结对帮扶 as read), beside what "生成结对" would write: the pane shows
 * these as the state of things and the computed ones only as a preview (issue 15: 48/48 before anything
 * was written read as done).
 */
export interface HeldPairing {
  /**
   * The roster's children that have a row on 结对帮扶, with the mentors and the day (上次生成) written there
   * (the computed row's other facts kept where the mentor is the same). Empty when the sheet is missing, empty or unreadable.
   */
  readonly rows: readonly PairingRow[];
  /** The sheet has content but could not be read safely: what it holds is unknown. */
  readonly unreadable: boolean;
  /** Counted over every child on the roster (a child without a row counts as without mentors). */
  readonly stats: Pick<PairingStats, 'children' | 'keyFocus' | 'withTeacher' | 'withBuddy' | 'keyFocusWithProxy'>;
  /** "生成结对" would change no pair and add or drop no child: what is held is what it computes. */
  readonly current: boolean;
}

export function heldPairing(existing: ExistingPairing, result: PairingResult, diff: PairingDiff): HeldPairing {
  const byChild = new Map(existing.readable ? existing.rows.filter((r) => r.childKey).map((r) => [r.childKey!, r]) : []);
  const held = (computed: RoleAssignment, written: string | null): RoleAssignment =>
    computed.mentor === written ? computed : { mentor: written, reason: null, kept: true, unpaired: null };
  const rows: PairingRow[] = [];
  for (const row of result.rows) {
    const written = byChild.get(row.child.key);
    if (!written) continue;
    const { cells } = written;
    rows.push({
      ...row,
      teacher: held(row.teacher, cells.teacher),
      buddy: held(row.buddy, cells.buddy),
      proxy: held(row.proxy, cells.proxy),
      // The day the sheet's 上次生成 gives, not the day generating now would write.
      changedOn: written.changedOn,
    });
  }
  const keyFocus = result.rows.filter((r) => r.child.keyFocus).length;
  const unchanged = diff.changes.length === 0 && diff.childrenAdded === 0 && diff.childrenRemoved === 0;
  return {
    rows,
    unreadable: !existing.readable,
    stats: { children: result.rows.length, keyFocus, ...coverageOf(rows) },
    current: existing.readable && rows.length > 0 && unchanged,
  };
}
