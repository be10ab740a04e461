import type { Document, Span } from '../../src/core/model/types.js';
import { SPAN_LEFT_OUT_KINDS, type MessageKind } from '../../src/core/report/kinds.js';
import type { ConversionMessage } from '../../src/core/report/report.js';

/**
 * Independent bookkeeping for the conservation and format-meaning properties: which input labels a
 * run's report names as left out, and what the rest must look like in the output. Computed from
 * the model and FORMATS.md alone, never from the writers' own helpers.
 */

/** Kinds that say "this span is not in this output". */
export const SPAN_LEFT_OUT: ReadonlySet<MessageKind> = SPAN_LEFT_OUT_KINDS;

/** Ids named by any message of the given kinds (all kinds when none are given). */
export function namedIds(messages: readonly ConversionMessage[], kinds?: ReadonlySet<MessageKind>): Set<string> {
  return new Set(messages.filter((m) => m.labelId !== undefined && (!kinds || kinds.has(m.kind))).map((m) => m.labelId!));
}

/** The input spans the report does not name as left out: each must be in the output. */
export function keptSpans(doc: Document, messages: readonly ConversionMessage[]): Span[] {
  const out = namedIds(messages, SPAN_LEFT_OUT);
  return doc.spans.filter((s) => !out.has(s.id));
}

/** A span's piece in one row, in whole tokens, end inclusive. */
export interface Piece {
  row: number;
  start: number;
  end: number;
  label: string;
  layer: number;
  span: Span;
}

const tokensOf = (doc: Document, row: number) => doc.rows[row]?.cells[0]?.tokens ?? [];

/** Whole-token pieces of a span, one per row it touches that has tokens (a token format's view, FORMATS.md §4/§6). */
export function pieces(doc: Document, span: Span): Piece[] {
  const out: Piece[] = [];
  for (let row = span.start.row; row <= span.end.row; row++) {
    const count = tokensOf(doc, row).length;
    if (count === 0) continue;
    out.push({
      row,
      start: row === span.start.row ? span.start.token : 0,
      end: row === span.end.row ? span.end.token : count - 1,
      label: span.labelName,
      layer: span.layer,
      span,
    });
  }
  return out;
}

/** Tab, CR and LF inside tokens and tag names become a space in tagged TSV (FORMATS.md §6). */
export function asTsvText(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ');
}

/** Sorted string keys: compare two collections as multisets with one toEqual. */
export function multiset<T>(items: readonly T[], key: (item: T) => string): string[] {
  return items.map(key).sort();
}

export const rowsWithTokens = (doc: Document): number[] => doc.rows.flatMap((r, i) => (tokensOf(doc, i).length > 0 ? [i] : []));
