/**
 * Property tests on random schools, run through the whole pipeline: 帮扶人员 sheet -> planPairing ->
 * 结对帮扶 sheet -> (teacher edits) -> planPairing again.
 */
import fc from 'fast-check';
import type { CellValue } from '../cells';
import { SHEETS } from '../sheets';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { planPairing, PAIRING_HEADERS, preferenceCost } from './index';
import { child, mentor, mentorRows, mentorSheet, sheetFromOp, simpleClass, withSheet, workbookOf } from './testkit';
import type { ChildInput, Mentor, PairingResult, Role } from './types';
import { MENTOR_KINDS, ROLE_KINDS, ROLES } from './types';

const CLASSES = ['一(1)班', '一(2)班', '二(1)班'];
const VILLAGES = ['甲村', '乙村', '丙村'];

interface School {
  readonly children: ChildInput[];
  readonly mentors: Mentor[];
}

const schoolArb: fc.Arbitrary<School> = fc
  .record({
    children: fc.array(
      fc.record({ cls: fc.option(fc.constantFrom(...CLASSES), { freq: 8 }), key: fc.boolean(), village: fc.option(fc.constantFrom(...VILLAGES), { freq: 4 }), id: fc.boolean() }),
      { maxLength: 30 },
    ),
    mentors: fc.array(
      fc.record({
        kind: fc.constantFrom(...MENTOR_KINDS),
        classes: fc.subarray(CLASSES, { maxLength: 2 }),
        cap: fc.integer({ min: 0, max: 3 }),
        village: fc.option(fc.constantFrom(...VILLAGES)),
      }),
      { maxLength: 15 },
    ),
  })
  .map(({ children, mentors }) => ({
    children: children.map((c, i) => child(`童${i}`, c.cls, { keyFocus: c.key, address: c.village ? `某镇${c.village}3组` : '', row: i + 1, idNumber: c.id ? `ID${i}` : null })),
    mentors: mentors.map((m, i) => mentor(`人${i}`, m.kind, m.kind === '学生' ? m.classes.slice(0, 1) : m.classes, m.cap, m.village)),
  }));

const plan = (wb: WorkbookSnapshot, children: ChildInput[]) => planPairing(wb, children, 'zh-CN', { today: '2025-09-15', normalizeClass: simpleClass });
const written = (wb: WorkbookSnapshot, p: ReturnType<typeof plan>) => withSheet(wb, sheetFromOp(p.ops.find((o) => o.kind === 'replaceSheet')!));
const pairsOf = (r: PairingResult) => new Map(r.rows.map((row) => [row.child.key, ROLES.map((role) => row[role].mentor)]));
const ROLE_COL: Record<Role, number> = { teacher: 3, buddy: 4, proxy: 5 };

function checkInvariants(result: PairingResult, fixedLoad: ReadonlyMap<string, number> = new Map()) {
  const byName = new Map(result.mentors.map((m) => [m.name, m]));
  const autoLoad = new Map<string, number>();
  for (const row of result.rows) {
    if (row.source !== 'auto') continue;
    for (const role of ROLES) {
      const name = row[role].mentor;
      if (!name) continue;
      const m = byName.get(name)!;
      // Every automatic pair fits: kind, class for buddies, key-focus for proxies.
      expect(preferenceCost(role, row.child, m)).not.toBeNull();
      if (role === 'buddy') expect(m.classes[0]).toBe(row.child.classLabel);
      autoLoad.set(name, (autoLoad.get(name) ?? 0) + 1);
    }
  }
  for (const m of result.mentors) expect(autoLoad.get(m.name) ?? 0).toBeLessThanOrEqual(Math.max(0, m.capacity - (fixedLoad.get(m.name) ?? 0)));
}

describe('pairing on random schools', () => {
  it('never exceeds capacity, keeps buddies in class, and pairs everyone whenever capacity allows', () => {
    fc.assert(
      fc.property(schoolArb, ({ children, mentors }) => {
        const p = plan(workbookOf(mentorSheet(mentorRows(mentors))), children);
        const result = p.result;
        checkInvariants(result);
        const rows = result.rows;
        const capOf = (role: Role, filter: (m: Mentor) => boolean = () => true) =>
          result.mentors.filter((m) => ROLE_KINDS[role].includes(m.kind) && filter(m)).reduce((s, m) => s + m.capacity, 0);
        // Teachers and proxies can take any child of their role, so coverage is simply capped by capacity.
        expect(rows.filter((r) => r.teacher.mentor).length).toBe(Math.min(rows.length, capOf('teacher')));
        const key = rows.filter((r) => r.child.keyFocus);
        expect(key.filter((r) => r.proxy.mentor).length).toBe(Math.min(key.length, capOf('proxy')));
        for (const cls of CLASSES) {
          const inClass = rows.filter((r) => r.child.classLabel === cls);
          expect(inClass.filter((r) => r.buddy.mentor).length).toBe(
            Math.min(
              inClass.length,
              capOf('buddy', (m) => m.classes[0] === cls),
            ),
          );
        }
        // Unpaired children carry a reason.
        for (const r of rows) for (const role of ROLES) if (!r[role].mentor && (role !== 'proxy' || r.child.keyFocus)) expect(r[role].unpaired).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves a key-focus child unpaired while a non-key child holds a slot they could have had', () => {
    fc.assert(
      fc.property(schoolArb, ({ children, mentors }) => {
        const { result } = plan(workbookOf(mentorSheet(mentorRows(mentors))), children);
        const byName = new Map(result.mentors.map((m) => [m.name, m]));
        for (const role of ['teacher', 'buddy'] as const) {
          const waiting = result.rows.filter((r) => r.child.keyFocus && !r[role].mentor);
          const holders = result.rows.filter((r) => !r.child.keyFocus && r[role].mentor);
          for (const k of waiting) for (const h of holders) expect(preferenceCost(role, k.child, byName.get(h[role].mentor!)!)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('changes nothing on a second run, and gives the same pairs whatever the row order', () => {
    fc.assert(
      fc.property(schoolArb, fc.integer(), ({ children, mentors }, seed) => {
        const wb = workbookOf(mentorSheet(mentorRows(mentors)));
        const first = plan(wb, children);
        const second = plan(written(wb, first), children);
        expect(second.diff.changes).toEqual([]);
        expect(pairsOf(second.result)).toEqual(pairsOf(first.result));
        // Shuffled roster and mentor rows: the same pairs for the same children.
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => [((i + 1) * 2654435761 + seed) >>> 0, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const shuffled = plan(workbookOf(mentorSheet(mentorRows(shuffle(mentors)))), shuffle(children));
        expect(pairsOf(shuffled.result)).toEqual(pairsOf(first.result));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps locked and hand-edited rows exactly through roster and mentor changes', () => {
    const editArb = fc.array(fc.record({ what: fc.constantFrom('none', 'lock', 'hand', 'release'), role: fc.constantFrom(...ROLES), to: fc.nat() }), { maxLength: 30 });
    fc.assert(
      fc.property(
        schoolArb,
        editArb,
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 15 }),
        ({ children, mentors }, edits, childLeaves, mentorLeaves) => {
          const wb = workbookOf(mentorSheet(mentorRows(mentors)));
          const first = plan(wb, children);
          const sheet = sheetFromOp(first.ops.find((o) => o.kind === 'replaceSheet')!);
          const values = sheet.values.map((line) => [...line]);
          const expectedKept = new Map<string, CellValue[]>();
          first.result.rows.forEach((row, i) => {
            const e = edits[i];
            if (!e || e.what === 'none') return;
            const line = values[i + 2];
            if (e.what === 'lock') line[6] = '是';
            if (e.what === 'release') line[6] = '否';
            if (e.what === 'hand') {
              const names = ['', ...mentors.map((m) => m.name)];
              line[ROLE_COL[e.role]] = names[e.to % names.length];
            }
            const changed = ROLES.some((role) => line[ROLE_COL[role]] !== (row[role].mentor ?? ''));
            if (line[6] === '是' || (line[6] !== '否' && changed)) expectedKept.set(String(line[0]), line.slice(3, 6));
          });
          const edited: SheetSnapshot = { ...sheet, values };
          const stay = children.filter((_, i) => !childLeaves[i]);
          const newcomers = [child('新童甲', CLASSES[0], { row: 100 }), child('新童乙', CLASSES[1], { row: 101, keyFocus: true })];
          const stayMentors = mentors.filter((_, i) => !mentorLeaves[i]);
          const wb2 = withSheet(withSheet(wb, edited), mentorSheet(mentorRows(stayMentors)));
          const second = plan(wb2, [...stay, ...newcomers]);

          const rows2 = second.result.rows;
          expect(rows2.map((r) => r.child.name)).toEqual([...stay, ...newcomers].map((c) => c.name));
          const fixedLoad = new Map<string, number>();
          for (const r of rows2) {
            const kept = expectedKept.get(r.child.name);
            if (!kept) continue;
            expect(ROLES.map((role) => r[role].mentor ?? '')).toEqual(kept);
            expect(r.source).not.toBe('auto');
            for (const role of ROLES) if (r[role].mentor) fixedLoad.set(r[role].mentor, (fixedLoad.get(r[role].mentor) ?? 0) + 1);
          }
          checkInvariants(second.result, fixedLoad);
          // Stability never outranks key-focus children: no kept non-key pair blocks a waiting key child.
          const byName = new Map(second.result.mentors.map((m) => [m.name, m]));
          const auto = rows2.filter((r) => r.source === 'auto');
          for (const role of ['teacher', 'buddy'] as const) {
            for (const k of auto.filter((r) => r.child.keyFocus && !r[role].mentor)) {
              for (const h of auto.filter((r) => !r.child.keyFocus && r[role].mentor)) expect(preferenceCost(role, k.child, byName.get(h[role].mentor!)!)).toBeNull();
            }
          }
          // Nobody who left is named on an automatic row.
          const gone = new Set(mentors.filter((_, i) => mentorLeaves[i]).map((m) => m.name));
          for (const r of rows2) if (r.source === 'auto') for (const role of ROLES) expect(gone.has(r[role].mentor ?? '')).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('sheet names', () => {
  it('the pipeline writes the 结对帮扶 sheet with the documented headers', () => {
    const p = plan(workbookOf(mentorSheet([])), [child('甲', CLASSES[0])]);
    const op = p.ops.find((o) => o.kind === 'replaceSheet')!;
    expect(op.sheet).toBe(SHEETS.pairing);
    if (op.kind === 'replaceSheet') expect(op.content.columns.map((c) => c.header)).toEqual(Object.values(PAIRING_HEADERS));
  });
});
