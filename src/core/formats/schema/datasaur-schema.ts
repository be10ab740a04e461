import type { Arrow, BoundingBox, Cell, Document, LabelItem, LabelSet, Question, Row, Span, TimestampLabel, TokenPosition, UserInfo } from '../../model/types.js';
import { ordered, serverJson, type Entry } from '../serialize.js';
import type { FormatWriter } from '../types.js';
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
  writeDocument(doc) {
    return [{ name: outputFileName(doc.name, '.json'), content: serializeDatasaurSchema(doc) }];
  },
};

export function serializeDatasaurSchema(doc: Document): string {
  const same = doc.source === 'DATASAUR_SCHEMA';
  const version = (same && typeof doc.extra?.version === 'string' ? doc.extra.version : '1') as string;
  const extra = same && doc.extra ? { ...doc.extra } : undefined;
  if (extra) delete extra.version;
  return serverJson({ version, data: ordered(dataEntries(doc), { extra, keyOrder: doc.keyOrder }, same) });
}

function dataEntries(doc: Document): Entry[] {
  const same = doc.source === 'DATASAUR_SCHEMA';
  const has = (kind: Document['kinds'][number]) => doc.kinds.includes(kind);
  const token = has('TOKEN_BASED');
  const row = has('ROW_BASED');
  const bbox = has('BBOX_BASED');
  const docQuestions = has('DOCUMENT_BASED') || doc.documentQuestions.length > 0;
  const entries: Entry[] = [
    ['project', { id: doc.project.id, name: doc.project.name }],
    ['document', { id: doc.id, name: doc.name }],
    ['kinds', doc.kinds],
    ['labelerInfo', user(doc.labeler, same)],
  ];
  if (bbox) entries.push(['pages', doc.pages.map((p) => ordered([['pageIndex', p.pageIndex], ['pageHeight', p.pageHeight], ['pageWidth', p.pageWidth]], p, same))]);
  entries.push(['comments', doc.comments]);
  if (doc.url !== undefined) entries.push(['url', doc.url]);
  if (row) entries.push(['columns', doc.columns.map((c) => ordered([['name', c.name], ['id', c.id], ['displayed', c.displayed], ['labelerRestricted', c.labelerRestricted]], c, same))]);
  if (token || row) entries.push(['rows', doc.rows.map((r) => rowCells(r, token, same))]);
  if (token) {
    entries.push(['labelSets', doc.labelSets.map((s) => labelSet(s, same))]);
    entries.push(['spanLabels', doc.spans.map((s) => span(s, same))]);
    entries.push(['arrowLabels', doc.arrows.map((a) => arrow(a, same))]);
    entries.push(['timestampLabels', doc.timestamps.map((t) => timestamp(t, same)), doc.timestamps.length === 0]);
  }
  if (row) {
    entries.push(['rowQuestions', doc.rowQuestions.map((q) => question(q, same))]);
    entries.push(['rowAnswerSets', doc.rowAnswers]);
  }
  if (docQuestions) {
    entries.push(['documentQuestions', doc.documentQuestions.map((q) => question(q, same))]);
    entries.push(['documentAnswerSet', doc.documentAnswers]);
  }
  if (bbox) {
    entries.push(['bboxLabelSets', doc.boundingBoxLabelSets.map((s) => ordered([
      ['id', s.id],
      ['name', s.name],
      ['classes', s.classes.map((c) => ordered([['id', c.id], ['name', c.name], ['color', c.color ?? null]], c, same))],
    ], s, same))]);
    entries.push(['bboxLabels', doc.boundingBoxes.map((b) => boundingBox(b, same))]);
  }
  return entries;
}

function user(u: UserInfo | null, same: boolean) {
  return u && ordered([['id', u.id], ['email', u.email], ['displayName', u.displayName]], u, same);
}

function rowCells(r: Row, token: boolean, same: boolean) {
  return r.cells.map((c, i) => cell(c, token && r.cells.length === 1 ? r.metadata : c.metadata, same, r.index, i));
}

function cell(c: Cell, metadata: Cell['metadata'], same: boolean, line: number, index: number) {
  return ordered([
    ['content', c.content],
    ['tokens', c.tokens],
    ['line', c.line ?? line, true],
    ['index', c.index ?? index, true],
    ['metadata', metadata?.map((m) => ordered([['key', m.key], ['value', m.value], ['pinned', m.pinned]], m, same)), true],
  ], c, same);
}

function labelSet(s: LabelSet, same: boolean) {
  return ordered([['id', s.id ?? null, true], ['name', s.name ?? null, true], ['index', s.index, true], ['labelItems', s.items.map((i) => labelItem(i, same))]], s, same);
}

export function labelItem(i: LabelItem, same: boolean) {
  return ordered([['id', i.id], ['labelName', i.labelName], ['parentId', i.parentId, true], ['color', i.color ?? null, true]], i, same);
}

function position(p: TokenPosition) {
  return { row: p.row, column: p.column, tokenIndex: p.token, charIndex: p.char };
}

function provenance(l: Span | Arrow | TimestampLabel | BoundingBox): Entry[] {
  return [
    ['status', l.status],
    ['labeledBy', l.labeledBy],
    ['labeledByUserId', l.labeledByUserId ?? null],
    ['acceptedByUserId', l.acceptedByUserId ?? null],
    ['rejectedByUserId', l.rejectedByUserId ?? null],
    // Written when known (a JSON_ADVANCED input has them), so no format loses them on the way.
    ['createdAt', l.createdAt, true],
    ['updatedAt', l.updatedAt, true],
  ];
}

function span(s: Span, same: boolean) {
  return ordered([
    ['id', s.id],
    ['labelItem', { id: s.labelItemId, labelName: s.labelName }],
    ['textPosition', { start: position(s.start), end: position(s.end) }],
    ['layer', s.layer],
    ['counter', s.counter],
    ...provenance(s),
  ], s, same);
}

function arrow(a: Arrow, same: boolean) {
  return ordered([
    ['id', a.id],
    ['originId', a.originId],
    ['destinationId', a.destinationId],
    ['labelItem', a.labelItemId == null ? null : { id: a.labelItemId, labelName: a.labelName ?? a.labelItemId }],
    ['layer', a.layer ?? null],
    ...provenance(a),
  ], a, same);
}

function timestamp(t: TimestampLabel, same: boolean) {
  return ordered([
    ['id', t.id],
    ['textPosition', { start: position(t.start), end: position(t.end) }],
    ['layer', t.layer],
    ['counter', t.counter],
    ['startTimestampMillis', t.startTimestampMillis],
    ['endTimestampMillis', t.endTimestampMillis],
    ['shouldExpand', t.shouldExpand ?? false],
    ...provenance(t),
  ], t, same);
}

function question(q: Question, same: boolean) {
  return ordered([
    ['id', q.id],
    ['name', q.name, true],
    ['label', q.label],
    ['required', q.required ?? false],
    ['type', q.type],
    ['config', q.config ?? {}],
    ['bindToColumn', q.bindToColumn, true],
  ], q, same);
}

function boundingBox(b: BoundingBox, same: boolean) {
  return ordered([
    ['id', b.id],
    ['documentId', b.documentId ?? null],
    ['bboxLabelClassId', b.classId],
    ['bboxLabelClassName', b.className],
    ['caption', b.caption ?? null],
    ['shapes', b.shapes.map((s) => ordered([['pageIndex', s.pageIndex], ['points', s.points.map((p) => ({ x: p.x, y: p.y }))]], s, same))],
    ['answers', b.answers, true],
    ...provenance(b),
  ], b, same);
}
