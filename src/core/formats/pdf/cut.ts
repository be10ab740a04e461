/**
 * Longest text the PDF lays out in one piece (a token, a cell without tokens, a name): about 22
 * full lines at 10 pt. Laying out is linear in the text, but a 50 MB token would be thousands of
 * pages of one word and the memory to shape it; the other formats carry such text whole.
 */
export const MAX_DRAWN_CHARS = 2000;

/** Drawn after the kept part of a cut text. */
export const CUT_MARK = '\u2026';

export interface CutText {
  /** What is drawn: the kept part and the mark, at most `MAX_DRAWN_CHARS` + 1 characters. */
  text: string;
  /** Characters kept (UTF-16 units of the original, the index where the mark stands in for the rest). */
  kept: number;
  /** Characters of the original. */
  length: number;
}

/** Made on first use: constructing a segmenter loads ICU's break rules (~20 ms), too much for import time (issue 12). */
let graphemesMade: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (graphemesMade ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * The text as the PDF draws it: whole when it fits the limit, else its first graphemes up to
 * `MAX_DRAWN_CHARS` characters followed by `CUT_MARK`. Only a slice of the original is looked at,
 * so the cost does not depend on how long the original is.
 */
export function cutText(text: string): CutText | undefined {
  if (text.length <= MAX_DRAWN_CHARS) return undefined;
  let kept = 0;
  for (const { segment, index } of graphemes().segment(text.slice(0, MAX_DRAWN_CHARS + 64))) {
    if (index + segment.length > MAX_DRAWN_CHARS) break;
    kept = index + segment.length;
  }
  return { text: text.slice(0, kept) + CUT_MARK, kept, length: text.length };
}

/** A short, single-line quote of a long text's start for report messages. */
export function quoteStart(text: string): string {
  return JSON.stringify(text.slice(0, 40).replace(/\s+/g, ' ') + (text.length > 40 ? '…' : ''));
}
