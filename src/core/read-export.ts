import type { Document, Project } from './model/types.js';
import { Report } from './report/report.js';
import { loadOrReport } from './read/index.js';
import { cabinetMatches, type OpenedInput } from './read/input.js';
import { openExport, type ExportInput, type ExportInputOptions } from './export-input.js';

export interface ReadOptions extends ExportInputOptions {
  /** REVIEW, ROOT, a labeler e-mail, or all (the default: every cabinet). */
  cabinet?: string;
  report?: Report;
}

export interface ReadResult {
  projects: Project[];
  /** Every document read, in input order (the same objects as in `projects`). */
  documents: Document[];
  report: Report;
}

/**
 * Reads a whole export held in memory into the model. A document that cannot be read is reported
 * as `DocumentSkipped` (with the reason) and the others are still read; a problem with the input
 * as a whole (not a ZIP, no documents, a limit passed) throws an `InputError`.
 */
export async function readExport(input: ExportInput, options: ReadOptions = {}): Promise<ReadResult> {
  return readOpened(await openExport(input, options), options);
}

/** Loads every selected document of an opened input (all of it in memory: for small inputs and tests). */
export async function readOpened(opened: OpenedInput, options: { cabinet?: string; report?: Report } = {}): Promise<ReadResult> {
  const report = options.report ?? new Report();
  const projects = new Map<string, Project>();
  for (const ref of opened.projects) {
    projects.set(ref.folder, { id: ref.id, name: ref.name, folder: ref.folder, projectData: ref.projectData, documents: [] });
  }
  const documents: Document[] = [];
  for (const ref of opened.documents) {
    if (!cabinetMatches(ref.cabinet, options.cabinet ?? 'all')) continue;
    const doc = await loadOrReport(ref, report);
    if (!doc) continue;
    documents.push(doc);
    projects.get(ref.projectFolder)?.documents.push(doc);
  }
  return { projects: [...projects.values()], documents, report };
}
