import { t } from '../core/i18n';
import '../core/i18n/all';
import type { WorkbookPlan } from '../core/plan/types';
import type { WorkbookSnapshot } from '../core/snapshot';
import { PortError } from '../workbook/port';
import { errorMessage, isAbort } from './errors';
import { isOldWebview } from './oldWebview';
import { asPlan, describePlan } from './planPreview';
import { luminance, themeFromOfficeBody } from './theme';
import { localToday } from './today';

describe('theme from the Office body colour', () => {
  it('reads Office white, colourful, dark grey and black themes', () => {
    expect(themeFromOfficeBody('#FFFFFF')).toBe('light');
    expect(themeFromOfficeBody('#E6E6E6')).toBe('light'); // colourful
    expect(themeFromOfficeBody('#444444')).toBe('dark'); // dark grey
    expect(themeFromOfficeBody('#262626')).toBe('dark');
    expect(themeFromOfficeBody('#000')).toBe('dark');
  });
  it('gives no answer for missing or odd colours, so the system theme decides', () => {
    expect(themeFromOfficeBody(undefined)).toBeNull();
    expect(themeFromOfficeBody('white')).toBeNull();
    expect(luminance('#12345')).toBeNull();
  });
});

describe('old webview detection', () => {
  it('knows IE 11 and IE 10 user agents and nothing else', () => {
    expect(isOldWebview('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe(true);
    expect(isOldWebview('Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)')).toBe(true);
    expect(isOldWebview('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0')).toBe(false);
  });
});

describe('preview of a plan', () => {
  const workbook: WorkbookSnapshot = {
    sheets: [
      { name: '花名册', origin: { row: 0, col: 0 }, values: [['姓名']] },
      { name: '设置', origin: { row: 0, col: 0 }, values: [] },
    ],
  };
  const content = (rows: number) => ({ columns: [{ header: 'A' }], rows: Array.from({ length: rows }, () => ['x']) });

  it('says created for a new sheet and replaced for an existing one, with row and cell counts', () => {
    const plan: WorkbookPlan = {
      ops: [
        { kind: 'replaceSheet', sheet: '校验结果', content: content(7) },
        { kind: 'replaceSheet', sheet: '花名册', content: content(2) },
        { kind: 'markCells', sheet: '花名册', marks: [{ sheet: '花名册', row: 3, col: 1, note: 'n', fill: '#FFC7CE' }] },
        { kind: 'createSheetIfMissing', sheet: '设置', content: content(3) },
        { kind: 'appendRows', sheet: '设置', rows: [['a'], ['b']] },
        { kind: 'setCells', sheet: '设置', cells: [{ row: 1, col: 1, value: 'x' }] },
        { kind: 'clearMarks', sheet: '花名册' },
      ],
    };
    const lines = describePlan(plan, workbook, 'zh-CN');
    expect(lines.map((l) => [l.kind, l.sheet, l.count])).toEqual([
      ['create', '校验结果', 7],
      ['replace', '花名册', 2],
      ['mark', '花名册', 1],
      ['keep', '设置', 3],
      ['append', '设置', 2],
      ['cells', '设置', 1],
      ['unmark', '花名册', 0],
    ]);
    expect(lines[0].text).toBe(t('zh-CN', 'ui.preview.create', { sheet: '校验结果', count: 7 }));
    expect(lines[0].text).toContain('校验结果');
    expect(describePlan(plan, workbook, 'en-US')[1].text).toBe('Rebuild the sheet “花名册” (replacing what it holds) with 2 rows.');
  });

  it('accepts an op, a list or a plan and keeps their order', () => {
    const a = { kind: 'clearMarks', sheet: 'A' } as const;
    const b = { kind: 'clearMarks', sheet: 'B' } as const;
    expect(asPlan(a, [b], { ops: [a] }, null).ops.map((o) => o.sheet)).toEqual(['A', 'B', 'A']);
  });
});

describe('error messages', () => {
  it('turns a PortError into its catalogue sentence, never the raw key or a stack', () => {
    expect(errorMessage(new PortError('host.noNotes'), 'zh-CN')).toBe(t('zh-CN', 'host.noNotes'));
    expect(errorMessage(new PortError('no.such.key'), 'en-US')).toBe(t('en-US', 'error.unexpected'));
  });
  it("hides unexpected errors behind the generic sentence (their text may hold a child's data)", () => {
    const text = errorMessage(new TypeError('110101201001011234 is not a function'), 'zh-CN');
    expect(text).toBe(t('zh-CN', 'error.unexpected'));
    expect(text).not.toContain('1101');
  });
  it('treats an abort as a cancellation', () => {
    const abort = Object.assign(new Error('x'), { name: 'AbortError' });
    expect(isAbort(abort)).toBe(true);
    expect(errorMessage(abort, 'en-US')).toBe(t('en-US', 'error.cancelled'));
  });
});

describe('today', () => {
  it('is the local calendar date unless a valid date is given', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 0, 5), '2025-02-28')).toBe('2025-02-28');
    expect(localToday(new Date(2026, 0, 5), '2025-02-30')).toBe('2026-01-05');
  });
});
