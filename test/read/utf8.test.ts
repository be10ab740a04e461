import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, findInvalidUtf8 } from '../../src/core/read/utf8.js';

/** Issue 14 item 9: invalid UTF-8 is found with its byte offset, counted as the decoder replaces it. */
describe('UTF-8 decoding with invalid sequences named', () => {
  it('valid text (a BOM kept) decodes with nothing to say', () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a":"Zoë 🏅 € \u0000"}');
    expect(decodeUtf8(bytes)).toEqual({ text: '\uFEFF{"a":"Zoë 🏅 € \u0000"}' });
  });

  it('names the first invalid byte and counts one per U+FFFD the decoder writes', () => {
    const bytes = Uint8Array.from([0x7b, 0x22, 0x61, 0xff, 0x22, 0xe2, 0x82, 0x22, 0xed, 0xa0, 0x80, 0x7d]);
    const decoded = decodeUtf8(bytes);
    expect(decoded.invalid).toEqual({ first: 3, count: 5 });
    expect([...decoded.text].filter((c) => c === '\uFFFD')).toHaveLength(5);
  });

  it('property: the count equals the replacements of the WHATWG decoder, and the bytes before the first are valid', () => {
    const byteArb = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x80, 0xbf, 0xa0, 0x9f, 0x8f, 0x90));
    fc.assert(
      fc.property(fc.array(byteArb, { maxLength: 40 }), (list) => {
        const bytes = Uint8Array.from(list);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        // A U+FFFD written as bytes (EF BF BD) is text, not a replacement: such cases are left out.
        if (list.some((b, i) => b === 0xef && list[i + 1] === 0xbf && list[i + 2] === 0xbd)) return;
        const invalid = findInvalidUtf8(bytes);
        const replacements = [...text].filter((c) => c === '\uFFFD').length;
        expect(invalid?.count ?? 0).toBe(replacements);
        if (invalid) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, invalid.first))).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});
