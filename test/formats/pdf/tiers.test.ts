import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTiers, type TierPiece } from '../../../src/core/formats/pdf/tiers.js';

const piece = (x0: number, x1: number, labelWidth = 0, rank = 0): TierPiece => ({ x0, x1, labelWidth, rank });

describe('assignTiers', () => {
  it('keeps separate boxes on tier 0 and puts a containing span above the one it contains', () => {
    expect(assignTiers([piece(0, 10), piece(20, 30)])).toEqual([0, 0]);
    expect(assignTiers([piece(0, 100), piece(10, 20)])).toEqual([1, 0]);
    expect(assignTiers([piece(0, 100), piece(10, 20), piece(30, 40), piece(5, 50)])).toEqual([2, 0, 0, 1]);
  });

  it('lifts a box whose neighbour label name would run into it', () => {
    expect(assignTiers([piece(0, 5, 40), piece(20, 30, 5)])).toEqual([0, 1]);
  });

  it('never leaves two overlapping boxes or label names on one tier, and outer boxes are never below inner ones', () => {
    const pieces = fc.array(
      fc.record({ x0: fc.integer({ min: 0, max: 400 }), w: fc.integer({ min: 1, max: 150 }), labelWidth: fc.integer({ min: 0, max: 60 }) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(pieces, (raw) => {
        const ps = raw.map((p, i) => piece(p.x0, p.x0 + p.w, p.labelWidth, i));
        const tiers = assignTiers(ps);
        const extent = (p: TierPiece) => [p.x0 - 2, Math.max(p.x1 + 2, p.x0 + p.labelWidth + 2)];
        for (let i = 0; i < ps.length; i++) {
          for (let j = i + 1; j < ps.length; j++) {
            const [a0, a1] = extent(ps[i]);
            const [b0, b1] = extent(ps[j]);
            if (a0 < b1 && b0 < a1) expect(tiers[i]).not.toBe(tiers[j]);
            const iInJ = ps[j].x0 < ps[i].x0 && ps[i].x1 < ps[j].x1;
            if (iInJ) expect(tiers[j]).toBeGreaterThan(tiers[i]);
          }
        }
      }),
    );
  });
});
