import type { Document } from './model/types.js';
import { Report } from './report/report.js';
import { loadOrReport } from './read/index.js';
import { reportIgnoredEntries } from './read/ignored-entries.js';
import type { DocumentRef, OpenedInput } from './read/input.js';
import { openExport, type ExportInput, type ExportInputOptions } from './export-input.js';

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
  /** Answered questions over all boxes (a box answers the questions of its class). */
  boxAnswers: number;
  /**
   * Answered box questions per class and question: `"<class> › <question label>"` → count; every
   * question of every class is listed (0 when unanswered), and an answer to a question the class
   * does not declare is counted under `"<class> › question <id>"`.
   */
  boxAnswersByQuestion: Record<string, number>;
  /** What the file was read as and why (content detection). */
  readAs?: Document['readAs'];
}

export interface ProjectSummary {
  folder: string;
  id: string;
  name: string;
  kinds: string[];
  cabinets: string[];
  /** The label sets of its documents, by index (the name of the first document that names it). */
  labelSets: Array<{ index: number; name?: string }>;
  documents: DocumentCounts[];
}

export interface InspectOptions {
  /** Called after each document (for progress displays), read or skipped. */
  onDocument?: (done: number, total: number, ref: DocumentRef) => void;
}

export interface InspectResult {
  input: string;
  type: 'zip' | 'folder' | 'file';
  projects: ProjectSummary[];
  report: Report;
}

/**
 * Counts what an export held in memory holds (the same input as `readExport`), per project,
 * cabinet and document, reading one document at a time.
 */
export async function inspectExport(input: ExportInput, options: ExportInputOptions & InspectOptions = {}): Promise<InspectResult> {
  const opened = await openExport(input, options);
  return inspectOpened(opened, options.name ?? opened.path, options);
}

/** The same on an input already opened (the CLI opens files and folders with the Node adapter). */
export async function inspectOpened(opened: OpenedInput, input: string, options: InspectOptions = {}): Promise<InspectResult> {
  const report = new Report();
  reportIgnoredEntries(opened, report);
  const projects = new Map<string, ProjectSummary>(
    opened.projects.map((p) => [p.folder, { folder: p.folder, id: p.id, name: p.name, kinds: [], cabinets: [], labelSets: [], documents: [] }]),
  );
  for (const [n, ref] of opened.documents.entries()) {
    const project = projects.get(ref.projectFolder)!;
    if (!project.cabinets.includes(ref.cabinet.folder)) project.cabinets.push(ref.cabinet.folder);
    const doc = await loadOrReport(ref, report);
    options.onDocument?.(n + 1, opened.documents.length, ref);
    if (!doc) continue;
    for (const kind of doc.kinds) if (!project.kinds.includes(kind)) project.kinds.push(kind);
    for (const set of doc.labelSets) {
      const known = project.labelSets.find((s) => s.index === set.index);
      if (!known) project.labelSets.push({ index: set.index, ...(set.name ? { name: set.name } : {}) });
      else if (known.name === undefined && set.name) known.name = set.name;
    }
    project.documents.push(countDocument(doc));
  }
  for (const project of projects.values()) project.labelSets.sort((a, b) => a.index - b.index);
  return { input, type: opened.type, projects: [...projects.values()], report };
}

/** An answer that says something: not null, not empty text, not an empty choice. */
const isAnswered = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

export function countDocument(doc: Document): DocumentCounts {
  const spansByLabelSet: Record<string, number> = {};
  for (const set of doc.labelSets) spansByLabelSet[String(set.index)] = 0;
  for (const span of doc.spans) spansByLabelSet[String(span.layer)] = (spansByLabelSet[String(span.layer)] ?? 0) + 1;
  const answered = (answers: Record<string, unknown> | null | undefined) => Object.values(answers ?? {}).filter(isAnswered).length;
  const boxAnswersByQuestion = countBoxAnswers(doc);
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
    boxAnswers: Object.values(boxAnswersByQuestion).reduce((sum, n) => sum + n, 0),
    boxAnswersByQuestion,
    readAs: doc.readAs,
  };
}

function countBoxAnswers(doc: Document): Record<string, number> {
  const counts: Record<string, number> = {};
  const classes = new Map(doc.boundingBoxLabelSets.flatMap((set) => set.classes).map((c) => [c.id, c]));
  for (const c of classes.values()) for (const q of c.questions ?? []) counts[`${c.name} › ${q.label}`] = 0;
  for (const box of doc.boundingBoxes) {
    const boxClass = classes.get(box.classId);
    for (const [questionId, answer] of Object.entries(box.answers ?? {})) {
      if (!isAnswered(answer)) continue;
      const question = boxClass?.questions?.find((q) => String(q.id) === questionId);
      const key = `${boxClass?.name ?? box.className} › ${question ? question.label : `question ${questionId}`}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
