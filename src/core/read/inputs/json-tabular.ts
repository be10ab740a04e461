import { InputError } from '../../errors.js';
import { SCORE, type TextReader } from '../detect.js';
import { rowTableDocument } from './row-table.js';

/**
 * JSON_TABULAR: a JSON array of row objects keyed by column title. Columns are the keys in the
 * order they first appear; a value that is not a string is kept as its compact JSON (our writer
 * writes strings only), a key missing from a row is an empty cell.
 */
export const jsonTabularInput: TextReader = {
  format: 'JSON_TABULAR',
  layout: '',
  extensions: ['.json'],
  sniff(head) {
    if (head.firstChar !== '[') return null;
    const value = head.json();
    if (!Array.isArray(value) || !value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) return null;
    return { score: SCORE.SIGNATURE, because: `JSON array of ${value.length} row object${value.length === 1 ? '' : 's'}` };
  },
  read(input, source) {
    const value = input.json();
    if (!Array.isArray(value)) throw new InputError('INVALID_DOCUMENT', 'JSON_TABULAR is an array of row objects', { file: source.file, where: '$', expected: '[{"column": "value", …}, …]' });
    value.forEach((row, i) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new InputError('INVALID_DOCUMENT', 'a row is not an object', { file: source.file, where: `$[${i}]`, expected: 'an object keyed by column title' });
    });
    // Keys in file order: a parsed object lists integer-like keys ("2", "10") first, which would
    // reorder columns titled with numbers. Without the text (an already-parsed value), object order.
    const header = input.text ? rowKeysInFileOrder(input.text) : [...new Set(value.flatMap((row: object) => Object.keys(row)))];
    const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
    const records = value.map((row: Record<string, unknown>) => header.map((key) => cell(row[key])));
    return rowTableDocument(header, records, source, 'JSON_TABULAR');
  },
};

/**
 * The keys of the row objects (depth 2 of `[{…}, …]`) in the order they first appear in the
 * text. A small scan over strings and brackets; values are skipped.
 */
export function rowKeysInFileOrder(text: string): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 2 && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (!seen.has(key)) (seen.add(key), keys.push(key));
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 2;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 2) expectKey = true;
  }
  return keys;
}
