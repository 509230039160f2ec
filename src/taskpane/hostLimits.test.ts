import { t, LANGS } from '../core/i18n';
import '../core/i18n/all';
import { createOfficePort } from '../workbook/office';
import { createOfficeDouble } from '../../tests/office-double';
import { hostLimitKeys } from './HostLimits';

const capsAt = (api: number) => {
  const d = createOfficeDouble({ api });
  return createOfficePort(d.excel, d.office).capabilities();
};

describe('what this Excel cannot do, as the pane lists it', () => {
  it('lists every fallback on Office 2016 (ExcelApi 1.1), fewer as the level rises, none on current Excel', () => {
    expect(hostLimitKeys(capsAt(1))).toEqual([
      'host.limit.hyperlinks',
      'host.limit.conditionalFormats',
      'host.limit.notes',
      'host.limit.dataValidation',
      'host.limit.layout',
      'host.limit.print',
      'host.limit.newWorkbook',
      'host.limit.undo',
      'host.limit.insertSheets',
      'host.limit.merges',
    ]);
    // Office 2019: links, conditional formats and layout are there; dropdowns, notes, print layout, whole-sheet insert and merged areas not.
    expect(hostLimitKeys(capsAt(7))).toEqual([
      'host.limit.notes',
      'host.limit.dataValidation',
      'host.limit.print',
      'host.limit.newWorkbook',
      'host.limit.undo',
      'host.limit.insertSheets',
      'host.limit.merges',
    ]);
    expect(hostLimitKeys(capsAt(14))).toEqual(['host.limit.notes', 'host.limit.undo']);
    expect(hostLimitKeys(capsAt(20))).toEqual([]);
    const levels = [1, 2, 6, 7, 8, 9, 13, 17, 18, 20].map((api) => hostLimitKeys(capsAt(api)));
    levels.forEach((keys, i) => i > 0 && expect(levels[i - 1]).toEqual(expect.arrayContaining(keys)));
  });

  it('says nothing outside Excel, and every line reads in both languages', () => {
    expect(
      hostLimitKeys({
        host: 'file',
        excelApi: null,
        notes: true,
        conditionalFormats: true,
        dataValidation: true,
        hyperlinks: true,
        undoGroup: false,
        insertSheets: false,
        newWorkbook: false,
      }),
    ).toEqual([]);
    for (const lang of LANGS) for (const key of hostLimitKeys(capsAt(1))) expect(t(lang, key)).not.toBe(key);
  });
});
