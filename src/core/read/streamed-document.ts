import type { Document, ProjectKind } from '../model/types.js';
import { PROJECT_KINDS } from '../model/types.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';
import { inferKinds } from './datasaur-schema.js';
import { contentSummary, parseDocumentValue } from './parse-document.js';
import { parseJsonText } from './json-text.js';
import { decodeUtf8 } from './utf8.js';
import { fileRowStream } from './row-source.js';
import { NotStreamable, scanRows, type RowScan } from './row-stream.js';
import { applySourceTextLater } from './source-text.js';

/**
 * Above this size a single JSON document file is scanned as a possible row document whose rows are
 * streamed (`Document.rowStream`). Below it the document is read whole as before: that path is
 * the proven one (every golden and property test runs on it), it parses once where streaming
 * scans and then parses, and a document of this size costs a few hundred MB at most read whole.
 * Scenario c's 1,000,000-row document is 266 MB; its 200,000-row fifth 53 MB.
 */
export const STREAM_ROWS_ABOVE = 32 * 2 ** 20;

/** How the file is read again: whole (bytes, text) or in chunks. */
export interface StreamedFileAccess {
  read(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * The first pass over a large JSON file: its frame, row count and widest row when it is a
 * DATASAUR_SCHEMA row document whose rows can be streamed; undefined otherwise (not an envelope, a
 * token document, spans, arrows or timestamps, which point into rows and are checked against them,
 * bytes that are not UTF-8 or not JSON): the caller reads it whole, as a small file is read. A
 * token document stops the scan at its first row.
 */
export async function scanRowDocument(chunks: () => AsyncIterable<Uint8Array>): Promise<RowScan | undefined> {
  let scan: RowScan;
  try {
    scan = await scanRows(chunks(), { firstRowFits: (row) => !isTokenRow(row) });
  } catch (error) {
    if (error instanceof NotStreamable) return undefined;
    throw error;
  }
  const data = (scan.frame as { data?: unknown }).data as Record<string, unknown> | undefined;
  if (!scan.hadRows || !data || typeof data !== 'object') return undefined;
  if (frameKinds(data).includes('TOKEN_BASED')) return undefined;
  for (const pointing of ['spanLabels', 'arrowLabels', 'timestampLabels']) {
    const labels = data[pointing];
    if (Array.isArray(labels) && labels.length > 0) return undefined;
  }
  return scan;
}

/**
 * The document of a scanned row document: everything but the rows read from the frame by the
 * DATASAUR_SCHEMA reader (the same checks and messages), the rows as `rowStream`.
 */
export async function loadStreamedRows(scan: RowScan, file: string, access: StreamedFileAccess, source: DocumentSource): Promise<Document> {
  const doc = parseDocumentValue(scan.frame, source);
  const wholeDocumentError = async (): Promise<never> => {
    // The error a whole read gives (json-text.ts names the line, column and what was expected).
    parseJsonText(decodeUtf8(await access.bytes()).text, file);
    throw new InputError('INVALID_DOCUMENT', 'a row of data.rows is not valid JSON', { file, where: '$.data.rows' });
  };
  doc.rowStream = fileRowStream({ count: scan.rowCount, width: scan.widest, bounds: scan.bounds, plainNumbers: scan.plainNumbers }, access.chunks, access.read, doc.kinds, source, wholeDocumentError, () => doc.sourceSyntax?.numbers !== undefined);
  if (doc.readAs) doc.readAs.summary = contentSummary(doc);
  await applySourceTextLater(doc, scan.byteOrderMark, access.read, source.report, file);
  return doc;
}

/** A token document's row: one cell that holds tokens (a table's cells hold none: `"tokens":[]`). */
function isTokenRow(row: unknown): boolean {
  if (!Array.isArray(row) || row.length !== 1) return false;
  const tokens = (row[0] as { tokens?: unknown } | null)?.tokens;
  return Array.isArray(tokens) && tokens.length > 0;
}

/** The kinds the reader will give a scanned document. */
export function scannedKinds(scan: RowScan): readonly ProjectKind[] {
  return frameKinds((scan.frame as { data: Record<string, unknown> }).data);
}

/** The kinds the reader will give the document (readKinds in datasaur-schema.ts). */
function frameKinds(data: Record<string, unknown>): readonly ProjectKind[] {
  const listed: unknown[] = Array.isArray(data.kinds) ? data.kinds : [];
  const declared = listed.filter((k): k is ProjectKind => (PROJECT_KINDS as readonly string[]).includes(k as string));
  return declared.length ? declared : inferKinds(data);
}
