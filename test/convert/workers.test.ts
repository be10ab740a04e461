import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { convert } from '../../src/node/convert.js';
import { isInputError } from '../../src/core/errors.js';
import type { FormatName } from '../../src/core/formats/types.js';

const AUDIO = path.resolve('../shared/samples/audio-json-advanced/_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip');
const folders: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convert-workers-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Output files (relative names → bytes) and report messages of one run. */
async function run(workers: number, to: FormatName[], cabinet = 'all') {
  const out = outDir();
  const progress: number[] = [];
  const result = await convert({ input: AUDIO, to, outDir: out, cabinet, workers, onDocument: (done) => progress.push(done) });
  const written = (readdirSync(out, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  expect(written).toHaveLength(result.written);
  const files = Object.fromEntries(written.map((f) => [path.relative(out, f), readFileSync(f).toString('base64')]));
  return { files, messages: result.report.messages, documents: result.documents, progress, exitCode: result.exitCode };
}

describe('convert with worker threads', () => {
  it('writes the same files, report (in the same order) and progress as one thread', async () => {
    const formats: FormatName[] = ['TSV_IOB', 'JSON_ADVANCED', 'AMAZON_COMPREHEND_CSV'];
    const single = await run(1, formats);
    const parallel = await run(2, formats);
    expect(Object.keys(single.files).length).toBeGreaterThan(20);
    expect(parallel.files).toEqual(single.files);
    expect(parallel.messages).toEqual(single.messages);
    expect(parallel.documents).toEqual(single.documents);
    expect(parallel.progress).toEqual(single.progress);
    expect(parallel.exitCode).toBe(single.exitCode);
  }, 120_000);

  it('stops at the first error, discards its staged files and throws what one thread throws', async () => {
    const out = outDir();
    await convert({ input: AUDIO, to: ['TSV_IOB'], outDir: out, cabinet: 'all' });
    const before = readdirSync(out, { recursive: true }).sort();
    // The outputs exist now: without --force the run must stop, the same way with workers.
    const parallel = await convert({ input: AUDIO, to: ['TSV_IOB'], outDir: out, cabinet: 'all', workers: 2 }).catch((e: unknown) => e);
    const single = await convert({ input: AUDIO, to: ['TSV_IOB'], outDir: out, cabinet: 'all', workers: 1 }).catch((e: unknown) => e);
    expect(isInputError(parallel) && parallel.code).toBe('OUTPUT_EXISTS');
    expect((parallel as Error).message).toBe((single as Error).message);
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(before);
  }, 120_000);

  it('starts its workers while the input is opened and stops them when the run cannot use them', async () => {
    const { liveWorkers } = await import('../../src/node/convert-parallel.js');
    // One document file: opened as a document, converted on this thread, no worker started.
    const single = path.resolve('fixtures/token-project/REVIEW', readdirSync('fixtures/token-project/REVIEW')[0]);
    const one = await convert({ input: single, to: ['TSV_IOB'], outDir: outDir(), workers: 2 });
    expect(one.documents.converted).toBe(1);
    expect(liveWorkers()).toBe(0);
    // A ZIP that cannot be opened: the workers started for it are stopped with the run's error.
    const dir = outDir();
    const broken = path.join(dir, 'broken.zip');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    const failed = await convert({ input: broken, to: ['TSV_IOB'], outDir: path.join(dir, 'out'), workers: 2 }).catch((e: unknown) => e);
    const alone = await convert({ input: broken, to: ['TSV_IOB'], outDir: path.join(dir, 'out'), workers: 1 }).catch((e: unknown) => e);
    expect(isInputError(failed)).toBe(true);
    expect((failed as Error).message).toBe((alone as Error).message);
    expect(liveWorkers()).toBe(0);
    // More workers than documents (three in the fixture's cabinets): one thread's documents and
    // messages, and no worker left.
    const three = { input: path.resolve('fixtures/token-project.zip'), to: ['TSV_IOB'] as FormatName[], cabinet: 'all' };
    const many = await convert(Object.assign({ outDir: outDir(), workers: 5 }, three));
    const lone = await convert(Object.assign({ outDir: outDir(), workers: 1 }, three));
    expect(many.documents).toEqual({ converted: 3, skipped: 0 });
    expect(many.report.messages).toEqual(lone.report.messages);
    expect(liveWorkers()).toBe(0);
    // And after a run that used them, none is left either.
    await run(2, ['TSV_IOB']);
    expect(liveWorkers()).toBe(0);
  }, 120_000);
});


describe('convert --workers on the command line', () => {
  it('writes what one thread writes, and refuses a count that is not a whole number', async () => {
    const { cli } = await import('../helpers/cli.js');
    const one = outDir();
    const two = outDir();
    expect((await cli('convert', AUDIO, '--to', 'TSV_IOB', '--out', one, '--cabinet', 'all')).code).toBe(0);
    expect((await cli('convert', AUDIO, '--to', 'TSV_IOB', '--out', two, '--cabinet', 'all', '--workers', '2')).code).toBe(0);
    const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();
    expect(files(two)).toEqual(files(one));
    for (const file of files(one).filter((f) => f.endsWith('.tsv'))) expect(readFileSync(path.join(two, file))).toEqual(readFileSync(path.join(one, file)));
    const bad = await cli('convert', AUDIO, '--to', 'TSV_IOB', '--out', outDir(), '--workers', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers/);
  }, 120_000);
});
