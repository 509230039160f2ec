import { FlowGraph } from './flow';
import { normalizeName } from '../roster/normalize';
import { compareText, villageOf } from './text';
import type { ChildInput, Mentor, PairingChild, PairReason, Role, RoleAssignment, UnpairedReason } from './types';
import { ROLE_KINDS, ROLES } from './types';

/**
 * The assignment, one min-cost max-flow per role (teacher, buddy and proxy draw on disjoint kinds of
 * mentor, so they never compete and are solved apart).
 *
 * Graph per role:
 *
 *   source --(1, key-focus ? 0 : K)--> child --(1, pref + B)--> group --(∞, 0)--> mentor --(room, 0)--> sink
 *                                            \--(1, pref)---------- previous mentor (direct edge)
 *
 * Groups stand for "every mentor the child would rate at this preference level": the class head of
 * class c, the teachers of class c, any teacher; the students of class c; the proxies of village v,
 * any proxy. A child gets a handful of edges instead of one per mentor, so 5,000 children and 1,200
 * mentors make a graph of tens of thousands of edges, not millions. Every mentor a group reaches costs
 * the same to every child using the group, so any split of the group's flow among its children is
 * equally optimal; it is split in sorted order, which keeps the result deterministic.
 *
 * The solver finds a maximum flow (as many children served as the limits allow) of least cost. With
 * F fixed, cost = K·(non-key served) + B·(served not on their previous pair) + Σ pref, and
 *   B = P·n + 1        — keeping one previous pair outweighs every preference together;
 *   K = (B + P)·n + 1  — serving one more key-focus child outweighs all stability and preference;
 * where n is the number of children in the role and P the largest preference cost. So the order is:
 * most children, then most key-focus children, then most pairs kept, then the best preferences.
 * K is about 2n², so no cost exceeds about 2n³: 2.5·10^11 for n = 5,000, and exact in doubles
 * (below 2^53) up to n ≈ 160,000 children in one role — far beyond any one school.
 *
 * Preference costs: teacher 0 own class head, 1 a teacher of the child's class, 2 anyone else;
 * buddy 0 (same class is a hard limit); proxy 0 same village, 1 elsewhere.
 */

const MAX_PREFERENCE = 2;

export interface RoleCells {
  readonly teacher: string | null;
  readonly buddy: string | null;
  readonly proxy: string | null;
}

export interface AssignInput {
  /** Children in the order their rows are listed; ties are broken by key order, not this order. */
  readonly children: readonly PairingChild[];
  readonly mentors: readonly Mentor[];
  /** Rows kept exactly (locked or hand-edited): their mentors' capacity is consumed first. */
  readonly fixed?: ReadonlyMap<string, RoleCells>;
  /** Pairs on the sheet from last time, for auto rows: kept unless something forces a change. */
  readonly previous?: ReadonlyMap<string, RoleCells>;
  /** Fixed rows whose empty cells are still to be filled (a sheet the school made, taken over once). */
  readonly completeEmpty?: ReadonlySet<string>;
}

export interface ChildAssignment {
  readonly teacher: RoleAssignment;
  readonly buddy: RoleAssignment;
  readonly proxy: RoleAssignment;
}

export interface AssignOutput {
  readonly byChild: ReadonlyMap<string, ChildAssignment>;
  /** Mentor name -> children they now look after (fixed rows included). */
  readonly loads: ReadonlyMap<string, number>;
  /** Mentor names on fixed rows that are not on 帮扶人员 (kept as typed, using no capacity). */
  readonly unknownFixed: readonly { readonly childKey: string; readonly role: Role }[];
}

/** Roster identity for each child: ID number when present, else name + class; exact repeats get '#2', '#3'. */
export function identifyChildren(records: readonly ChildInput[]): PairingChild[] {
  const count = new Map<string, number>();
  return records.map((r) => {
    const id = r.idNumber ? r.idNumber.trim().toUpperCase() : '';
    const name = normalizeName(r.name);
    const base = id ? `id:${id}` : `nc:${name}|${r.classLabel ?? ''}`;
    const seen = (count.get(base) ?? 0) + 1;
    count.set(base, seen);
    return {
      key: seen === 1 ? base : `${base}#${seen}`,
      name,
      classLabel: r.classLabel,
      keyFocus: r.keyFocus,
      village: villageOf(r.address ?? ''),
      row: r.row,
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
    };
  });
}

/** Whether the role applies to the child at all (proxy parents are for key-focus children). */
export function roleApplies(role: Role, child: PairingChild): boolean {
  return role !== 'proxy' || child.keyFocus;
}

/** Preference cost of mentor for child in role, or null when the mentor may not take the child. */
export function preferenceCost(role: Role, child: PairingChild, mentor: Mentor): number | null {
  if (!ROLE_KINDS[role].includes(mentor.kind) || !roleApplies(role, child)) return null;
  const inClass = child.classLabel !== null && mentor.classes.includes(child.classLabel);
  switch (role) {
    case 'teacher':
      return inClass ? (mentor.kind === '班主任' ? 0 : mentor.kind === '任课教师' ? 1 : 2) : 2;
    case 'buddy':
      return inClass && mentor.name !== child.name ? 0 : null;
    case 'proxy':
      return child.village !== null && mentor.village === child.village ? 0 : 1;
  }
}

function reasonFor(role: Role, cost: number): PairReason {
  if (role === 'teacher') return cost === 0 ? 'own-class-teacher' : cost === 1 ? 'class-teacher' : 'other-teacher';
  if (role === 'buddy') return 'same-class';
  return cost === 0 ? 'same-village' : 'other-village';
}

const keyOrder = (a: PairingChild, b: PairingChild) => compareText(a.key, b.key);
const nameOrder = (a: Mentor, b: Mentor) => compareText(a.name, b.name);

export function assignMentors(input: AssignInput): AssignOutput {
  const mentors = [...input.mentors].sort(nameOrder);
  const mentorByName = new Map(mentors.map((m) => [m.name, m]));
  const allFixed = input.fixed ?? new Map<string, RoleCells>();
  const previous = input.previous ?? new Map<string, RoleCells>();
  const completeEmpty = input.completeEmpty ?? new Set<string>();
  /** The child's kept cells for this role's purpose: none where an empty cell is to be completed. */
  const fixedFor = (role: Role, key: string): RoleCells | undefined => {
    const cells = allFixed.get(key);
    return cells && cells[role] === null && completeEmpty.has(key) ? undefined : cells;
  };

  // Fixed rows consume capacity first, whatever column they are in.
  const loads = new Map<string, number>();
  const unknownFixed: { childKey: string; role: Role }[] = [];
  for (const child of input.children) {
    const cells = allFixed.get(child.key);
    if (!cells) continue;
    for (const role of ROLES) {
      const name = cells[role];
      if (!name) continue;
      if (mentorByName.has(name)) loads.set(name, (loads.get(name) ?? 0) + 1);
      else unknownFixed.push({ childKey: child.key, role });
    }
  }

  const result = new Map<string, { teacher?: RoleAssignment; buddy?: RoleAssignment; proxy?: RoleAssignment }>();
  for (const child of input.children) result.set(child.key, {});

  for (const role of ROLES) {
    const roleMentors = mentors.filter((m) => ROLE_KINDS[role].includes(m.kind));
    const open = input.children.filter((c) => !fixedFor(role, c.key) && roleApplies(role, c)).sort(keyOrder);
    const assigned = solveRole(role, open, roleMentors, loads, previous);
    const reasonOf = unpairedReasons(role, roleMentors);
    for (const child of input.children) {
      const slot = result.get(child.key)!;
      const cells = fixedFor(role, child.key);
      if (cells) {
        const mentor = mentorByName.get(cells[role] ?? '');
        // A teacher may give a proxy parent to a child not marked key-focus: judge the pair itself.
        const cost = mentor ? preferenceCost(role, role === 'proxy' ? { ...child, keyFocus: true } : child, mentor) : null;
        slot[role] = {
          mentor: cells[role],
          reason: cost === null ? null : reasonFor(role, cost),
          kept: true,
          unpaired: cells[role] === null && roleApplies(role, child) ? 'kept-empty' : null,
        };
      } else if (!roleApplies(role, child)) {
        slot[role] = { mentor: null, reason: null, kept: false, unpaired: null };
      } else {
        const mentor = assigned.get(child.key) ?? null;
        if (mentor) {
          loads.set(mentor.name, (loads.get(mentor.name) ?? 0) + 1);
          slot[role] = {
            mentor: mentor.name,
            reason: reasonFor(role, preferenceCost(role, child, mentor)!),
            kept: previous.get(child.key)?.[role] === mentor.name,
            unpaired: null,
          };
        } else {
          slot[role] = { mentor: null, reason: null, kept: false, unpaired: reasonOf(child) };
        }
      }
    }
  }
  return { byChild: result as Map<string, ChildAssignment>, loads, unknownFixed };
}

/** Why a child stays unpaired: nobody fits at all, or everybody who fits is full. Indexed by class so it stays linear. */
function unpairedReasons(role: Role, roleMentors: readonly Mentor[]): (child: PairingChild) => UnpairedReason {
  const byClass = new Map<string, Mentor[]>();
  for (const m of roleMentors) for (const c of m.classes) byClass.set(c, [...(byClass.get(c) ?? []), m]);
  return (child) => {
    if (role === 'buddy' && child.classLabel === null) return 'no-class';
    const candidates = role === 'buddy' ? (byClass.get(child.classLabel!) ?? []) : roleMentors;
    return candidates.some((m) => preferenceCost(role, child, m) !== null) ? 'full' : 'no-mentor';
  };
}

/** Group id for a mentor at a preference level: which children may reach it through one edge. */
function groupsOf(role: Role, mentor: Mentor): string[] {
  switch (role) {
    case 'teacher': {
      const own = mentor.kind === '班主任' ? mentor.classes.map((c) => `head|${c}`) : mentor.kind === '任课教师' ? mentor.classes.map((c) => `class|${c}`) : [];
      return [...own, 'any'];
    }
    case 'buddy':
      return mentor.classes.slice(0, 1).map((c) => `class|${c}`);
    case 'proxy':
      return [...(mentor.village ? [`village|${mentor.village}`] : []), 'any'];
  }
}

/** The groups a child may use, with the preference cost every mentor in that group has for the child. */
function childGroups(role: Role, child: PairingChild): { group: string; cost: number }[] {
  const c = child.classLabel;
  switch (role) {
    case 'teacher':
      return [
        ...(c !== null
          ? [
              { group: `head|${c}`, cost: 0 },
              { group: `class|${c}`, cost: 1 },
            ]
          : []),
        { group: 'any', cost: 2 },
      ];
    case 'buddy':
      return c !== null ? [{ group: `class|${c}`, cost: 0 }] : [];
    case 'proxy':
      return [...(child.village ? [{ group: `village|${child.village}`, cost: 0 }] : []), { group: 'any', cost: 1 }];
  }
}

function solveRole(
  role: Role,
  children: readonly PairingChild[],
  mentors: readonly Mentor[],
  loads: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, RoleCells>,
): Map<string, Mentor> {
  const out = new Map<string, Mentor>();
  if (!children.length || !mentors.length) return out;
  const n = children.length;
  const B = MAX_PREFERENCE * n + 1;
  const K = (B + MAX_PREFERENCE) * n + 1;

  const g = new FlowGraph();
  const source = g.addNode();
  const sink = g.addNode();
  const mentorNode = new Map<string, number>();
  for (const m of mentors) {
    const node = g.addNode();
    mentorNode.set(m.name, node);
    g.addEdge(node, sink, Math.max(0, m.capacity - (loads.get(m.name) ?? 0)), 0);
  }
  const groupNode = new Map<string, number>();
  const groupEdges = new Map<string, { mentor: Mentor; edge: number }[]>();
  for (const m of mentors) {
    for (const id of groupsOf(role, m)) {
      let node = groupNode.get(id);
      if (node === undefined) {
        node = g.addNode();
        groupNode.set(id, node);
        groupEdges.set(id, []);
      }
      groupEdges.get(id)!.push({ mentor: m, edge: g.addEdge(node, mentorNode.get(m.name)!, n, 0) });
    }
  }

  const byName = new Map(mentors.map((m) => [m.name, m]));
  const studentSeats = new Set(role === 'buddy' ? mentors.map((m) => `${m.name}|${m.classes[0] ?? ''}`) : []);
  const childEdges: { child: PairingChild; group: string | null; mentor: Mentor | null; edge: number }[] = [];
  for (const child of children) {
    const node = g.addNode();
    g.addEdge(source, node, 1, child.keyFocus ? 0 : K);
    const prevName = previous.get(child.key)?.[role] ?? null;
    const prev = prevName ? byName.get(prevName) : undefined;
    const prevCost = prev ? preferenceCost(role, child, prev) : null;
    if (prev && prevCost !== null) {
      childEdges.push({ child, group: null, mentor: prev, edge: g.addEdge(node, mentorNode.get(prev.name)!, 1, prevCost) });
    }
    // A buddy group holds the child's own name when a classmate mentor shares it: go direct instead.
    const clash = role === 'buddy' && child.classLabel !== null && studentSeats.has(`${child.name}|${child.classLabel}`);
    if (clash) {
      for (const m of mentors) {
        const cost = preferenceCost(role, child, m);
        if (cost !== null && m !== prev) childEdges.push({ child, group: null, mentor: m, edge: g.addEdge(node, mentorNode.get(m.name)!, 1, cost + B) });
      }
      continue;
    }
    for (const { group, cost } of childGroups(role, child)) {
      const target = groupNode.get(group);
      if (target !== undefined) childEdges.push({ child, group, mentor: null, edge: g.addEdge(node, target, 1, cost + B) });
    }
  }

  g.solve(source, sink);

  // Share each group's flow among the children who used it, in key order.
  const remaining = new Map<string, { mentor: Mentor; left: number }[]>();
  for (const [id, edges] of groupEdges)
    remaining.set(
      id,
      edges.map(({ mentor, edge }) => ({ mentor, left: g.flowOn(edge) })).filter((x) => x.left > 0),
    );
  for (const ce of childEdges) {
    if (g.flowOn(ce.edge) === 0) continue;
    if (ce.mentor) {
      out.set(ce.child.key, ce.mentor);
      continue;
    }
    const slots = remaining.get(ce.group!)!;
    const slot = slots[0];
    out.set(ce.child.key, slot.mentor);
    if (--slot.left === 0) slots.shift();
  }
  return out;
}
