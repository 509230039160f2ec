import fc from 'fast-check';
import { toIso } from '../dates';
import { checkIdNumber, idCheckChar, isValidIdNumber } from './idNumber';
import { toFullWidth } from '../../../tests/helpers/snapshot';

describe('idCheckChar (ISO 7064 MOD 11-2)', () => {
  it('matches published examples', () => {
    // The standard's own example and a widely published one.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid ID and reads its birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ kind: 'ok', id: '11010519491231002X', birth: '1949-12-31', gender: '女' });
    expect(checkIdNumber('440524188001010014')).toMatchObject({ kind: 'ok', birth: '1880-01-01', gender: '男' });
  });

  it('accepts lower-case x, spaces, full-width digits and a leading apostrophe', () => {
    for (const v of ['11010519491231002x', ' 110105 19491231 002X ', toFullWidth('11010519491231002X'), "'11010519491231002X"]) {
      expect([v, checkIdNumber(v)?.kind]).toEqual([v, 'ok']);
    }
  });

  it("accepts Hong Kong, Macau and Taiwan residence permits and foreigners' permanent residence IDs", () => {
    for (const first17 of ['81000020100101123', '82000020100101123', '83000020100101123', '91115620100101123']) {
      expect(checkIdNumber(first17 + idCheckChar(first17))?.kind).toBe('ok');
    }
  });

  it('spots an ID stored as a number, or as scientific-notation text', () => {
    expect(checkIdNumber(110105194912310020)).toEqual({ kind: 'precisionLost' });
    expect(checkIdNumber('1.10105E+17')).toEqual({ kind: 'precisionLost' });
  });

  it('reads a 15-digit legacy ID, also when stored as a number', () => {
    expect(checkIdNumber('110105491231002')).toEqual({ kind: 'legacy15', id: '110105491231002', birth: '1949-12-31', gender: '女' });
    expect(checkIdNumber(110105491231001)).toMatchObject({ kind: 'legacy15', gender: '男' });
  });

  it('tells wrong shape, impossible birth date, wrong checksum and error values apart', () => {
    expect(checkIdNumber('1101051949123100')?.kind).toBe('badFormat');
    expect(checkIdNumber('11010519491231002Y')?.kind).toBe('badFormat');
    expect(checkIdNumber('X10105194912310021')?.kind).toBe('badFormat');
    const feb30 = '11010520150230002';
    expect(checkIdNumber(feb30 + idCheckChar(feb30))?.kind).toBe('badBirthDate');
    expect(checkIdNumber('110105194912310021')?.kind).toBe('badChecksum');
    expect(checkIdNumber({ error: '#N/A' })).toEqual({ kind: 'cellError' });
    expect(checkIdNumber(null)).toBeNull();
    expect(checkIdNumber('  ')).toBeNull();
  });

  const birth = fc
    .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true })
    .map((d) => toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).replace(/-/g, ''));
  const validId = fc.tuple(fc.stringMatching(/^[1-6]\d{5}$/), birth, fc.stringMatching(/^\d{3}$/)).map(([area, b, seq]) => {
    const first17 = area + b + seq;
    return first17 + idCheckChar(first17);
  });

  it('accepts every generated valid ID, with the right birth date and gender (property)', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = checkIdNumber(id);
        return r?.kind === 'ok' && r.birth.replace(/-/g, '') === id.slice(6, 14) && (r.gender === '男') === (Number(id[16]) % 2 === 1);
      }),
    );
  });

  it('rejects any ID with one character changed (property)', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, at, shift) => {
        const alphabet = at === 17 ? '0123456789X' : '0123456789';
        const was = alphabet.indexOf(id[at]);
        const changed = id.slice(0, at) + alphabet[(was + shift) % alphabet.length] + id.slice(at + 1);
        fc.pre(changed !== id);
        return !isValidIdNumber(changed);
      }),
    );
  });
});
