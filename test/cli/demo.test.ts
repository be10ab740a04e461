import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredFormats } from '../../src/core/formats/registry.js';
import { cli } from '../helpers/cli.js';
import { listFiles, tempDir } from '../client/helpers.js';

describe('datasaur-export demo (npm run demo)', () => {
  it('exports the bundled projects through the simulator and writes at least one file of every registered format', async () => {
    const dir = await tempDir('dx-demo-');
    try {
      const out = join(dir, 'out');
      const run = await cli('demo', '--out', out);
      expect(run.code, run.stderr).toBe(0);
      // One export of several projects (token, row, document questions, boxes), as a user's export would be.
      expect(run.stderr).toMatch(/running: datasaur-export export --project FxTok3n01,FxR0ws01,FxD0cQ01,FxB0x01 --to all/);
      const files = await listFiles(out);
      const missing = registeredFormats().map((w) => w.name).filter((name) => !files.some((f) => f.startsWith(`${name}/`)));
      expect(missing, 'registered formats with no file in out/').toEqual([]);
      // Nothing but format folders at the top.
      expect((await readdir(out)).sort()).toEqual([...new Set(files.map((f) => f.split('/')[0]!))].sort());
      // Running it again replaces the previous results.
      expect((await cli('demo', '--out', out)).code).toBe(0);
      expect(await listFiles(out)).toEqual(files);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
