import type { Document, Span, TokenPosition } from '../../model/types.js';
import { compareSpans, isCharLevel } from '../../model/positions.js';
import type { WriteContext } from '../types.js';
import { Report, type ConversionMessage } from '../../report/report.js';
import { eligibleSpans } from './eligible.js';
import { layerCount, selectedLayer } from './label-set.js';
import { resolveOverlaps } from './overlap.js';
import { spanMessage } from './place.js';
import { onReleaseDocument } from '../../model/document-caches.js';

/** What a target can hold; decides which of the §6 rules apply before it writes spans. */
export interface TargetRules {
  /** Token formats (tags per token) widen char-level spans to whole tokens. Offset formats keep chars. */
  widen: boolean;
  /** A span across rows: `keep` it whole (document-level offsets), `split` it per row, or `drop` it. */
  crossRow: 'keep' | 'split' | 'drop';
  /** `all`: one tier group per label set (TSV); `one`: the `--label-set` choice only. */
  labelSets: 'all' | 'one';
  /** `policy`: apply `--overlap`; `hold`: the format lists spans, overlaps are fine (token CSV). */
  overlaps: 'policy' | 'hold';
  /** The format can add tag columns, so `--overlap columns` is possible. */
  columns: boolean;
}

/** One output column's worth of spans: no two overlap unless the target holds overlaps. */
export interface Tier {
  layer: number;
  /** Copies of the input spans with the positions the target writes (widened, per-row pieces). */
  spans: Span[];
}

/**
 * Applies FORMATS.md §6 in a fixed order and reports every change: status filter, label-set choice,
 * widening, cross-row handling, overlap policy. Returns tiers in label-set order (a set without
 * spans still gets its tier, and a document without label sets gets one empty tier).
 */
export function prepareSpans(doc: Document, ctx: WriteContext, rules: TargetRules): Tier[] {
  const { options } = ctx;
  // Everything the preparation reads: the rules and the three options that steer it.
  const key = `${rules.widen}|${rules.crossRow}|${rules.labelSets}|${rules.overlaps}|${rules.columns}|${options.includeConflicts}|${options.overlap}|${String(options.labelSet)}|${typeof options.labelSet}`;
  let forDocument = prepared.get(doc);
  if (!forDocument) prepared.set(doc, (forDocument = new Map()));
  let done = forDocument.get(key);
  if (!done) {
    const recorder = new Report();
    done = { tiers: computeTiers(doc, Object.assign({}, ctx, { report: recorder }), rules), messages: recorder.messages };
    forDocument.set(key, done);
  }
  // Each format reports what the preparation changed, as if it had done it itself.
  for (const message of done.messages) ctx.report.add(message);
  return done.tiers;
}

/**
 * Preparations already made for a document, by rules and options: the token formats that share
 * rules (TSV_IOB and TSV_NON_IOB) share the work, and a document converted to nine formats is
 * prepared once per rule set. Held until the conversion is done with the document
 * (document-caches.ts). Tiers are read-only.
 */
const prepared = new WeakMap<Document, Map<string, { tiers: Tier[]; messages: readonly ConversionMessage[] }>>();
onReleaseDocument((doc) => prepared.delete(doc));

function computeTiers(doc: Document, ctx: WriteContext, rules: TargetRules): Tier[] {
  const { report, options } = ctx;
  let spans = eligibleSpans(doc, ctx);

  const layers = rules.labelSets === 'all' ? range(Math.max(layerCount(doc), 1)) : [selectedLayer(doc, options.labelSet)];
  if (rules.labelSets === 'one') {
    const chosen = layers[0];
    spans = spans.filter((span) => {
      if (span.layer === chosen) return true;
      report.add(spanMessage('LabelSetNotSelected', `label set ${span.layer} is not the selected set ${chosen} (--label-set)`, span));
      return false;
    });
  }

  if (rules.widen) spans = spans.map((span) => widenToTokens(doc, span, ctx));

  if (rules.crossRow === 'drop') {
    spans = spans.filter((span) => {
      if (span.start.row === span.end.row) return true;
      report.add(spanMessage('SpanCrossesRows', `span from row ${span.start.row} to row ${span.end.row} left out: the target has no spans across lines`, span));
      return false;
    });
  }

  const tiers: Tier[] = [];
  for (const layer of layers) {
    const mine = spans.filter((s) => s.layer === layer).sort((a, b) => compareSpans(doc, a, b));
    const groups = rules.overlaps === 'hold' ? [mine] : resolveOverlaps(doc, mine, ctx, { columns: rules.columns, tokenLevel: rules.widen });
    for (const group of groups) {
      tiers.push({ layer, spans: rules.crossRow === 'split' ? splitEachAtRows(doc, group, ctx) : group });
    }
  }
  return tiers;
}

function range(n: number): number[] {
  const numbers: number[] = [];
  for (let i = 0; i < n; i++) numbers.push(i);
  return numbers;
}

function tokenAt(doc: Document, p: TokenPosition): string {
  return doc.rows[p.row]?.cells[p.column]?.tokens[p.token] ?? '';
}

/** A char-level span becomes whole tokens: start at char 0, end on the last char of its end token. */
function widenToTokens(doc: Document, span: Span, ctx: WriteContext): Span {
  if (!isCharLevel(doc, span)) return span;
  ctx.report.add(spanMessage('SpanWidenedToToken', 'span inside a token widened to whole tokens', span));
  const endChar = Math.max(0, tokenAt(doc, span.end).length - 1);
  return Object.assign({}, span, { start: Object.assign({}, span.start, { char: 0 }), end: Object.assign({}, span.end, { char: endChar }) });
}

/**
 * The spans with each cross-row one split (`splitAtRows`). A loop, not \`flatMap\`: that made an
 * array per span, nearly all on one row, and was about a sixth of the preparations' time (issue 15).
 */
function splitEachAtRows(doc: Document, spans: readonly Span[], ctx: WriteContext): Span[] {
  const pieces: Span[] = [];
  for (const span of spans) {
    if (span.start.row === span.end.row) pieces.push(span);
    else for (const piece of splitAtRows(doc, span, ctx)) pieces.push(piece);
  }
  return pieces;
}

/** One piece per row the span touches (rows without tokens give no piece); reported once per span. */
function splitAtRows(doc: Document, span: Span, ctx: WriteContext): Span[] {
  if (span.start.row === span.end.row) return [span];
  ctx.report.add(spanMessage('SpanSplitAtRow', `span from row ${span.start.row} to row ${span.end.row} written as one piece per row`, span));
  const pieces: Span[] = [];
  for (let row = span.start.row; row <= span.end.row; row++) {
    const column = row === span.start.row ? span.start.column : row === span.end.row ? span.end.column : span.start.column;
    const tokens = doc.rows[row]?.cells[column]?.tokens ?? [];
    if (tokens.length === 0) continue;
    const start = row === span.start.row ? span.start : { row, column, token: 0, char: 0 };
    const lastToken = tokens.length - 1;
    const end = row === span.end.row ? span.end : { row, column, token: lastToken, char: Math.max(0, tokens[lastToken].length - 1) };
    pieces.push(Object.assign({}, span, { start, end }));
  }
  return pieces;
}
