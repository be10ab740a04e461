import path from 'node:path';
import type { Document } from './model/types.js';
import type { Report } from './report/report.js';
import type { ConvertOptions } from './formats/options.js';
import type { FormatWriter, OutputFile } from './formats/types.js';
import { fitOutputName } from './model/naming.js';

/** Where outputs go; shared by the main thread and the worker threads of `convert`. */
export interface OutputLayout {
  outDir: string;
  /** One folder for everything: `<out>/<format>/<file>` instead of the server layout. */
  flat?: boolean;
}

/**
 * Runs every requested writer on one document and hands each writer's files to `onFiles` in
 * writer order (a writer's streamed content is consumed there, before the next writer runs).
 * A writer that does not fit the document's kind is skipped, and named when it was asked for.
 */
export async function writeFormats(
  doc: Document,
  writers: readonly FormatWriter[],
  context: { options: ConvertOptions; report: Report; explicit: boolean; layout: OutputLayout },
  onFiles: (writer: FormatWriter, folder: string, files: OutputFile[]) => Promise<void>,
): Promise<void> {
  for (const writer of writers) {
    const scoped = context.report.scope({ format: writer.name, project: doc.project.folder, document: doc.name, cabinet: doc.cabinet.folder });
    if (!writer.kinds.some((k) => doc.kinds.includes(k))) {
      if (context.explicit) scoped.add({ kind: 'FormatNotApplicable', text: `${writer.name} supports ${writer.kinds.join(', ')}; this document is ${doc.kinds.join(', ')}` });
      continue;
    }
    const files = await writer.writeDocument(doc, { options: context.options, report: scoped });
    reportFittedNames(scoped, context.layout, doc.project.folder, doc.cabinet.folder, files);
    await onFiles(writer, targetFolder(context.layout, writer, doc.project.folder, doc.cabinet.folder), files);
  }
}

export function targetFolder(layout: OutputLayout, writer: FormatWriter, projectFolder: string, cabinetFolder: string): string {
  // Several formats share extensions (CSV and the Comprehend CSV): one folder per format keeps them apart.
  if (layout.flat) return path.join(layout.outDir, writer.name);
  return path.join(layout.outDir, writer.name, fitOutputName(projectFolder).name, fitOutputName(cabinetFolder).name);
}

/** A staged path for each output file, inside its folder (no `..` or absolute parts, names fitted). */
export function outputPath(folder: string, file: OutputFile): string {
  return path.join(folder, ...fileNameParts(file).map((part) => fitOutputName(part).name));
}

function fileNameParts(file: OutputFile): string[] {
  return file.name.split('/').filter((part) => part && part !== '..' && part !== '.');
}

/**
 * Names each folder or file name of these outputs that `targetFolder`/`outputPath` change to fit
 * the file system (a NUL, over 200 bytes): a file name once per format and document, a project or
 * cabinet folder name once per run (it is the same for every document and format).
 */
export function reportFittedNames(report: Report, layout: OutputLayout, projectFolder: string, cabinetFolder: string, files: readonly OutputFile[]): void {
  const say = (scoped: Report, what: string, part: string) => {
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
  for (const part of files.flatMap(fileNameParts)) say(report, 'file name', part);
}
