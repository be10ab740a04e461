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

/**
 * `--max-semi-space-size` as V8 took it for this process, else V8's default: the last one given,
 * NODE_OPTIONS before the command line (a relaunched CLI job has the runtime flags first and a
 * user's own after them, and V8 keeps the last).
 */
export function semiSpaceMb(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): number {
  let megabytes = DEFAULT_SEMI_SPACE_MB;
  for (const option of [...nodeOptions.split(/\s+/), ...execArgv]) {
    const given = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(option);
    if (given) megabytes = Number(given[1]);
  }
  return megabytes;
}
