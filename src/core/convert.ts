import type { Document, ProjectKind } from './model/types.js';
import { Report, type ConversionMessage } from './report/report.js';
import { InputError } from './errors.js';
import { resolveOptions, type ConvertOptions } from './formats/options.js';
import { findWriter } from './formats/registry.js';
import type { FormatName, FormatWriter, OutputFile } from './formats/types.js';
import { isExplicit, resolveFormats, type FormatSelection } from './formats/resolve-formats.js';
import { loadOrReport } from './read/index.js';
import { reportIgnoredEntries } from './read/ignored-entries.js';
import { cabinetMatches, type DocumentRef, type LoadUse, type OpenedInput } from './read/input.js';
import { inRun, placed, reportFittedNames, targetFolder, writeFormats, type ConvertedFile, type OutputLayout } from './convert-document.js';
import { openExport, type ExportInput, type ExportInputOptions } from './export-input.js';

export type { ConvertedFile };

/** What to convert to, and how (everything but where the input comes from). */
export interface ConversionSettings {
  /** Format names (a `FormatName` union: a misspelt name does not compile), or 'all'. */
  to: FormatSelection;
  /** REVIEW (default), ROOT, a labeler's e-mail, or all. */
  cabinet?: string;
  options?: Partial<ConvertOptions>;
  /** One folder per format for everything: `<format>/<file>` instead of the server layout. */
  flat?: boolean;
  /** Messages go here (default: a new report, `run.report`). */
  report?: Report;
  /** Called after each document (for progress displays). */
  onDocument?: (done: number, total: number, ref: DocumentRef) => void;
}

export interface ConvertExportOptions extends ConversionSettings, ExportInputOptions {}

/**
 * A conversion in progress: iterate it for the output files, one at a time (read a file's content
 * before asking for the next: a streamed content is produced as it is read). The report fills as
 * documents are converted; a problem with the input as a whole is thrown by the iteration.
 */
export interface ConversionRun extends AsyncIterable<ConvertedFile> {
  readonly report: Report;
  /** Documents converted and skipped so far (a skipped one is named in the report). */
  readonly documents: { converted: number; skipped: number };
  /**
   * Once the files are read: 0 when all is well, 1 when errors (or, with `strict`, warnings) were
   * reported. Under `strict` the files of such a run are to be dropped, as `convert` does.
   */
  readonly exitCode: 0 | 1;
}

/**
 * Converts an export held in memory (ZIP bytes, a Blob, a stream, a folder's files or a parsed
 * document) without touching any file system:
 *
 * ```ts
 * const run = convertExport(zipBytes, { to: ['TSV_IOB', 'CSV'] });
 * for await (const file of run) save(file.path, await contentBytes(file.content));
 * console.log(run.report.messages, run.exitCode);
 * ```
 */
export function convertExport(input: ExportInput, options: ConvertExportOptions): ConversionRun {
  return new Conversion(options, async (report) => {
    const opened = await openExport(input, options);
    reportIgnoredEntries(opened, report);
    return { opened, refs: selectDocuments(opened, options.cabinet ?? 'REVIEW') };
  });
}

/**
 * The same on an input already opened (the path-based `convert` opens files with the Node adapter
 * and reports the files it did not read itself).
 */
export function convertOpened(opened: OpenedInput, refs: readonly DocumentRef[], settings: ConversionSettings): ConversionRun {
  return new Conversion(settings, async () => ({ opened, refs }));
}

/** The documents of the selected cabinet; none is a usage error that lists the cabinets there are. */
export function selectDocuments(opened: OpenedInput, selector: string): DocumentRef[] {
  const refs = opened.documents.filter((d) => cabinetMatches(d.cabinet, selector));
  if (refs.length === 0) {
    const available = [...new Set(opened.documents.map((d) => d.cabinet.folder))].join(', ');
    throw new InputError('BAD_OPTION', `no document in cabinet "${selector}"`, { file: opened.path, where: '--cabinet', expected: `one of REVIEW, ROOT, all, a labeler e-mail (cabinets here: ${available})` });
  }
  return refs;
}

/**
 * Writes one document in one format: its files (content as text, bytes or a stream) and what the
 * format could not hold, in `report`. A format that does not fit the document's kind writes no
 * file and says so (`FormatNotApplicable`).
 */
export async function writeFormat(document: Document, format: FormatName, settings: { options?: Partial<ConvertOptions>; report?: Report } = {}): Promise<{ files: OutputFile[]; report: Report }> {
  const report = settings.report ?? new Report();
  const [writer] = resolveFormats([format]);
  const files: OutputFile[] = [];
  const context = { options: resolveOptions(settings.options), report, explicit: true, layout: { flat: true } };
  for await (const file of writeFormats(document, [writer], context)) files.push({ name: file.name, content: file.content });
  return { files, report };
}

class Conversion implements ConversionRun {
  readonly report: Report;
  readonly documents = { converted: 0, skipped: 0 };
  private readonly options: ConvertOptions;
  private readonly writers: FormatWriter[];
  private readonly explicit: boolean;
  private readonly layout: OutputLayout;
  private started = false;

  constructor(
    private readonly settings: ConversionSettings,
    private readonly open: (report: Report) => Promise<{ opened: OpenedInput; refs: readonly DocumentRef[] }>,
  ) {
    // Unknown formats and bad options fail here, before any input is read.
    this.options = resolveOptions(settings.options);
    this.writers = resolveFormats(settings.to);
    this.explicit = isExplicit(settings.to);
    this.layout = { flat: settings.flat };
    this.report = settings.report ?? new Report();
  }

  get exitCode(): 0 | 1 {
    return this.report.hasErrors(this.options.strict) ? 1 : 0;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ConvertedFile> {
    if (this.started) throw new Error('a conversion run can be iterated once');
    this.started = true;
    const { opened, refs } = await this.open(this.report);
    const { options, report, writers } = this;
    const combined = new Map<string, Document[]>();
    // --combine: the messages of the per-document passes, to tell which ones a combined pass only
    // repeats; gathered as they come (the report may not keep every message in memory).
    const seen = new Set<string>();
    const stopSeeing = options.combine ? report.attach({ write: (m) => seen.add(messageKey(m)) }) : undefined;
    try {
      yield* this.documentFiles(opened, refs, combined);
    } finally {
      stopSeeing?.();
    }
    yield* this.combinedFiles(combined, seen);
  }

  private async *documentFiles(opened: OpenedInput, refs: readonly DocumentRef[], combined: Map<string, Document[]>): AsyncGenerator<ConvertedFile> {
    const { options, report, writers } = this;
    // A large row document's rows are streamed when every writer that runs on it (those of its
    // kinds: `--to all` names token writers too) reads them as a stream, and not for --combine
    // (its per-project file needs every document's rows at once).
    const use: LoadUse = { rowStream: (kinds) => !options.combine && streamRowsFor(writers.filter((w) => inRun(w, { options, explicit: this.explicit })), kinds) };
    for (const [n, ref] of refs.entries()) {
      // A single document file is the whole input: its problem is the run's error.
      const doc = opened.type === 'file' ? await ref.load(report.scope({ document: ref.documentName, cabinet: ref.cabinet.folder }), use) : await loadOrReport(ref, report);
      if (!doc) this.documents.skipped++;
      else {
        this.documents.converted++;
        for await (const file of writeFormats(doc, writers, { options, report, explicit: this.explicit, layout: this.layout })) {
          yield file;
          if (options.combine && findWriter(file.format)?.writeCombined) {
            // Once per document and format, whatever the number of files it wrote.
            const key: string = `${file.format}\u0000${doc.project.folder}\u0000${doc.cabinet.folder}`;
            const docs: Document[] = combined.get(key) ?? [];
            if (docs[docs.length - 1] !== doc) docs.push(doc);
            combined.set(key, docs);
          }
        }
      }
      this.settings.onDocument?.(n + 1, refs.length, ref);
    }
  }

  /** `--combine`: one file per project, cabinet and format, after the per-document files. */
  private async *combinedFiles(combined: Map<string, Document[]>, seen: Set<string>): AsyncGenerator<ConvertedFile> {
    const { options, report } = this;
    for (const [key, docs] of combined) {
      const [name, projectFolder, cabinetFolder] = key.split('\u0000');
      const writer = findWriter(name)!;
      // The combined file holds the same labels as the per-document files: what the writer says
      // again about them is already in the report, so only new messages are kept.
      const pass = new Report();
      const scoped = pass.scope({ format: writer.name, project: projectFolder, cabinet: cabinetFolder });
      const files = await writer.writeCombined!(docs, { options, report: scoped });
      reportFittedNames(scoped, this.layout, projectFolder, cabinetFolder, files);
      for (const message of pass.all()) {
        const said = messageKey(message);
        if (seen.has(said)) continue;
        seen.add(said);
        report.add(message);
      }
      const folder = targetFolder(this.layout, writer, projectFolder, cabinetFolder);
      for (const file of files) yield placed(file, folder, writer, projectFolder, cabinetFolder);
    }
  }
}

function messageKey(m: ConversionMessage): string {
  return [m.format, m.project, m.cabinet, m.document, m.kind, m.labelId, m.text].join('\u0000');
}

/**
 * Whether a document of these kinds may have its rows streamed: every writer of the run that runs
 * on it (those of its kinds) reads them as a stream.
 */
export function streamRowsFor(writers: readonly FormatWriter[], kinds: readonly ProjectKind[]): boolean {
  const running = writers.filter((w) => w.kinds.some((k) => kinds.includes(k)));
  return running.length > 0 && running.every((w) => w.streamsRows === true);
}
