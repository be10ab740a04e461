import { describe, expect, it } from 'vitest';
import { RecentCache } from '../../../src/core/formats/pdf/recent-cache.js';

describe('the PDF measure cache (two generations)', () => {
  it('keeps what is used again and forgets what was used once, holding at most two generations', () => {
    const cache = new RecentCache<number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i);
    // A fourth entry starts a generation; 'a' is found in the old one and moves back.
    cache.set('d', 3);
    expect(cache.get('a')).toBe(0);
    cache.set('e', 4);
    // Young (d, a, e) is full: the next entry ages it and drops b and c, never used again.
    cache.set('f', 5);
    expect([cache.get('b'), cache.get('c')]).toEqual([undefined, undefined]);
    expect([cache.get('a'), cache.get('d'), cache.get('f')]).toEqual([0, 3, 5]);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(6);
  });
});
