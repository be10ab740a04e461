import type { Arrow, Document, Span } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import type { ConvertOptions } from '../options.js';
import { compareIds, comparePositions } from '../../model/positions.js';

export interface DrawnLabels {
  spans: Span[];
  arrows: Arrow[];
}

/**
 * Decides which spans and arrows the PDF draws and names everything else in the report: label
 * sets the user did not pick, REJECTED labels, CONFLICT labels unless kept, arrows when hidden or
 * when an end is not drawn, and the document parts a span picture has no place for.
 */
export function selectDrawnLabels(doc: Document, options: ConvertOptions, report: Report): DrawnLabels {
  const wanted = options.pdf.labelSets;
  const spanById = new Map(doc.spans.map((s) => [s.id, s]));
  const keep = (label: Span | Arrow, layer: number | null | undefined, what: string): boolean => {
    // An arrow is placed at its origin span, which every export names (only JSON_ADVANCED stores
    // arrow anchors), so its message does not depend on the export it was read from.
    const start = 'originId' in label ? (spanById.get(String(label.originId))?.start ?? label.start) : label.start;
    const place = start ? { row: start.row, column: start.column, token: start.token } : undefined;
    const name = 'labelName' in label ? (label.labelName ?? undefined) : undefined;
    if (wanted && layer != null && !wanted.includes(layer)) {
      report.add({ kind: 'LabelSetNotSelected', text: `${what} of label set ${layer} is not drawn (label sets ${wanted.join(',')} selected)`, place, labelId: label.id, label: name });
      return false;
    }
    if (label.status === 'REJECTED') {
      report.add({ kind: 'RejectedLabelSkipped', text: `REJECTED ${what} is not drawn`, place, labelId: label.id, label: name });
      return false;
    }
    if (label.labeledBy === 'CONFLICT' && !options.includeConflicts) {
      report.add({ kind: 'ConflictLabelSkipped', text: `CONFLICT ${what} is not drawn`, place, labelId: label.id, label: name });
      return false;
    }
    return true;
  };

  const spans = doc.spans.filter((s) => keep(s, s.layer, 'span'));
  const drawnIds = new Set(spans.map((s) => s.id));
  const arrows: Arrow[] = [];
  for (const arrow of doc.arrows) {
    if (!options.pdf.arrows) {
      report.add({ kind: 'ArrowNotRepresented', text: 'arrows are hidden (--no-arrows)', labelId: arrow.id, label: arrow.labelName ?? undefined });
      continue;
    }
    if (!keep(arrow, arrow.layer, 'arrow')) continue;
    const lost = [arrow.originId, arrow.destinationId].filter((id) => !drawnIds.has(String(id)));
    if (lost.length) {
      report.add({ kind: 'ArrowEndpointMissing', text: `arrow end span ${lost.join(', ')} is not drawn, so the arrow is not drawn`, labelId: arrow.id, label: arrow.labelName ?? undefined });
      continue;
    }
    arrows.push(arrow);
  }

  reportUndrawnParts(doc, report);
  // Drawing order (and the legend's first-seen order) must not depend on the export's label order:
  // JSON_ADVANCED lists arrows by position, DATASAUR_SCHEMA in labelling order. Reading order of
  // the origin, then of the destination, then id.
  const byId = new Map(spans.map((s) => [s.id, s]));
  const at = (id: string) => byId.get(id)!.start;
  arrows.sort((a, b) => comparePositions(at(a.originId), at(b.originId)) || comparePositions(at(a.destinationId), at(b.destinationId)) || compareIds(a.id, b.id));
  return { spans, arrows };
}

function reportUndrawnParts(doc: Document, report: Report): void {
  for (const t of doc.timestamps) {
    report.add({ kind: 'TimestampNotRepresented', text: `timestamp ${t.startTimestampMillis}–${t.endTimestampMillis} ms is not drawn`, place: { row: t.start.row, token: t.start.token }, labelId: t.id });
  }
  for (const [row, answers] of Object.entries(doc.rowAnswers)) {
    if (Object.keys(answers).length) report.add({ kind: 'AnswerNotRepresented', text: `answers of row ${row} are not drawn`, place: { row: Number(row) } });
  }
  if (doc.documentAnswers && Object.keys(doc.documentAnswers).length) {
    report.add({ kind: 'AnswerNotRepresented', text: 'document answers are not drawn' });
  }
  for (const box of doc.boundingBoxes) {
    report.add({ kind: 'BoundingBoxNotRepresented', text: 'bounding box is not drawn', labelId: box.id, label: box.className });
  }
  if (doc.comments.length) report.add({ kind: 'CommentNotRepresented', text: `${doc.comments.length} comment(s) are not drawn` });
  if (doc.rows.some((r) => r.metadata.length)) report.add({ kind: 'MetadataNotRepresented', text: 'row metadata is not drawn' });
}
