/** One span's part on one line, before it is stacked. */
export interface TierPiece {
  /** Left and right edge of the covered glyphs. */
  x0: number;
  x1: number;
  /** Width of the label name drawn above the box. */
  labelWidth: number;
  /** Rank in the §6 span order (compareSpans), for ties. */
  rank: number;
}

export interface TierSettings {
  /** Padding of a box around its glyphs; each level of nesting inside it adds `tierGrow`. */
  boxPad: number;
  tierGrow: number;
  /** Rightmost x a label name may reach: a name that would pass it moves left. */
  labelRight: number;
  /** Tiers that fit above a line on a page: a piece that would need a higher one is not drawn. */
  maxTiers: number;
}

/**
 * Where a piece is drawn. Above a line, band t is the row where the label names of tier t sit;
 * a box of tier t has its top just below band t and reaches down to band `base` — or, when
 * `base` is -1, around the line's text.
 */
export interface StackedPiece {
  /** -1: no tier below `maxTiers` has room for it, and it is not drawn. */
  tier: number;
  base: number;
  /** How many levels of pieces it contains (0: none); its box's bottom goes that much lower. */
  level: number;
  /** Horizontal extent of the box. */
  left: number;
  right: number;
  labelX: number;
}

/** Room kept between label names, and between a label name and a box that is not its own. */
const LABEL_GAP = 2;
const BOX_GAP = 1;
/** Room kept between the boxes of neighbouring spans that do not contain one another. */
const BOX_SEPARATION = 1.2;
/** How far a box may cut into its glyphs' side bearings when neighbours leave no room. */
const MAX_INSET = 1;
/** A label name inside a containing box keeps this far from its edges. */
const INSIDE_MARGIN = 0.4;

const overlaps = (a0: number, a1: number, b0: number, b1: number, gap: number) => a0 < b1 + gap && b0 < a1 + gap;

/**
 * Stacks the span pieces of one line so the picture reads at a glance: two boxes intersect only
 * when one span contains the other (the outer box then encloses the inner one), and a label name
 * never overlaps another name or a box other than one of a span containing its own (inside which
 * it then lies whole).
 *
 * - Horizontally, a box pads its glyphs by `boxPad` plus `tierGrow` per level of spans nested in
 *   it, but never past half the room to a neighbouring span it is unrelated to: adjacent spans'
 *   boxes keep apart.
 * - Pieces are placed narrow first (an inner span before the spans containing it), each on the
 *   lowest tier where its label name is clear of every name and box already placed, and above
 *   every piece it contains. Its box reaches down around the text unless that would cover a box
 *   or name of a span it does not contain (spans that cross it, names that overhang it): then it
 *   stops just above them, a band over its text.
 *
 * `contains(i, j)` tells whether span i contains span j (equal spans contain each other; the one
 * placed later is then the outer one).
 */
export function stackPieces(pieces: readonly TierPiece[], contains: (i: number, j: number) => boolean, settings: TierSettings): StackedPiece[] {
  const n = pieces.length;
  const spanContains = pieces.map((_, i) => pieces.map((__, j) => i !== j && contains(i, j)));
  const depth = spanContains.map((row) => row.filter(Boolean).length);
  // What a piece spans on the line: its glyphs and its name, which may run past them.
  const extent = (p: TierPiece) => Math.max(p.x1, p.x0 + p.labelWidth) - p.x0;
  const order = pieces.map((_, i) => i).sort((a, b) => depth[a] - depth[b] || extent(pieces[a]) - extent(pieces[b]) || pieces[a].rank - pieces[b].rank);
  const position = new Array<number>(n);
  order.forEach((i, at) => (position[i] = at));
  /** j is drawn inside k. */
  const inside = (j: number, k: number) => spanContains[k][j] && (!spanContains[j][k] || position[j] < position[k]);
  const related = (a: number, b: number) => inside(a, b) || inside(b, a);

  const level = new Array<number>(n).fill(0);
  for (const k of order) for (const j of order) if (inside(j, k)) level[k] = Math.max(level[k], level[j] + 1);

  // Horizontal extents: padding capped by the room to unrelated neighbours; where containers
  // share an edge with a piece, the piece leaves them their steps of `tierGrow`.
  const EDGE = 0.01;
  const left = new Array<number>(n);
  const right = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = pieces[i];
    let roomLeft = Infinity;
    let roomRight = Infinity;
    let stepsLeft = 0;
    let stepsRight = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const q = pieces[j];
      if (inside(i, j)) {
        if (Math.abs(q.x0 - p.x0) < EDGE) stepsLeft = Math.max(stepsLeft, level[j] - level[i]);
        if (Math.abs(q.x1 - p.x1) < EDGE) stepsRight = Math.max(stepsRight, level[j] - level[i]);
      }
      if (related(i, j)) continue;
      if (q.x1 <= p.x0 + EDGE) roomLeft = Math.min(roomLeft, (p.x0 - q.x1) / 2 - BOX_SEPARATION / 2);
      if (q.x0 >= p.x1 - EDGE) roomRight = Math.min(roomRight, (q.x0 - p.x1) / 2 - BOX_SEPARATION / 2);
    }
    const pad = settings.boxPad + level[i] * settings.tierGrow;
    left[i] = p.x0 - Math.max(-MAX_INSET, Math.min(pad, roomLeft - stepsLeft * settings.tierGrow));
    right[i] = p.x1 + Math.max(-MAX_INSET, Math.min(pad, roomRight - stepsRight * settings.tierGrow));
  }
  const labelX = pieces.map((p, i) => Math.min(left[i] + 0.5, settings.labelRight - p.labelWidth));
  const labelEnd = (i: number) => labelX[i] + pieces[i].labelWidth;
  const labelInsideBox = (j: number, k: number) => labelX[j] >= left[k] + INSIDE_MARGIN && labelEnd(j) <= right[k] - INSIDE_MARGIN;

  const tier = new Array<number>(n).fill(0);
  const base = new Array<number>(n).fill(-1);
  const placed: number[] = [];
  for (const k of order) {
    let t = 0;
    for (const j of placed) if (inside(j, k)) t = Math.max(t, tier[j] + 1);
    tier[k] = -1;
    for (; t < settings.maxTiers; t++) {
      // The label name in band t: clear of names there and of boxes covering band t.
      const labelClear = placed.every((j) => {
        if (tier[j] === t && overlaps(labelX[k], labelEnd(k), labelX[j], labelEnd(j), LABEL_GAP)) return false;
        return !(base[j] <= t && t <= tier[j] - 1 && overlaps(labelX[k], labelEnd(k), left[j], right[j], BOX_GAP));
      });
      if (!labelClear) continue;
      // The box: down around the text, or stopped above what it may not cover.
      let b = -1;
      for (let changed = true; changed; ) {
        changed = false;
        for (const j of placed) {
          const nameInRange = b <= tier[j] && tier[j] <= t - 1 && overlaps(labelX[j], labelEnd(j), left[k], right[k], BOX_GAP);
          if (inside(j, k)) {
            // A contained name lies whole inside the box, or the box stays above it; the box's
            // lowest band is cut through by its bottom edge, so a name there counts as outside.
            if (nameInRange && (!labelInsideBox(j, k) || tier[j] === b)) {
              b = tier[j] + 1;
              changed = true;
            }
            continue;
          }
          if (b <= tier[j] - 1 && base[j] <= t - 1 && overlaps(left[j], right[j], left[k], right[k], 0)) {
            b = tier[j];
            changed = true;
          } else if (nameInRange) {
            b = tier[j] + 1;
            changed = true;
          }
        }
      }
      if (b <= t - 1) {
        tier[k] = t;
        base[k] = b;
        break;
      }
    }
    if (tier[k] >= 0) placed.push(k);
  }
  return pieces.map((_, i) => ({ tier: tier[i], base: base[i], level: level[i], left: left[i], right: right[i], labelX: labelX[i] }));
}
