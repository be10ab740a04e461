/**
 * Runs the CLI under a pseudo-terminal through `script` (util-linux; Debian package bsdutils), so
 * stdout and stderr are a TTY as in a user's shell. Both streams arrive merged, as a terminal shows them.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.ts');

function scriptCommand(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('the progress tests need `script` (util-linux, Debian package bsdutils) to make a pseudo-terminal: apt-get install bsdutils (.ci/run installs it)');
  }
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export function runInTerminal(args: string[], options: { columns?: number } = {}): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, '--import', 'tsx', BIN, ...args].map(quote).join(' ');
  // A wide terminal, so the bar's line is not cut by the terminal's width.
  const shell = `stty cols ${options.columns ?? 200} 2>/dev/null; exec ${command}`;
  return new Promise((resolve, reject) => {
    const child = spawn(scriptCommand(), ['-qec', shell, '/dev/null'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm' } });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
