import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsRelaunch, RELAUNCHED, RUNTIME_FLAGS } from '../../src/cli/runtime-flags.js';

/**
 * Issue 15, flat memory: the CLI's long jobs run in a child process with RUNTIME_FLAGS
 * (runtime-flags.ts says why), which gets the arguments, streams and signals of the command.
 */
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.ts');
const ZIP = path.join(ROOT, 'fixtures/token-project.zip');

describe('which invocations relaunch', () => {
  const bare: string[] = [];
  it('long jobs started without the flags, on POSIX platforms', () => {
    expect(needsRelaunch(['convert', 'x.zip', '--to', 'TSV_IOB'], bare, {}, 'linux')).toBe(true);
    expect(needsRelaunch(['export', '--project', 'p'], ['--import', 'tsx'], {}, 'darwin')).toBe(true);
    expect(needsRelaunch(['demo', '--out', 'out'], bare, {}, 'linux')).toBe(true);
    // Only one of the two flags: still relaunched (with both).
    expect(needsRelaunch(['convert', 'x.zip'], [RUNTIME_FLAGS[0]], {}, 'linux')).toBe(true);
  });

  it('not a short command, not a process that has the flags or was relaunched, not on Windows', () => {
    for (const args of [[], ['--version'], ['formats'], ['inspect', 'x.zip'], ['lint', 'a.csv'], ['simulate'], ['--help']]) {
      expect(needsRelaunch(args, bare, {}, 'linux'), args.join(' ')).toBe(false);
    }
    expect(needsRelaunch(['convert', 'x.zip'], [...RUNTIME_FLAGS], {}, 'linux')).toBe(false);
    expect(needsRelaunch(['convert', 'x.zip'], bare, { [RELAUNCHED]: '1' }, 'linux')).toBe(false);
    expect(needsRelaunch(['convert', 'x.zip'], bare, {}, 'win32')).toBe(false);
  });

  it('not under a debugger or a profiler, which watch this process', () => {
    for (const option of ['--inspect', '--inspect=9230', '--inspect-brk', '--inspect-brk=0.0.0.0:9229', '--inspect-wait', '--cpu-prof', '--cpu-prof-dir=/tmp/p', '--heap-prof', '--prof']) {
      expect(needsRelaunch(['convert', 'x.zip'], [option], {}, 'linux'), option).toBe(false);
    }
    // Options that only look alike do not count.
    expect(needsRelaunch(['convert', 'x.zip'], ['--profile-something', '--import', 'tsx'], {}, 'linux')).toBe(true);
  });
});

/** The processes whose parent is `pid` (Linux: /proc), with their arguments and environment. */
function childrenOf(pid: number): { pid: number; args: string[]; env: string[] }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), args, env });
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** `convert -` reading standard input, which the test holds open until it has looked. */
function convertFromStdin(out: string, env: NodeJS.ProcessEnv = {}): { cli: ChildProcess; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const cli = spawn(process.execPath, ['--import', 'tsx', BIN, 'convert', '-', '--to', 'TSV_IOB', '--out', out], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  cli.stderr!.on('data', (c) => (stderr += String(c)));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => cli.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { cli, ended };
}

async function relaunchedChild(pid: number): Promise<{ pid: number; args: string[]; env: string[] }> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    // Marked by its environment: a child between fork and exec still shows the parent's arguments.
    const [child] = childrenOf(pid).filter((c) => c.args.includes('convert') && c.env.includes(`${RELAUNCHED}=1`));
    if (child) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no child process of ${pid} ran the conversion within 20 s`);
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe.skipIf(process.platform !== 'linux')('a relaunched conversion (Linux: processes read from /proc)', () => {
  it('runs with the flags, gets standard input and gives back its exit code', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'relaunch-'));
    const { cli, ended } = convertFromStdin(out);
    const child = await relaunchedChild(cli.pid!);
    for (const flag of RUNTIME_FLAGS) expect(child.args).toContain(flag);
    expect(child.env).toContain(`${RELAUNCHED}=1`);
    // The command's own arguments and Node options follow.
    expect(child.args.slice(-6)).toEqual([BIN, 'convert', '-', '--to', 'TSV_IOB', '--out', out].slice(-6));
    expect(child.args).toContain('tsx');
    cli.stdin!.end(readFileSync(ZIP));
    const { code, stderr } = await ended;
    expect(code, stderr).toBe(0);
    expect((readdirSync(path.join(out, 'TSV_IOB'), { recursive: true }) as string[]).some((f) => f.endsWith('.tsv'))).toBe(true);
  }, 60_000);

  it('passes a signal on: the CLI ends as the same command run in one process ends', async () => {
    // SIGINT while `convert -` still waits for its input (before the conversion's own Ctrl-C
    // handling): the process ends by the signal. The conversion's handling of it (exit 130, what
    // was staged removed) runs through the relaunch in test/hardening/item-13-interrupt.test.ts.
    const outcomes = [];
    for (const env of [{}, { [RELAUNCHED]: '1' }]) {
      const out = mkdtempSync(path.join(os.tmpdir(), 'relaunch-'));
      const { cli, ended } = convertFromStdin(out, env);
      const converting = env[RELAUNCHED as keyof typeof env] ? cli.pid! : (await relaunchedChild(cli.pid!)).pid;
      // Give the process that converts time to reach its read of standard input.
      await new Promise((r) => setTimeout(r, 1500));
      cli.kill('SIGINT');
      const { code, signal } = await ended;
      expect(alive(converting)).toBe(false);
      outcomes.push({ code, signal });
      cli.stdin!.destroy();
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
  }, 60_000);

  it('stops when the CLI is killed outright (SIGKILL, which it cannot pass on), leaving nothing in the output folder', async () => {
    // Standard input from a FIFO this test holds open: the input never ends, whatever happens to
    // the CLI's process (its own pipes close when it dies, which would end a piped input).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'relaunch-'));
    const fifo = path.join(dir, 'input');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const input = openSync(fifo, 'r+');
    const out = path.join(dir, 'out');
    const cli = spawn(process.execPath, ['--import', 'tsx', BIN, 'convert', '-', '--to', 'TSV_IOB', '--out', out], { cwd: ROOT, stdio: [input, 'ignore', 'ignore'] });
    try {
      const child = await relaunchedChild(cli.pid!);
      await new Promise((r) => setTimeout(r, 1500));
      cli.kill('SIGKILL');
      for (let waited = 0; alive(child.pid) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(alive(child.pid)).toBe(false);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      closeSync(input);
    }
  }, 60_000);

  it('a short command runs in the process itself', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', BIN, 'formats'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let sawChild = false;
    // A relaunch would run this CLI again; other children (tsx's esbuild service, when its cache
    // is cold) are not one.
    const timer = setInterval(() => (sawChild ||= childrenOf(cli.pid!).some((c) => c.args.includes(BIN))), 20);
    const code = await new Promise((resolve) => cli.on('close', resolve));
    clearInterval(timer);
    expect(code).toBe(0);
    expect(sawChild).toBe(false);
  }, 60_000);
});

describe('a Node that refuses a runtime flag', () => {
  it('runs the command in the process itself (the child exits 9, "bad option", before running anything)', () => {
    const code = `
      import { relaunch } from ${JSON.stringify(path.join(ROOT, 'src/cli/relaunch.ts'))};
      const refused = await relaunch(${JSON.stringify(path.join(ROOT, 'fixtures/build.ts'))}, [], ['--no-such-v8-flag-of-any-node']);
      console.log(JSON.stringify({ refused: refused ?? null }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toMatch(/bad option: --no-such-v8-flag-of-any-node/);
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ refused: null });
  }, 60_000);
});

describe.skipIf(process.platform !== 'linux')('job control through the relaunch (Linux: process states read from /proc)', () => {
  const state = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  };
  const waitFor = async (what: () => boolean, label: string) => {
    for (let waited = 0; waited < 10_000; waited += 20) {
      if (what()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${label}`);
  };

  it('Ctrl-Z (SIGTSTP) stops the conversion with the CLI; SIGCONT continues both', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'relaunch-'));
    const { cli, ended } = convertFromStdin(out);
    const child = await relaunchedChild(cli.pid!);
    cli.kill('SIGTSTP');
    await waitFor(() => state(child.pid) === 'T' && state(cli.pid!) === 'T', 'both processes stopped');
    cli.kill('SIGCONT');
    await waitFor(() => state(child.pid) !== 'T' && state(cli.pid!) !== 'T', 'both processes running');
    cli.stdin!.end(readFileSync(ZIP));
    const { code, stderr } = await ended;
    expect(code, stderr).toBe(0);
  }, 60_000);
});
