import { InputError } from '../errors.js';
import { firstSyntaxError } from './json-syntax.js';

/**
 * Parses JSON, turning a syntax error into an InputError that names the line and column. A UTF-8
 * byte order mark before the JSON is read past (issue 14 item 14: editors on Windows write one);
 * `parseDocumentText` reports it and the same-bytes writers put it back.
 */
export function parseJsonText(source: string, file: string): unknown {
  const text = hasByteOrderMark(source) ? source.slice(1) : source;
  if (text.trim() === '') {
    throw new InputError('NOT_JSON', 'the file is empty', { file, expected: 'a JSON export document' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { offset, truncated } = firstSyntaxError(text);
    const { line, column } = lineColumn(text, offset);
    const found = text.slice(offset, offset + 12).split('\n')[0];
    throw new InputError('NOT_JSON', truncated ? 'the JSON ends early (truncated file?)' : `the file is not valid JSON (unexpected ${found ? JSON.stringify(found) : 'character'})`, {
      file,
      where: `line ${line}, column ${column}`,
      expected: truncated ? 'a complete JSON document' : 'valid JSON',
    });
  }
  if (openingsOver(text, MAX_JSON_DEPTH) && nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new InputError('LIMIT_EXCEEDED', `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`, {
      file,
      where: '$',
      expected: `at most ${MAX_JSON_DEPTH} levels of nested arrays/objects (exports nest a few levels)`,
    });
  }
  return value;
}

/** Whether the text starts with U+FEFF, the byte order mark as decoded from UTF-8. */
export function hasByteOrderMark(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/**
 * Deeper than any export nests (a handful of levels; nested answers a few more). Schema validation
 * and the writers recurse per level: a file nested thousands of levels deep overflowed the stack
 * with a RangeError instead of an InputError (found by test/property/robustness.test.ts).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * Whether the text holds more than `limit` opening brackets (inside strings too): a text with
 * fewer cannot nest deeper, and counting characters costs a small document less than walking its
 * parsed value (issue 15: the walk was 5% of converting 15,000 small documents). Stops counting
 * past the limit, so a large document pays a few hundred characters before the walk.
 */
function openingsOver(text: string, limit: number): boolean {
  let openings = 0;
  for (let at = text.indexOf('{'); at >= 0 && openings <= limit; at = text.indexOf('{', at + 1)) openings++;
  for (let at = text.indexOf('['); at >= 0 && openings <= limit; at = text.indexOf('[', at + 1)) openings++;
  return openings > limit;
}

/**
 * Nesting depth of a JSON text that parsed, counted on its characters (brackets outside strings);
 * stops past `limit`. Walking the parsed value instead allocated a stack entry per object and
 * array: 166 ms and its garbage on a 1,000,000-token document, against ~40 ms for this loop.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote, stepping over escapes (the text is valid JSON).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** `$.data.spanLabels[3].textPosition` from a path of keys and indexes. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
