/**
 * One generated school for the roll-up benches: `children` children with a school year of log rows
 * (about 40 per child: talks, parent calls, guardian contacts, home visits). Deterministic per seed.
 */
import { addDays } from '../src/core/dates';
import type { SummaryChild, SummaryInput, SummaryLogEntry } from '../src/core/summary';

/** Deterministic so runs compare (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTRIES_PER_CHILD = 40;
const KINDS = ['talk', 'talk', 'parentCall', 'parentCall', 'parentCall', 'guardianContact', 'familyCall', 'homeVisit'];
const RELATIONS = ['爷爷', '奶奶', '外公', '外婆', '母亲', '叔叔', '邻居'];

export function school(seed: number, children: number): SummaryInput {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const kids: SummaryChild[] = Array.from({ length: children }, (_, i) => {
    const grade = 1 + (i % 9);
    return {
      key: `c${i}`,
      name: `学生${i}`,
      gender: r() < 0.5 ? '男' : '女',
      grade,
      classLabel: `${grade}年级${1 + Math.floor(r() * 3)}班`,
      leftBehindType: r() < 0.6 ? 'both' : 'one',
      guardianRelation: pick(RELATIONS),
      boarding: r() < 0.4,
      keyFocus: r() < 0.1,
    };
  });
  const teachers = Array.from({ length: 20 }, (_, i) => `教师${i}`);
  const log: SummaryLogEntry[] = [];
  for (const c of kids) {
    for (let k = 0; k < ENTRIES_PER_CHILD; k++) {
      log.push({
        date: addDays('2026-09-01', Math.floor(r() * 365)),
        childKey: c.key,
        classLabel: c.classLabel,
        kind: pick(KINDS),
        target: '',
        recorder: pick(teachers),
        followUp: r() < 0.05,
        followUpDue: null,
        followUpDone: r() < 0.5,
      });
    }
  }
  return {
    children: kids,
    findings: Array.from({ length: 30 }, () => ({ rule: pick(['required', 'phone-format', 'id-checksum']), severity: 'warning' as const })),
    pairs: kids.map((c) => ({ childKey: c.key, teacher: pick(teachers), buddy: r() < 0.7 ? '同学' : '', proxy: r() < 0.3 ? '代理家长' : '' })),
    mentors: teachers.map((name) => ({ name, kind: '任课教师', capacity: 20 })),
    log,
    cadences: { parentCallDays: 14 },
  };
}
