import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { openInput } from '../../src/node/open-input.js';
import { inspectInput } from '../../src/node/inspect.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { Report } from '../../src/core/report/report.js';
import { writersFor, runWriter } from '../property/run-writer.js';
import { cli } from '../helpers/cli.js';

/**
 * Must show (issue 11 item 2): a bounding-box export in the newer shape — class questions, per-box
 * answers and captions, a label set without `id` and with `autoLabelProvider: null`, a polygon, page
 * sizes — reads with nothing dropped, round-trips byte for byte, and `inspect` counts its boxes and
 * answers. The fixture is built by fixtures/build.ts (`newerBboxCopy`).
 */
const ZIP = path.resolve(__dirname, '../../fixtures/bbox-newer-project.zip');

describe('newer bounding-box shape (fixtures/bbox-newer-project.zip)', () => {
  it('every copy round-trips byte for byte through the model', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(ZIP));
    const opened = await openInput(ZIP);
    expect(opened.documents).toHaveLength(3);
    for (const ref of opened.documents) {
      const original = await zip.file(ref.file.slice(ZIP.length + 1))!.async('string');
      const report = new Report();
      const doc = await ref.load(report);
      expect(serializeDatasaurSchema(doc), ref.file).toBe(original);
      expect(report.all().filter((m) => m.severity !== 'info')).toEqual([]);
    }
  });

  it('reads classes with questions, boxes with answers and captions, polygons and page sizes into the model', async () => {
    const opened = await openInput(ZIP);
    const report = new Report();
    const doc = await opened.documents.find((d) => d.cabinet.role === 'REVIEW')!.load(report);
    const [set] = doc.boundingBoxLabelSets;
    expect(set.id).toBe('auto:bboxLabelSets[0]');
    expect(set.name).toBe('Receipt fields');
    expect(set.extra).toEqual({ autoLabelProvider: null });
    expect(set.classes.map((c) => [c.name, c.questions?.map((q) => `${q.id}:${q.label}:${q.type}:${q.required}`)])).toEqual([
      ['total', ['1:Currency:DROPDOWN:true', '2:Note:TEXT:false']],
      ['logo', []],
      ['line item', ['1:Tags:DROPDOWN:false']],
    ]);
    expect(set.classes[0].questions![0].config).toMatchObject({ options: [{ id: '1', label: 'USD' }, { id: '2', label: 'EUR' }, { id: '3', label: 'IDR' }] });
    expect(doc.boundingBoxes.map((b) => [b.className, b.caption, b.shapes.map((s) => `${s.pageIndex}:${s.points.length}`).join(), b.answers])).toEqual([
      ['total', '42.00', '0:4', { '1': '1', '2': 'paid in cash' }],
      ['logo', null, '0:6', {}],
      ['line item', 'Espresso ×2', '0:4', { '1': ['drink'] }],
      ['line item', 'Croissant', '1:3', { '1': null }],
      ['total', '9.50', '1:4', { '1': '2' }],
    ]);
    expect(doc.pages.map((p) => [p.pageIndex, p.pageWidth, p.pageHeight])).toEqual([[0, 1000, 1400], [1, 990, 1400]]);
    // The one thing assumed: the label set's id.
    expect(report.all().map((m) => [m.kind, m.place?.jsonPath])).toEqual([['MissingFieldDefaulted', '$.data.bboxLabelSets[0].id']]);
  });

  it('converts to every format that takes bounding boxes, never skipping the document, and names what a format cannot hold', async () => {
    const opened = await openInput(ZIP);
    const doc = await opened.documents.find((d) => d.cabinet.role === 'REVIEW')!.load(new Report());
    const writers = writersFor(doc);
    expect(writers.map((w) => w.name)).toContain('DATASAUR_SCHEMA');
    for (const writer of writers) {
      const run = await runWriter(writer, doc);
      expect(run.files, `${writer.name}: ${run.error}`).not.toBeNull();
      if (writer.name === 'DATASAUR_SCHEMA') continue;
      // Every box is in the file or named in the report.
      const named = new Set(run.messages.filter((m) => m.kind === 'BoundingBoxNotRepresented' || m.kind === 'BoxNotWritten').map((m) => m.labelId));
      if (writer.name === 'YOLO') {
        // YOLO holds no ids: one line per box written, and each caption or answer set it drops is named.
        const lines = run.files!.filter((f) => f.name.includes('/labels/')).flatMap((f) => f.text.split('\n').filter(Boolean));
        expect(lines.length + named.size, 'YOLO boxes').toBe(doc.boundingBoxes.length);
        const detailNamed = new Set(run.messages.filter((m) => m.kind === 'BoxDetailNotRepresented').map((m) => m.labelId));
        for (const box of doc.boundingBoxes) if (box.caption || Object.values(box.answers ?? {}).some((a) => a !== null)) expect(detailNamed.has(box.id), `YOLO: box ${box.id}`).toBe(true);
        continue;
      }
      for (const box of doc.boundingBoxes) expect(named.has(box.id) || run.files!.some((f) => f.text.includes(box.id) || f.text.includes(box.caption ?? '\u0000')), `${writer.name}: box ${box.id}`).toBe(true);
    }
  });

  it('inspect counts boxes and answers per class question', async () => {
    const result = await inspectInput(ZIP);
    const review = result.projects[0].documents.find((d) => d.cabinet === 'REVIEW')!;
    expect(review).toMatchObject({ boundingBoxes: 5, boxAnswers: 4, boxAnswersByQuestion: { 'total › Currency': 2, 'total › Note': 1, 'line item › Tags': 1 } });
    const root = result.projects[0].documents.find((d) => d.cabinet.startsWith('ROOT'))!;
    expect(root).toMatchObject({ boundingBoxes: 0, boxAnswers: 0 });
    const { stdout, code } = await cli('inspect', ZIP);
    expect(code).toBe(0);
    expect(stdout).toContain('10 boxes');
    expect(stdout).toContain('box answers by class question: total › Currency 4, total › Note 2, line item › Tags 2');
  });
});
