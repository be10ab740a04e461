import fc from 'fast-check';

/**
 * Run settings shared by every property file.
 *
 * - `PROPERTY_RUNS=<n>`: runs per property (default below). Use e.g. `PROPERTY_RUNS=2000` for a
 *   longer local hunt; the defaults keep the whole suite well under two minutes on two cores.
 * - `PROPERTY_SEED=<int>`: replay. fast-check prints `seed` and `path` when a property fails;
 *   `PROPERTY_SEED=<seed> PROPERTY_PATH=<path> npx vitest run test/property/<file>` replays exactly
 *   the failing case (the seed alone replays the whole run, which reaches the same failure).
 */
export function propertyParams<T>(defaultRuns: number): fc.Parameters<T> {
  const runs = Number(process.env.PROPERTY_RUNS);
  const seed = process.env.PROPERTY_SEED;
  const path = process.env.PROPERTY_PATH;
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
    // The counterexample, seed and path in the failure message are what a replay needs.
    verbose: fc.VerbosityLevel.None,
  };
}

/**
 * Default runs for properties whose single run converts a document through every format. The
 * two-exports property (with the PDF writer) takes ~30 s at this count on one core; the whole
 * suite ~35 s on two.
 */
export const HEAVY_RUNS = 100;
/** Default runs for cheap properties (one serialization, one parse). */
export const LIGHT_RUNS = 300;

/**
 * Per-test timeout for property tests (vitest's default here is 60 s): generous by default so a
 * slow CI machine does not fail a passing property, and unbounded in practice for long local runs
 * (`PROPERTY_RUNS`).
 */
export const PROPERTY_TIMEOUT = process.env.PROPERTY_RUNS ? 6 * 60 * 60_000 : 180_000;
