import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASIDE, COMMIT_MARKER, STAGING_PREFIX, StagedWriter } from '../../src/node/staged-writer.js';
import { OutputNames, withSuffix } from '../../src/node/output-names.js';
import { Report } from '../../src/core/report/report.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'dx-staged-'));
const tree = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();

describe('the staged writer (issue 15 item 2)', () => {
  it('stages into one folder inside --out and commits by moving whole folders', async () => {
    const out = path.join(fresh(), 'out');
    const staged = new StagedWriter(out, { force: false });
    for (let i = 0; i < 100; i++) await staged.stage(path.join(out, 'TSV_IOB', 'P-1', 'REVIEW', `d${i}.tsv`), `doc ${i}\n`);
    await staged.stage('CSV/P-1/REVIEW/d0.csv', new TextEncoder().encode('a,b\n'));
    await staged.stage('PDF/big.pdf', (async function* () {
      yield 'part one, ';
      yield new TextEncoder().encode('part two');
    })());
    // Before the commit nothing but the staging folder is in --out.
    expect(readdirSync(out)).toEqual([path.basename(staged.stagingDir)]);
    expect(path.basename(staged.stagingDir).startsWith(STAGING_PREFIX)).toBe(true);
    const summary = await staged.commit();
    expect(summary).toEqual({ files: 102, entries: ['CSV', 'PDF', 'TSV_IOB'] });
    expect(tree(out)).toHaveLength(102 + 7);
    expect(readFileSync(path.join(out, 'TSV_IOB/P-1/REVIEW/d42.tsv'), 'utf8')).toBe('doc 42\n');
    expect(readFileSync(path.join(out, 'PDF/big.pdf'), 'utf8')).toBe('part one, part two');
    expect(readdirSync(out).sort()).toEqual(['CSV', 'PDF', 'TSV_IOB']);
  });

  it('refuses an existing output without --force before writing anything, and replaces it with --force', async () => {
    const out = fresh();
    mkdirSync(path.join(out, 'TSV_IOB'));
    writeFileSync(path.join(out, 'TSV_IOB', 'a.tsv'), 'old');
    writeFileSync(path.join(out, 'TSV_IOB', 'mine.txt'), 'not an output of ours');
    const refusing = new StagedWriter(out, { force: false });
    await refusing.stage('TSV_IOB/b.tsv', 'new b');
    await expect(refusing.stage('TSV_IOB/a.tsv', 'new a')).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    await refusing.discard();
    expect(tree(out)).toEqual(['TSV_IOB', 'TSV_IOB/a.tsv', 'TSV_IOB/mine.txt']);
    const forcing = new StagedWriter(out, { force: true });
    await forcing.stage('TSV_IOB/a.tsv', 'new a');
    await forcing.stage('TSV_IOB/b.tsv', 'new b');
    await forcing.commit();
    expect(tree(out)).toEqual(['TSV_IOB', 'TSV_IOB/a.tsv', 'TSV_IOB/b.tsv', 'TSV_IOB/mine.txt']);
    expect(readFileSync(path.join(out, 'TSV_IOB', 'a.tsv'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(out, 'TSV_IOB', 'mine.txt'), 'utf8')).toBe('not an output of ours');
  });

  it('discards everything staged, and the --out folder it created', async () => {
    const parent = fresh();
    const out = path.join(parent, 'new', 'out');
    const staged = new StagedWriter(out, { force: false });
    await staged.stage('A/b.txt', 'x');
    await staged.discard();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps outputs that would share a path apart, reporting the renamed one', async () => {
    const out = fresh();
    const report = new Report();
    const staged = new StagedWriter(out, { force: false });
    expect(await staged.stage('P/q.txt', '1', report)).toBe(path.join(out, 'P/q.txt'));
    expect(await staged.stage('P/q.txt/z.txt', '2', report)).toBe(path.join(out, 'P/q.txt (2)/z.txt'));
    expect(await staged.stage('P/Q.TXT', '3', report)).toBe(path.join(out, 'P/Q (2).TXT'));
    await staged.commit();
    expect(tree(out)).toEqual(['P', 'P/Q (2).TXT', 'P/q.txt', 'P/q.txt (2)', 'P/q.txt (2)/z.txt']);
    expect(report.all().map((m) => [m.kind, m.place?.file])).toEqual([
      ['OutputRenamed', 'P/q.txt (2)/z.txt'],
      ['OutputRenamed', 'P/Q (2).TXT'],
    ]);
  });

  it('a commit that did not finish leaves a marker: the next run stops without --force, cleans up with it', async () => {
    const out = fresh();
    // What a run killed during its commit leaves: the marker, its staging folder, part of its files.
    const leftover = `${STAGING_PREFIX}999-dead`;
    mkdirSync(path.join(out, leftover, 'TSV_IOB'), { recursive: true });
    writeFileSync(path.join(out, leftover, 'TSV_IOB', 'b.tsv'), 'b');
    mkdirSync(path.join(out, 'CSV'));
    writeFileSync(path.join(out, 'CSV', 'a.csv'), 'a');
    writeFileSync(path.join(out, COMMIT_MARKER), JSON.stringify({ staging: leftover }));
    expect(() => new StagedWriter(out, { force: false })).toThrow(/interrupted while it moved its outputs/);
    const staged = new StagedWriter(out, { force: true });
    expect(existsSync(path.join(out, leftover))).toBe(false);
    await staged.stage('TSV_IOB/b.tsv', 'b');
    await staged.stage('CSV/a.csv', 'a');
    await staged.commit();
    expect(tree(out)).toEqual(['CSV', 'CSV/a.csv', 'TSV_IOB', 'TSV_IOB/b.tsv']);
  });
});

describe('files written by worker threads (issue 15 item 4)', () => {
  it('are adopted in document order: left in place, moved when their name changes, taken from aside', async () => {
    const out = fresh();
    const report = new Report();
    const staged = new StagedWriter(out, { force: false });
    const put = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(staged.stagingDir, relative)), { recursive: true });
      writeFileSync(path.join(staged.stagingDir, relative), text);
    };
    // Document 1's worker wrote P/q.txt first, so document 0's P/q.txt and document 2's
    // P/q.txt/z.txt (a folder where a file is) went aside; document 3 is alone.
    put('P/q.txt', 'doc 1');
    put(`${ASIDE}/1-1`, 'doc 0');
    put(`${ASIDE}/2-1`, 'doc 2');
    put('P/a.txt', 'doc 3');
    expect(staged.adopt('P/q.txt', `${ASIDE}/1-1`, report)).toBe(path.join(out, 'P/q.txt'));
    expect(staged.adopt('P/q.txt', undefined, report)).toBe(path.join(out, 'P/q (2).txt'));
    expect(staged.adopt('P/q.txt/z.txt', `${ASIDE}/2-1`, report)).toBe(path.join(out, 'P/q.txt (2)/z.txt'));
    expect(staged.adopt('P/a.txt', undefined, report)).toBe(path.join(out, 'P/a.txt'));
    expect(await staged.commit()).toEqual({ files: 4, entries: ['P'] });
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
    expect(tree(out)).toEqual(['P', 'P/a.txt', 'P/q (2).txt', 'P/q.txt', 'P/q.txt (2)', 'P/q.txt (2)/z.txt']);
    expect([read('P/q.txt'), read('P/q (2).txt'), read('P/q.txt (2)/z.txt'), read('P/a.txt')]).toEqual(['doc 0', 'doc 1', 'doc 2', 'doc 3']);
    expect(report.all().map((m) => m.place?.file)).toEqual(['P/q (2).txt', 'P/q.txt (2)/z.txt']);
  });
  it('removes folders that moved files left empty, so they are not in the way of a file', async () => {
    const out = fresh();
    const staged = new StagedWriter(out, { force: false });
    mkdirSync(path.join(staged.stagingDir, 'P', 'x.txt'), { recursive: true });
    writeFileSync(path.join(staged.stagingDir, 'P', 'x.txt', 'y.txt'), 'doc 1');
    mkdirSync(path.join(staged.stagingDir, ASIDE));
    writeFileSync(path.join(staged.stagingDir, ASIDE, '1-1'), 'doc 0');
    staged.adopt('P/x.txt', `${ASIDE}/1-1`);
    staged.adopt('P/x.txt/y.txt', undefined);
    await staged.commit();
    expect(tree(out)).toEqual(['P', 'P/x.txt', 'P/x.txt (2)', 'P/x.txt (2)/y.txt']);
  });
});

describe('output names of one run', () => {
  it('suffixes the clashing part: a file before its extension, a folder at its end', () => {
    const names = new OutputNames();
    expect(names.claim('F/a.txt')).toEqual({ path: 'F/a.txt', renamed: false });
    expect(names.claim('F/A.txt')).toEqual({ path: 'F/A (2).txt', renamed: true });
    expect(names.claim('F/a.TXT')).toEqual({ path: 'F/a (3).TXT', renamed: true });
    expect(names.claim('F/a.txt/b.txt')).toEqual({ path: 'F/a.txt (2)/b.txt', renamed: true });
    expect(names.claim('F/a.txt (2)/c.txt')).toEqual({ path: 'F/a.txt (2)/c.txt', renamed: false });
    // A file where this run has a folder.
    expect(names.claim('F')).toEqual({ path: 'F (2)', renamed: true });
    // Composed and decomposed é are one name on macOS.
    expect(names.claim('F/caf\u00e9.txt').renamed).toBe(false);
    expect(names.claim('F/cafe\u0301.txt')).toEqual({ path: 'F/cafe\u0301 (2).txt', renamed: true });
    // What is on disk counts too (a folder where a file goes).
    expect(names.claim('F/d.txt', (p) => (p === 'F/d.txt' ? 'folder' : null))).toEqual({ path: 'F/d (2).txt', renamed: true });
    expect(names.claim('F/e.txt', (p) => (p === 'F/e.txt' ? 'file' : null))).toEqual({ path: 'F/e.txt', renamed: false });
  });
  it('puts the suffix where a name has no extension or starts with a dot', () => {
    expect(withSuffix('README', 2, 'file')).toBe('README (2)');
    expect(withSuffix('.env', 2, 'file')).toBe('.env (2)');
    expect(withSuffix('a.b.c', 3, 'file')).toBe('a.b (3).c');
    expect(withSuffix('q.txt', 2, 'folder')).toBe('q.txt (2)');
  });
});
