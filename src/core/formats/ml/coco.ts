import { outputFileName } from '../../model/naming.js';
import type { Document, JsonValue, Point } from '../../model/types.js';
import { isAnswered, questionColumnName } from '../table/answers.js';
import { combinedFileName, documentContext } from '../table/combined.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { ClassVocabulary, boundingRect, eligibleBoxes, hasAnswers, hasCaption, pageImageName, pageIndexes, pageSize, polygonArea, reportComments, usableShapes } from './boxes.js';

interface CocoImage {
  id: number;
  file_name: string;
  width: number | null;
  height: number | null;
  attributes?: Record<string, JsonValue>;
}

interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  segmentation: number[][];
  area: number;
  bbox: [number, number, number, number];
  iscrowd: 0;
  attributes: Record<string, JsonValue>;
}

/**
 * COCO (bounding-box projects): the object-detection layout of the COCO dataset
 * (`instances_*.json`, as pycocotools, Detectron2, MMDetection and the Ultralytics converter read
 * it): `images` (one per page, `width`/`height` from the export's `pages`), `categories` (the box
 * label sets' classes in order, ids from 1, `supercategory` the label set's name), and one
 * annotation per box and page: `bbox` `[x, y, width, height]` in pixels around the shape's points,
 * `segmentation` the shape's polygon(s) `[[x1, y1, x2, y2, …]]`, `area` the polygon area,
 * `iscrowd` 0. What COCO has no field for is kept in `attributes` (the convention CVAT uses):
 * per box `caption` and `answers`, plus `datasaur_id`; per image the document's answers by
 * question name. One file per document, or per project with `--combine`.
 */
export const cocoWriter: FormatWriter = {
  name: 'COCO',
  kinds: ['BBOX_BASED'],
  extension: 'json',
  description: 'COCO object detection JSON: images (page sizes), categories (box classes), annotations (bbox, polygon segmentation, caption/answers as attributes)',
  writeDocument(doc, ctx) {
    return [{ name: outputFileName(doc.name, 'json'), content: cocoJson([doc], ctx, false) }];
  },
  writeCombined(docs, ctx) {
    return [{ name: combinedFileName(docs, 'json'), content: cocoJson(docs, ctx, true) } satisfies OutputFile];
  },
};

function cocoJson(docs: readonly Document[], ctx: WriteContext, combined: boolean): string {
  const vocabulary = new ClassVocabulary();
  const images: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  for (const doc of docs) {
    const { report } = combined ? documentContext(doc, ctx) : ctx;
    const docCtx = Object.assign({}, ctx, { report });
    vocabulary.addDocument(doc);
    reportComments(doc, report);
    const imageIds = new Map<number, number>();
    for (const pageIndex of pageIndexes(doc)) {
      const size = pageSize(doc, pageIndex);
      if (!size) report.add({ kind: 'PageSizeMissing', text: `page ${pageIndex} has no size in the export; its COCO image has width and height null` });
      const image: CocoImage = { id: images.length + 1, file_name: pageImageName(doc, pageIndex), width: size?.width ?? null, height: size?.height ?? null };
      const answers = documentAttributes(doc);
      if (answers) image.attributes = answers;
      imageIds.set(pageIndex, image.id);
      images.push(image);
    }
    for (const box of eligibleBoxes(doc, docCtx)) {
      const byPage = new Map<number, Point[][]>();
      for (const shape of usableShapes(box)) {
        const list = byPage.get(shape.pageIndex);
        if (list) list.push(shape.points);
        else byPage.set(shape.pageIndex, [shape.points]);
      }
      if (byPage.size > 1) {
        report.add({ kind: 'BoxReshaped', text: `bounding box on ${byPage.size} pages written as one annotation per page`, labelId: box.id, label: box.className });
      }
      const attributes: Record<string, JsonValue> = { datasaur_id: box.id };
      if (hasCaption(box)) attributes.caption = box.caption!;
      if (hasAnswers(box)) attributes.answers = box.answers!;
      for (const [pageIndex, polygons] of byPage) {
        const rect = boundingRect(polygons.flat());
        annotations.push({
          id: annotations.length + 1,
          image_id: imageIds.get(pageIndex)!,
          category_id: vocabulary.of(box) + 1,
          segmentation: polygons.map((points) => (points.length >= 3 ? points : corners(boundingRect(points))).flatMap((p) => [p.x, p.y])),
          area: polygons.reduce((sum, points) => sum + (points.length >= 3 ? polygonArea(points) : 0), 0),
          bbox: [rect.x, rect.y, rect.width, rect.height],
          iscrowd: 0,
          attributes,
        });
      }
    }
  }
  const doc = docs[0];
  const categories = vocabulary.classes.map((c, i) => ({ id: i + 1, name: c.name, supercategory: c.setName ?? '' }));
  const info = { description: `Datasaur project ${doc?.project.folder}, cabinet ${doc?.cabinet.folder}, written by datasaur-export`, version: '1.0' };
  // Compact: COCO files of real projects hold thousands of annotations (pycocotools reads either).
  return JSON.stringify({ info, licenses: [], images, annotations, categories }) + '\n';
}

/** A polygon needs three points: one or two points give the corners of the rectangle around them. */
function corners(r: { x: number; y: number; width: number; height: number }): Point[] {
  return [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ];
}

/** The document's answers by question name (an image holds them; COCO has no field of its own for them). */
function documentAttributes(doc: Document): Record<string, JsonValue> | undefined {
  const out: Record<string, JsonValue> = {};
  for (const [id, value] of Object.entries(doc.documentAnswers ?? {})) {
    if (!isAnswered(value)) continue;
    const question = doc.documentQuestions.find((q) => String(q.id) === id);
    out[question ? questionColumnName(question) : id] = value;
  }
  return Object.keys(out).length ? out : undefined;
}
