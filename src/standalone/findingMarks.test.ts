import type { CellMark } from '../core/plan/types';
import type { SheetLook } from '../workbook/file';
import { endsFindingMarks, marksOf, withFindingMarks } from './findingMarks';

const look = (fills: [string, string][] = [], notes: [string, string][] = []): SheetLook => ({
  hiddenCols: [],
  links: new Map(),
  fills: new Map(fills),
  notes: new Map(notes),
  charts: [],
});
const mark = (row: number, col: number, note: string, sheet = '花名册'): CellMark => ({ sheet, row, col, note, fill: '#FFC7CE' });

describe('the check drawn on the sheet view', () => {
  it('fills and notes each marked cell of the shown sheet, and only of that sheet', () => {
    const shown = withFindingMarks(look(), '花名册', [mark(4, 2, '身份证号校验位错误'), mark(5, 1, '电话号码不对', '二班')]);
    expect([...shown.fills]).toEqual([['4,2', '#FFC7CE']]);
    expect([...shown.notes]).toEqual([['4,2', '身份证号校验位错误']]);
  });

  it('keeps the file own look and does not change it', () => {
    const file = look([['0,0', '#00FF00']], [['9,9', '老师的批注']]);
    const shown = withFindingMarks(file, '花名册', [mark(9, 9, '电话号码不对')]);
    expect(shown.fills.get('0,0')).toBe('#00FF00');
    expect(shown.notes.get('9,9')).toBe('老师的批注\n电话号码不对');
    expect([...file.notes]).toEqual([['9,9', '老师的批注']]);
    expect(file.fills.has('9,9')).toBe(false);
  });

  it('does not repeat a note the file already carries (marks written by an earlier check)', () => {
    expect(withFindingMarks(look([], [['3,3', '电话号码不对']]), '花名册', [mark(3, 3, '电话号码不对')]).notes.get('3,3')).toBe('电话号码不对');
  });

  it('returns the look itself when nothing is marked on the sheet', () => {
    const file = look();
    expect(withFindingMarks(file, '花名册', [mark(1, 1, 'x', '其他')])).toBe(file);
  });

  it('gives way when the workbook own marks are written or cleared, or a write is undone, not on other writes', () => {
    expect(endsFindingMarks({ ops: [{ kind: 'markCells', sheet: '花名册', marks: [] }] }, 'apply')).toBe(true);
    expect(endsFindingMarks({ ops: [{ kind: 'clearMarks', sheet: '花名册' }] }, 'apply')).toBe(true);
    expect(endsFindingMarks({ ops: [] }, 'undo')).toBe(true);
    expect(endsFindingMarks({ ops: [{ kind: 'setCells', sheet: '设置', cells: [] }] }, 'apply')).toBe(false);
  });
});

it('takes the marks of every markCells op of a plan (a roster of class sheets has one per sheet)', () => {
  const one = mark(1, 1, 'a', '一班');
  const two = mark(2, 2, 'b', '二班');
  expect(
    marksOf([
      { kind: 'markCells', sheet: '一班', marks: [one] },
      { kind: 'clearMarks', sheet: '一班' },
      { kind: 'markCells', sheet: '二班', marks: [two] },
    ]),
  ).toEqual([one, two]);
});
