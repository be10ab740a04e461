import { Report } from '../core/report/report.js';
import { InputError } from '../core/errors.js';
import { resolveOptions, type ConvertOptions } from '../core/formats/options.js';
import { isExplicit, resolveFormats, type FormatSelection } from '../core/formats/resolve-formats.js';
import type { DocumentRef } from '../core/read/input.js';
import type { ArchiveLimits } from '../core/read/zip-entries.js';
import { convertOpened, selectDocuments } from '../core/convert.js';
import type { ExportInput } from '../core/export-input.js';
import { openPathOrExport, opensAsArchive } from './open-input.js';
import type { WorkerPool } from './convert-parallel.js';
import type { WorkerSetup } from './convert-worker.js';
import { reportIgnoredEntries } from '../core/read/ignored-entries.js';
import { StagedWriter } from './staged-writer.js';
import { ReportFile } from './report-file.js';
import { Interrupted, interruptSignal, onForcedExit, type InterruptSignal } from './interrupt.js';
// The PDF writer's fonts (read from the package's fonts/ folder on first use).
import './pdf-fonts.js';

/** Messages a run's own report keeps in memory (its counts are always complete; `reportFile` gets all). */
export const KEPT_MESSAGES = 10_000;

export { resolveFormats };

export interface ConvertRequest {
  /**
   * The path of an export ZIP, a folder in the export layout, or one document file; or the input
   * itself as the in-memory API takes it (`ExportInput`: bytes, a stream such as standard input).
   */
  input: string | ExportInput;
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
  /**
   * Streams every message of the run to this JSON file (the `--report` file), written under a
   * temporary name and renamed when the run ends. The in-memory report keeps exact counts but at
   * most `KEPT_MESSAGES` messages (unless `report` is given), so memory does not grow with them.
   */
  reportFile?: string;
  /**
   * Stops the run at the next file when it aborts (Ctrl-C through `withInterrupts`): what was
   * staged is removed and an `Interrupted` error says so. Once the commit has begun it finishes;
   * the result then has `interrupted` set.
   */
  signal?: AbortSignal;
  /** Called after each document (for progress displays). */
  onDocument?: (done: number, total: number, ref: DocumentRef) => void;
  /** Internal (tests): the size above which a single JSON file may stream its rows (`STREAM_ROWS_ABOVE`). */
  streamRowsAbove?: number;
  /**
   * Worker threads for inputs with many documents (ZIPs, folders); 1 (default) converts on the
   * calling thread. Not used with `--combine`, which needs every document in one place.
   */
  workers?: number;
}

export interface ConvertResult {
  report: Report;
  /** How many files were written (0 when a --strict run failed). */
  written: number;
  /** The entries of `outDir` that hold them (`TSV_IOB`, … or the `--flat` folders), sorted. */
  committed: string[];
  documents: { converted: number; skipped: number };
  /** Set when `signal` aborted during the commit, which was finished. */
  interrupted?: InterruptSignal | 'abort';
  /** 0: all good; 1: errors were reported (or warnings under --strict). */
  exitCode: 0 | 1;
}

/**
 * Reads the input one document at a time, runs every requested writer on it and stages the
 * outputs; commits them all at the end (atomic), or none when `--strict` finds a warning or error.
 */
export async function convert(request: ConvertRequest): Promise<ConvertResult> {
  const options = resolveOptions(request.options);
  const report = request.report ?? new Report({ keep: KEPT_MESSAGES });
  // Unknown formats are a usage error before the input is opened.
  resolveFormats(request.to);
  const reportFile = request.reportFile === undefined ? undefined : openReportFile(request.reportFile, options.strict);
  const detach = reportFile ? report.attach(reportFile) : undefined;
  try {
    const result = await convertInto(request, options, report);
    reportFile?.finish(report.summary(options.strict));
    return result;
  } catch (error) {
    reportFile?.abandon();
    throw error;
  } finally {
    detach?.();
  }
}

function openReportFile(file: string, strict: boolean): ReportFile {
  try {
    return new ReportFile(file, strict);
  } catch (error) {
    throw new InputError('BAD_OPTION', `cannot write the report file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file, where: '--report', cause: error });
  }
}

async function convertInto(request: ConvertRequest, options: ConvertOptions, report: Report): Promise<ConvertResult> {
  const input = request.input;
  const selector = request.cabinet ?? 'REVIEW';
  // Workers start while this thread opens the input (they open it too); unused, they are stopped.
  const pool = await startPool(request, options, selector);
  let pooled = false;
  try {
    return await convertWith(request, options, report, selector, pool && (() => ((pooled = true), pool)));
  } finally {
    if (!pooled) await pool?.stop();
  }
}

/** Worker threads for a path that is a ZIP or a folder (many documents), not for `--combine` or a transformer (CUSTOM has its own thread). */
async function startPool(request: ConvertRequest, options: ConvertOptions, selector: string): Promise<WorkerPool | undefined> {
  const input = request.input;
  if ((request.workers ?? 1) < 2 || typeof input !== 'string' || options.combine || options.transformer || !opensAsArchive(input)) return undefined;
  // Loaded only here: importing the library loads no worker-thread code.
  const { startWorkers } = await import('./convert-parallel.js');
  const setup: WorkerSetup = { input, to: request.to, explicit: isExplicit(request.to), selector, options, layout: { flat: request.flat }, limits: request.limits, inputFormat: request.inputFormat };
  return startWorkers(setup, request.workers!);
}

async function convertWith(request: ConvertRequest, options: ConvertOptions, report: Report, selector: string, takePool: (() => WorkerPool) | undefined): Promise<ConvertResult> {
  const input = request.input;
  const opened = await openPathOrExport(input, { limits: request.limits, inputFormat: request.inputFormat, streamRowsAbove: request.streamRowsAbove });
  reportIgnoredEntries(opened, report);
  const refs = selectDocuments(opened, selector);
  const signal = request.signal;
  signal?.throwIfAborted();
  const staged = new StagedWriter(request.outDir, { force: request.force ?? false });
  // A second Ctrl-C exits at once: the staging folder goes with it.
  const forgetStaging = onForcedExit(() => staged.discardNow());
  let counts = { converted: 0, skipped: 0 };
  try {
    // Workers open the input again by its path: an input in memory is converted on this thread.
    if (takePool && refs.length > 1 && opened.type !== 'file') {
      // The workers parse, convert and write into the staging folder; this thread only checks the
      // names (in document order) and gathers the messages.
      await takePool().run(staged.stagingDir, refs.length, signal, async (reply) => {
        if (reply.converted) counts.converted++;
        else counts.skipped++;
        for (const message of reply.messages) report.add(message);
        for (const file of reply.files) staged.adopt(file.path, file.aside, report.scope(file.scope));
        request.onDocument?.(reply.index + 1, refs.length, refs[reply.index]);
      });
    } else {
      // On the calling thread (no workers asked for, a single file, or --combine): the in-memory
      // conversion, its files staged as they come.
      const run = convertOpened(opened, refs, Object.assign({}, request, { report }));
      for await (const file of run) {
        signal?.throwIfAborted();
        await staged.stage(file.path, file.content, report.scope({ format: file.format, project: file.project, cabinet: file.cabinet, document: file.document }));
      }
      // A content that fails while it is written fails the run here, where staging is discarded.
      await staged.written();
      counts = run.documents;
    }
    signal?.throwIfAborted();
  } catch (error) {
    const count = staged.count;
    await staged.discard();
    forgetStaging();
    if (signal?.aborted) throw new Interrupted(interruptSignal(signal), `interrupted (${interruptSignal(signal)}): nothing was written to ${request.outDir} (the ${count} staged file(s) were removed)`);
    throw error;
  }
  if (report.hasErrors(options.strict) && options.strict) {
    await staged.discard();
    forgetStaging();
    return { report, written: 0, committed: [], documents: counts, exitCode: 1 };
  }
  // From here on the commit finishes, interrupted or not: it is short (folder renames), and a
  // half-committed output would look complete.
  forgetStaging();
  const { files, entries } = await staged.commit();
  const interrupted = signal?.aborted ? interruptSignal(signal) : undefined;
  return { report, written: files, committed: entries, documents: counts, exitCode: report.hasErrors(options.strict) ? 1 : 0, ...(interrupted ? { interrupted } : {}) };
}
