import type { Arrow, Document, Row, Span, TimestampLabel } from '../../model/types.js';
import { comparePositions } from '../../model/positions.js';
import { spanById } from '../../model/span-index.js';
import { labelItem } from './datasaur-schema.js';
import { outputFileName } from '../../model/naming.js';
import { ordered, serverJson } from '../serialize.js';
import { withSourceSyntax } from './source-syntax.js';
import type { FormatWriter, WriteContext } from '../types.js';

/**
 * JSON_ADVANCED (token projects; FORMATS.md §3, confirmed in full): `{sentences, labelerInfo,
 * labelSets, labels, comments}`, compact, one trailing newline. Labels: every TIMESTAMP, then every
 * SPAN, then every ARROW (arrows: decided), each group sorted by start then end position.
 */
export const jsonAdvancedWriter: FormatWriter = {
  name: 'JSON_ADVANCED',
  kinds: ['TOKEN_BASED'],
  extension: '.json',
  description: 'Datasaur JSON_ADVANCED: sentences with tokens, label sets, spans, arrows, timestamps',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, '.json'), content: serializeJsonAdvanced(doc, ctx) }];
  },
};

export function serializeJsonAdvanced(doc: Document, ctx?: WriteContext): string {
  const same = doc.source === 'JSON_ADVANCED';
  if (!same && ctx && (doc.spans.length || doc.arrows.length || doc.timestamps.length)) {
    const missing = [...doc.spans, ...doc.arrows, ...doc.timestamps].filter((l) => l.createdAt === undefined).length;
    if (missing) {
      ctx.report.once('MissingFieldDefaulted:createdAt', {
        kind: 'MissingFieldDefaulted',
        text: `${missing} label(s) have no createdAt/updatedAt in the input; written as null`,
      });
    }
  }
  if (ctx) reportNotCarried(doc, ctx);
  const spans = sortLabels(doc.spans);
  // Grouped once: filtering all spans for each row was rows × spans (8 s on a 1M-token document).
  const spansByRow = new Map<number, Span[]>();
  for (const s of spans) {
    const list = spansByRow.get(s.start.row);
    if (list) list.push(s);
    else spansByRow.set(s.start.row, [s]);
  }
  const value = ordered({
    sentences: doc.rows.map((row) => sentence(doc, row, spansByRow.get(row.index) ?? [], same)),
    labelerInfo: doc.labeler && ordered({ id: doc.labeler.id, email: doc.labeler.email, displayName: doc.labeler.displayName }, doc.labeler, same),
    labelSets: doc.labelSets.map((s) => ordered({ index: s.index, labelItems: s.items.map((i) => labelItem(i, same)) }, s, same)),
    labels: [...sortLabels(doc.timestamps).map((t) => timestamp(doc, t, same)), ...spans.map((s) => span(doc, s, same)), ...sortLabels(doc.arrows.map((a) => anchored(doc, a))).map((a) => arrow(doc, a, same))],
    comments: doc.comments,
  }, doc, same);
  return same ? withSourceSyntax(serverJson(value), doc) : serverJson(value);
}

/**
 * JSON_ADVANCED has no place for answers or bounding boxes: each is named, so a token document
 * with document questions (or a DATASAUR_SCHEMA input of another kind) loses nothing in silence.
 * Found by the conservation property (test/property/conservation.test.ts).
 */
function reportNotCarried(doc: Document, ctx: WriteContext): void {
  for (const [questionId, answer] of Object.entries(doc.documentAnswers ?? {})) {
    if (answer === null) continue;
    ctx.report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} is not written (JSON_ADVANCED has no answers; DATASAUR_SCHEMA keeps them)`, labelId: questionId });
  }
  for (const [row, answers] of Object.entries(doc.rowAnswers)) {
    for (const [questionId, answer] of Object.entries(answers)) {
      if (answer === null) continue;
      ctx.report.add({ kind: 'AnswerNotRepresented', text: `row answer to question ${questionId} is not written (JSON_ADVANCED has no answers; DATASAUR_SCHEMA keeps them)`, labelId: questionId, place: { row: Number(row) } });
    }
  }
  for (const box of doc.boundingBoxes) {
    ctx.report.add({ kind: 'BoundingBoxNotRepresented', text: 'bounding box is not written (DATASAUR_SCHEMA keeps it)', labelId: box.id, label: box.className });
  }
}

function sortLabels<T extends { start?: Span['start']; end?: Span['end'] }>(labels: readonly T[]): T[] {
  const zero = { row: 0, column: 0, token: 0, char: 0 };
  // Array.prototype.sort is stable: labels on the same position keep their input order.
  return [...labels].sort((a, b) => comparePositions(a.start ?? zero, b.start ?? zero) || comparePositions(a.end ?? zero, b.end ?? zero));
}

/** One sentence; `spans` are the spans starting on this row, in label order. */
function sentence(doc: Document, row: Row, spans: Span[], same: boolean) {
  const cell = row.cells[0] ?? { content: '', tokens: [] };
  return ordered({
    id: row.index,
    content: cell.content,
    tokens: cell.tokens,
    labels: spans.map((s) => shortLabel(doc, s)),
    metadata: row.metadata.map((m) => ordered({ key: m.key, value: m.value, pinned: m.pinned ?? false }, m, same)),
  }, row, same);
}

/** The per-sentence short form of a span (`l`, `sidS`, `s`, `charS`, …). */
function shortLabel(doc: Document, s: Span) {
  return {
    l: s.labelItemId,
    layer: s.layer,
    id: [s.labelItemId, s.layer, s.start.row, s.start.token, s.start.char, s.end.row, s.end.token, s.end.char, s.counter].join(':'),
    deleted: false,
    labeledBy: s.labeledBy,
    // Only when known (undefined is left out).
    labeledByUserId: s.labeledByUserId ?? undefined,
    hashCode: spanHashCode(s),
    documentId: s.documentId ?? doc.id,
    sidS: s.start.row,
    s: s.start.token,
    charS: s.start.char,
    sidE: s.end.row,
    e: s.end.token,
    charE: s.end.char,
  };
}

export function spanHashCode(s: Span): string {
  return ['SPAN', s.labelItemId, s.layer, s.start.row, s.start.column, s.start.token, s.start.char, s.end.row, s.end.column, s.end.token, s.end.char, s.counter, 'undefined', 'undefined'].join(':');
}

export function timestampHashCode(t: TimestampLabel): string {
  return ['TIMESTAMP', t.layer, t.start.row, t.start.column, t.start.token, t.start.char, t.end.row, t.end.column, t.end.token, t.end.char, t.counter, t.startTimestampMillis, t.endTimestampMillis, t.shouldExpand ?? false].join(':');
}

/**
 * A label's hashCode is carried: read from this format, it is written as it was, null included
 * (recomputing it turned a null into a string, and the file read back differed; found by the
 * mutation property). From another format it is computed, as the server would (`keep` false).
 */
function keptHashCode<T extends { hashCode?: string | null }>(label: T, keep: boolean, compute: (label: T) => string): string | null {
  return keep && label.hashCode !== undefined ? label.hashCode : compute(label);
}

/** Arrow hash codes are not in any sample: ours is decided (type, item, layer, ends, counter). */
export function arrowHashCode(a: Arrow): string {
  return ['ARROW', a.labelItemId ?? 'undefined', a.layer ?? 'undefined', a.originId, a.destinationId, a.counter ?? 0].join(':');
}

function span(doc: Document, s: Span, same: boolean) {
  return ordered({
    labelText: s.labelText ?? null,
    id: s.id,
    documentId: s.documentId ?? doc.id,
    labeledByUserId: s.labeledByUserId ?? null,
    startCellIndex: s.start.column,
    startCellLine: s.start.row,
    startTokenIndex: s.start.token,
    startCharIndex: s.start.char,
    endCellIndex: s.end.column,
    endCellLine: s.end.row,
    endTokenIndex: s.end.token,
    endCharIndex: s.end.char,
    layer: s.layer,
    counter: s.counter,
    labeledBy: s.labeledBy,
    acceptedByUserId: s.acceptedByUserId ?? null,
    rejectedByUserId: s.rejectedByUserId ?? null,
    originId: null,
    originNumber: '0',
    destinationId: null,
    destinationNumber: '0',
    type: 'SPAN',
    labelSetItemId: s.labelItemId,
    status: s.status,
    createdAt: s.createdAt ?? null,
    updatedAt: s.updatedAt ?? null,
    hashCode: keptHashCode(s, same, spanHashCode),
  }, s, same);
}

function arrow(doc: Document, a: Arrow, same: boolean) {
  const zero = { row: 0, column: 0, token: 0, char: 0 };
  const start = a.start ?? originStart(doc, a) ?? zero;
  const end = a.end ?? originStart(doc, a, true) ?? zero;
  return ordered({
    labelText: null,
    id: a.id,
    documentId: a.documentId ?? doc.id,
    labeledByUserId: a.labeledByUserId ?? null,
    startCellIndex: start.column,
    startCellLine: start.row,
    startTokenIndex: start.token,
    startCharIndex: start.char,
    endCellIndex: end.column,
    endCellLine: end.row,
    endTokenIndex: end.token,
    endCharIndex: end.char,
    layer: a.layer ?? null,
    counter: a.counter ?? 0,
    labeledBy: a.labeledBy,
    acceptedByUserId: a.acceptedByUserId ?? null,
    rejectedByUserId: a.rejectedByUserId ?? null,
    originId: a.originId,
    originNumber: '0',
    destinationId: a.destinationId,
    destinationNumber: '0',
    type: 'ARROW',
    labelSetItemId: a.labelItemId ?? null,
    status: a.status,
    createdAt: a.createdAt ?? null,
    updatedAt: a.updatedAt ?? null,
    // Arrows keep a hashCode from another format too (ours is decided, the source's is not).
    hashCode: keptHashCode(a, same || a.hashCode != null, arrowHashCode),
  }, a, same);
}

/**
 * The arrow with the anchor positions it is written with, so arrows are sorted by the positions
 * the file states: sorting model arrows that lack stored anchors as if at 0:0 gave a file whose
 * arrow order changed when it was read and written again (found by the round-trip property).
 */
function anchored(doc: Document, a: Arrow): Arrow {
  if (a.start && a.end) return a;
  const zero = { row: 0, column: 0, token: 0, char: 0 };
  return Object.assign({}, a, { start: a.start ?? originStart(doc, a) ?? zero, end: a.end ?? originStart(doc, a, true) ?? zero });
}

/** An arrow written without stored anchors spans from its origin span's start to its destination's end (decided). */
function originStart(doc: Document, a: Arrow, end = false) {
  const target = spanById(doc, end ? a.destinationId : a.originId);
  return target && (end ? target.end : target.start);
}

function timestamp(doc: Document, t: TimestampLabel, same: boolean) {
  return ordered({
    id: t.id,
    documentId: t.documentId ?? doc.id,
    startCellLine: t.start.row,
    startCellIndex: t.start.column,
    startTokenIndex: t.start.token,
    startCharIndex: t.start.char,
    endCellLine: t.end.row,
    endCellIndex: t.end.column,
    endTokenIndex: t.end.token,
    endCharIndex: t.end.char,
    layer: t.layer,
    counter: t.counter,
    startTimestampMillis: t.startTimestampMillis,
    endTimestampMillis: t.endTimestampMillis,
    labeledBy: t.labeledBy,
    type: 'TIMESTAMP',
    status: t.status,
    labeledByUserId: t.labeledByUserId ?? null,
    acceptedByUserId: t.acceptedByUserId ?? null,
    rejectedByUserId: t.rejectedByUserId ?? null,
    shouldExpand: t.shouldExpand ?? false,
    createdAt: t.createdAt ?? null,
    updatedAt: t.updatedAt ?? null,
    hashCode: keptHashCode(t, same, timestampHashCode),
  }, t, same);
}
