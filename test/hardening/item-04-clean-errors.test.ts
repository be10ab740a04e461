import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { signBody } from '../../src/client/signature.js';
import { runCli } from '../../src/cli/main.js';
import { MAX_OUTPUT_NAME_BYTES } from '../../src/core/model/naming.js';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 4: internal errors (exit 70, "This is a bug") where a clean result or a clean error
 * was due: a NUL in a document name, names of 250–300 characters (the temporary prefix pushed
 * them past 255 bytes), more than 16,384 columns in the XLSX writer, a download cut mid-way.
 * (The bogus ZIP64 locator of item 4 is tested with the ZIP reader's items.)
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/** A ZIP in the export layout whose documents carry the given names (inside and in the entry). */
async function zipOfNames(projectFolder: string, names: string[]): Promise<Buffer> {
  const text = await fs.readFile(FIXTURE, 'utf8');
  const zip = new JSZip();
  for (const name of names) {
    const value = JSON.parse(text) as { data: { document: { name: string } } };
    value.data.document.name = name;
    zip.file(`${projectFolder}/REVIEW/${name}.json`, JSON.stringify(value));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('item 4: clean results instead of "This is a bug"', () => {
  it('a NUL in a document name and names of 250–300 characters: every document written under a name the file system holds, each change named', async () => {
    const box = await sandbox('item04-names');
    const names = ['nul\u0000inside.txt', `${'a'.repeat(250)}.txt`, `${'b'.repeat(300)}.txt`, `${'ü'.repeat(140)}.txt`, 'ok.txt'];
    const project = `${'Long project '.repeat(20)}-P1`;
    await fs.writeFile(box.input('names.zip'), await zipOfNames(project, names));
    const run = await runChild(['convert', box.input('names.zip'), '--to', 'TSV_IOB,DATASAUR_SCHEMA', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    expect(files).toHaveLength(names.length * 2);
    for (const file of files) for (const part of file.split(path.sep)) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_OUTPUT_NAME_BYTES);
    expect(files.some((f) => f.endsWith(`${path.sep}ok.txt.tsv`))).toBe(true);
    expect(files.some((f) => f.endsWith(`${path.sep}nul_inside.txt.tsv`))).toBe(true);
    expect(files.filter((f) => /~[0-9a-f]{8}\.txt\.json$/.test(f))).toHaveLength(3);
    // The shortened DATASAUR_SCHEMA files still hold the full document names.
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      const name = (JSON.parse(await fs.readFile(path.join(box.out, file), 'utf8')) as { data: { document: { name: string } } }).data.document.name;
      expect(names).toContain(name);
    }
    const changed = (await readReport(box.report)).filter((m) => m.kind === 'OutputNameChanged');
    expect(changed.every((m) => m.severity === 'warning')).toBe(true);
    // The project folder once; four document names in each of the two formats.
    expect(changed.filter((m) => m.text.startsWith('project folder'))).toHaveLength(1);
    expect(changed.filter((m) => m.text.startsWith('file name')).map((m) => m.document).sort()).toEqual([...names.slice(0, 4), ...names.slice(0, 4)].sort());
  });

  it('more than 16,384 columns: XLSX holds the first 16,384 and names the cut, the other formats hold every column', async () => {
    const box = await sandbox('item04-columns');
    const width = 16_400;
    const columns = Array.from({ length: width }, (_, c) => `c${c}`);
    await fs.writeFile(box.input('wide.csv'), `${columns.join(',')}\r\n${columns.map((c) => `v${c}`).join(',')}\r\n`);
    // Named explicitly: content detection looks at the first 64 KiB, and this header alone is wider.
    const run = await runChild(['convert', box.input('wide.csv'), '--input-format', 'CSV', '--to', 'XLSX,CSV', '--out', box.out, '--report', box.report]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    expect(files.map((f) => path.extname(f)).sort()).toEqual(['.csv', '.xlsx']);
    const csv = await fs.readFile(path.join(box.out, files.find((f) => f.endsWith('.csv'))!), 'utf8');
    expect(csv.split('\r\n')[1].split(',')).toHaveLength(width);
    const cut = (await readReport(box.report)).filter((m) => m.kind === 'ColumnsCut');
    expect(cut.map((m) => [m.severity, m.text])).toEqual([['warning', expect.stringContaining(`columns 16385–${width} (from "c16384") were left out of the workbook`)]]);
  });

  it('a download cut mid-way: retried per policy, then a clean error naming the link without its signature, no .part file', async () => {
    const box = await sandbox('item04-download');
    let requests = 0;
    const files = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-length': '100000', 'content-type': 'application/zip' });
      res.write(Buffer.alloc(20_000), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    try {
      const fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/exports/x/export.zip?X-Amz-Signature=TOPSECRETSIG`;
      let stdout = '';
      let stderr = '';
      let announce: (url: string) => void = () => undefined;
      const listening = new Promise<string>((resolve) => (announce = resolve));
      const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) });
      const command = runCli(['webhook', '--secret', 'hook-secret', '--out', box.out, '--once', '--timeout', '60'], {
        stdout: sink((s) => {
          stdout += s;
          const url = /listening on (\S+);/.exec(stdout)?.[1];
          if (url) announce(url);
        }),
        stderr: sink((s) => (stderr += s)),
      });
      const body = JSON.stringify({ userId: 1, fileUrl, projectId: 'P1' });
      const delivered = await fetch(await listening, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(body, 'hook-secret') }, body });
      expect(delivered.status).toBe(200);
      expect(await command).toBe(1);
      expectCleanError(stderr);
      expect(stderr).toMatch(/error \[API_ERROR\] download http:\/\/127\.0\.0\.1:\d+\/exports\/x\/export\.zip\?X-Amz-Signature=\[REDACTED\] was cut 5 time\(s\)/);
      expect(stderr).not.toContain('TOPSECRETSIG');
      expect(requests).toBe(5);
      expect(await expectClean(box)).toEqual([]);
    } finally {
      files.closeAllConnections();
      await new Promise((resolve) => files.close(resolve));
    }
  }, 60_000);
});
