import type { Document, Question, Row } from '../../model/types.js';
import { InputError } from '../../errors.js';
import type { Report } from '../../report/report.js';
import { forEachRowAnswers } from '../../model/row-answer-entries.js';
import type { ConvertOptions } from '../options.js';
import { answerToLabels, isAnswered, questionColumnName } from './answers.js';
import { reportUnrepresented } from './unrepresented.js';

/**
 * What the three classifier targets (Comprehend, Azure, Vertex) share: one training example per
 * row (a row question is the label) or per document (a document question is the label), with the
 * text of one column. FORMATS.md §5 defaults (decided):
 * - `--label-question` (matched against the question's name, then label, then id; row questions
 *   first): default the first question whose answers are option labels (DROPDOWN,
 *   HIERARCHICAL_DROPDOWN, or a config with `options`), row questions before document questions;
 * - `--text-column`: default the first column that no question is bound to and that holds a value
 *   other than a number (the "text" column), else the first column;
 * - per-document examples take the text column's cells joined by `\n`, or the document's text
 *   (row contents joined by `\n`) when there is no table.
 * Rows without a label are skipped (`RowWithoutLabelSkipped`); every other answer is named
 * (`AnswerNotRepresented`), since a classifier file holds one label question only.
 */
export interface ClassifierExample {
  text: string;
  labels: string[];
  /** Model row index, or -1 for a per-document example. */
  row: number;
}

export interface LabelChoice {
  question: Question;
  scope: 'row' | 'document';
}

export function classifierExamples(doc: Document, options: Pick<ConvertOptions, 'labelQuestion' | 'textColumn'>, report: Report): ClassifierExample[] | null {
  reportUnrepresented(doc, report);
  if (doc.rows.length === 0) {
    // Bounding-box (image) documents have document answers but no text to train a classifier on.
    report.add({ kind: 'FormatNotApplicable', text: 'the document has no text to classify; nothing was written for it' });
    reportOtherAnswers(doc, report, null);
    return null;
  }
  const choice = labelChoice(doc, options.labelQuestion);
  if (!choice) {
    report.add({
      kind: 'FormatNotApplicable',
      text: 'no question with option answers to use as the label (pass --label-question); nothing was written for it',
    });
    reportOtherAnswers(doc, report, null);
    return null;
  }
  const textColumn = textColumnIndex(doc, options.textColumn);
  const examples: ClassifierExample[] = [];
  if (choice.scope === 'row') {
    for (const row of doc.rows) {
      const example = rowExample(doc, row, choice, textColumn, report);
      if (example) examples.push(example);
    }
  } else {
    const example = documentExample(doc, doc.rows.map((r) => rowText(r, textColumn)), choice, report);
    if (example) examples.push(example);
  }
  reportOtherAnswers(doc, report, choice);
  return examples;
}

/** The example of one row (a row question is the label), or null when it is skipped (and said why). */
export function rowExample(doc: Document, row: Row, choice: LabelChoice, textColumn: number | null, report: Report): ClassifierExample | null {
  const id = String(choice.question.id);
  const labels = answerToLabels(doc.rowAnswers[String(row.index)]?.[id]);
  const text = rowText(row, textColumn);
  if (labels.length && text.trim() === '') reportNoText(report, id, row.index);
  else if (labels.length) return { text, labels, row: row.index };
  else report.add({ kind: 'RowWithoutLabelSkipped', text: `row ${row.index} has no answer to "${questionColumnName(choice.question)}"`, place: { row: row.index }, labelId: id });
  return null;
}

/** A row's part of a per-document example's text. */
export function rowText(row: Row, textColumn: number | null): string {
  return textColumn === null ? row.cells.map((c) => c.content).join('\n') : row.cells[textColumn]?.content ?? '';
}

/** The one example of a document (a document question is the label) from its rows' texts, or null. */
export function documentExample(doc: Document, lines: readonly string[], choice: LabelChoice, report: Report): ClassifierExample | null {
  const id = String(choice.question.id);
  const labels = answerToLabels(doc.documentAnswers?.[id]);
  const text = lines.join('\n');
  if (labels.length && text.trim() === '') reportNoText(report, id, undefined);
  else if (labels.length) return { text, labels, row: -1 };
  else report.add({ kind: 'RowWithoutLabelSkipped', text: `the document has no answer to "${questionColumnName(choice.question)}"`, labelId: id });
  return null;
}

/**
 * Comprehend, Azure and Vertex all refuse a training example without text, so a labelled row whose
 * text is empty is left out and its label answer named (found by
 * test/property/format-meaning-rows.test.ts: the validators rejected such files).
 */
export function reportNoText(report: Report, questionId: string, row: number | undefined): void {
  report.add({
    kind: 'AnswerNotRepresented',
    text: `${row === undefined ? 'the document' : `row ${row}`} has a label but no text to classify; the classifier targets refuse an example without text`,
    ...(row === undefined ? {} : { place: { row } }),
    labelId: questionId,
  });
}

const OPTION_TYPES = new Set(['DROPDOWN', 'HIERARCHICAL_DROPDOWN']);

function hasOptionAnswers(q: Question): boolean {
  const config = q.config;
  const hasOptions = config !== null && typeof config === 'object' && !Array.isArray(config) && Array.isArray(config.options);
  return OPTION_TYPES.has(q.type) || hasOptions;
}

export function labelChoice(doc: Document, wanted: string | undefined): LabelChoice | null {
  const all: LabelChoice[] = [
    ...doc.rowQuestions.map((question) => ({ question, scope: 'row' as const })),
    ...doc.documentQuestions.map((question) => ({ question, scope: 'document' as const })),
  ];
  if (wanted === undefined) return all.find((c) => hasOptionAnswers(c.question)) ?? null;
  const found =
    all.find((c) => c.question.name === wanted) ??
    all.find((c) => c.question.label === wanted) ??
    all.find((c) => String(c.question.id) === wanted);
  if (found) return found;
  throw new InputError('BAD_OPTION', `--label-question "${wanted}" is not a question of document "${doc.name}"`, {
    expected: `one of ${all.map((c) => JSON.stringify(questionColumnName(c.question))).join(', ') || '(the document has no questions)'}`,
  });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Column index of the text, or null when the document has no table columns. */
export function textColumnIndex(doc: Document, wanted: string | undefined): number | null {
  const names = doc.columns.map((c) => c.name);
  if (wanted !== undefined) {
    const index = names.indexOf(wanted);
    if (index >= 0) return index;
    throw new InputError('BAD_OPTION', `--text-column "${wanted}" is not a column of document "${doc.name}"`, {
      expected: names.length ? `one of ${names.map((n) => JSON.stringify(n)).join(', ')}` : 'a document with table columns',
    });
  }
  if (!names.length) return null;
  const bound = boundColumns(doc);
  const isText = (i: number) => !bound.has(names[i]) && doc.rows.some((r) => isTextValue(r.cells[i]?.content ?? ''));
  const index = names.findIndex((_, i) => isText(i));
  return index >= 0 ? index : 0;
}

/** Columns a question is bound to (they hold answers, not the text to classify). */
export function boundColumns(doc: Document): Set<string | null | undefined> {
  return new Set([...doc.rowQuestions, ...doc.documentQuestions].map((q) => q.bindToColumn).filter(Boolean));
}

/** A cell that makes its column a text column: not empty, not a number. */
export function isTextValue(value: string): boolean {
  return value !== '' && !NUMBER.test(value);
}

/**
 * Every answer that is not the label of a written or skipped example. `hasRow` says whether a
 * `rowAnswers` key names a row of the document (by default: one of `doc.rows`).
 */
export function reportOtherAnswers(doc: Document, report: Report, choice: LabelChoice | null, hasRow?: (rowKey: string) => boolean): void {
  const labelId = choice ? String(choice.question.id) : null;
  const rowIndexes = hasRow ? null : new Set(doc.rows.map((r) => String(r.index)));
  const known = hasRow ?? ((rowKey: string) => rowIndexes!.has(rowKey));
  forEachRowAnswers(doc.rowAnswers, (rowKey, answers) => {
    for (const [questionId, value] of Object.entries(answers)) {
      if (!isAnswered(value)) continue;
      if (choice?.scope === 'row' && questionId === labelId && known(rowKey)) continue;
      report.add({ kind: 'AnswerNotRepresented', text: `answer to question ${questionId} of row ${rowKey} is not the label question's`, place: { row: Number(rowKey) }, labelId: questionId });
    }
  });
  for (const [questionId, value] of Object.entries(doc.documentAnswers ?? {})) {
    if (!isAnswered(value)) continue;
    if (choice?.scope === 'document' && questionId === labelId) continue;
    report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} is not the label question's`, labelId: questionId });
  }
}
