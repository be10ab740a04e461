/**
 * Offsets in the three units external targets count in. Strings in JS are UTF-16; targets such as
 * Comprehend count code points, some count user-perceived characters (graphemes).
 */
export type OffsetUnit = 'codepoint' | 'utf16' | 'grapheme';
export const OFFSET_UNITS: readonly OffsetUnit[] = ['codepoint', 'utf16', 'grapheme'];

/** Made on first use: creating it loads ICU's break data, about a tenth of the library's import time. */
let segmenterMade: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (segmenterMade ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** Length of `text` in `unit`. */
export function lengthIn(text: string, unit: OffsetUnit): number {
  return convertOffset(text, text.length, unit);
}

/** Converts a UTF-16 offset into `text` to `unit`. An offset inside a grapheme counts that grapheme as started. */
export function convertOffset(text: string, utf16Offset: number, unit: OffsetUnit): number {
  if (unit === 'utf16') return utf16Offset;
  if (unit === 'codepoint') {
    let count = 0;
    for (let i = 0; i < utf16Offset && i < text.length; i++) {
      const code = text.charCodeAt(i);
      // A high surrogate followed by a low one is one code point: skip the low half.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      count++;
    }
    return count;
  }
  let count = 0;
  for (const { index } of segmenter().segment(text)) {
    if (index >= utf16Offset) break;
    count++;
  }
  return count;
}

/** A high surrogate followed by a low one: the only UTF-16 units that are not one code point each. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** True when some code point of `text` takes two UTF-16 units (without one, code points are units). */
export function hasSurrogatePair(text: string): boolean {
  return SURROGATE_PAIR.test(text);
}

/** Builds a converter for many offsets into the same text (linear once, then O(1) per lookup). */
export function offsetConverter(text: string, unit: OffsetUnit): (utf16Offset: number) => number {
  if (unit === 'utf16') return (o) => o;
  // Without a surrogate pair, code points are UTF-16 units: the table would be 0, 1, 2, … (an
  // Int32Array of 4 bytes per character for every document text and row of the offset formats,
  // 60-90 ms of 5,000 small documents in nine formats, issue 15). Offsets are clamped to the text
  // as the table clamps them.
  if (unit === 'codepoint' && !hasSurrogatePair(text)) return (o) => Math.max(0, Math.min(o, text.length));
  const table = new Int32Array(text.length + 1);
  if (unit === 'codepoint') {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      table[i] = count;
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          table[++i] = count + 1; // inside a pair: counts as after the code point started
        }
      }
      count++;
    }
    table[text.length] = count;
  } else {
    // table[i] = number of graphemes that start before UTF-16 offset i.
    let count = 0;
    let next = 0;
    const starts = Array.from(segmenter().segment(text), (s) => s.index);
    for (let i = 0; i <= text.length; i++) {
      while (next < starts.length && starts[next] < i) {
        next++;
        count++;
      }
      table[i] = count;
    }
  }
  return (o) => table[Math.max(0, Math.min(o, text.length))];
}

/** Splits text into graphemes (user-perceived characters). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter().segment(text), (s) => s.segment);
}

/**
 * The reverse of `offsetConverter`: UTF-16 offset of each offset in `unit` (readers of offset
 * formats turn a target's offsets back into string positions). Undefined past the end of `text`.
 */
export function utf16Offsets(text: string, unit: OffsetUnit): (offset: number) => number | undefined {
  if (unit === 'utf16') return (o) => (Number.isInteger(o) && o >= 0 && o <= text.length ? o : undefined);
  const starts: number[] = [];
  if (unit === 'codepoint') {
    for (let i = 0; i < text.length; i++) {
      starts.push(i);
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  } else {
    let at = 0;
    for (const g of graphemes(text)) {
      starts.push(at);
      at += g.length;
    }
  }
  starts.push(text.length);
  return (o) => (Number.isInteger(o) && o >= 0 && o < starts.length ? starts[o] : undefined);
}
