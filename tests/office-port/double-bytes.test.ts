import fc from 'fast-check';
import { utf8Bytes } from '../office-double/engine';

// The double measures payloads without Node's Buffer so that it also runs in the browser; its count
// must be Buffer's, or the 5 MB limit tests would measure the wrong thing.
describe('the double measures payload bytes as UTF-8', () => {
  it('agrees with Buffer.byteLength on any text, Chinese and astral characters included', () => {
    expect(utf8Bytes('花名册 a😀')).toBe(Buffer.byteLength('花名册 a😀'));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Bytes(s) === Buffer.byteLength(s)), { numRuns: 2000, seed: 20261129 });
    // Lone surrogates too (Buffer writes each as a 3-byte replacement character).
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit: anyUnit }), (s) => utf8Bytes(s) === Buffer.byteLength(s)), { numRuns: 2000, seed: 20261129 });
  });
});
