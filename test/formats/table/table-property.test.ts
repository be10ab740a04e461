import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeTableCsv } from '../../../src/core/formats/table/csv.js';
import { writeTableTsv } from '../../../src/core/formats/table/tsv.js';
import { uniqueKeys, writeJsonTabular } from '../../../src/core/formats/table/json-tabular.js';
import { Report } from '../../../src/core/report/report.js';
import { rowDocument } from '../../../src/core/model/build.js';
import { context, text } from './helpers.js';

/** Cell text drawn from the characters that break delimited files, plus any Unicode. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom(',', '"', '\t', '\r', '\n', ' ', '=', '+', '-', '@', 'a', '1', ';', '\'') }),
  fc.string({ unit: 'grapheme' }),
);

/** A table of 1–5 columns and 0–6 rows (column titles drawn the same way). */
const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.array(cell, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
  }),
);

function parse(content: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(content, { delimiter, newline: '\r\n', quoteChar: '"' });
  expect(result.errors).toEqual([]);
  return result.data.slice(0, -1); // the file ends with a line end
}

describe('any table survives CSV, TSV and JSON_TABULAR', () => {
  it('parses back to the same header and cells', () => {
    fc.assert(
      fc.property(table, ({ header, rows }) => {
        const doc = rowDocument({ columns: header, rows });
        expect(parse(text(writeTableCsv(doc, context())[0].content), ',')).toEqual([header, ...rows]);
        expect(parse(text(writeTableTsv(doc, context())[0].content), '\t')).toEqual([header, ...rows]);
        const written = text(writeJsonTabular(doc, context())[0].content);
        const json = JSON.parse(written) as Record<string, string>[];
        // Duplicate titles get suffixes (tested in round-trip.test.ts); look the cells up by those keys.
        const keys = uniqueKeys(header, new Report());
        expect(json.map((o) => keys.map((k) => o[k]))).toEqual(rows);
        // The file keeps column order, even for titles a JavaScript object would reorder ("2" before "1").
        if (rows.length) expect(written.split('\n')[1].startsWith(`{${JSON.stringify(keys[0])}:`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
