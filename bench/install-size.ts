/**
 * What a user installs: `npm pack` of this checkout, then `npm install --omit=dev <tarball>` into an
 * empty folder, then the bytes of every file under its `node_modules` (file sizes, as `du -sb`
 * counts them; not disk blocks). Sizes are decimal MB (10^6 bytes), as npm prints them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface InstallSize {
  packedBytes: number;
  installedBytes: number;
  /** Top-level folders of node_modules (scoped packages counted one by one). */
  packages: number;
  /** Largest top-level packages, nested node_modules counted with their parent. */
  largest: { name: string; bytes: number }[];
  seconds: number;
}

/** Budget (issue 13 item 5): installed size of the packed package with production dependencies. */
export const INSTALL_BUDGET_MB = 60;

export const decimalMB = (bytes: number): number => bytes / 1e6;

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

function topLevelPackages(modules: string): { name: string; dir: string }[] {
  const out: { name: string; dir: string }[] = [];
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(path.join(modules, entry.name))) out.push({ name: `${entry.name}/${scoped}`, dir: path.join(modules, entry.name, scoped) });
    } else out.push({ name: entry.name, dir: path.join(modules, entry.name) });
  }
  return out;
}

export function measureInstallSize(root: string): InstallSize {
  const started = Date.now();
  const work = mkdtempSync(path.join(os.tmpdir(), 'dx-install-size-'));
  try {
    const run = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [packed] = JSON.parse(run(['pack', '--json', '--pack-destination', work], root)) as { filename: string; size: number }[];
    const user = path.join(work, 'user');
    mkdirSync(user);
    writeFileSync(path.join(user, 'package.json'), JSON.stringify({ name: 'install-size-probe', private: true }));
    run(['install', '--omit=dev', '--no-audit', '--no-fund', path.join(work, packed!.filename)], user);
    const modules = path.join(user, 'node_modules');
    const packages = topLevelPackages(modules).map((p) => ({ name: p.name, bytes: bytesUnder(p.dir) }));
    return {
      packedBytes: packed!.size,
      installedBytes: bytesUnder(modules),
      packages: packages.length,
      largest: packages.sort((a, b) => b.bytes - a.bytes).slice(0, 8),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function describeInstallSize(size: InstallSize): string {
  const mb = (bytes: number) => `${decimalMB(bytes).toFixed(1)} MB`;
  return [
    `install size: packed ${mb(size.packedBytes)}; installed with production dependencies ${mb(size.installedBytes)} in ${size.packages} packages (budget ${INSTALL_BUDGET_MB} MB; measured in ${size.seconds.toFixed(0)} s)`,
    `  largest: ${size.largest.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')}`,
  ].join('\n');
}
