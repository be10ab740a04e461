import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spanAndArrowVisualization } from '../../../src/core/formats/pdf/span-and-arrow-visualization.js';
import { findWriter } from '../../../src/core/formats/registry.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import { Report } from '../../../src/core/report/report.js';
import { labeledFixture, pdfOptions, unicodeFixture, writePdf } from './fixtures.js';
import { collect, openPdf, pageTexts } from './read-back.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/golden/pdf/labeled.txt.pdf');
const update = process.env.UPDATE_GOLDEN === '1';

describe('SPAN_AND_ARROW_VISUALIZATION output', () => {
  it('is registered for token projects with the .pdf extension', () => {
    const writer = findWriter('SPAN_AND_ARROW_VISUALIZATION');
    expect(writer).toBe(spanAndArrowVisualization);
    expect(writer!.kinds).toEqual(['TOKEN_BASED']);
    expect(writer!.extension).toBe('.pdf');
  });

  it('gives the same bytes for the same input (fixed dates and file id), equal to the golden file', async () => {
    const a = (await writePdf(labeledFixture())).bytes;
    const b = (await writePdf(labeledFixture())).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const pdf = await openPdf(a);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, string> };
    await pdf.destroy();
    expect(info.CreationDate).toBe('D:20000101000000Z');
    expect(info.ModDate).toBe('D:20000101000000Z');
    if (update) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, a);
    }
    expect(existsSync(GOLDEN), 'golden PDF (run with UPDATE_GOLDEN=1 once)').toBe(true);
    expect(Buffer.from(a).equals(readFileSync(GOLDEN))).toBe(true);
  });

  it('streams: the content yields bytes page by page, not one buffer at the end', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`line${i}`, 'with', 'a', 'few', 'tokens']);
    const doc = tokenDocument({ rows, labelSets: [['X']], spans: rows.map((_, i) => ({ label: 'X', start: [i, 0] as [number, number], end: [i, 1] as [number, number] })) });
    const [file] = await spanAndArrowVisualization.writeDocument(doc, { options: pdfOptions(), report: new Report() });
    expect(typeof file.content).toBe('object');
    let chunks = 0;
    let bytes = 0;
    for await (const chunk of file.content as AsyncIterable<Uint8Array>) {
      chunks++;
      bytes += chunk.length;
    }
    const pdf = await openPdf(await collect((await spanAndArrowVisualization.writeDocument(doc, { options: pdfOptions(), report: new Report() }))[0].content));
    expect(pdf.numPages).toBeGreaterThan(10);
    // At least one chunk per page: each page's bytes leave before the next page is laid out.
    expect(chunks).toBeGreaterThanOrEqual(pdf.numPages);
    await pdf.destroy();
    expect(bytes).toBeGreaterThan(0);
  });

  it('draws only the label sets asked for and reports the others', async () => {
    const doc = labeledFixture();
    const { bytes, report } = await writePdf(doc, pdfOptions({ labelSets: [1] }));
    const names = (await pageTexts(bytes)).flatMap((p) => p.items.map((i) => i.str));
    expect(names).toContain('VERB');
    expect(names).not.toContain('PERSON');
    const layer0 = [...doc.spans.filter((s) => s.layer === 0), ...doc.arrows.filter((a) => a.layer === 0)].map((l) => l.id).sort();
    // Spans and arrows of label set 0 are named (the fixture's arrows belong to label set 0).
    expect(report.messages.filter((m) => m.kind === 'LabelSetNotSelected').map((m) => m.labelId).sort()).toEqual(layer0);
    expect(layer0).toContain('lives-in');
  });

  it('names an arrow whose end span is not drawn', async () => {
    const doc = labeledFixture();
    doc.spans.find((s) => s.id === 'acme')!.status = 'REJECTED';
    const { report } = await writePdf(doc);
    expect(report.messages.filter((m) => m.kind === 'ArrowEndpointMissing').map((m) => m.labelId)).toEqual(['works-for']);
  });

  it('hides arrows on request and names each one in the report', async () => {
    const { bytes, report } = await writePdf(labeledFixture(), pdfOptions({ arrows: false }));
    expect(report.messages.filter((m) => m.kind === 'ArrowNotRepresented').map((m) => m.labelId)).toEqual(['lives-in', 'works-for']);
    const names = (await pageTexts(bytes)).flatMap((p) => p.items.map((i) => i.str));
    expect(names).not.toContain('Arrows');
  });

  it('leaves out REJECTED and CONFLICT labels by default and says so; --include-conflicts keeps CONFLICT', async () => {
    const doc = tokenDocument({
      rows: [['a', 'b', 'c']],
      labelSets: [['KEEP', 'REJ', 'CONF']],
      spans: [
        { id: 'k', label: 'KEEP', start: [0, 0], end: [0, 0] },
        { id: 'r', label: 'REJ', start: [0, 1], end: [0, 1], status: 'REJECTED' },
        { id: 'c', label: 'CONF', start: [0, 2], end: [0, 2], labeledBy: 'CONFLICT' },
      ],
    });
    const plain = await writePdf(doc);
    expect(plain.report.messages.map((m) => [m.kind, m.labelId])).toEqual([
      ['RejectedLabelSkipped', 'r'],
      ['ConflictLabelSkipped', 'c'],
    ]);
    const kept = await writePdf(doc, pdfOptions({}, { includeConflicts: true }));
    const names = (await pageTexts(kept.bytes)).flatMap((p) => p.items.map((i) => i.str));
    expect(names).toContain('CONF');
    expect(names).not.toContain('REJ');
  });

  it('draws an arrow whose ends are on different pages to the margin on both pages, naming the other page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`w${i}`, 'x']);
    const doc = tokenDocument({
      rows,
      labelSets: [['A'], ['REL']],
      spans: [
        { id: 'first', label: 'A', start: [0, 0], end: [0, 0] },
        { id: 'last', label: 'A', start: [119, 0], end: [119, 0] },
      ],
      arrows: [{ id: 'far', from: 'first', to: 'last', label: 'REL', layer: 1 }],
    });
    const pages = await pageTexts((await writePdf(doc)).bytes);
    const last = pages.length;
    expect(last).toBeGreaterThan(1);
    expect(pages[0].items.map((i) => i.str)).toContain(`REL to p. ${last}`);
    expect(pages[last - 1].items.map((i) => i.str)).toContain('REL from p. 1');
  });

  it('--combine writes one PDF per project, each document starting a page with its heading', async () => {
    const docs = [labeledFixture(), { ...unicodeFixture(), project: labeledFixture().project }];
    const report = new Report();
    const files = await spanAndArrowVisualization.writeCombined!(docs, { options: pdfOptions(), report });
    expect(files.map((f) => f.name)).toEqual(['Visual check-P9.pdf']);
    const pages = await pageTexts(await collect(files[0].content));
    expect(pages).toHaveLength(2);
    expect(pages[0].items[0].str).toBe('labeled.txt');
    expect(pages[1].items[0].str).toBe('unicode.txt');
    expect(pages[1].items.map((i) => i.str)).toContain('Page 2 of 2');
    expect(report.messages.filter((m) => m.kind === 'GlyphMissing').map((m) => m.document)).toEqual(['unicode.txt']);
  });
});
