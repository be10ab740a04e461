import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../src/node/hash-set.js';

describe('the output names hash set (numbers up to 2^53 in a Float64Array)', () => {
  it('holds what was added, across growth and colliding low bits, and nothing else', () => {
    const set = new NumberSet();
    const values: number[] = [];
    // Same low 32 bits, different high bits: one probe chain.
    for (let i = 1; i <= 40; i++) values.push(i * 2 ** 32 + 7);
    for (let i = 1; i <= 5000; i++) values.push(Math.floor(((i * 2654435761) % 2 ** 21) * 2 ** 32 + i));
    for (const v of values) set.add(v);
    for (const v of values) set.add(v);
    expect(set.size).toBe(new Set(values).size);
    expect(values.every((v) => set.has(v))).toBe(true);
    expect([7, 41 * 2 ** 32 + 7, 2 ** 53 - 1, 12345].some((v) => set.has(v))).toBe(false);
    expect(() => set.add(0)).toThrow(RangeError);
  });
});
