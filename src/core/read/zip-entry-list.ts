import type { EntryList, RawEntry } from './entry-list.js';
import type { ZipDirectory, ZipEntryInfo } from './zip-directory.js';
import { entryTooLarge } from './zip-entries.js';
import { inflateEntry, inflateEntrySync } from './zip-inflate.js';
import type { ZipCodec } from './zip-codec.js';
import type { ByteSource } from './zip-source.js';
import { decodeText } from './decode.js';

/**
 * A ZIP's files (its directory entries left out) as an `EntryList`: positions of the file
 * entries (4 bytes each) over the directory's bytes; an entry's reads are made when its document
 * is loaded and dropped with it.
 */
export function zipEntryList(directory: ZipDirectory, source: ByteSource, file: string, codec: ZipCodec, maxEntryBytes: number): EntryList {
  const files = new Uint32Array(directory.count);
  let count = 0;
  for (let i = 0; i < directory.count; i++) if (!directory.isDirectory(i)) files[count++] = i;
  const positions = files.slice(0, count);
  const readSync = source.readSync?.bind(source);
  // An entry larger than one document may be is refused before anything is inflated: that
  // document is skipped and named, the others are read (issue 14 item 1).
  const fits = (entry: ZipEntryInfo) => {
    if (entry.uncompressedSize > maxEntryBytes) throw entryTooLarge(`${file}!${entry.name}`, entry.uncompressedSize, maxEntryBytes);
  };
  return {
    count,
    path: (i) => directory.name(positions[i]),
    size: (i) => directory.entry(positions[i]).compressedSize,
    entry: (i): RawEntry => {
      const entry = directory.entry(positions[i]);
      return {
        path: entry.name,
        read: async () => (fits(entry), decodeText(await inflateEntry(source, entry, file, codec))),
        bytes: async () => (fits(entry), inflateEntry(source, entry, file, codec)),
        readSync: readSync && (() => (fits(entry), decodeText(inflateEntrySync(readSync, source.size, entry, file, codec)))),
        size: entry.compressedSize,
      };
    },
  };
}
