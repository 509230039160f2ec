import type { UnpairedEntry } from '../../core/pairing/summary';
import type { Role, UnpairedReason } from '../../core/pairing/types';
import '../../core/i18n/all';
import { groupUnpaired, namedClasses, unpairedLines } from './pairingLogic';

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
