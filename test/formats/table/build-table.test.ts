import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../src/core/formats/table/build-table.js';
import { answerToCell } from '../../../src/core/formats/table/answers.js';
import { emptyDocument, rowDocument } from '../../../src/core/model/build.js';
import { Report } from '../../../src/core/report/report.js';
import { TRICKY_HEADER, TRICKY_TABLE, trickyRowDocument } from './fixtures.js';

describe('answerToCell', () => {
  it('joins several answers with ;, writes booleans and numbers, nested answers as compact JSON', () => {
    expect(answerToCell(['a', 'b'])).toBe('a;b');
    expect(answerToCell(true)).toBe('true');
    expect(answerToCell(false)).toBe('false');
    expect(answerToCell(3.5)).toBe('3.5');
    expect(answerToCell([{ q: 'x' }])).toBe('[{"q":"x"}]');
    expect(answerToCell(['x'], { type: 'NESTED' })).toBe('["x"]');
    expect(answerToCell(null)).toBe('');
  });
});

describe('buildTable (FORMATS.md §5)', () => {
  it('writes bound answers into their column, adds the others after the table, repeats document answers', () => {
    const report = new Report();
    const table = buildTable(trickyRowDocument(), { docAnswersOnly: false }, report);
    expect(table.header).toEqual(TRICKY_HEADER);
    expect(table.rows).toEqual(TRICKY_TABLE);
    expect(report.all()).toEqual([]);
  });

  it('--doc-answers-only: one row per document, row answers reported', () => {
    const report = new Report();
    const table = buildTable(trickyRowDocument(), { docAnswersOnly: true }, report);
    expect(table.header).toEqual(['document', 'Reviewed by']);
    expect(table.rows).toEqual([['tricky.csv', 'ana@example.com']]);
    // Row 0 has 5 answers, row 1 two, row 2 one (question 5; null and [] are unanswered).
    expect(report.count({ kind: 'AnswerNotRepresented' })).toBe(8);
  });

  it('short rows are padded, extra cells get "Column <n>" titles', () => {
    const doc = rowDocument({ columns: ['A', 'B'], rows: [['1'], ['1', '2', '3']] });
    const table = buildTable(doc, { docAnswersOnly: false }, new Report());
    expect(table).toMatchObject({ header: ['A', 'B', 'Column 3'], rows: [['1', '', ''], ['1', '2', '3']] });
  });

  it('a bound question whose column is missing gets a column of its own', () => {
    const doc = rowDocument({
      columns: ['A'],
      rows: [['x']],
      rowQuestions: [{ id: 1, label: 'L', name: 'N', type: 'TEXT', bindToColumn: 'Missing' }],
      rowAnswers: { 0: { '1': 'v' } },
    });
    const table = buildTable(doc, { docAnswersOnly: false }, new Report());
    expect(table).toMatchObject({ header: ['A', 'N'], rows: [['x', 'v']] });
  });

  it('reports answers to unknown questions and rows, boxes, comments and metadata', () => {
    const doc = rowDocument({ columns: ['A'], rows: [['x']], rowQuestions: [], rowAnswers: { 0: { '9': 'lost?' }, 5: { '1': 'no row' } } });
    doc.rows[0].metadata = [{ key: 'k', value: 'v' }];
    doc.comments = [{ text: 'hello' }];
    const report = new Report();
    buildTable(doc, { docAnswersOnly: false }, report);
    expect(report.all().map((m) => m.kind).sort()).toEqual(['AnswerNotRepresented', 'AnswerNotRepresented', 'CommentNotRepresented', 'MetadataNotRepresented']);
  });

  it('bounding-box documents: document answers in one row, each box reported', () => {
    const doc = emptyDocument(['BBOX_BASED', 'DOCUMENT_BASED'], { name: 'image-1.jpeg' });
    doc.documentQuestions = [
      { id: 0, label: 'Quality', type: 'DROPDOWN' },
      { id: 1, label: 'Notes', type: 'TEXT' },
    ];
    doc.documentAnswers = { '0': 'Good', '1': null };
    doc.boundingBoxes = ['b1', 'b2'].map((id) => ({
      id, classId: 'c', className: 'Car', shapes: [{ pageIndex: 0, points: [{ x: 0, y: 0 }] }], status: 'LABELED', labeledBy: 'LABELER',
    }));
    const report = new Report();
    const table = buildTable(doc, { docAnswersOnly: false }, report);
    expect(table).toMatchObject({ header: ['document', 'Quality', 'Notes'], rows: [['image-1.jpeg', 'Good', '']] });
    expect(report.all().filter((m) => m.kind === 'BoundingBoxNotRepresented').map((m) => m.labelId)).toEqual(['b1', 'b2']);
  });
});
