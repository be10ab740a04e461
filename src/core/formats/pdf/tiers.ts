/** One span's box on one line, before it gets its tier. */
export interface TierPiece {
  /** Left and right edge of the covered glyphs. */
  x0: number;
  x1: number;
  /** Width of the label name drawn above the box. */
  labelWidth: number;
  /** Rank in the §6 span order (compareSpans), for ties. */
  rank: number;
}

/** Room kept between neighbouring boxes and label names of one tier. */
const GAP = 2;

/**
 * Stacks the boxes of one line so none hides another: narrow boxes first, each on the lowest tier
 * above every box or label name it overlaps horizontally. A span that contains another therefore
 * sits above it and its box encloses the inner one and its label; two boxes of one tier never
 * overlap, nor do their label names. Returns the tier of each piece (0 = nearest the text).
 */
export function assignTiers(pieces: readonly TierPiece[]): number[] {
  const extent = (p: TierPiece): [number, number] => [p.x0 - GAP, Math.max(p.x1 + GAP, p.x0 + p.labelWidth + GAP)];
  const order = pieces.map((_, i) => i).sort((a, b) => pieces[a].x1 - pieces[a].x0 - (pieces[b].x1 - pieces[b].x0) || pieces[a].rank - pieces[b].rank);
  const tiers = new Array<number>(pieces.length).fill(0);
  const placed: number[] = [];
  for (const i of order) {
    const [a0, a1] = extent(pieces[i]);
    let tier = 0;
    for (const j of placed) {
      const [b0, b1] = extent(pieces[j]);
      if (a0 < b1 && b0 < a1) tier = Math.max(tier, tiers[j] + 1);
    }
    tiers[i] = tier;
    placed.push(i);
  }
  return tiers;
}
