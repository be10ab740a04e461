import { describe, expect, it } from 'vitest';
import { convertExport, formatSelection, writeFormat, type Document, type FormatName } from '../../src/core/index.js';
import { convert } from '../../src/node/convert.js';

/**
 * Format names are a string-literal union: `npm test` type-checks this file first, and each
 * `@ts-expect-error` below fails the check if a misspelt name ever compiles again.
 */
function misspeltNamesDoNotCompile(doc: Document): void {
  // @ts-expect-error TSV_IOBX is not a format
  void convert({ input: 'x.zip', to: ['TSV_IOBX'], outDir: 'out' });
  // @ts-expect-error TSV_IOBX is not a format
  void convertExport(new Uint8Array(), { to: ['TSV_IOBX'] });
  // @ts-expect-error format names are upper case
  void writeFormat(doc, 'tsv_iob');
  // @ts-expect-error a plain string is not a format name
  void convertExport(new Uint8Array(), { to: ['TSV_IOB' as string] });
  // The right names (and 'all') compile.
  void convert({ input: 'x.zip', to: ['TSV_IOB', 'CSV'], outDir: 'out' });
  void convertExport(new Uint8Array(), { to: 'all' });
}

describe('format names', () => {
  it('are checked at run time too, for names that arrive as text (command line, forms)', () => {
    expect(misspeltNamesDoNotCompile).toBeTypeOf('function');
    expect(formatSelection(['tsv_iob', ' csv '])).toEqual(['TSV_IOB', 'CSV'] satisfies FormatName[]);
    expect(formatSelection(['ALL'])).toBe('all');
    expect(() => formatSelection(['TSV_IOBX'])).toThrow(/unknown or unavailable format "TSV_IOBX"/);
    const error = (() => {
      try {
        convertExport(new Uint8Array(), { to: ['TSV_IOBX' as FormatName] });
      } catch (e) {
        return e as { code?: string; expected?: string };
      }
    })();
    expect(error?.code).toBe('BAD_OPTION');
    expect(error?.expected).toMatch(/^one of DATASAUR_SCHEMA, JSON_ADVANCED, .* or all$/);
  });
});
