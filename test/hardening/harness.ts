/**
 * Shared harness of the hardening tests (issue 14): every hostile input runs in a sandbox folder of
 * its own, so a test can assert that nothing was written outside `--out` and that no temporary
 * file (`.tmp-*`, `*.part-*`) remains anywhere the run could write.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.ts');

export interface Sandbox {
  /** The sandbox folder; inputs go to `in/`, outputs to `out/`, reports to `report.json`. */
  root: string;
  input: (...parts: string[]) => string;
  out: string;
  report: string;
}

export async function sandbox(name: string): Promise<Sandbox> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `dx-hard-${name}-`));
  await fs.mkdir(path.join(root, 'in'));
  return { root, input: (...parts) => path.join(root, 'in', ...parts), out: path.join(root, 'out'), report: path.join(root, 'report.json') };
}

/** Every file under `dir`, relative, sorted (folders walked, not listed). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

const TEMPORARY = /(^|\/)\.tmp-|\.part-|\.partial$/;

/**
 * Asserts the run left the sandbox clean: files only under `in/` (what the test made) and `out/`,
 * plus the report, and no temporary file anywhere.
 */
export async function expectClean(box: Sandbox): Promise<string[]> {
  const files = await listFiles(box.root);
  expect(files.filter((f) => TEMPORARY.test(f)), 'temporary files left behind').toEqual([]);
  expect(files.filter((f) => !f.startsWith(`in${path.sep}`) && !f.startsWith(`out${path.sep}`) && f !== 'report.json'), 'files outside --out').toEqual([]);
  return files.filter((f) => f.startsWith(`out${path.sep}`)).map((f) => f.slice(4));
}

export interface ReportMessage {
  kind: string;
  severity: string;
  text: string;
  document?: string;
  place?: { file?: string; jsonPath?: string; row?: number };
}

/** The messages of a `--report` file. */
export async function readReport(file: string): Promise<ReportMessage[]> {
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as { messages: ReportMessage[] };
  return json.messages;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in a child process (from the TypeScript sources through tsx), for cases that may
 * exhaust memory or need signals: a crash there fails the test instead of the test runner.
 * `maxOldSpaceMb` caps V8's heap so a blow-up shows as a crash in seconds.
 */
export function runChild(
  args: string[],
  options: {
    cwd?: string;
    maxOldSpaceMb?: number;
    timeoutMs?: number;
    stdin?: Uint8Array;
    env?: NodeJS.ProcessEnv;
    onSpawn?: (pid: number) => void;
    /** Everything the child printed to stdout so far, after each chunk (for servers that announce a port). */
    onStdout?: (stdout: string) => void;
  } = {},
): Promise<ChildResult> {
  const node = ['--import', 'tsx', ...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []), BIN, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, node, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += String(c);
      options.onStdout?.(stdout);
    });
    child.stderr.on('data', (c) => (stderr += String(c)));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.stdin.end(options.stdin ? Buffer.from(options.stdin) : undefined);
  });
}

/** A user-facing error: one paragraph, no stack trace, not the "this is a bug" exit 70. */
export function expectCleanError(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(stderr).not.toMatch(/This is a bug/);
}
