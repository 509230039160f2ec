import { sheet, workbook } from '../../../tests/helpers/snapshot';
import { isSampleWorkbook } from './sample';

describe('the bundled sample is told by its 设置', () => {
  it('is the sample when 设置 says 示例工作簿 = 是, in the template or a hand-made layout', () => {
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值', '说明'],
            ['示例工作簿', '是', ''],
          ]),
        ),
      ),
    ).toBe(true);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['项目', '设置值'],
            ['示例工作簿：', 1],
          ]),
        ),
      ),
    ).toBe(true);
  });

  it('is a teacher own workbook otherwise: no 设置, no such entry, or 否 / blank', () => {
    expect(isSampleWorkbook(workbook(sheet('花名册', [['姓名'], ['示例工作簿']])))).toBe(false);
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
            ['示例工作簿', '否'],
          ]),
        ),
      ),
    ).toBe(false);
    expect(
      isSampleWorkbook(
        workbook(
          sheet('设置', [
            ['设置项', '值'],
            ['示例工作簿', null],
          ]),
        ),
      ),
    ).toBe(false);
  });
});
