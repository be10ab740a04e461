import { NotStreamable, type RowBatch, type RowBounds } from './row-stream.js';

/**
 * A pass over a scanned row document's rows (row-stream.ts), read from `chunks()`, cut where the
 * scan found them to end: `bounds` are byte offsets in the file, so this pass does not look at the
 * bytes between them; `JSON.parse` reads each batch, as in `rowBatches`. Looking again byte by byte for strings,
 * brackets and commas was about 600 ms of each pass over scenario c's 266 MB, and a run writes
 * one pass per format.
 *
 * The batch between two offsets is `,row,…,row` (a comma and white space before the first row
 * when it follows another batch). A batch that does not parse, or holds another number of rows
 * than the scan counted there, means the bytes are not those the scan read: NotStreamable, and the
 * caller reads the document whole (its error then names what is wrong).
 */
export async function* rowBatchesAt(chunks: () => AsyncIterable<Uint8Array>, bounds: RowBounds): AsyncGenerator<RowBatch, void> {
  const { start, ends, counts } = bounds;
  // The file is opened only when there is a row to read: a Node read stream opened and never read
  // holds its descriptor, and fails with no one listening if the file is gone by then (found by
  // test/property/streamed-rows.property.test.ts on a document of zero rows).
  if (ends.length === 0) return;
  // Complete rows only reach the decoder: nothing is left pending between two batches.
  const decoder = new TextDecoder('utf-8');
  // Bytes of the batch read so far, from earlier chunks.
  const pending: Uint8Array[] = [];
  let read = 0;
  let next = 0;
  let first = 0;
  let from = start;
  for await (const raw of chunks()) {
    const chunkStart = read;
    read += raw.length;
    if (read <= from) continue;
    // A plain view (Node hands out Buffers): TextDecoder is faster on it (row-stream.ts).
    const input = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    let cursor = from - chunkStart;
    for (; next < ends.length && ends[next] <= read; next++) {
      const end = ends[next] - chunkStart;
      pending.push(input.subarray(Math.max(cursor, 0), end));
      yield parseBatch(decoder, pending, first, counts[next] - first);
      pending.length = 0;
      first = counts[next];
      from = ends[next];
      cursor = end;
    }
    if (next === ends.length) return;
    // A copy: the rest of a chunk waits for the next one, whose source may reuse this one's memory.
    pending.push(Uint8Array.prototype.slice.call(input, Math.max(cursor, 0)));
  }
  throw new NotStreamable(`the file ends before its rows (${first} of ${counts[counts.length - 1]} read)`);
}

function parseBatch(decoder: InstanceType<typeof TextDecoder>, parts: readonly Uint8Array[], first: number, expected: number): RowBatch {
  let text = '';
  for (const part of parts) text += decoder.decode(part, { stream: true });
  text = text.replace(/^[\s,]+/, '');
  let batch: unknown;
  try {
    batch = JSON.parse(`[${text}]`);
  } catch {
    throw new NotStreamable('a row is not valid JSON');
  }
  if (!Array.isArray(batch) || batch.length !== expected) throw new NotStreamable(`the rows are not where the first read found them (${Array.isArray(batch) ? batch.length : 0} rows where it counted ${expected})`);
  return { batch, first };
}
