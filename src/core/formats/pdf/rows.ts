import { comparePositions } from '../../model/positions.js';
import type { Row, Span } from '../../model/types.js';
import type { BoxItem } from './items.js';
import type { CutText } from './cut.js';
import type { PageBuilder } from './page-builder.js';
import { stackPieces } from './tiers.js';
import { isRightToLeft, rowUnits, startsRightToLeft, wrapUnits, type PlacedUnit } from './units.js';

/** Where an arrow attaches to a span: the top centre of the span's first box. */
export interface SpanAnchor {
  page: number;
  x: number;
  y: number;
  /** Top of the arrow lane above the span's line. */
  laneTop: number;
}

export interface RowContext {
  /** Spans drawn in this row (a span over several rows is listed in each). */
  spans: readonly Span[];
  /** Position of each span in the §6 order, for tier ties. */
  rank: ReadonlyMap<Span, number>;
  colorOf(span: Span): string;
  labelColorOf(span: Span): string;
  /** Spans that are an end of a drawn arrow: their first line gets an arrow lane. */
  arrowEnds: ReadonlySet<string>;
  /** Called with each span's anchor when its first box is placed. */
  anchor(span: Span, anchor: SpanAnchor): void;
  /** Draws the running header of a continuation page. */
  onNewPage(): void;
  /** A token or cell of this row is drawn cut (too long to lay out). */
  onCut(cut: CutText, column: number, token: number): void;
  /** A span has no place on one of its lines: more spans overlap there than a page has tiers for. */
  onNotDrawn(span: Span): void;
}

/**
 * Spans stacked on one line at most (in the §6 order): more could not be drawn within a page's
 * tiers anyway, and stacking is quadratic in them.
 */
const MAX_PIECES_PER_LINE = 400;

interface Piece {
  span: Span;
  x0: number;
  x1: number;
  /** True on the line where the span starts. */
  first: boolean;
}

const GUTTER_COLOR = '#888888';
const TEXT_COLOR = '#000000';

/** Span a contains span b: it starts no later and ends no earlier (equal spans contain each other). */
const spanContains = (a: Span, b: Span) => comparePositions(a.start, b.start) <= 0 && comparePositions(b.end, a.end) <= 0;

/**
 * Lays out one row: its number in the gutter, its tokens wrapped into lines, and above each line
 * the boxes and label names of the spans on it, stacked in tiers (tiers.ts) so that boxes meet
 * only when one span contains the other and names sit clear of other spans' boxes. A line is
 * never split across pages; a row may.
 */
export function layoutRow(b: PageBuilder, row: Row, ctx: RowContext): void {
  const { geo, measure } = b;
  const lines = wrapUnits(rowUnits(row, geo, measure, ctx.onCut), geo, measure, isRightToLeft(row));
  if (lines.length === 0) lines.push([]);
  const started = new Set<Span>();
  lines.forEach((line, lineIndex) => {
    const found = linePieces(row, line, ctx.spans, b, started);
    for (const p of found.slice(MAX_PIECES_PER_LINE)) ctx.onNotDrawn(p.span);
    const candidates = found.slice(0, MAX_PIECES_PER_LINE);
    // As many tiers as a page holds above one line with its arrow lane and nested box bottoms.
    const maxTiers = Math.max(1, Math.floor((geo.bottom - geo.top - geo.lineHeight - geo.arrowLane - 1) / (geo.tierHeight + geo.tierGrow)));
    const stackedAll = stackPieces(
      candidates.map((p) => ({ x0: p.x0, x1: p.x1, labelWidth: measure.width(p.span.labelName, geo.smallSize), rank: ctx.rank.get(p.span) ?? 0 })),
      (i, j) => spanContains(candidates[i].span, candidates[j].span),
      { boxPad: geo.boxPad, tierGrow: geo.tierGrow, labelRight: geo.width - geo.margin * 0.5, maxTiers },
    );
    const pieces = candidates.filter((p, i) => {
      if (stackedAll[i].tier >= 0) return true;
      ctx.onNotDrawn(p.span);
      return false;
    });
    const stacked = stackedAll.filter((s) => s.tier >= 0);
    let tierCount = 0;
    let maxLevel = 0;
    for (const s of stacked) {
      tierCount = Math.max(tierCount, s.tier + 1);
      if (s.base < 0) maxLevel = Math.max(maxLevel, s.level);
    }
    const lane = pieces.some((p) => p.first && ctx.arrowEnds.has(p.span.id)) ? geo.arrowLane : 0;
    const height = lane + tierCount * geo.tierHeight + geo.lineHeight + maxLevel * geo.tierGrow + 1;
    b.ensureRoom(height, ctx.onNewPage);

    const lineTop = b.y;
    const textTop = lineTop + lane + tierCount * geo.tierHeight;
    const baseline = textTop + geo.baseline;
    const boxes: BoxItem[] = stacked.map((s, i) => {
      const top = textTop - s.tier * geo.tierHeight - 0.5;
      // Around the text, or ending just above band `base` (clear of the boxes and names it may not cover).
      const bottom = s.base < 0 ? textTop + geo.lineHeight + s.level * geo.tierGrow : textTop - s.base * geo.tierHeight - 1.5;
      return { kind: 'box', x: s.left, y: top, w: s.right - s.left, h: bottom - top, color: ctx.colorOf(pieces[i].span), spanId: pieces[i].span.id, tier: s.tier };
    });
    // Outer tiers first so inner boxes are painted over them; fills are translucent anyway.
    const order = boxes.map((_, i) => i).sort((x, y) => boxes[y].tier - boxes[x].tier || x - y);
    for (const i of order) b.add(boxes[i]);
    for (const i of order) {
      const box = boxes[i];
      const labelBaseline = textTop - box.tier * geo.tierHeight - geo.smallSize * 0.3 - 1;
      b.text(pieces[i].span.labelName, stacked[i].labelX, labelBaseline, geo.smallSize, ctx.labelColorOf(pieces[i].span)).labelOf = pieces[i].span.id;
      if (pieces[i].first) ctx.anchor(pieces[i].span, { page: b.page!.number, x: box.x + box.w / 2, y: box.y, laneTop: lineTop });
    }
    if (lineIndex === 0) {
      const label = String(row.index + 1);
      const width = measure.width(label, geo.smallSize);
      b.text(label, geo.textLeft - 6 - width, baseline, geo.smallSize, GUTTER_COLOR);
    }
    for (const u of line) b.text(u.text, u.x, baseline, geo.fontSize, TEXT_COLOR);
    b.y = lineTop + height;
  });
  b.y += geo.rowGap;
}

/** The part of each span on one line: from its first covered glyph to its last. */
function linePieces(row: Row, line: readonly PlacedUnit[], spans: readonly Span[], b: PageBuilder, started: Set<Span>): Piece[] {
  const pieces: Piece[] = [];
  for (const span of spans) {
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const u of line) {
      const range = coveredX(row.index, span, u, b);
      if (!range) continue;
      x0 = Math.min(x0, range[0]);
      x1 = Math.max(x1, range[1]);
    }
    if (x0 === Infinity) continue;
    const first = !started.has(span) && span.start.row === row.index;
    started.add(span);
    pieces.push({ span, x0, x1, first });
  }
  return pieces;
}

/** Compares a token's place with a position's token (row, column, token), ignoring the character. */
const compareToken = (row: number, column: number, token: number, p: Span['start']) => row - p.row || column - p.column || token - p.token;

/** Horizontal extent of the span inside one unit, or null when the span does not cover it. */
function coveredX(rowIndex: number, span: Span, u: PlacedUnit, b: PageBuilder): [number, number] | null {
  if (u.token < 0) return null;
  const fromStart = compareToken(rowIndex, u.column, u.token, span.start);
  if (fromStart < 0) return null;
  const toEnd = compareToken(rowIndex, u.column, u.token, span.end);
  if (toEnd > 0) return null;
  // Char-level spans: start inside the token or end before its last character. In a cut token
  // the characters from the cut on are drawn as the cut mark (the unit's character `cutAt`).
  const cut = u.cutAt;
  let lo = u.charStart;
  let hi = u.charEnd;
  if (fromStart === 0) lo = Math.max(lo, cut === undefined ? span.start.char : Math.min(span.start.char, cut));
  if (toEnd === 0) {
    const end = span.end.char + 1;
    hi = Math.min(hi, cut === undefined || end <= cut ? end : cut + 1);
  }
  if (lo >= hi) return null;
  if (lo === u.charStart && hi === u.charEnd) return [u.x, u.x + u.width];
  const size = b.geo.fontSize;
  const prefix = (to: number) => (to <= u.charStart ? 0 : to >= u.charEnd ? u.width : b.measure.width(u.text.slice(0, to - u.charStart), size));
  // In a right-to-left token the first character is at the right edge.
  return startsRightToLeft(u.text) ? [u.x + u.width - prefix(hi), u.x + u.width - prefix(lo)] : [u.x + prefix(lo), u.x + prefix(hi)];
}
