import { rowDocument } from '../../../src/core/model/build.js';
import type { Document, Question } from '../../../src/core/model/types.js';

/**
 * A row project whose cells hold everything a delimited or spreadsheet file can get wrong, and whose
 * questions cover every answer shape of FORMATS.md §5.
 */
export const TRICKY_CELLS: string[][] = [
  ['plain', 'a, comma', 'say "hi"', ''],
  ['tab\there', 'line\nbreak', 'crlf\r\nline', 'cr\ronly'],
  ['=SUM(A1:A2)', '+1+2', '-3.5', '@cmd'],
  ['emoji 👍🏽 and 日本語', ' spaced ', '', 'last'],
];

export const TRICKY_QUESTIONS: Question[] = [
  { id: 1, name: 'Q1', label: 'Bound to Comment', type: 'TEXT', bindToColumn: 'Comment' },
  { id: 2, name: 'Topics', label: 'Pick topics', type: 'DROPDOWN', config: { multiple: true } },
  { id: 3, name: null, label: 'Is it good?', type: 'CHECKBOX' },
  { id: 4, name: 'Details', label: 'Nested details', type: 'NESTED' },
  { id: 5, name: 'Score', label: 'Slider', type: 'SLIDER' },
];

export const TRICKY_DOCUMENT_QUESTIONS: Question[] = [{ id: 0, name: 'Reviewed by', label: 'Reviewer', type: 'TEXT' }];

export function trickyRowDocument(): Document {
  return rowDocument({
    name: 'tricky.csv',
    columns: ['Text', 'Other', 'Quote', 'Comment'],
    rows: TRICKY_CELLS,
    rowQuestions: TRICKY_QUESTIONS,
    rowAnswers: {
      0: { '1': 'bound answer', '2': ['sports', 'world'], '3': true, '4': [{ a: 'x, "y"', b: 2 }], '5': '7' },
      1: { '2': ['a;b'], '3': false },
      2: { '1': null, '2': [], '5': '10' },
      3: { '1': '', '4': null },
    },
    documentQuestions: TRICKY_DOCUMENT_QUESTIONS,
    documentAnswers: { '0': 'ana@example.com' },
  });
}

/** The table §5 asks for, written out by hand. */
export const TRICKY_HEADER = ['Text', 'Other', 'Quote', 'Comment', 'Topics', 'Is it good?', 'Details', 'Score', 'Reviewed by'];
export const TRICKY_TABLE: string[][] = [
  ['plain', 'a, comma', 'say "hi"', 'bound answer', 'sports;world', 'true', '[{"a":"x, \\"y\\"","b":2}]', '7', 'ana@example.com'],
  ['tab\there', 'line\nbreak', 'crlf\r\nline', 'cr\ronly', 'a;b', 'false', '', '', 'ana@example.com'],
  ['=SUM(A1:A2)', '+1+2', '-3.5', '@cmd', '', '', '', '10', 'ana@example.com'],
  ['emoji 👍🏽 and 日本語', ' spaced ', '', 'last', '', '', '', '', 'ana@example.com'],
];

/** Rows 0–4: a multi-label answer, a single one, no answer, a label with punctuation, a non-ASCII label. */
export function mixedProject(): Document {
  return rowDocument({
    name: 'reviews.csv',
    columns: ['id', 'review', 'stars'],
    rows: [
      ['1', 'Great, "really" great', '5'],
      ['2', 'line one\nline two', '3'],
      ['3', 'no label here', '1'],
      ['4', "it's fine", '4'],
      ['5', 'très bien', '5'],
    ],
    rowQuestions: [
      { id: 7, name: 'note', label: 'Note', type: 'TEXT' },
      { id: 8, name: 'sentiment', label: 'Sentiment', type: 'DROPDOWN', config: { multiple: true } },
    ],
    rowAnswers: {
      0: { '7': 'first', '8': ['positive', 'enthusiastic'] },
      1: { '8': ['neutral'] },
      2: { '7': 'unlabeled row', '8': [] },
      3: { '8': ["ok, i'd say|meh"] },
      4: { '8': 'positif à 100%' },
    },
    documentQuestions: [{ id: 0, name: 'batch', label: 'Batch', type: 'TEXT' }],
    documentAnswers: { '0': 'B-12' },
  });
}
