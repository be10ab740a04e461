/**
 * The output paths of one run, kept apart: two documents may map to the same path (`q` and
 * `q.txt/z` make `q.txt` both a file and a folder; names equal once cleaned; names differing only
 * by case, which are one file on macOS and Windows). The first output keeps its path; a later one
 * that clashes gets ` (2)`, ` (3)`, … on the part that clashes, and the caller reports it.
 *
 * Paths are relative, `/`-separated. Comparisons ignore case and Unicode normalization, so the
 * output unpacks on any file system without one file replacing another.
 */
import { NumberSet } from './hash-set.js';

export type EntryKind = 'file' | 'folder';

/** What is already on disk at a relative path (`null`: nothing). */
export type DiskLookup = (relative: string) => EntryKind | null;

export interface Claimed {
  /** The path to write (the asked one unless it clashed). */
  path: string;
  /** True when the path had to change. */
  renamed: boolean;
}

export class OutputNames {
  /**
   * Files of this run, by a 53-bit hash of their comparison key: at most 16 bytes per file instead
   * of the path (a run of 340,000 files). Two different paths share a hash with a probability of
   * about n²/2⁵⁴ (6·10⁻⁶ for 340,000 files); that would cost a needless ` (2)`, reported, never a
   * lost file.
   */
  private readonly files = new NumberSet();
  /** Folders of this run, by comparison key (few: format, project, cabinet, sub-folders). */
  private readonly folders = new Set<string>();

  /**
   * Claims a file path for this run. `disk` tells what is already there; a file where a file is
   * wanted is not a clash (the caller decides whether it may be replaced), any other kind is.
   */
  claim(relative: string, disk: DiskLookup = () => null): Claimed {
    const parts = relative.split('/');
    let renamed = false;
    for (let i = 0; i < parts.length; i++) {
      const kind: EntryKind = i === parts.length - 1 ? 'file' : 'folder';
      const original = parts[i];
      for (let n = 2; this.clashes(parts, i, kind, disk); n++) {
        parts[i] = withSuffix(original, n, kind);
        renamed = true;
      }
    }
    const path = parts.join('/');
    this.files.add(hash(key(path)));
    for (let i = 1; i < parts.length; i++) this.folders.add(key(parts.slice(0, i).join('/')));
    return { path, renamed };
  }

  private clashes(parts: string[], index: number, kind: EntryKind, disk: DiskLookup): boolean {
    const prefix = parts.slice(0, index + 1).join('/');
    const k = key(prefix);
    if (this.files.has(hash(k))) return true;
    if (kind === 'file' && this.folders.has(k)) return true;
    const there = disk(prefix);
    return there !== null && there !== kind;
  }
}

/** The comparison key of a path: case-folded and NFC, as case-insensitive file systems compare. */
export function key(relative: string): string {
  return relative.normalize('NFC').toLowerCase();
}

/** cyrb53 (bryc, public domain): a fast 53-bit string hash with good dispersion. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Never 0 (the number set's empty slot): a 0 is taken as 1, one more way to share a hash.
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

/** `name (2).ext` for a file (the suffix before the last extension), `name (2)` for a folder. */
export function withSuffix(name: string, n: number, kind: EntryKind): string {
  const dot = kind === 'file' ? name.lastIndexOf('.') : -1;
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}
