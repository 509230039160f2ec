import type { CellValue } from '../cells';
import { checkRoster } from './index';
import { cellError, makeId, merge, sheet, workbook } from '../../../tests/helpers/snapshot';

const TODAY = '2026-11-29';
const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号', '班级', '监护人姓名', '监护人电话'];
const ROW = (n: number, name: CellValue = `学生${n}`): CellValue[] => [n, name, '男', '2015-03-12', makeId('20150312', String(101 + 2 * n)), '三(1)班', '张爷爷', '13812345678'];

function check(rows: CellValue[][]) {
  return checkRoster(workbook(sheet('花名册', [HEADER, ...rows])), { today: TODAY });
}

describe('which rows are records', () => {
  it('skips blank rows and rows holding only a pre-filled serial number', () => {
    const result = check([ROW(1), [], [null, '  ', null], ROW(2), [3], [4, null, null, null, null, null, null, '']]);
    expect(result.records.map((r) => r.row)).toEqual([1, 4]);
    expect(result.skipped).toEqual([]);
  });

  it('skips template rows whose formulas show 0 or an empty string for every field', () => {
    const result = check([ROW(1), [2, 0, '', 0, 0, 0, '', 0], [3, 0, 0, 0, 0, 0, 0, 0]]);
    expect(result.records.map((r) => r.row)).toEqual([1]);
  });

  it('keeps a row with child data but a blank name, and reports the blank name', () => {
    const result = check([ROW(1), ROW(2, null)]);
    expect(result.records).toHaveLength(2);
    expect(result.findings.map((f) => `${f.rule}@${f.row + 1}:${f.field}`)).toEqual(['required@3:name']);
  });

  it.each([[['合计', null, null, null, null, null, null, null]], [[null, '总计']], [['小计', '3人']], [['共48人']], [[null, '共 48 人']], [['共计：48人']], [['合　计', '48']]])(
    'passes over the totals row %p',
    (line) => {
      const result = check([ROW(1), line, ROW(2)]);
      expect(result.records.map((r) => r.row)).toEqual([1, 3]);
      expect(result.skipped).toEqual([{ sheet: '花名册', row: 2, reason: 'total' }]);
      expect(result.findings).toEqual([]);
    },
  );

  it.each([
    [['填表人：王老师', null, null, '审核人：李校长']],
    [['审核人：']],
    [['制表人：张老师']],
    [['负责人签字：']],
    [[null, '填表日期：2026年9月1日']],
    [['注：身份证号请以文本格式填写']],
    [['学校（盖章）']],
  ])('passes over the signature or footer line %p', (line) => {
    const result = check([ROW(1), line]);
    expect(result.records.map((r) => r.row)).toEqual([1]);
    expect(result.skipped).toEqual([{ sheet: '花名册', row: 2, reason: 'footer' }]);
    expect(result.findings).toEqual([]);
  });

  it('does not mistake names starting with the same characters for totals or footers', () => {
    const result = check([ROW(1, '单小明'), ROW(2, '合一'), ROW(3, '共同')]);
    expect(result.records.map((r) => r.name)).toEqual(['单小明', '合一', '共同']);
  });

  it('passes over a header repeated for a second printed page', () => {
    const result = check([ROW(1), HEADER, ROW(2)]);
    expect(result.records.map((r) => r.row)).toEqual([1, 3]);
    expect(result.skipped).toEqual([{ sheet: '花名册', row: 2, reason: 'repeatedHeader' }]);
    expect(result.findings).toEqual([]);
  });

  it('knows a repeated header written with spaces, required marks and full-width letters, and keeps children named like header words', () => {
    // Cells are first tested by their first ideograph, then normalised; both ways must agree.
    const spaced = [' 序号', '＊姓　名', '性 别', '※出生日期：', '★身份证号', '班级', '监护人姓名', '监护人电话'];
    const result = check([ROW(1), spaced, ROW(2, '姓明'), ROW(3, '名字')]);
    expect(result.skipped).toEqual([{ sheet: '花名册', row: 2, reason: 'repeatedHeader' }]);
    expect(result.records.map((r) => r.name)).toEqual(['学生1', '姓明', '名字']);
  });

  it("passes over a row numbering the columns under the header, and a template's example row", () => {
    const result = check([[1, 2, 3, 4, 5, 6, 7, 8], ['示例', '张小明', '男', '2015-03-12', '110105201503120011', '三(1)班', '张爷爷', '13800000000'], ROW(1)]);
    expect(result.records.map((r) => r.row)).toEqual([3]);
    expect(result.skipped).toEqual([
      { sheet: '花名册', row: 1, reason: 'columnNumbers' },
      { sheet: '花名册', row: 2, reason: 'example' },
    ]);
    // Further down, a row of small numbers is data, not column numbers.
    expect(check([ROW(1), [1, 2, 3, 4]]).records).toHaveLength(2);
  });

  it('passes over a repeated two-level header, both of its rows', () => {
    const top: CellValue[] = ['姓名', '班级', '监护人', null];
    const sub: CellValue[] = [null, null, '姓名', '电话'];
    const line = (name: string): CellValue[] => [name, '三(1)班', '张爷爷', '13812345678'];
    const s = sheet('花名册', [top, sub, line('张三'), top, sub, line('李四')], { merges: [merge(0, 2, 1, 2), merge(3, 2, 1, 2)] });
    const result = checkRoster(workbook(s), { today: TODAY });
    expect(result.records.map((r) => r.name)).toEqual(['张三', '李四']);
    expect(result.skipped?.map((x) => x.row)).toEqual([3, 4]);
  });
});

describe('reading values', () => {
  it('normalises without changing the snapshot', () => {
    const rows = [[1, ' 阿依古丽·买买提 ', '2-女', '2015年3月12日', makeId('20150312', '124').toLowerCase(), '三（1）班', ' 张  爷爷 ', '+86 138-1234-5678']];
    const snapshot = workbook(sheet('花名册', [HEADER, ...rows]));
    const before = JSON.stringify(snapshot);
    const [r] = checkRoster(snapshot, { today: TODAY }).records;
    expect(JSON.stringify(snapshot)).toBe(before);
    expect(r).toMatchObject({
      name: '阿依古丽·买买提',
      gender: '女',
      birthDate: '2015-03-12',
      idNumber: makeId('20150312', '124').toUpperCase(),
      grade: 3,
      classLabel: '三(1)班',
      guardianName: '张爷爷',
      guardianPhone: '13812345678',
    });
    expect(r.raw.name).toBe(' 阿依古丽·买买提 ');
  });

  it('fills birth date and gender from a valid ID when their columns are blank', () => {
    const [r] = check([[1, '张三', null, null, makeId('20140601', '246'), '三(1)班', '张爷爷', '13812345678']]).records;
    expect(r).toMatchObject({ birthDate: '2014-06-01', gender: '女' });
  });

  it('reads the optional fields', () => {
    const header = ['姓名', '班级', '监护人', '联系电话', '留守类型', '是否寄宿', '是否重点帮扶', '家庭住址', '与学生关系', '监护人年龄'];
    const s = sheet('花名册', [header, ['张三', '三(1)班', '张爷爷', '13812345678', '2-双亲留守', '√', '是', ' 某某村三组 ', '祖父', '66岁']]);
    const [r] = checkRoster(workbook(s), { today: TODAY }).records;
    expect(r).toMatchObject({ leftBehindType: 'both', boarding: true, keyFocus: true, address: '某某村三组', guardianRelation: '祖父', guardianAge: 66 });
  });

  describe("留守类型 inferred from the parents' workplaces", () => {
    const lbOf = (header: string[], rows: CellValue[][]) => checkRoster(workbook(sheet('花名册', [header, ...rows])), { today: TODAY }).records.map((r) => r.leftBehindType);
    const noColumn = ['姓名', '班级', '监护人', '联系电话', '父亲务工地点', '母亲务工地点'];
    const base = ['张三', '三(1)班', '张爷爷', '13812345678'];

    it('without a 留守类型 column: both workplaces -> both, one -> one, neither -> unknown', () => {
      expect(
        lbOf(noColumn, [
          [...base, '广东东莞', '浙江宁波'],
          [...base, '广东东莞', null],
          [...base, '', ' 浙江宁波 '],
          [...base, null, null],
        ]),
      ).toEqual(['both', 'one', 'one', null]);
    });

    it('does not count "none" or "at home" words, blanks of spaces or error values as a workplace', () => {
      expect(
        lbOf(noColumn, [
          [...base, '广东东莞', '无'],
          [...base, '在家', '浙江宁波'],
          [...base, '  ', '/'],
          [...base, cellError('#N/A'), '浙江宁波'],
        ]),
      ).toEqual(['one', 'one', null, 'one']);
    });

    it('infers for a blank 留守类型 cell; an explicit one always wins', () => {
      const header = [...noColumn, '留守类型'];
      expect(
        lbOf(header, [
          [...base, '广东东莞', '浙江宁波', null],
          [...base, '广东东莞', '浙江宁波', ' '],
          [...base, '广东东莞', '浙江宁波', '1-单亲留守'],
          [...base, '广东东莞', '浙江宁波', '非留守'],
          [...base, '广东东莞', null, '双亲留守'],
          [...base, null, null, '2'],
        ]),
      ).toEqual(['both', 'both', 'one', 'none', 'both', 'both']);
    });

    it("reads 父母是否外出 and each parent's 是否外出 before the workplaces; an explicit 留守类型 still wins", () => {
      const header = ['姓名', '班级', '监护人', '联系电话', '父母是否外出', '父亲是否外出', '母亲是否外出', '父亲务工地点', '母亲务工地点', '留守类型'];
      expect(
        lbOf(header, [
          [...base, '双方外出', null, null, null, null, null],
          [...base, '母亲外出', null, null, '广东东莞', '浙江宁波', null],
          [...base, null, '是', '否', null, '浙江宁波', null],
          [...base, null, '否', '否', null, null, null],
          [...base, null, '是', null, null, '浙江宁波', null],
          [...base, null, null, null, '广东东莞', null, null],
          [...base, '双方外出', null, null, null, null, '0'],
          [...base, '不清楚', null, null, null, null, null],
        ]),
      ).toEqual(['both', 'one', 'one', 'none', 'both', 'one', 'none', null]);
    });

    it('leaves it unknown when the roster has neither column', () => {
      expect(lbOf(['姓名', '班级', '监护人', '联系电话'], [base])).toEqual([null]);
    });
  });

  it('handles formula error values in any cell without throwing', () => {
    const row: CellValue[] = [1, cellError('#N/A'), cellError('#VALUE!'), cellError('#REF!'), cellError('#NAME?'), cellError('#DIV/0!'), cellError('#NULL!'), cellError('#NUM!')];
    const result = check([row]);
    expect(result.records).toHaveLength(1);
    expect(result.findings.map((f) => f.col)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.findings.every((f) => typeof f.params.error === 'string')).toBe(true);
  });
});

describe('merged cells under the header', () => {
  // 班级 merged down each class (F), twins sharing one merged 监护人 (G) and phone (H).
  const child = (n: number, cls: CellValue, guardian: CellValue = `监护人${n}`, phone: CellValue = `1381234${String(5000 + n)}`): CellValue[] => [
    n,
    `学生${n}`,
    '男',
    '2015-03-12',
    makeId('20150312', String(101 + 2 * n)),
    cls,
    guardian,
    phone,
  ];
  const rows = [HEADER, child(1, '三(1)班'), child(2, null), child(3, null, '王奶奶', '13912345678'), child(4, null, null, null), child(5, '三(2)班'), child(6, null)];
  const merges = [merge(1, 5, 4, 1), merge(3, 6, 2, 1), merge(3, 7, 2, 1), merge(5, 5, 2, 1)];

  it('reads a merged class, guardian and phone on every row they cover', () => {
    const result = checkRoster(workbook(sheet('花名册', rows, { merges })), { today: TODAY });
    expect(result.records.map((r) => r.classLabel)).toEqual(['三(1)班', '三(1)班', '三(1)班', '三(1)班', '三(2)班', '三(2)班']);
    expect(result.records.map((r) => r.guardianName)).toEqual(['监护人1', '监护人2', '王奶奶', '王奶奶', '监护人5', '监护人6']);
    expect(result.records[3].guardianPhone).toBe('13912345678');
    expect(result.records[3].raw.className).toBe('三(1)班');
    expect(result.findings).toEqual([]);
  });

  it('without the merges the covered rows read as empty (what the host must not lose)', () => {
    const result = checkRoster(workbook(sheet('花名册', rows)), { today: TODAY });
    expect(result.findings.filter((f) => f.rule === 'required').length).toBeGreaterThan(4);
  });

  it('reports a wrong merged value once, at the area\u2019s top-left cell', () => {
    const bad = rows.map((r) => [...r]);
    bad[3][7] = '1391234567'; // the twins' shared phone lacks a digit
    bad[5][5] = '十二年级1班'; // the second class cannot be read
    const result = checkRoster(workbook(sheet('花名册', bad, { merges })), { today: TODAY });
    expect(result.findings.map((f) => `${f.rule}@${f.row + 1}:${f.col}`)).toEqual(['phone-format@4:7', 'grade-invalid@6:5']);
  });

  it('reports a blank merged cell once, where its area starts, even below its first row', () => {
    const blank = rows.map((r) => [...r]);
    blank[3][6] = null; // the twins' merged 监护人 left empty
    const result = checkRoster(workbook(sheet('花名册', blank, { merges })), { today: TODAY });
    expect(result.findings.map((f) => `${f.rule}@${f.row + 1}:${f.field}`)).toEqual(['required@4:guardianName']);
  });

  it('keeps a finding that compares the cell with the child\u2019s own ID on the child\u2019s row', () => {
    // Twins with one merged 性别 cell saying 男, where the second twin's ID says female.
    const twins = [HEADER, child(1, '三(1)班'), child(2, '三(1)班')];
    twins[2][4] = makeId('20150312', '104');
    twins[2][2] = null;
    const result = checkRoster(workbook(sheet('花名册', twins, { merges: [merge(1, 2, 2, 1)] })), { today: TODAY });
    expect(result.findings.map((f) => `${f.rule}@${f.row + 1}:${f.field}`)).toEqual(['id-gender-mismatch@3:gender']);
  });

  it('makes no child of rows a merged class reaches below the last child', () => {
    const result = checkRoster(workbook(sheet('花名册', [HEADER, child(1, '三(1)班'), [], []], { merges: [merge(1, 5, 3, 1)] })), { today: TODAY });
    expect(result.records).toHaveLength(1);
    expect(result.findings).toEqual([]);
  });

  it('carries nothing from a merge that starts in the header, nor across a section row', () => {
    const noClass = ['序号', '姓名', '监护人姓名', '监护人电话'];
    const s = sheet('花名册', [noClass, ['三年级一班'], [1, '张三', '张爷爷', '13812345678']], { merges: [merge(0, 3, 1, 1), merge(1, 0, 1, 4)] });
    const result = checkRoster(workbook(s), { today: TODAY });
    expect(result.records.map((r) => [r.name, r.classLabel])).toEqual([['张三', '三(1)班']]);
    expect(result.skipped).toEqual([{ sheet: '花名册', row: 1, reason: 'section' }]);
  });
});
