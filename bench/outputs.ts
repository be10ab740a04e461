import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files and bytes under a folder (what a case wrote), and PDF pages when asked. */
export function measureOutputs(dir: string, countPages = false): { files: number; bytes: number; pages: number } {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  const walk = (folder: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, item.name);
      if (item.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
        if (countPages && full.endsWith('.pdf')) pages += (readFileSync(full, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      }
    }
  };
  walk(dir);
  return { files, bytes, pages };
}
