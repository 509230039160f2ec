/**
 * How 结对 shows the children left unpaired: a reason shared by many children is one line with their count
 * and classes, not one line per child (96 identical lines said nothing a single line would not).
 */
import { t, type Lang } from '../../core/i18n';
import type { HeldPairing, PairingStats, UnpairedEntry } from '../../core/pairing/summary';
import { ROLES, type Role, type UnpairedReason } from '../../core/pairing/types';

/** The classes a group names before "and N more": enough to recognise, short enough for a 350 px pane. */
export const CLASSES_NAMED = 3;

export interface UnpairedGroup {
  readonly role: Role;
  readonly reason: UnpairedReason;
  /** Children in the group (each child appears once per role). */
  readonly count: number;
  /** The children's classes, each once, in roster order; '' for a child with no class. */
  readonly classes: readonly string[];
}

/** One group per role and reason, the largest first (then in role order), so the commonest gap leads. */
export function groupUnpaired(unpaired: readonly UnpairedEntry[]): UnpairedGroup[] {
  const groups = new Map<string, { role: Role; reason: UnpairedReason; count: number; classes: Set<string> }>();
  for (const u of unpaired) {
    const id = `${u.role}\u0000${u.reason}`;
    let g = groups.get(id);
    if (!g) {
      g = { role: u.role, reason: u.reason, count: 0, classes: new Set() };
      groups.set(id, g);
    }
    g.count++;
    g.classes.add(u.classLabel);
  }
  return [...groups.values()]
    .map((g) => ({ role: g.role, reason: g.reason, count: g.count, classes: [...g.classes] }))
    .sort((a, b) => b.count - a.count || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}

/** The classes a group names, and how many more it only counts. */
export function namedClasses(classes: readonly string[]): { readonly named: readonly string[]; readonly more: number } {
  return { named: classes.slice(0, CLASSES_NAMED), more: Math.max(0, classes.length - CLASSES_NAMED) };
}

/** The lines 结对 shows for the children left unpaired: one per role and reason, with the count and classes. */
export function unpairedLines(lang: Lang, unpaired: readonly UnpairedEntry[]): string[] {
  return groupUnpaired(unpaired).map((g) => {
    const { named, more } = namedClasses(g.classes.map((c) => c || t(lang, 'views.entry.noClass')));
    const list = named.join(t(lang, 'views.pairing.classSep'));
    return t(lang, 'views.pairing.unpairedGroup', {
      role: t(lang, `pairing.role.${g.role}`),
      reason: t(lang, `pairing.unpaired.${g.reason}`),
      count: g.count,
      classes: more > 0 ? t(lang, 'views.pairing.classesMore', { classes: list, more }) : list,
    });
  });
}

/**
 * What 结对 says about the pairs the workbook holds: none yet (no 结对帮扶, or no row for any child on the
 * roster), unknown (unreadable), the same as "生成结对" would write, or different from it. Only when
 * they are the same are the computed figures the workbook's; otherwise they are a preview.
 */
export type HeldStatus = 'none' | 'unreadable' | 'current' | 'differs';

export function heldStatus(held: HeldPairing): HeldStatus {
  if (held.unreadable) return 'unreadable';
  if (held.rows.length === 0) return 'none';
  return held.current ? 'current' : 'differs';
}

/** The computed figures are shown as what "生成结对" would make, not as the workbook's. */
export function showsPreview(held: HeldPairing): boolean {
  return heldStatus(held) !== 'current';
}

type Coverage = Pick<PairingStats, 'children' | 'keyFocus' | 'withTeacher' | 'withBuddy' | 'keyFocusWithProxy'>;

/**
 * The three coverage lines: `held` says what the workbook holds now; `after` says, on every line, that it
 * is what generating would make (a line read alone must not pass for done). `share` formats part of whole.
 */
export function coverageLines(lang: Lang, c: Coverage, mode: 'held' | 'after', share: (part: number, whole: number) => string): string[] {
  const key = (what: string) => (mode === 'after' ? `views.pairing.after.${what}` : `views.pairing.${what}`);
  return [
    t(lang, key('withTeacher'), { count: c.withTeacher, total: c.children, share: share(c.withTeacher, c.children) }),
    t(lang, key('withBuddy'), { count: c.withBuddy, total: c.children, share: share(c.withBuddy, c.children) }),
    t(lang, key('withProxy'), { count: c.keyFocusWithProxy, total: c.keyFocus, share: share(c.keyFocusWithProxy, c.keyFocus) }),
  ];
}
