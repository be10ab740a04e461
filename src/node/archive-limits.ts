import v8 from 'node:v8';
import { DEFAULT_LIMITS, entryLimitForHeap, resolveLimits, type ArchiveLimits } from '../core/read/zip-entries.js';

/**
 * The limits in this Node process: one document may be as large as this process's heap can parse
 * (`--max-old-space-size`, or a worker's resource limits, sets it), not what a 4 GiB heap could.
 */
export function nodeArchiveLimits(given?: Partial<ArchiveLimits>): ArchiveLimits {
  return resolveLimits(given, Object.assign({}, DEFAULT_LIMITS, { maxEntryBytes: entryLimitForHeap(heapAtDefaultYoungGeneration(v8.getHeapStatistics().heap_size_limit, semiSpaceMb())) }));
}

/** V8's largest semi-space on 64-bit platforms unless `--max-semi-space-size` says otherwise (Node 20–22). */
const DEFAULT_SEMI_SPACE_MB = 16;

/**
 * The heap limit this process would have with V8's default young generation (three semi-spaces'
 * worth: two semi-spaces and the young large-object space). A large document is held in the old
 * generation, so a smaller young generation, as the CLI's runtime flags make (src/cli/runtime-flags.ts,
 * 24 MB less), must not lower the size one document may have.
 */
export function heapAtDefaultYoungGeneration(heapSizeLimit: number, semiSpaceMegabytes: number): number {
  return heapSizeLimit + 3 * (DEFAULT_SEMI_SPACE_MB - semiSpaceMegabytes) * 2 ** 20;
}

/** `--max-semi-space-size` as given to this process (its command line or NODE_OPTIONS), else V8's default. */
function semiSpaceMb(): number {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const option of options) {
    const given = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(option);
    if (given) return Number(given[1]);
  }
  return DEFAULT_SEMI_SPACE_MB;
}
