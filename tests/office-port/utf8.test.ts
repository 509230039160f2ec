import fc from 'fast-check';
import { utf8Length } from '../../src/workbook/office/cells';

// The port budgets syncs with it and the double measures payloads with it (without Node's Buffer, so that
// it also runs in the browser): it must be Buffer's count, or the 5 MB limit tests measure the wrong thing.
describe('payload bytes are counted as UTF-8', () => {
  it('agrees with Buffer.byteLength on any text, Chinese and astral characters included', () => {
    expect(utf8Length('花名册 a😀')).toBe(Buffer.byteLength('花名册 a😀'));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s)),
      { numRuns: 2000, seed: 20261129 },
    );
    // Lone surrogates too (Buffer writes each as a 3-byte replacement character).
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: anyUnit }), (s) => utf8Length(s) === Buffer.byteLength(s)),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});
