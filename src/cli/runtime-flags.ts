/**
 * V8 settings the CLI's long jobs run with, so a conversion's peak memory does not depend on how
 * many documents it converts (issue 15; bench/README.md, "Flat memory"). Both are V8 heuristics
 * that suit a program whose live set grows, not one that holds a single document at a time:
 *
 * - `--max-semi-space-size=8`: V8 doubles a young-generation semi-space (8 → 16 MB here) once the
 *   bytes that survived scavenges since its last growth pass its size. A converter's survivors are
 *   the document in flight, ~26 KB per scavenge, so the count only grows with the run: on scenario
 *   b the 20,000-document run crossed it in some runs and not in others (peak 90 or 108 MB). At
 *   8 MB the CPU was the same within noise (b 2.54–2.72 s against 2.59–2.74; c and p unchanged).
 * - `--no-allocation-site-pretenuring`: when the objects of one allocation site happen to survive a
 *   scavenge together (one document's lists), V8 may allocate that site's objects straight in the
 *   old generation from then on, where they stay until a full GC: in half of the 5,000-document
 *   runs the heap then grew by ~480 KB per scavenge (peak 105 MB instead of 83–86).
 *
 * With both, b peaked at 83–87 MB for 5,000 documents and 89–92 MB for 20,000 (10 runs each).
 * Neither can be changed once the process runs (the semi-space's limit is fixed when the heap is
 * made), so the CLI starts its long jobs in a child process that has them (`relaunch.ts`); the
 * bench starts its cases with them too, to measure what the CLI does. A program that embeds the
 * library gets the same by passing them to `node` (README, "Memory").
 */
export const RUNTIME_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--no-allocation-site-pretenuring'];

/** Commands that convert documents (a whole export, however many documents it holds). */
const LONG_JOBS = new Set(['convert', 'export', 'demo']);

/** Set in the child's environment: it never relaunches again, whatever its flags. */
export const RELAUNCHED = 'DATASAUR_EXPORT_RELAUNCHED';

/**
 * Node options that watch this process (a debugger, a profiler): the conversion must then run in
 * it, or the child would fight over the inspector's port and the profile would show an idle parent.
 */
const WATCHING = /^--(inspect|inspect-brk|inspect-wait|cpu-prof|heap-prof|prof)(=|$|-)/;

/**
 * Whether this invocation should run in a child process with `RUNTIME_FLAGS`: a long job, on a
 * platform with POSIX signals (Windows has none to pass on), started without the flags and
 * without a debugger or profiler attached.
 */
export function needsRelaunch(args: readonly string[], execArgv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'win32' || env[RELAUNCHED] || execArgv.some((option) => WATCHING.test(option))) return false;
  const command = args.find((arg) => !arg.startsWith('-'));
  if (!command || !LONG_JOBS.has(command)) return false;
  return !RUNTIME_FLAGS.every((flag) => execArgv.includes(flag));
}
