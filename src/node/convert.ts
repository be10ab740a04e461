import type { Document } from '../core/model/types.js';
import { Report, type ConversionMessage } from '../core/report/report.js';
import { InputError } from '../core/errors.js';
import { resolveOptions, type ConvertOptions } from '../core/formats/options.js';
import { findWriter, registeredFormats } from '../core/formats/registry.js';
import type { FormatWriter, OutputFile } from '../core/formats/types.js';
import { cabinetMatches, openInput, type DocumentRef, type OpenedInput } from './open-input.js';
import { loadOrReport } from '../core/read/index.js';
import type { ArchiveLimits } from '../core/read/zip-entries.js';
import { StagedWriter } from './staged-writer.js';
import { outputPath, reportFittedNames, targetFolder, writeFormats } from '../core/convert-document.js';
import { runWorkers } from './convert-parallel.js';
// The PDF writer's fonts (read from the package's fonts/ folder on first use).
import './pdf-fonts.js';

export interface ConvertRequest {
  /** An export ZIP, a folder in the export layout, or one document file. */
  input: string;
  /** Format names, or 'all' (every registered format that fits each document's kind). */
  to: readonly string[] | 'all';
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

/** Resolves `--to` names against the registry; an unknown name is a usage error naming the choices. */
export function resolveFormats(to: readonly string[] | 'all'): FormatWriter[] {
  if (to === 'all' || (to.length === 1 && to[0].toLowerCase() === 'all')) return [...registeredFormats()];
  return to.map((name) => {
    const writer = findWriter(name.trim());
    if (!writer) {
      throw new InputError('BAD_OPTION', `unknown or unavailable format "${name}"`, {
        where: '--to',
        expected: `one of ${registeredFormats().map((w) => w.name).join(', ')} or all`,
      });
    }
    return writer;
  });
}

/**
 * Reads the input one document at a time, runs every requested writer on it and stages the
 * outputs; commits them all at the end (atomic), or none when `--strict` finds a warning or error.
 */
export async function convert(request: ConvertRequest): Promise<ConvertResult> {
  const options = resolveOptions(request.options);
  const report = request.report ?? new Report();
  const writers = resolveFormats(request.to);
  const explicit = request.to !== 'all' && !(request.to.length === 1 && request.to[0].toLowerCase() === 'all');
  const opened: OpenedInput = await openInput(request.input, { limits: request.limits, inputFormat: request.inputFormat });
  const selector = request.cabinet ?? 'REVIEW';
  const refs = opened.documents.filter((d) => cabinetMatches(d.cabinet, selector));
  if (refs.length === 0) {
    const available = [...new Set(opened.documents.map((d) => d.cabinet.folder))].join(', ');
    throw new InputError('BAD_OPTION', `no document in cabinet "${selector}"`, { file: request.input, where: '--cabinet', expected: `one of REVIEW, ROOT, all, a labeler e-mail (cabinets here: ${available})` });
  }
  const staged = new StagedWriter(request.force ?? false);
  const combined = new Map<string, Document[]>();
  const counts = { converted: 0, skipped: 0 };
  try {
    const workers = Math.min(request.workers ?? 1, refs.length);
    const parallel = workers > 1 && opened.type !== 'file' && !options.combine;
    if (parallel) {
      const layout = { outDir: request.outDir, flat: request.flat };
      await runWorkers({ input: request.input, to: request.to, explicit, selector, options, layout, limits: request.limits, inputFormat: request.inputFormat }, refs.length, workers, async (reply) => {
        if (reply.converted) counts.converted++;
        else counts.skipped++;
        for (const message of reply.messages) report.add(message);
        for (const file of reply.files) await staged.stage(file.path, file.bytes);
        request.onDocument?.(reply.index + 1, refs.length, refs[reply.index]);
      });
    }
    // On the calling thread (no workers asked for, a single file, or --combine).
    for (const [n, ref] of (parallel ? [] : refs).entries()) {
      // A single document file is the whole input: its problem is the run's error (exit 2).
      const doc = opened.type === 'file' ? await ref.load(report.scope({ document: ref.documentName, cabinet: ref.cabinet.folder })) : await loadOrReport(ref, report);
      if (!doc) {
        counts.skipped++;
        continue;
      }
      counts.converted++;
      await writeFormats(doc, writers, { options, report, explicit, layout: request }, async (writer, folder, files) => {
        await stageAll(staged, files, folder);
        if (options.combine && writer.writeCombined) {
          const key = `${writer.name}\u0000${doc.project.folder}\u0000${doc.cabinet.folder}`;
          combined.set(key, [...(combined.get(key) ?? []), doc]);
        }
      });
      request.onDocument?.(n + 1, refs.length, ref);
    }
    // Messages of the per-document passes, to tell which ones a combined pass only repeats.
    const seen = combined.size ? new Set(report.all().map(messageKey)) : new Set<string>();
    for (const [key, docs] of combined) {
      const [name, projectFolder, cabinetFolder] = key.split('\u0000');
      const writer = findWriter(name)!;
      // The combined file holds the same labels as the per-document files: what the writer says
      // again about them is already in the report, so only new messages are kept.
      const pass = new Report();
      const scoped = pass.scope({ format: writer.name, project: projectFolder, cabinet: cabinetFolder });
      const files = await writer.writeCombined!(docs, { options, report: scoped });
      reportFittedNames(scoped, request, projectFolder, cabinetFolder, files);
      for (const message of pass.all()) {
        const key = messageKey(message);
        if (seen.has(key)) continue;
        seen.add(key);
        report.add(message);
      }
      await stageAll(staged, files, targetFolder(request, writer, projectFolder, cabinetFolder));
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

function messageKey(m: ConversionMessage): string {
  return [m.format, m.project, m.cabinet, m.document, m.kind, m.labelId, m.text].join('\u0000');
}

async function stageAll(staged: StagedWriter, files: OutputFile[], folder: string): Promise<void> {
  for (const file of files) await staged.stage(outputPath(folder, file), file.content);
}
