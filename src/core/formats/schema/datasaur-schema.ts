import type { Arrow, BoundingBox, Cell, Document, LabelItem, LabelSet, NestedSourceFields, Question, Row, SourceFields, Span, TimestampLabel, TokenPosition, UserInfo } from '../../model/types.js';
import { ordered, serverJson, type Fields } from '../serialize.js';
import { withSourceSyntax } from './source-syntax.js';
import type { FormatWriter } from '../types.js';
import { streamedDatasaurSchema } from './streamed-schema.js';
import { outputFileName } from '../../model/naming.js';

/**
 * DATASAUR_SCHEMA: `{"version":"1","data":{…}}`, compact, one trailing newline (FORMATS.md §2).
 * Every kind of document; a file read from DATASAUR_SCHEMA is written back byte for byte.
 */
export const datasaurSchemaWriter: FormatWriter = {
  name: 'DATASAUR_SCHEMA',
  kinds: ['TOKEN_BASED', 'ROW_BASED', 'DOCUMENT_BASED', 'BBOX_BASED'],
  extension: '.json',
  description: "Datasaur's own JSON schema: every label, answer, arrow and box",
  streamsRows: true,
  writeDocument(doc) {
    const name = outputFileName(doc.name, '.json');
    // A list, not a promise, for a document in memory: writeFormats awaits only a promise (a turn of the microtask queue per document).
    if (!doc.rowStream) return [{ name, content: serializeDatasaurSchema(doc) }];
    return streamedDatasaurSchema(doc, { document: serializeDatasaurSchema, row: schemaRow }).then((content) => [{ name, content }]);
  },
};

/** The document's file; `rows` (a value in place of the rows' JSON) lets a streamed document's rows be written apart. */
export function serializeDatasaurSchema(doc: Document, rows?: unknown): string {
  const same = doc.source === 'DATASAUR_SCHEMA';
  const envelope = ordered({ version: '1', data: ordered(dataFields(doc, rows), doc, same) }, doc.sourceObjects?.envelope, same);
  return same ? withSourceSyntax(serverJson(envelope), doc) : serverJson(envelope);
}

/** A row as DATASAUR_SCHEMA writes it in `data.rows` (its cells), for a document's writer of rows. */
export function schemaRow(doc: Document): (row: Row) => unknown {
  const tokenKind = doc.kinds.includes('TOKEN_BASED');
  const same = doc.source === 'DATASAUR_SCHEMA';
  return (row) => rowCells(row, tokenKind, same);
}

function dataFields(doc: Document, rowsValue: unknown): Fields {
  const same = doc.source === 'DATASAUR_SCHEMA';
  // The members of a kind the document has; written back, also those its source held (its kinds
  // may be null or name none of them: they were inferred, and the members must not go missing).
  const sourceKeys = same ? new Set(doc.keyOrder) : undefined;
  const has = (kind: Document['kinds'][number], ...members: string[]) => doc.kinds.includes(kind) || members.some((key) => sourceKeys?.has(key));
  const tokenKind = doc.kinds.includes('TOKEN_BASED');
  const token = has('TOKEN_BASED', 'labelSets', 'spanLabels', 'arrowLabels', 'timestampLabels');
  const row = has('ROW_BASED', 'columns', 'rowQuestions', 'rowAnswerSets');
  const bbox = has('BBOX_BASED', 'pages', 'bboxLabelSets', 'bboxLabels');
  const docQuestions = has('DOCUMENT_BASED', 'documentQuestions', 'documentAnswerSet') || doc.documentQuestions.length > 0;
  // Members in the canonical order; a member a document does not have stays undefined (left out).
  return {
    project: ordered({ id: doc.project.id, name: doc.project.name }, doc.project, same),
    document: ordered({ id: doc.id, name: doc.name }, doc.sourceObjects?.document, same),
    kinds: doc.kinds,
    labelerInfo: user(doc.labeler, same),
    pages: bbox ? doc.pages.map((p) => ordered({ pageIndex: p.pageIndex, pageHeight: p.pageHeight, pageWidth: p.pageWidth }, p, same)) : undefined,
    comments: doc.comments,
    url: doc.url,
    columns: row ? doc.columns.map((c) => ordered({ name: c.name, id: c.id, displayed: c.displayed, labelerRestricted: c.labelerRestricted }, c, same)) : undefined,
    rows: token || row ? rowsValue ?? doc.rows.map((r) => rowCells(r, tokenKind, same)) : undefined,
    labelSets: token ? doc.labelSets.map((s) => labelSet(s, same)) : undefined,
    spanLabels: token ? doc.spans.map((s) => span(s, same)) : undefined,
    arrowLabels: token ? doc.arrows.map((a) => arrow(a, same)) : undefined,
    timestampLabels: token ? doc.timestamps.map((t) => timestamp(t, same)) : undefined,
    rowQuestions: row ? doc.rowQuestions.map((q) => question(q, same)) : undefined,
    rowAnswerSets: row ? doc.rowAnswers : undefined,
    documentQuestions: docQuestions ? doc.documentQuestions.map((q) => question(q, same)) : undefined,
    documentAnswerSet: docQuestions ? doc.documentAnswers : undefined,
    bboxLabelSets: bbox ? doc.boundingBoxLabelSets.map((s) => ordered({ id: s.id, name: s.name, classes: s.classes.map((c) => bboxClass(c, same)) }, s, same)) : undefined,
    bboxLabels: bbox ? doc.boundingBoxes.map((b) => boundingBox(b, same)) : undefined,
  };
}

function bboxClass(c: Document['boundingBoxLabelSets'][number]['classes'][number], same: boolean) {
  return ordered({ id: c.id, name: c.name, color: c.color ?? null, questions: c.questions?.map((q) => question(q, same)) }, c, same);
}

function user(u: UserInfo | null, same: boolean) {
  return u && ordered({ id: u.id, email: u.email, displayName: u.displayName }, u, same);
}

function rowCells(r: Row, token: boolean, same: boolean) {
  return r.cells.map((c, i) => cell(c, token && r.cells.length === 1 ? r.metadata : c.metadata, same, r.index, i));
}

function cell(c: Cell, metadata: Cell['metadata'], same: boolean, line: number, index: number) {
  return ordered({
    content: c.content,
    tokens: c.tokens,
    line: c.line ?? line,
    index: c.index ?? index,
    metadata: metadata?.map((m) => ordered({ key: m.key, value: m.value, pinned: m.pinned }, m, same)),
  }, c, same);
}

function labelSet(s: LabelSet, same: boolean) {
  return ordered({ id: s.id ?? null, name: s.name ?? null, index: s.index, labelItems: s.items.map((i) => labelItem(i, same)) }, s, same);
}

export function labelItem(i: LabelItem, same: boolean) {
  return ordered({ id: i.id, labelName: i.labelName, parentId: i.parentId, color: i.color ?? null }, i, same);
}

function position(p: TokenPosition, source: SourceFields | undefined, same: boolean) {
  if (source && same) return ordered({ row: p.row, column: p.column, tokenIndex: p.token, charIndex: p.char }, source, true);
  return { row: p.row, column: p.column, tokenIndex: p.token, charIndex: p.char };
}

/** A label's `textPosition`, in the source's form when it had another (NestedSourceFields). */
function textPosition(l: { start: TokenPosition; end: TokenPosition; nested?: NestedSourceFields }, same: boolean) {
  const nested = same ? l.nested : undefined;
  const value = { start: position(l.start, nested?.start, same), end: position(l.end, nested?.end, same) };
  return nested?.textPosition ? ordered(value, nested.textPosition, true) : value;
}

function labelItemRef(id: string, labelName: string, nested: NestedSourceFields | undefined, same: boolean) {
  return same && nested?.labelItem ? ordered({ id, labelName }, nested.labelItem, true) : { id, labelName };
}

/** The members every label ends with; spread last into its object (a spread before other members costs V8 a runtime call each). */
function provenance(l: Span | Arrow | TimestampLabel | BoundingBox): Fields {
  return {
    status: l.status,
    labeledBy: l.labeledBy,
    labeledByUserId: l.labeledByUserId ?? null,
    acceptedByUserId: l.acceptedByUserId ?? null,
    rejectedByUserId: l.rejectedByUserId ?? null,
    // Written when known (a JSON_ADVANCED input has them), so no format loses them on the way.
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

function span(s: Span, same: boolean) {
  return ordered({
    id: s.id,
    labelItem: labelItemRef(s.labelItemId, s.labelName, s.nested, same),
    textPosition: textPosition(s, same),
    layer: s.layer,
    counter: s.counter,
    ...provenance(s),
  }, s, same);
}

function arrow(a: Arrow, same: boolean) {
  return ordered({
    id: a.id,
    originId: a.originId,
    destinationId: a.destinationId,
    labelItem: a.labelItemId == null ? null : labelItemRef(a.labelItemId, a.labelName ?? a.labelItemId, a.nested, same),
    layer: a.layer ?? null,
    ...provenance(a),
  }, a, same);
}

function timestamp(t: TimestampLabel, same: boolean) {
  return ordered({
    id: t.id,
    textPosition: textPosition(t, same),
    layer: t.layer,
    counter: t.counter,
    startTimestampMillis: t.startTimestampMillis,
    endTimestampMillis: t.endTimestampMillis,
    shouldExpand: t.shouldExpand ?? false,
    ...provenance(t),
  }, t, same);
}

function question(q: Question, same: boolean) {
  return ordered({
    id: q.id,
    name: q.name,
    label: q.label,
    required: q.required ?? false,
    type: q.type,
    config: q.config ?? {},
    bindToColumn: q.bindToColumn,
  }, q, same);
}

function boundingBox(b: BoundingBox, same: boolean) {
  return ordered({
    id: b.id,
    documentId: b.documentId ?? null,
    bboxLabelClassId: b.classId,
    bboxLabelClassName: b.className,
    caption: b.caption ?? null,
    shapes: b.shapes.map((s) => ordered({ pageIndex: s.pageIndex, points: s.points.map((p) => ordered({ x: p.x, y: p.y }, p, same)) }, s, same)),
    answers: b.answers,
    ...provenance(b),
  }, b, same);
}
