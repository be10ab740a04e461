import path from 'node:path';
import type { Document } from './model/types.js';
import type { Report } from './report/report.js';
import type { ConvertOptions } from './formats/options.js';
import type { FormatWriter, OutputFile } from './formats/types.js';

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
    await onFiles(writer, targetFolder(context.layout, writer, doc.project.folder, doc.cabinet.folder), files);
  }
}

export function targetFolder(layout: OutputLayout, writer: FormatWriter, projectFolder: string, cabinetFolder: string): string {
  // Several formats share extensions (CSV and the Comprehend CSV): one folder per format keeps them apart.
  return layout.flat ? path.join(layout.outDir, writer.name) : path.join(layout.outDir, writer.name, projectFolder, cabinetFolder);
}

/** A staged path for each output file, inside its folder (no `..` or absolute parts). */
export function outputPath(folder: string, file: OutputFile): string {
  const safe = file.name.split('/').filter((part) => part && part !== '..' && part !== '.');
  return path.join(folder, ...safe);
}
