import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWriter } from '../../src/core/formats/registry.js';
import { buildTable } from '../../src/core/formats/table/build-table.js';
import { classifierExamples } from '../../src/core/formats/table/classifier.js';
import { parseDocumentBytes } from '../../src/core/read/parse-document.js';
import type { Document } from '../../src/core/model/types.js';
import { Report, type ConversionMessage } from '../../src/core/report/report.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { HEAVY_RUNS, PROPERTY_TIMEOUT, propertyParams } from './config.js';
import { runWriter, type WrittenFile } from './run-writer.js';

/**
 * Issue 11 item 4 for row projects: every table and classifier format we write is read back by
 * content detection and our readers into the model, and compared with the document written: the
 * table (columns, cells, answers as their cells) for CSV, TSV, JSON_TABULAR and XLSX; the
 * examples (text and labels per row or document) for the three classifier layouts. Every
 * difference is one the writer's report names.
 */
async function readBack(file: WrittenFile, inputFormat?: string, beside: readonly WrittenFile[] = []): Promise<{ doc: Document; messages: ConversionMessage[] }> {
  const report = new Report();
  // Companions are looked up beside the file, as on disk (HF's dataset_info.json).
  const folder = file.name.slice(0, file.name.lastIndexOf('/') + 1);
  const companion = (name: string) => beside.find((f) => f.name === folder + name)?.text;
  const doc = await parseDocumentBytes(file.bytes, { file: file.name, report, inputFormat, companion });
  return { doc, messages: report.all() };
}

/** The table the document's own cells and column names make (what a read-back row document holds). */
function cellsOf(doc: Document): string[][] {
  return [doc.columns.map((c) => c.name), ...doc.rows.map((r) => doc.columns.map((_, i) => r.cells[i]?.content ?? ''))];
}

const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const renamed = (messages: readonly ConversionMessage[]) =>
  new Map(messages.filter((m) => m.kind === 'LabelRenamed').flatMap((m) => {
    const found = /^label "(.*)" written as "(.*)" \(/s.exec(m.text);
    return found ? [[found[1], found[2]] as const] : [];
  }));

describe('read back every row format we write (issue 11 item 4)', { timeout: PROPERTY_TIMEOUT }, () => {
  it('CSV, TSV, JSON_TABULAR, XLSX: write → detect → read → the same table, differences named by the writer', async () => {
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, async (doc) => {
        const table = buildTable(doc, { docAnswersOnly: false }, new Report());
        const expected = [table.header, ...table.rows];
        for (const format of ['CSV', 'TSV', 'JSON_TABULAR', 'XLSX']) {
          const run = await runWriter(findWriter(format)!, doc);
          const { doc: back, messages } = await readBack(run.files![0]);
          expect(back.readAs?.format, format).toBe(format);
          expect(messages.filter((m) => m.kind === 'FormatGuessed'), `${format} read without a guess`).toEqual([]);
          let want = expected;
          if (format === 'JSON_TABULAR') {
            // Keys are unique: a duplicate column title comes back with the suffix the writer reported.
            const renames = run.messages.filter((m) => m.kind === 'DuplicateColumnRenamed');
            want = [want[0].map((h, c) => renames.find((m) => m.place?.column === c)?.text.match(/is written as "(.*)"$/s)?.[1] ?? h), ...want.slice(1)];
            // A table without rows is `[]`: its column titles are not in the file.
            if (doc.rows.length === 0 || table.rows.length === 0) want = [[]];
          }
          if (format === 'XLSX') {
            // Excel holds no CR (written as LF) and no XML-illegal control characters (removed, reported).
            if (want.flat().some((c) => XML_ILLEGAL.test(c))) expect(run.messages.some((m) => m.kind === 'ControlCharRemoved')).toBe(true);
            want = want.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').replace(new RegExp(XML_ILLEGAL.source, 'g'), '')));
          }
          expect(cellsOf(back), format).toEqual(want);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });

  it('AMAZON_COMPREHEND_CSV, AZURE_AUTOML_CSV, GCP_VERTEX_AI_CSV, HF_TEXT_CLASSIFICATION classifiers: write → read → the same examples (text and labels), differences named', async () => {
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, fc.boolean(), async (doc, mlUse) => {
        const original = classifierExamples(doc, {}, new Report()) ?? [];
        for (const format of ['AMAZON_COMPREHEND_CSV', 'AZURE_AUTOML_CSV', 'GCP_VERTEX_AI_CSV', 'HF_TEXT_CLASSIFICATION']) {
          const run = await runWriter(findWriter(format)!, doc, mlUse ? { mlUse: 'validation' } : {});
          // The Hugging Face dataset: its train.jsonl, the class names in dataset_info.json beside it.
          const file = format === 'HF_TEXT_CLASSIFICATION' ? run.files?.find((f) => f.name.endsWith('/train.jsonl')) : run.files?.[0];
          if (!file || original.length === 0) {
            // Nothing to train on: the writer names why (no label question, no labelled row).
            expect(original.length === 0 || run.messages.some((m) => m.kind === 'FormatNotApplicable'), format).toBe(true);
            continue;
          }
          const { doc: back } = await readBack(file, format, run.files!);
          expect(back.readAs?.layout, format).toBe('classifier');
          const read = classifierExamples(back, {}, new Report()) ?? [];
          const names = renamed(run.messages);
          const want = original.map((e) => ({
            // Comprehend reads one document per line: its line breaks became spaces (WhitespaceReplaced).
            text: format === 'AMAZON_COMPREHEND_CSV' ? e.text.replace(/\r\n|[\r\n]/g, ' ') : e.text,
            labels: e.labels.map((l) => names.get(l) ?? l),
          }));
          if (format === 'AMAZON_COMPREHEND_CSV' && original.some((e) => /[\r\n]/.test(e.text))) expect(run.messages.some((m) => m.kind === 'WhitespaceReplaced')).toBe(true);
          expect(read.map((e) => ({ text: e.text, labels: e.labels })), format).toEqual(want);
          if (format === 'GCP_VERTEX_AI_CSV' && mlUse) expect(back.rows.every((r) => r.metadata.some((m) => m.key === 'ml_use' && m.value === 'validation'))).toBe(true);
        }
      }),
      propertyParams(HEAVY_RUNS),
    );
  });
});
