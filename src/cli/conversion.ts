/**
 * The conversion step `convert` and `export` share: progress, the outputs (a folder, or standard
 * output with `--out -`), the report (`--report <file>` or `--report -`) and the summary line.
 * The conversion itself is the library's: `convert` (node/convert.ts) for a folder, the in-memory
 * run (core/convert.ts) for standard output.
 */
import { promises as fs } from 'node:fs';
import { zipSync } from '../core/deps/fflate.js';
import { convert, type ConvertRequest, type ConvertResult } from '../node/convert.js';
import { EXIT_INTERRUPTED, isInterrupted, withInterrupts } from '../node/interrupt.js';
import { openPathOrExport } from '../node/open-input.js';
import { convertOpened, selectDocuments } from '../core/convert.js';
import { contentBytes } from '../core/formats/content.js';
import { InputError } from '../core/errors.js';
import { Report } from '../core/report/report.js';
import { renderReportJson, renderReportText } from '../core/report/render.js';
import { resolveOptions, type ConvertOptions } from '../core/formats/options.js';
import type { CommandIo } from './command.js';
import { WorkProgress } from './progress.js';
import { checkStandardOutput, isStandardStream, writeAll } from './standard-streams.js';

export interface CliConversion extends Omit<ConvertRequest, 'outDir' | 'report' | 'onDocument' | 'options'> {
  options: ConvertOptions;
  /** A folder, or `-` for standard output. */
  out: string;
  /** `--report`: a file, `-` for standard output, or none. */
  reportFile?: string;
  quiet: boolean;
  /** Report lines printed on stderr before "... more". */
  reportLines: number;
}

interface Outcome {
  report: Report;
  documents: { converted: number; skipped: number };
  exitCode: 0 | 1;
  /** Folder route: files written, the entries of --out holding them, an interruption during the commit. */
  written: number;
  committed: string[];
  interrupted?: ConvertResult['interrupted'];
  /** What the summary line says was written and where, or undefined when nothing was. */
  wrote?: { what: string; where: string };
}

export async function runConversion(request: CliConversion, io: CommandIo): Promise<number> {
  checkStandardOutput(request.out, request.reportFile);
  const progress = WorkProgress.on(io, 'converting', request.quiet);
  const onDocument: ConvertRequest['onDocument'] = (done, total, ref) => progress.update(done, total, ref.inputBytes ?? 0);
  // Ctrl-C / SIGTERM: the run removes what it staged and says so (exit 130).
  const outcome = await withInterrupts((signal) => (isStandardStream(request.out) ? toStandardOutput(request, onDocument, signal, io) : toFolder(request, onDocument, signal)), io.stderr)
    .finally(() => progress.stop())
    .catch((error: unknown) => {
      if (!isInterrupted(error)) throw error;
      io.stderr.write(`${error.message}\n`);
      return null;
    });
  if (!outcome) return EXIT_INTERRUPTED;
  const { options } = request;
  if (isStandardStream(request.reportFile)) await writeAll(io.stdout, renderReportJson(outcome.report.all(), options.strict));
  io.stderr.write(renderReportText(outcome.report, { strict: options.strict, limit: request.reportLines }));
  const skipped = outcome.documents.skipped ? `; ${outcome.documents.skipped} document(s) skipped` : '';
  const summary = outcome.wrote
    ? `wrote ${outcome.wrote.what} for ${outcome.documents.converted} document(s) to ${outcome.wrote.where}${skipped}\n`
    : `no output written${options.strict ? ' (--strict: the report has warnings or errors)' : ''}\n`;
  // Standard output carries data with `--out -` or `--report -`: the summary goes with the report text.
  (isStandardStream(request.out) || isStandardStream(request.reportFile) ? io.stderr : io.stdout).write(summary);
  if (outcome.interrupted) {
    io.stderr.write(`interrupted (${outcome.interrupted}) while committing: the commit was finished, ${outcome.written} file(s) are in ${request.out} (${outcome.committed.join(', ')})\n`);
    return EXIT_INTERRUPTED;
  }
  return outcome.exitCode;
}

async function toFolder(request: CliConversion, onDocument: ConvertRequest['onDocument'], signal: AbortSignal): Promise<Outcome> {
  const { out, reportFile, quiet: _quiet, reportLines: _lines, ...rest } = request;
  // `--report -`: every message is kept for standard output (a report file is streamed instead).
  const toStdout = isStandardStream(reportFile);
  const result = await convert({ ...rest, outDir: out, onDocument, signal, reportFile: toStdout ? undefined : reportFile, report: toStdout ? new Report() : undefined });
  return { ...result, wrote: result.written ? { what: `${result.written} file(s)`, where: out } : undefined };
}

/**
 * `--out -`: the run's one output file as it is, or, when there are several, a ZIP of them under
 * the paths they get in a folder (`TSV_IOB/<project>/<cabinet>/<name>`). Files are held in memory
 * until the run ends (a `--strict` run that fails writes nothing), then written at once.
 */
async function toStandardOutput(request: CliConversion, onDocument: ConvertRequest['onDocument'], signal: AbortSignal, io: CommandIo): Promise<Outcome> {
  const options = resolveOptions(request.options);
  const report = new Report();
  const opened = await openPathOrExport(request.input, { limits: request.limits, inputFormat: request.inputFormat });
  const run = convertOpened(opened, selectDocuments(opened, request.cabinet ?? 'REVIEW'), { to: request.to, options, flat: request.flat, report, onDocument });
  const files = new Map<string, Uint8Array>();
  for await (const file of run) {
    signal.throwIfAborted();
    if (files.has(file.path)) {
      throw new InputError('OUTPUT_EXISTS', 'two outputs of this run would have the same name', { file: file.path, hint: 'Use --flat only when document names are unique.' });
    }
    files.set(file.path, await contentBytes(file.content));
  }
  signal.throwIfAborted();
  if (request.reportFile && !isStandardStream(request.reportFile)) await fs.writeFile(request.reportFile, renderReportJson(report.all(), options.strict));
  const outcome = { report, documents: run.documents, exitCode: run.exitCode, written: 0, committed: [] };
  if (files.size === 0 || (options.strict && run.exitCode !== 0)) return outcome;
  if (files.size === 1) {
    const [[name, bytes]] = files;
    await writeAll(io.stdout, bytes);
    return { ...outcome, wrote: { what: `1 file (${name})`, where: 'standard output' } };
  }
  if (io.stdout.isTTY) {
    throw new InputError('BAD_OPTION', `the run wrote ${files.size} files, sent as one ZIP archive, and standard output is a terminal`, {
      where: '--out -',
      hint: 'Redirect it to a file or a pipe (`--out - > outputs.zip`), or pass --out <dir>.',
    });
  }
  await writeAll(io.stdout, zipSync(Object.fromEntries(files)));
  return { ...outcome, wrote: { what: `a ZIP of ${files.size} file(s)`, where: 'standard output' } };
}
