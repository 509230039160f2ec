import type { CellValue } from '../cells';
import { checkRoster, findRosterLayouts, matchHeader, normalizeHeader, RosterNotFoundError } from './index';
import { makeId, merge, sheet, workbook } from '../../../tests/helpers/snapshot';
import { isRowNumberHeader } from './detect';

const TODAY = '2026-11-29';
const HEADER = ['序号', '姓名', '性别', '出生日期', '身份证号', '班级', '监护人姓名', '监护人电话'];
const ROW = (n: number): CellValue[] => [n, `学生${n}`, '男', '2015-03-12', makeId('20150312', String(101 + 2 * n)), '三(1)班', '张爷爷', '13812345678'];

describe('header matching', () => {
  it('normalises spaces, line breaks, full-width characters and required marks', () => {
    expect(normalizeHeader('学生\n姓名')).toBe('学生姓名');
    expect(normalizeHeader('姓　名')).toBe('姓名');
    expect(normalizeHeader('*身份证号：')).toBe('身份证号');
    expect(normalizeHeader('（ＡＢ）')).toBe('(ab)');
  });

  it.each([
    ['学生\n姓名', 'name'],
    ['留守儿童姓名', 'name'],
    ['身份证号码（18位）', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['出生年月', 'birthDate'],
    ['就读年级', 'grade'],
    ['班别', 'className'],
    ['家庭详细地址', 'address'],
    ['父亲联系电话', 'fatherPhone'],
    ['母亲务工单位/地点', 'motherWorkplace'],
    ['委托监护人', 'guardianName'],
    ['监护人与学生关系', 'guardianRelation'],
    ['监护人年龄', 'guardianAge'],
    ['父母联系电话', 'parentPhone'],
    ['留守类型', 'leftBehindType'],
    ['是否寄宿', 'boarding'],
    ['重点帮扶对象', 'keyFocus'],
    ['性别(男/女)', 'gender'],
  ])('%p -> %s', (text, field) => {
    expect(matchHeader(normalizeHeader(text))).toBe(field);
  });

  it('does not map text that is not a header', () => {
    expect(matchHeader(normalizeHeader('XX小学留守儿童花名册'))).toBeNull();
    expect(matchHeader(normalizeHeader('家长姓名'))).toBeNull();
  });
});

describe('finding the roster sheet', () => {
  const cover = sheet('说明', [['留守儿童档案填写说明'], ['1. 姓名：填写学生全名'], ['姓名', '填写学生全名'], ['身份证号', '以文本格式填写18位号码']]);

  it('passes over a cover or instruction sheet before the roster', () => {
    const roster = sheet('花名册', [HEADER, ROW(1), ROW(2)]);
    const check = checkRoster(workbook(cover, roster), { today: TODAY });
    expect(check.layout.sheet).toBe('花名册');
    expect(check.records).toHaveLength(2);
    expect(findRosterLayouts(workbook(cover, roster)).map((l) => l.sheet)).toEqual(['花名册']);
  });

  it("skips the add-in's own sheets even when they look like a roster", () => {
    const pairing = sheet('结对帮扶', [['姓名', '班级', '监护人', '联系电话', '帮扶教师', '身份证号']]);
    const roster = sheet('Sheet1', [HEADER, ROW(1)]);
    expect(findRosterLayouts(workbook(pairing, roster)).map((l) => l.sheet)).toEqual(['Sheet1']);
  });

  it('prefers the sheet whose header matches best, and a visible sheet on a tie', () => {
    const weak = sheet('名单', [
      ['姓名', '班级', '备注'],
      ['张三', '三(1)班', null],
    ]);
    const hidden = sheet('模板', [HEADER], { visible: false });
    const roster = sheet('花名册', [HEADER, ROW(1)]);
    const layouts = findRosterLayouts(workbook(weak, hidden, roster));
    expect(layouts.map((l) => l.sheet)).toEqual(['花名册', '模板', '名单']);
    expect(layouts[0].score).toBeGreaterThan(layouts[2].score);
  });

  it('prefers the sheet with children under an equal header to a template or example sheet', () => {
    const template = sheet('填写样表', [HEADER]);
    const roster = sheet('花名册', [HEADER, ROW(1), ROW(2)]);
    expect(checkRoster(workbook(template, roster), { today: TODAY }).layout.sheet).toBe('花名册');
  });

  it('throws RosterNotFoundError, with a message key, when nothing looks like a roster', () => {
    const attempt = (wb: ReturnType<typeof workbook>, sheetName?: string) => {
      try {
        checkRoster(wb, { today: TODAY, sheet: sheetName });
      } catch (e) {
        return e;
      }
      return null;
    };
    const none = attempt(workbook(cover));
    expect(none).toBeInstanceOf(RosterNotFoundError);
    expect((none as RosterNotFoundError).messageKey).toBe('roster.notFound.noRoster');
    expect((attempt(workbook(sheet('Sheet1', [[null, '']]))) as RosterNotFoundError).reason).toBe('emptyWorkbook');
    expect((attempt(workbook(cover), '花名册') as RosterNotFoundError).reason).toBe('sheetMissing');
    expect((attempt(workbook(sheet('空', [['abc']])), '空') as RosterNotFoundError).reason).toBe('sheetNoHeader');
  });

  it('copes with empty sheets and ragged or sparse rows', () => {
    const sparse: CellValue[] = [];
    sparse[1] = '张三';
    sparse[5] = '三(1)班';
    sparse[6] = '张爷爷';
    sparse[7] = '13812345678';
    const wb = workbook(sheet('空表', []), sheet('花名册', [HEADER, sparse, [], [undefined as unknown as CellValue]]));
    const check = checkRoster(wb, { today: TODAY });
    expect(check.records.map((r) => r.name)).toEqual(['张三']);
    expect(check.findings).toEqual([]);
  });

  it('checks the sheet it is told to check', () => {
    const a = sheet('一班', [HEADER, ROW(1)]);
    const b = sheet('二班', [HEADER, ROW(1), ROW(2)]);
    expect(checkRoster(workbook(a, b), { today: TODAY, sheet: '二班' }).records).toHaveLength(2);
  });
});

describe('finding the header', () => {
  it('finds the header under a title and a date line, and reads from the row below', () => {
    const s = sheet('花名册', [['XX镇中心小学留守儿童花名册'], ['填表日期：2026年9月1日', null, null, null, '单位（盖章）'], [], HEADER, ROW(1)], { merges: [merge(0, 0, 1, 8)] });
    const check = checkRoster(workbook(s), { today: TODAY });
    expect(check.layout.headerRows).toEqual([3]);
    expect(check.layout.firstDataRow).toBe(4);
    expect(check.records.map((r) => r.row)).toEqual([4]);
    expect(check.findings).toEqual([]);
  });

  it('keeps and lists unmapped columns, and maps a bare 联系电话 to the guardian', () => {
    const s = sheet('花名册', [
      ['序号', '姓名', '班级', '监护人', '联系电话', '备注', '兴趣爱好'],
      [1, '张三', '三(1)班', '张爷爷', '13812345678', null, '画画'],
    ]);
    const { layout } = checkRoster(workbook(s), { today: TODAY });
    expect(layout.columns).toEqual({ name: 1, className: 2, guardianName: 3, guardianPhone: 4 });
    // 序号 is known and ignored, never "unrecognised" (issue 15); it is still one of the headers.
    expect(layout.unmapped).toEqual([
      { col: 5, text: '备注' },
      { col: 6, text: '兴趣爱好' },
    ]);
    expect(layout.headers).toHaveLength(7);
    expect(layout.headers[0]).toEqual({ col: 0, text: '序号', field: null });
  });

  it('counts no row-number column as unrecognised: 序号, 编号, No., 序 under a group', () => {
    for (const seq of ['序号', '编号', 'No.', ' 序 号 ']) {
      const { layout } = checkRoster(
        workbook(
          sheet('花名册', [
            [seq, '姓名', '班级', '兴趣爱好'],
            [1, '张三', '三(1)班', '画画'],
          ]),
        ),
        { today: TODAY },
      );
      expect(layout.unmapped).toEqual([{ col: 3, text: '兴趣爱好' }]);
    }
    expect(isRowNumberHeader('学生 / 序号')).toBe(true);
    expect(isRowNumberHeader('学号')).toBe(false);
    expect(isRowNumberHeader('序号说明')).toBe(false);
  });

  it('respects a sheet block that does not start at A1', () => {
    const s = sheet(
      '花名册',
      [
        ['姓名', '班级', '监护人', '联系电话'],
        ['张三', '三(1)班', '张爷爷', '13812345678'],
      ],
      { origin: { row: 2, col: 1 } },
    );
    const check = checkRoster(workbook(s), { today: TODAY });
    expect(check.layout.headerRows).toEqual([2]);
    expect(check.layout.columns).toEqual({ name: 1, className: 2, guardianName: 3, guardianPhone: 4 });
    expect(check.records[0].row).toBe(3);
  });

  describe('two-level header', () => {
    const top: CellValue[] = ['序号', '姓名', '班级', '父亲', null, null, '母亲', null, null, '监护人', null, null, null, null];
    const sub: CellValue[] = [null, null, null, '姓名', '联系电话', '务工地点', '姓名', '联系电话', '务工地点', '姓名', '电话', '年龄', '与学生关系', '健康状况'];
    const data: CellValue[] = [1, '张三', '三(1)班', '张父', '13812345678', '广东东莞', '李母', '13912345678', '浙江', '张爷爷', '0755-12345678', 66, '祖父', '良好'];
    const expected = {
      name: 1,
      className: 2,
      fatherName: 3,
      fatherPhone: 4,
      fatherWorkplace: 5,
      motherName: 6,
      motherPhone: 7,
      motherWorkplace: 8,
      guardianName: 9,
      guardianPhone: 10,
      guardianAge: 11,
      guardianRelation: 12,
      guardianHealth: 13,
    };
    const merges = [merge(1, 0, 2, 1), merge(1, 1, 2, 1), merge(1, 2, 2, 1), merge(1, 3, 1, 3), merge(1, 6, 1, 3), merge(1, 9, 1, 5)];

    it('maps group heads over sub-headers using the merges', () => {
      const s = sheet('花名册', [['留守儿童登记表'], top, sub, data], { merges: [merge(0, 0, 1, 14), ...merges] });
      const check = checkRoster(workbook(s), { today: TODAY });
      expect(check.layout.headerRows).toEqual([1, 2]);
      expect(check.layout.columns).toEqual(expected);
      expect(check.layout.headers.find((h) => h.col === 4)?.text).toBe('父亲 / 联系电话');
      expect(check.records).toHaveLength(1);
      expect(check.findings).toEqual([]);
    });

    it('maps the same header without merge information by carrying the group head right', () => {
      const s = sheet('花名册', [['留守儿童登记表'], top, sub, data]);
      const check = checkRoster(workbook(s), { today: TODAY });
      expect(check.layout.headerRows).toEqual([1, 2]);
      expect(check.layout.columns).toEqual(expected);
    });

    it('stops a merged group head at the end of its merge', () => {
      // 父亲 merged over two columns only; the third sub-header stands alone.
      const t: CellValue[] = ['姓名', '父亲', null, null];
      const u: CellValue[] = [null, '姓名', '电话', '联系电话'];
      const s = sheet('花名册', [t, u, ['张三', '张父', '13812345678', '13912345678']], { merges: [merge(0, 0, 2, 1), merge(0, 1, 1, 2)] });
      const { layout } = checkRoster(workbook(s), { today: TODAY });
      expect(layout.columns).toEqual({ name: 0, fatherName: 1, fatherPhone: 2, guardianPhone: 3 });
    });
  });

  it('does not take the first data row for a second header row when one of its cells reads like a header', () => {
    const s = sheet('花名册', [
      ['姓名', '班级', '监护人姓名', '监护人电话', '备注'],
      ['张三', '三(1)班', '张爷爷', '13812345678', '寄宿'],
    ]);
    const check = checkRoster(workbook(s), { today: TODAY });
    expect(check.layout.headerRows).toEqual([0]);
    expect(check.records).toHaveLength(1);
  });

  it('does not take a title row over a plain header for a two-level header', () => {
    const s = sheet('花名册', [
      ['留守儿童花名册', null, null, null],
      ['姓名', '班级', '监护人', '联系电话'],
      ['张三', '三(1)班', '张爷爷', '13812345678'],
    ]);
    expect(checkRoster(workbook(s), { today: TODAY }).layout.headerRows).toEqual([1]);
  });
});

describe("the user's correction", () => {
  const s = sheet('花名册', [
    ['姓名', '班级', '监护人', '联系电话', '紧急联系人电话'],
    ['张三', '三(1)班', '张爷爷', '13812345678', '12345'],
  ]);

  it('pins fields to columns and removes fields pinned to null; a column means one field', () => {
    const check = checkRoster(workbook(s), { today: TODAY, override: { columns: { guardianPhone: 4, className: null } } });
    expect(check.layout.columns).toEqual({ name: 0, guardianName: 2, guardianPhone: 4 });
    expect(check.layout.fromSaved).toBe(true);
    expect(check.layout.unmapped.map((u) => u.col)).toEqual([1, 3]);
    expect(check.findings.map((f) => f.rule).sort()).toEqual(['header-missing', 'phone-format']);
  });

  it('uses the saved sheet, and ignores it when it no longer exists', () => {
    const other = sheet('另一个', [
      ['姓名', '班级', '监护人', '电话'],
      ['李四', '三(2)班', '李奶奶', '13912345678'],
    ]);
    const wb = workbook(s, other);
    expect(checkRoster(wb, { today: TODAY, override: { sheet: '另一个' } }).layout).toMatchObject({ sheet: '另一个', fromSaved: true });
    expect(checkRoster(wb, { today: TODAY, override: { sheet: '已删除', columns: { name: 3 } } }).layout).toMatchObject({ sheet: '花名册', fromSaved: false });
  });

  it('lets the user map a sheet with no recognisable header at all', () => {
    const bare = sheet('数据', [
      ['A', 'B', 'C', 'D'],
      ['张三', '三(1)班', '张爷爷', '13812345678'],
    ]);
    const check = checkRoster(workbook(bare), { today: TODAY, sheet: '数据', override: { sheet: '数据', columns: { name: 0, className: 1, guardianName: 2, guardianPhone: 3 } } });
    expect(check.layout.headerRows).toEqual([0]);
    expect(check.records.map((r) => r.name)).toEqual(['张三']);
    expect(check.findings).toEqual([]);
  });
});

describe('the 民政 农村留守儿童信息登记表 (grouped heads, repeated sub-headers, a column-number row)', () => {
  const CHILD = ['姓名', '性别', '民族', '出生日期', '身份证号码', '户籍所在地', '家庭住址', '就读学校', '年级', '班级', '健康状况', '是否留守儿童', '是否寄宿'];
  const PARENTS = ['父母是否外出', '父亲姓名', '父亲联系电话', '父亲务工地点', '母亲姓名', '母亲联系电话', '母亲务工地点'];
  const GUARDIAN = ['监护类型', '姓名', '与儿童关系', '年龄', '健康状况', '职业', '联系电话', '工作单位'];
  const heads = (name: string, n: number): CellValue[] => [name, ...Array<CellValue>(n - 1).fill(null)];
  const top: CellValue[] = ['序号', ...heads('儿童基本情况', CHILD.length), ...heads('父母情况', PARENTS.length), ...heads('监护情况', GUARDIAN.length), '备注'];
  const sub: CellValue[] = [null, ...CHILD, ...PARENTS, ...GUARDIAN, null];
  const numbers: CellValue[] = top.map((_, i) => i + 1);
  const child = (guardianAge: CellValue, type: CellValue): CellValue[] => [
    1,
    '王小明',
    '男',
    '汉族',
    '2015-03-12',
    makeId('20150312', '131', '430524'),
    '湖南省邵阳市隆回县',
    '隆回县岩口镇向家村3组',
    '岩口镇中心小学',
    '三年级',
    '1班',
    '健康',
    2,
    '是',
    '双方外出',
    '王大军',
    '13812345678',
    '广东东莞',
    '李红梅',
    '13912345678',
    '浙江义乌',
    type,
    '王德贵',
    '祖父',
    guardianAge,
    '患病',
    '务农',
    '13712345678',
    '在家',
    null,
  ];
  const merges = [
    merge(1, 0, 2, 1),
    merge(1, 1, 1, CHILD.length),
    merge(1, 1 + CHILD.length, 1, PARENTS.length),
    merge(1, 1 + CHILD.length + PARENTS.length, 1, GUARDIAN.length),
    merge(1, top.length - 1, 2, 1),
  ];
  const book = (rows: CellValue[][], withMerges = true) =>
    workbook(sheet('登记表', [['隆回县农村留守儿童信息登记表'], top, sub, numbers, ...rows], withMerges ? { merges: [merge(0, 0, 1, top.length), ...merges] } : {}));

  it('has thirty columns and maps each repeated sub-header to the person its group head names', () => {
    expect(top).toHaveLength(30);
    for (const withMerges of [true, false]) {
      const check = checkRoster(book([child(66, '祖辈监护')], withMerges), { today: TODAY });
      expect(check.layout.headerRows).toEqual([1, 2]);
      expect(check.layout.columns).toEqual({
        name: 1,
        gender: 2,
        ethnicity: 3,
        birthDate: 4,
        idNumber: 5,
        hukou: 6,
        address: 7,
        school: 8,
        grade: 9,
        className: 10,
        childHealth: 11,
        leftBehindType: 12,
        boarding: 13,
        parentAway: 14,
        fatherName: 15,
        fatherPhone: 16,
        fatherWorkplace: 17,
        motherName: 18,
        motherPhone: 19,
        motherWorkplace: 20,
        guardianshipType: 21,
        guardianName: 22,
        guardianRelation: 23,
        guardianAge: 24,
        guardianHealth: 25,
        guardianOccupation: 26,
        guardianPhone: 27,
      });
      // The guardian's 工作单位 and the 备注 stay unmapped; the column-number row is no child.
      expect(check.layout.unmapped.map((u) => u.text)).toEqual(['监护情况 / 工作单位', '备注']);
      expect(check.skipped).toEqual([{ sheet: '登记表', row: 3, reason: 'columnNumbers' }]);
      expect(check.records.map((r) => [r.name, r.guardianName, r.guardianAge, r.leftBehindType, r.classLabel])).toEqual([['王小明', '王德贵', 66, 'both', '三(1)班']]);
      expect(check.findings).toEqual([]);
    }
  });

  it("checks the guardian's age under 监护情况: a 16-year-old and an 82-year-old guardian are found", () => {
    const check = checkRoster(
      book([child(16, '亲友监护'), child(82, '祖辈监护'), child('', '祖辈监护')].map((r, i) => ((r[5] = makeId('20150312', String(131 + 2 * i), '430524')), r))),
      {
        today: TODAY,
      },
    );
    expect(check.findings.map((f) => [f.row, f.col, f.rule, f.severity, f.messageKey])).toEqual([
      [4, 24, 'guardian-age', 'error', 'roster.guardianAge.tooYoung'],
      [5, 24, 'guardian-age', 'warning', 'roster.guardianAge.tooOld'],
    ]);
  });

  it.each([
    ['民族', 'ethnicity'],
    ['户口所在地', 'hukou'],
    ['就读学校', 'school'],
    ['监护类型', 'guardianshipType'],
    ['监护人职业', 'guardianOccupation'],
    ['委托监护人职业', 'guardianOccupation'],
    ['父亲是否外出', 'fatherAway'],
    ['母亲是否外出务工', 'motherAway'],
    ['父母是否外出', 'parentAway'],
    ['儿童健康状况', 'childHealth'],
    ['户口性质', null],
    ['父亲职业', null],
  ])('reads %s as %s', (text, field) => {
    expect(matchHeader(normalizeHeader(text))).toBe(field);
  });

  it('gives a plain 健康状况 to the child before the guardian columns and to the guardian after them', () => {
    const header = ['姓名', '班级', '健康状况', '监护人', '监护人电话', '身体状况'];
    const { layout } = checkRoster(workbook(sheet('花名册', [header, ['张三', '三(1)班', '健康', '张爷爷', '13812345678', '良好']])), { today: TODAY });
    expect(layout.columns).toMatchObject({ childHealth: 2, guardianHealth: 5 });
    // One plain column after the guardian: the guardian's, as before.
    const one = checkRoster(
      workbook(
        sheet('花名册', [
          ['姓名', '班级', '监护人', '监护人电话', '健康状况'],
          ['张三', '三(1)班', '张爷爷', '13812345678', '良好'],
        ]),
      ),
      { today: TODAY },
    );
    expect(one.layout.columns).toMatchObject({ guardianHealth: 4 });
    expect(one.layout.columns.childHealth).toBeUndefined();
    // A column naming the guardian's health outright leaves the plain one to the child.
    const named = checkRoster(
      workbook(
        sheet('花名册', [
          ['姓名', '班级', '监护人', '监护人电话', '监护人健康状况', '健康状况'],
          ['张三', '三(1)班', '张爷爷', '13812345678', '良好', '健康'],
        ]),
      ),
      {
        today: TODAY,
      },
    );
    expect(named.layout.columns).toMatchObject({ guardianHealth: 4, childHealth: 5 });
  });
});
