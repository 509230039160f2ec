import { sheet, workbook } from '../../../tests/helpers/snapshot';
import { isSampleWorkbook } from './sample';

describe('the bundled sample is told by its 设置', () => {
  it('is the sample when 设置 gives a 示例日期, as a date cell or as text, in the template or a hand-made layout', () => {
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

  it('is a teacher own workbook otherwise: no 设置, no such row (deleted), or the row left blank', () => {
    expect(isSampleWorkbook(workbook(sheet('花名册', [['姓名'], ['示例日期']])))).toBe(false);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值'],
            ['学校名称', '示例小学'],
          ]),
        ),
      ),
    ).toBe(false);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值'],
            ['示例日期', null],
          ]),
        ),
      ),
    ).toBe(false);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值'],
            ['示例日期', '  '],
          ]),
        ),
      ),
    ).toBe(false);
  });
});
