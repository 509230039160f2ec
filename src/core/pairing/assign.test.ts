import fc from 'fast-check';
import { assignMentors, identifyChildren, type RoleCells } from './assign';
import { FlowGraph } from './flow';
import { child, mentor } from './testkit';
import type { Mentor, MentorKind, PairingChild, Role } from './types';
import { MENTOR_KINDS } from './types';

const run = (children: PairingChild[], mentors: Mentor[], previous?: Map<string, RoleCells>, fixed?: Map<string, RoleCells>) =>
  assignMentors({ children, mentors, previous, fixed });
const kids = (...cs: ReturnType<typeof child>[]) => identifyChildren(cs.map((c, i) => ({ ...c, row: i + 1 })));

describe('teacher preferences', () => {
  it('prefers the own class teacher, then a teacher of the class, then anyone', () => {
    const children = kids(child('甲', '三(1)班'), child('乙', '三(1)班'), child('丙', '三(1)班'));
    const out = run(children, [mentor('外班老师', '任课教师', ['四(1)班'], 5), mentor('任课', '任课教师', ['三(1)班', '四(1)班'], 1), mentor('班主任', '班主任', ['三(1)班'], 1)]);
    const got = children.map((c) => out.byChild.get(c.key)!.teacher);
    expect(got.map((a) => a.mentor).sort()).toEqual(['任课', '外班老师', '班主任']);
    expect(got.map((a) => a.reason).sort()).toEqual(['class-teacher', 'other-teacher', 'own-class-teacher']);
    for (const a of got) {
      if (a.mentor === '班主任') expect(a.reason).toBe('own-class-teacher');
      if (a.mentor === '任课') expect(a.reason).toBe('class-teacher');
    }
  });

  it('takes party members and leaders as "anyone with room", never above capacity', () => {
    const children = kids(child('甲', '一(1)班'), child('乙', '一(1)班'), child('丙', '一(1)班'));
    const out = run(children, [mentor('党员甲', '党员', [], 1), mentor('领导乙', '领导', [], 1)]);
    const teachers = children.map((c) => out.byChild.get(c.key)!.teacher);
    expect(teachers.filter((a) => a.mentor).length).toBe(2);
    expect(teachers.find((a) => !a.mentor)!.unpaired).toBe('full');
    expect(out.loads.get('党员甲')).toBe(1);
    expect(out.loads.get('领导乙')).toBe(1);
  });

  it('says "no-mentor" when nobody of the kind exists and leaves capacity 0 mentors idle', () => {
    const children = kids(child('甲', '一(1)班'));
    expect(run(children, []).byChild.get(children[0].key)!.teacher.unpaired).toBe('no-mentor');
    const out = run(children, [mentor('满', '任课教师', ['一(1)班'], 0)]);
    expect(out.byChild.get(children[0].key)!.teacher).toMatchObject({ mentor: null, unpaired: 'full' });
  });
});

describe('study buddies', () => {
  it('only pairs a student of the same class', () => {
    const children = kids(child('甲', '一(1)班'), child('乙', '一(2)班'), child('丙', null));
    const out = run(children, [mentor('同学A', '学生', ['一(1)班'], 3)]);
    expect(out.byChild.get(children[0].key)!.buddy).toMatchObject({ mentor: '同学A', reason: 'same-class' });
    expect(out.byChild.get(children[1].key)!.buddy).toMatchObject({ mentor: null, unpaired: 'no-mentor' });
    expect(out.byChild.get(children[2].key)!.buddy).toMatchObject({ mentor: null, unpaired: 'no-class' });
  });

  it('never makes a child their own buddy', () => {
    const children = kids(child('王芳', '一(1)班'), child('李明', '一(1)班'));
    const out = run(children, [mentor('王芳', '学生', ['一(1)班'], 2)]);
    expect(out.byChild.get(children[0].key)!.buddy).toMatchObject({ mentor: null, unpaired: 'no-mentor' });
    expect(out.byChild.get(children[1].key)!.buddy.mentor).toBe('王芳');
  });

  it('reports a full class', () => {
    const children = kids(child('甲', '一(1)班'), child('乙', '一(1)班'));
    const out = run(children, [mentor('同学A', '学生', ['一(1)班'], 1)]);
    expect(children.map((c) => out.byChild.get(c.key)!.buddy.unpaired).sort()).toEqual(['full', null].sort());
  });
});

describe('proxy parents', () => {
  it('go to key-focus children only, preferring the same village', () => {
    const children = kids(
      child('甲', '一(1)班', { keyFocus: true, address: '隆回县六都寨镇石桥村5组' }),
      child('乙', '一(1)班', { keyFocus: false, address: '隆回县六都寨镇石桥村2组' }),
    );
    const out = run(children, [mentor('外村志愿者', '志愿者', [], 2, '大水村'), mentor('同村家长', '代理家长', [], 2, '石桥村')]);
    expect(out.byChild.get(children[0].key)!.proxy).toMatchObject({ mentor: '同村家长', reason: 'same-village' });
    expect(out.byChild.get(children[1].key)!.proxy).toMatchObject({ mentor: null, unpaired: null });
  });

  it('falls back to another village when the own one is full', () => {
    const children = kids(child('甲', null, { keyFocus: true, address: '石桥村' }), child('乙', null, { keyFocus: true, address: '石桥村' }));
    const out = run(children, [mentor('外村', '志愿者', [], 1, '大水村'), mentor('同村', '代理家长', [], 1, '石桥村')]);
    expect(children.map((c) => out.byChild.get(c.key)!.proxy.reason).sort()).toEqual(['other-village', 'same-village']);
  });
});

describe('priorities', () => {
  it('serves key-focus children first when capacity runs short', () => {
    // '甲' (U+7532) sorts after '乙' (U+4E59); without the key-focus bonus the tie would go to 乙.
    const children = kids(child('甲', '一(1)班', { keyFocus: true }), child('乙', '一(1)班'));
    const out = run(children, [mentor('老师', '任课教师', [], 1)]);
    expect(out.byChild.get(children[0].key)!.teacher.mentor).toBe('老师');
    expect(out.byChild.get(children[1].key)!.teacher.unpaired).toBe('full');
  });

  it('breaks a previous pair of a non-key child for a key-focus child', () => {
    const children = kids(child('甲', '一(1)班'), child('乙', '一(1)班', { keyFocus: true }));
    const previous = new Map([[children[0].key, { teacher: '老师', buddy: null, proxy: null }]]);
    const out = run(children, [mentor('老师', '任课教师', [], 1)], previous);
    expect(out.byChild.get(children[1].key)!.teacher.mentor).toBe('老师');
    expect(out.byChild.get(children[0].key)!.teacher.mentor).toBeNull();
  });

  it('keeps a previous pair rather than moving to a better-preferred mentor', () => {
    const children = kids(child('甲', '一(1)班'));
    const mentors = [mentor('班主任', '班主任', ['一(1)班'], 3), mentor('外班', '任课教师', ['二(1)班'], 3)];
    const previous = new Map([[children[0].key, { teacher: '外班', buddy: null, proxy: null }]]);
    expect(run(children, mentors).byChild.get(children[0].key)!.teacher.mentor).toBe('班主任');
    expect(run(children, mentors, previous).byChild.get(children[0].key)!.teacher).toMatchObject({ mentor: '外班', kept: true, reason: 'other-teacher' });
  });

  it('moves a previous pair when it would leave another child unpaired', () => {
    // 甲 had the class head; 乙 can only be served by the head if 甲 moves to the other teacher.
    const children = kids(child('甲', '一(1)班'), child('乙', '一(1)班'));
    const mentors = [mentor('头', '班主任', ['一(1)班'], 1), mentor('二', '任课教师', [], 1)];
    const previous = new Map([[children[0].key, { teacher: '头', buddy: null, proxy: null }]]);
    const out = run(children, mentors, previous);
    expect(children.map((c) => out.byChild.get(c.key)!.teacher.mentor).sort()).toEqual(['二', '头']);
    expect(out.byChild.get(children[0].key)!.teacher.mentor).toBe('头');
  });

  it('drops a previous buddy who is no longer in the child’s class', () => {
    const children = kids(child('甲', '二(1)班'));
    const previous = new Map([[children[0].key, { teacher: null, buddy: '旧同学', proxy: null }]]);
    const out = run(children, [mentor('旧同学', '学生', ['一(1)班'], 1), mentor('新同学', '学生', ['二(1)班'], 1)], previous);
    expect(out.byChild.get(children[0].key)!.buddy).toMatchObject({ mentor: '新同学', kept: false });
  });

  it('lets fixed rows use capacity first and keeps unknown names out of the loads', () => {
    const children = kids(child('甲', '一(1)班'), child('乙', '一(1)班'));
    const fixed = new Map([[children[0].key, { teacher: '老师', buddy: '不认识', proxy: null }]]);
    const out = run(children, [mentor('老师', '任课教师', [], 1)], undefined, fixed);
    expect(out.byChild.get(children[0].key)!.teacher).toMatchObject({ mentor: '老师', kept: true });
    expect(out.byChild.get(children[1].key)!.teacher.unpaired).toBe('full');
    expect(out.unknownFixed).toEqual([{ childKey: children[0].key, role: 'buddy' }]);
    expect(out.loads.get('老师')).toBe(1);
  });
});

describe('identity', () => {
  it('uses the ID number when present, else name and class, and tells exact repeats apart', () => {
    const ids = identifyChildren([child('甲', '一(1)班', { idNumber: '43052420150312001x' }), child('乙', '一(1)班'), child('乙', '一(1)班')]).map((c) => c.key);
    expect(ids).toEqual(['id:43052420150312001X', 'nc:乙|一(1)班', 'nc:乙|一(1)班#2']);
  });
});

describe('FlowGraph', () => {
  it('finds the maximum flow of least cost on a small graph', () => {
    const g = new FlowGraph();
    const [s, a, b, t] = [g.addNode(), g.addNode(), g.addNode(), g.addNode()];
    const sa = g.addEdge(s, a, 2, 1);
    g.addEdge(s, b, 1, 5);
    g.addEdge(a, b, 1, 1);
    g.addEdge(a, t, 1, 10);
    g.addEdge(b, t, 2, 1);
    // Max flow 3: s-a-b-t (3), s-a-t (11), s-b-t (6) = 20.
    expect(g.solve(s, t)).toEqual({ flow: 3, cost: 20 });
    expect(g.flowOn(sa)).toBe(2);
  });

  it('rejects negative costs', () => {
    const g = new FlowGraph();
    expect(() => g.addEdge(g.addNode(), g.addNode(), 1, -1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Optimality against brute force. The scoring restates the rules independently of assign.ts.

const CLASSES = ['一(1)班', '一(2)班'];
const VILLAGES = ['甲村', '乙村'];
const ROLE_OF: Record<MentorKind, Role> = { 班主任: 'teacher', 任课教师: 'teacher', 党员: 'teacher', 领导: 'teacher', 学生: 'buddy', 代理家长: 'proxy', 志愿者: 'proxy' };

function pref(role: Role, c: PairingChild, m: Mentor): number | null {
  if (ROLE_OF[m.kind] !== role) return null;
  const inClass = c.classLabel !== null && m.classes.includes(c.classLabel);
  if (role === 'teacher') return inClass && m.kind === '班主任' ? 0 : inClass && m.kind === '任课教师' ? 1 : 2;
  if (role === 'buddy') return inClass && m.name !== c.name ? 0 : null;
  if (!c.keyFocus) return null;
  return c.village !== null && c.village === m.village ? 0 : 1;
}

/** (served, key-focus served, previous pairs kept, -preference cost): bigger is better, compared in order. */
type Score = [number, number, number, number];
function score(role: Role, children: PairingChild[], pick: (Mentor | null)[], previous: Map<string, RoleCells>): Score {
  const s: Score = [0, 0, 0, 0];
  pick.forEach((m, i) => {
    if (!m) return;
    s[0]++;
    if (children[i].keyFocus) s[1]++;
    if (previous.get(children[i].key)?.[role] === m.name) s[2]++;
    s[3] -= pref(role, children[i], m)!;
  });
  return s;
}
const better = (a: Score, b: Score) => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
};

function bruteForce(role: Role, children: PairingChild[], mentors: Mentor[], previous: Map<string, RoleCells>): Score {
  let best: Score | null = null;
  const pick: (Mentor | null)[] = [];
  const used = new Map<string, number>();
  const visit = (i: number) => {
    if (i === children.length) {
      const s = score(role, children, pick, previous);
      if (!best || better(s, best)) best = s;
      return;
    }
    pick.push(null);
    visit(i + 1);
    pick.pop();
    for (const m of mentors) {
      if (pref(role, children[i], m) === null || (used.get(m.name) ?? 0) >= m.capacity) continue;
      used.set(m.name, (used.get(m.name) ?? 0) + 1);
      pick.push(m);
      visit(i + 1);
      pick.pop();
      used.set(m.name, used.get(m.name)! - 1);
    }
  };
  visit(0);
  return best!;
}

const smallSchool = fc
  .record({
    children: fc.array(fc.record({ cls: fc.constantFrom(...CLASSES, null), key: fc.boolean(), village: fc.constantFrom(...VILLAGES, null) }), { minLength: 1, maxLength: 5 }),
    mentors: fc.array(
      fc.record({ kind: fc.constantFrom(...MENTOR_KINDS), classes: fc.subarray(CLASSES), cap: fc.integer({ min: 0, max: 2 }), village: fc.constantFrom(...VILLAGES, null) }),
      { maxLength: 5 },
    ),
    previous: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 5 }),
  })
  .map(({ children, mentors, previous }) => {
    const kidsList = identifyChildren(children.map((c, i) => child(`c${i}`, c.cls, { keyFocus: c.key, address: c.village ?? '', row: i })));
    const ms = mentors.map((m, i) => mentor(`m${i}`, m.kind, m.kind === '学生' ? m.classes.slice(0, 1) : m.classes, m.cap, m.village));
    const prev = new Map<string, RoleCells>();
    if (ms.length) {
      for (const [c, t, b] of previous) {
        const name = (n: number) => ms[n % ms.length].name;
        prev.set(kidsList[c % kidsList.length].key, { teacher: name(t), buddy: name(b), proxy: name(t + b) });
      }
    }
    return { children: kidsList, mentors: ms, previous: prev };
  });

describe('optimality', () => {
  it('reaches the brute-force optimum (served, key-focus, kept, preference) on small schools', () => {
    fc.assert(
      fc.property(smallSchool, ({ children, mentors, previous }) => {
        const out = run(children, mentors, previous);
        const byName = new Map(mentors.map((m) => [m.name, m]));
        for (const role of ['teacher', 'buddy', 'proxy'] as const) {
          const pick = children.map((c) => byName.get(out.byChild.get(c.key)![role].mentor ?? '') ?? null);
          // The solver's choice is feasible …
          pick.forEach((m, i) => m && expect(pref(role, children[i], m)).not.toBeNull());
          for (const m of mentors) expect(pick.filter((p) => p === m).length).toBeLessThanOrEqual(m.capacity);
          // … and as good as the best of every possible assignment.
          expect(score(role, children, pick, previous)).toEqual(bruteForce(role, children, mentors, previous));
        }
      }),
      { numRuns: 300 },
    );
  });
});
