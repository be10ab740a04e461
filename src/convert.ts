import path from 'node:path';
import type { Document } from './model/types.js';
import { Report, type ConversionMessage } from './report/report.js';
import { InputError } from './errors.js';
import { resolveOptions, type ConvertOptions } from './formats/options.js';
import { findWriter, registeredFormats } from './formats/registry.js';
import type { FormatWriter, OutputFile } from './formats/types.js';
import { cabinetMatches, openInput, type DocumentRef, type OpenedInput } from './read/open-input.js';
import { loadOrReport } from './read/index.js';
import type { ArchiveLimits } from './read/zip-entries.js';
import { StagedWriter } from './staged-writer.js';

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
  report?: Report;
  /** Called after each document (for progress displays). */
  onDocument?: (done: number, total: number, ref: DocumentRef) => void;
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
  const opened: OpenedInput = await openInput(request.input, { limits: request.limits });
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
    for (const [n, ref] of refs.entries()) {
      // A single document file is the whole input: its problem is the run's error (exit 2).
      const doc = opened.type === 'file' ? await ref.load(report.scope({ document: ref.documentName, cabinet: ref.cabinet.folder })) : await loadOrReport(ref, report);
      if (!doc) {
        counts.skipped++;
        continue;
      }
      counts.converted++;
      for (const writer of writers) {
        const scoped = report.scope({ format: writer.name, project: doc.project.folder, document: doc.name, cabinet: doc.cabinet.folder });
        if (!writer.kinds.some((k) => doc.kinds.includes(k))) {
          if (explicit) scoped.add({ kind: 'FormatNotApplicable', text: `${writer.name} supports ${writer.kinds.join(', ')}; this document is ${doc.kinds.join(', ')}` });
          continue;
        }
        const files = await writer.writeDocument(doc, { options, report: scoped });
        await stageAll(staged, files, targetFolder(request, writer, doc.project.folder, doc.cabinet.folder));
        if (options.combine && writer.writeCombined) {
          const key = `${writer.name}\u0000${doc.project.folder}\u0000${doc.cabinet.folder}`;
          combined.set(key, [...(combined.get(key) ?? []), doc]);
        }
      }
      request.onDocument?.(n + 1, refs.length, ref);
    }
    for (const [key, docs] of combined) {
      const [name, projectFolder, cabinetFolder] = key.split('\u0000');
      const writer = findWriter(name)!;
      // The combined file holds the same labels as the per-document files: what the writer says
      // again about them is already in the report, so only new messages are kept.
      const pass = new Report();
      const files = await writer.writeCombined!(docs, { options, report: pass.scope({ format: writer.name, project: projectFolder, cabinet: cabinetFolder }) });
      const seen = new Set(report.all().map(messageKey));
      for (const message of pass.all()) if (!seen.has(messageKey(message))) report.add(message);
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

function targetFolder(request: ConvertRequest, writer: FormatWriter, projectFolder: string, cabinetFolder: string): string {
  // Several formats share extensions (CSV and the Comprehend CSV): one folder per format keeps them apart.
  return request.flat ? path.join(request.outDir, writer.name) : path.join(request.outDir, writer.name, projectFolder, cabinetFolder);
}

async function stageAll(staged: StagedWriter, files: OutputFile[], folder: string): Promise<void> {
  for (const file of files) {
    const safe = file.name.split('/').filter((part) => part && part !== '..' && part !== '.');
    await staged.stage(path.join(folder, ...safe), file.content);
  }
}
