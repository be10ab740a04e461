import { describe, expect, it } from 'vitest';
import { spanAndArrowVisualization } from '../../../src/core/formats/pdf/span-and-arrow-visualization.js';
import { readInput } from '../../../src/node/read-input.js';
import { Report } from '../../../src/core/report/report.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import { pdfOptions } from './fixtures.js';
import { collect, openPdf } from './read-back.js';

const SAMPLE = '../shared/samples/audio-json-advanced/_Uniphore_ Datasaur Dataset_FRYWjo0dORv.zip';

describe('audio sample (JSON_ADVANCED, 3 label sets, timestamps) REVIEW documents', () => {
  it('render every REVIEW document; what a PDF cannot show is reported', async () => {
    const { projects } = await readInput(SAMPLE, { cabinet: 'REVIEW' });
    const docs = projects.flatMap((p) => p.documents);
    expect(docs.length).toBe(10);
    let drawnTotal = 0;
    for (const doc of docs) {
      const report = new Report();
      const [file] = await spanAndArrowVisualization.writeDocument(doc, { options: pdfOptions(), report });
      const bytes = await collect(file.content);
      const pdf = await openPdf(bytes);
      expect(pdf.numPages).toBeGreaterThan(0);
      const page = await pdf.getPage(1);
      const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      await pdf.destroy();
      expect(text).toContain(doc.name);
      const firstToken = doc.rows.flatMap((r) => r.cells.flatMap((c) => c.tokens))[0];
      expect(text).toContain(firstToken);
      // Every span is drawn or named: spans drawn + spans reported = spans in the document.
      const skipped = report.messages.filter((m) => ['RejectedLabelSkipped', 'ConflictLabelSkipped', 'LabelSetNotSelected'].includes(m.kind) && doc.spans.some((s) => s.id === m.labelId));
      const drawn = selectDrawnLabels(doc, pdfOptions(), new Report()).spans;
      expect(drawn.length + skipped.length).toBe(doc.spans.length);
      drawnTotal += drawn.length;
      expect(report.count({ kind: 'TimestampNotRepresented' })).toBe(doc.timestamps.length);
    }
    expect(drawnTotal).toBeGreaterThan(0);
  });
});
