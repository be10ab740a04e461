import type { Document, Project } from '../model/types.js';
import { Report } from '../report/report.js';
import { isInputError } from '../errors.js';
import { cabinetMatches, openInput, type OpenOptions, type DocumentRef } from './open-input.js';

export { openInput, cabinetMatches } from './open-input.js';
export type { DocumentRef, OpenedInput, ProjectRef, OpenOptions } from './open-input.js';
export { parseDocumentText, detectJsonFormat, registerTsvReader } from './parse-document.js';
export { readDatasaurSchema } from './datasaur-schema.js';
export { readJsonAdvanced } from './json-advanced.js';
export { readCsvExport } from './csv-export.js';
export { DEFAULT_LIMITS, type ArchiveLimits } from './zip-entries.js';

export interface ReadOptions extends OpenOptions {
  /** REVIEW (default: all cabinets for readInput), ROOT, a labeler e-mail, or all. */
  cabinet?: string;
  report?: Report;
}

export interface ReadResult {
  projects: Project[];
  report: Report;
}

/**
 * Reads a whole input into memory (convenient for small inputs and tests; `convert` streams
 * document by document instead). A document that cannot be read is reported as `DocumentSkipped`
 * (with the reason) and the others are still read; a problem with the input as a whole throws.
 */
export async function readInput(inputPath: string, options: ReadOptions = {}): Promise<ReadResult> {
  const report = options.report ?? new Report();
  const opened = await openInput(inputPath, options);
  const projects = new Map<string, Project>();
  for (const ref of opened.projects) {
    projects.set(ref.folder, { id: ref.id, name: ref.name, folder: ref.folder, projectData: ref.projectData, documents: [] });
  }
  for (const ref of opened.documents) {
    if (!cabinetMatches(ref.cabinet, options.cabinet ?? 'all')) continue;
    const doc = await loadOrReport(ref, report);
    if (doc) projects.get(ref.projectFolder)?.documents.push(doc);
  }
  return { projects: [...projects.values()], report };
}

/** Loads one document; an input error becomes a `DocumentSkipped` message instead of ending the run. */
export async function loadOrReport(ref: DocumentRef, report: Report): Promise<Document | null> {
  const scoped = report.scope({ document: ref.documentName, cabinet: ref.cabinet.folder, project: ref.projectFolder });
  try {
    return await ref.load(scoped);
  } catch (error) {
    if (!isInputError(error)) throw error;
    scoped.add({ kind: 'DocumentSkipped', text: error.toUserMessage().replace(/^error \[[A-Z_]+\] /, ''), place: { file: ref.file, jsonPath: error.where } });
    return null;
  }
}
