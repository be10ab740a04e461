import { InputError } from '../../errors.js';
import { emptyDocument } from '../../model/build.js';
import type { BoundingBox, BoundingBoxLabelSet, Document, JsonValue, Point, Question } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import { SCORE, type InputHead, type TextReader } from '../detect.js';
import { isJsonObject } from '../source-fields.js';
import { reportDefaults } from './defaults.js';

/**
 * COCO object detection JSON (what our COCO writer writes, and the `instances_*.json` layout):
 * `images` become the document's pages (their `width`/`height` the page sizes), `categories` the
 * box classes (one label set per `supercategory`), each annotation a box: its `segmentation`
 * polygons the shapes (`bbox` as a rectangle when it has none), our `attributes` (`datasaur_id`,
 * `caption`, `answers`; the document's answers on the image) read back. Annotations that share a
 * `datasaur_id` on several pages are one box again. A file holds one document: one image, or the
 * `<document>-page-<n>.png` pages of one document; a dataset of many images is refused naming
 * that (one document per file is what the model reads).
 */
export const cocoInput: TextReader = {
  format: 'COCO',
  layout: '',
  extensions: ['.json'],
  sniff: (head) => (isCoco(head) ? { score: SCORE.SIGNATURE, because: 'JSON object with images, annotations and categories (COCO)' } : null),
  read: (input, source) => readCoco(input.json(), source),
};

function isCoco(head: InputHead): boolean {
  if (head.firstChar !== '{') return false;
  const value = head.json();
  return isJsonObject(value) && Array.isArray(value.images) && Array.isArray(value.annotations) && Array.isArray(value.categories);
}

type Obj = { [key: string]: JsonValue };
const PAGE_NAME = /^(.*)-page-(\d+)\.png$/;

function fail(source: DocumentSource, where: string, message: string, expected: string): never {
  throw new InputError('INVALID_DOCUMENT', message, { file: source.file, where, expected });
}

export function readCoco(value: unknown, source: DocumentSource): Document {
  const coco = value as { images: JsonValue[]; annotations: JsonValue[]; categories: JsonValue[] };
  const images = coco.images.map((image, i) => (isJsonObject(image) ? image : fail(source, `$.images[${i}]`, 'an image is not an object', '{"id", "file_name", "width", "height"}')));
  // The document and its pages: one image, or the rendered pages of one document.
  const pages = images.map((image, i) => {
    const fileName = typeof image.file_name === 'string' ? image.file_name : `image-${i + 1}`;
    const page = images.length > 1 ? PAGE_NAME.exec(fileName) : null;
    return { image, fileName, document: page ? page[1] : fileName, pageIndex: page ? Number(page[2]) - 1 : i };
  });
  const names = [...new Set(pages.map((p) => p.document))];
  if (names.length > 1) {
    throw new InputError('UNSUPPORTED', `this COCO file holds ${images.length} images of ${names.length} documents; a document is read from a file of its own`, {
      file: source.file,
      where: '$.images',
      expected: 'one image, or the <document>-page-<n>.png pages of one document (a COCO file written per document)',
      hint: 'Convert without --combine to get one COCO file per document.',
    });
  }
  const name = names[0] ?? source.documentName ?? source.file.replace(/^.*[/\\!]/, '');
  const doc = emptyDocument(['BBOX_BASED'], { id: name, name, cabinet: source.cabinet, project: source.project });
  if (source.project) doc.project = source.project;
  const pageOf = new Map<JsonValue, number>();
  doc.pages = pages.map(({ image, pageIndex }) => {
    pageOf.set(image.id, pageIndex);
    const size = (v: JsonValue | undefined) => (typeof v === 'number' && v > 0 ? v : undefined);
    return { pageIndex, pageWidth: size(image.width), pageHeight: size(image.height) };
  });

  // Classes: one label set per supercategory, in the order the categories come.
  const sets = new Map<string, BoundingBoxLabelSet>();
  const classOf = new Map<JsonValue, { id: string; name: string }>();
  coco.categories.forEach((category, i) => {
    if (!isJsonObject(category) || category.id === undefined || typeof category.name !== 'string') fail(source, `$.categories[${i}]`, 'a category needs an id and a name', '{"id": 1, "name": "car"}');
    const setName = typeof category.supercategory === 'string' ? category.supercategory : '';
    let set = sets.get(setName);
    if (!set) sets.set(setName, (set = { id: `coco:${setName || sets.size}`, name: setName || null, classes: [] }));
    const c = { id: String(category.id), name: category.name };
    set.classes.push(c);
    classOf.set(category.id, c);
  });
  doc.boundingBoxLabelSets = [...sets.values()];

  // Boxes: one per datasaur_id (an annotation per page of a box written on several pages).
  const boxes = new Map<string, BoundingBox>();
  coco.annotations.forEach((annotation, n) => {
    const where = `$.annotations[${n}]`;
    if (!isJsonObject(annotation)) fail(source, where, 'an annotation is not an object', '{"image_id", "category_id", "bbox" or "segmentation"}');
    const c = classOf.get(annotation.category_id);
    if (!c) fail(source, `${where}.category_id`, `category ${JSON.stringify(annotation.category_id)} is not among the categories`, 'the id of a category');
    const pageIndex = pageOf.get(annotation.image_id);
    if (pageIndex === undefined) fail(source, `${where}.image_id`, `image ${JSON.stringify(annotation.image_id)} is not among the images`, 'the id of an image');
    const shapes = polygons(annotation, source, where).map((points) => ({ pageIndex, points }));
    const attributes = isJsonObject(annotation.attributes) ? annotation.attributes : {};
    const id = typeof attributes.datasaur_id === 'string' ? attributes.datasaur_id : `coco:${String(annotation.id ?? n + 1)}`;
    const known = boxes.get(id);
    if (known) {
      known.shapes.push(...shapes);
      return;
    }
    const box: BoundingBox = { id, documentId: doc.id, classId: c.id, className: c.name, caption: typeof attributes.caption === 'string' ? attributes.caption : null, shapes, status: 'LABELED', labeledBy: null };
    if (isJsonObject(attributes.answers)) box.answers = attributes.answers;
    boxes.set(id, box);
  });
  doc.boundingBoxes = [...boxes.values()];

  // The document's answers, kept on the image by question name: one TEXT-less question per name.
  const answers = images.find((image) => isJsonObject(image.attributes))?.attributes as Obj | undefined;
  if (answers) {
    doc.kinds = ['BBOX_BASED', 'DOCUMENT_BASED'];
    doc.documentQuestions = Object.keys(answers).map((key, i): Question => ({ id: i, name: key, label: key, type: Array.isArray(answers[key]) ? 'DROPDOWN' : 'TEXT', required: false, config: Array.isArray(answers[key]) ? { multiple: true } : {} }));
    doc.documentAnswers = Object.fromEntries(Object.keys(answers).map((key, i) => [String(i), answers[key]]));
  }
  reportDefaults(source, 'COCO', [
    { field: 'document.id', value: 'the image name' },
    { field: 'bboxLabelSets[].id', value: 'coco:<supercategory>' },
    { field: 'bboxLabelSets[].classes[].color', value: 'none' },
    { field: 'bboxLabelSets[].classes[].questions', value: 'none (box answers keep their question ids)' },
    { field: 'bboxLabels[].status', value: 'LABELED' },
    { field: 'bboxLabels[].labeledBy', value: 'null' },
    ...(answers ? [{ field: 'documentQuestions', value: 'one question per answer the image holds, named as written' }] : []),
  ]);
  return doc;
}

/** An annotation's polygons: `segmentation` (a list of flat x,y lists), else the `bbox` rectangle. */
function polygons(annotation: Obj, source: DocumentSource, where: string): Point[][] {
  const segmentation = annotation.segmentation;
  if (Array.isArray(segmentation) && segmentation.length > 0) {
    return segmentation.map((flat, k) => {
      if (!Array.isArray(flat) || flat.length < 2 || flat.length % 2 !== 0 || !flat.every((v) => typeof v === 'number')) {
        fail(source, `${where}.segmentation[${k}]`, 'a polygon is a flat list of x, y numbers', '[x1, y1, x2, y2, …] (RLE masks are not read)');
      }
      const points: Point[] = [];
      for (let i = 0; i < flat.length; i += 2) points.push({ x: flat[i] as number, y: flat[i + 1] as number });
      return points;
    });
  }
  const bbox = annotation.bbox;
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number')) fail(source, `${where}.bbox`, 'an annotation without a polygon needs a bbox', '[x, y, width, height]');
  const [x, y, w, h] = bbox as number[];
  return [[{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }]];
}
