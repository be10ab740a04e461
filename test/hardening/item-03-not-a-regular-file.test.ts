import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 3: `convert /dev/zero` grew to 10 GB. Inputs that are neither regular files nor
 * folders (devices, FIFOs, sockets) are refused before anything is read (exit 2); inside a folder
 * such entries are named and the rest converts.
 */
const DOCUMENT = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');
/** A heap cap and a time limit: reading /dev/zero or waiting on a FIFO shows as a failure in seconds. */
const GUARD = { maxOldSpaceMb: 256, timeoutMs: 60_000 };

function mkfifo(file: string): void {
  try {
    execFileSync('mkfifo', [file]);
  } catch (error) {
    throw new Error(`mkfifo (coreutils) is needed for this test and failed: ${(error as Error).message}`);
  }
}

describe('item 3: inputs that are not regular files or folders', () => {
  it('a device (/dev/zero, /dev/null), a FIFO and a socket are refused before reading: exit 2, NOT_A_FILE', async () => {
    const box = await sandbox('item03');
    const fifo = box.input('pipe.json');
    mkfifo(fifo);
    const socketPath = box.input('socket.zip');
    const server = createServer().listen(socketPath);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const cases: Array<[string, RegExp]> = [
        ['/dev/zero', /a character device/],
        ['/dev/null', /a character device/],
        [fifo, /a FIFO \(named pipe\)/],
        [socketPath, /a socket/],
      ];
      for (const [input, kind] of cases) {
        // inspect opens inputs the same way; once is enough to show it.
        for (const command of input === '/dev/zero' ? ['convert', 'inspect'] : ['convert']) {
          const args = command === 'convert' ? ['convert', input, '--to', 'PLAIN', '--out', box.out, '--report', box.report] : ['inspect', input];
          const run = await runChild(args, GUARD);
          expectCleanError(run.stderr);
          expect(run.signal, `${command} ${input}`).toBeNull();
          expect(run.code, `${command} ${input}: ${run.stderr}`).toBe(2);
          expect(run.stderr).toContain(`error [NOT_A_FILE] ${input}`);
          expect(run.stderr).toMatch(kind);
        }
      }
      expect(await expectClean(box)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 180_000);

  it('in a folder, a FIFO and a link to a folder are named in the report and skipped; a link to a document is read; the rest converts', async () => {
    const box = await sandbox('item03-folder');
    const review = box.input('export', 'Proj-1', 'REVIEW');
    await fs.mkdir(review, { recursive: true });
    await fs.copyFile(DOCUMENT, path.join(review, 'curie.txt.json'));
    // The link's target lies outside the input folder, under another document name.
    const linked = JSON.parse(await fs.readFile(DOCUMENT, 'utf8')) as { data: { document: { name: string } } };
    linked.data.document.name = 'linked.txt';
    await fs.mkdir(box.input('elsewhere'));
    await fs.writeFile(box.input('elsewhere', 'target.json'), JSON.stringify(linked));
    await fs.symlink(box.input('elsewhere', 'target.json'), path.join(review, 'linked.txt.json'));
    await fs.symlink(review, path.join(review, 'loop'));
    mkfifo(path.join(review, 'pipe.txt.json'));
    const run = await runChild(['convert', box.input('export'), '--to', 'PLAIN', '--out', box.out, '--report', box.report], GUARD);
    expectCleanError(run.stderr);
    expect(run.code, run.stderr).toBe(0);
    const files = await expectClean(box);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['curie.txt', 'linked.txt']);
    const ignored = (await readReport(box.report)).filter((m) => m.kind === 'InputFileIgnored');
    expect(ignored.map((m) => m.text)).toEqual([
      expect.stringMatching(/^1 file\(s\) not read: not a regular file \(a FIFO, socket or device\): .*pipe\.txt\.json/),
      expect.stringMatching(/^1 file\(s\) not read: a link to a folder \(not followed\): .*loop/),
    ]);
  }, 120_000);
});
