import type { CellValue } from '../cells';
import { t } from '../i18n';
import '../i18n/all';
import type { PlanOp, SheetContent } from '../plan/types';
import { SHEETS } from '../sheets';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { planPairing, PAIRING_HEADERS } from './index';
import { child, mentor, mentorRows, mentorSheet, sheetFromOp, simpleClass, withSheet, workbookOf } from './testkit';
import type { ChildInput, Mentor } from './types';

const plan = (wb: WorkbookSnapshot, records: ChildInput[], lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
  planPairing(wb, records, lang, { today: '2025-09-15', normalizeClass: simpleClass });
const pairingOp = (ops: readonly PlanOp[]) => ops.find((o) => o.kind === 'replaceSheet' && o.sheet === SHEETS.pairing);
const contentOf = (ops: readonly PlanOp[]): SheetContent => {
  const op = pairingOp(ops);
  if (!op || op.kind !== 'replaceSheet') throw new Error('no 结对帮扶 op');
  return op.content;
};
const colOf = (header: string) => Object.values(PAIRING_HEADERS).indexOf(header as never);

/** Change cells of the written sheet the way a teacher would: by child name and column header. */
function edit(sheet: SheetSnapshot, name: string, header: string, value: CellValue): SheetSnapshot {
  const values = sheet.values.map((line) => [...line]);
  const row = values.findIndex((line, i) => i > 1 && line[0] === name);
  if (row < 0) throw new Error(`no row for ${name}`);
  values[row][colOf(header)] = value;
  return { ...sheet, values };
}
const rowOf = (sheet: SheetSnapshot, name: string) => sheet.values.find((line, i) => i > 1 && line[0] === name)!;
const cellsOf = (sheet: SheetSnapshot, name: string) => rowOf(sheet, name).slice(colOf('帮扶教师'), colOf('代理家长') + 1);

const mentorsWb = (mentors: Mentor[]) => workbookOf(mentorSheet(mentorRows(mentors)));

const MENTORS = [
  mentor('张老师', '班主任', ['一(1)班'], 2),
  mentor('李老师', '任课教师', ['一(1)班'], 2),
  mentor('王同学', '学生', ['一(1)班'], 1),
  mentor('赵同学', '学生', ['一(1)班'], 1),
  mentor('陈阿姨', '代理家长', [], 2, '石桥村'),
];
const CHILDREN = [
  child('小红', '一(1)班', { row: 3, keyFocus: true, address: '石桥村2组' }),
  child('小明', '一(1)班', { row: 4, idNumber: '430524201503120011' }),
  child('小刚', '一(1)班', { row: 5 }),
];

function firstRun(mentors = MENTORS, children = CHILDREN) {
  const wb = mentorsWb(mentors);
  const p = plan(wb, children);
  return { wb: withSheet(wb, sheetFromOp(pairingOp(p.ops)!)), plan: p };
}

describe('结对帮扶 plan', () => {
  it('dates each row in 上次生成 the day the add-in wrote its mentors, and keeps that day while they stay', () => {
    const { wb } = firstRun();
    const later = planPairing(wb, CHILDREN, 'zh-CN', { today: '2025-10-20', normalizeClass: simpleClass });
    expect(later.result.rows.map((r) => r.changedOn)).toEqual(['2025-09-15', '2025-09-15', '2025-09-15']);
    // 小红's teacher leaves 帮扶人员: her row gets another teacher on 10-20; the others keep their day.
    const { wb: first } = firstRun();
    const sheet = first.sheets.find((x) => x.name === SHEETS.pairing)!;
    const redTeacher = String(cellsOf(sheet, '小红')[0]);
    const moved = planPairing(withSheet(first, mentorSheet(mentorRows(MENTORS.filter((m) => m.name !== redTeacher)))), CHILDREN, 'zh-CN', {
      today: '2025-10-20',
      normalizeClass: simpleClass,
    });
    const red = moved.result.rows.find((r) => r.child.name === '小红')!;
    expect([red.changedOn, red.stamp.endsWith('.d20251020')]).toEqual(['2025-10-20', true]);
    // A stamp written before dates were kept reads with no day, and stays without one while nothing changes.
    const undated = { ...sheet, values: sheet.values.map((line) => line.map((v) => (typeof v === 'string' ? v.replace(/\.d\d{8}$/, '') : v))) };
    const again = plan(withSheet(first, undated), CHILDREN);
    expect(again.result.rows.map((r) => r.changedOn)).toEqual([null, null, null]);
    expect(again.diff.changes).toEqual([]);
  });

  it('writes one row per child with the pairs, status, why, and a stamp; mentors by kind in dropdowns', () => {
    const { plan: p } = firstRun();
    const content = contentOf(p.ops);
    expect(content.columns.map((c) => c.header)).toEqual(['姓名', '班级', '重点帮扶', '帮扶教师', '学习帮手', '代理家长', '锁定', '状态', '说明', '上次生成']);
    expect(content.columns[3].validation).toEqual({ list: ['张老师', '李老师'] });
    expect(content.columns[4].validation).toEqual({ list: ['王同学', '赵同学'] });
    expect(content.columns[5].validation).toEqual({ list: ['陈阿姨'] });
    expect(content.columns[6].validation).toEqual({ list: ['是', '否'] });
    // Only the bookkeeping column 上次生成 is hidden.
    expect(content.columns.map((c) => c.hidden === true)).toEqual([false, false, false, false, false, false, false, false, false, true]);
    expect(content.rows.map((r) => r[0])).toEqual(['小红', '小明', '小刚']);
    const red = content.rows[0];
    expect(red.slice(2, 6)).toEqual(['是', '张老师', expect.stringMatching(/同学$/), '陈阿姨']);
    expect(red[8]).toContain('本班班主任');
    expect(red[8]).toContain('同村');
    expect(red[9]).toMatch(/^[0-9a-z]+\.[0-9a-z]+\.d20250915$/);
    // Two buddies for three children: the one left over is flagged and says why.
    const missing = t('zh-CN', 'pairing.status.missing');
    const flagged = content.rows.filter((r) => r[7] === missing);
    expect(flagged).toHaveLength(1);
    expect(flagged[0][8]).toContain(t('zh-CN', 'pairing.unpaired.full'));
    expect(content.highlights).toEqual([expect.objectContaining({ col: 7, equals: missing })]);
    // The mentors sheet exists, so no template is added.
    expect(p.ops.some((o) => o.kind === 'createSheetIfMissing')).toBe(false);
  });

  it('adds the 帮扶人员 template when the sheet is missing and still writes 结对帮扶', () => {
    const p = plan(workbookOf(), CHILDREN);
    expect(p.ops.map((o) => [o.kind, o.sheet])).toEqual([
      ['createSheetIfMissing', SHEETS.mentors],
      ['replaceSheet', SHEETS.pairing],
    ]);
    expect(p.findings.map((f) => f.rule)).toEqual(['mentor-sheet-missing']);
    expect(p.stats.unpaired.map((u) => u.reason)).toEqual(['no-mentor', 'no-mentor', 'no-mentor', 'no-mentor', 'no-mentor', 'no-mentor', 'no-mentor']);
  });

  it('falls back to the 帮扶人员 name column when a literal list would pass Excel’s 255 characters', () => {
    const many = Array.from({ length: 60 }, (_, i) => mentor(`学生${String(i).padStart(3, '0')}`, '学生', ['一(1)班'], 1));
    const content = contentOf(plan(mentorsWb([...MENTORS, ...many]), CHILDREN).ops);
    expect(content.columns[4].validation).toEqual({ sourceSheet: SHEETS.mentors, sourceCol: 0, firstRow: 1 });
    expect(content.columns[3].validation).toEqual({ list: ['张老师', '李老师'] });
  });

  it('writes 说明 and status in the user’s language', () => {
    const content = contentOf(plan(mentorsWb(MENTORS), CHILDREN, 'en-US').ops);
    expect(content.rows[0][8]).toContain('own class teacher');
    expect(content.titleLines![0]).toMatch(/^Pairs/);
  });
});

describe('keeping what teachers chose', () => {
  it('changes nothing on a second run with nothing changed', () => {
    const { wb, plan: first } = firstRun();
    const second = plan(wb, CHILDREN);
    expect(second.diff).toEqual({ changes: [], childrenAdded: 0, childrenRemoved: 0 });
    expect(contentOf(second.ops).rows.map((r) => r.slice(0, 6))).toEqual(contentOf(first.ops).rows.map((r) => r.slice(0, 6)));
    // The second run marks the pairs as kept; from then on the sheet is a fixed point.
    const third = plan(withSheet(wb, sheetFromOp(pairingOp(second.ops)!)), CHILDREN);
    expect(contentOf(third.ops)).toEqual(contentOf(second.ops));
  });

  it('keeps a locked row exactly even when its mentor would otherwise move', () => {
    const { wb } = firstRun();
    let sheet = wb.sheets.find((s) => s.name === SHEETS.pairing)!;
    sheet = edit(sheet, '小刚', '锁定', '是');
    const before = cellsOf(sheet, '小刚');
    // 李老师 leaves: 小刚's row still names whoever it named, and counts against their capacity.
    const p = plan(withSheet(withSheet(wb, sheet), mentorSheet(mentorRows(MENTORS.filter((m) => m.name !== '王同学')))), CHILDREN);
    const row = contentOf(p.ops).rows.find((r) => r[0] === '小刚')!;
    expect(row.slice(3, 6)).toEqual(before);
    expect(row[6]).toBe('是');
    expect(row[8]).toContain(t('zh-CN', 'pairing.explain.locked'));
  });

  it.each([['✔'], ['锁'], [true]] as CellValue[][])('reads %p in 锁定 as a lock, and writes it back', (mark) => {
    const { wb } = firstRun();
    const sheet = edit(
      wb.sheets.find((s) => s.name === SHEETS.pairing)!,
      '小刚',
      '锁定',
      mark,
    );
    const row = contentOf(plan(withSheet(wb, sheet), CHILDREN).ops).rows.find((r) => r[0] === '小刚')!;
    expect(row[6]).toBe(mark === true ? '是' : mark);
    expect(row[8]).toContain(t('zh-CN', 'pairing.explain.locked'));
  });

  it('keeps a hand-edited row, on this run and the next, until 锁定 = 否 hands it back', () => {
    const { wb } = firstRun();
    let sheet = wb.sheets.find((s) => s.name === SHEETS.pairing)!;
    sheet = edit(sheet, '小明', '帮扶教师', '李老师');
    sheet = edit(sheet, '小明', '学习帮手', '');
    const p2 = plan(withSheet(wb, sheet), CHILDREN);
    const row2 = contentOf(p2.ops).rows.find((r) => r[0] === '小明')!;
    expect(row2.slice(3, 6)).toEqual(['李老师', '', '']);
    expect(p2.result.rows.find((r) => r.child.name === '小明')!.source).toBe('hand');
    // The add-in does not adopt the teacher's cells as its own: the next run still sees a hand edit.
    const sheet3 = sheetFromOp(pairingOp(p2.ops)!);
    const p3 = plan(withSheet(wb, sheet3), CHILDREN);
    expect(
      contentOf(p3.ops)
        .rows.find((r) => r[0] === '小明')!
        .slice(3, 6),
    ).toEqual(['李老师', '', '']);
    // 锁定 = 否: the add-in may rearrange the row again (and fills the empty buddy if it can).
    const p4 = plan(withSheet(wb, edit(sheet3, '小明', '锁定', '否')), CHILDREN);
    const row4 = p4.result.rows.find((r) => r.child.name === '小明')!;
    expect(row4.source).toBe('auto');
    expect(row4.teacher.mentor).toBe('李老师'); // kept for stability
  });

  it('explains hand-made pairs: a buddy from another class does not fit, a proxy for a non-key child does', () => {
    const mentors = [...MENTORS, mentor('外班同学', '学生', ['二(1)班'], 1)];
    const wb0 = mentorsWb(mentors);
    const wb = withSheet(wb0, sheetFromOp(pairingOp(plan(wb0, CHILDREN).ops)!));
    let sheet = wb.sheets.find((s) => s.name === SHEETS.pairing)!;
    sheet = edit(sheet, '小刚', '学习帮手', '外班同学');
    sheet = edit(sheet, '小刚', '代理家长', '陈阿姨');
    const p = plan(withSheet(wb, sheet), [CHILDREN[0], CHILDREN[1], { ...CHILDREN[2], address: '石桥村' }]);
    const row = p.result.rows.find((r) => r.child.name === '小刚')!;
    expect(row).toMatchObject({ source: 'hand', buddy: { mentor: '外班同学', reason: null }, proxy: { mentor: '陈阿姨', reason: 'same-village' } });
    const note = String(contentOf(p.ops).rows.find((r) => r[0] === '小刚')![8]);
    expect(note).toContain(`学习帮手：${t('zh-CN', 'pairing.explain.notFitting')}`);
    expect(note).toContain('代理家长：同村');
  });

  it('keeps a row a teacher typed in by hand, even naming someone not on the list', () => {
    const { wb } = firstRun();
    const sheet = wb.sheets.find((s) => s.name === SHEETS.pairing)!;
    const typed: SheetSnapshot = { ...sheet, values: [...sheet.values, ['小华', '一(1)班', '', '外校老师', '', '', '', '', '', '']] };
    const p = plan(withSheet(wb, typed), [...CHILDREN, child('小华', '一(1)班', { row: 6 })]);
    expect(p.result.rows.find((r) => r.child.name === '小华')!).toMatchObject({ source: 'hand', teacher: { mentor: '外校老师' } });
    expect(p.findings).toEqual([expect.objectContaining({ rule: 'pairing-mentor-unknown', row: typed.values.length - 1 })]);
  });

  it('drops children who left, adds newcomers, and replaces mentors who left', () => {
    const { wb } = firstRun();
    const oldSheet = wb.sheets.find((s) => s.name === SHEETS.pairing)!;
    const redTeacher = cellsOf(oldSheet, '小红')[0];
    const children = [CHILDREN[0], CHILDREN[1], child('新同学', '一(1)班', { row: 9 })];
    const mentors = [...MENTORS.filter((m) => m.name !== redTeacher), mentor('周书记', '党员', [], 2)];
    const p = plan(withSheet(wb, mentorSheet(mentorRows(mentors))), children);
    expect(contentOf(p.ops).rows.map((r) => r[0])).toEqual(['小红', '小明', '新同学']);
    expect(p.diff.childrenAdded).toBe(1);
    expect(p.diff.childrenRemoved).toBe(1);
    expect(p.diff.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'changed', role: 'teacher', name: '小红', before: redTeacher }),
        expect.objectContaining({ change: 'new', name: '新同学' }),
        expect.objectContaining({ change: 'removed', name: '小刚' }),
      ]),
    );
    expect(p.result.rows[0].teacher.mentor).not.toBe(redTeacher);
    expect(p.result.rows[2].teacher.mentor).not.toBeNull();
  });

  it('follows a child with an ID number into a new class', () => {
    const { wb } = firstRun();
    const before = cellsOf(
      wb.sheets.find((s) => s.name === SHEETS.pairing)!,
      '小明',
    );
    const moved = [CHILDREN[0], { ...CHILDREN[1], classLabel: '二(1)班' }, CHILDREN[2]];
    const p = plan(wb, moved);
    const ming = p.result.rows.find((r) => r.child.name === '小明')!;
    expect(ming.teacher.mentor).toBe(before[0]); // still a fitting teacher: kept
    expect(ming.teacher.kept).toBe(true);
    expect(ming.buddy.mentor).toBeNull(); // a buddy must be in the new class
    expect(p.diff.childrenAdded).toBe(0);
  });

  it('does not rewrite a 结对帮扶 sheet the school made itself (no 上次生成 column)', () => {
    const own = {
      name: SHEETS.pairing,
      origin: { row: 0, col: 0 },
      values: [
        ['姓名', '班级', '帮扶教师', '联系电话'],
        ['小红', '一(1)班', '张老师', '13800000000'],
      ] as CellValue[][],
    };
    const p = plan(withSheet(mentorsWb(MENTORS), own), CHILDREN);
    expect(pairingOp(p.ops)).toBeUndefined();
    expect(p.findings).toEqual([expect.objectContaining({ rule: 'pairing-sheet-foreign', severity: 'error' })]);
  });

  it('takes over a 结对帮扶 sheet the school made itself: every filled pair kept as a hand edit, the rest completed, 说明 kept', () => {
    const own = {
      name: SHEETS.pairing,
      origin: { row: 0, col: 0 },
      values: [
        ['2025年秋季结对帮扶表'],
        ['姓名', '班级', '重点帮扶', '帮扶教师', '学习帮手', '代理家长', '锁定', '说明'],
        ['小红', '一(1)班', '是', '李校长', null, null, null, '校长亲自帮扶'],
        ['小明', '一(1)班', null, '李老师', '赵同学', null, null, null],
        ['小刚', '一(1)班', null, '张老师', null, null, '是', null],
        ['小强', '一(1)班', null, '张老师', null, null, null, null],
      ] as CellValue[][],
    };
    const p = plan(withSheet(mentorsWb(MENTORS), own), CHILDREN);
    expect(p.existing.adopted).toBe(true);
    const rows = contentOf(p.ops).rows;
    const byName = (n: string) => rows.find((r) => r[0] === n)!;
    // 李校长 is on no 帮扶人员 list: kept as the teachers wrote it (and said so), never replaced; the
    // empty cells of the row are completed.
    expect(byName('小红').slice(3, 7)).toEqual(['李校长', expect.stringMatching(/同学$/), '陈阿姨', '']);
    expect(byName('小红')[8]).toBe('校长亲自帮扶');
    expect(byName('小红')[9]).toMatch(/\.n\.d20250915$/);
    expect(byName('小明').slice(3, 5)).toEqual(['李老师', '赵同学']);
    expect(byName('小明')[8]).toContain(t('zh-CN', 'pairing.explain.hand'));
    // A locked row stays exactly as it is, empty cells too.
    expect(byName('小刚').slice(3, 7)).toEqual(['张老师', '', '', '是']);
    expect(rows.map((r) => r[0])).toEqual(['小红', '小明', '小刚']);
    expect(p.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'pairing-mentor-unknown', row: 2 }),
        expect.objectContaining({ rule: 'pairing-child-unknown', row: 5, params: { row: 6 } }),
      ]),
    );
    // Written once, the sheet is the add-in's: the next run keeps the teacher's 说明 and the pairs.
    const next = plan(withSheet(mentorsWb(MENTORS), sheetFromOp(pairingOp(p.ops)!)), CHILDREN);
    expect(next.existing.adopted).toBeUndefined();
    expect(contentOf(next.ops).rows).toEqual(rows);
  });

  it('does not rewrite a 结对帮扶 sheet whose header it cannot find', () => {
    const wb = headerless();
    const p = plan(wb, CHILDREN);
    expect(pairingOp(p.ops)).toBeUndefined();
    expect(p.findings).toEqual([expect.objectContaining({ rule: 'pairing-header-missing', severity: 'error', params: { found: '学生、老师' } })]);
  });
});

/** A 结对帮扶 sheet without the header the add-in looks for (学生 / 老师 instead of 姓名 / 帮扶教师). */
function headerless() {
  return withSheet(mentorsWb(MENTORS), {
    name: SHEETS.pairing,
    origin: { row: 0, col: 0 },
    values: [
      ['学生', '老师'],
      ['小红', '张老师'],
    ],
  });
}

describe('pairingStats', () => {
  it('counts coverage and loads and lists the unpaired with reasons', () => {
    const { plan: p } = firstRun();
    expect(p.stats).toMatchObject({ children: 3, keyFocus: 1, withTeacher: 3, withBuddy: 2, keyFocusWithProxy: 1 });
    expect(p.stats.unpaired).toEqual([expect.objectContaining({ role: 'buddy', reason: 'full' })]);
    expect(p.stats.loads.map((l) => [l.name, l.load, l.capacity])).toEqual([
      ['张老师', 2, 2],
      ['李老师', 1, 2],
      ['王同学', 1, 1],
      ['赵同学', 1, 1],
      ['陈阿姨', 1, 2],
    ]);
  });
});

describe('heldPairing (what 结对帮扶 holds now, beside what 生成结对 would write)', () => {
  it('holds nothing before the first 生成结对, however well the computed pairs cover', () => {
    const p = plan(mentorsWb(MENTORS), CHILDREN);
    expect(p.stats).toMatchObject({ children: 3, withTeacher: 3 });
    expect(p.held).toMatchObject({ rows: [], unreadable: false, current: false });
    expect(p.held.stats).toEqual({ children: 3, keyFocus: 1, withTeacher: 0, withBuddy: 0, keyFocusWithProxy: 0 });
  });

  it('is the computed coverage once written, and current', () => {
    const { wb, plan: first } = firstRun();
    const again = plan(wb, CHILDREN);
    expect(again.held.current).toBe(true);
    expect(again.held.stats).toEqual({ children: 3, keyFocus: 1, withTeacher: 3, withBuddy: 2, keyFocusWithProxy: 1 });
    expect(again.held.rows.map((r) => [r.child.name, r.teacher.mentor])).toEqual(first.result.rows.map((r) => [r.child.name, r.teacher.mentor]));
  });

  it('counts a child who joined the roster since as without mentors until 生成结对 writes their row', () => {
    const { wb } = firstRun();
    const joined = [...CHILDREN, child('小丽', '一(1)班', { row: 6 })];
    const p = plan(wb, joined);
    expect(p.held.current).toBe(false);
    expect(p.held.rows.map((r) => r.child.name)).toEqual(['小红', '小明', '小刚']);
    expect(p.held.stats).toMatchObject({ children: 4, withTeacher: 3 });
    expect(p.stats.children).toBe(4);
  });

  it('takes the mentor a teacher wrote over the computed one', () => {
    const { wb } = firstRun();
    const sheet = wb.sheets.find((x) => x.name === SHEETS.pairing)!;
    const p = planPairing(withSheet(wb, edit(sheet, '小刚', '帮扶教师', '周老师')), CHILDREN, 'zh-CN', { today: '2025-10-20', normalizeClass: simpleClass });
    const held = p.held.rows.find((r) => r.child.name === '小刚')!;
    // The mentor and the day are the sheet's (written 09-15), not those of a run on 10-20.
    expect([held.teacher.mentor, held.changedOn]).toEqual(['周老师', '2025-09-15']);
  });

  it('knows nothing of a sheet it cannot read', () => {
    const wb = headerless();
    const p = plan(wb, CHILDREN);
    expect(p.held).toMatchObject({ rows: [], unreadable: true, current: false });
  });
});
