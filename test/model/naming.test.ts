import { describe, expect, it } from 'vitest';
import { fitOutputName, MAX_OUTPUT_NAME_BYTES } from '../../src/core/model/naming.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('fitOutputName', () => {
  it('leaves ordinary names alone', () => {
    expect(fitOutputName('curie.txt.tsv')).toEqual({ name: 'curie.txt.tsv', changes: [] });
    const atLimit = `${'a'.repeat(MAX_OUTPUT_NAME_BYTES - 8)}.txt.tsv`;
    expect(fitOutputName(atLimit)).toEqual({ name: atLimit, changes: [] });
  });

  it('turns NUL into _', () => {
    expect(fitOutputName('a\u0000b.txt.json')).toEqual({ name: 'a_b.txt.json', changes: ['NUL became _'] });
  });

  it('shortens long names to the limit, keeping the extensions and adding a hash of the whole name', () => {
    const long = `${'x'.repeat(290)}.txt.tsv`;
    const fitted = fitOutputName(long);
    expect(fitted.name).toMatch(/^x+~[0-9a-f]{8}\.txt\.tsv$/);
    expect(bytes(fitted.name)).toBe(MAX_OUTPUT_NAME_BYTES);
    expect(fitted.changes).toEqual([expect.stringMatching(/^298 bytes, over the 200-byte limit/)]);
    // Two names that share their first 200 bytes still get two files; the same name the same file.
    const other = fitOutputName(`${'x'.repeat(290)}y.txt.tsv`);
    expect(other.name).not.toBe(fitted.name);
    expect(fitOutputName(long).name).toBe(fitted.name);
  });

  it('counts UTF-8 bytes and never cuts inside a character', () => {
    const fitted = fitOutputName(`${'é'.repeat(99)}😀${'é'.repeat(50)}.csv`);
    expect(bytes(fitted.name)).toBeLessThanOrEqual(MAX_OUTPUT_NAME_BYTES);
    expect(fitted.name).not.toContain('\uFFFD');
    expect(fitted.name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(fitted.name).toMatch(/~[0-9a-f]{8}\.csv$/);
  });

  it('keeps no extension when the name has none', () => {
    const fitted = fitOutputName('P'.repeat(252));
    expect(fitted.name).toMatch(/^P{191}~[0-9a-f]{8}$/);
  });
});
