/**
 * How 结对 shows the children left unpaired: a reason shared by many children is one line with their count
 * and classes, not one line per child (96 identical lines said nothing a single line would not).
 */
import { t, type Lang } from '../../core/i18n';
import type { UnpairedEntry } from '../../core/pairing/summary';
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
