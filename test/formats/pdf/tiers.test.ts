import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackPieces, type StackedPiece, type TierPiece } from '../../../src/core/formats/pdf/tiers.js';

const settings = { boxPad: 2, tierGrow: 1.5, labelRight: 10_000, maxTiers: 1_000 };
/** Tokens of width 20 with a gap of 3: token t covers [23t, 23t + 20]. */
const span = (from: number, to: number, labelWidth = 10, rank = 0) => ({ from, to, piece: { x0: 23 * from, x1: 23 * to + 20, labelWidth, rank } as TierPiece });
function stack(spans: Array<ReturnType<typeof span>>): StackedPiece[] {
  return stackPieces(
    spans.map((s) => s.piece),
    (i, j) => spans[i].from <= spans[j].from && spans[j].to <= spans[i].to,
    settings,
  );
}

describe('stackPieces', () => {
  it('keeps separate spans on tier 0 with boxes around the text, apart from each other', () => {
    const [a, b] = stack([span(0, 0), span(1, 1)]);
    expect([a.tier, b.tier, a.base, b.base]).toEqual([0, 0, -1, -1]);
    // Adjacent tokens 3 apart: each box takes less than half the gap.
    expect(a.right).toBeLessThan(b.left);
  });

  it('puts a containing span above the one it contains, its box enclosing the inner box', () => {
    const [outer, inner] = stack([span(0, 2), span(1, 1)]);
    expect(outer.tier).toBeGreaterThan(inner.tier);
    expect([outer.base, inner.base]).toEqual([-1, -1]);
    expect(outer.left).toBeLessThan(inner.left);
    expect(outer.right).toBeGreaterThan(inner.right);
    expect(outer.level).toBe(1);
    // Sharing an edge, the outer box still steps out beyond the inner one.
    const [o2, i2] = stack([span(0, 2), span(0, 1)]);
    expect(o2.left).toBeLessThan(i2.left);
  });

  it('stops a crossing span\'s box above the span it crosses, with its own name above that', () => {
    const [first, second] = stack([span(0, 2), span(1, 3)]);
    const [lower, upper] = first.tier < second.tier ? [first, second] : [second, first];
    expect(lower.base).toBe(-1);
    expect(upper.base).toBeGreaterThanOrEqual(lower.tier);
    expect(upper.tier).toBeGreaterThan(upper.base);
  });

  it('lifts a name that would run over a neighbour\'s box above that box', () => {
    const [long, next] = stack([span(0, 0, 60), span(1, 1, 5)]);
    expect(long.tier).toBeGreaterThan(next.tier);
    expect(next.base).toBe(-1);
  });

  it('never lets unrelated boxes, or a name and an unrelated box, share a band where they overlap', () => {
    const spans = fc.array(fc.record({ from: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 0, max: 5 }), labelWidth: fc.integer({ min: 0, max: 90 }) }), { maxLength: 14 });
    fc.assert(
      fc.property(spans, (raw) => {
        const input = raw.map((s, i) => span(s.from, s.from + s.length, s.labelWidth, i));
        const out = stack(input);
        const contains = (i: number, j: number) => input[i].from <= input[j].from && input[j].to <= input[i].to;
        const bands = (p: StackedPiece) => [p.base, p.tier - 1];
        const overlap = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
        for (let i = 0; i < out.length; i++) {
          const [b0, b1] = bands(out[i]);
          expect(b1).toBeGreaterThanOrEqual(b0);
          for (let j = 0; j < out.length; j++) {
            if (i === j || contains(i, j) || contains(j, i)) continue;
            const [c0, c1] = bands(out[j]);
            if (overlap(out[i].left, out[i].right, out[j].left, out[j].right)) expect(b1 < c0 || c1 < b0, `boxes ${i} ${j}`).toBe(true);
            const labelEnd = out[i].labelX + input[i].piece.labelWidth;
            if (overlap(out[i].labelX, labelEnd, out[j].left, out[j].right)) expect(out[i].tier < c0 || out[i].tier > c1, `name ${i} box ${j}`).toBe(true);
          }
        }
      }),
    );
  });
});
