import type {
  AnswerSet,
  Arrow,
  BoundingBox,
  BoundingBoxLabelSet,
  Cell,
  Column,
  Document,
  JsonValue,
  LabelSet,
  ProjectKind,
  Question,
  Row,
  Span,
  TimestampLabel,
  TokenPosition,
  UserInfo,
} from '../model/types.js';
import { PROJECT_KINDS } from '../model/types.js';
import { projectFolderName } from '../model/naming.js';
import { datasaurSchemaFileSchema, type DatasaurSchemaData, type DatasaurSchemaFile } from './datasaur-schema.schema.js';
import { keySet, sourceFields } from './source-fields.js';
import { schemaError, type DocumentSource } from './context.js';
import { resolveSpanLayer, validateDocument } from './validate-document.js';
import { PROVENANCE_KEYS, readProvenance } from './provenance.js';

/**
 * Reads one DATASAUR_SCHEMA document (`{"version":"1","data":{…}}`, FORMATS.md §2) into the model.
 * Accepts the documented aliases (`labelSetIndex` for `layer`, `headers` for `columns`,
 * `rowAnswers` for `rowAnswerSets`, `Q<id>` answer keys) and keeps unknown keys.
 */
export function readDatasaurSchema(value: unknown, source: DocumentSource): Document {
  const parsed = datasaurSchemaFileSchema.safeParse(value);
  if (!parsed.success) throw schemaError(parsed.error, source.file);
  // zod validated the raw value; map from the raw value itself because zod's output reorders keys
  // (shape keys first) and the source order is what lets writers reproduce the server's bytes.
  const file = value as DatasaurSchemaFile;
  const data = file.data;
  const at = (path: PropertyKey[]) => ({ report: source.report, file: source.file, path: ['data', ...path] });
  const envelope = sourceFields(file, keySet('data'), keySet('version'), { report: source.report, file: source.file, path: [] });
  const dataFields = sourceFields(data, DATA_KEYS, keySet('url'), at([]));

  const projectId = String(data.project.id);
  const kinds = readKinds(data);
  const labelSets = (data.labelSets ?? []).map((set, index): LabelSet => ({
    index,
    id: set.id === undefined || set.id === null ? set.id : String(set.id),
    name: set.name,
    items: set.labelItems.map((item, n) => ({
      id: String(item.id),
      labelName: item.labelName,
      parentId: item.parentId === undefined || item.parentId === null ? item.parentId : String(item.parentId),
      color: item.color,
      ...sourceFields(item, keySet('id', 'labelName', 'parentId', 'color'), keySet(), at(['labelSets', index, 'labelItems', n])),
    })),
    ...sourceFields(set, keySet('id', 'name', 'labelItems'), keySet('index'), at(['labelSets', index])),
  }));

  const doc: Document = {
    id: String(data.document.id),
    name: data.document.name,
    // The document names its project; the folder it came from is kept for output paths.
    project: { id: projectId, name: data.project.name, folder: source.project?.folder ?? projectFolderName(data.project.name, projectId) },
    cabinet: source.cabinet ?? { role: 'REVIEW', folder: 'REVIEW' },
    kinds,
    source: 'DATASAUR_SCHEMA',
    labeler: readUser(data.labelerInfo, at(['labelerInfo'])),
    columns: readColumns(data, at),
    rows: (data.rows ?? []).map((cells, r) => readRow(cells, r, kinds, at)),
    labelSets,
    spans: (data.spanLabels ?? []).map((s, n) => readSpan(s, n, labelSets, source, at)),
    arrows: (data.arrowLabels ?? []).map((a, n) => readArrow(a, n, labelSets, at)),
    timestamps: (data.timestampLabels ?? []).map((t, n) => readTimestamp(t, n, at)),
    rowQuestions: (data.rowQuestions ?? []).map((q, n) => readQuestion(q, n, 'rowQuestions', at)),
    rowAnswers: readRowAnswers(data),
    documentQuestions: (data.documentQuestions ?? []).map((q, n) => readQuestion(q, n, 'documentQuestions', at)),
    documentAnswers: readDocumentAnswers(data),
    pages: (data.pages ?? []).map((p, n) => ({
      pageIndex: p.pageIndex,
      pageHeight: p.pageHeight as number | undefined,
      pageWidth: p.pageWidth as number | undefined,
      ...sourceFields(p, keySet('pageIndex', 'pageHeight', 'pageWidth'), keySet(), at(['pages', n])),
    })),
    boundingBoxLabelSets: (data.bboxLabelSets ?? []).map((set, n): BoundingBoxLabelSet => ({
      id: String(set.id),
      name: set.name,
      classes: set.classes.map((c, k) => ({
        id: String(c.id),
        name: c.name,
        color: c.color,
        ...sourceFields(c, keySet('id', 'name', 'color'), keySet('captionAllowed', 'captionRequired'), at(['bboxLabelSets', n, 'classes', k])),
      })),
      ...sourceFields(set, keySet('id', 'name', 'classes'), keySet('autoLabelProvider'), at(['bboxLabelSets', n])),
    })),
    boundingBoxes: (data.bboxLabels ?? []).map((b, n) => readBoundingBox(b, n, at)),
    comments: (data.comments ?? []) as JsonValue[],
    url: data.url as string | null | undefined,
    extra: { ...envelope.extra, ...dataFields.extra },
    keyOrder: dataFields.keyOrder,
  };
  // The envelope's own key order (`version`, `data`) is fixed by the format; remember the version.
  doc.extra = { ...(doc.extra ?? {}), version: file.version };
  delete (doc.extra as Record<string, unknown>).url;
  validateDocument(doc, source.file, {
    span: (n) => `$.data.spanLabels[${n}].textPosition`,
    timestamp: (n) => `$.data.timestampLabels[${n}].textPosition`,
    arrow: (n) => `$.data.arrowLabels[${n}]`,
  });
  return doc;
}

// Built once: cells and spans number in the millions on large documents.
const CELL_KEYS = keySet('content', 'tokens', 'line', 'index', 'metadata');
const NO_KEYS = keySet();
const SPAN_KEYS = keySet('id', 'labelItem', 'textPosition', 'layer', 'labelSetIndex', 'counter', ...PROVENANCE_KEYS);
const SPAN_KNOWN_KEYS = keySet('hashCode', 'documentId');

const DATA_KEYS = keySet(
  'project', 'document', 'kinds', 'labelerInfo', 'comments', 'rows', 'columns', 'headers', 'labelSets', 'spanLabels',
  'arrowLabels', 'timestampLabels', 'rowQuestions', 'rowAnswerSets', 'rowAnswers', 'documentQuestions', 'documentAnswerSet',
  'documentAnswers', 'pages', 'bboxLabelSets', 'bboxLabels', 'url',
);

type At = (path: PropertyKey[]) => { report?: DocumentSource['report']; file: string; path: PropertyKey[] };

function readKinds(data: DatasaurSchemaData): ProjectKind[] {
  const declared = (data.kinds ?? []).filter((k): k is ProjectKind => (PROJECT_KINDS as readonly string[]).includes(k));
  if (declared.length) return declared;
  // Older files may lack `kinds`: infer from what the document holds.
  const kinds: ProjectKind[] = [];
  if (data.spanLabels || (data.rows && !data.columns && !data.headers && !data.rowQuestions)) kinds.push('TOKEN_BASED');
  if (data.columns || data.headers || data.rowQuestions) kinds.push('ROW_BASED');
  if (data.bboxLabels || data.bboxLabelSets) kinds.push('BBOX_BASED');
  if (data.documentQuestions) kinds.push('DOCUMENT_BASED');
  return kinds.length ? kinds : ['TOKEN_BASED'];
}

export function readUser(value: Record<string, unknown> | null | undefined, where: ReturnType<At>): UserInfo | null {
  if (!value) return null;
  return {
    id: (value.id ?? null) as UserInfo['id'],
    email: (value.email ?? null) as string | null,
    displayName: (value.displayName ?? null) as string | null,
    ...sourceFields(value, keySet('id', 'email', 'displayName'), keySet(), where),
  };
}

function readColumns(data: DatasaurSchemaData, at: At): Column[] {
  if (data.columns) {
    return data.columns.map((c, n) => ({
      name: c.name,
      id: c.id as Column['id'],
      displayed: c.displayed as boolean | undefined,
      labelerRestricted: c.labelerRestricted as boolean | undefined,
      ...sourceFields(c, keySet('name', 'id', 'displayed', 'labelerRestricted'), keySet(), at(['columns', n])),
    }));
  }
  return (data.headers ?? []).map((name) => ({ name }));
}

function readRow(cells: DatasaurSchemaData['rows'] extends (infer R)[] | undefined ? R : never, r: number, kinds: ProjectKind[], at: At): Row {
  const out: Cell[] = cells.map((cell, c) => ({
    content: cell.content,
    tokens: cell.tokens ?? [],
    line: cell.line,
    index: cell.index,
    metadata: cell.metadata ? cell.metadata.map((m, k) => ({ key: m.key, value: m.value as JsonValue, pinned: m.pinned as boolean | undefined, ...sourceFields(m, keySet('key', 'value', 'pinned'), keySet(), at(['rows', r, c, 'metadata', k])) })) : undefined,
    ...sourceFields(cell, CELL_KEYS, NO_KEYS, at(['rows', r, c])),
  }));
  // Token documents have one cell per row: its metadata is the row's (JSON_ADVANCED sentence metadata).
  const single = kinds.includes('TOKEN_BASED') && out.length === 1;
  return { index: r, cells: out, metadata: single ? out[0].metadata ?? [] : [] };
}

function position(p: { row: number; tokenIndex: number; column?: number; charIndex?: number }): TokenPosition {
  return { row: p.row, column: p.column ?? 0, token: p.tokenIndex, char: p.charIndex ?? 0 };
}

function endPosition(p: { row: number; tokenIndex: number; column?: number; charIndex?: number }): TokenPosition {
  // Without a charIndex the end is the token's last character: -1 is resolved by validateDocument.
  return { row: p.row, column: p.column ?? 0, token: p.tokenIndex, char: p.charIndex ?? -1 };
}


function readSpan(
  s: NonNullable<DatasaurSchemaData['spanLabels']>[number],
  n: number,
  labelSets: LabelSet[],
  source: DocumentSource,
  at: At,
): Span {
  const itemId = String(s.labelItem.id);
  const layer = resolveSpanLayer(s.layer ?? s.labelSetIndex, itemId, labelSets, source.file, `$.data.spanLabels[${n}]`);
  const item = labelSets[layer]?.items.find((i) => i.id === itemId);
  return {
    id: String(s.id),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? s.labelItem.labelName ?? itemId,
    start: position(s.textPosition.start),
    end: endPosition(s.textPosition.end),
    counter: s.counter ?? 0,
    ...readProvenance(s),
    ...sourceFields(s, SPAN_KEYS, SPAN_KNOWN_KEYS, at(['spanLabels', n])),
  };
}

function readArrow(a: NonNullable<DatasaurSchemaData['arrowLabels']>[number], n: number, labelSets: LabelSet[], at: At): Arrow {
  const itemId = a.labelItem ? String(a.labelItem.id) : null;
  const layer = a.layer ?? null;
  const item = itemId === null ? undefined : (layer !== null ? labelSets[layer]?.items : labelSets.flatMap((s) => s.items))?.find((i) => i.id === itemId);
  return {
    id: String(a.id),
    originId: String(a.originId),
    destinationId: String(a.destinationId),
    layer,
    labelItemId: itemId,
    labelName: item?.labelName ?? a.labelItem?.labelName ?? itemId,
    ...readProvenance(a),
    ...sourceFields(a, keySet('id', 'originId', 'destinationId', 'labelItem', 'layer', ...PROVENANCE_KEYS), keySet('hashCode', 'documentId', 'counter'), at(['arrowLabels', n])),
  };
}

function readTimestamp(t: NonNullable<DatasaurSchemaData['timestampLabels']>[number], n: number, at: At): TimestampLabel {
  return {
    id: String(t.id),
    layer: t.layer ?? 0,
    start: position(t.textPosition.start),
    end: endPosition(t.textPosition.end),
    counter: t.counter ?? 0,
    startTimestampMillis: t.startTimestampMillis,
    endTimestampMillis: t.endTimestampMillis,
    shouldExpand: t.shouldExpand as boolean | undefined,
    ...readProvenance(t),
    ...sourceFields(t, keySet('id', 'textPosition', 'layer', 'counter', 'startTimestampMillis', 'endTimestampMillis', 'shouldExpand', ...PROVENANCE_KEYS), keySet('hashCode', 'documentId'), at(['timestampLabels', n])),
  };
}

function readQuestion(q: NonNullable<DatasaurSchemaData['rowQuestions']>[number], n: number, key: string, at: At): Question {
  return {
    id: q.id,
    name: q.name,
    label: q.label ?? q.name ?? String(q.id),
    type: q.type,
    required: q.required ?? undefined,
    config: q.config as JsonValue | undefined,
    bindToColumn: q.bindToColumn,
    ...sourceFields(q, keySet('id', 'name', 'label', 'type', 'required', 'config', 'bindToColumn'), keySet(), at([key, n])),
  };
}

/** Answer keys may be `"Q<id>"` (as in the API's mutations): normalize to the bare id. */
function normalizeAnswerKeys(answers: Record<string, unknown>): AnswerSet {
  const out: AnswerSet = {};
  for (const [key, value] of Object.entries(answers)) out[/^Q\d+$/.test(key) ? key.slice(1) : key] = value as JsonValue;
  return out;
}

function readRowAnswers(data: DatasaurSchemaData): Record<string, AnswerSet> {
  const out: Record<string, AnswerSet> = {};
  if (data.rowAnswerSets) {
    for (const [row, answers] of Object.entries(data.rowAnswerSets)) if (answers) out[row] = normalizeAnswerKeys(answers);
  } else if (data.rowAnswers) {
    for (const entry of data.rowAnswers) out[String(entry.line)] = normalizeAnswerKeys(entry.answers);
  }
  return out;
}

function readDocumentAnswers(data: DatasaurSchemaData): AnswerSet | null {
  const answers = data.documentAnswerSet !== undefined ? data.documentAnswerSet : data.documentAnswers;
  return answers ? normalizeAnswerKeys(answers) : answers === null ? null : data.documentQuestions ? {} : null;
}

function readBoundingBox(b: NonNullable<DatasaurSchemaData['bboxLabels']>[number], n: number, at: At): BoundingBox {
  return {
    id: String(b.id),
    documentId: b.documentId as string | null | undefined,
    classId: String(b.bboxLabelClassId),
    className: b.bboxLabelClassName ?? String(b.bboxLabelClassId),
    caption: b.caption,
    shapes: b.shapes.map((s, k) => ({
      pageIndex: s.pageIndex,
      points: s.points.map((p) => ({ x: p.x, y: p.y })),
      ...sourceFields(s, keySet('pageIndex', 'points'), keySet(), at(['bboxLabels', n, 'shapes', k])),
    })),
    answers: b.answers as JsonValue | undefined,
    ...readProvenance(b),
    ...sourceFields(b, keySet('id', 'documentId', 'bboxLabelClassId', 'bboxLabelClassName', 'caption', 'shapes', 'answers', ...PROVENANCE_KEYS), keySet(), at(['bboxLabels', n])),
  };
}
