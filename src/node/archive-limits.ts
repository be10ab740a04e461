import v8 from 'node:v8';
import { DEFAULT_LIMITS, entryLimitForHeap, resolveLimits, type ArchiveLimits } from '../core/read/zip-entries.js';

/**
 * The limits in this Node process: one document may be as large as this process's heap can parse
 * (`--max-old-space-size`, or a worker's resource limits, sets it), not what a 4 GiB heap could.
 */
export function nodeArchiveLimits(given?: Partial<ArchiveLimits>): ArchiveLimits {
  return resolveLimits(given, Object.assign({}, DEFAULT_LIMITS, { maxEntryBytes: entryLimitForHeap(v8.getHeapStatistics().heap_size_limit) }));
}
