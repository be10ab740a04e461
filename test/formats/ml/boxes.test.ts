import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src/node/read-input.js';
import { cocoWriter } from '../../../src/core/formats/ml/coco.js';
import { yoloWriter } from '../../../src/core/formats/ml/yolo.js';
import { boundingRect } from '../../../src/core/formats/ml/boxes.js';
import { findWriter, writersForKinds } from '../../../src/core/formats/registry.js';
import { convert } from '../../../src/node/convert.js';
import type { Document } from '../../../src/core/model/types.js';
import { sample } from '../../helpers/samples.js';
import { text, writeCombinedWith, writeWith } from './helpers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BBOX = sample('bbox-datasaur-schema', 'bbox-export.zip');

async function bboxDocuments(): Promise<Document[]> {
  const { projects } = await readInput(BBOX);
  return projects.flatMap((p) => p.documents);
}

interface YoloBox {
  cls: number;
  values: number[];
}

function yoloBoxes(content: string): YoloBox[] {
  return content.split('\n').filter((l) => l !== '').map((line) => {
    const [cls, ...values] = line.split(' ');
    return { cls: Number(cls), values: values.map(Number) };
  });
}

describe('COCO and YOLO of bbox-datasaur-schema/bbox-export.zip', async () => {
  const docs = await bboxDocuments();
  const boxesInExport = docs.reduce((n, d) => n + d.boundingBoxes.length, 0);

  it('the sample has boxes in several cabinets (the counts below are not vacuous)', () => {
    expect(boxesInExport).toBe(26);
    expect(docs.every((d) => d.kinds.includes('BBOX_BASED'))).toBe(true);
  });

  it('COCO: every box is one annotation (count = boxes), on its page image with the page size, bbox and polygon equal to the export', async () => {
    let annotations = 0;
    for (const doc of docs) {
      const { files, report } = await writeWith(cocoWriter, doc);
      const coco = JSON.parse(text(files, `${doc.name}.json`));
      expect(coco.images).toEqual([{ id: 1, file_name: doc.name, width: 1024, height: 1024, ...(coco.images[0].attributes ? { attributes: coco.images[0].attributes } : {}) }]);
      expect(coco.categories.map((c: { name: string }) => c.name)).toEqual(['label-one', 'label-two', 'label-three']);
      expect(coco.annotations).toHaveLength(doc.boundingBoxes.length);
      doc.boundingBoxes.forEach((box, i) => {
        const a = coco.annotations[i];
        const r = boundingRect(box.shapes[0].points);
        expect(a.bbox).toEqual([r.x, r.y, r.width, r.height]);
        expect(a.segmentation).toEqual([box.shapes[0].points.flatMap((p) => [p.x, p.y])]);
        expect(coco.categories[a.category_id - 1].name).toBe(box.className);
        expect(a.attributes.datasaur_id).toBe(box.id);
        if (box.caption) expect(a.attributes.caption).toBe(box.caption);
      });
      annotations += coco.annotations.length;
      expect(report.all().filter((m) => m.kind === 'BoundingBoxNotRepresented')).toEqual([]);
      expect(report.all()).toEqual([]);
    }
    expect(annotations).toBe(boxesInExport);
  });

  it('YOLO: every box is one line (count = boxes), values in [0,1], and back in pixels they give the export rectangle within half a pixel', async () => {
    let lines = 0;
    for (const doc of docs) {
      const { files, report } = await writeWith(yoloWriter, doc);
      const stem = doc.name.replace(/\.[^.]+$/, '');
      const boxes = yoloBoxes(text(files, `${doc.name}/labels/${stem}.txt`));
      const names = text(files, `${doc.name}/classes.txt`).trimEnd().split('\n');
      expect(names).toEqual(['label-one', 'label-two', 'label-three']);
      expect(boxes).toHaveLength(doc.boundingBoxes.length);
      const [page] = doc.pages;
      doc.boundingBoxes.forEach((box, i) => {
        const { cls, values } = boxes[i];
        expect(names[cls]).toBe(box.className);
        for (const v of values) expect(v >= 0 && v <= 1).toBe(true);
        const [xc, yc, w, h] = values;
        const back = { x: (xc - w / 2) * page.pageWidth!, y: (yc - h / 2) * page.pageHeight!, width: w * page.pageWidth!, height: h * page.pageHeight! };
        const r = boundingRect(box.shapes[0].points);
        expect(Math.abs(back.x - r.x)).toBeLessThan(0.5);
        expect(Math.abs(back.y - r.y)).toBeLessThan(0.5);
        expect(Math.abs(back.x + back.width - (r.x + r.width))).toBeLessThan(0.5);
        expect(Math.abs(back.y + back.height - (r.y + r.height))).toBeLessThan(0.5);
      });
      lines += boxes.length;
      const kinds = new Set(report.all().map((m) => m.kind));
      expect(kinds.has('BoundingBoxNotRepresented')).toBe(false);
      // What YOLO cannot hold is named: captions, document answers; skewed quadrilaterals become rectangles.
      for (const box of doc.boundingBoxes.filter((b) => b.caption)) {
        expect(report.all().some((m) => m.kind === 'BoxDetailNotRepresented' && m.labelId === box.id)).toBe(true);
      }
    }
    expect(lines).toBe(boxesInExport);
  });

  it('--combine: one COCO file and one YOLO folder per cabinet hold every box of the cabinet', async () => {
    const review = docs.filter((d) => d.cabinet.folder === 'REVIEW');
    const coco = JSON.parse(text((await writeCombinedWith(cocoWriter, review)).files, 'sample-images-ODMzNDE3Yjk.json'));
    expect(coco.images.map((i: { id: number; file_name: string }) => [i.id, i.file_name])).toEqual([[1, 'image-1.jpeg'], [2, 'image-2.jpeg'], [3, 'image-3.jpeg']]);
    expect(coco.annotations).toHaveLength(review.reduce((n, d) => n + d.boundingBoxes.length, 0));
    expect(new Set(coco.annotations.map((a: { id: number }) => a.id)).size).toBe(coco.annotations.length);
    const yolo = await writeCombinedWith(yoloWriter, review);
    const folder = 'sample-images-ODMzNDE3Yjk';
    expect([...yolo.files.keys()].sort()).toEqual([`${folder}/classes.txt`, `${folder}/data.yaml`, ...['image-1', 'image-2', 'image-3'].map((s) => `${folder}/labels/${s}.txt`)].sort());
    expect(text(yolo.files, `${folder}/data.yaml`)).toBe(
      ['# Ultralytics YOLO detection dataset written by datasaur-export.', '# Put the images in images/ under their uploaded names: labels/<stem>.txt belongs to images/<stem>.<ext>.', 'train: images', 'val: images', 'nc: 3', 'names:', '  0: "label-one"', '  1: "label-two"', '  2: "label-three"', ''].join('\n'),
    );
  });

  it('converting --to all no longer reports BoundingBoxNotRepresented for COCO or YOLO (the other formats still name the boxes)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bbox-all-'));
    try {
      const { report } = await convert({ input: BBOX, to: 'all', outDir: join(out, 'o'), cabinet: 'all' });
      const notRepresented = report.all().filter((m) => m.kind === 'BoundingBoxNotRepresented');
      expect(notRepresented.some((m) => m.format === 'COCO' || m.format === 'YOLO')).toBe(false);
      expect(notRepresented.length).toBeGreaterThan(0);
      expect(writersForKinds(['BBOX_BASED']).map((w) => w.name)).toEqual(expect.arrayContaining(['COCO', 'YOLO']));
      expect(findWriter('yolo')?.name).toBe('YOLO');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
