import type { Document } from './model/types.js';
import type { Report } from './report/report.js';
import type { ConvertOptions } from './formats/options.js';
import type { FormatName, FormatWriter, OutputFile } from './formats/types.js';
import { fitOutputName, fitsAsIs } from './model/naming.js';
import { releaseDocument } from './model/document-caches.js';

/** Where outputs go, relative to the output root; shared by the main thread and the workers of `convert`. */
export interface OutputLayout {
  /** One folder per format for everything: `<format>/<file>` instead of the server layout. */
  flat?: boolean;
}

/** One output file of a conversion. */
export interface ConvertedFile extends OutputFile {
  /**
   * Where it goes, relative to the output root, with `/`:
   * `TSV_IOB/<project folder>/<cabinet>/lorem.txt.tsv` (`TSV_IOB/lorem.txt.tsv` when flat).
   */
  path: string;
  format: FormatName;
  /** Project folder and cabinet folder it belongs to. */
  project: string;
  cabinet: string;
  /** The document it was written from; absent for a `--combine` file of the whole project. */
  document?: string;
}

/** Whether a writer of the run writes at all: `--to all` leaves out those that need an option (CUSTOM's transformer). */
export function inRun(writer: FormatWriter, context: { options: ConvertOptions; explicit: boolean }): boolean {
  return context.explicit || !writer.inAll || writer.inAll(context.options);
}

/**
 * Runs every requested writer on one document and yields each writer's files in writer order (a
 * file's streamed content must be read before the next file is asked for). A writer that does not
 * fit the document's kind is skipped, and named when it was asked for. When the last file has been
 * taken, the work the writers shared on the document is dropped (document-caches.ts): kept in weak
 * maps until a full collection, it was promoted with every document.
 */
export async function* writeFormats(
  doc: Document,
  writers: readonly FormatWriter[],
  context: { options: ConvertOptions; report: Report; explicit: boolean; layout: OutputLayout },
): AsyncGenerator<ConvertedFile> {
  try {
    for (const writer of writers) {
      if (!inRun(writer, context)) continue;
      const scoped = context.report.scope({ format: writer.name, project: doc.project.folder, document: doc.name, cabinet: doc.cabinet.folder });
      if (!writer.kinds.some((k) => doc.kinds.includes(k))) {
        if (context.explicit) scoped.add({ kind: 'FormatNotApplicable', text: `${writer.name} supports ${writer.kinds.join(', ')}; this document is ${doc.kinds.join(', ')}` });
        continue;
      }
      // A writer that needs the rows in memory must never see a document whose rows are streamed
      // (`rows` empty): it would write an empty table. The run streams only when every writer of the
      // document's kinds streams (streamRowsFor); this says so loudly if that ever stops holding.
      if (doc.rowStream && !writer.streamsRows) throw new Error(`${writer.name} does not take streamed rows, yet was given ${doc.name} with them`);
      // Awaited only when it is not the list itself: most writers return their files, and an await of
      // a value is a turn of the microtask queue per format and document.
      const written = writer.writeDocument(doc, { options: context.options, report: scoped });
      const files = Array.isArray(written) ? written : await written;
      reportFittedNames(scoped, context.layout, doc.project.folder, doc.cabinet.folder, files);
      const folder = targetFolder(context.layout, writer, doc.project.folder, doc.cabinet.folder);
      for (const file of files) yield placed(file, folder, writer, doc.project.folder, doc.cabinet.folder, doc.name);
    }
  } finally {
    releaseDocument(doc);
  }
}

/** A writer's file placed in the output tree. */
export function placed(file: OutputFile, folder: string, writer: FormatWriter, project: string, cabinet: string, document?: string): ConvertedFile {
  // Object.assign, not `{ ...file, path, … }`: members after a spread cost V8 (Node 20) a runtime
  // call each, 2–3 µs (docs/performance.md).
  return Object.assign({}, file, { path: outputPath(folder, file), format: writer.name, project, cabinet }, document === undefined ? undefined : { document });
}

export function targetFolder(layout: OutputLayout, writer: FormatWriter, projectFolder: string, cabinetFolder: string): string {
  // Several formats share extensions (CSV and the Comprehend CSV): one folder per format keeps them apart.
  if (layout.flat) return writer.name;
  return [writer.name, ...safeParts(projectFolder), ...safeParts(cabinetFolder)].map(fitted).join('/');
}

/** A file's path inside its folder (no empty, `.`, `..` or absolute parts; names fitted to the file system). */
export function outputPath(folder: string, file: OutputFile): string {
  // Most file names are one part that fits: no lists to split, filter and join (issue 15).
  if (isOnePart(file.name) && fitsAsIs(file.name)) return `${folder}/${file.name}`;
  return [folder, ...safeParts(file.name).map(fitted)].join('/');
}

function fitted(part: string): string {
  return fitsAsIs(part) ? part : fitOutputName(part).name;
}

/** A name that `safeParts` keeps whole. */
function isOnePart(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/');
}

function safeParts(name: string): string[] {
  return name.split('/').filter((part) => part && part !== '..' && part !== '.');
}

/**
 * Names each folder or file name of these outputs that `targetFolder`/`outputPath` change to fit
 * the file system (a NUL, over 200 bytes): a file name once per format and document, a project or
 * cabinet folder name once per run (it is the same for every document and format).
 */
export function reportFittedNames(report: Report, layout: OutputLayout, projectFolder: string, cabinetFolder: string, files: readonly OutputFile[]): void {
  const say = (scoped: Report, what: string, part: string) => {
    if (fitsAsIs(part)) return;
    const fitted = fitOutputName(part);
    if (fitted.changes.length === 0) return;
    const shown = part.length > 60 ? `${part.slice(0, 60)}…` : part;
    scoped.once(`OutputNameChanged:${part}`, { kind: 'OutputNameChanged', text: `${what} ${JSON.stringify(shown)} was written as ${JSON.stringify(fitted.name)}: ${fitted.changes.join('; ')}` });
  };
  if (!layout.flat) {
    const folders = report.scope({ format: undefined, document: undefined, project: projectFolder, cabinet: cabinetFolder });
    say(folders, 'project folder', projectFolder);
    say(folders, 'cabinet folder', cabinetFolder);
  }
  for (const file of files) {
    // Every part of a name that fits as it is fits too.
    if (fitsAsIs(file.name)) continue;
    for (const part of safeParts(file.name)) say(report, 'file name', part);
  }
}
