import type { Document, RowStream } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import type { ConvertOptions } from '../options.js';
import { boundColumns, documentExample, isTextValue, labelChoice, reportOtherAnswers, rowExample, rowText, textColumnIndex, type ClassifierExample, type LabelChoice } from './classifier.js';
import { reportUnrepresented } from './unrepresented.js';
import { readThrough } from './streamed-table.js';

/**
 * The examples of a document whose rows are streamed, a pass over its rows at a time (each call
 * of `pass` reads the rows again). What a pass says (skipped rows, then the other answers when it
 * ends, as `classifierExamples` names them after its examples) goes to the report it is given: a
 * writer that reads the rows more than once says it in one pass and gives the others a silent one.
 */
export interface StreamedExamples {
  choice: LabelChoice;
  pass(report: Report): AsyncIterable<ClassifierExample[]>;
}

/**
 * `classifierExamples` for a document whose rows are streamed (`Document.rowStream`): what does
 * not depend on the rows is decided now, with the same messages (null: nothing to write); the
 * examples come a batch at a time as the rows are read.
 * The default text column depends on the cells: finding it takes a pass of its own.
 */
export async function streamedClassifierExamples(doc: Document, options: Pick<ConvertOptions, 'labelQuestion' | 'textColumn'>, report: Report): Promise<StreamedExamples | null> {
  const stream = doc.rowStream;
  if (!stream) throw new Error('streamedClassifierExamples: the document has no rowStream');
  const { count } = stream;
  // A streamed row's index is its position.
  const hasRow = (rowKey: string) => /^(0|[1-9]\d*)$/.test(rowKey) && Number(rowKey) < count;
  reportUnrepresented(doc, report);
  if (count === 0) {
    report.add({ kind: 'FormatNotApplicable', text: 'the document has no text to classify; nothing was written for it' });
    reportOtherAnswers(doc, report, null, hasRow);
    return null;
  }
  const choice = labelChoice(doc, options.labelQuestion);
  if (!choice) {
    report.add({ kind: 'FormatNotApplicable', text: 'no question with option answers to use as the label (pass --label-question); nothing was written for it' });
    reportOtherAnswers(doc, report, null, hasRow);
    // Nothing to write, but the rows are still read (checked, and what reading says reported).
    await readThrough(stream);
    return null;
  }
  const textColumn = options.textColumn !== undefined || doc.columns.length === 0 ? textColumnIndex(doc, options.textColumn) : await firstTextColumn(doc, stream);
  return {
    choice,
    async *pass(said: Report) {
      if (choice.scope === 'row') {
        for await (const rows of stream.batches()) {
          const examples: ClassifierExample[] = [];
          for (const row of rows) {
            const example = rowExample(doc, row, choice, textColumn, said);
            if (example) examples.push(example);
          }
          yield examples;
        }
      } else {
        const lines: string[] = [];
        for await (const rows of stream.batches()) for (const row of rows) lines.push(rowText(row, textColumn));
        const example = documentExample(doc, lines, choice, said);
        if (example) yield [example];
      }
      reportOtherAnswers(doc, said, choice, hasRow);
    },
  };
}

/**
 * `textColumnIndex` without `--text-column`, over streamed rows: the first column no question is
 * bound to that holds a value other than a number, else the first column. The pass stops as soon
 * as the answer is known.
 */
async function firstTextColumn(doc: Document, stream: RowStream): Promise<number> {
  const names = doc.columns.map((c) => c.name);
  const bound = boundColumns(doc);
  const candidate = names.map((name) => !bound.has(name));
  const hasText = names.map(() => false);
  // The first candidate with text wins once every candidate before it is known to have none, which only the end of the rows tells.
  const decided = () => {
    const first = hasText.findIndex(Boolean);
    return first >= 0 && candidate.slice(0, first).every((c) => !c) ? first : -1;
  };
  pass: for await (const rows of stream.batches()) {
    for (const row of rows) {
      for (let i = 0; i < names.length; i++) if (candidate[i] && !hasText[i] && isTextValue(row.cells[i]?.content ?? '')) hasText[i] = true;
    }
    if (decided() >= 0) break pass;
  }
  const index = names.findIndex((_, i) => candidate[i] && hasText[i]);
  return index >= 0 ? index : 0;
}
