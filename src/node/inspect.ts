import type { Document } from '../core/model/types.js';
import { Report } from '../core/report/report.js';
import { openInput, type OpenOptions } from './open-input.js';
import { loadOrReport } from '../core/read/index.js';

export interface DocumentCounts {
  name: string;
  cabinet: string;
  kinds: string[];
  rows: number;
  tokens: number;
  /** Spans per label set index. */
  spansByLabelSet: Record<string, number>;
  spans: number;
  arrows: number;
  timestamps: number;
  rowAnswers: number;
  documentAnswers: number;
  boundingBoxes: number;
  /** What the file was read as and why (content detection). */
  readAs?: Document['readAs'];
}

export interface ProjectSummary {
  folder: string;
  id: string;
  name: string;
  kinds: string[];
  cabinets: string[];
  documents: DocumentCounts[];
}

export interface InspectResult {
  input: string;
  type: 'zip' | 'folder' | 'file';
  projects: ProjectSummary[];
  report: Report;
}

/** Counts what an input holds, per project, cabinet and document, reading one document at a time. */
export async function inspectInput(input: string, options: OpenOptions = {}): Promise<InspectResult> {
  const report = new Report();
  const opened = await openInput(input, options);
  const projects = new Map<string, ProjectSummary>(
    opened.projects.map((p) => [p.folder, { folder: p.folder, id: p.id, name: p.name, kinds: [], cabinets: [], documents: [] }]),
  );
  for (const ref of opened.documents) {
    const project = projects.get(ref.projectFolder)!;
    if (!project.cabinets.includes(ref.cabinet.folder)) project.cabinets.push(ref.cabinet.folder);
    const doc = await loadOrReport(ref, report);
    if (!doc) continue;
    for (const kind of doc.kinds) if (!project.kinds.includes(kind)) project.kinds.push(kind);
    project.documents.push(countDocument(doc));
  }
  return { input, type: opened.type, projects: [...projects.values()], report };
}

export function countDocument(doc: Document): DocumentCounts {
  const spansByLabelSet: Record<string, number> = {};
  for (const set of doc.labelSets) spansByLabelSet[String(set.index)] = 0;
  for (const span of doc.spans) spansByLabelSet[String(span.layer)] = (spansByLabelSet[String(span.layer)] ?? 0) + 1;
  const answered = (answers: Record<string, unknown> | null) => Object.values(answers ?? {}).filter((v) => v !== null && v !== undefined && v !== '').length;
  return {
    name: doc.name,
    cabinet: doc.cabinet.folder,
    kinds: doc.kinds,
    rows: doc.rows.length,
    tokens: doc.rows.reduce((sum, row) => sum + row.cells.reduce((s, c) => s + c.tokens.length, 0), 0),
    spansByLabelSet,
    spans: doc.spans.length,
    arrows: doc.arrows.length,
    timestamps: doc.timestamps.length,
    rowAnswers: Object.values(doc.rowAnswers).reduce((sum, answers) => sum + answered(answers), 0),
    documentAnswers: answered(doc.documentAnswers),
    boundingBoxes: doc.boundingBoxes.length,
    readAs: doc.readAs,
  };
}
