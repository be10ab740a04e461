import { SCORE, type InputHead, type TextReader } from '../detect.js';
import { readDatasaurSchema } from '../datasaur-schema.js';
import { readJsonAdvanced } from '../json-advanced.js';
import { readWatchingSourceText } from '../source-text.js';

/** Which server serialization a parsed JSON value is, from its top-level keys. */
export function detectJsonFormat(value: unknown): 'DATASAUR_SCHEMA' | 'JSON_ADVANCED' | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if ('data' in value && ('version' in value || typeof (value as { data: unknown }).data === 'object')) return 'DATASAUR_SCHEMA';
  if ('sentences' in value) return 'JSON_ADVANCED';
  return null;
}

/** Only a file that starts with `{` is parsed to look at its keys (the reader then gets the same value). */
function jsonFormatOf(head: InputHead): ReturnType<typeof detectJsonFormat> {
  if (head.firstChar !== '{') return null;
  // A JSONL file (Vertex) fails to parse here: that is "not this format", not an error (detect.ts).
  return detectJsonFormat(head.json());
}

/** DATASAUR_SCHEMA documents: `{"version", "data": {…}}` (the readers are in datasaur-schema.ts). */
export const datasaurSchemaInput: TextReader = {
  format: 'DATASAUR_SCHEMA',
  layout: '',
  extensions: ['.json'],
  sniff: (head) => (jsonFormatOf(head) === 'DATASAUR_SCHEMA' ? { score: SCORE.SIGNATURE, because: 'JSON object with "version" and "data"' } : null),
  read: (input, source) => readWatchingSourceText(input, source, readDatasaurSchema),
};

/** JSON_ADVANCED documents: `{…, "sentences": […]}`. */
export const jsonAdvancedInput: TextReader = {
  format: 'JSON_ADVANCED',
  layout: '',
  extensions: ['.json'],
  sniff: (head) => (jsonFormatOf(head) === 'JSON_ADVANCED' ? { score: SCORE.SIGNATURE, because: 'JSON object with "sentences"' } : null),
  read: (input, source) => readWatchingSourceText(input, source, readJsonAdvanced),
};
