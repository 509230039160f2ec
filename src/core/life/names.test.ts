import fc from 'fast-check';
import { NameIndex, type NamedChild } from './names';

const TODAY = '2026-11-30';
const CHILDREN: NamedChild[] = [
  { name: '张小明', classLabel: '三(1)班' },
  { name: '李小红', classLabel: '三(1)班' },
  { name: '王小刚', classLabel: '五(2)班' },
  { name: '刘洋', classLabel: '五(2)班' },
  { name: '刘洋', classLabel: '一(1)班' },
  { name: '阿依古丽·买买提', classLabel: '一(1)班' },
];
const index = () => new NameIndex(CHILDREN, TODAY);
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

describe('NameIndex.match', () => {
  it.each([
    ['张小明、李小红', [0, 1]],
    ['张小明，李小红', [0, 1]],
    ['张小明,李小红;王小刚', [0, 1, 2]],
    ['张小明；李小红 王小刚', [0, 1, 2]],
    ['张小明\u3000王小刚', [0, 2]],
    ['张小明/王小刚', [0, 2]],
  ])('splits %j on every separator', (cell, expected) => {
    const m = index().match(cell);
    expect(sorted(m.children)).toEqual(expected);
    expect([m.unknown, m.ambiguous]).toEqual([0, 0]);
  });

  it('reads a name padded with spaces as one name, and full-width separators and dots', () => {
    expect(index().match('张  小明').children).toEqual([0]);
    expect(index().match('阿依古丽•买买提').children).toEqual([5]);
    expect(sorted(index().match('王小刚 ，张小明').children)).toEqual([0, 2]);
  });

  it('takes a class in any form the roster reads', () => {
    for (const cls of ['三(1)班', '三（1）班', '三年级1班', '３年级１班']) expect(sorted(index().match(cls).children)).toEqual([0, 1]);
    expect(sorted(index().match('三(1)班、王小刚').children)).toEqual([0, 1, 2]);
  });

  it('takes 全体留守儿童 as every child', () => {
    const m = index().match('全体留守儿童');
    expect(m.everyone).toBe(true);
    expect(sorted(m.children)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts unknown names and classes, and names two children share, without guessing', () => {
    const m = index().match('张小明、赵无名、刘洋、四(3)班');
    expect(m.children).toEqual([0]);
    expect(m.unknown).toBe(2);
    expect(m.ambiguous).toBe(1);
  });

  it('tells two children of one name apart by the class in brackets, as the pane writes them', () => {
    expect(index().match('刘洋(五(2)班)').children).toEqual([3]);
    expect(index().match('刘洋（一（1）班）、张小明').children).toEqual([4, 0]);
    expect(index().match('刘洋(一年级1班)').children).toEqual([4]);
    // A class the name is not in, or no such name: unknown, never a guess.
    expect(index().match('刘洋(三(1)班)')).toMatchObject({ children: [], unknown: 1, ambiguous: 0 });
    expect(index().match('赵无名(三(1)班)')).toMatchObject({ children: [], unknown: 1 });
  });

  it('is empty for a blank cell', () => {
    expect(index().match(null)).toEqual({ children: [], unknown: 0, ambiguous: 0, everyone: false });
    expect(index().match('  ')).toEqual({ children: [], unknown: 0, ambiguous: 0, everyone: false });
  });
});

describe('NameIndex properties', () => {
  const SEPS = ['、', '，', ',', ';', '；', ' ', '　', '/', ' 、 '];
  const unique = CHILDREN.map((c, i) => ({ ...c, i })).filter((c) => CHILDREN.filter((d) => d.name === c.name).length === 1);

  it('any list of unique names, joined by any separators, gives exactly those children', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...unique), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...SEPS), { minLength: 8, maxLength: 8 }), (picked, seps) => {
        const cell = picked.map((c, k) => (k === 0 ? c.name : seps[k] + c.name)).join('');
        const m = index().match(cell);
        expect(sorted(m.children)).toEqual(sorted([...new Set(picked.map((c) => c.i))]));
        expect(m.unknown + m.ambiguous).toBe(0);
      }),
    );
  });

  it('every token is counted exactly once: as children, unknown or ambiguous', () => {
    const strangers = ['赵无名', '钱多多', '孙悟空'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...unique.map((c) => c.name), '刘洋', ...strangers), { minLength: 1, maxLength: 10 }), (tokens) => {
        const m = index().match(tokens.join('、'));
        expect(m.unknown).toBe(tokens.filter((t) => strangers.includes(t)).length);
        expect(m.ambiguous).toBe(tokens.filter((t) => t === '刘洋').length);
        expect(m.children.length).toBe(new Set(tokens.filter((t) => !strangers.includes(t) && t !== '刘洋')).size);
      }),
    );
  });

  it('full-width and half-width forms of a cell match the same children', () => {
    const toFull = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...unique.map((c) => c.name), '三(1)班', '五年级2班'), { minLength: 1, maxLength: 5 }), (tokens) => {
        const cell = tokens.join(',');
        expect(sorted(index().match(toFull(cell)).children)).toEqual(sorted(index().match(cell).children));
      }),
    );
  });
});
