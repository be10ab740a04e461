import path from 'node:path';
import { Report } from '../core/report/report.js';
import { resolveOptions, type ConvertOptions } from '../core/formats/options.js';
import { isExplicit, resolveFormats, type FormatSelection } from '../core/formats/resolve-formats.js';
import type { DocumentRef } from '../core/read/input.js';
import type { ArchiveLimits } from '../core/read/zip-entries.js';
import { convertOpened, selectDocuments } from '../core/convert.js';
import { openInput } from './open-input.js';
import { StagedWriter } from './staged-writer.js';
import { runWorkers } from './convert-parallel.js';
// The PDF writer's fonts (read from the package's fonts/ folder on first use).
import './pdf-fonts.js';

export { resolveFormats };

export interface ConvertRequest {
  /** An export ZIP, a folder in the export layout, or one document file. */
  input: string;
  /**
   * Format names, or 'all' (every registered format that fits each document's kind). Names typed
   * by a user go through `formatSelection` first, which names the choices when one is unknown.
   */
  to: FormatSelection;
  outDir: string;
  /** REVIEW (default), ROOT, a labeler's e-mail, or all. */
  cabinet?: string;
  options?: Partial<ConvertOptions>;
  /** Overwrite existing outputs. */
  force?: boolean;
  /** One folder for everything: `<out>/<format>/<file>` instead of the server layout. */
  flat?: boolean;
  limits?: Partial<ArchiveLimits>;
  /** Read every document file as this format (`--input-format`) instead of detecting it from its content. */
  inputFormat?: string;
  report?: Report;
  /** Called after each document (for progress displays). */
  onDocument?: (done: number, total: number, ref: DocumentRef) => void;
  /**
   * Worker threads for inputs with many documents (ZIPs, folders); 1 (default) converts on the
   * calling thread. Not used with `--combine`, which needs every document in one place.
   */
  workers?: number;
}

export interface ConvertResult {
  report: Report;
  /** Paths of the files written (empty when a --strict run failed). */
  files: string[];
  documents: { converted: number; skipped: number };
  /** 0: all good; 1: errors were reported (or warnings under --strict). */
  exitCode: 0 | 1;
}

/**
 * Reads the input one document at a time, runs every requested writer on it and stages the
 * outputs; commits them all at the end (atomic), or none when `--strict` finds a warning or error.
 */
export async function convert(request: ConvertRequest): Promise<ConvertResult> {
  const options = resolveOptions(request.options);
  const report = request.report ?? new Report();
  // Unknown formats are a usage error before the input is opened.
  resolveFormats(request.to);
  const opened = await openInput(request.input, { limits: request.limits, inputFormat: request.inputFormat });
  const selector = request.cabinet ?? 'REVIEW';
  const refs = selectDocuments(opened, selector);
  const staged = new StagedWriter(request.force ?? false);
  const target = (relative: string) => path.join(request.outDir, relative);
  let counts = { converted: 0, skipped: 0 };
  try {
    const workers = Math.min(request.workers ?? 1, refs.length);
    if (workers > 1 && opened.type !== 'file' && !options.combine) {
      const setup = { input: request.input, to: request.to, explicit: isExplicit(request.to), selector, options, layout: { flat: request.flat }, limits: request.limits, inputFormat: request.inputFormat };
      await runWorkers(setup, refs.length, workers, async (reply) => {
        if (reply.converted) counts.converted++;
        else counts.skipped++;
        for (const message of reply.messages) report.add(message);
        for (const file of reply.files) await staged.stage(target(file.path), file.bytes);
        request.onDocument?.(reply.index + 1, refs.length, refs[reply.index]);
      });
    } else {
      // On the calling thread (no workers asked for, a single file, or --combine): the in-memory
      // conversion, its files staged as they come.
      const run = convertOpened(opened, refs, { ...request, report });
      for await (const file of run) await staged.stage(target(file.path), file.content);
      counts = run.documents;
    }
  } catch (error) {
    await staged.discard();
    throw error;
  }
  if (report.hasErrors(options.strict) && options.strict) {
    await staged.discard();
    return { report, files: [], documents: counts, exitCode: 1 };
  }
  const files = await staged.commit();
  return { report, files, documents: counts, exitCode: report.hasErrors(options.strict) ? 1 : 0 };
}
