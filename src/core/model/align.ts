import type { Cell } from './types.js';
import { onReleaseDocument } from './document-caches.js';

/** Where one token sits in its cell's content, in UTF-16 code units (end exclusive). */
export interface TokenOffset {
  start: number;
  end: number;
  /** False when the token is not a substring of the content at or after the previous token. */
  found: boolean;
}

/**
 * Aligns tokens to the content left to right. Tokens are the truth: they are never re-derived from
 * the text. A token that cannot be found (tokenizer artifacts such as `Saint-Exupéry's` becoming
 * `Saint`,`-`,`ry`,`'s`) gets `found: false` and the fallback rule: it starts where the previous
 * token ended plus any whitespace, and spans its own length clipped to the content, so offsets
 * stay monotonic and inside the content.
 */
export function alignTokens(content: string, tokens: readonly string[]): TokenOffset[] {
  const result: TokenOffset[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = token.length === 0 ? cursor : content.indexOf(token, cursor);
    if (at >= 0) {
      result.push({ start: at, end: at + token.length, found: true });
      cursor = at + token.length;
      continue;
    }
    let start = cursor;
    while (start < content.length && /\s/.test(content[start])) start++;
    const end = Math.min(content.length, start + token.length);
    result.push({ start, end, found: false });
    cursor = end;
  }
  return result;
}

/** Cached alignment per cell: writers ask for it many times per document. */
const cache = new WeakMap<Cell, TokenOffset[]>();
/** Alignments cached since the last release: a document whose writers did not align is not walked. */
let cached = 0;
export function cellTokenOffsets(cell: Cell): TokenOffset[] {
  let offsets = cache.get(cell);
  if (!offsets) {
    offsets = alignTokens(cell.content, cell.tokens);
    cache.set(cell, offsets);
    cached++;
  }
  return offsets;
}

onReleaseDocument((doc) => {
  if (cached === 0) return;
  cached = 0;
  for (const row of doc.rows) for (const cell of row.cells) cache.delete(cell);
});
