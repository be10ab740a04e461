import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ConversionMessage } from '../../src/core/report/report.js';

/** Every file under `root`, by its path relative to it, with its bytes. */
export function filesUnder(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(root, full), readFileSync(full));
    }
  };
  walk(root);
  return out;
}

/** A message as two runs that should agree compare it: every field that says what and where. */
export const shownMessage = (m: ConversionMessage) => JSON.stringify([m.kind, m.severity, m.format, m.project, m.cabinet, m.document, m.text, m.place, m.labelId, m.label]);
