import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';

/**
 * Must show (issue 13 item 4): `-` reads the export from standard input, `--out -` writes the
 * outputs to standard output (the one file as it is, several as a ZIP), `--report -` the report.
 * The CLI runs in a child process behind a real shell pipe, as a user types it.
 */
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.ts');
const SAMPLES = path.resolve(ROOT, '../shared/samples');
/** One project, one REVIEW document (lorem.txt) and one labeler copy. */
const ZIP = path.join(SAMPLES, 'token-json-advanced/Project 1.zip');

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** `sh -c "<script>"` with the CLI as the shell function `cli` and the test's values as environment variables. */
function shell(script: string, env: Record<string, string> = {}): Promise<Run> {
  const withCli = `cli() { "$NODE" --import tsx "$BIN" "$@"; }; ${script}`;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', withCli], { cwd: ROOT, env: { ...process.env, ...env, NODE: process.execPath, BIN }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (d: string) => {
    for (const entry of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), await fs.readFile(full));
    }
  };
  await walk(dir);
  return files;
}

const tempDir = () => fs.mkdtemp(path.join(os.tmpdir(), 'dx-stdio-'));

describe('standard input and output (`-`)', () => {
  it('cat <zip> | convert - --to TSV_IOB --out - writes the same bytes as the file route', async () => {
    const out = await tempDir();
    const fileRoute = await shell('cli convert "$ZIP" --to TSV_IOB --out "$OUT"', { ZIP, OUT: out });
    expect(fileRoute.code, fileRoute.stderr).toBe(0);
    const written = await filesUnder(out);
    expect(written.size).toBe(1);
    const [expected] = written.values();

    const piped = await shell('cat "$ZIP" | cli convert - --to TSV_IOB --out -', { ZIP });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(0);
    expect(piped.stdout.equals(expected!)).toBe(true);
    // The summary leaves standard output to the data.
    expect(piped.stderr).toMatch(/wrote 1 file \(TSV_IOB\/.*lorem\.txt\.tsv\) for 1 document\(s\) to standard output/);
  }, 120_000);

  it('several outputs: a ZIP on standard output whose entries equal the files the folder route writes', async () => {
    const args = '--to TSV_IOB,CSV,JSON_ADVANCED --cabinet all';
    const out = await tempDir();
    const folderRoute = await shell(`cli convert "$ZIP" ${args} --out "$OUT"`, { ZIP, OUT: out });
    expect(folderRoute.code, folderRoute.stderr).toBe(0);
    const expected = await filesUnder(out);
    expect(expected.size).toBeGreaterThan(3);

    const piped = await shell(`cat "$ZIP" | cli convert - ${args} --out -`, { ZIP });
    expect(piped.code, piped.stderr).toBe(0);
    const entries = unzipSync(new Uint8Array(piped.stdout));
    expect(Object.keys(entries).sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(Buffer.from(entries[name]!).equals(bytes), name).toBe(true);
    expect(piped.stderr).toMatch(new RegExp(`wrote a ZIP of ${expected.size} file\\(s\\) for 2 document\\(s\\) to standard output`));
  }, 120_000);

  it('a document (not a ZIP) on standard input is told from its bytes', async () => {
    const dir = await tempDir();
    const document = path.join(dir, 'lorem.txt.json');
    await fs.writeFile(document, unzipSync(new Uint8Array(await fs.readFile(ZIP)))['Project 1-u9rQUwKml09/REVIEW/lorem.txt.json']!);
    const out = path.join(dir, 'out');
    const fileRoute = await shell('cli convert "$DOC" --to TSV_IOB --out "$OUT"', { DOC: document, OUT: out });
    expect(fileRoute.code, fileRoute.stderr).toBe(0);
    const [expected] = (await filesUnder(out)).values();

    const piped = await shell('cli convert - --to TSV_IOB --out - < "$DOC"', { DOC: document });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.equals(expected!)).toBe(true);
  }, 120_000);

  it('--report - writes the report JSON to standard output; the outputs still go to --out', async () => {
    const out = await tempDir();
    const run = await shell('cat "$ZIP" | cli convert - --to CSV --cabinet all --out "$OUT" --report -', { ZIP, OUT: out });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.toString('utf8')) as { version: number; summary: unknown; messages: unknown[] };
    expect(report.version).toBe(1);
    expect(Array.isArray(report.messages)).toBe(true);
    expect(run.stderr).toMatch(/wrote \d+ file\(s\) for 2 document\(s\) to /);
    expect((await filesUnder(out)).size).toBeGreaterThan(0);
  }, 120_000);

  it('inspect - reads the export from standard input', async () => {
    const run = await shell('cat "$ZIP" | cli inspect - --json', { ZIP });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.toString('utf8')) as { type: string; projects: { id: string; documents: unknown[] }[] };
    expect(result.type).toBe('zip');
    expect(result.projects.map((p) => [p.id, p.documents.length])).toEqual([['u9rQUwKml09', 2]]);
  }, 60_000);

  it('an empty standard input is a clear error, exit 2', async () => {
    const run = await shell('cli convert - --to CSV --out - < /dev/null');
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(/standard input is empty/);
  }, 60_000);

  it('--out - with --report - is refused before anything is read: exit 2, one paragraph', async () => {
    const run = await shell('cat "$ZIP" | cli convert - --to CSV --out - --report -', { ZIP });
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(/--out - and --report - both write to standard output/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  }, 60_000);
});
