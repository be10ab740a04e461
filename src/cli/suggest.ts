import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean X?" for a mistyped value: the closest candidate (case ignored) within an edit
 * distance of a third of the word (at least 1, at most 3); undefined when nothing is that close.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(typed, candidate.toLowerCase());
    if (d <= limit && (!best || d < best.d)) best = { candidate, d };
  }
  return best ? `Did you mean ${best.candidate}?` : undefined;
}
