import '../i18n/all';
import fc from 'fast-check';
import type { CellValue } from '../cells';
import type { PlanCell, SheetContent } from '../plan/types';
import type { WorkbookSnapshot } from '../snapshot';
import { t } from '../i18n';
import { deidentifyMessage, deidentifyWorkbook, maskerForHeader, type DeidentifyRoster } from './deidentify';
import { computeSummary } from './figures';
import { INPUT } from './fixture.test-data';
import { periodFor } from './period';
import { summarySheetOp } from './sheets';

const ROSTER: DeidentifyRoster = {
  sheet: '花名册',
  headerRows: [1, 2],
  firstDataRow: 3,
  columns: { name: 0, idNumber: 1, birthDate: 2, address: 3, fatherName: 4, fatherPhone: 5, guardianRelation: 6 },
};

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: '花名册',
        origin: { row: 0, col: 0 },
        merges: [{ row: 1, col: 4, rowCount: 1, colCount: 2 }],
        values: [
          ['青曲镇中心小学留守儿童花名册', null, null, null, null, null, null],
          ['姓名', '身份证号', '出生日期', '家庭住址', '父亲', null, '与学生关系'],
          [null, null, null, null, '姓名', '联系电话', null],
          ['王小明', '42030220150312123X', 42075, '湖北省十堰市郧阳区青曲镇白鹤村三组12号', '王大山', 13812345678, '奶奶'],
          [
            '欧阳娜娜',
            420302201603151000, // as Excel stores an ID typed as a number (15 digits)
            '2016.3.15',
            '青曲镇柳树村5号',
            '欧阳峰',
            '139-8765-4321',
            '外公',
          ],
          [null, null, null, null, null, null, null],
          ['李丽', '', '2015年10月1日', '', '', null, '母亲'],
        ],
      },
      {
        name: '谈心记录',
        origin: { row: 0, col: 0 },
        values: [
          ['日期', '学生', '类型', '记录人', '内容'],
          ['2026-09-05', '王小明', '谈心', '张老师', '王小明说想爸爸，爸爸电话13812345678打不通；欧阳娜娜也在场'],
          [46272, '欧阳娜娜', '家长电话', '张老师', '第3次通话'],
        ],
      },
      {
        name: '帮扶人员',
        origin: { row: 0, col: 0 },
        values: [
          ['姓名', '类别', '手机', '帮扶人数'],
          ['张老师', '班主任', 13911112222, 2],
        ],
      },
      { name: '空表', origin: { row: 0, col: 0 }, values: [] },
    ],
  };
}

function contentOf(result: ReturnType<typeof deidentifyWorkbook>, sheet: string): SheetContent {
  if (!result.ok) throw new Error(result.messageKey);
  const op = result.plan.ops.find((o) => o.sheet === sheet);
  if (!op || op.kind !== 'replaceSheet') throw new Error(`no ${sheet}`);
  return op.content;
}

function allText(content: SheetContent): string {
  const cell = (c: PlanCell) => (c === null ? '' : typeof c === 'object' ? ('text' in c ? c.text : '') : String(c));
  return [...(content.titleLines ?? []), ...content.columns.map((c) => c.header), ...content.rows.flatMap((r) => r.map(cell))].join('\n');
}

describe('deidentifyWorkbook', () => {
  it('masks the roster by its mapping and keeps the layout readable', () => {
    const result = deidentifyWorkbook(workbook(), ROSTER);
    const roster = contentOf(result, '花名册');
    expect(roster.titleLines).toEqual(['青曲镇中心小学留守儿童花名册']);
    expect(roster.columns.map((c) => c.header)).toEqual(['姓名', '身份证号', '出生日期', '家庭住址', '父亲 / 姓名', '父亲 / 联系电话', '与学生关系']);
    expect(roster.rows).toEqual([
      ['王*明', '4203**********123X', '2015-03', '湖北省十堰市郧阳区青曲镇白鹤村', '王*山', '138****5678', '奶奶'],
      // An 18-digit ID stored as a number has lost its last digits already; it is masked all the same.
      ['欧阳*娜', '4203**********1000', '2016-03', '青曲镇柳树村', '欧阳*', '139-****-4321', '外公'],
      [null, null, null, null, null, null, null],
      ['李*', '', '2015-10', '', '', null, '母亲'],
    ]);
    if (!result.ok) throw new Error();
    // Whole workbook: 5 roster names + 2 in the log's 学生 column + 1 mentor; 2 roster phones + 1 mentor phone.
    expect(result.counts).toMatchObject({ name: 8, id: 2, phone: 3, address: 2, birthDate: 3 });
    const { messageKey, params } = deidentifyMessage(result.counts);
    expect(t('zh-CN', messageKey, params)).toMatch(/^已生成脱敏副本（原工作簿未改动）：姓名 8 处、身份证号 2 处、电话 3 处/);
  });

  it('finds names, IDs and phones in the other sheets', () => {
    const result = deidentifyWorkbook(workbook(), ROSTER);
    const log = contentOf(result, '谈心记录');
    expect(log.rows[0]).toEqual(['2026-09-05', '王*明', '谈心', '张老师', '王*明说想爸爸，爸爸电话138****5678打不通；欧阳*娜也在场']);
    expect(log.rows[1]).toEqual([46272, '欧阳*娜', '家长电话', '张老师', '第3次通话']);
    const mentors = contentOf(result, '帮扶人员');
    expect(mentors.rows).toEqual([['张*师', '班主任', '139****2222', 2]]);
    expect(contentOf(result, '空表')).toEqual({ columns: [], rows: [] });
  });

  it('writes every sheet, in order, for a new workbook', () => {
    const result = deidentifyWorkbook(workbook(), ROSTER);
    if (!result.ok) throw new Error();
    expect(result.plan.ops.map((o) => [o.kind, o.sheet])).toEqual([
      ['replaceSheet', '花名册'],
      ['replaceSheet', '谈心记录'],
      ['replaceSheet', '帮扶人员'],
      ['replaceSheet', '空表'],
    ]);
  });

  it('copies a generated sheet with title lines, finding its header below them', () => {
    const chosen = periodFor({ kind: 'term' }, '2026-11-29');
    if (!chosen.ok) throw new Error();
    const op = summarySheetOp(computeSummary(INPUT, chosen.period), 'zh-CN');
    if (op.kind !== 'replaceSheet') throw new Error();
    const s = op.content;
    const values = [...(s.titleLines ?? []).map((l) => [l]), s.columns.map((c) => c.header), ...s.rows] as CellValue[][];
    const wb: WorkbookSnapshot = {
      sheets: [
        { name: '花名册', origin: { row: 0, col: 0 }, values: [['姓名'], ['张强'], ['刘洋']] },
        { name: '统计汇总', origin: { row: 0, col: 0 }, values },
      ],
    };
    const copy = contentOf(deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0 } }), '统计汇总');
    expect(copy.titleLines).toEqual(s.titleLines);
    expect(copy.columns.map((c) => c.header)).toEqual(s.columns.map((c) => c.header));
    expect(copy.rows[0]).toEqual(s.rows[0]);
    const names = copy.rows.filter((r) => r[0] === '未谈心儿童').map((r) => r[1]);
    expect(names).toEqual(['全部儿童', '张*', '刘*']);
  });

  it('says which roster sheet is missing', () => {
    expect(deidentifyWorkbook(workbook(), { ...ROSTER, sheet: '名单' })).toEqual({ ok: false, messageKey: 'summary.deid.noSheet', params: { sheet: '名单' } });
  });

  it('leaves no ID, phone or whole name anywhere in generated workbooks', () => {
    const id = fc.tuple(fc.stringMatching(/^\d{17}[\dX]$/), fc.boolean()).map(([s, asNumber]): CellValue => (asNumber && !s.endsWith('X') ? Number(s) : s));
    const phone = fc.tuple(fc.stringMatching(/^1[3-9]\d{9}$/), fc.boolean()).map(([s, asNumber]): CellValue => (asNumber ? Number(s) : s));
    const hanName = fc
      .array(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        { minLength: 3, maxLength: 4 },
      )
      .map((a) => a.join(''));
    const child = fc.record({ name: hanName, id, phone, note: fc.stringMatching(/^[a-z ]{0,5}$/) });
    fc.assert(
      fc.property(fc.array(child, { minLength: 1, maxLength: 12 }), (children) => {
        const wb: WorkbookSnapshot = {
          sheets: [
            {
              name: '花名册',
              origin: { row: 0, col: 0 },
              values: [['姓名', '身份证号', '父亲电话', '备注'], ...children.map((c) => [c.name, c.id, c.phone, c.note + String(c.phone)])],
            },
            {
              name: '谈心记录',
              origin: { row: 0, col: 0 },
              values: [['日期', '学生', '内容'], ...children.map((c) => ['2026-10-01', c.name, `与${c.name}谈心，电话${String(c.phone)}，证件${String(c.id)}`])],
            },
          ],
        };
        const result = deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0, idNumber: 1, fatherPhone: 2 } });
        if (!result.ok) throw new Error();
        for (const op of result.plan.ops) {
          if (op.kind !== 'replaceSheet') continue;
          const text = allText(op.content);
          expect(text).not.toMatch(/\d{11}/);
          expect(text).not.toMatch(/\d{5,}/);
          for (const c of children) expect(text.includes(c.name)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('masks IDs and phones in full-width digits or written in groups, in their columns and in free text', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        {
          name: '花名册',
          origin: { row: 0, col: 0 },
          values: [
            ['姓名', '身份证号', '监护人电话'],
            ['王小明', '４２０３０２２０１５０３１２１２３Ｘ', '１３８ １２３４ ５６７８'],
            ['李丽', '4203 0220 1503 1212 34', '139-8765-4321（奶奶）'],
          ],
        },
        {
          name: '谈心记录',
          origin: { row: 0, col: 0 },
          values: [['内容'], ['电话１３８１２３４５６７８，证件 4203 0220 1503 1212 3X，2026-09-01 13987654321 回访']],
        },
      ],
    };
    const result = deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0, idNumber: 1, guardianPhone: 2 } });
    expect(contentOf(result, '花名册').rows).toEqual([
      ['王*明', '4203**********123X', '138 **** 5678'],
      ['李*', '4203 **** **** **12 34', '139-****-4321（奶奶）'],
    ]);
    expect(contentOf(result, '谈心记录').rows[0][0]).toBe('电话138****5678，证件 4203 **** **** **12 3X，2026-09-01 139****4321 回访');
  });

  it('masks a name as a whole cell anywhere, inside text only from three characters, and never a school or village', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        {
          name: '花名册',
          origin: { row: 0, col: 0 },
          values: [
            ['姓名', '学校'],
            ['张家', '张家湾镇中心小学'],
            ['李小明', '张家湾镇中心小学'],
          ],
        },
        {
          name: '结对帮扶',
          origin: { row: 0, col: 0 },
          values: [
            ['学习帮手', '说明'],
            ['张家', '李小明的同桌，住张家湾'],
          ],
        },
      ],
    };
    const result = deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0 } });
    expect(contentOf(result, '花名册').rows).toEqual([
      ['张*', '张家湾镇中心小学'],
      ['李*明', '张家湾镇中心小学'],
    ]);
    expect(contentOf(result, '结对帮扶').rows).toEqual([['张*', '李*明的同桌，住张家湾']]);
  });

  it("keeps columns about a person readable: 民族, 户籍, the guardian's age and health, the school", () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        {
          name: '登记表',
          origin: { row: 0, col: 0 },
          merges: [
            { row: 0, col: 0, rowCount: 1, colCount: 4 },
            { row: 0, col: 4, rowCount: 1, colCount: 3 },
          ],
          values: [
            ['儿童基本情况', null, null, null, '监护情况', null, null],
            ['姓名', '民族', '户籍', '就读学校', '监护人', '监护人年龄', '监护人健康状况'],
            ['王小明', '土家族', '湖北省十堰市郧阳区', '青曲镇中心小学', '王大山', 63, '良好'],
          ],
        },
      ],
    };
    const result = deidentifyWorkbook(wb, { sheet: '登记表', headerRows: [0, 1], firstDataRow: 2, columns: { name: 0, guardianName: 4 } });
    expect(contentOf(result, '登记表').rows).toEqual([['王*明', '土家族', '湖北省十堰市郧阳区', '青曲镇中心小学', '王*山', 63, '良好']]);
    // The same headers in a column the mapping does not cover.
    expect(['儿童基本情况 / 民族', '就读学校', '监护情况 / 监护人年龄', '监护人健康状况', '学生民族', '户口性质'].map(maskerForHeader)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // 户籍 is masked like an address: down to the village, so its county stays readable (as in the row above).
    expect(['户籍', '户籍所在地', '儿童基本情况 / 户口所在地'].map(maskerForHeader)).toEqual(['address', 'address', 'address']);
    expect(['儿童基本情况 / 姓名', '监护人', '委托监护人', '学生', '父亲 / 姓名'].map(maskerForHeader)).toEqual(['name', 'name', 'name', 'name', 'name']);
    // The life sheets' name columns (issue 17), and their columns that are not names.
    expect(['参加学生', '成员', '接送人', '受助学生', '经手人', '负责人', '指导教师', '值班教师', '教师'].map(maskerForHeader)).toEqual(Array(9).fill('name'));
    expect(['活动名称', '与学生关系', '凭证号', '金额', '学时', '小组'].map(maskerForHeader)).toEqual([null, null, null, null, null, null]);
  });

  it('never cuts a name out of the mapped 民族, school or 监护类型 columns, and keeps 户籍 down to the village', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        {
          name: '登记表',
          origin: { row: 0, col: 0 },
          values: [
            ['姓名', '民族', '户籍所在地', '就读学校', '监护类型', '监护人', '监护人电话'],
            ['王小明', '土家族', '湖南省邵阳市隆回县岩口镇王家坪村3组12号', '岩口镇王家坪小学', '祖辈监护', '王家坪', '13812345678'],
          ],
        },
      ],
    };
    const roster: DeidentifyRoster = {
      sheet: '登记表',
      headerRows: [0],
      firstDataRow: 1,
      columns: { name: 0, ethnicity: 1, hukou: 2, school: 3, guardianshipType: 4, guardianName: 5, guardianPhone: 6 },
    };
    // A grandfather named 王家坪, like the village and the school: masked where he is named, and nowhere else.
    expect(contentOf(deidentifyWorkbook(wb, roster), '登记表').rows).toEqual([
      ['王*明', '土家族', '湖南省邵阳市隆回县岩口镇王家坪村', '岩口镇王家坪小学', '祖辈监护', '王*坪', '138****5678'],
    ]);
  });

  it('keeps a header repeated under a section row, and date cells as dates', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        {
          name: '花名册',
          origin: { row: 0, col: 0 },
          values: [
            ['姓名', '监护人', '登记日期'],
            ['三年级一班', null, null],
            ['姓名', '监护人', '登记日期'],
            ['王小明', '王大山', 46346],
          ],
          dateFormats: { date1904: false, columns: { 2: [{ firstRow: 3, lastRow: 3, kind: 'date' }] } },
        },
      ],
    };
    const result = deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0, guardianName: 1 } });
    expect(contentOf(result, '花名册').rows).toEqual([
      ['三年级一班', null, null],
      ['姓名', '监护人', '登记日期'],
      ['王*明', '王*山', { date: '2026-11-20' }],
    ]);
  });

  it('leaves no 18-character ID or 11-digit mobile in any cell, in any digit width or grouping', () => {
    const wide = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const grouped = (s: string, sep: string) => s.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
    const form = fc.constantFrom<(s: string) => string>(
      (s) => s,
      wide,
      (s) => grouped(s, ' '),
      (s) => grouped(s, '-'),
      (s) => wide(grouped(s, ' ')),
    );
    const id = fc.tuple(fc.stringMatching(/^[1-6]\d{16}[\dX]$/), form).map(([s, f]) => f(s));
    const phone = fc.tuple(fc.stringMatching(/^1[3-9]\d{9}$/), form).map(([s, f]) => f(s));
    const found = (text: string) => {
      const flat = text.replace(/[\uff10-\uff19\uff38]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)[ -](?=\d)/g, '');
      return /\d{17}[\dX]|1[3-9]\d{9}/.test(flat);
    };
    fc.assert(
      fc.property(fc.array(fc.record({ id, phone }), { minLength: 1, maxLength: 8 }), (children) => {
        const wb: WorkbookSnapshot = {
          sheets: [
            { name: '花名册', origin: { row: 0, col: 0 }, values: [['姓名', '身份证号', '电话'], ...children.map((c, i) => [`学生${i}号`, c.id, c.phone])] },
            { name: '谈心记录', origin: { row: 0, col: 0 }, values: [['内容'], ...children.map((c) => [`电话${c.phone}，证件${c.id}。`])] },
          ],
        };
        const result = deidentifyWorkbook(wb, { sheet: '花名册', headerRows: [0], firstDataRow: 1, columns: { name: 0, idNumber: 1, guardianPhone: 2 } });
        if (!result.ok) throw new Error(result.messageKey);
        for (const op of result.plan.ops) if (op.kind === 'replaceSheet') expect(found(allText(op.content))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('deidentifyWorkbook: merged cells and hidden sheets', () => {
  it('keeps the merges below the header and of the title, drops a two-row header’s, and keeps each sheet’s visibility', () => {
    const base = workbook();
    const roster = {
      ...base.sheets[0],
      merges: [
        { row: 0, col: 0, rowCount: 1, colCount: 7 }, // the title across the table
        { row: 1, col: 4, rowCount: 1, colCount: 2 }, // 父亲 over 姓名 / 联系电话: the copy's one header row names both in full
        { row: 3, col: 6, rowCount: 2, colCount: 1 }, // 与学生关系 merged over two children
        { row: 5, col: 0, rowCount: 9, colCount: 1 }, // reaching below the last row: cut there
      ],
    };
    const hidden = { ...base.sheets[1], visible: false, visibility: 'hidden' as const };
    const veryHidden = { ...base.sheets[2], visible: false, visibility: 'veryHidden' as const };
    const result = deidentifyWorkbook({ sheets: [roster, hidden, veryHidden] }, ROSTER);
    if (!result.ok) throw new Error('copy failed');
    const contents = result.plan.ops.map((op) => (op.kind === 'replaceSheet' ? op.content : null));
    expect(contents[0]?.merges).toEqual([
      { row: 0, part: 'title', col: 0, rowCount: 1, colCount: 7 },
      { row: 0, col: 6, rowCount: 2, colCount: 1 },
      { row: 2, col: 0, rowCount: 2, colCount: 1 },
    ]);
    expect(contents.map((c) => c?.visibility)).toEqual([undefined, 'hidden', 'veryHidden']);
    // The merged value is not blanked or copied down: the copy shows it across the area, as the original.
    expect(contents[0]?.rows.map((r) => r[6])).toEqual(['奶奶', '外公', null, '母亲']);
  });
});
