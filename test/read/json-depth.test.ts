import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonText } from '../../src/core/read/json-text.js';
import { isInputError } from '../../src/core/errors.js';

/** The nesting limit is counted on the text's brackets outside strings (json-text.ts). */
describe('parseJsonText nesting limit', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const refused = (text: string) => {
    try {
      parseJsonText(text, 'doc.json');
      return undefined;
    } catch (error) {
      return isInputError(error) ? error.code : String(error);
    }
  };

  it('takes nesting up to the limit and refuses one level more', () => {
    expect(refused(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(refused(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).toBeUndefined();
    expect(refused(nested(MAX_JSON_DEPTH + 1))).toBe('LIMIT_EXCEEDED');
    expect(refused(`{"a":[1,{"b":${nested(MAX_JSON_DEPTH - 1)}}]}`)).toBe('LIMIT_EXCEEDED');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '['.repeat(MAX_JSON_DEPTH * 2);
    expect(refused(JSON.stringify({ text: brackets, other: `\\"${brackets}"`, list: [brackets] }))).toBeUndefined();
    // A quote escaped inside a string does not end it: the brackets after it are still text.
    expect(refused(`{"a":"\\"${brackets}","b":${nested(3)}}`)).toBeUndefined();
    // Siblings do not add up: many arrays side by side are one level each.
    expect(refused(JSON.stringify(Array.from({ length: MAX_JSON_DEPTH * 3 }, () => [[1]])))).toBeUndefined();
  });
});
