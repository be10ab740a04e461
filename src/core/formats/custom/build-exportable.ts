import type { Arrow, Document, JsonValue, MetadataEntry, Span, TimestampLabel, TokenPosition } from '../../model/types.js';
import { spanById } from '../../model/span-index.js';
import type { Report } from '../../report/report.js';
import type { WriteContext } from '../types.js';
import { eligibleSpans } from '../token/eligible.js';
import type { Cell, CellMetadata, Exportable, LabelSet, SimpleLabel } from './exportable.js';

/**
 * The `Exportable` a transformer receives for one document (docs/formats.md, CUSTOM). Labels pass
 * the same status filter as the other token formats (REJECTED left out, CONFLICT unless
 * `--include-conflicts`, each named in the report), spans first, then arrows, then timestamps,
 * each in the model's order. What `Exportable` has no field for (answers, bounding boxes,
 * comments) is named in the report.
 */
export function buildExportable(doc: Document, ctx: WriteContext): Exportable {
  const spans = eligibleSpans(doc, ctx);
  const kept = new Set(spans.map((s) => s.id));
  const labels: SimpleLabel[] = spans.map(spanLabel);
  for (const arrow of doc.arrows) {
    if (skipped(arrow, ctx)) continue;
    const lost = [arrow.originId, arrow.destinationId].filter((id) => !kept.has(id));
    if (lost.length) {
      ctx.report.add({ kind: 'ArrowEndpointMissing', text: `arrow passed to the transformer, but its end span ${lost.join(', ')} is not in labels`, labelId: arrow.id, ...(arrow.labelName ? { label: arrow.labelName } : {}) });
    }
    labels.push(arrowLabel(doc, arrow));
  }
  for (const stamp of doc.timestamps) {
    if (!skipped(stamp, ctx)) labels.push(timestampLabel(stamp));
  }
  reportLeftOut(doc, ctx.report);
  return { name: doc.name, cells: cells(doc), labels, labelSets: labelSets(doc) };
}

function cells(doc: Document): Cell[] {
  const out: Cell[] = [];
  doc.rows.forEach((row, line) => {
    row.cells.forEach((cell, index) => {
      // Token documents keep a line's metadata on the row (JSON_ADVANCED `sentences[].metadata`).
      const metadata = cell.metadata?.length ? cell.metadata : row.cells.length === 1 ? row.metadata : [];
      out.push({ line, index, content: cell.content, tokens: [...cell.tokens], metadata: metadata.map(metadataEntry) });
    });
  });
  return out;
}

function metadataEntry(entry: MetadataEntry): CellMetadata {
  const out: CellMetadata = { key: entry.key, value: entry.value };
  const type = entry.extra?.type;
  if (typeof type === 'string') out.type = type;
  if (entry.pinned !== undefined) out.pinned = entry.pinned;
  const config = entry.extra?.config;
  if (config && typeof config === 'object' && !Array.isArray(config)) out.config = config as Record<string, JsonValue>;
  return out;
}

function labelSets(doc: Document): LabelSet[] {
  return doc.labelSets.map((set, index) => ({
    index,
    name: set.name ?? null,
    labelItems: set.items.map((item) => ({ id: item.id, labelName: item.labelName, parentId: item.parentId ?? null, color: item.color ?? null })),
  }));
}

function positions(start: TokenPosition, end: TokenPosition) {
  return {
    startCellLine: start.row,
    startCellIndex: start.column,
    startTokenIndex: start.token,
    startCharIndex: start.char,
    endCellLine: end.row,
    endCellIndex: end.column,
    endTokenIndex: end.token,
    endCharIndex: end.char,
  };
}

function spanLabel(span: Span): SimpleLabel {
  return {
    id: span.id,
    type: 'SPAN',
    ...positions(span.start, span.end),
    layer: span.layer,
    counter: span.counter,
    labelSetItemId: span.labelItemId,
    labelName: span.labelName,
    originId: null,
    destinationId: null,
    status: span.status === 'ACCEPTED' ? 'ACCEPTED' : 'LABELED',
    labeledBy: span.labeledBy,
  };
}

/** An arrow spans from its origin span's start to its destination span's end, as JSON_ADVANCED writes it. */
function arrowLabel(doc: Document, arrow: Arrow): SimpleLabel {
  const zero = { row: 0, column: 0, token: 0, char: 0 };
  const start = arrow.start ?? spanById(doc, arrow.originId)?.start ?? zero;
  const end = arrow.end ?? spanById(doc, arrow.destinationId)?.end ?? zero;
  return {
    id: arrow.id,
    type: 'ARROW',
    ...positions(start, end),
    layer: arrow.layer ?? null,
    counter: arrow.counter ?? 0,
    labelSetItemId: arrow.labelItemId ?? null,
    labelName: arrow.labelName ?? null,
    originId: arrow.originId,
    destinationId: arrow.destinationId,
    status: arrow.status === 'ACCEPTED' ? 'ACCEPTED' : 'LABELED',
    labeledBy: arrow.labeledBy,
  };
}

function timestampLabel(stamp: TimestampLabel): SimpleLabel {
  return {
    id: stamp.id,
    type: 'TIMESTAMP',
    ...positions(stamp.start, stamp.end),
    layer: stamp.layer,
    counter: stamp.counter,
    labelSetItemId: null,
    labelName: null,
    originId: null,
    destinationId: null,
    status: stamp.status === 'ACCEPTED' ? 'ACCEPTED' : 'LABELED',
    labeledBy: stamp.labeledBy,
    startTimestampMillis: stamp.startTimestampMillis,
    endTimestampMillis: stamp.endTimestampMillis,
  };
}

/** Arrows and timestamps get the spans' status rule (eligibleSpans), named the same way. */
function skipped(label: Arrow | TimestampLabel, ctx: WriteContext): boolean {
  const at = label.start ? { place: { row: label.start.row, column: label.start.column, token: label.start.token, char: label.start.char } } : {};
  if (label.status === 'REJECTED') {
    ctx.report.add({ kind: 'RejectedLabelSkipped', text: 'rejected label left out', labelId: label.id, ...at });
    return true;
  }
  if (label.labeledBy === 'CONFLICT' && !ctx.options.includeConflicts) {
    ctx.report.add({ kind: 'ConflictLabelSkipped', text: 'unresolved conflict label left out', labelId: label.id, ...at });
    return true;
  }
  return false;
}

/** Answers, bounding boxes and comments have no field in `Exportable`. */
function reportLeftOut(doc: Document, report: Report): void {
  for (const [questionId, answer] of Object.entries(doc.documentAnswers ?? {})) {
    if (answer !== null) report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} is not passed to the transformer (Exportable has no answers)`, labelId: questionId });
  }
  for (const [row, answers] of Object.entries(doc.rowAnswers)) {
    for (const [questionId, answer] of Object.entries(answers)) {
      if (answer !== null) report.add({ kind: 'AnswerNotRepresented', text: `row answer to question ${questionId} is not passed to the transformer (Exportable has no answers)`, labelId: questionId, place: { row: Number(row) } });
    }
  }
  for (const box of doc.boundingBoxes) {
    report.add({ kind: 'BoundingBoxNotRepresented', text: 'bounding box is not passed to the transformer', labelId: box.id, label: box.className });
  }
  if (doc.comments.length) report.once('CommentNotRepresented', { kind: 'CommentNotRepresented', text: `${doc.comments.length} comment(s) not passed to the transformer` });
}
