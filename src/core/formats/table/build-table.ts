import type { AnswerSet, Document, Question, Row } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { forEachRowAnswers } from '../../model/row-answer-entries.js';
import type { ConvertOptions } from '../options.js';
import { answerToCell, isAnswered, questionColumnName } from './answers.js';
import { reportUnrepresented } from './unrepresented.js';

/**
 * A document as a table of strings: what CSV, TSV, JSON_TABULAR and XLSX all write.
 * `sourceRows[i]` is the model row index of `rows[i]` (-1 for a document-answers row), so writers
 * can point report messages at the input row.
 */
export interface Table {
  header: string[];
  rows: string[][];
  sourceRows: number[];
  /** A document-answers table: one row per document, its first column is `DOCUMENT_COLUMN`. */
  perDocument?: boolean;
}

/** Title of the first column of a document-answers table (decided: names the document of each row). */
export const DOCUMENT_COLUMN = 'document';

/**
 * Builds the table of FORMATS.md §5:
 * - the document's columns and rows, cells as they are;
 * - a question bound to an existing column (`bindToColumn`) writes its answer into that column, an
 *   unanswered one leaves the cell as it was;
 * - every other row question, then every document question, adds a column named after its `name`
 *   (else `label`), in question order; document answers repeat on each row;
 * - `--doc-answers-only`, and documents without a table (document-based and bounding-box projects),
 *   give one row: the document's name and its document answers.
 * Everything the table cannot hold (bounding boxes, comments, row metadata, answers to unknown
 * questions or rows, row answers under `--doc-answers-only`) is reported.
 */
export function buildTable(doc: Document, options: Pick<ConvertOptions, 'docAnswersOnly'>, report: Report): Table {
  const table = planTable(doc, options, report);
  const rows: string[][] = new Array(table.length);
  const sourceRows: number[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    rows[i] = table.row(i);
    sourceRows[i] = table.sourceRow(i);
  }
  return { header: table.header, rows, sourceRows, ...(table.perDocument ? { perDocument: true } : {}) };
}

/**
 * The same table with its rows made on demand: every message of `buildTable` is reported here, in
 * the same order, and `row(i)` builds the cells of row `i` when a writer asks (a writer that
 * streams its output never holds the table: a million-row document's table was a second copy of
 * every cell).
 */
export interface LazyTable {
  header: string[];
  length: number;
  row(i: number): string[];
  /** The model row index of row `i` (-1 for a document-answers row). */
  sourceRow(i: number): number;
  perDocument?: boolean;
}

export function planTable(doc: Document, options: Pick<ConvertOptions, 'docAnswersOnly'>, report: Report): LazyTable {
  reportUnrepresented(doc, report);
  const hasTable = doc.columns.length > 0 || (doc.kinds.includes('ROW_BASED') && doc.rows.length > 0);
  if (options.docAnswersOnly || !hasTable) {
    reportRowAnswers(doc, report, options.docAnswersOnly ? 'row answers are not written with --doc-answers-only' : 'the document has no table to hold row answers');
    const table = documentAnswersTable(doc, report);
    return { header: table.header, length: 1, row: () => table.rows[0], sourceRow: () => -1, perDocument: true };
  }
  return rowTable(doc, report);
}

function rowTable(doc: Document, report: Report): LazyTable {
  const knownRows = new Set<string>();
  for (const row of doc.rows) knownRows.add(String(row.index));
  const plan = planRowTable(doc, report, {
    // A loop, not Math.max(...rows): spreading a million rows would overflow the call stack.
    width: doc.rows.reduce((w, r) => Math.max(w, r.cells.length), 0),
    count: doc.rows.length,
    eachIndex: (visit) => {
      for (const row of doc.rows) visit(row.index);
    },
    has: (rowKey) => knownRows.has(rowKey),
  });
  return { header: plan.header, length: doc.rows.length, sourceRow: (i) => doc.rows[i].index, row: (i) => plan.cells(doc.rows[i]) };
}

/** What a row table needs to know of its rows before their cells: held (`doc.rows`) or streamed (`doc.rowStream`). */
export interface RowsOutline {
  /** Cells of the widest row. */
  width: number;
  count: number;
  /** Each row's model index, in order. */
  eachIndex(visit: (index: number) => void): void;
  /** Whether a `rowAnswers` key names one of the rows. */
  has(rowKey: string): boolean;
}

/**
 * Everything of a row table but its cells: the header, where each answer goes, and every message
 * about answers (they depend on the questions and the row indexes, never on the cells), so a
 * streamed table reports them before its rows are read, as a held one does.
 */
export function planRowTable(doc: Document, report: Report, rows: RowsOutline): { header: string[]; cells(row: Row): string[] } {
  const width = Math.max(rows.width, doc.columns.length);
  const header = Array.from({ length: width }, (_, i) => doc.columns[i]?.name ?? `Column ${i + 1}`);
  const taken = new Set<number>();
  const rowPlan = planColumns(doc.rowQuestions, header, width, taken);
  const docPlan = planColumns(doc.documentQuestions, header, width, taken);
  const docAnswers = doc.documentAnswers ?? {};
  reportUnknownAnswers(doc.documentQuestions, docAnswers, report, undefined);

  rows.eachIndex((index) => reportUnknownAnswers(doc.rowQuestions, doc.rowAnswers[String(index)] ?? {}, report, index));
  // Document answers repeat on each row: a table without rows has nowhere to put them.
  if (rows.count === 0) {
    for (const [questionId, value] of Object.entries(docAnswers)) {
      if (!isAnswered(value)) continue;
      report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} left out: the table has no rows to repeat it on (--doc-answers-only writes it)`, labelId: questionId });
    }
  }
  forEachRowAnswers(doc.rowAnswers, (rowKey, answers) => {
    if (rows.has(rowKey)) return;
    for (const [questionId, value] of Object.entries(answers)) {
      if (!isAnswered(value)) continue;
      report.add({ kind: 'AnswerNotRepresented', text: `answer to question ${questionId} is for row ${rowKey}, which the document does not have`, place: { row: Number(rowKey) }, labelId: questionId });
    }
  });
  return {
    header,
    cells(row) {
      const cells = new Array<string>(header.length);
      for (let c = 0; c < header.length; c++) cells[c] = row.cells[c]?.content ?? '';
      fill(cells, rowPlan, doc.rowAnswers[String(row.index)] ?? {});
      fill(cells, docPlan, docAnswers);
      return cells;
    },
  };
}

export function documentAnswersTable(doc: Document, report: Report): Table {
  const header = [DOCUMENT_COLUMN];
  const plan = doc.documentQuestions.map((question) => {
    header.push(questionColumnName(question));
    return { question, column: header.length - 1, bound: false };
  });
  const answers = doc.documentAnswers ?? {};
  reportUnknownAnswers(doc.documentQuestions, answers, report, undefined);
  const cells = header.map(() => '');
  cells[0] = doc.name;
  fill(cells, plan, answers);
  return { header, rows: [cells], sourceRows: [-1], perDocument: true };
}

interface PlannedQuestion {
  question: Question;
  column: number;
  /** Bound questions only overwrite their column when answered. */
  bound: boolean;
}

/**
 * Appends one column per unbound question to `header` (in place) and says where each answer goes.
 * Bindings name the table's own columns (the first `tableWidth`). `taken` holds the table columns already bound (row questions are planned before document
 * questions): a second question bound to the same column gets a column of its own, since writing
 * both answers into one cell would overwrite the first in silence (found by
 * test/property/conservation-rows.test.ts).
 */
function planColumns(questions: readonly Question[], header: string[], tableWidth: number, taken: Set<number>): PlannedQuestion[] {
  return questions.map((question) => {
    const boundTo = question.bindToColumn ? header.slice(0, tableWidth).indexOf(question.bindToColumn) : -1;
    if (boundTo >= 0 && !taken.has(boundTo)) {
      taken.add(boundTo);
      return { question, column: boundTo, bound: true };
    }
    // A binding to a column the table does not have (or one already bound) keeps the answer in a column of its own.
    header.push(questionColumnName(question));
    return { question, column: header.length - 1, bound: false };
  });
}

function fill(cells: string[], plan: readonly PlannedQuestion[], answers: AnswerSet): void {
  for (const { question, column, bound } of plan) {
    const value = answers[String(question.id)];
    if (bound && !isAnswered(value)) continue;
    cells[column] = answerToCell(value, question);
  }
}

/** Answers keyed by a question id the document does not define cannot be placed in any column. */
function reportUnknownAnswers(questions: readonly Question[], answers: AnswerSet, report: Report, row: number | undefined): void {
  for (const [questionId, value] of Object.entries(answers)) {
    if (!isAnswered(value) || questions.some((q) => String(q.id) === questionId)) continue;
    report.add({
      kind: 'AnswerNotRepresented',
      text: `answer to question ${questionId}, which the document does not define, has no column`,
      place: row === undefined ? undefined : { row },
      labelId: questionId,
    });
  }
}

export function reportRowAnswers(doc: Document, report: Report, why: string): void {
  forEachRowAnswers(doc.rowAnswers, (rowKey, answers) => {
    for (const [questionId, value] of Object.entries(answers)) {
      if (!isAnswered(value)) continue;
      report.add({ kind: 'AnswerNotRepresented', text: `answer to question ${questionId} of row ${rowKey} left out: ${why}`, place: { row: Number(rowKey) }, labelId: questionId });
    }
  });
}
