import { fitTabs } from './tabsFit';

// The six tabs in Chinese at the small size, about as Chromium draws them: 检查花名册, 生成校验结果, 结对, 今日, 汇总, 档案.
const ZH = [86, 98, 48, 48, 48, 48];

describe('fitTabs', () => {
  it('keeps every tab in the row when they fit, with no menu', () => {
    expect(fitTabs(ZH, 1000, 60, 0)).toEqual({ shown: [0, 1, 2, 3, 4, 5], hidden: [] });
    expect(fitTabs(ZH, 376, 60, 5)).toEqual({ shown: [0, 1, 2, 3, 4, 5], hidden: [] });
  });

  it('puts the last tabs into the menu when they do not fit, leaving room for its button', () => {
    // 326 px (a 350 px pane less its padding): 86+98+48 = 232, +48 = 280 ≤ 326-44 = 282; the fifth does not fit.
    expect(fitTabs(ZH, 326, 44, 0)).toEqual({ shown: [0, 1, 2, 3], hidden: [4, 5] });
  });

  it('never hides the selected tab: it takes the place of the last one that fitted', () => {
    expect(fitTabs(ZH, 326, 44, 5)).toEqual({ shown: [0, 1, 2, 5], hidden: [3, 4] });
    expect(fitTabs(ZH, 326, 44, 2)).toEqual({ shown: [0, 1, 2, 3], hidden: [4, 5] });
  });

  it('keeps the order of the tabs: one that would fit after a wider one that does not stays in the menu', () => {
    expect(fitTabs([50, 200, 20], 200, 40, 0)).toEqual({ shown: [0], hidden: [1, 2] });
  });

  it('shows the selected tab alone when even two do not fit', () => {
    expect(fitTabs([120, 120, 120], 150, 40, 1)).toEqual({ shown: [1], hidden: [0, 2] });
  });
});
