import type { Document } from '../../model/types.js';
import { isAnswered } from '../table/answers.js';
import { documentContext } from '../table/combined.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { ClassVocabulary, boundingRect, eligibleBoxes, hasAnswers, hasCaption, isAxisAlignedRectangle, pageImageName, pageIndexes, pageSize, reportComments, usableShapes, type Rect } from './boxes.js';
import { datasetFolder } from './hf-dataset.js';

/** Digits after the point: 1e-6 of a side is under half a pixel for pages up to 500,000 pixels. */
const DIGITS = 6;

/**
 * YOLO (bounding-box projects): the Ultralytics detection dataset layout. `labels/<image stem>.txt`
 * per image with one `class x_center y_center width height` line per box, all normalized by the
 * page size to [0, 1] (an image without boxes gets an empty file: a background image);
 * `classes.txt` (one class name per line, line n = class n) and `data.yaml` (`train`/`val`:
 * `images`, `nc`, `names`), so the folder trains once the images are put in `images/` under their
 * uploaded names. YOLO holds rectangles only: a polygon is written as the rectangle around it
 * (`BoxReshaped`), a box reaching outside its page is clipped (`BoxClipped`), a box on a page
 * without a size cannot be normalized (`BoxNotWritten`), captions and answers are not written
 * (`BoxDetailNotRepresented`, `AnswerNotRepresented`). Per document a folder `<document>/`, with
 * `--combine` one `<project folder>/`.
 */
export const yoloWriter: FormatWriter = {
  name: 'YOLO',
  kinds: ['BBOX_BASED'],
  extension: 'txt',
  description: 'Ultralytics YOLO detection dataset: labels/<image>.txt (class x_center y_center width height, normalized), classes.txt, data.yaml',
  writeDocument(doc, ctx) {
    return yoloDataset([doc], ctx, false);
  },
  writeCombined(docs, ctx) {
    return yoloDataset(docs, ctx, true);
  },
};

function yoloDataset(docs: readonly Document[], ctx: WriteContext, combined: boolean): OutputFile[] {
  const folder = datasetFolder(docs, combined);
  const vocabulary = new ClassVocabulary();
  const files: OutputFile[] = [];
  for (const doc of docs) {
    const docCtx = combined ? documentContext(doc, ctx) : ctx;
    vocabulary.addDocument(doc);
    files.push(...labelFiles(doc, docCtx, vocabulary, folder));
  }
  const names = vocabulary.classes.map((c) => c.name);
  const yaml = [
    '# Ultralytics YOLO detection dataset written by datasaur-export.',
    '# Put the images in images/ under their uploaded names: labels/<stem>.txt belongs to images/<stem>.<ext>.',
    'train: images',
    'val: images',
    `nc: ${names.length}`,
    'names:',
    // JSON strings are valid YAML double-quoted scalars, so any class name survives.
    ...names.map((name, i) => `  ${i}: ${JSON.stringify(name)}`),
    '',
  ].join('\n');
  files.push({ name: `${folder}/classes.txt`, content: names.map((n) => n.replace(/[\r\n]+/g, ' ') + '\n').join('') });
  files.push({ name: `${folder}/data.yaml`, content: yaml });
  return files;
}

function labelFiles(doc: Document, ctx: WriteContext, vocabulary: ClassVocabulary, folder: string): OutputFile[] {
  const { report } = ctx;
  reportComments(doc, report);
  for (const [questionId, value] of Object.entries(doc.documentAnswers ?? {})) {
    if (isAnswered(value)) report.add({ kind: 'AnswerNotRepresented', text: `document answer to question ${questionId} is not written (YOLO holds boxes only; COCO keeps it)`, labelId: questionId });
  }
  const lines = new Map<number, string[]>(pageIndexes(doc).map((p) => [p, []]));
  for (const box of eligibleBoxes(doc, ctx)) {
    const named = { labelId: box.id, label: box.className };
    if (hasCaption(box) || hasAnswers(box)) {
      const what = hasCaption(box) && hasAnswers(box) ? 'caption and answers are' : hasCaption(box) ? 'caption is' : 'answers are';
      report.add({ kind: 'BoxDetailNotRepresented', text: `the box's ${what} not written (YOLO holds class and rectangle; COCO keeps them)`, ...named });
    }
    const shapes = usableShapes(box);
    const reshaped = shapes.length > 1 ? `a box of ${shapes.length} shapes written as one rectangle per shape` : !isAxisAlignedRectangle(shapes[0].points) ? 'polygon written as the axis-aligned rectangle around its points' : undefined;
    if (reshaped) report.add({ kind: 'BoxReshaped', text: reshaped, ...named });
    for (const shape of shapes) {
      const size = pageSize(doc, shape.pageIndex);
      if (!size) {
        report.add({ kind: 'BoxNotWritten', text: `page ${shape.pageIndex} has no size in the export: YOLO coordinates are fractions of it`, ...named });
        continue;
      }
      const rect = clip(boundingRect(shape.points), size);
      if (rect.clipped) report.add({ kind: 'BoxClipped', text: `box reaches outside page ${shape.pageIndex} (${size.width}×${size.height}); clipped to it`, ...named });
      lines.get(shape.pageIndex)!.push(yoloLine(vocabulary.of(box), rect, size));
    }
  }
  return [...lines].map(([pageIndex, list]) => ({ name: `${folder}/labels/${stem(pageImageName(doc, pageIndex))}.txt`, content: list.map((l) => l + '\n').join('') }));
}

function clip(r: Rect, size: { width: number; height: number }): Rect & { clipped: boolean } {
  const x0 = Math.min(Math.max(r.x, 0), size.width);
  const y0 = Math.min(Math.max(r.y, 0), size.height);
  const x1 = Math.min(Math.max(r.x + r.width, 0), size.width);
  const y1 = Math.min(Math.max(r.y + r.height, 0), size.height);
  const clipped = x0 !== r.x || y0 !== r.y || x1 !== r.x + r.width || y1 !== r.y + r.height;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, clipped };
}

export function yoloLine(classIndex: number, r: Rect, size: { width: number; height: number }): string {
  const values = [(r.x + r.width / 2) / size.width, (r.y + r.height / 2) / size.height, r.width / size.width, r.height / size.height];
  return [String(classIndex), ...values.map((v) => v.toFixed(DIGITS))].join(' ');
}

/** Ultralytics finds an image's labels by replacing its extension with `.txt`. */
function stem(imageName: string): string {
  const dot = imageName.lastIndexOf('.');
  return dot > 0 ? imageName.slice(0, dot) : imageName;
}
