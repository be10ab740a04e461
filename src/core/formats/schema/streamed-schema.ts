import type { Document, Row } from '../../model/types.js';
import type { OutputContent } from '../types.js';
import { streamedText } from '../table/streamed-text.js';

/** The DATASAUR_SCHEMA writer's two parts (datasaur-schema.ts, which calls this module). */
export interface SchemaWriting {
  /** The document's text; `rows` stands for the rows' JSON when given. */
  document(doc: Document, rows?: unknown): string;
  /** A row as `data.rows` holds it. */
  row(doc: Document): (row: Row) => unknown;
}

/**
 * What stands for the rows while the rest of the document is written: a string no document holds
 * twice with this one (checked), so the text splits around it.
 */
const ROWS_HERE = '\u0000rows written apart\u0000';
const ROWS_HERE_JSON = JSON.stringify(ROWS_HERE);

/**
 * DATASAUR_SCHEMA of a row document whose rows are streamed (`Document.rowStream`), in constant
 * memory: the document is written with a stand-in for `data.rows`, and the rows' JSON is put in
 * its place a batch at a time as the file is read. `JSON.stringify` of the rows gives the bytes a
 * whole document's writer gives, numbers included when every number in the rows is a plain
 * integer (the scan checks it: `RowStream.plainNumbers`). Otherwise (a fraction, an exponent, a
 * number too long for a double), or when the document's other numbers needed their source text,
 * the rows are read into memory and written as a document read whole is, with the source text of
 * the numbers a double cannot hold, found as a whole read finds them.
 */
export async function streamedDatasaurSchema(doc: Document, schema: SchemaWriting): Promise<OutputContent> {
  const stream = doc.rowStream;
  if (!stream) throw new Error('streamedDatasaurSchema: the document has no rowStream');
  if (stream.plainNumbers && !doc.sourceSyntax?.numbers) {
    const text = schema.document(doc, ROWS_HERE);
    const at = text.indexOf(ROWS_HERE_JSON);
    if (at >= 0 && text.indexOf(ROWS_HERE_JSON, at + ROWS_HERE_JSON.length) < 0) {
      return streamedText(withRows(text.slice(0, at), stream.batches(), schema.row(doc), text.slice(at + ROWS_HERE_JSON.length)));
    }
  }
  const rows: Row[] = [];
  for await (const batch of stream.batches()) for (const row of batch) rows.push(row);
  const whole: Document = Object.assign({}, doc, { rows, rowStream: undefined });
  if (!doc.sourceSyntax?.numbers) {
    const numbers = await stream.numberTexts();
    if (numbers) whole.sourceSyntax = Object.assign({}, doc.sourceSyntax, { numbers });
  }
  return schema.document(whole);
}

async function* withRows(head: string, batches: AsyncIterable<Row[]>, schemaRowOf: (row: Row) => unknown, tail: string): AsyncGenerator<string> {
  yield head + '[';
  let first = true;
  for await (const batch of batches) {
    let text = '';
    for (const row of batch) {
      text += first ? JSON.stringify(schemaRowOf(row)) : ',' + JSON.stringify(schemaRowOf(row));
      first = false;
    }
    yield text;
  }
  yield ']' + tail;
}
