import type { ProjectKind, Row, RowStream } from '../model/types.js';
import { InputError } from '../errors.js';
import type { Report } from '../report/report.js';
import type { DocumentSource } from './context.js';
import { rowReader } from './datasaur-schema.js';
import { NotStreamable, type RowBounds } from './row-stream.js';
import { rowBatchesAt } from './row-batches-at.js';
import { keepsInexactNumber, numberTexts } from './source-text.js';

/**
 * `Document.rowStream` of a row document read from its file: each pass reads the bytes again
 * (`chunks()`), parses one batch of rows at a time where the first read found them
 * (row-batches-at.ts) and reads each row as the
 * whole-document reader reads `data.rows` (`rowReader`), so a pass holds one batch, never the
 * rows. The reader's messages about rows are reported by the first pass that reaches the end,
 * later passes are silent (a run writing several formats reads the rows once per format).
 *
 * A row that is not valid JSON is only found by the pass that parses it: the whole document is
 * then read by the usual reader (`wholeDocumentError`), whose error is the one a user gets for
 * this file anyway; that costs what reading it whole costs, on a file that is broken.
 */
export function fileRowStream(
  shape: { count: number; width: number; bounds: RowBounds; plainNumbers: boolean },
  chunks: () => AsyncIterable<Uint8Array>,
  text: () => Promise<string>,
  kinds: ProjectKind[],
  source: DocumentSource,
  wholeDocumentError: () => Promise<never>,
  numbersFound: () => boolean,
): RowStream {
  // Which pass reports: the first to start (passes may overlap: a run stages several files at
  // once), or, when it stopped before the end (a pass that only looks for something), the next.
  let reporter: 'free' | 'taken' | 'done' = 'free';
  // One memory of `once` keys for every pass: a pass that stopped early said some of them already.
  const report = onceAlone(source.report);
  // Whether a pass read to the end found the reader keeping a number a double cannot reproduce
  // (only looked for when the scan saw a number that is not a plain integer).
  let inexactKept = false;
  let numbers: Promise<Record<string, string> | undefined> | undefined;
  const texts = () => {
    if (!inexactKept) return Promise.resolve(undefined);
    // The reader's report, unscoped by the pass that asks: the message a whole read gives.
    numbers ??= text().then((whole) => numberTexts(whole, 'DATASAUR_SCHEMA', source.report, source.file));
    return numbers;
  };
  return {
    count: shape.count,
    width: shape.width,
    plainNumbers: shape.plainNumbers,
    numberTexts: texts,
    async *batches(): AsyncGenerator<Row[]> {
      const reports = reporter === 'free';
      if (reports) reporter = 'taken';
      const reader = rowReader(kinds, Object.assign({}, source, { report: reports ? report : undefined }));
      const parts = rowBatchesAt(chunks, shape.bounds);
      let read = 0;
      let sawInexact = false;
      try {
        for (;;) {
          let next: IteratorResult<{ batch: unknown[]; first: number }>;
          try {
            next = await parts.next();
          } catch (error) {
            if (error instanceof NotStreamable) await wholeDocumentError();
            throw error;
          }
          if (next.done) break;
          const { batch, first } = next.value;
          const rows = new Array<Row>(batch.length);
          const readRows = () => {
            for (let k = 0; k < batch.length; k++) rows[k] = reader.read(batch[k], first + k);
          };
          if (shape.plainNumbers) readRows();
          else sawInexact = keepsInexactNumber(readRows) || sawInexact;
          read += rows.length;
          yield rows;
        }
        if (read !== shape.count) {
          throw new InputError('INVALID_DOCUMENT', `the file changed while it was read: ${read} rows where the first read found ${shape.count}`, { file: source.file, where: '$.data.rows' });
        }
        if (sawInexact) inexactKept = true;
        if (reports) {
          reader.flush();
          reporter = 'done';
          // What a whole read says when its reader kept such a number (source-text.ts), unless the
          // document's text was read for its frame's numbers already (that scan found these too).
          if (inexactKept && !numbersFound()) await texts();
        }
      } finally {
        if (reports && reporter === 'taken') reporter = 'free';
        // A pass left early (a writer that only looks for something, an error) closes the file:
        // the rows' generator is suspended inside its read of the chunks, which only its return ends.
        await parts.return(undefined);
      }
    },
  };
}

/**
 * The reader's report with its own memory of `once` keys: `Report.once` remembers keys for one
 * document scope at a time, and a streamed pass interleaves the reader's messages (document scope)
 * with a writer's (format scope), which would make it forget and repeat them.
 */
function onceAlone(report: Report | undefined): Report | undefined {
  if (!report) return undefined;
  const said = new Set<string>();
  const alone = Object.create(report) as Report;
  alone.once = (key, input) => {
    if (said.has(key)) return;
    said.add(key);
    report.once(key, input);
  };
  return alone;
}
