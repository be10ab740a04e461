import { readOpened, type ReadResult } from '../core/read-export.js';
import type { Report } from '../core/report/report.js';
import type { OpenOptions } from '../core/read/input.js';
import { openInput } from './open-input.js';

export type { ReadResult };

export interface ReadOptions extends OpenOptions {
  /** REVIEW, ROOT, a labeler e-mail, or all (the default: every cabinet). */
  cabinet?: string;
  report?: Report;
}

/**
 * Reads a whole input (a ZIP, a folder or a document file, by path) into memory: convenient for
 * small inputs and tests; `convert` streams document by document instead. As `readExport`: a
 * document that cannot be read is reported as `DocumentSkipped`, a problem with the input throws.
 */
export async function readInput(inputPath: string, options: ReadOptions = {}): Promise<ReadResult> {
  return readOpened(await openInput(inputPath, options), options);
}
