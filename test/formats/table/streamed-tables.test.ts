import { describe, expect, it } from 'vitest';
import { rowDocument } from '../../../src/core/model/build.js';
import type { Document } from '../../../src/core/model/types.js';
import { buildTable } from '../../../src/core/formats/table/build-table.js';
import { CSV_STYLE, TSV_STYLE, formatDelimited } from '../../../src/core/formats/table/delimited.js';
import { escapeFormulas, noticeFormulas } from '../../../src/core/formats/table/escape-formulas.js';
import { writeTableCsv } from '../../../src/core/formats/table/csv.js';
import { writeTableTsv } from '../../../src/core/formats/table/tsv.js';
import { writeJsonTabular } from '../../../src/core/formats/table/json-tabular.js';
import { writeXlsx } from '../../../src/core/formats/table/xlsx.js';
import { xlsxCellText } from '../../../src/core/formats/table/xlsx-cells.js';
import { STREAM_CELLS } from '../../../src/core/formats/table/streamed-text.js';
import { readWorkbookSheets } from '../../../src/core/read/xlsx-sheets.js';
import { Report } from '../../../src/core/report/report.js';
import { TRICKY_CELLS, TRICKY_DOCUMENT_QUESTIONS, TRICKY_QUESTIONS } from './fixtures.js';
import { bytes, context } from './helpers.js';

/** The tricky rows repeated past the streaming threshold, answers on some rows and one unknown row. */
function bigDocument(): Document {
  const rows: string[][] = [];
  const rowAnswers: Record<number, Record<string, unknown>> = {};
  for (let r = 0; rows.length * 4 <= STREAM_CELLS * 1.5; r++) {
    rows.push(TRICKY_CELLS[r % TRICKY_CELLS.length].map((v) => (r % 7 === 0 ? `${v}${r}` : v)));
    if (r % 3 === 0) rowAnswers[r] = { '1': `c${r}`, '2': ['x', `y${r % 5}`], '5': String(r % 11), '9': 'unknown question' };
  }
  rowAnswers[rows.length + 5] = { '2': ['a row the document does not have'] };
  return rowDocument({
    name: 'big.csv',
    columns: ['Text', 'Other', 'Quote', 'Comment'],
    rows,
    rowQuestions: TRICKY_QUESTIONS,
    rowAnswers: rowAnswers as never,
    documentQuestions: TRICKY_DOCUMENT_QUESTIONS,
    documentAnswers: { '0': 'ana@example.com' },
  });
}

/** The table as it was built before rows were made on demand: the whole Table, then the formula rule. */
function wholeTable(doc: Document, escape: boolean, report: Report) {
  const table = buildTable(doc, { docAnswersOnly: false }, report);
  if (escape) return escapeFormulas(table, report);
  noticeFormulas(table, report);
  return table;
}

const messages = (report: Report) => report.all().map((m) => [m.kind, m.text, m.place]);

describe('table formats streamed row by row (tables over STREAM_CELLS cells)', () => {
  for (const escape of [false, true]) {
    it(`CSV and TSV: the streamed file has the bytes and the messages of the whole table${escape ? ' (--escape-formulas)' : ''}`, async () => {
      const doc = bigDocument();
      for (const [write, style] of [
        [writeTableCsv, CSV_STYLE],
        [writeTableTsv, TSV_STYLE],
      ] as const) {
        const whole = new Report();
        const table = wholeTable(doc, escape, whole);
        const ctx = context({ escapeFormulas: escape, bom: true });
        const [file] = write(doc, ctx);
        expect(typeof file.content).not.toBe('string');
        expect((await bytes(file.content)).toString('utf8')).toBe(formatDelimited([table.header, ...table.rows], { ...style, bom: true }));
        expect(messages(ctx.report)).toEqual(messages(whole));
      }
    });
  }

  it('JSON_TABULAR: the streamed array parses to the whole table, one object per line', async () => {
    const doc = bigDocument();
    const whole = new Report();
    const table = buildTable(doc, { docAnswersOnly: false }, whole);
    const ctx = context();
    const [file] = writeJsonTabular(doc, ctx);
    expect(typeof file.content).not.toBe('string');
    const text = (await bytes(file.content)).toString('utf8');
    const parsed = JSON.parse(text) as Array<Record<string, string>>;
    expect(parsed.map((o) => Object.values(o))).toEqual(table.rows);
    expect(text.split('\n')).toHaveLength(table.rows.length + 3);
    expect(messages(ctx.report)).toEqual(messages(whole));
  });

  it('XLSX: every cell as the whole table cleaned for a cell, messages reported once when the writer runs', async () => {
    const doc = bigDocument();
    const whole = new Report();
    const table = wholeTable(doc, false, whole);
    const ctx = context();
    const [file] = writeXlsx(doc, ctx);
    const before = messages(ctx.report);
    const [sheet] = await readWorkbookSheets(await bytes(file.content), 'big.xlsx');
    // Reading the content adds no message: they were all reported when the writer ran.
    expect(messages(ctx.report)).toEqual(before);
    const silent = new Report();
    const expected = [table.header, ...table.rows].map((cells, r) => cells.map((v, c) => xlsxCellText(v, { row: r, column: c }, silent)));
    const pad = (cells: string[]) => [...cells, ...Array<string>(table.header.length - cells.length).fill('')];
    expect(sheet.rows.map(pad)).toEqual(expected);
    expect(ctx.report.count({ kind: 'ControlCharRemoved' })).toBe(silent.count({ kind: 'ControlCharRemoved' }));
    expect(ctx.report.count({ kind: 'FormulaNotEscaped' })).toBe(1);
  });
});
