import { createWriteStream, existsSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';
import type { OutputContent } from '../core/formats/types.js';

/**
 * Writes outputs atomically: each file goes to a temporary name beside its target and is renamed
 * only when the whole run commits, so a failed or `--strict` run leaves no partial output and an
 * interrupted write never leaves a half file under the final name.
 */
export class StagedWriter {
  private readonly staged = new Map<string, string>();
  /** Folders this run created, so a discarded run leaves no empty folders behind either. */
  private readonly createdFolders: string[] = [];
  /** Folders known to exist: one mkdir per folder, not per file (20,000 files in one folder). */
  private readonly readyFolders = new Set<string>();
  /** Temporary names: this process, a random run id and a counter (no random bytes per file). */
  private readonly runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private counter = 0;

  constructor(private readonly force: boolean) {}

  /** Stages one file; refuses to replace an existing file unless `force`. */
  async stage(target: string, content: OutputContent): Promise<void> {
    if (this.staged.has(target)) {
      throw new InputError('OUTPUT_EXISTS', 'two outputs of this run would have the same name', { file: target, hint: 'Use --flat only when document names are unique.' });
    }
    if (!this.force && existsSync(target)) {
      throw new InputError('OUTPUT_EXISTS', 'the output file already exists', { file: target, hint: 'Pass --force to overwrite it, or choose another --out folder.' });
    }
    const folder = path.dirname(target);
    if (!this.readyFolders.has(folder)) {
      const created = await fs.mkdir(folder, { recursive: true });
      if (created) this.createdFolders.push(created);
      this.readyFolders.add(folder);
    }
    const temp = path.join(folder, `.tmp-${path.basename(target)}-${this.runId}-${++this.counter}`);
    this.staged.set(target, temp);
    try {
      // Content already in memory is written synchronously: the run waits for it anyway, and a
      // promise-based write per file cost more than the write itself on ZIPs of small documents.
      if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temp, content);
      else await pipeline(Readable.from(toBuffers(content)), createWriteStream(temp));
    } catch (error) {
      await fs.rm(temp, { force: true });
      this.staged.delete(target);
      throw error;
    }
  }

  get count(): number {
    return this.staged.size;
  }

  /** Renames every staged file to its target; returns the targets. */
  async commit(): Promise<string[]> {
    const done: string[] = [];
    for (const [target, temp] of this.staged) {
      await fs.rename(temp, target);
      done.push(target);
    }
    this.staged.clear();
    return done;
  }

  /** Removes every staged file (failed or strict run). */
  async discard(): Promise<void> {
    await Promise.all([...this.staged.values()].map((temp) => fs.rm(temp, { force: true })));
    this.staged.clear();
    this.readyFolders.clear();
    for (const folder of this.createdFolders.reverse()) await removeEmptyFolders(folder);
    this.createdFolders.length = 0;
  }
}

async function* toBuffers(content: AsyncIterable<string | Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of content) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Removes `folder` and its sub-folders when they hold no file. */
async function removeEmptyFolders(folder: string): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => null);
  if (!entries) return;
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyFolders(path.join(folder, entry.name));
  await fs.rmdir(folder).catch(() => undefined);
}
