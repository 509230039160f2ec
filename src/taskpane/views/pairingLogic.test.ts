import { t } from '../../core/i18n';
import type { HeldPairing, UnpairedEntry } from '../../core/pairing/summary';
import type { Role, UnpairedReason } from '../../core/pairing/types';
import '../../core/i18n/all';
import { coverageLines, groupUnpaired, heldStatus, namedClasses, showsPreview, unpairedLines } from './pairingLogic';

const entry = (name: string, classLabel: string, role: Role, reason: UnpairedReason): UnpairedEntry => ({
  childKey: `${classLabel}|${name}`,
  name,
  classLabel,
  keyFocus: false,
  role,
  reason,
});

describe('groupUnpaired', () => {
  it('makes one group of 96 children left unpaired for the same reason, with their classes once each', () => {
    const classes = ['一(1)班', '一(2)班', '二(1)班', '三(1)班'];
    const unpaired = Array.from({ length: 96 }, (_, i) => entry(`儿童${i}`, classes[i % 4], 'teacher', 'no-mentor'));
    const groups = groupUnpaired(unpaired);
    expect(groups).toEqual([{ role: 'teacher', reason: 'no-mentor', count: 96, classes }]);
  });

  it('keeps roles and reasons apart, the largest group first, then in role order', () => {
    const unpaired = [
      entry('甲', '一(1)班', 'buddy', 'no-mentor'),
      entry('甲', '一(1)班', 'teacher', 'full'),
      entry('乙', '一(2)班', 'teacher', 'full'),
      entry('丙', '', 'buddy', 'no-class'),
      entry('丁', '一(2)班', 'proxy', 'no-mentor'),
      entry('乙', '一(2)班', 'buddy', 'no-mentor'),
    ];
    expect(groupUnpaired(unpaired).map((g) => [g.role, g.reason, g.count, g.classes])).toEqual([
      ['teacher', 'full', 2, ['一(1)班', '一(2)班']],
      ['buddy', 'no-mentor', 2, ['一(1)班', '一(2)班']],
      ['buddy', 'no-class', 1, ['']],
      ['proxy', 'no-mentor', 1, ['一(2)班']],
    ]);
  });

  it('has nothing to show when every child is paired', () => {
    expect(groupUnpaired([])).toEqual([]);
  });
});

describe('namedClasses', () => {
  it('names three classes and counts the rest', () => {
    expect(namedClasses(['a', 'b', 'c', 'd', 'e'])).toEqual({ named: ['a', 'b', 'c'], more: 2 });
    expect(namedClasses(['a', 'b'])).toEqual({ named: ['a', 'b'], more: 0 });
  });
});

describe('unpairedLines', () => {
  const unpaired = [...['一(1)班', '一(2)班', '二(1)班', '三(1)班', '三(2)班'].map((c, i) => entry(`儿童${i}`, c, 'teacher', 'no-mentor')), entry('丙', '', 'buddy', 'no-class')];
  it('says once per reason how many children and which classes, in Chinese', () => {
    expect(unpairedLines('zh-CN', unpaired)).toEqual([
      '帮扶教师——没有合适类别的帮扶人员（学习帮手需同班学生）：5 名儿童（一(1)班、一(2)班、二(1)班 及另外 2 个班）',
      expect.stringMatching(/^学习帮手——花名册中没有班级，无法安排：1 名儿童（.+）$/),
    ]);
  });
  it('and in English, with plurals', () => {
    const [many, one] = unpairedLines('en-US', unpaired);
    expect(many).toContain('5 children (一(1)班, 一(2)班, 二(1)班 and 2 more classes)');
    expect(one).toContain(': 1 child (');
  });
});

describe('heldStatus and showsPreview (what the workbook holds, and when the computed figures are only a preview)', () => {
  const stats = { children: 48, keyFocus: 7, withTeacher: 0, withBuddy: 0, keyFocusWithProxy: 0 };
  const held = (rows: number, current: boolean, unreadable = false): HeldPairing => ({
    rows: Array.from({ length: rows }, () => ({}) as HeldPairing['rows'][number]),
    unreadable,
    stats,
    current,
  });
  it('says none are generated before 结对帮扶 has a row, and shows the computed figures as a preview', () => {
    expect(heldStatus(held(0, false))).toBe('none');
    expect(showsPreview(held(0, false))).toBe(true);
  });
  it("shows them as the workbook's only when 结对帮扶 already is what generating would write", () => {
    expect([heldStatus(held(48, true)), showsPreview(held(48, true))]).toEqual(['current', false]);
    expect([heldStatus(held(40, false)), showsPreview(held(40, false))]).toEqual(['differs', true]);
  });
  it('knows nothing of an unreadable sheet, and previews', () => {
    expect([heldStatus(held(0, false, true)), showsPreview(held(0, false, true))]).toEqual(['unreadable', true]);
  });
});

describe('coverageLines', () => {
  const c = { children: 48, keyFocus: 7, withTeacher: 48, withBuddy: 45, keyFocusWithProxy: 6 };
  const share = (part: number, whole: number) => `${part}/${whole}`;
  it('says on every line of a preview that it is what generating would make, in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const after = coverageLines(lang, c, 'after', share);
      const held = coverageLines(lang, c, 'held', share);
      expect(after).toHaveLength(3);
      // A preview line never reads as the workbook's own figure.
      for (const line of after) expect(held).not.toContain(line);
      expect(after[0]).toBe(t(lang, 'views.pairing.after.withTeacher', { count: 48, total: 48, share: '48/48' }));
      expect(held[2]).toBe(t(lang, 'views.pairing.withProxy', { count: 6, total: 7, share: '6/7' }));
    }
    expect(coverageLines('zh-CN', c, 'after', share)[0]).toBe('生成后有帮扶教师：48 / 48（48/48）');
    expect(coverageLines('en-US', c, 'after', share)[1]).toBe('With a study buddy after generating: 45 / 48 (45/48)');
  });
});
