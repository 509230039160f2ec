import { t, LANGS } from '../../src/core/i18n';
import '../../src/core/i18n/all';
import { toPortError } from '../../src/workbook/office/errors';
import { PortError } from '../../src/workbook/port';

describe("Office errors in the teacher's terms", () => {
  const cases: [string, string][] = [
    ['AccessDenied', 'office.protected'],
    ['InvalidOperationInCellEditMode', 'office.editMode'],
    ['RequestPayloadSizeLimitExceeded', 'office.tooLarge'],
    ['ResponsePayloadSizeLimitExceeded', 'office.tooLarge'],
    ['ItemNotFound', 'office.notFound'],
    ['ItemAlreadyExists', 'office.alreadyExists'],
    ['MergedRangeConflict', 'office.merged'],
    ['FilteredRangeConflict', 'office.filtered'],
    ['ActivityLimitReached', 'office.busy'],
    ['ApiNotFound', 'office.unsupported'],
    ['GeneralException', 'office.failed'],
  ];

  it.each(cases)('%s becomes %s, with a message in both languages that keeps the raw text out', (code, key) => {
    const raw = Object.assign(new Error('张三 110101201503120019 cannot be written'), { code });
    const e = toPortError(raw, { sheet: '花名册' });
    expect(e).toBeInstanceOf(PortError);
    expect(e.key).toBe(key);
    expect(e.params).toEqual({ sheet: '花名册', code });
    for (const lang of LANGS) {
      const text = t(lang, e.key, e.params);
      expect(text).not.toBe(e.key);
      expect(text).not.toMatch(/张三|110101/);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('passes a PortError through and calls anything else a failure', () => {
    const own = new PortError('office.conflict', { sheet: '谈心记录' });
    expect(toPortError(own)).toBe(own);
    expect(toPortError(new TypeError('x is undefined'))).toMatchObject({ key: 'office.failed', params: { code: 'Unknown' } });
  });
});
