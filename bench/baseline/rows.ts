import ExcelJS from 'exceljs';
import type { RawDocument } from './sources.js';

/**
 * The obvious scripts for a row project: the table plus one column per row question, built as
 * one string (or one in-memory workbook) and written once.
 */
export type RowBaseline = (doc: RawDocument, outDir: string) => Promise<{ name: string; content: string | Buffer }[]>;

function table(doc: RawDocument): string[][] {
  const questions = doc.data.rowQuestions ?? [];
  const header = [...(doc.data.columns ?? []).map((c) => c.name), ...questions.map((q) => q.name)];
  const answers = doc.data.rowAnswerSets ?? {};
  const rows = doc.data.rows.map((cells, r) => [...cells.map((c) => c.content), ...questions.map((q) => String(answers[r]?.[q.id] ?? ''))]);
  return [header, ...rows];
}

const quote = (value: string, separator: string) => (value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function delimited(doc: RawDocument, separator: string): string {
  return table(doc).map((row) => row.map((v) => quote(v, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** Label and text of each row for the classifier targets: the question answer and the `text` column. */
function examples(doc: RawDocument): { label: string; text: string }[] {
  const textColumn = (doc.data.columns ?? []).findIndex((c) => c.name === 'text');
  const answers = doc.data.rowAnswerSets ?? {};
  const id = String(doc.data.rowQuestions?.[0]?.id);
  return doc.data.rows.map((cells, r) => ({ label: String(answers[r]?.[id] ?? ''), text: cells[textColumn].content }));
}

export const ROW_BASELINES: Record<string, RowBaseline> = {
  CSV: async (doc) => [{ name: `${doc.name}.csv`, content: delimited(doc, ',') }],
  TSV: async (doc) => [{ name: `${doc.name}.tsv`, content: delimited(doc, '\t') }],
  JSON_TABULAR: async (doc) => {
    const [header, ...rows] = table(doc);
    return [{ name: `${doc.name}.json`, content: JSON.stringify(rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])))) }];
  },
  AMAZON_COMPREHEND_CSV: async (doc) => [{ name: `${doc.name}.csv`, content: examples(doc).map((e) => `${e.label.toUpperCase()},${quote(e.text, ',')}`).join('\n') + '\n' }],
  AZURE_AUTOML_CSV: async (doc) => [{ name: `${doc.name}.csv`, content: 'text,labels\r\n' + examples(doc).map((e) => `${quote(e.text, ',')},"['${e.label}']"`).join('\r\n') + '\r\n' }],
  GCP_VERTEX_AI_CSV: async (doc) => [{ name: `${doc.name}.csv`, content: examples(doc).map((e) => `"${e.text.replace(/"/g, '""')}",${e.label}`).join('\n') + '\n' }],
  XLSX: async (doc) => {
    // The obvious exceljs use: the whole workbook in memory, written once.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    for (const row of table(doc)) sheet.addRow(row);
    return [{ name: `${doc.name}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) }];
  },
};
