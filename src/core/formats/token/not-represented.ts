import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { spanById } from '../../model/span-index.js';

/**
 * Everything besides spans that no token-labeling format here can hold: arrows, audio timestamps,
 * answers, bounding boxes, comments and row metadata. Arrows, timestamps, answers and boxes are named
 * one by one (each is a label somebody made); comments and metadata once per document.
 */
export function reportNotRepresented(doc: Document, report: Report): void {
  for (const arrow of doc.arrows) {
    // Placed at its origin span, which every export names; only JSON_ADVANCED stores anchors of its
    // own, so using them made the same arrow's message differ by the export it was read from.
    const at = spanById(doc, arrow.originId)?.start ?? arrow.start;
    report.add({
      kind: 'ArrowNotRepresented',
      text: `arrow ${arrow.originId} → ${arrow.destinationId} is not written (arrows stay in DATASAUR_SCHEMA, JSON_ADVANCED and the PDF)`,
      labelId: arrow.id,
      ...(arrow.labelName ? { label: arrow.labelName } : {}),
      ...(at ? { place: { row: at.row, token: at.token } } : {}),
    });
  }
  for (const stamp of doc.timestamps) {
    report.add({
      kind: 'TimestampNotRepresented',
      text: `timestamp ${stamp.startTimestampMillis}–${stamp.endTimestampMillis} ms is not written`,
      labelId: stamp.id,
      place: { row: stamp.start.row, token: stamp.start.token },
    });
  }
  for (const [questionId, answer] of Object.entries(doc.documentAnswers ?? {})) {
    if (answer === null) continue;
    report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} is not written`, labelId: questionId });
  }
  for (const [row, answers] of Object.entries(doc.rowAnswers)) {
    for (const [questionId, answer] of Object.entries(answers)) {
      if (answer === null) continue;
      report.add({ kind: 'AnswerNotRepresented', text: `row answer to question ${questionId} is not written`, labelId: questionId, place: { row: Number(row) } });
    }
  }
  for (const box of doc.boundingBoxes) {
    report.add({ kind: 'BoundingBoxNotRepresented', text: 'bounding box is not written', labelId: box.id, label: box.className });
  }
  if (doc.comments.length) {
    report.once('CommentNotRepresented', { kind: 'CommentNotRepresented', text: `${doc.comments.length} comment(s) not written` });
  }
  if (doc.rows.some((r) => r.metadata.length > 0 || r.cells.some((c) => (c.metadata?.length ?? 0) > 0))) {
    report.once('MetadataNotRepresented', { kind: 'MetadataNotRepresented', text: 'row metadata is not written' });
  }
}
