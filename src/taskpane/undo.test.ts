import '../core/i18n/all';
import { SHEETS } from '../core/sheets';
import { undoEntryOf, undoWhat } from './undo';

const port = { undoLast: () => Promise.resolve() };

describe('the undo button label', () => {
  it('names the sheet written and its rows, in both languages', () => {
    const result = { written: [{ sheet: SHEETS.pairing, what: 'replaced' as const, rows: 96 }], degraded: [], undo: 'port' as const };
    expect(undoWhat(result, 'zh-CN')).toBe('写入“结对帮扶”（96 行）');
    expect(undoWhat(result, 'en-US')).toBe('writing the 结对帮扶 (pairing) sheet (96 rows)');
    expect(undoEntryOf(result, port, 'zh-CN')).toEqual({ what: '写入“结对帮扶”（96 行）', way: 'port' });
  });

  it('joins several sheets, and names a teacher sheet by its own name', () => {
    const result = {
      written: [
        { sheet: SHEETS.findings, what: 'replaced' as const, rows: 1 },
        { sheet: '花名册', what: 'marked' as const, rows: 5 },
      ],
      degraded: [],
    };
    expect(undoWhat(result, 'zh-CN')).toBe('写入“校验结果”（1 行）、标记“花名册”（5 个单元格）');
    expect(undoWhat(result, 'en-US')).toBe('writing the 校验结果 (check results) sheet (1 row); marking 5 cells on the sheet “花名册”');
  });

  it('names a template written with its header only as a new sheet, not as rows written', () => {
    const result = { written: [{ sheet: SHEETS.mentors, what: 'created' as const, rows: 0 }], degraded: [], undo: 'port' as const };
    expect(undoWhat(result, 'zh-CN')).toBe('新建“帮扶人员”（只有表头）');
    expect(undoWhat(result, 'en-US')).toBe('creating the 帮扶人员 (mentors) sheet (headers only)');
  });

  it('leaves no entry when the write cannot be undone or the port has no undo', () => {
    const written = [{ sheet: SHEETS.log, what: 'appended' as const, rows: 1 }];
    expect(undoEntryOf({ written, degraded: [], undo: 'none' }, port, 'zh-CN')).toBeNull();
    expect(undoEntryOf({ written, degraded: [], undo: 'port' }, {}, 'zh-CN')).toBeNull();
    expect(undoEntryOf({ written, degraded: [], undo: 'host' }, {}, 'en-US')).toEqual({ what: 'adding 1 row to the 谈心记录 (contact log) sheet', way: 'host' });
  });
});
