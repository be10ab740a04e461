import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signBody } from '../../src/client/signature.js';
import { expectClean, expectCleanError, listFiles, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 11: the webhook receiver saved two deliveries with the same file name
 * (`…/a/export.zip`, `…/b/export.zip`) to one path, the second overwriting the first; a replayed
 * request downloaded again; a `file://` link was retried five times.
 */
const SECRET = 'item11-secret';

describe('item 11: webhook deliveries', () => {
  it('two files of one name are both kept, a replay downloads nothing, a file:// link is refused at once', async () => {
    const box = await sandbox('item11');
    const requests: string[] = [];
    const files = createServer((req, res) => {
      requests.push(req.url!.replace(/\?.*/, ''));
      const body = `zip bytes of ${req.url!.split('/')[1]}`;
      res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/zip' });
      res.end(body);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      let pid = 0;
      let announce: (url: string) => void = () => undefined;
      const listening = new Promise<string>((resolve) => (announce = resolve));
      const run = runChild(['webhook', '--secret', SECRET, '--out', box.out], {
        timeoutMs: 60_000,
        onSpawn: (p) => (pid = p),
        onStdout: (stdout) => {
          const url = /listening on (\S+);/.exec(stdout)?.[1];
          if (url) announce(url);
        },
      });
      const url = await listening;
      const deliver = async (fileUrl: string, projectId: string) => {
        const body = JSON.stringify({ userId: 1, fileUrl, projectId });
        const res = await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(body, SECRET) }, body });
        return { status: res.status, text: await res.text() };
      };
      expect(await deliver(`${base}/a/export.zip?X-Amz-Signature=s1`, 'A')).toEqual({ status: 200, text: '{}' });
      expect(await deliver(`${base}/b/export.zip?X-Amz-Signature=s2`, 'B')).toEqual({ status: 200, text: '{}' });
      await expect.poll(() => listFiles(box.out), { timeout: 20_000 }).toHaveLength(2);
      // The same signed body again, as an attacker or a retrying sender would send it.
      expect(await deliver(`${base}/a/export.zip?X-Amz-Signature=s1`, 'A')).toEqual({ status: 200, text: '{"replay":true}' });
      expect(await deliver('file:///etc/passwd', 'F')).toEqual({ status: 200, text: '{}' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.kill(pid, 'SIGINT');
      const result = await run;

      expectCleanError(result.stderr);
      expect(result.code).toBe(1);
      expect(requests.sort()).toEqual(['/a/export.zip', '/b/export.zip']);
      const kept = await expectClean(box);
      expect(kept).toEqual(['export (2).zip', 'export.zip']);
      expect((await Promise.all(kept.map((f) => fs.readFile(path.join(box.out, f), 'utf8')))).sort()).toEqual(['zip bytes of a', 'zip bytes of b']);
      expect(result.stderr).toMatch(/ignored a replayed delivery for project A: the same signed body arrived at \S+; nothing downloaded again/);
      // Refused before any fetch (the retries it had are counted in test/client/download.test.ts).
      expect(result.stderr).toMatch(/error \[API_ERROR\] download file:\/\/\/etc\/passwd refused: only http and https links are fetched, not file:/);
      expect(result.stdout.match(/^downloaded /gm)).toHaveLength(2);
    } finally {
      files.closeAllConnections();
      await new Promise((resolve) => files.close(resolve));
    }
  }, 60_000);
});
