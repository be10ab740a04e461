import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../src/core/formats/options.js';
import { loadFonts } from '../../../src/core/formats/pdf/fonts.js';
import { pageGeometry } from '../../../src/core/formats/pdf/geometry.js';
import type { BoxItem, LaidOutPage, TextItem } from '../../../src/core/formats/pdf/items.js';
import { layoutPages } from '../../../src/core/formats/pdf/layout.js';
import { selectDrawnLabels } from '../../../src/core/formats/pdf/select.js';
import { comparePositions } from '../../../src/core/model/positions.js';
import type { Document, Span } from '../../../src/core/model/types.js';
import { Report } from '../../../src/core/report/report.js';
import { readInput } from '../../../src/node/read-input.js';
import { benchDocument } from '../../../bench/pdf-1000-pages.js';
import { propertyParams } from '../../property/config.js';
import { tokenDocumentArb } from '../../property/arbitraries/token-document.js';
import { labeledFixture } from './fixtures.js';

const fonts = await loadFonts();
const options = resolveOptions();

function pages(doc: Document, fontSize = 10): LaidOutPage[] {
  const opts = { ...options, pdf: { ...options.pdf, fontSize } };
  const input = { doc, drawn: selectDrawnLabels(doc, opts, new Report()), shownSets: new Set(doc.labelSets.map((s) => s.index)) };
  return [...layoutPages([input], { geo: pageGeometry(opts.pdf), measure: fonts.measure, onMissing: () => {} })];
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const boxRect = (b: BoxItem): Rect => ({ x0: b.x, y0: b.y, x1: b.x + b.w, y1: b.y + b.h });
/** The glyphs' extent: the advance width, from the base face's ascent above the baseline to its descent below. */
function textRect(t: TextItem): Rect {
  const { ascent, descent } = fonts.measure.baseMetrics;
  return { x0: t.x, y0: t.y - ascent * t.size, x1: t.x + t.width, y1: t.y + descent * t.size };
}
const EPS = 1e-6;
const intersect = (a: Rect, b: Rect) => a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;
const inside = (a: Rect, b: Rect) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
/** Span a contains span b (equal spans contain each other). */
const contains = (a: Span, b: Span) => comparePositions(a.start, b.start) <= 0 && comparePositions(b.end, a.end) <= 0;

/**
 * The reading rules of the picture, on every page: two boxes of different spans intersect only
 * when one span contains the other; a label name intersects no box of another span except one of
 * a span containing its own, and then lies whole inside it (never across its edge); two label
 * names never intersect. Returns how many box pairs and name/box pairs were checked.
 */
function checkPages(doc: Document, laid: readonly LaidOutPage[]): { boxPairs: number; labelChecks: number } {
  const spans = new Map(doc.spans.map((s) => [s.id, s]));
  let boxPairs = 0;
  let labelChecks = 0;
  for (const page of laid) {
    const boxes = page.items.filter((i): i is BoxItem => i.kind === 'box');
    const labels = page.items.filter((i): i is TextItem => i.kind === 'text' && i.labelOf !== undefined);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.spanId === b.spanId) continue;
        boxPairs++;
        if (!intersect(boxRect(a), boxRect(b))) continue;
        const [sa, sb] = [spans.get(a.spanId)!, spans.get(b.spanId)!];
        expect(contains(sa, sb) || contains(sb, sa), `page ${page.number}: boxes of ${a.spanId} and ${b.spanId} intersect`).toBe(true);
      }
    }
    for (const label of labels) {
      const rect = textRect(label);
      for (const box of boxes) {
        if (box.spanId === label.labelOf) continue;
        labelChecks++;
        if (!intersect(rect, boxRect(box))) continue;
        const what = `page ${page.number}: label of ${label.labelOf} and box of ${box.spanId}`;
        expect(contains(spans.get(box.spanId)!, spans.get(label.labelOf!)!), `${what} intersect`).toBe(true);
        expect(inside(rect, boxRect(box)), `${what}: the name crosses the box's edge`).toBe(true);
      }
      for (const other of labels) {
        if (other !== label) expect(intersect(rect, textRect(other)), `page ${page.number}: names of ${label.labelOf} and ${other.labelOf}`).toBe(false);
      }
    }
  }
  return { boxPairs, labelChecks };
}

describe('the PDF layout reads at a glance (issue 13 item 8)', () => {
  it('nested, adjacent and crossing spans of the fixture: boxes meet only when one span contains the other, names clear of other boxes', () => {
    const doc = labeledFixture();
    const laid = pages(doc);
    const { boxPairs, labelChecks } = checkPages(doc, laid);
    expect(boxPairs).toBeGreaterThan(20);
    expect(labelChecks).toBeGreaterThan(50);
    // The cases that overlapped before: adjacent spans (PERSON "John Smith" and VERB "lives";
    // ORG "Acme Corp" and DATE "since 2019") each keep their own box.
    const box = (id: string) => laid[0].items.find((i): i is BoxItem => i.kind === 'box' && i.spanId === id)!;
    expect(intersect(boxRect(box('john')), boxRect(box('lives')))).toBe(false);
    expect(intersect(boxRect(box('acme')), boxRect(box('since')))).toBe(false);
    // A nested span still sits inside the one containing it.
    expect(inside(boxRect(box('ny')), boxRect(box('nyc')))).toBe(true);
  });

  it('holds at every font size on a long document with nested spans and arrows', () => {
    const doc = benchDocument(120, 7);
    for (const size of [6, 10, 16]) expect(checkPages(doc, pages(doc, size)).boxPairs).toBeGreaterThan(100);
  });

  it('holds on the demo project and the token sample exports', async () => {
    for (const input of ['fixtures/token-project.zip', '../shared/samples/token-json-advanced/Project 1.zip', '../shared/samples/token-json-advanced/Project 2.zip']) {
      const { projects } = await readInput(input, { cabinet: 'REVIEW' });
      for (const doc of projects.flatMap((p) => p.documents)) checkPages(doc, pages(doc));
    }
  });

  it('holds for generated documents at several font sizes: spans nested, crossing, adjacent, partial tokens, over rows, several on one place', () => {
    fc.assert(
      fc.property(tokenDocumentArb, fc.constantFrom(6, 10, 14, 24), (doc, fontSize) => {
        checkPages(doc, pages(doc, fontSize));
      }),
      propertyParams(60),
    );
  });
});
