import { describe, expect, it } from 'vitest';
import { convertOffset, lengthIn, offsetConverter, graphemes } from '../../src/core/model/offsets.js';
import { alignTokens } from '../../src/core/model/align.js';

describe('offset units', () => {
  const text = 'a🏅e\u0301👩‍🔬z'; // a, medal (surrogate pair), e + combining acute, ZWJ sequence, z
  it('counts UTF-16 units, code points and graphemes', () => {
    expect(lengthIn(text, 'utf16')).toBe(text.length);
    expect(lengthIn(text, 'codepoint')).toBe([...text].length);
    expect(lengthIn(text, 'grapheme')).toBe(5);
    expect(graphemes(text)).toEqual(['a', '🏅', 'e\u0301', '👩‍🔬', 'z']);
  });
  it('converts every UTF-16 offset the same way one by one and through the table', () => {
    for (const unit of ['utf16', 'codepoint', 'grapheme'] as const) {
      const table = offsetConverter(text, unit);
      for (let i = 0; i <= text.length; i++) expect(table(i), `${unit} @${i}`).toBe(convertOffset(text, i, unit));
    }
  });
  it('counts code points through the table only when the text has a surrogate pair (and clamps like it)', () => {
    // Texts without a pair take a shortcut (code point = UTF-16 unit); lone surrogates count one each.
    for (const sample of ['plain ascii', 'caf\u00e9 \u4e2d\u6587', 'lone \ud83c high', 'lone \udfc5 low', 'a🏅b', '🏅', 'x\ud83c\ud83c\udfc5']) {
      const table = offsetConverter(sample, 'codepoint');
      for (let i = -2; i <= sample.length + 2; i++) expect(table(i), `${JSON.stringify(sample)} @${i}`).toBe(convertOffset(sample, Math.max(0, i), 'codepoint'));
    }
    expect(offsetConverter('a🏅b', 'codepoint')(4)).toBe(3);
  });
  it('places the offset after the medal at 2 code points, 3 UTF-16 units, 2 graphemes', () => {
    const after = 1 + '🏅'.length;
    expect(convertOffset(text, after, 'utf16')).toBe(3);
    expect(convertOffset(text, after, 'codepoint')).toBe(2);
    expect(convertOffset(text, after, 'grapheme')).toBe(2);
  });
});

describe('alignTokens: tokens are the truth', () => {
  it('finds tokens left to right, including repeated ones', () => {
    expect(alignTokens('the cat and the dog', ['the', 'cat', 'and', 'the', 'dog']).map((t) => t.start)).toEqual([0, 4, 8, 12, 16]);
  });
  it('flags a token that is not in the content and keeps offsets monotonic', () => {
    // The server tokenizer's artifact seen in the Project 2 sample: "Exupéry" became "ry".
    const offsets = alignTokens("Saint-Exupéry's works", ['Saint', '-', 'Xy', "'s", 'works']);
    expect(offsets[2]).toMatchObject({ found: false });
    expect(offsets[3]).toMatchObject({ start: 13, end: 15, found: true });
    for (let i = 1; i < offsets.length; i++) expect(offsets[i].start).toBeGreaterThanOrEqual(offsets[i - 1].end);
  });
  it('handles emoji and combining marks by UTF-16 offsets', () => {
    const content = 'Cafe\u0301 🏅 ok';
    const offsets = alignTokens(content, ['Cafe\u0301', '🏅', 'ok']);
    expect(offsets.map((o) => content.slice(o.start, o.end))).toEqual(['Cafe\u0301', '🏅', 'ok']);
  });
});
