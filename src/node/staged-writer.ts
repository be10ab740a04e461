import { createWriteStream, existsSync, mkdirSync, promises as fs, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';
import type { OutputContent } from '../core/formats/types.js';
import type { Report } from '../core/report/report.js';
import { key, OutputNames, type EntryKind } from './output-names.js';
import { uniqueSuffix } from './unique-suffix.js';

/** Left in `--out` while a commit runs; a run that finds it knows the last commit did not finish. */
export const COMMIT_MARKER = '.datasaur-export-incomplete';
/** The staging folder's name starts with this (inside `--out`, so commits are renames on one file system). */
export const STAGING_PREFIX = '.tmp-datasaur-export-';
/**
 * Inside the staging folder, beside the outputs' layout (whose top level is format names): files
 * a worker could not write at their path (taken by another output), and outputs whose name check
 * moved them (` (2)`). Neither is part of the layout; the commit moves what is in them.
 */
export const ASIDE = '.aside';
export const RENAMED = '.renamed';
/** Longest stretch of synchronous writes before the event loop gets a turn (signals, progress). */
const EVENT_LOOP_TURN_MS = 10;

export interface StagedWriterOptions {
  /** Overwrite existing outputs (otherwise an existing one stops the run before anything is written). */
  force: boolean;
}

export interface CommitSummary {
  /** Files committed. */
  files: number;
  /** Top-level entries of `--out` that hold this run's files (`TSV_IOB`, …), sorted. */
  entries: string[];
}

/**
 * Writes a run's outputs atomically and without per-file overhead. Every file goes into one
 * staging folder inside `--out` (`.tmp-datasaur-export-<pid>-<random>/`, the outputs' layout),
 * written while the run goes on.
 * The commit renames whole folders where the target does not exist yet, and only descends into
 * folders that already exist; nothing is moved before it, so a failed, `--strict` or interrupted
 * run leaves `--out` as it was. Existing outputs are found by one directory listing per target
 * folder, not one check per file.
 *
 * Two outputs of the run that would share a path (or differ only by case) are kept apart: the
 * later one gets a ` (2)` suffix and an OutputRenamed warning.
 */
export class StagedWriter {
  readonly outDir: string;
  readonly stagingDir: string;
  private readonly names = new OutputNames();
  private readonly disk: DiskListings;
  /** Staging folders already made (relative). */
  private readonly made = new Set<string>();
  /** Staging folders an adopted file was moved out of (emptied folders are removed before the commit). */
  private readonly emptied = new Set<string>();
  private readonly writes = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  private staged = 0;
  /** The first folder of `--out`'s path this run created (removed again when nothing is committed). */
  private createdOutDir: string | undefined;
  private state: 'open' | 'committing' | 'closed' = 'open';
  /** When the event loop last had a turn (`stage`). */
  private lastTurn = performance.now();

  constructor(
    outDir: string,
    private readonly options: StagedWriterOptions,
  ) {
    this.outDir = path.resolve(outDir);
    checkMarker(this.outDir, options.force);
    this.createdOutDir = mkdirSync(this.outDir, { recursive: true });
    this.stagingDir = path.join(this.outDir, `${STAGING_PREFIX}${uniqueSuffix()}`);
    mkdirSync(this.stagingDir);
    this.disk = new DiskListings(this.outDir, path.basename(this.stagingDir));
  }

  /** Files staged so far. */
  get count(): number {
    return this.staged;
  }

  /**
   * Stages one output (an absolute path inside `--out`, or a path relative to it); returns the
   * absolute path it will have (another than asked when it clashed, reported to `report`).
   * Refuses to replace an existing output unless `force`.
   */
  async stage(target: string, content: OutputContent, report?: Report): Promise<string> {
    if (this.state !== 'open') throw new Error('the staged writer is closed');
    this.throwFailure();
    const claimed = this.claim(target, report);
    const staged = path.join(this.stagingDir, ...claimed.split('/'));
    this.makeFolder(path.posix.dirname(claimed));
    this.staged++;
    if (typeof content === 'string' || content instanceof Uint8Array) {
      // Content in memory is written at once, synchronously: one open/write/close in this thread.
      // The callback API sent each file through the thread pool three times (open, write,
      // close); on 2 busy cores the hand-offs cost more than the writes, 2.3–6 s of CPU for
      // 15,000 small files against 0.5–1 s written synchronously (issue 15).
      try {
        writeFileSync(staged, content, { flag: 'wx' });
      } catch (error) {
        this.failure ??= { error };
      }
      // With reads and writes synchronous, a run of small documents goes on in promise callbacks
      // only and the event loop would not see Ctrl-C (a signal is handled in its poll phase) until
      // the end: give it a turn every few milliseconds.
      if (performance.now() - this.lastTurn > EVENT_LOOP_TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        this.lastTurn = performance.now();
      }
    } else {
      const write = writeStaged(staged, content).then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      );
      this.writes.add(write);
      void write.finally(() => this.writes.delete(write));
      // One stream at a time: it is produced as it is written.
      while (this.writes.size > 0) await Promise.race(this.writes);
    }
    this.throwFailure();
    return path.join(this.outDir, ...claimed.split('/'));
  }

  /**
   * Takes over a file a worker thread wrote into the staging folder: at its path (`relative`, as
   * the writer asked) or, when that was taken, at `aside` (relative to the staging folder). Called
   * in document order, so names are checked as `stage` checks them; a file whose path changes
   * (or that sits aside) moves to the `.renamed` tree, which only this thread writes. Returns the
   * absolute path it will have.
   */
  adopt(relative: string, aside: string | undefined, report?: Report): string {
    if (this.state !== 'open') throw new Error('the staged writer is closed');
    const wanted = this.relative(relative);
    const claimed = this.claim(relative, report);
    this.staged++;
    if (claimed !== wanted || aside !== undefined) {
      const from = path.join(this.stagingDir, ...(aside ?? wanted).split('/'));
      const to = path.join(this.stagingDir, RENAMED, ...claimed.split('/'));
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(from, to);
      if (aside === undefined) this.emptied.add(path.dirname(from));
    }
    return path.join(this.outDir, ...claimed.split('/'));
  }

  /** The relative path an output gets (refusing an existing one unless `force`), reported when it changed. */
  private claim(target: string, report: Report | undefined): string {
    const wanted = this.relative(target);
    if (!this.options.force) this.refuseExisting(wanted, target);
    const claimed = this.names.claim(wanted, (p) => this.disk.kind(p));
    if (claimed.renamed) {
      report?.add({
        kind: 'OutputRenamed',
        text: `another output of this run has the path ${wanted} (the same name, names differing only by case, or a file where a folder is); this one is written as ${claimed.path}`,
        place: { file: claimed.path },
      });
    }
    return claimed.path;
  }

  /**
   * Waits for the files still being written and throws the first failure: a streamed content can
   * fail after it was staged (a bad row of a document whose rows are streamed), and the caller
   * discards the staging folder then, as for any other error.
   */
  async written(): Promise<void> {
    await this.settle();
    this.throwFailure();
  }

  /**
   * Moves every staged file to its place; returns how many and where. While it runs, a marker file
   * in `--out` says a commit is under way: if the process dies, the next run finds it.
   */
  async commit(): Promise<CommitSummary> {
    await this.settle();
    this.throwFailure();
    this.state = 'committing';
    const marker = path.join(this.outDir, COMMIT_MARKER);
    writeFileSync(
      marker,
      JSON.stringify({ staging: path.basename(this.stagingDir), pid: process.pid, started: new Date().toISOString(), note: 'a datasaur-export run was committing its outputs here; if this file remains, that commit did not finish' }) + '\n',
    );
    this.removeEmptied();
    const entries = new Set(readdirSync(this.stagingDir).filter((name) => name !== ASIDE && name !== RENAMED));
    commitFolder(this.stagingDir, this.outDir, new Set([ASIDE, RENAMED]));
    const renamed = path.join(this.stagingDir, RENAMED);
    if (existsSync(renamed)) {
      for (const name of readdirSync(renamed)) entries.add(name);
      commitFolder(renamed, this.outDir);
    }
    rmSync(this.stagingDir, { recursive: true, force: true });
    rmSync(marker, { force: true });
    this.state = 'closed';
    return { files: this.staged, entries: [...entries].sort() };
  }

  /** Removes the staging folders adopted files left empty (a folder there would be in the way of a file). */
  private removeEmptied(): void {
    for (const folder of [...this.emptied].sort((x, y) => y.length - x.length)) {
      for (let current = folder; current.startsWith(this.stagingDir + path.sep); current = path.dirname(current)) {
        try {
          rmdirSync(current);
        } catch {
          break;
        }
      }
    }
    this.emptied.clear();
  }

  /** Removes everything staged (a failed, `--strict` or interrupted run); `--out` is left as it was. */
  async discard(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    await this.settle();
    await fs.rm(this.stagingDir, { recursive: true, force: true });
    if (this.createdOutDir) await removeEmptyFolders(this.createdOutDir, this.outDir);
  }

  /** The same, synchronously: for a process that must exit now (a second Ctrl-C). */
  discardNow(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    rmSync(this.stagingDir, { recursive: true, force: true });
  }

  private relative(target: string): string {
    const relative = path.relative(this.outDir, path.resolve(this.outDir, target));
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`output path outside the output folder: ${target}`);
    return relative.split(path.sep).join('/');
  }

  private refuseExisting(relative: string, target: string): void {
    const parts = relative.split('/');
    for (let i = 0; i < parts.length; i++) {
      const there = this.disk.kind(parts.slice(0, i + 1).join('/'));
      if (there === null) return;
      if (there === 'file' || i === parts.length - 1) {
        throw new InputError('OUTPUT_EXISTS', there === 'file' && i === parts.length - 1 ? 'the output file already exists' : `${there === 'file' ? 'a file' : 'a folder'} is in the way of the output`, {
          file: path.resolve(this.outDir, target),
          hint: 'Pass --force to overwrite it, or choose another --out folder.',
        });
      }
    }
  }

  private makeFolder(relative: string): void {
    if (relative === '.' || this.made.has(relative)) return;
    mkdirSync(path.join(this.stagingDir, ...relative.split('/')), { recursive: true });
    this.made.add(relative);
  }

  private async settle(): Promise<void> {
    while (this.writes.size) await Promise.allSettled([...this.writes]);
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** Writes one streamed output; `wx`: a staged path is never written twice. */
async function writeStaged(file: string, content: AsyncIterable<string | Uint8Array>): Promise<void> {
  await pipeline(Readable.from(toBuffers(content)), createWriteStream(file, { flags: 'wx' }));
}

async function* toBuffers(content: AsyncIterable<string | Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of content) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Moves the staged folder's content into `target`: an entry whose target does not exist moves in
 * one rename (a whole folder of outputs at once); a folder that exists is entered; a file that
 * exists is replaced (only a `--force` run gets here with one). Renames are synchronous: a
 * `--force` run over 20,000 outputs replaces them one by one, and sending each rename through the
 * thread pool made that commit cost more than writing the files (issue 15).
 */
function commitFolder(staged: string, target: string, skip?: ReadonlySet<string>): void {
  const present = new Map<string, Dirent>();
  for (const entry of readdirSync(target, { withFileTypes: true })) present.set(entry.name, entry);
  for (const entry of readdirSync(staged, { withFileTypes: true })) {
    if (skip?.has(entry.name)) continue;
    const from = path.join(staged, entry.name);
    const to = path.join(target, entry.name);
    const there = present.get(entry.name);
    if (!there) renameSync(from, to);
    else if (entry.isDirectory() && there.isDirectory()) commitFolder(from, to);
    else if (!entry.isDirectory() && !there.isDirectory()) renameSync(from, to);
    // The names were checked when staged; a clash here is something that appeared meanwhile.
    else throw new InputError('OUTPUT_EXISTS', `${there.isDirectory() ? 'a folder' : 'a file'} appeared in the way of the output while the run went on`, { file: to, hint: 'Run again (with --force to replace it).' });
  }
}

/**
 * What `--out` holds already, listed once per folder when an output first goes there (not one
 * check per file). A folder that does not exist is not listed, nor anything below it.
 */
class DiskListings {
  private readonly listings = new Map<string, Map<string, EntryKind> | null>();

  constructor(
    private readonly root: string,
    private readonly stagingName: string,
  ) {}

  kind(relative: string): EntryKind | null {
    const slash = relative.lastIndexOf('/');
    const parent = slash < 0 ? '' : relative.slice(0, slash);
    const listing = this.listing(parent);
    return listing?.get(key(relative.slice(slash + 1))) ?? null;
  }

  private listing(folder: string): Map<string, EntryKind> | null {
    const known = this.listings.get(folder);
    if (known !== undefined) return known;
    let listing: Map<string, EntryKind> | null = null;
    // A parent that is missing or not a folder has nothing below it.
    if (folder === '' || this.kind(folder) === 'folder') {
      listing = new Map();
      try {
        for (const entry of readdirSync(path.join(this.root, ...folder.split('/').filter(Boolean)), { withFileTypes: true })) {
          if (folder === '' && entry.name === this.stagingName) continue;
          listing.set(key(entry.name), entry.isDirectory() ? 'folder' : 'file');
        }
      } catch {
        listing = null;
      }
    }
    this.listings.set(folder, listing);
    return listing;
  }
}

/**
 * A marker left by a commit that did not finish: without `--force` the run stops and says so;
 * with it, the abandoned staging folder is removed and the run replaces the outputs.
 */
function checkMarker(outDir: string, force: boolean): void {
  const marker = path.join(outDir, COMMIT_MARKER);
  if (!existsSync(marker)) return;
  if (!force) {
    throw new InputError('OUTPUT_EXISTS', 'a previous run was interrupted while it moved its outputs into this folder, so they may be incomplete', {
      file: marker,
      hint: 'Run again with --force to replace them.',
    });
  }
  let staging: unknown;
  try {
    staging = (JSON.parse(readFileSync(marker, 'utf8')) as { staging?: unknown }).staging;
  } catch {
    staging = undefined;
  }
  if (typeof staging === 'string' && staging.startsWith(STAGING_PREFIX) && !staging.includes('/') && !staging.includes('\\')) rmSync(path.join(outDir, staging), { recursive: true, force: true });
  rmSync(marker, { force: true });
}

/** Removes `folder` and its sub-folders when they hold no file, then its empty parents up to `inner`'s. */
async function removeEmptyFolders(folder: string, inner: string): Promise<void> {
  const entries = await fs.readdir(inner, { withFileTypes: true }).catch(() => null);
  if (entries && entries.length) return;
  for (let current = inner; ; current = path.dirname(current)) {
    await fs.rmdir(current).catch(() => undefined);
    if (current === folder || path.dirname(current) === current) break;
  }
}
