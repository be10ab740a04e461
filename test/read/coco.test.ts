import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWriter } from '../../src/core/formats/registry.js';
import { parseDocumentText } from '../../src/core/read/parse-document.js';
import { readInput } from '../../src/node/read-input.js';
import { InputError } from '../../src/core/errors.js';
import type { BoundingBox, Document } from '../../src/core/model/types.js';
import { Report } from '../../src/core/report/report.js';
import { sample } from '../helpers/samples.js';
import { runWriter } from '../property/run-writer.js';

/**
 * "Every format we write, we read" for COCO: our COCO file of each bounding-box document (the
 * fixture projects, the newer-shape one of two pages among them, and the real 2024 export) is
 * detected and read back to the boxes written — class, caption, answers, polygon points, page
 * sizes — every box the writer left out named in its report; and the read-back document written as
 * COCO again is the same file.
 */
const INPUTS = [
  path.resolve(__dirname, '../../fixtures/bbox-project.zip'),
  path.resolve(__dirname, '../../fixtures/bbox-newer-project.zip'),
  sample('bbox-datasaur-schema', 'bbox-export.zip'),
];

/** A box as COCO carries it: class, caption, answers, and each shape's points (1–2 points become the rectangle's corners). */
function carried(box: BoundingBox) {
  return {
    id: box.id,
    className: box.className,
    caption: box.caption || null,
    answers: box.answers && Object.values(box.answers).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) ? box.answers : undefined,
    shapes: box.shapes.filter((s) => s.points.length > 0).map((s) => ({ pageIndex: s.pageIndex, points: s.points.map((p) => [p.x, p.y]) })),
  };
}

describe('COCO reads back', () => {
  for (const input of INPUTS) {
    it(`${path.basename(input)}: every document's COCO file reads back to the boxes written, and writes the same file again`, { timeout: 120_000 }, async () => {
      const { projects } = await readInput(input, { cabinet: 'all' });
      const docs = projects.flatMap((p) => p.documents);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        const run = await runWriter(findWriter('COCO')!, doc);
        const [file] = run.files!;
        const report = new Report();
        // Read as in an export: its project and cabinet from the layout.
        const back = parseDocumentText(file.text, { file: file.name, report, cabinet: doc.cabinet, project: doc.project });
        const where = `${doc.cabinet.folder}/${doc.name}`;
        expect(back.readAs?.format, where).toBe('COCO');
        expect(back.name, where).toBe(doc.name);
        // Every box is read back or named by the writer (REJECTED, CONFLICT, no point).
        const named = new Set(run.messages.filter((m) => ['BoxNotWritten', 'RejectedLabelSkipped', 'ConflictLabelSkipped'].includes(m.kind)).map((m) => m.labelId));
        const written = doc.boundingBoxes.filter((b) => !named.has(b.id));
        const fitted = (b: BoundingBox) => ({ ...carried(b), shapes: carried(b).shapes.map((s) => ({ ...s, points: s.points.length >= 3 ? s.points : rectangle(s.points) })) });
        expect(back.boundingBoxes.map(carried), where).toEqual(written.map(fitted));
        expect(back.boundingBoxes.map((b) => b.status)).toEqual(written.map(() => 'LABELED'));
        // Page sizes, the classes by name.
        for (const page of back.pages) {
          const original = doc.pages.find((p) => p.pageIndex === page.pageIndex);
          expect([page.pageWidth, page.pageHeight], where).toEqual([original?.pageWidth, original?.pageHeight]);
        }
        expect(back.boundingBoxLabelSets.flatMap((s) => s.classes.map((c) => c.name)), where).toEqual(expect.arrayContaining(doc.boundingBoxLabelSets.flatMap((s) => s.classes.map((c) => c.name))));
        // What COCO does not carry is named.
        expect(report.all().filter((m) => m.kind === 'MissingFieldDefaulted').map((m) => m.place?.jsonPath), where).toEqual(expect.arrayContaining(['bboxLabels[].status', 'bboxLabelSets[].classes[].questions']));
        // Written again: the same file.
        expect((await runWriter(findWriter('COCO')!, back)).files![0].text, where).toBe(file.text);
      }
    });
  }

  it('a document of two pages: images named <document>-page-<n>.png, a box on both pages is one box again', async () => {
    const { projects } = await readInput(INPUTS[0], { cabinet: 'REVIEW' });
    const doc = projects[0].documents[0];
    doc.pages = [...doc.pages, { pageIndex: 1, pageWidth: 800, pageHeight: 600 }];
    doc.boundingBoxes[0].shapes.push({ pageIndex: 1, points: [{ x: 1, y: 2 }, { x: 30, y: 2 }, { x: 15, y: 40 }] });
    const run = await runWriter(findWriter('COCO')!, doc);
    expect(run.messages.some((m) => m.kind === 'BoxReshaped' && m.labelId === doc.boundingBoxes[0].id)).toBe(true);
    const back = parseDocumentText(run.files![0].text, { file: run.files![0].name, cabinet: doc.cabinet, project: doc.project });
    expect(back.name).toBe(doc.name);
    expect(back.pages.map((p) => [p.pageIndex, p.pageWidth, p.pageHeight])).toEqual([[0, 640, 480], [1, 800, 600]]);
    expect(back.boundingBoxes[0].shapes.map((s) => [s.pageIndex, s.points.length])).toEqual([[0, 4], [1, 3]]);
    expect((await runWriter(findWriter('COCO')!, back)).files![0].text).toBe(run.files![0].text);
  });

  it('a file holding the images of several documents (a --combine output, a dataset) is refused naming why', () => {
    const text = JSON.stringify({ images: [{ id: 1, file_name: 'a.png', width: 10, height: 10 }, { id: 2, file_name: 'b.png', width: 10, height: 10 }], annotations: [], categories: [] });
    expect(() => parseDocumentText(text, { file: 'all.json' })).toThrow(InputError);
    expect(() => parseDocumentText(text, { file: 'all.json' })).toThrow(/2 images of 2 documents/);
  });

  it('an annotation naming no category is an input error with its JSON path', () => {
    const text = JSON.stringify({ images: [{ id: 1, file_name: 'a.png', width: 10, height: 10 }], annotations: [{ id: 1, image_id: 1, category_id: 9, bbox: [0, 0, 1, 1] }], categories: [{ id: 1, name: 'car' }] });
    expect(() => parseDocumentText(text, { file: 'a.json' })).toThrow(expect.objectContaining({ where: '$.annotations[0].category_id' }) as unknown as Error);
  });
});

function rectangle(points: number[][]): number[][] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export type { Document };
