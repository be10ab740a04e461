import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerToCell, answerToLabels, isAnswered } from '../../../src/core/formats/table/answers.js';
import { writeTableCsv } from '../../../src/core/formats/table/csv.js';
import { writeTableTsv } from '../../../src/core/formats/table/tsv.js';
import { writeJsonTabular } from '../../../src/core/formats/table/json-tabular.js';
import { writeXlsx } from '../../../src/core/formats/table/xlsx.js';
import { comprehendClassifierPart } from '../../../src/core/formats/table/comprehend-classifier.js';
import { azureClassifierPart } from '../../../src/core/formats/table/azure-classifier.js';
import { vertexClassifierPart } from '../../../src/core/formats/table/vertex-classifier.js';
import { parsePythonStringList } from '../../../src/core/formats/validate/azure-classifier.js';
import { readCsvRecords } from '../../../src/core/formats/validate/csv-records.js';
import type { OutputFile } from '../../../src/core/formats/types.js';
import { readInput } from '../../../src/node/read-input.js';
import { rowDocument } from '../../../src/core/model/build.js';
import type { Document, JsonValue, Question } from '../../../src/core/model/types.js';
import type { Report } from '../../../src/core/report/report.js';
import { mixedProject, trickyRowDocument } from './fixtures.js';
import { SAMPLES, bytes, context } from './helpers.js';

/** One answered question of one row (row = -1 for a document answer). */
interface Answer {
  row: number;
  questionId: string;
  value: JsonValue;
  question?: Question;
}

function answersOf(doc: Document): Answer[] {
  const out: Answer[] = [];
  for (const [rowKey, answers] of Object.entries(doc.rowAnswers)) {
    for (const [questionId, value] of Object.entries(answers)) {
      if (isAnswered(value)) out.push({ row: Number(rowKey), questionId, value, question: doc.rowQuestions.find((q) => String(q.id) === questionId) });
    }
  }
  for (const [questionId, value] of Object.entries(doc.documentAnswers ?? {})) {
    if (isAnswered(value)) out.push({ row: -1, questionId, value, question: doc.documentQuestions.find((q) => String(q.id) === questionId) });
  }
  return out;
}

function reported(report: Report, answer: Answer): boolean {
  return report.all().some((m) => m.labelId === answer.questionId && (answer.row < 0 ? m.place?.row === undefined : m.place?.row === answer.row));
}

/** Output rows (no header) as string arrays, whatever the table format. */
async function tableRows(format: string, file: OutputFile): Promise<string[][]> {
  if (format === 'XLSX') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(file.content)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v ?? '') as string)));
    return rows.slice(1);
  }
  const text = (await bytes(file.content)).toString('utf8');
  if (format === 'JSON_TABULAR') return (JSON.parse(text) as Record<string, string>[]).map((o) => Object.values(o));
  return Papa.parse<string[]>(text, { delimiter: format === 'TSV' ? '\t' : ',', newline: '\r\n' }).data.slice(1, -1);
}

const TABLE_WRITERS = { CSV: writeTableCsv, TSV: writeTableTsv, JSON_TABULAR: writeJsonTabular, XLSX: writeXlsx } as const;

/** Examples written by a classifier file, as (labels, text), in file order. */
function classifierExamples(format: string, file: OutputFile): string[][] {
  const records = readCsvRecords(file.content as string).records.map((r) => r.fields.map((f) => f.value));
  if (format === 'AMAZON_COMPREHEND_CSV') return records.map(([labels]) => labels.split('|'));
  if (format === 'AZURE_AUTOML_CSV') return records.slice(1).map(([, labels]) => parsePythonStringList(labels) ?? []);
  return records.map(([, ...labels]) => labels);
}

const CLASSIFIER_PARTS = { AMAZON_COMPREHEND_CSV: comprehendClassifierPart, AZURE_AUTOML_CSV: azureClassifierPart, GCP_VERTEX_AI_CSV: vertexClassifierPart } as const;

describe('every answer of every fixture reaches the output or the report', () => {
  const fixtures: Document[] = [];
  beforeAll(async () => {
    const bbox = await readInput(`${SAMPLES}/bbox-datasaur-schema/bbox-export.zip`, { cabinet: 'all' });
    const weather = await readInput(`${SAMPLES}/row-csv/row-project-1.zip`, { cabinet: 'all' });
    const strays = rowDocument({ name: 'strays.csv', columns: ['t'], rows: [['x']], rowQuestions: [], rowAnswers: { 0: { '9': 'unknown question' }, 4: { '1': 'unknown row' } } });
    fixtures.push(trickyRowDocument(), mixedProject(), strays, ...bbox.projects.flatMap((p) => p.documents), ...weather.projects.flatMap((p) => p.documents));
  });

  it('table formats (CSV, TSV, JSON_TABULAR, XLSX), with and without --doc-answers-only', async () => {
    let total = 0;
    let inOutput = 0;
    for (const doc of fixtures) {
      for (const [format, write] of Object.entries(TABLE_WRITERS)) {
        for (const docAnswersOnly of [false, true]) {
          const ctx = context({ docAnswersOnly });
          const rows = await tableRows(format, write(doc, ctx)[0]);
          const rowOf = (row: number) => (docAnswersOnly || doc.columns.length === 0 ? [] : [rows[doc.rows.findIndex((r) => r.index === row)] ?? []]);
          for (const answer of answersOf(doc)) {
            total++;
            const cell = answerToCell(answer.value, answer.question);
            const targets = answer.row < 0 ? rows : rowOf(answer.row);
            const written = answer.question !== undefined && targets.length > 0 && targets.every((cells) => cells.includes(cell));
            if (written) inOutput++;
            else expect(reported(ctx.report, answer), `${format} ${doc.name} ${doc.cabinet.folder} ${JSON.stringify(answer)}`).toBe(true);
          }
        }
      }
    }
    // 26 answers (tricky 9, mixed 7, strays 2, bbox 4 in each of its 2 cabinets) × 4 formats × 2 settings;
    // 136 of the 208 are in the files, the rest (row answers under --doc-answers-only, strays) are reported.
    expect(total).toBe(208);
    expect(inOutput).toBe(136);
  });

  it('classifier targets', () => {
    let total = 0;
    for (const doc of fixtures) {
      for (const [format, part] of Object.entries(CLASSIFIER_PARTS)) {
        const ctx = context();
        const [file] = part.writeDocument(doc, ctx) as OutputFile[];
        const examples = file ? classifierExamples(format, file) : [];
        const skipped = new Set(ctx.report.all().filter((m) => m.kind === 'RowWithoutLabelSkipped').map((m) => m.place?.row ?? -1));
        const exampleRows = doc.rows.map((r) => r.index).filter((r) => !skipped.has(r));
        const renamed = new Set(ctx.report.all().filter((m) => m.kind === 'LabelRenamed').map((m) => m.label));
        for (const answer of answersOf(doc)) {
          total++;
          if (reported(ctx.report, answer)) continue;
          // Not reported: it must be the label of the example written for its row (or its document).
          const k = answer.row < 0 ? 0 : exampleRows.indexOf(answer.row);
          const labels = answerToLabels(answer.value);
          const written = examples[k] ?? [];
          expect(written.length, `${format} ${doc.name} ${JSON.stringify(answer)}`).toBe(labels.length);
          labels.forEach((label, i) => expect(written[i] === label || renamed.has(label), `${format} ${label}`).toBe(true));
        }
      }
    }
    expect(total).toBe(26 * 3);
  });
});
