/** One file of an export, read when its document is loaded. */
export interface RawEntry {
  /** Path inside the export, with `/` (`Project-id/REVIEW/lorem.txt.json`). */
  path: string;
  read(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  /**
   * The text at once, for companions (the PLAIN text a Comprehend or token CSV points into, asked
   * for while that CSV is parsed: readers are synchronous). Absent where reads are asynchronous.
   */
  readSync?(): string;
  /** Bytes of the input it occupies (a ZIP entry's compressed size, a file's size), where known. */
  size?: number;
}

/**
 * The files of an input by position. The input's index keeps this for the whole run, so a ZIP's
 * list holds no object per entry: a path is decoded from the central directory when asked for,
 * and `entry` makes the entry's reads when its document is loaded (`zip-entry-list.ts`).
 */
export interface EntryList {
  readonly count: number;
  /** Path inside the export, with `/`. */
  path(index: number): string;
  /** Bytes of the input it occupies, where known (progress displays). */
  size(index: number): number | undefined;
  entry(index: number): RawEntry;
}

/** Files already listed one object each (a folder on disk, files handed over in memory). */
export function entryArray(raw: readonly RawEntry[]): EntryList {
  return { count: raw.length, path: (i) => raw[i].path, size: (i) => raw[i].size, entry: (i) => raw[i] };
}
