import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeTableCsv } from '../../../src/core/formats/table/csv.js';
import { writeTableTsv } from '../../../src/core/formats/table/tsv.js';
import { writeJsonTabular } from '../../../src/core/formats/table/json-tabular.js';
import { rowDocument } from '../../../src/core/model/build.js';
import { TRICKY_HEADER, TRICKY_TABLE, trickyRowDocument } from './fixtures.js';
import { context, text } from './helpers.js';

/** Parses delimited text; a file ends with a line end, so the parser's last (empty) record is dropped. */
function parse(content: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(content, { delimiter, newline: '\r\n', quoteChar: '"', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

describe('written then parsed back', () => {
  it('CSV equals the table (commas, quotes, tabs, CR/LF, leading = +, emoji, empty values)', () => {
    const ctx = context();
    const [file] = writeTableCsv(trickyRowDocument(), ctx);
    expect(file.name).toBe('tricky.csv');
    expect(parse(text(file.content), ',')).toEqual([TRICKY_HEADER, ...TRICKY_TABLE]);
    // Written as they are; only the notice that --escape-formulas exists.
    expect(ctx.report.all().map((m) => [m.kind, m.place])).toEqual([['FormulaNotEscaped', { row: 2, column: 0 }]]);
  });

  it('TSV equals the table', () => {
    const [file] = writeTableTsv(trickyRowDocument(), context());
    expect(file.name).toBe('tricky.csv.tsv');
    expect(parse(text(file.content), '\t')).toEqual([TRICKY_HEADER, ...TRICKY_TABLE]);
  });

  it('JSON_TABULAR equals the table, one object per row keyed by column title', () => {
    const [file] = writeJsonTabular(trickyRowDocument(), context());
    const parsed = JSON.parse(text(file.content)) as Record<string, string>[];
    expect(parsed.map((row) => TRICKY_HEADER.map((key) => row[key]))).toEqual(TRICKY_TABLE);
    expect(Object.keys(parsed[0])).toEqual(TRICKY_HEADER);
  });
});

describe('CSV and TSV bytes', () => {
  it('quotes only where needed and ends every line, the last too, with CRLF', () => {
    const doc = rowDocument({ columns: ['a', 'b'], rows: [['x', 'y,z'], ['tab\t', 'q"']] });
    expect(text(writeTableCsv(doc, context())[0].content)).toBe('a,b\r\nx,"y,z"\r\ntab\t,"q"""\r\n');
    expect(text(writeTableTsv(doc, context())[0].content)).toBe('a\tb\r\nx\ty,z\r\n"tab\t"\t"q"""\r\n');
  });

  it('--bom starts the file with a UTF-8 byte order mark', () => {
    const doc = rowDocument({ columns: ['a'], rows: [['x']] });
    expect(text(writeTableCsv(doc, context({ bom: true }))[0].content)).toBe('\uFEFFa\r\nx\r\n');
    expect(text(writeTableTsv(doc, context({ bom: true }))[0].content).startsWith('\uFEFF')).toBe(true);
  });

  it('--escape-formulas prefixes = + - @ values (not plain numbers) and reports each column', () => {
    const ctx = context({ escapeFormulas: true });
    const rows = parse(text(writeTableCsv(trickyRowDocument(), ctx)[0].content), ',');
    expect(rows[3].slice(0, 4)).toEqual(["'=SUM(A1:A2)", "'+1+2", '-3.5', "'@cmd"]);
    const messages = ctx.report.all().filter((m) => m.kind === 'FormulaEscaped');
    expect(messages.map((m) => m.place?.column)).toEqual([0, 1, 3]);
    expect(ctx.report.count({ kind: 'FormulaNotEscaped' })).toBe(0);
  });

  it('--escape-formulas also prefixes values starting with TAB or CR (OWASP triggers)', () => {
    const doc = rowDocument({ columns: ['a', 'b', 'c'], rows: [['\t=1+1', '\r@x', 'tab\tinside']] });
    const ctx = context({ escapeFormulas: true });
    const rows = parse(text(writeTableCsv(doc, ctx)[0].content), ',');
    expect(rows[1]).toEqual(["'\t=1+1", "'\r@x", 'tab\tinside']);
    expect(ctx.report.all().map((m) => [m.kind, m.place?.column])).toEqual([
      ['FormulaEscaped', 0],
      ['FormulaEscaped', 1],
    ]);
  });

  it('without --escape-formulas, formula-like values stay and one notice per document names the option', () => {
    const doc = rowDocument({ columns: ['a', 'b'], rows: [['=1', '\tx'], ['+2', 'plain'], ['-3.5', '@me']] });
    const ctx = context();
    expect(parse(text(writeTableTsv(doc, ctx)[0].content), '\t').slice(1)).toEqual([['=1', '\tx'], ['+2', 'plain'], ['-3.5', '@me']]);
    const notices = ctx.report.all().filter((m) => m.kind === 'FormulaNotEscaped');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'info', place: { row: 0, column: 0 } });
    // `+2` and `-3.5` are plain numbers, not formulas.
    expect(notices[0].text).toMatch(/^3 value\(s\) starting with .* \(the first: "=1"\).*--escape-formulas/);
    const clean = context();
    writeTableCsv(rowDocument({ columns: ['a'], rows: [['-3.5'], ['x=1']] }), clean);
    expect(clean.report.all()).toEqual([]);
  });
});

describe('JSON_TABULAR column order', () => {
  it('keeps numeric titles in column order in the file', () => {
    const doc = rowDocument({ columns: ['b', '2', '1'], rows: [['x', 'y', 'z']] });
    expect(text(writeJsonTabular(doc, context())[0].content)).toBe('[\n{"b":"x","2":"y","1":"z"}\n]\n');
  });
});

describe('JSON_TABULAR duplicate column titles', () => {
  it('suffixes (2), (3) and skips titles already taken, each change reported', () => {
    const doc = rowDocument({ columns: ['A', 'A', 'A (2)', 'A'], rows: [['1', '2', '3', '4']] });
    const ctx = context();
    const parsed = JSON.parse(text(writeJsonTabular(doc, ctx)[0].content));
    expect(parsed).toEqual([{ A: '1', 'A (3)': '2', 'A (2)': '3', 'A (4)': '4' }]);
    expect(Object.keys(parsed[0])).toEqual(['A', 'A (3)', 'A (2)', 'A (4)']);
    expect(ctx.report.count({ kind: 'DuplicateColumnRenamed' })).toBe(2);
  });
});
