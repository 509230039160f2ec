import fc from 'fast-check';
import type { CellValue } from '../cells';
import { toExcelSerial, toIso } from '../dates';
import {
  cached,
  classLabel,
  normalizeName,
  normalizePhone,
  parseAge,
  parseClass,
  parseDate,
  parseAwayFlag,
  parseGender,
  parseGuardianshipType,
  parseLeftBehindType,
  parsePhone,
  parseSmallNumber,
  parseYesNo,
  toHalfWidth,
} from './normalize';
import { toFullWidth } from '../../../tests/helpers/snapshot';

const TODAY = '2026-11-29';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters, brackets and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢｘ（１）　－')).toBe('123ABx(1) -');
    expect(toHalfWidth('三年级')).toBe('三年级');
  });

  it('is the inverse of full-width conversion for printable ASCII (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[!-~]*$/), (s) => toHalfWidth(toFullWidth(s)) === s));
  });
});

describe('normalizeName', () => {
  it('trims, drops spaces padding Chinese names, unifies middle dots, keeps Latin spaces', () => {
    expect(normalizeName('  张  三 ')).toBe('张三');
    expect(normalizeName('　李四　')).toBe('李四');
    expect(normalizeName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('阿依古丽・买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('John  Smith')).toBe('John Smith');
    expect(normalizeName(null)).toBe('');
  });
});

describe('parsePhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    [13812345678, 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['+8613812345678', 'mobile', '13812345678'],
    ['0086-138-1234-5678', 'mobile', '13812345678'],
    ['８６－１３８１２３４５６７８', 'mobile', '13812345678'],
    ['手机：13812345678', 'mobile', '13812345678'],
    ['010-12345678', 'landline', '01012345678'],
    ['(020)12345678', 'landline', '02012345678'],
    ['（0755）1234 5678', 'landline', '075512345678'],
    ['0371-1234567', 'landline', '03711234567'],
    ['+86 755 1234 5678', 'landline', '075512345678'],
    ['+86 10 1234 5678', 'landline', '01012345678'],
  ])('%p is a %s', (input, kind, digits) => {
    expect(parsePhone(input)).toMatchObject({ kind, digits });
  });

  it('reads several labelled numbers in one cell, validating each', () => {
    expect(parsePhone('父：13812345678 母：13912345678')).toMatchObject({ kind: 'mobile', digits: '13812345678' });
    expect(parsePhone('父亲13812345678，母亲13912345678')).toMatchObject({ kind: 'mobile', digits: '13812345678' });
    expect(parsePhone('父：13812345678 母：1391234')?.kind).toBe('invalid');
  });

  it('reads two numbers apart by one space or a line break, spaced groups still one number', () => {
    for (const cell of ['13812345678 13987654321', '13812345678\n13987654321', '138 1234 5678 139 8765 4321', '13812345678\r\n0755-12345678']) {
      expect([cell, parsePhone(cell)?.kind]).toEqual([cell, 'mobile']);
    }
    expect(parsePhone('0755 1234 5678')).toEqual({ kind: 'landline', digits: '075512345678' });
  });

  it('reads a number followed by a note, in brackets or not', () => {
    for (const cell of ['13812345678（奶奶）', '13812345678 (父)', '13812345678【母】', '13812345678 奶奶', '13812345678奶奶', '13812345678(奶奶) 13987654321(爸爸)']) {
      expect([cell, parsePhone(cell)]).toEqual([cell, { kind: 'mobile', digits: '13812345678' }]);
    }
    expect(parsePhone('(0755)12345678')).toMatchObject({ kind: 'landline', digits: '075512345678' });
    expect(parsePhone('奶奶')?.kind).toBe('invalid'); // a note alone is not a blank cell
  });

  it('names the wrong number among several', () => {
    expect(parsePhone('1381234567 13987654321')).toEqual({ kind: 'invalid', digits: '1381234567', position: 1, numbers: 2 });
    expect(parsePhone('13812345678（父）\n1398765432（母）')).toEqual({ kind: 'invalid', digits: '1398765432', position: 2, numbers: 2 });
    expect(parsePhone('13812345678/87654321')).toEqual({ kind: 'noAreaCode', digits: '87654321', position: 2, numbers: 2 });
  });

  it('reads extensions', () => {
    expect(parsePhone('0755-1234567 转 801')).toEqual({ kind: 'landline', digits: '07551234567', extension: '801' });
    expect(parsePhone('0755-1234567-801')).toEqual({ kind: 'landline', digits: '07551234567', extension: '801' });
    expect(parsePhone('010-12345678转123')).toEqual({ kind: 'landline', digits: '01012345678', extension: '123' });
  });

  it.each([
    ['1381234567', 'invalid'],
    ['138123456789', 'invalid'],
    ['12812345678', 'invalid'],
    ['87654321', 'noAreaCode'],
    ['0112345678', 'invalid'],
    ['abc', 'invalid'],
    [7551234567, 'invalid'],
    [1.5, 'invalid'],
  ])('%p is %s', (input, kind) => {
    expect(parsePhone(input)?.kind).toBe(kind);
  });

  it('returns null for blank cells and normalizePhone only gives valid numbers', () => {
    expect(parsePhone(null)).toBeNull();
    expect(parsePhone('   ')).toBeNull();
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('1381234')).toBeNull();
  });

  const mobile = fc
    .tuple(fc.constantFrom('130', '139', '145', '150', '153', '158', '162', '166', '170', '177', '180', '189', '191', '199'), fc.stringMatching(/^\d{8}$/))
    .map(([p, rest]) => p + rest);

  it('reads a mobile the same way however it is formatted (property)', () => {
    const formats: ((d: string) => string | number)[] = [
      (d) => d,
      (d) => Number(d),
      (d) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
      (d) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
      (d) => `+86 ${d}`,
      (d) => `0086${d}`,
      (d) => `86-${d}`,
      (d) => toFullWidth(d),
      (d) => ` ${d}\u3000`,
    ];
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: formats.length - 1 }), (d, i) => {
        const p = parsePhone(formats[i](d));
        return p !== null && p.kind === 'mobile' && p.digits === d;
      }),
    );
  });

  it('never accepts a mobile with a digit missing or added (property)', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 0, max: 10 }), (d, at) => {
        const shorter = d.slice(0, at) + d.slice(at + 1);
        const longer = d.slice(0, at) + '5' + d.slice(at);
        return parsePhone(shorter)?.kind !== 'mobile' && parsePhone(longer)?.kind !== 'mobile';
      }),
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['2015.3.12'],
    ['2015年3月12日'],
    ['20150312'],
    ['2015/3/12'],
    ['2015-03-12'],
    ['2015-3-12'],
    ['２０１５．３．１２'],
    [' 2015-03-12 '],
    ['2015-03-12 00:00:00'],
    ['2015-03-12T00:00:00'],
    ['2015-03-12T00:00:00.000Z'],
    [42075],
    [20150312],
  ])('%p is 2015-03-12', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, iso: '2015-03-12', monthOnly: false });
  });

  it('reads a JS Date at local midnight as its calendar day', () => {
    expect(parseDate(new Date(2015, 2, 12))).toEqual({ ok: true, iso: '2015-03-12', monthOnly: false });
  });

  it.each([['2015-3'], ['2015年3月'], ['2015.03'], ['201503'], [2015.03], [201503]])('%p is March 2015, month only', (input) => {
    expect(parseDate(input)).toEqual({ ok: true, iso: '2015-03-01', monthOnly: true });
  });

  it('tells unreadable from impossible', () => {
    expect(parseDate('2016-02-30')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2015-13-01')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate(60)).toEqual({ ok: false, reason: 'impossible' }); // Excel's phantom 1900-02-29
    expect(parseDate('不详')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseDate(2015)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseDate({ error: '#N/A' })).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseDate(null)).toBeNull();
    expect(parseDate(' ')).toBeNull();
  });

  it('reads every written form of any date to the same day (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => ({
      y: d.getUTCFullYear(),
      m: d.getUTCMonth() + 1,
      d: d.getUTCDate(),
    }));
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = toIso(y, m, d);
        const p2 = (n: number) => String(n).padStart(2, '0');
        const forms: (string | number)[] = [iso, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, `${y}${p2(m)}${p2(d)}`, `${y}/${m}/${d}`, toExcelSerial(iso), toFullWidth(iso)];
        return forms.every((f) => {
          const r = parseDate(f);
          return r !== null && r.ok && r.iso === iso && !r.monthOnly;
        });
      }),
    );
  });
});

describe('parseClass and classLabel', () => {
  it.each([
    ['三(1)班', 3, 1, '三(1)班'],
    ['三（1）班', 3, 1, '三(1)班'],
    ['三年级1班', 3, 1, '三(1)班'],
    ['六年级２班', 6, 2, '六(2)班'],
    ['3.1班', 3, 1, '三(1)班'],
    [3.1, 3, 1, '三(1)班'],
    ['三年级(12)班', 3, 12, '三(12)班'],
    ['初一(2)班', 7, 2, '初一(2)班'],
    ['七年级3班', 7, 3, '初一(3)班'],
    ['初二', 8, null, '初二'],
    ['九年级', 9, null, '初三'],
    ['一年级', 1, null, '一年级'],
    [4, 4, null, '四年级'],
    ['2018级', 9, null, '初三'],
    ['2024级2班', 3, 2, '三(2)班'],
    ['12班', null, 12, null],
    // Grade digit and two class digits, as text or as a number, and other dashes between grade and class.
    ['501', 5, 1, '五(1)班'],
    [202, 2, 2, '二(2)班'],
    ['612班', 6, 12, '六(12)班'],
    ['3—1班', 3, 1, '三(1)班'],
    ['3–2班', 3, 2, '三(2)班'],
    ['三年级一班', 3, 1, '三(1)班'],
  ])('%p -> grade %p class %p (%s)', (input, grade, classNo, label) => {
    const p = parseClass(input, TODAY);
    expect(p).toEqual({ grade, classNo, ok: true });
    expect(classLabel(p!.grade, p!.classNo)).toBe(label);
  });

  it('counts entry years from the school year, which starts on 1 September', () => {
    expect(parseClass('2024级', '2025-08-31')?.grade).toBe(1);
    expect(parseClass('2024级', '2025-09-01')?.grade).toBe(2);
  });

  it.each([['十三年级'], ['待定'], ['三(0)班'], ['2010级'], ['2030级'], ['高一'], [{ error: '#N/A' }], ['500'], [1001], ['001']])('%p is not a class', (input) => {
    expect(parseClass(input as never, TODAY)?.ok).toBe(false);
  });

  it('reads full-width and half-width forms alike (property)', () => {
    const form = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 20 })).map(([g, c]) => `${g}年级(${c})班`);
    fc.assert(fc.property(form, (s) => JSON.stringify(parseClass(toFullWidth(s).replace('年级', '年级'), TODAY)) === JSON.stringify(parseClass(s, TODAY))));
  });
});

describe('small enumerations', () => {
  it('reads genders', () => {
    expect(['男', '女', '1-男', '2-女', 1, 2, ' 男 ', '男性', '未知'].map((v) => parseGender(v))).toEqual(['男', '女', '男', '女', '男', '女', '男', '男', null]);
  });

  it('reads yes and no', () => {
    expect(['是', '否', '√', '×', 1, 0, 'Y', 'n', '寄宿', '走读', '', '也许'].map((v) => parseYesNo(v))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      null,
      null,
    ]);
  });

  it('reads left-behind types', () => {
    expect([0, 1, 2, '1-单亲留守', '2-双亲留守', '父母均外出', '父亲外出', '母亲外出', '双亲留守', '单亲留守', '否', '???'].map((v) => parseLeftBehindType(v))).toEqual([
      'none',
      'one',
      'both',
      'one',
      'both',
      'both',
      'one',
      'one',
      'both',
      'one',
      'none',
      null,
    ]);
  });

  it("reads 父母是否外出 as the 民政 登记表 and 学籍 write it (0/1/2 is 学籍's 是否留守儿童 code)", () => {
    expect(['双方外出', '父亲外出', '母亲外出', '父母均未外出', '父母都在家', '均未外出', '未外出'].map((v) => parseLeftBehindType(v))).toEqual([
      'both',
      'one',
      'one',
      'none',
      'none',
      'none',
      'none',
    ]);
  });

  it('reads one parent being away', () => {
    expect(['是', '否', '外出', '外出务工', '在外', '在家', '未外出', 1, 0, '', '不详'].map((v) => parseAwayFlag(v))).toEqual([
      true,
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      null,
      null,
    ]);
  });

  it('reads 监护类型 and its synonyms, leaving what it cannot tell unknown', () => {
    const read = (vs: CellValue[]) => vs.map((v) => parseGuardianshipType(v));
    expect(read(['祖辈监护', '隔代监护', '祖父母监护', '爷爷奶奶'])).toEqual(Array(4).fill('grandparent'));
    expect(read(['亲友监护', '亲属监护', '委托亲戚监护', '其他监护'])).toEqual(Array(4).fill('relative'));
    expect(read(['自我监护', '自 我 监 护', '独自生活', '独居'])).toEqual(Array(4).fill('self'));
    expect(read(['无人监护', '无监护人', '无人照看'])).toEqual(Array(3).fill('none'));
    expect(read(['母亲监护', '父母一方监护'])).toEqual(['parent', 'parent']);
    expect(read(['', null, '无', '其它', 3])).toEqual([null, null, null, null, null]);
  });

  it('reads ages and Chinese numerals', () => {
    expect([65, '65', '65岁', '六十五岁', '', '老'].map((v) => parseAge(v))).toEqual([65, 65, 65, 65, null, undefined]);
    expect(['十', '十二', '二十三', '九', 'x'].map(parseSmallNumber)).toEqual([10, 12, 23, 9, null]);
  });
});

describe('cached', () => {
  it('returns what the parser returns, computing each value once', () => {
    let calls = 0;
    const parse = cached((v) => {
      calls++;
      return parseGender(v);
    });
    expect([parse('男'), parse('男'), parse('女'), parse(null), parse(null)]).toEqual(['男', '男', '女', null, null]);
    expect(calls).toBe(4); // null is not cached: only strings and numbers are keys
  });
});
