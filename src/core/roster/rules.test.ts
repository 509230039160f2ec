import type { CellValue } from '../cells';
import { checkRoster, renderFinding, type Finding, type RuleId } from './index';
import { cellError, makeId, sheet, toFullWidth, workbook } from '../../../tests/helpers/snapshot';

const TODAY = '2026-11-29';

/** Columns of the test roster, in order; a record is given by header text -> value. */
const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号', '班级', '监护人姓名', '监护人电话', '监护人年龄', '父亲电话', '母亲电话', '家长电话', '登记日期'];

function good(overrides: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    姓名: '张三',
    性别: '男',
    出生日期: '2015-03-12',
    身份证号: makeId('20150312', '123'),
    班级: '三(1)班',
    监护人姓名: '张爷爷',
    监护人电话: '13812345678',
    监护人年龄: 60,
    ...overrides,
  };
}

function run(records: Record<string, CellValue>[], header: readonly string[] = HEADER) {
  const rows: CellValue[][] = [header.slice()];
  records.forEach((r, i) => rows.push(header.map((h) => (h === '序号' ? i + 1 : (r[h] ?? null)))));
  return checkRoster(workbook(sheet('花名册', rows)), { today: TODAY });
}

function rules(records: Record<string, CellValue>[], header?: readonly string[]): string[] {
  return run(records, header).findings.map((f) => `${f.rule}@${f.row + 1}:${f.field}`);
}

function only(records: Record<string, CellValue>[], rule: RuleId): Finding[] {
  return run(records).findings.filter((f) => f.rule === rule);
}

describe('a clean roster', () => {
  it('has no findings, including the odd but valid ways of writing things', () => {
    const records = [
      good(),
      good({
        姓名: ' 阿依古丽·买买提 ',
        性别: '女',
        身份证号: makeId('20150312', '124')
          .toLowerCase()
          .replace(/\d$/, (d) => d),
        出生日期: '2015年3月12日',
        班级: '三（1）班',
      }),
      good({ 姓名: '李 四', 出生日期: '20150312', 身份证号: makeId('20150312', '135'), 班级: '三年级1班', 监护人电话: '+86 138 1234 5678' }),
      good({ 姓名: '王五', 出生日期: '2015/3/12', 身份证号: makeId('20150312', '157'), 班级: '六年级２班', 监护人电话: 13812345678 }),
      good({ 姓名: '赵六', 出生日期: 42075, 身份证号: toFullWidth(makeId('20150312', '179')), 监护人电话: toFullWidth('139-1234-5678') }),
      good({
        姓名: '孙七',
        出生日期: '2015.3.12',
        身份证号: makeId('20150312', '191'),
        监护人电话: '0755-12345678',
        父亲电话: '010 1234 5678',
        母亲电话: '0086 13912345678',
        家长电话: '0371-1234567',
      }),
      good({ 姓名: '周八', 出生日期: '2015-3', 身份证号: makeId('20150312', '213'), 监护人电话: '  13812345678  ', 登记日期: '2024-09-01' }),
    ];
    expect(rules(records)).toEqual([]);
  });

  it('takes 无 / 暂无 / — in optional ID and phone cells as "none", but not in the required guardian phone', () => {
    const found = rules([good({ 身份证号: '无', 父亲电话: '暂无', 母亲电话: '—' }), good({ 姓名: '李四', 身份证号: '未办理', 监护人电话: '无' })]);
    expect(found).toEqual(['required@3:guardianPhone']);
  });

  it('accepts an ID ending in a lower-case x', () => {
    // 17 digits whose check character is X, typed with a lower-case x.
    let seq = 100;
    let id = makeId('20150312', String(seq));
    while (!id.endsWith('X')) id = makeId('20150312', String(++seq));
    const gender = seq % 2 === 1 ? '男' : '女';
    expect(rules([good({ 身份证号: id.toLowerCase(), 性别: gender })])).toEqual([]);
  });
});

describe('header-missing', () => {
  it('reports each required column that is absent, on the header row', () => {
    const found = run([{ 姓名: '张三', 性别: '男', 出生日期: '2015-03-12' }], ['姓名', '性别', '出生日期']).findings;
    const missing = found.filter((f) => f.rule === 'header-missing');
    expect(missing.map((f) => f.field).sort()).toEqual(['className', 'guardianName', 'guardianPhone']);
    expect(missing.every((f) => f.row === 0 && f.col === null && f.severity === 'error')).toBe(true);
    expect(
      renderFinding(
        missing.find((f) => f.field === 'guardianPhone')!,
        'zh-CN',
      ),
    ).toContain('监护人电话');
  });

  it('is satisfied by a grade column when there is no class column', () => {
    const header = ['姓名', '年级', '监护人', '联系电话'];
    expect(rules([{ 姓名: '张三', 年级: '三年级', 监护人: '张爷爷', 联系电话: '13812345678' }], header)).toEqual([]);
  });
});

describe('required', () => {
  it('reports a blank name, guardian, guardian phone and class on that cell, and still counts the record', () => {
    const check = run([good(), good({ 姓名: '  ', 监护人姓名: null, 监护人电话: '', 班级: null, 身份证号: makeId('20150312', '111') })]);
    expect(check.records).toHaveLength(2);
    const required = check.findings.filter((f) => f.rule === 'required');
    expect(required.map((f) => [f.row + 1, f.field, f.col])).toEqual([
      [3, 'name', 1],
      [3, 'className', 5],
      [3, 'guardianName', 6],
      [3, 'guardianPhone', 7],
    ]);
  });

  it('treats an error value in a required cell as a finding that names the error', () => {
    const found = only([good({ 监护人姓名: cellError('#REF!') })], 'required');
    expect(found).toHaveLength(1);
    expect(renderFinding(found[0], 'en-US')).toContain('#REF!');
  });
});

describe('id rules', () => {
  it('id-precision-lost: an 18-digit ID stored as a number', () => {
    const found = only([good({ 身份证号: 410102201503121230 })], 'id-precision-lost');
    expect(found.map((f) => f.row + 1)).toEqual([2]);
    expect(renderFinding(found[0], 'zh-CN')).toContain('文本');
  });

  it('id-format: wrong length or characters is an error, a 15-digit ID a warning, an impossible birth date an error', () => {
    const found = only(
      [
        good({ 身份证号: '41010220150312123' }),
        good({ 身份证号: '41010220150312123A' }),
        good({ 身份证号: '410102150312123', 出生日期: '1915-03-12' }),
        good({ 身份证号: makeId('20150230', '123'), 出生日期: null }),
        good({ 身份证号: makeId('20270312', '123'), 出生日期: null }),
      ],
      'id-format',
    );
    expect(found.map((f) => [f.row + 1, f.severity, f.messageKey])).toEqual([
      [2, 'error', 'roster.id.badFormat'],
      [3, 'error', 'roster.id.badFormat'],
      [4, 'warning', 'roster.id.legacy15'],
      [5, 'error', 'roster.id.badBirthDate'],
      [6, 'error', 'roster.id.futureBirthDate'],
    ]);
  });

  it('id-checksum: one wrong character', () => {
    const id = makeId('20150312', '123');
    const wrong = id.slice(0, 15) + String((Number(id[15]) + 1) % 10) + id.slice(16);
    expect(only([good({ 身份证号: wrong })], 'id-checksum').map((f) => f.row + 1)).toEqual([2]);
  });

  it('id-region: a warning for a first six digits no GB/T 2260 revision has, none for merged counties or permits', () => {
    const found = only(
      [
        good(),
        good({ 姓名: 'b', 身份证号: makeId('20150312', '135', '439999') }),
        good({ 姓名: 'c', 身份证号: makeId('20150312', '157', '522427') }), // 威宁县 before its 2011 renumbering
        good({ 姓名: 'd', 身份证号: makeId('20150312', '179', '810000') }),
        good({ 姓名: 'e', 身份证号: makeId('20150312', '191', '000000') }),
      ],
      'id-region',
    );
    // The message names the province the first digits stand for where it is known (439999: 湖南省).
    expect(found.map((f) => [f.row + 1, f.severity, f.field, f.messageKey, f.params.region])).toEqual([
      [3, 'warning', 'idNumber', 'roster.id.unknownRegionIn', '湖南省'],
      [6, 'warning', 'idNumber', 'roster.id.unknownRegion', undefined],
    ]);
    expect(renderFinding(found[0], 'zh-CN')).toContain('前几位表示湖南省');
    // An ID whose other checks fail gets no region finding on top.
    const bad = makeId('20150312', '135', '439999');
    expect(only([good({ 身份证号: bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0') })], 'id-region')).toEqual([]);
  });

  it('guardianship-missing: 自我监护 or 无人监护 for a child under 16 (from the birth date or the ID), none at 16 or for other types', () => {
    const header = [...HEADER, '监护类型'];
    const at = (birth: string, seq: string, type: string, extra: Record<string, CellValue> = {}) =>
      good({ 姓名: `c${seq}`, 出生日期: birth, 身份证号: makeId(birth.replace(/-/g, ''), seq), 监护类型: type, ...extra });
    const found = run(
      [
        at('2014-05-01', '101', '自我监护'), // 12
        at('2014-05-01', '103', '无人监护'),
        at('2014-05-01', '105', ' 独自生活 '),
        at('2014-05-01', '107', '祖辈监护'),
        at('2014-05-01', '109', '亲友监护'),
        at('2010-11-29', '111', '自我监护'), // 16 today: no finding (age-out-of-range says the rest)
        at('2010-11-30', '113', '自我监护'), // 16 tomorrow: still 15
        at('2014-05-01', '115', '自我监护', { 出生日期: null }), // age from the ID
        at('2014-05-01', '117', '自我监护', { 出生日期: null, 身份证号: null }), // age unknown: nothing to judge
        at('2014-05-01', '119', '无'),
      ],
      header,
    ).findings.filter((f) => f.rule === 'guardianship-missing');
    expect(found.map((f) => [f.row + 1, f.col, f.severity, f.field, f.messageKey, f.params.age])).toEqual([
      [2, 13, 'error', 'guardianshipType', 'roster.guardianship.self', 12],
      [3, 13, 'error', 'guardianshipType', 'roster.guardianship.none', 12],
      [4, 13, 'error', 'guardianshipType', 'roster.guardianship.self', 12],
      [8, 13, 'error', 'guardianshipType', 'roster.guardianship.self', 15],
      [9, 13, 'error', 'guardianshipType', 'roster.guardianship.self', 12],
    ]);
    expect(renderFinding(found[0], 'zh-CN')).toContain('只有 12 岁');
    expect(renderFinding(found[0], 'en-US')).toContain('only 12');
    // A month-only birth date is judged on the oldest the child can be: born in 2010-11 may be 16 already.
    const monthOnly = run([good({ 出生年月: '2010-11', 身份证号: null, 监护类型: '自我监护' })], ['姓名', '出生年月', '身份证号', '班级', '监护人姓名', '监护人电话', '监护类型']);
    expect(monthOnly.findings.filter((f) => f.rule === 'guardianship-missing')).toEqual([]);
  });

  describe('region-mismatch: 户籍 or 家庭住址 against the region of the ID', () => {
    const header = ['姓名', '身份证号', '班级', '监护人姓名', '监护人电话', '户籍所在地', '家庭住址'];
    // 430524 is 湖南省邵阳市隆回县; 430521 邵东县 was renamed 邵东市 (430582) in 2019.
    const kid = (seq: string, hukou: CellValue, address: CellValue, area = '430524') =>
      good({ 姓名: `c${seq}`, 身份证号: makeId('20150312', seq, area), 户籍所在地: hukou, 家庭住址: address });
    const mismatches = (records: Record<string, CellValue>[]) =>
      run(records, header)
        .findings.filter((f) => f.rule === 'region-mismatch')
        .map((f) => [f.row + 1, f.field, f.severity, f.params.named, f.params.region]);

    it('finds another province or, both clear, another county of the province', () => {
      expect(
        mismatches([
          kid('101', '广东省东莞市', '湖南省邵阳市隆回县岩口镇'),
          kid('103', '湖南省邵阳市隆回县', '广西桂林市灵川县'),
          kid('105', '湖南省邵阳市新邵县', '新邵县酿溪镇'),
        ]),
      ).toEqual([
        [2, 'hukou', 'warning', '广东省', '湖南省邵阳市隆回县'],
        [3, 'address', 'warning', '广西壮族自治区', '湖南省邵阳市隆回县'],
        [4, 'hukou', 'warning', '新邵县', '湖南省邵阳市隆回县'],
        [4, 'address', 'warning', '新邵县', '湖南省邵阳市隆回县'],
      ]);
      const [first] = run([kid('101', '广东省东莞市', '')], header).findings.filter((f) => f.rule === 'region-mismatch');
      expect(renderFinding(first, 'zh-CN')).toBe(
        '第 2 行的“户籍所在地”写的是广东省，而身份证号前六位是湖南省邵阳市隆回县的代码：请对照户口本核对，可能身份证号或“户籍所在地”有误，也可能户口已经迁移。',
      );
    });

    it('raises no false alarm where a place cannot be matched confidently', () => {
      expect(
        mismatches([
          kid('111', '湖南省邵阳市隆回县', '隆回县岩口镇向家村3组'), // the same
          kid('113', '隆回', '岩口镇向家村'), // short forms, no county named
          kid('115', '湖南隆回', '江西村3组'), // a village that starts like a province
          kid('117', '湖南省长沙市', '湖南省'), // another city is not compared, only province and county
          kid('119', '邵阳市', '山东路12号'),
          kid('121', '邵东县团山镇', '湖南省邵阳市邵东市', '430521'), // renamed since the ID was issued
          kid('123', '城步县儒林镇', '城步苗族自治县', '430529'), // an autonomous county written short
          kid('125', '北京市东城区', '北京市东城区', '110103'), // 崇文区 merged into 东城区
          kid('127', '香港', '广东省深圳市', '810000'), // a residence permit
          kid('129', '', null),
        ]),
      ).toEqual([]);
      // An ID that fails its checks is not compared.
      const bad = makeId('20150312', '131', '430524');
      expect(mismatches([good({ 身份证号: bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0'), 户籍所在地: '广东省' })])).toEqual([]);
    });
  });

  it('id-birthdate-mismatch and id-gender-mismatch, reported on the column that disagrees', () => {
    const found = run([good({ 出生日期: '2015-03-13' }), good({ 性别: '女', 身份证号: makeId('20150312', '125'), 姓名: '李四' })]).findings;
    expect(found.map((f) => `${f.rule}@${f.row + 1}:${f.field}`)).toEqual(['id-birthdate-mismatch@2:birthDate', 'id-gender-mismatch@3:gender']);
  });

  it('compares a month-only birth date by month, and 1-男/2-女 gender codes', () => {
    expect(rules([good({ 出生日期: '2015年3月', 性别: '1-男' }), good({ 姓名: '李四', 性别: 2, 身份证号: makeId('20150312', '246') })])).toEqual([]);
    expect(rules([good({ 出生日期: '2015-04' })])).toEqual(['id-birthdate-mismatch@2:birthDate']);
  });
});

describe('phone-format', () => {
  it('flags numbers that are neither a mobile nor a landline with area code, naming the field', () => {
    const found = only(
      [good({ 监护人电话: '1381234567' }), good({ 监护人电话: '12345678901' }), good({ 父亲电话: '87654321' }), good({ 母亲电话: '电话待补' }), good({ 家长电话: 7551234567 })],
      'phone-format',
    );
    expect(found.map((f) => [f.row + 1, f.field])).toEqual([
      [2, 'guardianPhone'],
      [3, 'guardianPhone'],
      [4, 'fatherPhone'],
      [5, 'motherPhone'],
      [6, 'parentPhone'],
    ]);
    expect(renderFinding(found[0], 'zh-CN')).toContain('10 位');
    expect(found[2].messageKey).toBe('roster.phone.noAreaCode');
  });

  it('accepts every mobile range in use and rejects ranges not in use', () => {
    for (const p of ['130', '145', '149', '150', '153', '155', '162', '165', '167', '170', '178', '180', '189', '190', '193', '195', '199']) {
      expect([p, rules([good({ 监护人电话: `${p}12345678` })])]).toEqual([p, []]);
    }
    for (const p of ['120', '140', '144', '154', '160', '161', '163', '168', '179', '194']) {
      expect([p, rules([good({ 监护人电话: `${p}12345678` })])]).toEqual([p, ['phone-format@2:guardianPhone']]);
    }
  });

  it('accepts landlines with extension and several numbers in one cell', () => {
    expect(rules([good({ 监护人电话: '0755-1234567-801', 父亲电话: '13812345678/13912345678', 母亲电话: '028-12345678转123' })])).toEqual([]);
    expect(rules([good({ 父亲电话: '13812345678/139123' })])).toEqual(['phone-format@2:fatherPhone']);
  });

  it('says which number of several is wrong, and reads notes and line breaks without complaint', () => {
    expect(rules([good({ 监护人电话: '13812345678（奶奶）', 父亲电话: '13812345678\n13987654321', 母亲电话: '13812345678 (母)' })])).toEqual([]);
    const [f] = only([good({ 监护人电话: '13812345678（奶奶）\n1398765432（爷爷）' })], 'phone-format');
    expect(f.messageKey).toBe('roster.phone.invalidOf');
    expect(renderFinding(f, 'zh-CN')).toContain('2 个号码，其中第 2 个');
    expect(renderFinding(f, 'en-US')).toContain('holds 2 numbers, and number 2 is not valid (10 digits read)');
  });
});

describe('date-invalid', () => {
  it('flags unreadable, impossible and future dates', () => {
    const found = only(
      [
        good({ 出生日期: '2016-02-30', 身份证号: null }),
        good({ 出生日期: '2015-13-01', 身份证号: null }),
        good({ 出生日期: '不详', 身份证号: null }),
        good({ 出生日期: '2027-01-01', 身份证号: null }),
        good({ 登记日期: '2026-11-30' }),
      ],
      'date-invalid',
    );
    expect(found.map((f) => [f.row + 1, f.field, f.messageKey])).toEqual([
      [2, 'birthDate', 'roster.date.impossible'],
      [3, 'birthDate', 'roster.date.impossible'],
      [4, 'birthDate', 'roster.date.unreadable'],
      [5, 'birthDate', 'roster.date.future'],
      [6, 'joinDate', 'roster.date.future'],
    ]);
  });

  it('accepts a leap day and today', () => {
    expect(rules([good({ 出生日期: '2016-02-29', 身份证号: makeId('20160229', '123') }), good({ 登记日期: TODAY, 姓名: '李四', 身份证号: makeId('20150312', '321') })])).toEqual(
      [],
    );
  });
});

describe('age-out-of-range', () => {
  it('warns at 16 and over and under 3, on the reference date', () => {
    const found = only(
      [
        good({ 出生日期: '2010-11-29', 身份证号: null }), // 16 today
        good({ 出生日期: '2010-11-30', 身份证号: null }), // 15 until tomorrow
        good({ 出生日期: '2023-11-30', 身份证号: null }), // 2
        good({ 出生日期: '2023-11-29', 身份证号: null }), // 3 today
      ],
      'age-out-of-range',
    );
    expect(found.map((f) => [f.row + 1, f.params.age, f.severity])).toEqual([
      [2, 16, 'warning'],
      [4, 2, 'warning'],
    ]);
  });

  it('judges a month-only birth date by both ends of its month', () => {
    // Born some day in November 2010: 16 only if born by the 29th, so no warning until December.
    expect(only([good({ 出生日期: '2010-11', 身份证号: null })], 'age-out-of-range')).toEqual([]);
    expect(only([good({ 出生日期: '2010-10', 身份证号: null })], 'age-out-of-range').map((f) => f.params.age)).toEqual([16]);
    expect(only([good({ 出生日期: '2023-11', 身份证号: null })], 'age-out-of-range')).toEqual([]);
    expect(only([good({ 出生日期: '2023-12', 身份证号: null })], 'age-out-of-range').map((f) => f.params.age)).toEqual([2]);
  });

  it('uses the birth date in the ID when there is no birth-date column', () => {
    const header = HEADER.filter((h) => h !== '出生日期');
    const found = run([good({ 身份证号: makeId('20080101', '123') })], header).findings;
    expect(found.map((f) => `${f.rule}:${f.field}`)).toEqual(['age-out-of-range:idNumber']);
  });
});

describe('grade-invalid', () => {
  it('flags grades and classes that cannot be read or do not exist', () => {
    const found = only([good({ 班级: '十三年级' }), good({ 班级: '待定' }), good({ 班级: '三(0)班' }), good({ 班级: '2010级' })], 'grade-invalid');
    expect(found.map((f) => f.row + 1)).toEqual([2, 3, 4, 5]);
  });

  it('reads the usual forms, and entry years from the school year today is in', () => {
    const forms = ['三(1)班', '三（1）班', '三年级1班', '六年级２班', '3.1班', '初一(2)班', '七年级', '2018级', '3-1班', '301班'];
    expect(rules(forms.map((c, i) => good({ 班级: c, 姓名: `学生${i}`, 身份证号: makeId('20150312', String(101 + i * 2)) })))).toEqual([]);
    const labels = run(forms.map((c, i) => good({ 班级: c, 姓名: `学生${i}`, 身份证号: makeId('20150312', String(101 + i * 2)) }))).records.map((r) => r.classLabel);
    expect(labels).toEqual(['三(1)班', '三(1)班', '三(1)班', '六(2)班', '三(1)班', '初一(2)班', '初一', '初三', '三(1)班', '三(1)班']);
  });
});

describe('duplicate', () => {
  it('reports the same ID on the later row, naming the earlier one', () => {
    const found = only([good(), good({ 姓名: '张三丰' }), good({ 姓名: '李四', 身份证号: makeId('20150312', '135') })], 'duplicate');
    expect(found.map((f) => [f.row + 1, f.params.earlierRow, f.severity])).toEqual([[3, 2, 'error']]);
    expect(renderFinding(found[0], 'zh-CN')).toMatch(/第 3 行与第 2 行/);
  });

  it('reports the same name and birth date where an ID is missing, but not two children with different IDs', () => {
    const noId = only([good(), good({ 身份证号: null, 姓名: ' 张三 ' })], 'duplicate');
    expect(noId.map((f) => [f.row + 1, f.field, f.severity])).toEqual([[3, 'name', 'warning']]);
    expect(only([good(), good({ 身份证号: makeId('20150312', '135') })], 'duplicate')).toEqual([]);
  });

  it('names the first of several same-name-and-birth rows, and stays silent where both rows have IDs', () => {
    // The name-and-birth index only holds pairs an ID-less row carries: rows with IDs before and after
    // such a row must still be found, or passed over, exactly as before.
    const records = [
      good({ 身份证号: null }), // row 2: no ID
      good(), // row 3: ID; the earlier row has none -> warning
      good({ 身份证号: makeId('20150312', '135') }), // row 4: ID; earlier row 2 still has none -> warning
      good({ 姓名: '李四', 身份证号: makeId('20150312', '157') }), // row 5: first 李四, with ID
      good({ 姓名: '李四', 身份证号: makeId('20150312', '179') }), // row 6: both have IDs -> nothing
      good({ 姓名: '李四', 身份证号: null }), // row 7: no ID -> warning naming row 5
      good({ 姓名: '王五', 出生日期: '2015-03-13', 身份证号: null }), // a name that no other row carries
    ];
    const found = only(records, 'duplicate');
    expect(found.map((f) => [f.row + 1, f.params.earlierRow, f.severity])).toEqual([
      [3, 2, 'warning'],
      [4, 2, 'warning'],
      [7, 5, 'warning'],
    ]);
  });

  it('does not compare an ID stored as a number (its digits are gone)', () => {
    expect(only([good({ 身份证号: 410102201503121230 }), good({ 身份证号: 410102201503121230, 姓名: '李四' })], 'duplicate')).toEqual([]);
  });
});

describe('guardian-age', () => {
  it('is an error under 18 and a warning over 75', () => {
    const found = only(
      [
        good({ 监护人年龄: 17 }),
        good({ 监护人年龄: '18岁', 姓名: 'b', 身份证号: null }),
        good({ 监护人年龄: 75, 姓名: 'c', 身份证号: null }),
        good({ 监护人年龄: '76', 姓名: 'd', 身份证号: null }),
        good({ 监护人年龄: '很老', 姓名: 'e', 身份证号: null }),
      ],
      'guardian-age',
    );
    expect(found.map((f) => [f.row + 1, f.severity, f.params.age ?? null])).toEqual([
      [2, 'error', 17],
      [5, 'warning', 76],
      [6, 'warning', null],
    ]);
  });
});

describe('cell-error and messages', () => {
  it('puts an error value in each column under the rule that owns it, never crashing', () => {
    const header = [...HEADER, '家庭住址'];
    const found = run(
      [good({ 身份证号: cellError('#N/A'), 父亲电话: cellError('#VALUE!'), 出生日期: cellError('#DIV/0!'), 班级: cellError('#NAME?'), 家庭住址: cellError('#REF!') })],
      header,
    ).findings;
    expect(found.map((f) => `${f.rule}:${f.field}`).sort()).toEqual(
      ['cell-error:address', 'date-invalid:birthDate', 'grade-invalid:className', 'id-format:idNumber', 'phone-format:fatherPhone'].sort(),
    );
  });

  it('never puts names, IDs or phones into message parameters', () => {
    const id = makeId('20150312', '123');
    const check = run([good({ 身份证号: id + '1', 监护人电话: '1381234' }), good({ 出生日期: '2030-01-01' }), good()]);
    for (const f of check.findings) {
      const text = JSON.stringify(f.params) + renderFinding(f, 'zh-CN') + renderFinding(f, 'en-US');
      expect(text).not.toContain('张三');
      expect(text).not.toContain('1381234');
      expect(text).not.toContain(id.slice(0, 12));
    }
    expect(check.findings.length).toBeGreaterThan(2);
  });

  it('renders every finding in both languages with no placeholder left', () => {
    const check = run(
      [good({ 身份证号: '123', 监护人电话: 'x', 班级: '待定', 监护人年龄: 10, 出生日期: '2000-01-01' }), good()],
      HEADER.filter((h) => h !== '监护人姓名'),
    );
    for (const f of check.findings) for (const lang of ['zh-CN', 'en-US'] as const) expect(renderFinding(f, lang)).not.toMatch(/\{\w+\}|^roster\./);
  });
});
