import fc from 'fast-check';
import { rowDocument } from '../../../src/core/model/build.js';
import type { AnswerSet, Document, JsonValue, Question, QuestionType } from '../../../src/core/model/types.js';
import { graphemeArb } from './text.js';

export const QUESTION_TYPES: readonly QuestionType[] = ['TEXT', 'DROPDOWN', 'HIERARCHICAL_DROPDOWN', 'CHECKBOX', 'DATE', 'TIME', 'SLIDER', 'URL', 'NESTED', 'TOKEN', 'DATA'];
const COLUMN_NAMES = ['text', 'label', 'id', 'notes', 'Text', 'text'];
const OPTION_LABELS = ['positive', 'negative', 'a,b', 'say "hi"', 'Café', '=1+1', 'multi word'];

/** Cell text: graphemes of every script, CSV/TSV specials, line breaks, formula starters. */
const cellTextArb = fc.array(fc.oneof({ weight: 5, arbitrary: graphemeArb }, { weight: 1, arbitrary: fc.constantFrom(' ', '\r\n', '\r', '\n', '\t', '"', ',') }), { maxLength: 6 }).map((g) => g.join(''));

interface QuestionSeed {
  type: number;
  named: boolean;
  label: number;
  /** Bound to column `bindTo % columns` when set; unbound otherwise. */
  bindTo: number | null;
  multiple: boolean;
}

/** One answer's raw material; the question's type picks the part that fits (built by index, so it shrinks validly). */
interface AnswerSeed {
  row: number;
  question: number;
  /** 0: answered; 1: null; 2: empty string; 3: empty list. */
  blank: number;
  text: string;
  options: number[];
  flag: boolean;
  n: number;
}

interface RowDocumentSeed {
  columns: string[];
  rows: string[][];
  rowQuestions: QuestionSeed[];
  rowAnswers: AnswerSeed[];
  documentQuestions: QuestionSeed[];
  documentAnswers: AnswerSeed[];
  /** An answer for a row past the table's end (the writer cannot place it: it must say so). */
  strayRow: boolean;
  metadata: boolean;
}

const questionSeedArb: fc.Arbitrary<QuestionSeed> = fc.record({
  type: fc.nat({ max: QUESTION_TYPES.length - 1 }),
  named: fc.boolean(),
  label: fc.nat({ max: 5 }),
  bindTo: fc.option(fc.nat({ max: 5 }), { freq: 2 }),
  multiple: fc.boolean(),
});

const answerSeedArb: fc.Arbitrary<AnswerSeed> = fc.record({
  row: fc.nat({ max: 5 }),
  question: fc.nat({ max: 5 }),
  blank: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) }),
  text: cellTextArb,
  options: fc.array(fc.nat({ max: OPTION_LABELS.length - 1 }), { minLength: 1, maxLength: 3 }),
  flag: fc.boolean(),
  n: fc.nat({ max: 100 }),
});

export const rowDocumentSeedArb: fc.Arbitrary<RowDocumentSeed> = fc.record({
  columns: fc.array(fc.constantFrom(...COLUMN_NAMES), { minLength: 1, maxLength: 4 }),
  rows: fc.array(fc.array(cellTextArb, { minLength: 4, maxLength: 4 }), { maxLength: 4 }),
  rowQuestions: fc.array(questionSeedArb, { maxLength: 5 }),
  rowAnswers: fc.array(answerSeedArb, { maxLength: 10 }),
  documentQuestions: fc.array(questionSeedArb, { maxLength: 3 }),
  documentAnswers: fc.array(answerSeedArb, { maxLength: 3 }),
  strayRow: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  metadata: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** Valid row (table) documents with row and document questions of every type. */
export const rowDocumentArb: fc.Arbitrary<Document> = rowDocumentSeedArb.map(buildRowDocument);

function question(seed: QuestionSeed, id: number, columns: string[], prefix: string): Question {
  const type = QUESTION_TYPES[seed.type];
  const options = OPTION_LABELS.map((label, n) => ({ id: String(n), label }));
  const config: JsonValue =
    type === 'DROPDOWN' || type === 'HIERARCHICAL_DROPDOWN'
      ? { multiple: seed.multiple, options }
      : type === 'NESTED'
        ? { questions: [{ id: 0, type: 'TEXT', label: 'inner' }, { id: 1, type: 'CHECKBOX', label: 'flag' }] }
        : type === 'TEXT'
          ? { multiple: seed.multiple }
          : {};
  return {
    id,
    name: seed.named ? `${prefix}${seed.label}` : null,
    label: `${prefix} question ${seed.label}`,
    type,
    required: false,
    config,
    bindToColumn: seed.bindTo === null ? null : columns[seed.bindTo % columns.length],
  };
}

function answer(seed: AnswerSeed, q: Question, multiple: boolean): JsonValue {
  if (seed.blank === 1) return null;
  if (seed.blank === 2) return '';
  if (seed.blank === 3) return [];
  const labels = seed.options.map((o) => OPTION_LABELS[o]);
  switch (q.type) {
    case 'TEXT':
      return multiple ? [seed.text, `${seed.text}!`] : seed.text;
    case 'DROPDOWN':
      return multiple ? labels : labels[0];
    case 'HIERARCHICAL_DROPDOWN':
      return labels;
    case 'CHECKBOX':
      return seed.flag;
    case 'DATE':
      return `2024-${String((seed.n % 12) + 1).padStart(2, '0')}-${String((seed.n % 28) + 1).padStart(2, '0')}`;
    case 'TIME':
      return `${String(seed.n % 24).padStart(2, '0')}:${String(seed.n % 60).padStart(2, '0')}:07.${String(seed.n).padStart(3, '0')}`;
    case 'SLIDER':
      return String(seed.n);
    case 'URL':
      return `https://example.com/${seed.n}?q=${encodeURIComponent(seed.text)}`;
    case 'NESTED':
      return [{ '0': seed.text, '1': seed.flag }];
    default:
      return seed.text;
  }
}

export function buildRowDocument(seed: RowDocumentSeed): Document {
  const columns = seed.columns;
  const rows = seed.rows.map((cells) => cells.slice(0, columns.length));
  const rowQuestions = seed.rowQuestions.map((q, n) => question(q, n, columns, 'row'));
  const documentQuestions = seed.documentQuestions.map((q, n) => question(q, n, columns, 'doc'));
  const rowAnswers: Record<number, AnswerSet> = {};
  if (rowQuestions.length > 0 && rows.length > 0) {
    for (const a of seed.rowAnswers) {
      const q = rowQuestions[a.question % rowQuestions.length];
      const row = a.row % rows.length;
      (rowAnswers[row] ??= {})[String(q.id)] = answer(a, q, seed.rowQuestions[a.question % rowQuestions.length].multiple);
    }
    if (seed.strayRow) rowAnswers[rows.length] = { [String(rowQuestions[0].id)]: 'answer for a row the table lacks' };
  }
  let documentAnswers: AnswerSet | null = null;
  if (documentQuestions.length > 0) {
    documentAnswers = {};
    for (const a of seed.documentAnswers) {
      const q = documentQuestions[a.question % documentQuestions.length];
      documentAnswers[String(q.id)] = answer(a, q, seed.documentQuestions[a.question % documentQuestions.length].multiple);
    }
  }
  const doc = rowDocument({ name: 'table.csv', project: { id: 'P7', name: 'Rows, "quoted"' }, columns, rows, rowQuestions, rowAnswers, documentQuestions, documentAnswers });
  if (seed.metadata && doc.rows.length > 0) doc.rows[0].metadata = [{ key: 'source', value: 'import', pinned: false }];
  return doc;
}
