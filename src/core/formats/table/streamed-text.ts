import type { OutputContent } from '../types.js';

/**
 * Above this many cells a table's file is streamed in chunks as it is read instead of built as one
 * string first (a million-row table's CSV was a 200 MB string held next to the table). Small
 * tables stay one string, as writers' tests and callers read them.
 */
export const STREAM_CELLS = 100_000;

/** Characters gathered before a chunk is handed out. */
const CHUNK_CHARS = 1 << 20;

/** The text of `parts` (made one by one when streamed), as one string or a stream of about 1 MB chunks. */
export function textContent(cells: number, parts: () => Iterable<string>): OutputContent {
  if (cells <= STREAM_CELLS) {
    const all: string[] = [];
    for (const part of parts()) all.push(part);
    return all.join('');
  }
  return chunked(parts);
}

async function* chunked(parts: () => Iterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for (const part of parts()) {
    chunk += part;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Characters per chunk of a streamed table's text. Smaller than CHUNK_CHARS: a chunk that lives
 * across many batches of rows is promoted to the old generation with what it holds; 64K chunks
 * die young. On scenario c (200k rows) JSON_TABULAR went from 5.6 to 3.5 s CPU and from ~425 to
 * ~260 MB peak RSS, CSV from 4.3 to 3.1 s.
 */
const STREAMED_CHUNK_CHARS = 1 << 16;

/**
 * The text of a table whose rows are streamed (Document.rowStream), in about 1 MB chunks: `parts`
 * is made as it is read (a batch of rows each), so it is a stream whatever its size.
 */
export async function* streamedText(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const part of parts) {
    chunk += part;
    if (chunk.length >= STREAMED_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
