import type { CellValue } from '../cells';
import { sheet, workbook } from '../../../tests/helpers/snapshot';
import { headerTextsFound, isSampleWorkbook, planSettings, readSettings, sampleDate, settingsLayout, workbookToday } from './index';

describe('headerTextsFound', () => {
  it('quotes the header under a title, never the children below it, nor a phone or an ID', () => {
    const s = sheet('谈心记录', [['2025年秋季谈心记录'], ['周次', '主题', '13812345678'], ['小红', '张老师', '三(1)班', '谈心']]);
    expect(headerTextsFound(s)).toBe('周次、主题');
    expect(headerTextsFound(sheet('x', [[1, 2]]))).toBe('');
  });
});

describe('a 设置 made by hand', () => {
  it('is read from its header wherever the columns are, labels compared loosely, the first of a label winning', () => {
    const s = sheet('设置', [['学校设置'], ['序号', '项目', '备注', '设置值'], [1, '谈心周期 (天)', '每周', '７'], [2, '谈心周期（天）', null, 30]]);
    expect(settingsLayout(s)).toEqual({ headerRow: 1, labelCol: 1, valueCol: 3, noteCol: 2, appendable: false });
    const entries = readSettings(workbook(s));
    expect(entries.get('谈心周期（天）')).toEqual({ label: '谈心周期 (天)', value: '７', row: 2, col: 3 });
    expect(entries.has('谈心周期')).toBe(true);
  });

  it('keeps the template layout appendable, with or without its header', () => {
    const plain = workbook(sheet('设置', [['学校名称', '青石小学']]));
    const { ops, notWritten } = planSettings(plain, [], new Map([['谈心周期（天）', { value: 7 }]]));
    expect([ops.map((o) => o.kind), notWritten]).toEqual([['appendRows'], null]);
  });
});

describe('sampleDate (设置 示例日期)', () => {
  const withSettings = (rows: CellValue[][]) => workbook(sheet('设置', rows));
  it('reads the demo day as a date cell or as text, wherever its row is', () => {
    expect(
      sampleDate(
        withSettings([
          ['设置项', '值'],
          ['学校名称', '白水镇中心小学'],
          ['示例日期', 46356],
        ]),
      ),
    ).toBe('2026-11-30');
    expect(
      sampleDate(
        withSettings([
          ['设置项', '值'],
          ['示例日期', '2026年11月30日'],
        ]),
      ),
    ).toBe('2026-11-30');
  });
  it('is null for a school workbook without the row, a blank value, or one that is no date', () => {
    expect(
      sampleDate(
        withSettings([
          ['设置项', '值'],
          ['学校名称', '白水镇中心小学'],
        ]),
      ),
    ).toBeNull();
    expect(
      sampleDate(
        withSettings([
          ['设置项', '值'],
          ['示例日期', null],
        ]),
      ),
    ).toBeNull();
    expect(
      sampleDate(
        withSettings([
          ['设置项', '值'],
          ['示例日期', '下周一'],
        ]),
      ),
    ).toBeNull();
    expect(sampleDate(workbook(sheet('花名册', [['姓名']])))).toBeNull();
  });
});

describe('workbookToday (one rule for the command line, the standalone page and the Excel pane)', () => {
  const sample = workbook(
    sheet('设置', [
      ['设置项', '值'],
      ['示例日期', 46356],
    ]),
  );
  const school = workbook(sheet('设置', [['学校名称', '白水镇中心小学']]));
  it("takes the sample's 示例日期 over the clock, and a date the host was told over both", () => {
    expect(workbookToday(sample, '2027-03-15')).toBe('2026-11-30');
    expect(workbookToday(sample, '2027-03-15', null)).toBe('2026-11-30');
    expect(workbookToday(sample, '2027-03-15', '2027-01-04')).toBe('2027-01-04');
  });
  it("is the clock's date for a school workbook (no 示例日期, or no 设置 at all) unless told another", () => {
    expect(workbookToday(school, '2027-03-15')).toBe('2027-03-15');
    expect(workbookToday(workbook(sheet('花名册', [['姓名']])), '2027-03-15')).toBe('2027-03-15');
    expect(workbookToday(school, '2027-03-15', '2027-01-04')).toBe('2027-01-04');
  });
});

describe('isSampleWorkbook (the first steps show only on the sample)', () => {
  it('is the sample when 设置 gives a 示例日期, in the template or a hand-made layout', () => {
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值', '说明'],
            ['学校名称', '白水镇中心小学', ''],
            ['示例日期', 46356, ''],
          ]),
        ),
      ),
    ).toBe(true);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['项目', '设置值'],
            ['示例日期：', '2026-11-30'],
          ]),
        ),
      ),
    ).toBe(true);
  });

  it('is a teacher own workbook otherwise: no 设置, the row deleted, blank or no date', () => {
    expect(isSampleWorkbook(workbook(sheet('花名册', [['姓名'], ['示例日期']])))).toBe(false);
    // 设置 in the template's layout with one row: label and value.
    const oneRow = (label: string, value: CellValue) =>
      workbook(
        sheet('设置', [
          ['设置项', '值'],
          [label, value],
        ]),
      );
    expect(isSampleWorkbook(oneRow('学校名称', '示例小学'))).toBe(false);
    expect(isSampleWorkbook(oneRow('示例日期', null))).toBe(false);
    expect(isSampleWorkbook(oneRow('示例日期', '下周一'))).toBe(false);
  });
});
