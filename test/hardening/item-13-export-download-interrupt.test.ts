import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { expectClean, expectCleanError, listFiles, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 13, the export part (the conversion part is the staged writer's): Ctrl-C during an
 * export download left `*.zip.part-*`. The download now stops on SIGINT, removes its part file, and
 * the command exits 130 saying nothing was converted.
 */
const TOKEN_ZIP = path.resolve(__dirname, '../../fixtures/token-project.zip');

describe('item 13 (export download): Ctrl-C', () => {
  it('SIGINT while the export downloads: exit 130, no part file, nothing converted', async () => {
    const box = await sandbox('item13-export');
    // 4.5 KB at 300 B/s: the download takes about 15 s, time enough to interrupt it.
    const sim = await startSimulator({ projectPaths: [TOKEN_ZIP], queuedMs: 10, processingMs: 10, slowLinkBytesPerSecond: 300 });
    try {
      const saved = path.join(box.out, 'saved');
      let pid = 0;
      const run = runChild(['export', '--project', 'FxTok3n01', '--to', 'TSV_IOB', '--out', path.join(box.out, 'converted'), '--save-export', saved, '--timeout', '120'], {
        timeoutMs: 90_000,
        onSpawn: (p) => (pid = p),
        env: { DATASAUR_BASE_URL: sim.baseUrl, DATASAUR_CLIENT_ID: sim.clientId, DATASAUR_CLIENT_SECRET: sim.clientSecret },
      });
      // Interrupt once the part file exists (the download has started).
      await expect.poll(async () => (await listFiles(saved)).filter((f) => /\.zip\.part-/.test(f)), { timeout: 60_000, interval: 100 }).toHaveLength(1);
      process.kill(pid, 'SIGINT');
      const result = await run;
      expectCleanError(result.stderr);
      expect(result.code).toBe(130);
      expect(result.stderr).toMatch(/error \[ABORTED\] interrupted \(SIGINT\) during the export: nothing was converted and no partial download was kept/);
      expect(await expectClean(box)).toEqual([]);
      await expect(fs.stat(path.join(box.out, 'converted'))).rejects.toThrow();
    } finally {
      await sim.close();
    }
  }, 120_000);
});
