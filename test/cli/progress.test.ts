import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from '../hardening/harness.js';
import { runInTerminal } from '../helpers/terminal.js';
import { SAMPLES } from '../helpers/samples.js';

// 10 documents × 4 cabinets: 40 documents with --cabinet all.
const AUDIO = path.join(SAMPLES, 'audio-json-advanced', '_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip');
// "| 0.2 MB read": the bytes of the input behind the documents done (ZIP entries as stored).
const BAR = /converting [█░]{24} (\d+)\/40 documents \| (\d+\.\d) MB read \| (?:[\d.]+ docs\/s|… \/s) \| \S+ left/g;

let dir = '';
const out = async (name: string) => {
  dir ||= await fs.mkdtemp(path.join(os.tmpdir(), 'dx-progress-'));
  return path.join(dir, name);
};
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('progress on a terminal', () => {
  it('convert shows documents done/total, MB read, rate and time left, then the summary', async () => {
    const { code, output } = await runInTerminal(['convert', AUDIO, '--cabinet', 'all', '-t', 'TSV_IOB', '-o', await out('tty')]);
    expect(code, output).toBe(0);
    const frames = [...output.matchAll(BAR)];
    expect(frames.length, output.slice(0, 2000)).toBeGreaterThanOrEqual(1);
    // The last frame is the finished state.
    expect(frames.at(-1)![1]).toBe('40');
    // Every entry read once: more than nothing, no more than the ZIP itself.
    const megabytesRead = Number(frames.at(-1)![2]);
    expect(megabytesRead).toBeGreaterThan(0);
    expect(megabytesRead).toBeLessThanOrEqual(Math.ceil((await fs.stat(AUDIO)).size / 1e5) / 10);
    // Redrawn in place (carriage control), and the summary line stays.
    expect(output).toMatch(/\u001b\[1G/);
    expect(output).toMatch(/wrote 40 file\(s\) for 40 document\(s\) to /);
  });

  it('inspect shows the documents read', async () => {
    const { code, output } = await runInTerminal(['inspect', AUDIO]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/reading [█░]{24} 40\/40 documents \| \d+\.\d MB read \|/);
  });

  it('--quiet: no progress, the summary stays', async () => {
    const { code, output } = await runInTerminal(['convert', AUDIO, '--cabinet', 'all', '-t', 'TSV_IOB', '-o', await out('quiet'), '--quiet']);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/converting|[█░]/);
    expect(output).toMatch(/wrote 40 file\(s\) for 40 document\(s\)/);
  });
});

describe('progress off a terminal', () => {
  it('stderr holds no progress characters when it is a pipe', async () => {
    const { code, stdout, stderr } = await runChild(['convert', AUDIO, '--cabinet', 'all', '-t', 'TSV_IOB', '-o', await out('pipe')]);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/[\r\u001b█░]|converting|documents \|/);
    expect(stdout).toMatch(/^wrote 40 file\(s\) for 40 document\(s\) to /);
  });
});
