import type { Document } from '../model/types.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';
import { decodeUtf8, reportInvalidUtf8 } from './utf8.js';
import './register-readers.js';
import { detectBinary, detectText, inputHead, readerTitle, type Detection, type InputHead } from './detect.js';

export { detectJsonFormat } from './inputs/server-json.js';

/**
 * Parses the text of one document file into the model. What the file is (a server JSON document,
 * a row table, token tags, a CoNLL file, a classifier CSV, …) is decided from its content by the
 * registered readers (detect.ts, register-readers.ts), or forced with `source.inputFormat`.
 */
export function parseDocumentText(text: string, source: DocumentSource): Document {
  const head = inputHead(text, source.file);
  return readText(head, text, source);
}

/** A document file's already-parsed JSON into the model (the single-file path parses once to find the project). */
export function parseDocumentValue(value: unknown, source: DocumentSource): Document {
  const head = inputHead('', source.file, { value, firstChar: Array.isArray(value) ? '[' : value !== null && typeof value === 'object' ? '{' : '' });
  return readText(head, '', source);
}

/**
 * Bytes of one document file: binary containers (XLSX) go to their reader, everything else is
 * decoded as UTF-8 and read as text.
 */
export async function parseDocumentBytes(bytes: Uint8Array, source: DocumentSource): Promise<Document> {
  const detection = detectBinary(bytes, source.file, source.inputFormat);
  if (detection) return described(await detection.reader.read(bytes, source), detection, source);
  // Invalid UTF-8 is read as U+FFFD and named with its byte offset; a byte order mark stays in the text.
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) reportInvalidUtf8(source.report, source.file, invalid);
  return parseDocumentText(text, source);
}

function readText(head: InputHead, text: string, source: DocumentSource): Document {
  let detection: Detection;
  try {
    detection = detectText(head, source.inputFormat);
  } catch (error) {
    if (error instanceof InputError && error.code === 'NOT_AN_EXPORT' && head.firstChar === '{') throw notAnExportJson(source);
    throw error;
  }
  if (detection.reader.binary) throw new Error('unreachable: detectText returns text readers');
  return described(detection.reader.read({ text, json: () => head.json() }, source), detection, source);
}

function notAnExportJson(source: DocumentSource): InputError {
  return new InputError('NOT_AN_EXPORT', 'this JSON is not a Datasaur export document', {
    file: source.file,
    where: '$',
    expected: 'DATASAUR_SCHEMA ({"version","data":{…}}) or JSON_ADVANCED ({"sentences":[…],…}) or JSON_TABULAR ([{…},…])',
  });
}

/** Stamps what the file was read as (with counts from the document) and reports a guess. */
function described(doc: Document, detection: Detection, source: DocumentSource): Document {
  const title = readerTitle(detection.reader);
  doc.readAs = { format: detection.reader.format, layout: detection.reader.layout, because: detection.because, summary: contentSummary(doc) };
  if (detection.guessed && source.report) {
    const others = detection.alternatives.map((a) => `${readerTitle(a)} (${a.because})`).join(', ');
    source.report.add({
      kind: 'FormatGuessed',
      text: `read as ${title} (${detection.because})${others ? `; it could also be ${others}` : ' with little evidence'}: pass --input-format to choose`,
      place: { file: source.file },
    });
  }
  return doc;
}

/** What the document holds, in the words of its kind: records for tables, sentences and spans for tokens. */
export function contentSummary(doc: Document): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (doc.kinds.includes('TOKEN_BASED')) {
    const tokens = doc.rows.reduce((n, r) => n + (r.cells[0]?.tokens.length ?? 0), 0);
    return `${plural(doc.rows.length, 'row')}, ${plural(tokens, 'token')}, ${plural(doc.spans.length, 'span')} in ${plural(doc.labelSets.length, 'label set')}`;
  }
  if (doc.kinds.includes('ROW_BASED')) {
    const answers = Object.values(doc.rowAnswers).reduce((n, a) => n + Object.values(a).filter((v) => v !== null).length, 0);
    return `${plural(doc.rowStream?.count ?? doc.rows.length, 'record')}${answers ? `, ${plural(answers, 'answer')}` : ''}`;
  }
  return `${plural(doc.boundingBoxes.length, 'box')}`;
}
