import fc from 'fast-check';
import { MASK, maskAddress, maskId, maskName, maskPhone, scrubDigits } from './mask';

const LONG_DIGIT_RUN = /\d{7,}/;

describe('maskName', () => {
  it.each([
    ['王小明', '王*明'],
    ['王明', '王*'],
    ['王', '*'],
    ['王小小明', '王**明'],
    ['欧阳小明', '欧阳*明'],
    ['欧阳明', '欧阳*'],
    ['司马相如', '司马*如'],
    ['买买提·艾力', '买**·*力'],
    ['阿依古丽·买买提', '阿***·**提'],
    ['  李丽 ', '李*'],
    ['', ''],
  ])('%s -> %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps at most the surname and the last character, and masks at least one', () => {
    const han = fc
      .array(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        { minLength: 1, maxLength: 8 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          han,
          fc.constantFrom('欧阳', '诸葛', '司马').chain((s) => han.map((h) => s + h)),
        ),
        (name) => {
          const masked = Array.from(maskName(name));
          const chars = Array.from(name);
          expect(masked.length).toBe(chars.length);
          const kept = masked.filter((c, i) => c !== MASK && c === chars[i]).length;
          // Every character is either masked or the input's own character at that place.
          masked.forEach((c, i) => expect(c === MASK || c === chars[i]).toBe(true));
          expect(masked.filter((c) => c === MASK).length).toBeGreaterThanOrEqual(1);
          expect(kept).toBeLessThanOrEqual(Math.min(3, chars.length - 1));
        },
      ),
    );
  });
});

describe('maskId', () => {
  it('keeps the first 4 and last 4 of an ID', () => {
    expect(maskId('42030220150312123X')).toBe('4203**********123X');
    expect(maskId('420302150312123')).toBe('4203*******2123');
    expect(maskId(' 420302201503121234 ')).toBe('4203**********1234');
  });

  it('never leaves more than 4 digits together, and keeps the length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$|^\d{15}$/), (id) => {
        const masked = maskId(id);
        expect(masked.length).toBe(id.length);
        expect(masked).not.toMatch(/\d{5,}/);
        expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked.slice(-4)).toBe(id.slice(-4));
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138-1234-5678', '138-****-5678'],
    ['+86 13812345678', '+86 138****5678'],
    ['0710-1234567', '0710-*****67'],
    ['010-12345678', '010-******78'],
    ['13812345678/13998765432', '138****5678/139****5432'],
    ['13812345678 13998765432', '138****5678 139****5432'],
    ['', ''],
    ['无', '无'],
  ])('%s -> %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never leaves an 11-digit run or more than 4 digits together', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/), { minLength: 1, maxLength: 3 }), fc.constantFrom('/', ' ', '、', ','), (phones, sep) => {
        const masked = maskPhone(phones.join(sep));
        expect(masked).not.toMatch(/\d{5,}/);
        expect(masked.replace(/[^\d]/g, '').length).toBeLessThan(phones.join('').replace(/\D/g, '').length);
      }),
    );
  });
});

describe('maskAddress', () => {
  it.each([
    ['湖北省十堰市郧阳区青曲镇白鹤村三组12号', '湖北省十堰市郧阳区青曲镇白鹤村'],
    ['青曲镇白鹤村委会', '青曲镇白鹤村'],
    ['城关镇幸福社区5栋302', '城关镇幸福社区'],
    ['青曲镇三组12号', '青曲镇'],
    ['十堰市郧阳区人民路１２号', '十堰市郧阳区'],
    ['三组12号', ''],
    ['', ''],
  ])('%s -> %s', (address, cut) => {
    expect(maskAddress(address)).toBe(cut);
  });

  it('never keeps 组, 号 or a digit', () => {
    const part = fc.constantFrom('湖北省', '十堰市', '郧阳区', '青曲镇', '白鹤村', '三组', '12号', '5栋', '302室', '幸福社区', '人民路');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const cut = maskAddress(parts.join(''));
        expect(cut).not.toMatch(/[组号栋室0-9]/);
        // What is kept is the input's own characters, in order.
        let rest = parts.join('');
        for (const ch of cut) {
          const at = rest.indexOf(ch);
          expect(at).toBeGreaterThanOrEqual(0);
          rest = rest.slice(at + 1);
        }
      }),
    );
  });
});

describe('scrubDigits', () => {
  it('masks IDs and phones in free text and leaves dates and short numbers', () => {
    expect(scrubDigits('电话13812345678，身份证420302201503121234。')).toBe('电话138****5678，身份证4203**********1234。');
    expect(scrubDigits('2026-09-01 谈心 20260901 第3次 共45人')).toBe('2026-09-01 谈心 20260901 第3次 共45人');
    expect(scrubDigits('座机0710-1234567')).toBe('座机0710-*****67');
  });

  it('leaves no 11-digit or 18-digit run in any text', () => {
    const noise = fc.string({ unit: fc.constantFrom('0', '1', '3', '8', '9', 'X', '-', ' ', '号', '，'), maxLength: 60 });
    fc.assert(
      fc.property(noise, (text) => {
        const out = scrubDigits(text);
        expect(out).not.toMatch(LONG_DIGIT_RUN);
      }),
    );
  });
});
