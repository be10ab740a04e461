import { isWhole } from './json-lines.js';
import { IssueList, type LintResult } from './types.js';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A COCO detection file (COCO) as pycocotools' `COCO()` and the trainers built on it load it:
 * `images`, `annotations`, `categories` lists; unique integer ids; every annotation names an
 * existing image and category; `bbox` is four numbers with non-negative width and height;
 * `segmentation` polygons have an even number (≥ 6) of numbers; `iscrowd` 0 or 1; `area` a
 * number. A box outside its image, or an image without a size, is a warning.
 */
export function lintCoco(text: string): LintResult {
  const list = new IssueList();
  const counts = { images: 0, annotations: 0, categories: 0 };
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    data = parsed as Record<string, unknown>;
  } catch {
    list.add('error', 0, 'coco/json', 'the file is not a JSON object');
    return { issues: list.issues, counts };
  }
  const listOf = (key: string): Array<Record<string, unknown>> => {
    const value = data[key];
    if (!Array.isArray(value)) {
      list.add('error', 0, 'coco/lists', `"${key}" must be a list`);
      return [];
    }
    return value as Array<Record<string, unknown>>;
  };
  const images = listOf('images');
  const annotations = listOf('annotations');
  const categories = listOf('categories');
  const ids = (items: Array<Record<string, unknown>>, what: string) => {
    const seen = new Map<number, Record<string, unknown>>();
    items.forEach((item, i) => {
      if (!isWhole(item.id)) list.add('error', 0, 'coco/id', `${what}[${i}] has no integer id`);
      else if (seen.has(item.id)) list.add('error', 0, 'coco/unique-id', `${what} id ${item.id} is used twice`);
      else seen.set(item.id, item);
    });
    return seen;
  };
  const imageById = ids(images, 'images');
  const categoryById = ids(categories, 'categories');
  ids(annotations, 'annotations');
  images.forEach((image, i) => {
    if (typeof image.file_name !== 'string' || image.file_name === '') list.add('error', 0, 'coco/file-name', `images[${i}] has no file_name`);
    if (!isNumber(image.width) || !isNumber(image.height)) list.add('warning', 0, 'coco/image-size', `images[${i}] (${String(image.file_name)}) has no width/height`);
  });
  categories.forEach((c, i) => {
    if (typeof c.name !== 'string' || c.name === '') list.add('error', 0, 'coco/category-name', `categories[${i}] has no name`);
  });
  annotations.forEach((a, i) => {
    const where = `annotations[${i}]`;
    const image = isWhole(a.image_id) ? imageById.get(a.image_id) : undefined;
    if (!image) list.add('error', 0, 'coco/image-ref', `${where}: image_id ${String(a.image_id)} is not an image`);
    if (!(isWhole(a.category_id) && categoryById.has(a.category_id))) list.add('error', 0, 'coco/category-ref', `${where}: category_id ${String(a.category_id)} is not a category`);
    const bbox = a.bbox;
    if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(isNumber) || bbox[2] < 0 || bbox[3] < 0) {
      list.add('error', 0, 'coco/bbox', `${where}: bbox must be [x, y, width, height] with width, height ≥ 0`);
    } else if (image && isNumber(image.width) && isNumber(image.height) && (bbox[0] < 0 || bbox[1] < 0 || bbox[0] + bbox[2] > image.width || bbox[1] + bbox[3] > image.height)) {
      list.add('warning', 0, 'coco/bbox-inside', `${where}: bbox reaches outside its ${image.width}×${image.height} image`);
    }
    if (a.segmentation !== undefined) {
      const polygons = a.segmentation;
      if (!Array.isArray(polygons) || !polygons.every((p) => Array.isArray(p) && p.length >= 6 && p.length % 2 === 0 && p.every(isNumber))) {
        list.add('error', 0, 'coco/segmentation', `${where}: segmentation must be polygons [[x1, y1, x2, y2, x3, y3, …], …]`);
      }
    }
    if (a.iscrowd !== 0 && a.iscrowd !== 1) list.add('error', 0, 'coco/iscrowd', `${where}: iscrowd must be 0 or 1`);
    if (!isNumber(a.area)) list.add('error', 0, 'coco/area', `${where}: area must be a number`);
  });
  counts.images = images.length;
  counts.annotations = annotations.length;
  counts.categories = categories.length;
  return { issues: list.issues, counts };
}
