import { describe, expect, it } from 'vitest';
import { sortEntryPositions } from '../../src/core/read/entry-order.js';

/**
 * The order entries are read in must not move: `sortEntryPositions` (runs per folder, merged) gives what
 * the plain stable sort on every entry's key gave, whatever the entries' order, folders, case,
 * accents and ties.
 */
const plainSort = (paths: readonly string[]) => {
  const keys = paths.map((p) => `/in.zip!${p}`.toLowerCase());
  return paths.map((_, i) => i).sort((a, b) => keys[a].localeCompare(keys[b]));
};

const ordered = (paths: readonly string[]) =>
  Array.from(
    sortEntryPositions(
      Uint32Array.from(paths, (_, i) => i),
      (i) => `/in.zip!${paths[i]}`.toLowerCase(),
      (i) => paths[i].slice(0, paths[i].lastIndexOf('/') + 1),
    ),
  );

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FOLDERS = ['P/REVIEW/', 'P/ROOT-a_example_com/', 'p/review/', 'Q/résumé/', 'Q/resume/', 'P/', ''];
const NAMES = ['a', 'A', 'b', 'a-b', 'a_b', 'a b', 'é', 'e', 'E', '10', '9', 'doc.json', 'Doc.JSON', 'ß', 'ss'];

describe('sortEntryPositions', () => {
  it('keeps interleaved cabinets in the order the plain sort gave (the bench export)', () => {
    const paths: string[] = [];
    for (let i = 0; i < 50; i++) for (const cabinet of ['REVIEW', 'ROOT-labeler_example_com']) paths.push(`Bench/${cabinet}/abstract-${String(i).padStart(5, '0')}.txt.json`);
    expect(ordered(paths)).toEqual(plainSort(paths));
  });

  it('matches the plain sort on random entries (folders, case, accents, ties, any order)', () => {
    const next = random(15);
    for (let round = 0; round < 300; round++) {
      const count = 1 + Math.floor(next() * 40);
      const paths = Array.from({ length: count }, () => {
        const folder = FOLDERS[Math.floor(next() * FOLDERS.length)];
        const name = NAMES[Math.floor(next() * NAMES.length)] + (next() < 0.5 ? NAMES[Math.floor(next() * NAMES.length)] : '');
        return `${folder}${name}.json`;
      });
      // Half the rounds start sorted within folders (long runs), half in random order.
      if (round % 2 === 0) paths.sort();
      expect(ordered(paths)).toEqual(plainSort(paths));
    }
  });

  it('returns one entry, and a folder already in order, as they are', () => {
    expect(ordered(['x/a.json'])).toEqual([0]);
    expect(ordered(['x/a.json', 'x/b.json', 'x/c.json'])).toEqual([0, 1, 2]);
  });
});
