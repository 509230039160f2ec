/**
 * Where an operation's progress and notice are drawn: beside the control that started it (its origin's
 * slot, an `OperationStatus` a view places by its buttons) while that slot is on screen, else in the
 * pane's top area (the check on open, a notice whose view has been left). A typed list, so that a slot and
 * the `operation.run` it answers cannot drift apart by a typo.
 */
export type StatusOrigin =
  | 'check'
  | 'mapping'
  | 'findings'
  | 'report'
  | 'preview'
  | 'undo'
  | 'pairing'
  | 'today'
  | 'today-entry'
  | 'summary'
  | 'summary-export'
  | 'summary-rollup'
  | 'settings'
  | 'settings-mentors'
  | 'settings-form'
  | 'settings-roster'
  | 'dossier'
  | 'dossier-class';

/** How many slots of each origin are mounted (a count, not a flag: one unmounting must not hide another still there). */
export type MountedSlots = ReadonlyMap<StatusOrigin, number>;

export const NO_SLOTS: MountedSlots = new Map();

/** The slots after one of `origin` mounted (+1) or unmounted (-1); the same map when nothing changes. */
export function slotsAfter(mounted: MountedSlots, origin: StatusOrigin, delta: 1 | -1): MountedSlots {
  const count = (mounted.get(origin) ?? 0) + delta;
  if (count < 0) return mounted;
  const next = new Map(mounted);
  if (count === 0) next.delete(origin);
  else next.set(origin, count);
  return next;
}

/** The slot that draws what came from `origin`, or null for the top area (no origin, or its slot is not mounted). */
export function placeOf(origin: StatusOrigin | null | undefined, mounted: MountedSlots): StatusOrigin | null {
  return origin && (mounted.get(origin) ?? 0) > 0 ? origin : null;
}
