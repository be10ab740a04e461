import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The real server exports, beside the checkout (never copied into the project). */
export const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

export async function sampleZips(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await fs.readdir(SAMPLES)) {
    const full = path.join(SAMPLES, dir);
    if (!(await fs.stat(full)).isDirectory()) continue;
    for (const f of await fs.readdir(full)) if (f.endsWith('.zip')) out.push(path.join(full, f));
  }
  return out.sort();
}

export const sample = (...parts: string[]) => path.join(SAMPLES, ...parts);
