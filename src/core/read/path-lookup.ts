import type { EntryList } from './entry-list.js';

/**
 * Finds an entry of a list by its path (a companion file next to a CSV document), without a map of
 * path strings held for the run: an open-addressing table of positions by the path's hash (8 bytes
 * per entry), built on first use; a candidate's path is decoded again to confirm it. When a path
 * occurs twice the later entry wins, as a map built in order would have it.
 */
export class PathLookup {
  private table: Int32Array | undefined;

  constructor(private readonly entries: EntryList) {}

  find(path: string): number | undefined {
    const table = (this.table ??= this.build());
    const mask = table.length - 1;
    let found: number | undefined;
    for (let slot = hash(path) & mask; table[slot] !== -1; slot = (slot + 1) & mask) {
      const index = table[slot];
      if ((found === undefined || index > found) && this.entries.path(index) === path) found = index;
    }
    return found;
  }

  private build(): Int32Array {
    let size = 16;
    while (size < this.entries.count * 2) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < this.entries.count; i++) {
      let slot = hash(this.entries.path(i)) & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = i;
    }
    return table;
  }
}

/** FNV-1a over UTF-16 units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
