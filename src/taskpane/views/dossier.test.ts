import type { CardChild } from '../../core/cards';
import { printText } from './DossierPrint';
import { MATCHES_SHOWN, searchChildren } from './useDossier';

const child = (index: number, name: string, classLabel: string | null) => ({ index, name, classLabel }) as CardChild;

describe('档案 search', () => {
  const children = [child(0, '张小明', '三(1)班'), child(1, '李小红', '五(2)班'), child(2, '张小明', '四(1)班'), child(3, '王 刚', null)];

  it('lists every namesake (the view shows each with its class), in roster order, and ignores spaces', () => {
    expect(searchChildren(children, '小明').map((c) => [c.index, c.classLabel])).toEqual([
      [0, '三(1)班'],
      [2, '四(1)班'],
    ]);
    expect(searchChildren(children, '王刚').map((c) => c.index)).toEqual([3]);
    expect(searchChildren(children, ' ')).toEqual([]);
    expect(searchChildren(children, '赵')).toEqual([]);
  });

  it('lists at most MATCHES_SHOWN children', () => {
    const many = Array.from({ length: MATCHES_SHOWN + 5 }, (_, i) => child(i, `张${i}`, '一(1)班'));
    expect(searchChildren(many, '张')).toHaveLength(MATCHES_SHOWN);
  });
});

describe('printText', () => {
  it('prints a date cell as its day, a link as its text, an error as its code, blank as empty', () => {
    expect(printText({ date: '2026-11-30' })).toBe('2026-11-30');
    expect(printText({ text: '张小明', link: { sheet: 'a', row: 1, col: 0 } })).toBe('张小明');
    expect(printText({ error: '#N/A' })).toBe('#N/A');
    expect(printText(null)).toBe('');
    expect(printText(68)).toBe('68');
  });
});
