import { InputError } from '../errors.js';
import { firstSyntaxError } from './json-syntax.js';

/** Parses JSON, turning a syntax error into an InputError that names the line and column. */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') {
    throw new InputError('NOT_JSON', 'the file is empty', { file, expected: 'a JSON export document' });
  }
  try {
    return JSON.parse(text);
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
