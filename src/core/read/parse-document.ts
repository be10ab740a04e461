import type { Document } from '../model/types.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';
import { parseJsonText } from './json-text.js';
import { readDatasaurSchema } from './datasaur-schema.js';
import { readJsonAdvanced } from './json-advanced.js';
import { readCsvExport } from './csv-export.js';

/** Which serialization a parsed JSON value is, from its top-level keys. */
export function detectJsonFormat(value: unknown): 'DATASAUR_SCHEMA' | 'JSON_ADVANCED' | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if ('data' in value && ('version' in value || typeof (value as { data: unknown }).data === 'object')) return 'DATASAUR_SCHEMA';
  if ('sentences' in value) return 'JSON_ADVANCED';
  return null;
}

/** Parses the text of one document file (JSON, CSV or TSV export) into the model. */
export function parseDocumentText(text: string, source: DocumentSource): Document {
  const name = source.file.toLowerCase();
  if (name.endsWith('.csv')) return readCsvExport(text, source);
  if (name.endsWith('.tsv') || name.endsWith('.conll') || name.endsWith('.iob')) return readTokenTsv(text, source);
  return parseDocumentValue(parseJsonText(text, source.file), source);
}

/** A document file's already-parsed JSON into the model. */
export function parseDocumentValue(value: unknown, source: DocumentSource): Document {
  const format = detectJsonFormat(value);
  if (format === 'DATASAUR_SCHEMA') return readDatasaurSchema(value, source);
  if (format === 'JSON_ADVANCED') return readJsonAdvanced(value, source);
  throw new InputError('NOT_AN_EXPORT', 'this JSON is not a Datasaur export document', {
    file: source.file,
    where: '$',
    expected: 'DATASAUR_SCHEMA ({"version","data":{…}}) or JSON_ADVANCED ({"sentences":[…],…})',
  });
}

/** TSV_IOB / TSV_NON_IOB files go to the TSV reader, registered by `registerTsvReader`. */
type TsvReader = (text: string, source: DocumentSource) => Document;
let tsvReader: TsvReader | undefined;
export function registerTsvReader(reader: TsvReader): void {
  tsvReader = reader;
}
function readTokenTsv(text: string, source: DocumentSource): Document {
  if (!tsvReader) throw new InputError('UNSUPPORTED', 'TSV input is not supported by this build', { file: source.file });
  return tsvReader(text, source);
}
