import type { ProjectKind, Row, RowStream } from '../model/types.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';
import { rowReader } from './datasaur-schema.js';
import { NotStreamable, rowBatches } from './row-stream.js';

/**
 * `Document.rowStream` of a row document read from its file: each pass reads the bytes again
 * (`chunks()`), parses one batch of rows at a time (row-stream.ts) and reads each row as the
 * whole-document reader reads `data.rows` (`rowReader`), so a pass holds one batch, never the
 * rows. The reader's messages about rows are reported by the first pass that reaches the end,
 * later passes are silent (a run writing several formats reads the rows once per format).
 *
 * A row that is not valid JSON is only found by the pass that parses it: the whole document is
 * then read by the usual reader (`wholeDocumentError`), whose error is the one a user gets for
 * this file anyway; that costs what reading it whole costs, on a file that is broken.
 */
export function fileRowStream(
  shape: { count: number; width: number },
  chunks: () => AsyncIterable<Uint8Array>,
  kinds: ProjectKind[],
  source: DocumentSource,
  wholeDocumentError: () => Promise<never>,
): RowStream {
  let reported = false;
  return {
    count: shape.count,
    width: shape.width,
    async *batches(): AsyncGenerator<Row[]> {
      const quiet = reported;
      const reader = rowReader(kinds, quiet ? { ...source, report: undefined } : source);
      const parts = rowBatches(chunks());
      let read = 0;
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
        for (let k = 0; k < batch.length; k++) rows[k] = reader.read(batch[k], first + k);
        read += rows.length;
        yield rows;
      }
      if (read !== shape.count) {
        throw new InputError('INVALID_DOCUMENT', `the file changed while it was read: ${read} rows where the first read found ${shape.count}`, { file: source.file, where: '$.data.rows' });
      }
      if (!quiet) {
        reader.flush();
        reported = true;
      }
    },
  };
}
