import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { pageGeometry } from '../../../src/core/formats/pdf/geometry.js';
import type { BoxItem } from '../../../src/core/formats/pdf/items.js';
import { layoutPages } from '../../../src/core/formats/pdf/layout.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import { tokenDocument } from '../../../src/core/model/build.js';
import { Report } from '../../../src/core/report/report.js';
import { pdfOptions, writePdf } from './fixtures.js';

const fonts = await loadFonts();

describe('spans the PDF has no place for', () => {
  it('more spans on one line than a page has tiers for: those drawn stay on the page, every other one is named (SpanNotDrawn)', async () => {
    const spans = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, label: 'A', start: [0, 1] as [number, number], end: [0, 1 + (i % 2)] as [number, number] }));
    const doc = tokenDocument({ rows: [['before', 'crowded', 'token', 'after']], labelSets: [['A']], spans });
    const options = pdfOptions();
    const geo = pageGeometry(options.pdf);
    const input = { doc, drawn: selectDrawnLabels(doc, options, new Report()), shownSets: new Set([0]) };
    const notDrawn: string[] = [];
    const pages = [...layoutPages([input], { geo, measure: fonts.measure, onMissing: () => {}, onSpanNotDrawn: (_d, span) => notDrawn.push(span.id) })];
    const boxes = pages.flatMap((p) => p.items).filter((i): i is BoxItem => i.kind === 'box');
    expect(boxes.length).toBeGreaterThan(20);
    for (const box of boxes) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.h).toBeLessThanOrEqual(geo.height);
    }
    // Every span is drawn or named, never both, never neither.
    const drawn = new Set(boxes.map((b) => b.spanId));
    expect(new Set(notDrawn).size + drawn.size).toBe(300);
    for (const id of notDrawn) expect(drawn.has(id)).toBe(false);

    const { report } = await writePdf(doc);
    const messages = report.messages.filter((m) => m.kind === 'SpanNotDrawn');
    expect(messages.map((m) => m.labelId).sort()).toEqual([...new Set(notDrawn)].sort());
    expect(messages[0].severity).toBe('warning');
  });

  it('a span over an empty token has no box: it is named, and so is the arrow to it', async () => {
    const doc = tokenDocument({
      rows: [['a', '', 'b']],
      labelSets: [['X'], ['REL']],
      spans: [
        { id: 'empty', label: 'X', start: [0, 1], end: [0, 1] },
        { id: 'b', label: 'X', start: [0, 2], end: [0, 2] },
      ],
      arrows: [{ id: 'r', from: 'b', to: 'empty', label: 'REL', layer: 1 }],
    });
    const { report } = await writePdf(doc);
    expect(report.messages.filter((m) => m.kind === 'SpanNotDrawn').map((m) => [m.labelId, m.text])).toEqual([['empty', 'the span covers no drawn character; it is not drawn']]);
    expect(report.messages.filter((m) => m.kind === 'ArrowEndpointMissing').map((m) => m.labelId)).toEqual(['r']);
  });
});
