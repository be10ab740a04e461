import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeTableCsvCombined } from '../../../src/core/formats/table/csv.js';
import { writeTableTsvCombined } from '../../../src/core/formats/table/tsv.js';
import { writeJsonTabularCombined } from '../../../src/core/formats/table/json-tabular.js';
import { rowDocument } from '../../../src/core/model/build.js';
import { context, text } from './helpers.js';

const docs = () => [
  rowDocument({
    name: 'a.csv',
    columns: ['dup', 'dup', 'x'],
    rows: [['1', '2', '=3']],
    documentQuestions: [{ id: 0, name: 'quality', label: 'Quality', type: 'TEXT' }],
    documentAnswers: { '0': 'good' },
  }),
  rowDocument({
    name: 'b.csv',
    columns: ['dup', 'y', 'dup'],
    rows: [['4', '5', '6'], ['7', '8', '9']],
    documentQuestions: [{ id: 0, name: 'quality', label: 'Quality', type: 'TEXT' }],
    documentAnswers: { '0': 'bad' },
  }),
];

describe('--combine for CSV, TSV, JSON_TABULAR', () => {
  it('one table: document column first, columns matched by title and occurrence', () => {
    const ctx = context({ combine: true, escapeFormulas: true });
    const [file] = writeTableCsvCombined(docs(), ctx);
    expect(file.name).toBe('project-P1.csv');
    expect(Papa.parse<string[]>(text(file.content), { newline: '\r\n' }).data.slice(0, -1)).toEqual([
      ['document', 'dup', 'dup', 'x', 'quality', 'y'],
      ['a.csv', '1', '2', "'=3", 'good', ''],
      ['b.csv', '4', '6', '', 'bad', '5'],
      ['b.csv', '7', '9', '', 'bad', '8'],
    ]);
    expect(ctx.report.all().map((m) => [m.kind, m.document])).toEqual([['FormulaEscaped', 'a.csv']]);
  });

  it('--doc-answers-only gives one row per document', () => {
    const ctx = context({ combine: true, docAnswersOnly: true });
    const tsv = text(writeTableTsvCombined(docs(), ctx)[0].content);
    expect(tsv).toBe('document\tquality\r\na.csv\tgood\r\nb.csv\tbad\r\n');
    const json = JSON.parse(text(writeJsonTabularCombined(docs(), ctx)[0].content));
    expect(json).toEqual([{ document: 'a.csv', quality: 'good' }, { document: 'b.csv', quality: 'bad' }]);
  });

  it('JSON_TABULAR: duplicate titles in the combined table get suffixes', () => {
    const ctx = context({ combine: true });
    const [file] = writeJsonTabularCombined(docs(), ctx);
    expect(file.name).toBe('project-P1.json');
    expect(JSON.parse(text(file.content))[1]).toEqual({ document: 'b.csv', dup: '4', 'dup (2)': '6', x: '', quality: 'bad', y: '5' });
    expect(ctx.report.count({ kind: 'DuplicateColumnRenamed' })).toBe(1);
  });
});
