import type { CellValue } from '../cells';
import { isLinkCell, type PlanOp } from '../plan/types';
import { SETTINGS_HEADER } from '../settings';
import type { WorkbookSnapshot } from '../snapshot';
import {
  checkRoster,
  clearMarksOp,
  columnSetting,
  fieldLabel,
  findingsSheetPlan,
  markOps,
  overrideFromSettings,
  overrideSettingsOps,
  renderFinding,
  ROSTER_SHEET_SETTING,
} from './index';
import { makeId, sheet, workbook } from '../../../tests/helpers/snapshot';

const TODAY = '2026-11-29';
const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号', '班级', '监护人姓名', '监护人电话'];
const goodId = makeId('20150312', '125');
const badChecksum = goodId.slice(0, 17) + (goodId[17] === '1' ? '2' : '1');
const roster = sheet('花名册', [
  HEADER,
  [1, '张三', '男', '2015-03-12', makeId('20150312', '123'), '三(1)班', '张爷爷', '13812345678'],
  [2, '李四', '男', '2015-03-12', badChecksum, '三(1)班', '李奶奶', '1381234'], // checksum, phone
  [3, '王五', '男', '2009-01-01', null, '三(1)班', '王爷爷', '13812345678'], // too old: a warning
]);
const check = checkRoster(workbook(roster), { today: TODAY });

describe('findingsSheetPlan', () => {
  const op = findingsSheetPlan(check, 'zh-CN', TODAY);
  if (op.kind !== 'replaceSheet') throw new Error('expected replaceSheet');
  const { content } = op;

  it('rebuilds 校验结果 with the agreed columns and one row per finding', () => {
    expect(op.sheet).toBe('校验结果');
    expect(content.columns.map((c) => c.header)).toEqual(['工作表', '单元格', '行', '字段', '规则', '严重程度', '说明']);
    expect(content.rows).toHaveLength(check.findings.length);
    expect(check.findings.length).toBe(3);
  });

  it('links each row to its cell and names field, rule, severity and message in Chinese', () => {
    const [first] = content.rows;
    expect(first[0]).toBe('花名册');
    expect(first[1]).toEqual({ text: 'E3', link: { sheet: '花名册', row: 2, col: 4 } });
    expect(first[2]).toBe(3);
    expect(first[3]).toBe('身份证号');
    expect(first[4]).toBe('身份证号校验位');
    expect(first[5]).toBe('错误');
    expect(first[6]).toBe(renderFinding(check.findings[0], 'zh-CN'));
    expect(content.rows.map((r) => r[5])).toEqual(['错误', '错误', '警告']);
    expect(content.rows.filter((r) => isLinkCell(r[1])).length).toBe(3);
  });

  it('has a title with counts and the date, a table, and highlights error rows', () => {
    expect(content.titleLines?.[0]).toContain('共 3 个问题，错误 2 个，警告 1 个');
    expect(content.titleLines?.[0]).toContain(TODAY);
    expect(content.table?.name).toBeTruthy();
    expect(content.highlights).toEqual([expect.objectContaining({ col: 5, equals: '错误', fill: '#FFC7CE' })]);
  });

  it('speaks English when asked, and says so when there is nothing to report', () => {
    const en = findingsSheetPlan(check, 'en-US', TODAY);
    if (en.kind !== 'replaceSheet') throw new Error('expected replaceSheet');
    expect(en.content.rows[0][5]).toBe('Error');
    expect(en.content.highlights?.[0].equals).toBe('Error');
    const clean = checkRoster(workbook(sheet('花名册', roster.values.slice(0, 2))), { today: TODAY });
    const none = findingsSheetPlan(clean, 'zh-CN', TODAY);
    if (none.kind !== 'replaceSheet') throw new Error('expected replaceSheet');
    expect(none.content.rows).toEqual([]);
    expect(none.content.titleLines?.[0]).toContain('没有发现问题');
  });

  it('reports a missing column without a cell link', () => {
    const partial = checkRoster(
      workbook(
        sheet('花名册', [
          ['姓名', '班级', '监护人'],
          ['张三', '三(1)班', '张爷爷'],
        ]),
      ),
      { today: TODAY },
    );
    const p = findingsSheetPlan(partial, 'zh-CN', TODAY);
    if (p.kind !== 'replaceSheet') throw new Error('expected replaceSheet');
    expect(p.content.rows).toEqual([['花名册', '', 1, '监护人电话', '缺少必需列', '错误', renderFinding(partial.findings[0], 'zh-CN')]]);
  });
});

describe('marks', () => {
  it('marks each bad cell with a fill by severity and the message as its note', () => {
    const ops = markOps(check, 'zh-CN');
    expect(ops).toHaveLength(1);
    const op = ops[0];
    if (op.kind !== 'markCells') throw new Error('expected markCells');
    expect(op.sheet).toBe('花名册');
    expect(op.marks.map((m) => [m.row, m.col, m.fill])).toEqual([
      [2, 4, '#FFC7CE'],
      [2, 7, '#FFC7CE'],
      [3, 3, '#FFEB9C'],
    ]);
    expect(op.marks[0].note).toBe(renderFinding(check.findings[0], 'zh-CN'));
  });

  it('joins several findings on one cell into one mark, an error fill winning', () => {
    // No birth-date column: age comes from the ID, so a duplicated ID of a 17-year-old has two findings.
    const id = makeId('20090101', '123');
    const twice = checkRoster(
      workbook(
        sheet('花名册', [
          ['姓名', '身份证号', '班级', '监护人', '联系电话'],
          ['张三', id, '三(1)班', '张爷爷', '13812345678'],
          ['张三', id, '三(1)班', '张爷爷', '13812345678'],
        ]),
      ),
      { today: TODAY },
    );
    expect(
      twice.findings
        .filter((f) => f.row === 2 && f.col === 1)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['age-out-of-range', 'duplicate']);
    const op = markOps(twice, 'en-US')[0];
    if (op.kind !== 'markCells') throw new Error('expected markCells');
    const onId = op.marks.filter((m) => m.row === 2 && m.col === 1);
    expect(onId).toHaveLength(1);
    expect(onId[0].fill).toBe('#FFC7CE');
    expect(onId[0].note.split('\n')).toHaveLength(2);
    expect(op.marks.find((m) => m.row === 1)?.fill).toBe('#FFEB9C');
  });

  it('makes no op for a clean roster, and clears marks with one op', () => {
    const clean = checkRoster(workbook(sheet('花名册', roster.values.slice(0, 2))), { today: TODAY });
    expect(markOps(clean, 'zh-CN')).toEqual([]);
    expect(clearMarksOp('花名册')).toEqual({ kind: 'clearMarks', sheet: '花名册' });
  });
});

describe('saved mapping in 设置', () => {
  /** Apply settings ops the way a port would, to read them back. */
  function apply(wb: WorkbookSnapshot, ops: readonly PlanOp[]): WorkbookSnapshot {
    let sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
    for (const op of ops) {
      if (op.kind === 'createSheetIfMissing' && !sheets.some((s) => s.name === op.sheet)) {
        sheets = [...sheets, sheet(op.sheet, [op.content.columns.map((c) => c.header), ...op.content.rows.map((r) => r as CellValue[])])];
      } else if (op.kind === 'setCells') {
        const s = sheets.find((x) => x.name === op.sheet)!;
        for (const c of op.cells) s.values[c.row][c.col] = c.value as CellValue;
      } else if (op.kind === 'appendRows') {
        const s = sheets.find((x) => x.name === op.sheet)!;
        s.values.push(...op.rows.map((r) => [...(r as CellValue[])]));
      } else throw new Error(`unexpected op ${op.kind}`);
    }
    return { sheets };
  }

  it('reads nothing from a workbook without a saved mapping', () => {
    expect(overrideFromSettings(workbook(roster))).toBeUndefined();
    expect(overrideFromSettings(workbook(roster, sheet('设置', [[...SETTINGS_HEADER], ['谈心周期（天）', 7, '']])))).toBeUndefined();
  });

  it('creates 设置 with the mapping and reads the same mapping back', () => {
    const override = { sheet: '花名册', columns: { name: 1, guardianPhone: 27, fatherPhone: null } } as const;
    const ops = overrideSettingsOps(workbook(roster), override);
    expect(ops.map((o) => o.kind)).toEqual(['createSheetIfMissing']);
    const saved = apply(workbook(roster), ops);
    const settings = saved.sheets.find((s) => s.name === '设置')!;
    expect(settings.values).toContainEqual([ROSTER_SHEET_SETTING, '花名册', expect.any(String)]);
    expect(settings.values).toContainEqual([columnSetting('guardianPhone'), 'AB', expect.any(String)]);
    expect(settings.values).toContainEqual(['花名册列：父亲电话', '无', expect.any(String)]);
    // A column is saved with the header it has, so an inserted column cannot shift it unnoticed.
    expect(settings.values).toContainEqual([columnSetting('name'), 'B（姓名）', expect.any(String)]);
    expect(overrideFromSettings(saved)).toEqual({ ...override, headers: { name: '姓名' } });
  });

  it('rewrites values in place, clears pins that were dropped, and appends new ones', () => {
    const first = apply(workbook(roster), overrideSettingsOps(workbook(roster), { sheet: '花名册', columns: { name: 1, className: 5 } }));
    const ops = overrideSettingsOps(first, { sheet: '花名册', columns: { name: 2, guardianName: 6 } });
    expect(ops.map((o) => o.kind)).toEqual(['setCells', 'appendRows']);
    const second = apply(first, ops);
    expect(overrideFromSettings(second)).toEqual({ sheet: '花名册', columns: { name: 2, guardianName: 6 }, headers: { name: '性别', guardianName: '监护人姓名' } });
  });

  it('ignores values that are not column letters, and accepts lower case and an ASCII colon', () => {
    const s = sheet('设置', [[...SETTINGS_HEADER], ['花名册列：姓名', '第二列', ''], ['花名册列:班级', 'f', ''], [columnSetting('gender'), '无', '']]);
    expect(overrideFromSettings(workbook(roster, s))).toEqual({ columns: { className: 5, gender: null } });
  });

  it('feeds back into checkRoster', () => {
    const saved = apply(workbook(roster), overrideSettingsOps(workbook(roster), { columns: { guardianPhone: null } }));
    const again = checkRoster(saved, { today: TODAY, override: overrideFromSettings(saved) });
    expect(again.layout.columns.guardianPhone).toBeUndefined();
    expect(again.findings.some((f) => f.rule === 'header-missing' && f.field === 'guardianPhone')).toBe(true);
    expect(fieldLabel('guardianPhone', 'zh-CN')).toBe('监护人电话');
  });
});
