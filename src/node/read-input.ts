import type { Project } from '../core/model/types.js';
import { Report } from '../core/report/report.js';
import { loadOrReport } from '../core/read/index.js';
import { cabinetMatches, type OpenOptions } from '../core/read/input.js';
import { openInput } from './open-input.js';

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

