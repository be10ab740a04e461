import type {
  Arrow,
  Cabinet,
  Column,
  Document,
  LabelSet,
  ProjectKind,
  Question,
  AnswerSet,
  Row,
  Span,
  TokenPosition,
} from './types.js';
import { projectFolderName } from './naming.js';

/**
 * Builders for documents made in code (fixtures, tests, property-test arbitraries, the benchmark
 * generator). They fill the fields a server file would have with neutral values.
 */

export interface TokenDocumentInput {
  id?: string;
  name?: string;
  project?: { id: string; name: string };
  cabinet?: Cabinet;
  /** One entry per row: either tokens (content = tokens joined by one space) or {content, tokens}. */
  rows: Array<string[] | { content: string; tokens: string[] }>;
  /** One entry per label set: its label names (ids `<set>-<n>`), or full LabelSets. */
  labelSets?: Array<string[] | LabelSet>;
  spans?: SpanInput[];
  arrows?: ArrowInput[];
}

export interface SpanInput {
  id?: string;
  layer?: number;
  label: string;
  /** [row, token] or [row, token, char]; end inclusive. */
  start: [number, number] | [number, number, number];
  end: [number, number] | [number, number, number];
  counter?: number;
  status?: Span['status'];
  labeledBy?: Span['labeledBy'];
}

export interface ArrowInput {
  id?: string;
  from: string;
  to: string;
  label?: string;
  layer?: number;
  status?: Arrow['status'];
  labeledBy?: Arrow['labeledBy'];
}

export const REVIEW_CABINET: Cabinet = { role: 'REVIEW', folder: 'REVIEW' };

export function emptyDocument(kinds: ProjectKind[], input: { id?: string; name?: string; project?: { id: string; name: string }; cabinet?: Cabinet } = {}): Document {
  const project = input.project ?? { id: 'P1', name: 'project' };
  return {
    id: input.id ?? 'doc-1',
    name: input.name ?? 'document.txt',
    project: Object.assign({}, project, { folder: projectFolderName(project.name, project.id) }),
    cabinet: input.cabinet ?? REVIEW_CABINET,
    kinds,
    source: 'MODEL',
    labeler: null,
    columns: [],
    rows: [],
    labelSets: [],
    spans: [],
    arrows: [],
    timestamps: [],
    rowQuestions: [],
    rowAnswers: {},
    documentQuestions: [],
    documentAnswers: null,
    pages: [],
    boundingBoxLabelSets: [],
    boundingBoxes: [],
    comments: [],
  };
}

export function tokenDocument(input: TokenDocumentInput): Document {
  const doc = emptyDocument(['TOKEN_BASED'], input);
  doc.rows = input.rows.map((row, index): Row => {
    const { content, tokens } = Array.isArray(row) ? { content: row.join(' '), tokens: row } : row;
    return { index, cells: [{ content, tokens, line: index, index: 0, metadata: [] }], metadata: [] };
  });
  doc.labelSets = (input.labelSets ?? []).map((set, index): LabelSet =>
    Array.isArray(set)
      ? { index, id: String(index), name: `Label set ${index + 1}`, items: set.map((labelName, n) => ({ id: `${index}-${n}`, labelName, parentId: null, color: null })) }
      : Object.assign({}, set, { index }),
  );
  doc.spans = (input.spans ?? []).map((s, n) => buildSpan(doc, s, n));
  doc.arrows = (input.arrows ?? []).map((a, n) => {
    const layer = a.layer ?? 0;
    const item = a.label === undefined ? undefined : findItem(doc, a.label, layer);
    return {
      id: a.id ?? `arrow-${n + 1}`,
      originId: a.from,
      destinationId: a.to,
      layer,
      labelItemId: item?.id ?? null,
      labelName: a.label ?? null,
      counter: 0,
      status: a.status ?? 'LABELED',
      labeledBy: a.labeledBy ?? 'LABELER',
    };
  });
  return doc;
}

function findItem(doc: Document, label: string, layer: number) {
  const item = doc.labelSets[layer]?.items.find((i) => i.labelName === label || i.id === label);
  if (!item) throw new Error(`label "${label}" is not in label set ${layer}`);
  return item;
}

function position(doc: Document, p: SpanInput['start'], isEnd: boolean): TokenPosition {
  const [row, token, char] = p;
  if (char !== undefined) return { row, column: 0, token, char };
  const text = doc.rows[row]?.cells[0]?.tokens[token] ?? '';
  return { row, column: 0, token, char: isEnd ? Math.max(0, text.length - 1) : 0 };
}

function buildSpan(doc: Document, s: SpanInput, n: number): Span {
  const layer = s.layer ?? 0;
  const item = findItem(doc, s.label, layer);
  return {
    id: s.id ?? `span-${n + 1}`,
    layer,
    labelItemId: item.id,
    labelName: item.labelName,
    start: position(doc, s.start, false),
    end: position(doc, s.end, true),
    counter: s.counter ?? 0,
    status: s.status ?? 'LABELED',
    labeledBy: s.labeledBy ?? 'LABELER',
    labeledByUserId: null,
    acceptedByUserId: null,
    rejectedByUserId: null,
  };
}

export interface RowDocumentInput {
  id?: string;
  name?: string;
  project?: { id: string; name: string };
  cabinet?: Cabinet;
  columns: Array<string | Column>;
  rows: string[][];
  rowQuestions?: Question[];
  /** Row index → answers keyed by question id. */
  rowAnswers?: Record<number, AnswerSet>;
  documentQuestions?: Question[];
  documentAnswers?: AnswerSet | null;
}

export function rowDocument(input: RowDocumentInput): Document {
  const doc = emptyDocument(['ROW_BASED'], { name: 'table.csv', ...input });
  doc.columns = input.columns.map((c) => (typeof c === 'string' ? { name: c } : c));
  doc.rows = input.rows.map((cells, index) => ({
    index,
    cells: cells.map((content, column) => ({ content, tokens: [], line: index, index: column })),
    metadata: [],
  }));
  doc.rowQuestions = input.rowQuestions ?? [];
  doc.rowAnswers = Object.fromEntries(Object.entries(input.rowAnswers ?? {}).map(([k, v]) => [String(k), v]));
  doc.documentQuestions = input.documentQuestions ?? [];
  doc.documentAnswers = input.documentAnswers ?? (doc.documentQuestions.length ? {} : null);
  if (doc.documentQuestions.length) doc.kinds = ['ROW_BASED', 'DOCUMENT_BASED'];
  return doc;
}
