import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapAtDefaultYoungGeneration, semiSpaceMb } from '../../src/node/archive-limits.js';
import { RUNTIME_FLAGS } from '../../src/cli/runtime-flags.js';

/**
 * The per-document limit follows the heap (issue 14 item 1). The CLI's runtime flags make the
 * young generation 24 MB smaller (issue 15, src/cli/runtime-flags.ts); that must not lower the
 * size one document may have, which lives in the old generation.
 */
const ROOT = path.resolve(__dirname, '../..');
const MB = 2 ** 20;

function entryLimitIn(nodeOptions: string[]): number {
  const code = `import { nodeArchiveLimits } from ${JSON.stringify(path.join(ROOT, 'src/node/archive-limits.ts'))}; console.log(nodeArchiveLimits().maxEntryBytes);`;
  return Number(execFileSync(process.execPath, [...nodeOptions, '--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim());
}

describe('the per-document limit and the young generation', () => {
  it('is counted as with V8 default young generation (three 16 MB semi-spaces)', () => {
    expect(heapAtDefaultYoungGeneration(280 * MB, 8)).toBe(304 * MB);
    expect(heapAtDefaultYoungGeneration(304 * MB, 16)).toBe(304 * MB);
  });

  it("reads the semi-space size V8 took: the last given, the command line's after NODE_OPTIONS", () => {
    expect(semiSpaceMb([], '')).toBe(16);
    expect(semiSpaceMb(['--max-semi-space-size=8', '--max-semi-space-size=32'], '')).toBe(32);
    expect(semiSpaceMb(['--max_semi_space_size=4'], '--max-semi-space-size=8')).toBe(4);
    expect(semiSpaceMb([], '--max-old-space-size=256 --max-semi-space-size=8')).toBe(8);
  });

  it('is the same in a process started with the runtime flags as without them', () => {
    const plain = entryLimitIn(['--max-old-space-size=256']);
    expect(entryLimitIn(['--max-old-space-size=256', ...RUNTIME_FLAGS])).toBe(plain);
    // And it does follow the heap.
    expect(entryLimitIn(['--max-old-space-size=512'])).toBeGreaterThan(plain);
  }, 60_000);
});
