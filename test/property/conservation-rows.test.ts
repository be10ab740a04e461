import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, JsonValue, Question } from '../../src/core/model/types.js';
import type { ConversionMessage } from '../../src/core/report/report.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { readTable } from './read-table.js';
import { rowWriters, runWriter } from './run-writer.js';
import { readServerText } from './server-text.js';
import { parseDelimited } from './decode.js';

/**
 * Property 3 (row and document answers): every answer is in the output or named in the report (by
 * question id, at its row), for every registered row format. Tables are read back with their own
 * parsers (papaparse, JSON.parse, exceljs) and each answer is looked for in the cell FORMATS.md §5
 * puts it in: the bound column, else the question's own column after the table's columns.
 */
const answered = (v: JsonValue | undefined) => !(v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0));

/** FORMATS.md §5: `;` joins several answers, booleans are true/false, nested answers compact JSON. */
function cellText(value: JsonValue, q: Question): string {
  const nested = (v: JsonValue) => v !== null && typeof v === 'object';
  if (q.type === 'NESTED' || (nested(value) && !Array.isArray(value)) || (Array.isArray(value) && value.some(nested))) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => String(v)).join(';');
  return String(value);
}

interface Answer {
  row: number | null;
  question: Question;
  value: JsonValue;
}

function answers(doc: Document): Answer[] {
  const out: Answer[] = [];
  for (const [row, set] of Object.entries(doc.rowAnswers)) {
    for (const [id, value] of Object.entries(set)) if (answered(value)) out.push({ row: Number(row), question: doc.rowQuestions.find((q) => String(q.id) === id)!, value });
  }
  for (const [id, value] of Object.entries(doc.documentAnswers ?? {})) if (answered(value)) out.push({ row: null, question: doc.documentQuestions.find((q) => String(q.id) === id)!, value });
  return out;
}

function named(messages: readonly ConversionMessage[], a: Answer): boolean {
  return messages.some((m) => m.labelId === String(a.question.id) && (a.row === null ? m.place?.row === undefined : m.place?.row === a.row));
}

/**
 * Column of each question in the table (FORMATS.md §5): the bound column, unless an earlier
 * question (row questions before document questions) already took it; else its own column after
 * the table's columns, in question order.
 */
function columnOf(doc: Document, q: Question, scope: 'row' | 'doc'): number {
  const width = doc.columns.length;
  const taken = new Set<number>();
  let extra = 0;
  for (const [s, x] of [...doc.rowQuestions.map((x) => ['row', x] as const), ...doc.documentQuestions.map((x) => ['doc', x] as const)]) {
    const bound = x.bindToColumn ? doc.columns.findIndex((c) => c.name === x.bindToColumn) : -1;
    const column = bound >= 0 && !taken.has(bound) ? bound : width + extra++;
    if (column === bound) taken.add(bound);
    if (s === scope && x === q) return column;
  }
  throw new Error(`question ${q.id} is not in the document`);
}

const TABLES = new Set(['CSV', 'TSV', 'JSON_TABULAR', 'XLSX']);
/** Excel keeps no CR: the XLSX writer writes CR as LF (reported); compare with that applied. */
const normalize = (format: string, text: string) => (format === 'XLSX' ? text.replace(/\r\n?/g, '\n') : text);

describe('property 3: nothing silently lost (row and document answers)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('every answer is in its cell (tables), a label (classifiers), kept (DATASAUR_SCHEMA), or named in the report', async () => {
    const writers = rowWriters();
    expect(writers.map((w) => w.name)).toEqual(expect.arrayContaining(['DATASAUR_SCHEMA', 'CSV', 'TSV', 'JSON_TABULAR', 'XLSX']));
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, async (doc) => {
        for (const writer of writers) {
          const run = await runWriter(writer, doc);
          expect(run.error, writer.name).toBeUndefined();
          const all = answers(doc);
          if (writer.name === 'DATASAUR_SCHEMA') {
            const read = readServerText(run.files![0].text, doc);
            expect(read.rowAnswers).toEqual(doc.rowAnswers);
            expect(read.documentAnswers).toEqual(doc.documentAnswers);
            continue;
          }
          if (TABLES.has(writer.name)) {
            const [, ...rows] = await readTable(writer.name, run.files![0]);
            for (const a of all) {
              if (named(run.messages, a)) continue;
              const col = columnOf(doc, a.question, a.row === null ? 'doc' : 'row');
              const targetRows = a.row === null ? rows : [rows[a.row]];
              expect(targetRows.length, `${writer.name}: ${a.row === null ? 'document' : `row ${a.row}`} answer to ${a.question.id} has no row`).toBeGreaterThan(0);
              for (const r of targetRows) {
                expect(normalize(writer.name, r?.[col] ?? '<missing>'), `${writer.name}: answer to ${a.question.id} at row ${a.row}, column ${col}`).toBe(normalize(writer.name, cellText(a.value, a.question)));
              }
            }
            continue;
          }
          // Classifier files hold one label question: its answers are the examples' labels.
          const examples = run.files?.length ? examplesIn(writer.name, run.files[0].text) : 0;
          const labels = all.filter((a) => !named(run.messages, a));
          const scopes = new Set(labels.map((a) => `${a.row === null ? 'doc' : 'row'}:${a.question.id}`));
          expect(scopes.size, `${writer.name}: answers of more than one question unnamed: ${[...scopes].join(', ')}`).toBeLessThanOrEqual(1);
          expect(examples, `${writer.name}: one example per unnamed label answer`).toBe(labels.length);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});

function examplesIn(format: string, text: string): number {
  switch (format) {
    case 'AMAZON_COMPREHEND_CSV':
      return text.split('\n').filter((l) => l !== '').length;
    case 'AZURE_AUTOML_CSV':
      return Math.max(0, parseDelimited(text.replace(/\r?\n/g, '\r\n')).length - 1);
    case 'GCP_VERTEX_AI_CSV':
      return parseDelimited(text.replace(/\r?\n/g, '\r\n')).length;
    case 'HF_TEXT_CLASSIFICATION':
      // The first file is train.jsonl: one record per example.
      return text.split('\n').filter((l) => l !== '').length;
    default:
      throw new Error(`no example counter for ${format}`);
  }
}
