import type { Document, Span, TokenPosition } from './types.js';

/** Compares two positions in reading order: row, column, token, char. */
export function comparePositions(a: TokenPosition, b: TokenPosition): number {
  return a.row - b.row || a.column - b.column || a.token - b.token || a.char - b.char;
}

/** Number of tokens a span covers, counting across rows (rows of one column). */
export function spanTokenLength(doc: Pick<Document, 'rows'>, span: Pick<Span, 'start' | 'end'>): number {
  if (span.start.row === span.end.row && span.start.column === span.end.column) {
    return span.end.token - span.start.token + 1;
  }
  let total = 0;
  for (let r = span.start.row; r <= span.end.row; r++) {
    const cell = doc.rows[r]?.cells[r === span.start.row ? span.start.column : 0];
    const count = cell?.tokens.length ?? 0;
    const first = r === span.start.row ? span.start.token : 0;
    const last = r === span.end.row ? span.end.token : count - 1;
    total += Math.max(0, last - first + 1);
  }
  return total;
}

/**
 * The span order every overlap policy uses (FORMATS.md §6): start (row, token, char), then the
 * longer span first, then `counter`, then id.
 */
export function compareSpans(doc: Pick<Document, 'rows'>, a: Span, b: Span): number {
  return (
    comparePositions(a.start, b.start) ||
    spanTokenLength(doc, b) - spanTokenLength(doc, a) ||
    comparePositions(b.end, a.end) ||
    a.counter - b.counter ||
    compareIds(a.id, b.id)
  );
}

/** Ids may be numbers or strings: numeric ids compare as numbers, others as strings. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the two spans share at least one token (same column). */
export function spansOverlap(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  // Compared at token level without building copies: this runs for every candidate pair.
  return compareTokens(a.start, b.end) <= 0 && compareTokens(b.start, a.end) <= 0;
}

function compareTokens(a: TokenPosition, b: TokenPosition): number {
  return a.row - b.row || a.column - b.column || a.token - b.token;
}

/** True when the span starts and ends in the same row. */
export function isSingleRow(span: Pick<Span, 'start' | 'end'>): boolean {
  return span.start.row === span.end.row;
}

/**
 * True when the span starts inside a token or stops before a token's last character: a
 * char-level span. Token formats widen it to whole tokens (`SpanWidenedToToken`).
 */
export function isCharLevel(doc: Pick<Document, 'rows'>, span: Pick<Span, 'start' | 'end'>): boolean {
  if (span.start.char !== 0) return true;
  const token = doc.rows[span.end.row]?.cells[span.end.column]?.tokens[span.end.token];
  if (token === undefined) return false;
  return span.end.char !== token.length - 1;
}
