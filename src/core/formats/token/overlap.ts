import type { Document, Span } from '../../model/types.js';
import { comparePositions, compareSpans, spanTokenLength, spansOverlap } from '../../model/positions.js';
import type { WriteContext } from '../types.js';
import { spanMessage } from './place.js';

/**
 * The `--overlap` policies of FORMATS.md §6 for the spans of ONE label set, already in span order
 * (`compareSpans`). Returns the groups to write: one group for `first`, `longest` and `error`;
 * as many groups as needed for `columns` (each group is one extra tag column).
 *
 * - `first` keeps a span unless it overlaps one already kept, walking span order.
 * - `longest` does the same over spans sorted by token length, longest first, ties in span order.
 * - `error` keeps like `first` but reports each overlap as an error: the run exits 1, and with
 *   `--strict` nothing is written.
 * - `columns` puts each span into the first column where it overlaps nothing; a target without
 *   tag columns (`columns: false`) falls back to `first` and says so in each message.
 */
export function resolveOverlaps(
  doc: Document,
  ordered: Span[],
  ctx: WriteContext,
  target: { columns: boolean; tokenLevel: boolean },
): Span[][] {
  const policy = ctx.options.overlap;
  const overlaps = target.tokenLevel ? spansOverlap : charsOverlap;
  if (policy === 'columns' && target.columns) return intoColumns(ordered, overlaps);

  const walk = policy === 'longest' ? [...ordered].sort((a, b) => spanTokenLength(doc, b) - spanTokenLength(doc, a) || compareSpans(doc, a, b)) : ordered;
  const kept = new RowIndex();
  const keptSet = new Set<Span>();
  for (const span of walk) {
    const blocker = kept.find(span, overlaps);
    if (!blocker) {
      kept.add(span);
      keptSet.add(span);
      continue;
    }
    const how =
      policy === 'columns'
        ? '--overlap columns needs tag columns, which this format does not have; kept the first'
        : policy === 'error'
          ? '--overlap error'
          : `--overlap ${policy}`;
    ctx.report.add(spanMessage('OverlapDropped', `overlaps span ${blocker.id} ("${blocker.labelName}") of the same label set; left out (${how})`, span, policy === 'error' ? 'error' : undefined));
  }
  return [ordered.filter((s) => keptSet.has(s))];
}

/** Inclusive positions compared down to the character: for formats that keep char offsets. */
function charsOverlap(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

type Overlaps = (a: Span, b: Span) => boolean;

/** Greedy column assignment in span order: the fewest columns a left-to-right walk needs. */
function intoColumns(ordered: Span[], overlaps: Overlaps): Span[][] {
  const columns: Span[][] = [];
  const last: Span[] = [];
  for (const span of ordered) {
    // In span order every earlier span starts no later, so checking each column's furthest end suffices.
    let index = columns.findIndex((_, i) => !overlaps(last[i], span));
    if (index < 0) {
      index = columns.length;
      columns.push([]);
    }
    columns[index].push(span);
    if (!last[index] || comparePositions(span.end, last[index].end) > 0) last[index] = span;
  }
  return columns.length ? columns : [[]];
}

/** Kept spans bucketed by every row they touch, so overlap checks stay local in long documents. */
class RowIndex {
  private readonly rows = new Map<number, Span[]>();
  add(span: Span): void {
    for (let r = span.start.row; r <= span.end.row; r++) {
      const list = this.rows.get(r);
      if (list) list.push(span);
      else this.rows.set(r, [span]);
    }
  }
  find(span: Span, overlaps: Overlaps): Span | undefined {
    for (let r = span.start.row; r <= span.end.row; r++) {
      const hit = this.rows.get(r)?.find((k) => overlaps(k, span));
      if (hit) return hit;
    }
    return undefined;
  }
}

