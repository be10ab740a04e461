import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';

/**
 * Content of a document that no table format can hold. Bounding boxes (with their per-box answers)
 * stay in DATASAUR_SCHEMA; each is named so nothing disappears in silence.
 */
export function reportUnrepresented(doc: Document, report: Report): void {
  for (const box of doc.boundingBoxes) {
    const answers = box.answers === undefined || box.answers === null ? '' : ' and its answers';
    const pages = [...new Set(box.shapes.map((s) => s.pageIndex))].join(', ');
    report.add({
      kind: 'BoundingBoxNotRepresented',
      text: `bounding box "${box.className}"${pages ? ` on page ${pages}` : ''}${answers} is not written by table formats`,
      labelId: box.id,
      label: box.className,
    });
  }
  if (doc.comments.length) {
    report.add({ kind: 'CommentNotRepresented', text: `${doc.comments.length} comment(s) are not written by table formats` });
  }
  const withMetadata = doc.rows.filter((r) => r.metadata.length > 0);
  if (withMetadata.length) {
    report.add({ kind: 'MetadataNotRepresented', text: `metadata of ${withMetadata.length} row(s) is not written by table formats`, place: { row: withMetadata[0].index } });
  }
}
