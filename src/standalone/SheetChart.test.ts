import { axisTicks } from './SheetChart';

describe('chart axes', () => {
  it('step by 1, 2 or 5 × 10ⁿ from zero past the largest value', () => {
    expect(axisTicks(0, 48)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(axisTicks(0, 0.375)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(axisTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(axisTicks(-3, 7)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
  });
});
