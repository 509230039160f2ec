import type { SheetSnapshot } from '../core/snapshot';
import { columnWidths, display, displayAt } from './SheetGrid';
import { gridLayout, nextVisibleCol, spillSource, spillWidth, textWidth } from './gridLayout';

describe('the grid shows a cell as Excel would', () => {
  it('shows values without a date format as before', () => {
    expect([display(null), display({ error: '#N/A' }), display(true), display(false), display(41234), display(0.5), display('2012-11-21')]).toEqual([
      '',
      '#N/A',
      'TRUE',
      'FALSE',
      '41234',
      '0.5',
      '2012-11-21',
    ]);
  });

  it('shows date-formatted serials as ISO dates, times as hh:mm, date-times as both', () => {
    expect(display(41234, 'date')).toBe('2012-11-21');
    expect(display(41234.75, 'date')).toBe('2012-11-21'); // a date format hides the time
    expect(display(41234.5, 'dateTime')).toBe('2012-11-21 12:00');
    expect(display(41234, 'dateTime')).toBe('2012-11-21 00:00');
    expect(display(0.75, 'time')).toBe('18:00');
    expect(display(41234 + (8 * 3600 + 30 * 60 + 45) / 86400, 'time')).toBe('08:30'); // h:mm drops the seconds
    expect(display(41234 + (9 * 3600 + 5 * 60) / 86400, 'dateTime')).toBe('2012-11-21 09:05');
  });

  it('rounds to the second first, as Excel does, so a hair before midnight is the next day', () => {
    expect(display(41234 + (86400 - 0.4) / 86400, 'dateTime')).toBe('2012-11-22 00:00');
    expect(display(41234 + (86400 - 0.4) / 86400, 'date')).toBe('2012-11-22');
    expect(display(41234 + (86400 - 0.6) / 86400, 'dateTime')).toBe('2012-11-21 23:59');
    expect(display(0.9999999, 'time')).toBe('00:00');
  });

  it('keeps the 1900 system quirks Excel shows: day 0 and the phantom 1900-02-29', () => {
    expect([59, 60, 61, 1].map((s) => display(s, 'date'))).toEqual(['1900-02-28', '1900-02-29', '1900-03-01', '1900-01-01']);
    expect(display(0, 'date')).toBe('1900-01-00');
    expect(display(0.5, 'dateTime')).toBe('1900-01-00 12:00');
  });

  it('leaves a number Excel cannot show as a date (#####) as the number', () => {
    expect(display(-1, 'date')).toBe('-1');
    expect(display(-0.5, 'time')).toBe('-0.5');
    expect(display(2958466, 'date')).toBe('2958466'); // after 9999-12-31
    expect(display(2958465, 'date')).toBe('9999-12-31');
  });
});

describe('column widths', () => {
  const sheet = (withDates: boolean): SheetSnapshot => ({
    name: '花名册',
    origin: { row: 1, col: 1 },
    values: [
      ['出生日期', '谈心时间'],
      [41234, 41234.5],
      [41235, 41235.25],
    ],
    ...(withDates
      ? { dateFormats: { date1904: false, columns: { 1: [{ firstRow: 2, lastRow: 3, kind: 'date' as const }], 2: [{ firstRow: 2, lastRow: 3, kind: 'dateTime' as const }] } } }
      : {}),
  });

  it('fit the text the grid shows, so a date column is as wide as its dates', () => {
    const plain = columnWidths(sheet(false));
    const dated = columnWidths(sheet(true));
    // '2012-11-21' is 10 characters and '2012-11-21 12:00' 16, wider than the serials and the headers.
    expect(dated[1]).toBe(12 + 10 * 7);
    expect(dated[2]).toBe(12 + 16 * 7);
    expect(plain[1]).toBeLessThan(dated[1]);
    expect(plain[2]).toBeLessThan(dated[2]);
    expect(dated[0]).toBe(plain[0]);
  });
});

describe('grid layout: hidden columns, long text, charts', () => {
  const report: SheetSnapshot = {
    name: '工作报告',
    origin: { row: 0, col: 0 },
    values: [
      ['本学期共登记留守儿童48名，其中双亲外出32名，单亲外出16名。'],
      ['项目', '数值', '占比'],
      ['本学期共开展谈心谈话96次，覆盖全部留守儿童。', 96, null],
      [12, null, null],
    ],
  };
  const look = (hiddenCols: number[], anchor: { row: number; col: number } | null = null) => ({
    hiddenCols,
    links: new Map(),
    fills: new Map(),
    notes: new Map(),
    charts: anchor ? [{ type: 'column' as const, title: 't', categories: [], series: [], anchor }] : [],
  });

  it('gives a hidden column no width, and stepping across it skips it', () => {
    const layout = gridLayout(report, look([1]));
    expect(layout.widths[1]).toBe(0);
    expect(layout.offsets[2]).toBe(layout.offsets[1]);
    expect(nextVisibleCol(layout, 0, 1)).toBe(2);
    expect(nextVisibleCol(layout, 2, -1)).toBe(0);
    expect(nextVisibleCol(layout, 0, -1)).toBe(0);
  });

  it('lets text spill over empty neighbours until it fits or a cell holds something, as Excel does', () => {
    const layout = gridLayout(report, null);
    const title = String(report.values[0][0]);
    // The title line runs over the empty B1, C1, … until its text fits.
    expect(spillWidth(report, layout, 0, 0, title)).toBeGreaterThanOrEqual(textWidth(title));
    // A sentence with a value beside it stays in its cell (the cell bar shows it whole).
    expect(spillWidth(report, layout, 2, 0, displayAt(report, 2, 0))).toBe(layout.widths[0]);
    // Numbers never spill.
    expect(spillWidth(report, layout, 3, 0, '12')).toBe(layout.widths[0]);
    // A title left of the columns in view is still drawn when it reaches into them.
    expect(spillSource(report, 0, 3)).toBe(0);
    expect(spillSource(report, 3, 2)).toBeNull();
  });

  it('makes room for a chart where the file anchors it', () => {
    const layout = gridLayout(report, look([], { row: 50, col: 20 }));
    expect(layout.widths.length).toBeGreaterThanOrEqual(28);
    expect(layout.rowCount).toBeGreaterThanOrEqual(66);
  });
});
